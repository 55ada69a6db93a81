import {createServer, type Server} from 'node:http';
import net from 'node:net';
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi, type MockInstance} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../../source/aws/collect.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {accounts, keys, sameAccountScenario} from '../support/fake-aws/scenarios.js';

const config = (endpoint: string) => `
[profile corp]
sso_session = corp-sso
sso_account_id = 111122223333
sso_role_name = Uploader
region = eu-west-1

[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 111122223333
sso_role_name = Uploader

[profile never-logged-in]
sso_session = other-sso
sso_account_id = 111122223333
sso_role_name = Uploader

[profile admin-via-sso]
role_arn = arn:aws:iam::111122223333:role/service/uploader
source_profile = corp

[profile deployer]
role_arn = arn:aws:iam::111122223333:role/service/uploader
role_session_name = doctor-test
source_profile = dev
region = eu-west-1

[profile dev]
region = eu-west-1

[profile vault]
credential_process = node CREDENTIAL_SCRIPT
region = eu-west-1

[profile region-only]
region = eu-west-1

[sso-session corp-sso]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[sso-session other-sso]
sso_start_url = https://other.awsapps.com/start
sso_region = eu-west-1
# endpoint for the fake: ${endpoint}
`;

const credentials = `[dev]
aws_access_key_id = ${keys.alice.accessKeyId}
aws_secret_access_key = ${keys.alice.secretAccessKey}
`;

const state = useFakeAws({scenario: sameAccountScenario, files: endpoint => ({config: config(endpoint), credentials})});

const question = {operation: 'upload', bucket: 'acme-uploads', objectKey: 'x.csv'} as const;
const collect = (extra: Partial<CollectOptions>) => collectSnapshot({question, env: state.home.env, ...extra});

/** Every TCP connection the process opens, by host: nothing may go anywhere but the fake on 127.0.0.1. */
let connect: MockInstance;
const hostsConnected = (): string[] =>
	connect.mock.calls.map(args => {
		// net.createConnection hands connect() its normalized [options, callback] pair.
		const first = (Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0]) as unknown;
		if (typeof first === 'object' && first !== null) return String((first as {host?: string; path?: string}).host ?? (first as {path?: string}).path ?? 'localhost');
		return String(args[1] ?? 'localhost');
	});
beforeEach(() => {
	connect = vi.spyOn(net.Socket.prototype, 'connect');
});
afterEach(() => {
	connect.mockRestore();
});

const expired = {accessToken: 'old-token', expiresAt: '2020-01-01T00:00:00Z', region: 'eu-west-1', startUrl: 'https://corp.awsapps.com/start'};

describe('credentials and profiles', () => {
	it('says to log in again when an sso-session token has expired, without any network call', async () => {
		await state.home.writeSsoToken('corp-sso', expired);
		const result = await collect({profile: 'corp'});
		expect(result).toEqual({ok: false, error: {kind: 'sso-expired', message: 'the AWS SSO session of profile corp has expired: run aws sso login --profile corp'}});
		expect(hostsConnected()).toEqual([]);
		expect(state.fake.calls).toEqual([]);
	});

	it('does the same for a legacy SSO profile, and for one that never logged in', async () => {
		await state.home.writeSsoToken('https://legacy.awsapps.com/start', {...expired, startUrl: 'https://legacy.awsapps.com/start'});
		expect(await collect({profile: 'legacy'})).toEqual({
			ok: false,
			error: {kind: 'sso-expired', message: 'the AWS SSO session of profile legacy has expired: run aws sso login --profile legacy'},
		});
		expect(await collect({profile: 'never-logged-in'})).toEqual({
			ok: false,
			error: {kind: 'sso-expired', message: 'profile never-logged-in is not logged in to AWS SSO: run aws sso login --profile never-logged-in'},
		});
		expect(hostsConnected()).toEqual([]);
	});

	it('names the SSO profile to log in with when a role profile gets its credentials from it', async () => {
		await state.home.writeSsoToken('corp-sso', expired);
		const result = await collect({profile: 'admin-via-sso'});
		expect(result.ok ? undefined : result.error).toEqual({kind: 'sso-expired', message: 'the AWS SSO session of profile admin-via-sso has expired: run aws sso login --profile corp'});
		expect(hostsConnected()).toEqual([]);
	});

	it('stops at an expired SSO session of the --bucket-profile too', async () => {
		await state.home.writeSsoToken('corp-sso', expired);
		const result = await collect({profile: 'dev', bucketProfile: 'corp'});
		expect(result.ok ? undefined : result.error.kind).toBe('sso-expired');
	});

	it('names an unknown profile, the flag that named it, and the profiles there are', async () => {
		const result = await collect({profile: 'dev', bucketProfile: 'prod'});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'unknown-profile',
			message: 'unknown AWS profile "prod" (--bucket-profile): known profiles: admin-via-sso, corp, deployer, dev, legacy, never-logged-in, region-only, vault',
		});
		const viaEnvironment = await collectSnapshot({question, env: {...state.home.env, AWS_PROFILE: 'staging'}});
		expect(viaEnvironment.ok ? undefined : viaEnvironment.error.message).toMatch(/^unknown AWS profile "staging" \(AWS_PROFILE\)/);
	});

	it('says a profile has no credentials, and that there are none at all', async () => {
		const result = await collect({profile: 'region-only'});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'no-credentials',
			message: `profile region-only has no credentials: it names no keys, role_arn, SSO or credential_process (in ${state.home.env['AWS_CONFIG_FILE']} or ${state.home.env['AWS_SHARED_CREDENTIALS_FILE']})`,
		});
		const nothing = await collect({});
		expect(nothing.ok ? undefined : nothing.error.kind).toBe('no-credentials');
		expect(nothing.ok ? '' : nothing.error.message).toMatch(/^no AWS credentials found: no --profile, no AWS_PROFILE, no AWS_ACCESS_KEY_ID and no \[default\] profile; pass --profile NAME \(known profiles: admin-via-sso/);
		// AWS_EC2_METADATA_DISABLED is set: the instance metadata service was not asked.
		expect(hostsConnected()).toEqual([]);
	});

	it('uses environment keys when no profile is named', async () => {
		const result = await collectSnapshot({question, env: {...state.home.env, AWS_ACCESS_KEY_ID: keys.alice.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.alice.secretAccessKey, AWS_REGION: 'eu-west-1'}});
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:iam::${accounts.app}:user/dev-alice`);
		expect(new Set(hostsConnected())).toEqual(new Set(['127.0.0.1']));
	});

	it('assumes the role of a role_arn + source_profile profile through STS at the configured endpoint', async () => {
		const result = await collect({profile: 'deployer'});
		expect(result.ok && result.value.principal).toMatchObject({
			arn: `arn:aws:sts::${accounts.app}:assumed-role/uploader/doctor-test`,
			roleArn: `arn:aws:iam::${accounts.app}:role/service/uploader`,
		});
		const assumed = state.fake.calls.filter(call => call.operation === 'AssumeRole');
		expect(assumed.map(call => call.accessKeyId)).toEqual([keys.alice.accessKeyId]);
		expect(new Set(hostsConnected())).toEqual(new Set(['127.0.0.1']));
	});

	it('bounds the answer of the STS call behind a role profile like any other answer', async () => {
		state.fake.addFault({service: 'sts', operation: 'AssumeRole', kind: 'flood', bytes: 256 * 1024 * 1024});
		const result = await collect({profile: 'deployer'});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'no-credentials',
			message:
				'could not get credentials for profile deployer: an answer of the AWS STS or SSO endpoint behind it was over 4 MiB, the most one answer may hold — check the endpoint it uses (endpoint_url, AWS_ENDPOINT_URL) and any proxy',
		});
	});

	it('runs a credential_process profile', async () => {
		const script = join(state.home.dir, 'credentials.mjs');
		await writeFile(script, `console.log(JSON.stringify({Version: 1, AccessKeyId: '${keys.alice.accessKeyId}', SecretAccessKey: '${keys.alice.secretAccessKey}'}));\n`);
		const configPath = join(state.home.dir, 'config-with-process');
		await writeFile(configPath, config(state.fake.url).replace('CREDENTIAL_SCRIPT', JSON.stringify(script)));
		const result = await collectSnapshot({question, profile: 'vault', env: {...state.home.env, AWS_CONFIG_FILE: configPath}});
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:iam::${accounts.app}:user/dev-alice`);
	});
});

