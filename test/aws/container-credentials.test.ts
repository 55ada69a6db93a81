import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../../source/aws/collect.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {flood} from '../support/fake-imds.js';
import {accounts, keys, sameAccountScenario} from '../support/fake-aws/scenarios.js';

/**
 * No profile named, no keys, no [default] and no web identity: the credentials come from the container's endpoint
 * (an ECS task role, EKS Pod Identity), as the SDKs' default chain takes them (credential-provider-http's fromHttp:
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI, with AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE or _TOKEN as the
 * Authorization header). A failure there names the endpoint, the variable and the fix.
 */
const state = useFakeAws({scenario: sameAccountScenario, files: () => ({config: '[profile other]\nregion = eu-west-1\n', credentials: ''})});

const question = {operation: 'upload', bucket: 'acme-uploads', objectKey: 'x.csv'} as const;
const collect = (env: NodeJS.ProcessEnv, extra: Partial<CollectOptions> = {}) => collectSnapshot({question, env, ...extra});
const messageOf = (result: Awaited<ReturnType<typeof collect>>): string => (result.ok ? 'collected' : result.error.message);

/** The container's credentials endpoint: answers as `respond` says, and keeps the Authorization headers it got. */
let agent: Server;
let respond: (request: IncomingMessage, response: ServerResponse) => void;
const authorizations: (string | undefined)[] = [];
let endpoint = '';
const credentialsAnswer = {
	AccessKeyId: keys.uploader.accessKeyId,
	SecretAccessKey: keys.uploader.secretAccessKey,
	Token: keys.uploader.sessionToken,
	Expiration: '2099-01-01T00:00:00Z',
	AccountId: accounts.app,
};
const answerWith = (status: number, body: unknown) => (_request: IncomingMessage, response: ServerResponse) => {
	response.writeHead(status, {'content-type': 'application/json'});
	response.end(typeof body === 'string' ? body : JSON.stringify(body));
};

beforeAll(async () => {
	agent = createServer((request, response) => {
		authorizations.push(request.headers.authorization);
		respond(request, response);
	});
	await new Promise<void>(resolve => agent.listen(0, '127.0.0.1', resolve));
	endpoint = `http://127.0.0.1:${(agent.address() as AddressInfo).port}/v1/credentials`;
});
afterAll(async () => {
	agent.closeAllConnections();
	await new Promise(resolve => agent.close(resolve));
});
afterEach(() => {
	authorizations.length = 0;
});

const containerEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({...state.home.env, AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint, AWS_REGION: 'eu-west-1', ...extra});
const tokenFileWith = async (token: string): Promise<string> => {
	const path = join(state.home.dir, `pod-token-${Math.random().toString(36).slice(2)}`);
	await writeFile(path, token);
	return path;
};

