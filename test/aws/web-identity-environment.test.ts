import {createServer} from 'node:http';
import net from 'node:net';
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi, type MockInstance} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../../source/aws/collect.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {accounts, sameAccountScenario} from '../support/fake-aws/scenarios.js';

/**
 * No profile named, no keys and no [default]: the credentials come from the environment's web identity
 * (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN), as on EKS or in a CI job. A failure there names that source and the fix.
 */
const state = useFakeAws({scenario: sameAccountScenario, files: () => ({config: '[profile other]\nregion = eu-west-1\n', credentials: ''})});

const roleArn = `arn:aws:iam::${accounts.app}:role/service/uploader`;
const question = {operation: 'upload', bucket: 'acme-uploads', objectKey: 'x.csv'} as const;

/** The environment of a web identity whose token file holds `token` (undefined: no file written), plus `extra`. */
const webIdentity = async (token: string | undefined, extra: NodeJS.ProcessEnv = {}): Promise<{env: NodeJS.ProcessEnv; tokenFile: string}> => {
	const tokenFile = join(state.home.dir, `token-${Math.random().toString(36).slice(2)}`);
	if (token !== undefined) await writeFile(tokenFile, token);
	return {tokenFile, env: {...state.home.env, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: roleArn, AWS_REGION: 'eu-west-1', ...extra}};
};
const jwt = 'eyJhbGciOiJSUzI1NiJ9.e30.signature';
const collect = (env: NodeJS.ProcessEnv, extra: Partial<CollectOptions> = {}) => collectSnapshot({question, env, ...extra});
const messageOf = (result: Awaited<ReturnType<typeof collect>>): string => (result.ok ? 'collected' : result.error.message);
const webIdentityCalls = () => state.fake.calls.filter(call => call.operation === 'AssumeRoleWithWebIdentity');

let connect: MockInstance;
beforeEach(() => {
	connect = vi.spyOn(net.Socket.prototype, 'connect');
});
afterEach(() => {
	connect.mockRestore();
});