/** A server that takes every request and never answers; how many connections the client has closed. */
const silentServer = async (): Promise<{url: string; closed: () => number; server: Server}> => {
	let closed = 0;
	const server = createServer(request => request.socket.once('close', () => closed++));
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, closed: () => closed, server};
};

describe('credentials that do not come: the deadline and Ctrl+C end their requests', () => {
	it('aborts the AssumeRole call of a role profile when STS never answers', async () => {
		state.fake.addFault({service: 'sts', operation: 'AssumeRole', kind: 'hang'});
		const result = await collect({profile: 'deployer', deadlineMs: 800});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'no-credentials',
			message: 'the credentials of profile deployer were not ready before the 0.8 s deadline: AWS STS did not answer — check the network connection and any proxy (HTTPS_PROXY), then try again',
		});
		const assumeRole = state.fake.calls.find(call => call.operation === 'AssumeRole');
		await vi.waitFor(() => expect(assumeRole?.abandonedAt).toBeDefined(), {timeout: 3000});
	});

	it('gives each attempt of the STS call the same time as a read, and then says STS did not answer', async () => {
		state.fake.addFault({service: 'sts', operation: 'AssumeRole', kind: 'hang'});
		const started = Date.now();
		const result = await collect({profile: 'deployer', callTimeoutMs: 300});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'no-credentials',
			message: 'could not get credentials for profile deployer: AWS STS or SSO did not answer in time — check the network connection and any proxy (HTTPS_PROXY), then try again',
		});
		expect(Date.now() - started).toBeLessThan(5000);
		// Retried as a read is: three attempts, each given up.
		expect(state.fake.calls.filter(call => call.operation === 'AssumeRole')).toHaveLength(3);
	});

	it("aborts the SSO portal's call when it never answers, and names the SSO login as the other fix", async () => {
		await state.home.writeSsoToken('corp-sso', {...expired, expiresAt: new Date(Date.now() + 3_600_000).toISOString()});
		const portal = await silentServer();
		try {
			const result = await collectSnapshot({question, profile: 'corp', env: {...state.home.env, AWS_ENDPOINT_URL_SSO: portal.url}, deadlineMs: 800});
			expect(result.ok ? undefined : result.error).toEqual({
				kind: 'no-credentials',
				message:
					'the credentials of profile corp were not ready before the 0.8 s deadline: the AWS SSO portal did not answer — check the network connection and any proxy (HTTPS_PROXY), then try again, or run aws sso login --profile corp',
			});
			await vi.waitFor(() => expect(portal.closed()).toBe(1), {timeout: 3000});
		} finally {
			portal.server.closeAllConnections();
			portal.server.close();
		}
	});
});