describe('credentials from the container endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI)', () => {
	it('EKS Pod Identity: sends the token from AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE and uses the keys it answers', async () => {
		respond = answerWith(200, credentialsAnswer);
		const tokenFile = await tokenFileWith('pod-identity-token');
		const result = await collect(containerEnv({AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'not-this-one'}));
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/ci-run`);
		// The file wins over the variable, as in the SDKs.
		expect(authorizations).toEqual(['pod-identity-token']);
	});

	it('sends AWS_CONTAINER_AUTHORIZATION_TOKEN when no token file is set, and nothing when neither is', async () => {
		respond = answerWith(200, credentialsAnswer);
		expect((await collect(containerEnv({AWS_CONTAINER_AUTHORIZATION_TOKEN: 'task-token'}))).ok).toBe(true);
		expect((await collect(containerEnv())).ok).toBe(true);
		expect(authorizations).toEqual(['task-token', undefined]);
	});

	it('a refusal names the endpoint, its answer and what to check, not "no AWS credentials found"', async () => {
		respond = answerWith(401, {Code: 'AccessDeniedException', Message: 'invalid token'});
		const tokenFile = await tokenFileWith('stale');
		expect(messageOf(await collect(containerEnv({AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile})))).toBe(
			`the container credentials endpoint ${endpoint} (AWS_CONTAINER_CREDENTIALS_FULL_URI) answered 401 (AccessDeniedException: invalid token) — check the token in AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE and the pod's or task's role association, or unset AWS_CONTAINER_CREDENTIALS_FULL_URI to use other credentials`,
		);
		// A refusal is not tried again.
		expect(authorizations).toHaveLength(1);
	});

	it('a server error is tried once more, then one line says to try again later', async () => {
		respond = answerWith(500, 'oops');
		expect(messageOf(await collect(containerEnv()))).toBe(`the container credentials endpoint ${endpoint} (AWS_CONTAINER_CREDENTIALS_FULL_URI) answered 500 — try again later`);
		expect(authorizations).toHaveLength(2);
	});

	it('an answer without credentials says so', async () => {
		respond = answerWith(200, {AccessKeyId: 'ASIA', Expiration: 'soon'});
		expect(messageOf(await collect(containerEnv()))).toMatch(/^the container credentials endpoint .* answered without credentials \(AccessKeyId, SecretAccessKey, Token and Expiration\) — /);
	});

	it('reads no more of a token file than a token can be, and no more of an answer than 4 MiB', async () => {
		respond = answerWith(200, credentialsAnswer);
		expect(messageOf(await collect(containerEnv({AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/dev/zero'})))).toBe(
			"the container authorization token file /dev/zero (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE) is over 64 KiB, and an authorization token is a few hundred characters: is it the right file? — point AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE at the token the container's agent gives (EKS Pod Identity mounts one), or unset it",
		);
		expect(authorizations).toEqual([]);
		respond = flood;
		expect(messageOf(await collect(containerEnv()))).toMatch(/^the answer of the container credentials endpoint .* was over 4 MiB, the most one answer may hold — /);
	});

	it('a token with a line break is refused before anything is sent, as the SDKs refuse it', async () => {
		respond = answerWith(200, credentialsAnswer);
		expect(messageOf(await collect(containerEnv({AWS_CONTAINER_AUTHORIZATION_TOKEN: 'a\r\nX-Injected: 1'})))).toMatch(/^the container authorization token \(AWS_CONTAINER_AUTHORIZATION_TOKEN\) holds a line break/);
		expect(authorizations).toEqual([]);
	});

	it('plain http only to the loopback or the ECS and EKS hosts, as the SDKs take it', async () => {
		expect(messageOf(await collect(containerEnv({AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://example.com/credentials'})))).toBe(
			'the container credentials endpoint http://example.com/credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI) is not an address the AWS SDKs take credentials from: it must be https, or http to the loopback (127.0.0.0/8, [::1]), the ECS host 169.254.170.2 or the EKS hosts 169.254.170.23 and [fd00:ec2::23] — fix it, or unset AWS_CONTAINER_CREDENTIALS_FULL_URI to use other credentials',
		);
		expect(messageOf(await collect(containerEnv({AWS_CONTAINER_CREDENTIALS_FULL_URI: 'not a url'})))).toMatch(/^the container credentials endpoint not a url \(AWS_CONTAINER_CREDENTIALS_FULL_URI\) is not a URL — /);
	});

	it('an endpoint that cannot be reached is one line naming it', async () => {
		const closed = createServer();
		await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise(resolve => closed.close(resolve));
		expect(messageOf(await collect(containerEnv({AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${port}/creds`})))).toBe(
			`the container credentials endpoint http://127.0.0.1:${port}/creds (AWS_CONTAINER_CREDENTIALS_FULL_URI) could not be reached: connection refused, ECONNREFUSED — run where that endpoint is (the ECS task or EKS pod it belongs to), or unset AWS_CONTAINER_CREDENTIALS_FULL_URI to use other credentials`,
		);
	});

	it('at the deadline, names the endpoint that did not answer, and the request is stopped', async () => {
		let closedAt: number | undefined;
		respond = request => {
			request.socket.once('close', () => (closedAt = Date.now()));
		};
		expect(messageOf(await collect(containerEnv(), {deadlineMs: 800}))).toBe(
			`the default credentials were not ready before the 0.8 s deadline: the container credentials endpoint ${endpoint} (AWS_CONTAINER_CREDENTIALS_FULL_URI) did not answer — run where that endpoint is (the ECS task or EKS pod it belongs to), or unset AWS_CONTAINER_CREDENTIALS_FULL_URI to use other credentials`,
		);
		await vi.waitFor(() => expect(closedAt).toBeDefined(), {timeout: 10_000});
	});
});
