import {execFileSync} from 'node:child_process';
import {createServer, type Server} from 'node:http';
import net from 'node:net';
import {readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi, type MockInstance} from 'vitest';
import {credentialsOfOutput} from '../../source/aws/credential-process.js';
import {collectSnapshot, type CollectOptions} from '../../source/aws/collect.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {accounts, keys, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {alive} from '../support/process-alive.js';

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

	it("says what STS's refusal, throttling or failure of a role profile's sts:AssumeRole means, in one line naming the profile and the fix", async () => {
		// IAM: "To change who can assume a role, you must modify the role's trust policy."
		const lines: Record<string, unknown> = {};
		const refusal = `User: arn:aws:iam::${accounts.app}:user/dev-alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${accounts.app}:role/service/uploader`;
		for (const kind of ['denied', 'throttle', 'server-error'] as const) {
			state.fake.clearFaults();
			state.fake.addFault({service: 'sts', operation: 'AssumeRole', kind: kind === 'denied' ? 'error' : kind, error: {status: 403, code: 'AccessDenied', message: refusal}});
			const result = await collect({profile: 'deployer'});
			lines[kind] = result.ok ? undefined : result.error;
		}
		expect(lines).toEqual({
			denied: {
				kind: 'no-credentials',
				message:
					`could not get credentials for profile deployer: AWS STS refused to let it assume its role (AccessDenied: ${refusal}) — check the role's trust policy (it must let the source credentials' identity call sts:AssumeRole) and that identity's own policies`,
			},
			throttle: {kind: 'no-credentials', message: 'could not get credentials for profile deployer: AWS STS throttled the request (Throttling) — wait a minute, then try again'},
			'server-error': {kind: 'no-credentials', message: 'could not get credentials for profile deployer: AWS STS failed (InternalFailure) — wait a minute, then try again'},
		});
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


/** The vault profile with `source` as its credential_process (run by node, with `args`), and `profiles` after it; the path of the file it writes its PID to. */
const vaultRunning = async (source: string, profiles = '', args = ''): Promise<{env: NodeJS.ProcessEnv; pidFile: string}> => {
	const pidFile = join(state.home.dir, `pid-${Math.random().toString(36).slice(2)}`);
	const script = join(state.home.dir, `process-${Math.random().toString(36).slice(2)}.mjs`);
	await writeFile(script, `import {writeFileSync} from 'node:fs';\nwriteFileSync(${JSON.stringify(pidFile)}, String(process.pid));\n${source}\n`);
	const configPath = join(state.home.dir, `config-${Math.random().toString(36).slice(2)}`);
	await writeFile(configPath, `${config(state.fake.url).replace('CREDENTIAL_SCRIPT', `${JSON.stringify(script)}${args}`)}${profiles}`);
	return {env: {...state.home.env, AWS_CONFIG_FILE: configPath}, pidFile};
};

/** The process's pid once it is written: the file exists, empty, before the write lands (and pid 0 would be our own group). */
const pidIn = (file: string): Promise<number> =>
	vi.waitFor(
		async () => {
			const pid = Number(await readFile(file, 'utf8'));
			if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid in ${file} yet`);
			return pid;
		},
		{timeout: 5000},
	);

/** A server that takes every request and never answers; how many connections the client has closed. */
const silentServer = async (): Promise<{url: string; closed: () => number; server: Server}> => {
	let closed = 0;
	const server = createServer(request => request.socket.once('close', () => closed++));
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, closed: () => closed, server};
};

const sleepsForAMinute = 'setTimeout(() => {}, 60_000);';

describe('credentials that do not come: the deadline and Ctrl+C end them, and nothing of them is left running', () => {
	it('kills a credential_process still running at the deadline, and says so in one line naming the profile and the fix', async () => {
		const {env, pidFile} = await vaultRunning(sleepsForAMinute);
		// The process sleeps past the test's time: only the deadline can end the collection (the line says it did).
		const result = await collectSnapshot({question, profile: 'vault', env, deadlineMs: 800});
		expect(result).toEqual({
			ok: false,
			error: {
				kind: 'no-credentials',
				message: 'the credentials of profile vault were not ready before the 0.8 s deadline: its credential_process did not finish — run it on its own to see what it waits for (a login, a prompt)',
			},
		});
		const pid = await pidIn(pidFile);
		await vi.waitFor(() => expect(alive(pid)).toBe(false), {timeout: 10_000});
	});

	it('kills it at Ctrl+C too: the collection is cancelled at once', async () => {
		const {env, pidFile} = await vaultRunning(sleepsForAMinute);
		const controller = new AbortController();
		const collecting = collectSnapshot({question, profile: 'vault', env, signal: controller.signal});
		const pid = await pidIn(pidFile);
		controller.abort();
		expect(await collecting).toEqual({ok: false, error: {kind: 'cancelled', message: 'collection cancelled'}});
		await vi.waitFor(() => expect(alive(pid)).toBe(false), {timeout: 10_000});
	});

	it('aborts the AssumeRole call of a role profile when STS never answers', async () => {
		state.fake.addFault({service: 'sts', operation: 'AssumeRole', kind: 'hang'});
		const result = await collect({profile: 'deployer', deadlineMs: 800});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'no-credentials',
			message: 'the credentials of profile deployer were not ready before the 0.8 s deadline: AWS STS did not answer — check the network connection and any proxy (HTTPS_PROXY), then try again',
		});
		const assumeRole = state.fake.calls.find(call => call.operation === 'AssumeRole');
		await vi.waitFor(() => expect(assumeRole?.abandonedAt).toBeDefined(), {timeout: 10_000});
	});

	it('gives each attempt of the STS call the same time as a read, and then says STS did not answer', async () => {
		state.fake.addFault({service: 'sts', operation: 'AssumeRole', kind: 'hang'});
		// A deadline within the test's time: attempts without a timeout of their own would end there, with another line.
		const result = await collect({profile: 'deployer', callTimeoutMs: 300, deadlineMs: 15_000});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'no-credentials',
			message: 'could not get credentials for profile deployer: AWS STS or SSO did not answer in time — check the network connection and any proxy (HTTPS_PROXY), then try again',
		});
		// Retried as a read is: three attempts, each given up (its connection closed).
		const attempts = state.fake.calls.filter(call => call.operation === 'AssumeRole');
		expect(attempts).toHaveLength(3);
		await vi.waitFor(() => expect(attempts.filter(call => call.abandonedAt === undefined)).toEqual([]), {timeout: 10_000});
	});

	it("says what the SSO portal's refusal, throttling, absence or a non-AWS answer means, in one line naming the profile and the fix", async () => {
		await state.home.writeSsoToken('corp-sso', {...expired, expiresAt: new Date(Date.now() + 3_600_000).toISOString()});
		// A token the cache still dates as valid, signed out or revoked: the portal answers 401. AWS (GetRoleCredentials):
		// UnauthorizedException "Indicates that the request is not authorized. This can happen due to an invalid access token in the request."
		const answers: Readonly<Record<string, {status: number; headers: Record<string, string>; body: string}>> = {
			refused: {status: 401, headers: {'content-type': 'application/json', 'x-amzn-errortype': 'UnauthorizedException'}, body: JSON.stringify({message: 'Session token not found or invalid'})},
			throttled: {status: 429, headers: {'content-type': 'application/json', 'x-amzn-errortype': 'TooManyRequestsException'}, body: JSON.stringify({message: 'Rate exceeded'})},
			proxy: {status: 200, headers: {'content-type': 'text/html'}, body: '<html><body>Sign in to the proxy</body></html>'},
		};
		const lines: Record<string, unknown> = {};
		for (const [name, answer] of Object.entries(answers)) {
			const portal = createServer((_request, response) => {
				response.writeHead(answer.status, answer.headers);
				response.end(answer.body);
			});
			await new Promise<void>(resolve => portal.listen(0, '127.0.0.1', resolve));
			try {
				const result = await collectSnapshot({question, profile: 'corp', env: {...state.home.env, AWS_ENDPOINT_URL_SSO: `http://127.0.0.1:${(portal.address() as net.AddressInfo).port}`}});
				lines[name] = result.ok ? undefined : result.error;
			} finally {
				portal.closeAllConnections();
				portal.close();
			}
		}
		// Port 9 (discard) on the loopback: nothing listens, the connection is refused.
		const unreachable = await collectSnapshot({question, profile: 'corp', env: {...state.home.env, AWS_ENDPOINT_URL_SSO: 'http://127.0.0.1:9'}});
		lines['unreachable'] = unreachable.ok ? undefined : unreachable.error;
		expect(lines).toEqual({
			refused: {kind: 'sso-expired', message: 'the AWS SSO session of profile corp has expired or is invalid: run aws sso login --profile corp'},
			throttled: {kind: 'no-credentials', message: 'could not get credentials for profile corp: the AWS SSO portal throttled the request (TooManyRequestsException) — wait a minute, then try again'},
			proxy: {
				kind: 'no-credentials',
				message: "could not get credentials for profile corp: the answer of the AWS SSO portal was not AWS's (it could not be parsed) — check the endpoint it uses (endpoint_url, AWS_ENDPOINT_URL) and any proxy",
			},
			unreachable: {
				kind: 'no-credentials',
				message: 'could not get credentials for profile corp: the AWS SSO portal could not be reached (connection refused, ECONNREFUSED) — check the network connection and any proxy (HTTPS_PROXY), then try again',
			},
		});
		expect(state.fake.calls).toEqual([]);
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
			await vi.waitFor(() => expect(portal.closed()).toBe(1), {timeout: 10_000});
		} finally {
			portal.server.closeAllConnections();
			portal.server.close();
		}
	});
});