describe('web identity from the environment (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN)', () => {
	it('assumes AWS_ROLE_ARN with the token in the file, as AWS_ROLE_SESSION_NAME, through STS at the configured endpoint', async () => {
		const {env} = await webIdentity(jwt, {AWS_ROLE_SESSION_NAME: 'ci-job'});
		const result = await collect(env);
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/ci-job`);
		const unnamed = await collect((await webIdentity(jwt)).env);
		// Without AWS_ROLE_SESSION_NAME, the session is named as the SDK's default chain names it.
		expect(unnamed.ok && unnamed.value.principal?.arn).toMatch(/:assumed-role\/uploader\/aws-sdk-js-session-\d+$/);
		expect(webIdentityCalls()).toHaveLength(2);
		const hosts = connect.mock.calls.map(args => String(((Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0]) as {host?: string}).host));
		expect(new Set(hosts)).toEqual(new Set(['127.0.0.1']));
	});

	it('a token file that cannot be read is one line naming it and the variable, and STS is not asked', async () => {
		const {env, tokenFile} = await webIdentity(undefined);
		expect(messageOf(await collect(env))).toBe(
			`cannot read the web identity token file ${tokenFile} (AWS_WEB_IDENTITY_TOKEN_FILE): no such file — point AWS_WEB_IDENTITY_TOKEN_FILE at the file that holds the identity provider's token, or unset it and AWS_ROLE_ARN to use other credentials`,
		);
		const folder = join(state.home.dir, 'a-folder');
		await mkdir(folder, {recursive: true});
		expect(messageOf(await collect({...env, AWS_WEB_IDENTITY_TOKEN_FILE: folder}))).toMatch(/^cannot read the web identity token file .*a-folder \(AWS_WEB_IDENTITY_TOKEN_FILE\): it is a folder — /);
		const empty = await webIdentity('');
		expect(messageOf(await collect(empty.env))).toMatch(/^the web identity token file .* \(AWS_WEB_IDENTITY_TOKEN_FILE\) is empty — point AWS_WEB_IDENTITY_TOKEN_FILE at/);
		expect(webIdentityCalls()).toEqual([]);
	});

	it('reads no more of a token file than a token can be: a device that never ends is one line, not the memory', async () => {
		// AWS's STS API model (sts/2011-06-15/service-2.json, as the AWS CLI ships it): WebIdentityToken is a clientTokenType, "max": 20000, "min": 4.
		const {env} = await webIdentity(undefined, {AWS_WEB_IDENTITY_TOKEN_FILE: '/dev/zero'});
		expect(messageOf(await collect(env))).toBe(
			"the web identity token file /dev/zero (AWS_WEB_IDENTITY_TOKEN_FILE) is over 64 KiB, and AWS STS takes a token of at most 20,000 characters: is it the right file? — point AWS_WEB_IDENTITY_TOKEN_FILE at the file that holds the identity provider's token, or unset it and AWS_ROLE_ARN to use other credentials",
		);
	});

	it("when STS refuses the role, names the role, the token file, AWS's error and the trust policy to check", async () => {
		const {env, tokenFile} = await webIdentity(jwt, {AWS_ROLE_ARN: `arn:aws:iam::${accounts.app}:role/not-trusted`});
		expect(messageOf(await collect(env))).toBe(
			`AWS STS refused the web identity token in ${tokenFile} (AWS_WEB_IDENTITY_TOKEN_FILE) for role arn:aws:iam::${accounts.app}:role/not-trusted (AWS_ROLE_ARN): AccessDenied: The web identity is not authorized to perform: sts:AssumeRoleWithWebIdentity on resource: arn:aws:iam::${accounts.app}:role/not-trusted — check the role's trust policy: it must allow sts:AssumeRoleWithWebIdentity to the token's identity provider (a Federated principal), with conditions the token's claims meet`,
		);
	});

	it('when STS says the token has expired, says to get a new one (as the STS API reference does)', async () => {
		// "The web identity token that was passed is expired or is not valid. Get a new identity token from the identity provider and then retry the request."
		state.fake.addFault({service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'error', error: {status: 400, code: 'ExpiredTokenException', message: 'Token expired: current date/time must be before the expiration date/time'}});
		const {env, tokenFile} = await webIdentity(jwt);
		expect(messageOf(await collect(env))).toBe(
			`AWS STS refused the web identity token in ${tokenFile} (AWS_WEB_IDENTITY_TOKEN_FILE) for role ${roleArn} (AWS_ROLE_ARN): ExpiredTokenException: Token expired: current date/time must be before the expiration date/time — get a new token from its identity provider into the file, then try again`,
		);
	});

	it('when STS cannot be reached, says so with the network fix', async () => {
		const closed = createServer();
		await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as net.AddressInfo).port;
		await new Promise(resolve => closed.close(resolve));
		const {env} = await webIdentity(jwt, {AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}`});
		expect(messageOf(await collect(env))).toBe(
			`AWS STS could not be reached for the web identity of role ${roleArn} (AWS_ROLE_ARN): connection refused, ECONNREFUSED — check the network connection and any proxy (HTTPS_PROXY), then try again`,
		);
	});

	it('bounds the answer of STS like any other: an oversized one is one line naming the web identity', async () => {
		state.fake.addFault({service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'flood', bytes: 32 * 1024 * 1024});
		const {env} = await webIdentity(jwt);
		expect(messageOf(await collect(env))).toBe(
			`the answer of AWS STS to the web identity of role ${roleArn} (AWS_ROLE_ARN) was over 4 MiB, the most one answer may hold — check the STS endpoint it uses (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL) and any proxy`,
		);
	});

	it('at the deadline, names the web identity STS did not answer for', async () => {
		state.fake.addFault({service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'hang'});
		const {env} = await webIdentity(jwt);
		expect(messageOf(await collect(env, {deadlineMs: 800}))).toBe(
			`the default credentials were not ready before the 0.8 s deadline: AWS STS did not answer for the web identity of role ${roleArn} (AWS_ROLE_ARN) — check the network connection and any proxy (HTTPS_PROXY), then try again`,
		);
		const call = webIdentityCalls()[0];
		await vi.waitFor(() => expect(call?.abandonedAt).toBeDefined(), {timeout: 10_000});
	});
});