/**
 * A web-identity profile (web_identity_token_file + role_arn): the SDK hands it to its own STS client, which takes
 * none of ours. Its AssumeRoleWithWebIdentity must go where our settings say, bounded, and stop with the collection.
 */
const webIdentityProfiles = `
[profile ci]
web_identity_token_file = TOKEN_FILE
role_arn = arn:aws:iam::111122223333:role/service/uploader
role_session_name = ci-run
region = eu-west-1

[profile deployer-via-ci]
role_arn = arn:aws:iam::111122223333:role/service/uploader
role_session_name = deploy
source_profile = ci
region = eu-west-1
`;

/** The environment of a config with the web-identity profiles above (and a token file), plus `extra`. */
const webIdentityEnv = async (extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> => {
	const tokenFile = join(state.home.dir, 'web-identity-token');
	await writeFile(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.e30.signature');
	const configPath = join(state.home.dir, 'config-web-identity');
	await writeFile(configPath, `${config(state.fake.url)}${webIdentityProfiles.replace('TOKEN_FILE', tokenFile)}`);
	return {...state.home.env, AWS_CONFIG_FILE: configPath, ...extra};
};

describe('a web-identity profile (web_identity_token_file + role_arn): its STS call takes our client settings', () => {
	it('assumes the role through STS at the configured endpoint, alone and as the source_profile of a role profile', async () => {
		const env = await webIdentityEnv();
		const result = await collectSnapshot({question, profile: 'ci', env});
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/ci-run`);
		const chained = await collectSnapshot({question, profile: 'deployer-via-ci', env});
		expect(chained.ok && chained.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/deploy`);
		expect(state.fake.calls.filter(call => call.operation.startsWith('AssumeRole')).map(call => call.operation)).toEqual([
			'AssumeRoleWithWebIdentity',
			'AssumeRoleWithWebIdentity',
			'AssumeRole',
		]);
		expect(new Set(hostsConnected())).toEqual(new Set(['127.0.0.1']));
	});

	it('sends it to the STS endpoint our settings name (AWS_ENDPOINT_URL_STS of the collection), and cuts it at the deadline with one line naming the profile', async () => {
		const sts = await silentServer();
		try {
			const result = await collectSnapshot({question, profile: 'ci', env: await webIdentityEnv({AWS_ENDPOINT_URL_STS: sts.url}), deadlineMs: 800});
			expect(result.ok ? undefined : result.error).toEqual({
				kind: 'no-credentials',
				message: 'the credentials of profile ci were not ready before the 0.8 s deadline: AWS STS did not answer — check the network connection and any proxy (HTTPS_PROXY), then try again',
			});
			// The request reached the endpoint named for this collection, and was given up (its connection closed).
			await vi.waitFor(() => expect(sts.closed()).toBe(1), {timeout: 10_000});
			expect(state.fake.calls.filter(call => call.operation === 'AssumeRoleWithWebIdentity')).toEqual([]);
		} finally {
			sts.server.closeAllConnections();
			sts.server.close();
		}
	});

	it('aborts it at Ctrl+C: the collection is cancelled at once', async () => {
		state.fake.addFault({service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'hang'});
		const controller = new AbortController();
		const collecting = collectSnapshot({question, profile: 'ci', env: await webIdentityEnv(), signal: controller.signal});
		await vi.waitFor(() => expect(state.fake.calls.some(call => call.operation === 'AssumeRoleWithWebIdentity')).toBe(true), {timeout: 10_000});
		controller.abort();
		expect(await collecting).toEqual({ok: false, error: {kind: 'cancelled', message: 'collection cancelled'}});
		const call = state.fake.calls.find(candidate => candidate.operation === 'AssumeRoleWithWebIdentity');
		await vi.waitFor(() => expect(call?.abandonedAt).toBeDefined(), {timeout: 10_000});
	});

	it('reads its token file only once it is a small regular file: a device, a pipe, a missing or empty file is one line, and STS is not asked', async () => {
		const withTokenFile = async (path: string): Promise<NodeJS.ProcessEnv> => {
			const configPath = join(state.home.dir, `config-token-${Math.random().toString(36).slice(2)}`);
			await writeFile(configPath, `${config(state.fake.url)}${webIdentityProfiles.replace('TOKEN_FILE', path)}`);
			return {...state.home.env, AWS_CONFIG_FILE: configPath};
		};
		const messageFor = async (path: string, profile = 'ci'): Promise<string> => {
			const result = await collectSnapshot({question, profile, env: await withTokenFile(path)});
			return result.ok ? 'collected' : result.error.message;
		};
		const fix = "point web_identity_token_file of profile ci at the file that holds the identity provider's token";
		// The SDK's readFileSync of /dev/zero would hold the event loop and grow without end.
		expect(await messageFor('/dev/zero')).toBe(
			`could not get credentials for profile ci: the web identity token file /dev/zero (web_identity_token_file of profile ci) is not a regular file (a device or a pipe, which the AWS SDK cannot read to its end) — ${fix}`,
		);
		const pipe = join(state.home.dir, 'token-pipe');
		execFileSync('mkfifo', [pipe]);
		expect(await messageFor(pipe, 'deployer-via-ci')).toBe(
			`could not get credentials for profile deployer-via-ci: the web identity token file ${pipe} (web_identity_token_file of profile ci) is not a regular file (a device or a pipe, which the AWS SDK cannot read to its end) — ${fix}`,
		);
		const missing = join(state.home.dir, 'no-such-token');
		expect(await messageFor(missing)).toBe(`could not get credentials for profile ci: cannot read the web identity token file ${missing} (web_identity_token_file of profile ci): no such file — ${fix}`);
		const empty = join(state.home.dir, 'empty-token');
		await writeFile(empty, '');
		expect(await messageFor(empty)).toMatch(/is empty — point web_identity_token_file of profile ci at/);
		const huge = join(state.home.dir, 'huge-token');
		await writeFile(huge, 'x'.repeat(65 * 1024));
		expect(await messageFor(huge)).toMatch(/is over 64 KiB, and AWS STS takes a token of at most 20,000 characters: is it the right file\? — /);
		expect(state.fake.calls.filter(call => call.operation === 'AssumeRoleWithWebIdentity')).toEqual([]);
	});

	it('bounds its answer like any other: an oversized one fails with one line naming the profile', async () => {
		state.fake.addFault({service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'flood', bytes: 32 * 1024 * 1024});
		const result = await collectSnapshot({question, profile: 'ci', env: await webIdentityEnv()});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'no-credentials',
			message:
				'could not get credentials for profile ci: an answer of the AWS STS or SSO endpoint behind it was over 4 MiB, the most one answer may hold — check the endpoint it uses (endpoint_url, AWS_ENDPOINT_URL) and any proxy',
		});
		const flood = state.fake.calls.find(call => call.operation === 'AssumeRoleWithWebIdentity');
		await vi.waitFor(() => expect(flood?.finishedAt).toBeDefined(), {timeout: 10_000});
		// The client hung up long before the 32 MiB end; what the sockets' buffers took meanwhile varies with the load.
		expect(flood?.bodyBytesSent).toBeLessThan(16 * 1024 * 1024);
	});

	it('without a profile, AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN go the same way', async () => {
		const sts = await silentServer();
		try {
			const env = await webIdentityEnv({
				AWS_ENDPOINT_URL_STS: sts.url,
				AWS_WEB_IDENTITY_TOKEN_FILE: join(state.home.dir, 'web-identity-token'),
				AWS_ROLE_ARN: `arn:aws:iam::${accounts.app}:role/service/uploader`,
				AWS_REGION: 'eu-west-1',
			});
			const result = await collectSnapshot({question, env, deadlineMs: 800});
			expect(result.ok ? undefined : result.error.message).toMatch(/^the default credentials were not ready before the 0\.8 s deadline/);
			await vi.waitFor(() => expect(sts.closed()).toBe(1), {timeout: 10_000});
		} finally {
			sts.server.closeAllConnections();
			sts.server.close();
		}
	});
});

describe("a credential_process's answer", () => {
	const now = new Date('2026-06-01T12:00:00Z');

	/**
	 * AWS SDK for Rust, aws_config::credential_process: "The Version must be set to 1. AccessKeyId and
	 * SecretAccessKey are always required." The JavaScript SDK's fromProcess checks the same, and refuses an
	 * Expiration already past.
	 */
	it('is taken as the SDK takes it: Version 1, both keys, an Expiration not past', () => {
		const output = {Version: 1, AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: '2026-06-01T13:00:00Z'};
		expect(credentialsOfOutput(JSON.stringify(output), undefined, now)).toEqual({
			ok: true,
			value: {accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiration: new Date('2026-06-01T13:00:00Z')},
		});
		expect(credentialsOfOutput(JSON.stringify({...output, Version: 2}), undefined, now)).toEqual({ok: false, error: 'did not print "Version": 1'});
		expect(credentialsOfOutput(JSON.stringify({Version: 1, AccessKeyId: 'ASIAEXAMPLE'}), undefined, now)).toEqual({ok: false, error: 'printed no AccessKeyId and SecretAccessKey'});
		expect(credentialsOfOutput(JSON.stringify({...output, Expiration: '2026-06-01T11:00:00Z'}), undefined, now)).toEqual({
			ok: false,
			error: 'printed credentials that expired at 2026-06-01T11:00:00Z',
		});
		expect(credentialsOfOutput('Enter MFA code:', undefined, now)).toEqual({ok: false, error: 'did not print a JSON object'});
	});

	/**
	 * AWS CLI User Guide, "Sourcing credentials with an external process": "Ensure that your custom credential tool
	 * does not write any secret information to StdErr because the SDKs and AWS CLI can capture and log such
	 * information": as they do, the first line of its standard error is in the message.
	 */
	it('run without a shell, as the AWS CLI runs it: a program it cannot start is named, with the fix', async () => {
		const configPath = join(state.home.dir, 'config-with-tilde');
		await writeFile(configPath, config(state.fake.url).replace('node CREDENTIAL_SCRIPT', '~/bin/vault-credentials --json'));
		const result = await collectSnapshot({question, profile: 'vault', env: {...state.home.env, AWS_CONFIG_FILE: configPath}});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'no-credentials',
			message:
				'could not get credentials for profile vault: its credential_process could not be started (ENOENT): ~/bin/vault-credentials — it is run as the AWS CLI runs it, without a shell: name the program by its full path, with no ~ or variables',
		});
	});

	it('when it fails, names the profile, the exit code and the first line it wrote to standard error', async () => {
		const {env} = await vaultRunning("process.stderr.write('vault is sealed\\nsecond line\\n'); process.exit(3);");
		const result = await collectSnapshot({question, profile: 'vault', env});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'no-credentials',
			message: 'could not get credentials for profile vault: its credential_process failed (exit code 3): vault is sealed',
		});
	});
});

/**
 * A role profile whose source_profile (or one further down its chain) gets its credentials from a credential_process:
 * the process is run by us, as a credential_process profile's own is, and each role is assumed with the credentials
 * before it through our STS settings.
 */
const behindVault = `
[profile vault-role]
role_arn = arn:aws:iam::111122223333:role/service/uploader
role_session_name = doctor-vault
source_profile = vault
region = eu-west-1

[profile vault-role-again]
role_arn = arn:aws:iam::111122223333:role/service/uploader
role_session_name = doctor-vault-again
source_profile = vault-role
region = eu-west-1

[profile loop-a]
role_arn = arn:aws:iam::111122223333:role/service/uploader
source_profile = loop-b

[profile loop-b]
role_arn = arn:aws:iam::111122223333:role/service/uploader
source_profile = loop-c

[profile loop-c]
role_arn = arn:aws:iam::111122223333:role/service/uploader
source_profile = loop-a

[profile loop-self]
role_arn = arn:aws:iam::111122223333:role/service/uploader
source_profile = loop-self

[profile own-keys]
role_arn = arn:aws:iam::111122223333:role/service/uploader
role_session_name = doctor-own-keys
source_profile = own-keys
aws_access_key_id = ${keys.alice.accessKeyId}
aws_secret_access_key = ${keys.alice.secretAccessKey}
region = eu-west-1
`;

const printsAlicesKeys = `console.log(JSON.stringify({Version: 1, AccessKeyId: '${keys.alice.accessKeyId}', SecretAccessKey: '${keys.alice.secretAccessKey}'}));`;
const assumedWith = (): (string | undefined)[] => state.fake.calls.filter(call => call.operation === 'AssumeRole').map(call => call.accessKeyId);

describe('a role profile whose source_profile chain reaches a credential_process', () => {
	it("assumes the role with the process's keys, and each role of a longer chain with the session before it", async () => {
		const argsFile = join(state.home.dir, `args-${Math.random().toString(36).slice(2)}`);
		const {env} = await vaultRunning(`writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(process.argv.slice(2)));\n${printsAlicesKeys}`, behindVault, ' "two words" $HOME');
		const result = await collectSnapshot({question, profile: 'vault-role', env});
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/doctor-vault`);
		expect(assumedWith()).toEqual([keys.alice.accessKeyId]);
		// Run as its own profile's is, as the AWS CLI runs it: split into words by AWS's syntax, no shell to expand $HOME.
		expect(JSON.parse(await readFile(argsFile, 'utf8'))).toEqual(['two words', '$HOME']);
		state.fake.resetCalls();
		const chained = await collectSnapshot({question, profile: 'vault-role-again', env});
		expect(chained.ok && chained.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/doctor-vault-again`);
		const [first, second] = assumedWith();
		expect(first).toBe(keys.alice.accessKeyId);
		expect(second).toMatch(/^ASIAFAKE/);
	});

	it('kills the process still running at the deadline, with one line naming the profile behind and the fix', async () => {
		const {env, pidFile} = await vaultRunning(sleepsForAMinute, behindVault);
		// The process sleeps past the test's time: only the deadline can end the collection (the line says it did).
		const result = await collectSnapshot({question, profile: 'vault-role-again', env, deadlineMs: 800});
		expect(result).toEqual({
			ok: false,
			error: {
				kind: 'no-credentials',
				message:
					'the credentials of profile vault-role-again were not ready before the 0.8 s deadline: the credential_process of profile vault behind it did not finish, or AWS STS after it did not answer — run it on its own to see what it waits for (a login, a prompt), check the network connection and any proxy (HTTPS_PROXY), then try again',
			},
		});
		const pid = await pidIn(pidFile);
		await vi.waitFor(() => expect(alive(pid)).toBe(false), {timeout: 10_000});
		expect(assumedWith()).toEqual([]);
	});

	it('kills it at Ctrl+C too: the collection is cancelled at once', async () => {
		const {env, pidFile} = await vaultRunning(sleepsForAMinute, behindVault);
		const controller = new AbortController();
		const collecting = collectSnapshot({question, profile: 'vault-role', env, signal: controller.signal});
		const pid = await pidIn(pidFile);
		controller.abort();
		expect(await collecting).toEqual({ok: false, error: {kind: 'cancelled', message: 'collection cancelled'}});
		await vi.waitFor(() => expect(alive(pid)).toBe(false), {timeout: 10_000});
	});

	it('when it fails, names the profile, the profile behind it, the exit code and its first line, and STS is not asked', async () => {
		const {env} = await vaultRunning("process.stderr.write('vault is sealed\\nsecond line\\n'); process.exit(3);", behindVault);
		const result = await collectSnapshot({question, profile: 'vault-role', env});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'no-credentials',
			message: 'could not get credentials for profile vault-role: the credential_process of profile vault behind it failed (exit code 3): vault is sealed',
		});
		expect(assumedWith()).toEqual([]);
	});

	it('a source_profile loop is one line naming the profiles in it, and nothing is requested', async () => {
		const {env} = await vaultRunning(printsAlicesKeys, behindVault);
		const files = `${env['AWS_CONFIG_FILE']} or ${env['AWS_SHARED_CREDENTIALS_FILE']}`;
		const messageOf = async (profile: string): Promise<string> => {
			const result = await collectSnapshot({question, profile, env});
			return result.ok ? 'collected' : result.error.message;
		};
		expect(await messageOf('loop-a')).toBe(
			`profile loop-a cannot get credentials: its source_profile chain loops (loop-a → loop-b → loop-c → loop-a) — point the source_profile of one of them at a profile with credentials (in ${files})`,
		);
		expect(await messageOf('loop-self')).toBe(
			`profile loop-self cannot get credentials: its source_profile chain loops (loop-self → loop-self) — point the source_profile of one of them at a profile with credentials (in ${files})`,
		);
		expect(state.fake.calls).toEqual([]);
		// Not a loop: a role profile that is its own source_profile and holds keys assumes its role with them, as the SDK does.
		expect(await messageOf('own-keys')).toBe('collected');
		expect(assumedWith()).toEqual([keys.alice.accessKeyId]);
	});
});
