import {createServer} from 'node:http';
import {writeFile} from 'node:fs/promises';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../../source/aws/collect.js';
import {instanceEndpoint} from '../../source/aws/instance-credentials.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {accounts, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {answerWith, flood, imdsToken, instanceCredentialsAnswer, instanceWithRole, rolesPath, startFakeImds, withToken, type FakeImds, type Route} from '../support/fake-imds.js';

/**
 * No profile named, no keys, no [default], no web identity and no container: the credentials come from the EC2
 * instance metadata service, as the AWS SDKs and Tools reference guide's "IMDS credential provider" reads them. The
 * tests point AWS_EC2_METADATA_SERVICE_ENDPOINT at a fake IMDS on 127.0.0.1 and run the real code against it.
 */
const state = useFakeAws({scenario: sameAccountScenario, files: () => ({config: '[profile other]\nregion = eu-west-1\n', credentials: ''})});

const question = {operation: 'upload', bucket: 'acme-uploads', objectKey: 'x.csv'} as const;
const collect = (env: NodeJS.ProcessEnv, extra: Partial<CollectOptions> = {}) => collectSnapshot({question, env, ...extra});
const messageOf = (result: Awaited<ReturnType<typeof collect>>): string => (result.ok ? 'collected' : result.error.message);

/** The fake instance metadata service (test/support/fake-imds.ts): each test sets its routes and reads what it saw. */
let imds: FakeImds;
let endpoint = '';
const token = imdsToken;
const credentialsAnswer = instanceCredentialsAnswer;

beforeAll(async () => {
	imds = await startFakeImds();
	endpoint = imds.url;
});
afterAll(() => imds.close());
afterEach(() => {
	imds.seen.length = 0;
	imds.routes = {};
});

const instanceEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
	...state.home.env,
	AWS_EC2_METADATA_DISABLED: undefined,
	AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint,
	AWS_REGION: 'eu-west-1',
	...extra,
});
const named = (): string => `the EC2 instance metadata service ${endpoint} (AWS_EC2_METADATA_SERVICE_ENDPOINT)`;

describe('credentials from the EC2 instance metadata service', () => {
	it('IMDSv2: asks for a session token, then the role and its credentials with it, and collects with the keys it answers', async () => {
		imds.routes = instanceWithRole();
		const result = await collect(instanceEnv());
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/ci-run`);
		// EC2 User Guide: "An application on the instance retrieves the security credentials provided by the role from the instance metadata item iam/security-credentials/role-name."
		expect(imds.seen).toEqual([
			{request: 'PUT /latest/api/token', ttl: '21600'},
			{request: `GET ${rolesPath}`, token},
			{request: `GET ${rolesPath}uploader`, token},
		]);
	});

	it('falls back to IMDSv1 only when the token request answers 403, 404 or 405, and not when AWS_EC2_METADATA_V1_DISABLED is true', async () => {
		// Reference guide: "If that fails due to a non-retryable condition (HTTP error codes 403, 404, 405), IMDSv1 is used as a fallback."
		imds.routes = {
			'PUT /latest/api/token': answerWith(405, ''),
			[`GET ${rolesPath}`]: answerWith(200, 'uploader'),
			[`GET ${rolesPath}uploader`]: answerWith(200, credentialsAnswer),
		};
		expect(messageOf(await collect(instanceEnv()))).toBe('collected');
		expect(imds.seen.map(request => request.request)).toEqual(['PUT /latest/api/token', `GET ${rolesPath}`, `GET ${rolesPath}uploader`]);
		expect(imds.seen.some(request => request.token !== undefined)).toBe(false);
		imds.seen.length = 0;
		// Reference guide, ec2_metadata_v1_disabled / AWS_EC2_METADATA_V1_DISABLED: "true – Do not use IMDSv1 as a fallback."
		expect(messageOf(await collect(instanceEnv({AWS_EC2_METADATA_V1_DISABLED: 'true'})))).toBe(
			`${named()} answered 405 to the IMDSv2 token request (PUT /latest/api/token), and AWS_EC2_METADATA_V1_DISABLED turns off the fallback to IMDSv1 — check the instance's metadata options (aws ec2 describe-instances, MetadataOptions), fix AWS_EC2_METADATA_SERVICE_ENDPOINT, or pass --profile NAME`,
		);
		expect(imds.seen.map(request => request.request)).toEqual(['PUT /latest/api/token']);
	});

	it('any other refusal of the token request is one line, with no IMDSv1 request', async () => {
		imds.routes = {...instanceWithRole(), 'PUT /latest/api/token': answerWith(400, '')};
		expect(messageOf(await collect(instanceEnv()))).toBe(
			`${named()} answered 400 to the IMDSv2 token request (PUT /latest/api/token) — check the instance's metadata options (aws ec2 describe-instances, MetadataOptions), fix AWS_EC2_METADATA_SERVICE_ENDPOINT, or pass --profile NAME`,
		);
		expect(imds.seen).toHaveLength(1);
	});

	it('an instance with no IAM role (404) says to attach one', async () => {
		imds.routes = {'PUT /latest/api/token': answerWith(200, token)};
		expect(messageOf(await collect(instanceEnv()))).toBe(
			`${named()} says this instance has no IAM role (404 to GET ${rolesPath}) — attach one to the instance (an instance profile), or pass --profile NAME`,
		);
	});

	it('an answer that is not JSON, or JSON without credentials, is one line naming the endpoint', async () => {
		imds.routes = {...instanceWithRole(), [`GET ${rolesPath}uploader`]: answerWith(200, '<html>captive portal</html>')};
		expect(messageOf(await collect(instanceEnv()))).toBe(
			`${named()} answered GET ${rolesPath}uploader with something that is not JSON — check that it is the instance metadata service, fix AWS_EC2_METADATA_SERVICE_ENDPOINT, or pass --profile NAME`,
		);
		imds.routes = {
			...instanceWithRole(),
			[`GET ${rolesPath}uploader`]: answerWith(200, {Code: 'AssumeRoleUnauthorizedAccess', Message: 'EC2 cannot assume the role uploader.\nSecond line', AccessKeyId: 'ASIA'}),
		};
		expect(messageOf(await collect(instanceEnv()))).toBe(
			`${named()} answered GET ${rolesPath}uploader without credentials (AccessKeyId, SecretAccessKey, Token and Expiration) (AssumeRoleUnauthorizedAccess: EC2 cannot assume the role uploader.) — check the instance profile's role, or pass --profile NAME`,
		);
	});

	it('a role name that is not one is not put in a path', async () => {
		imds.routes = {...instanceWithRole(), [`GET ${rolesPath}`]: withToken(answerWith(200, '../../user-data'))};
		expect(messageOf(await collect(instanceEnv()))).toMatch(/answered GET \/latest\/meta-data\/iam\/security-credentials\/ with something that is not an IAM role name — /);
		expect(imds.seen).toHaveLength(2);
	});

	it('reads no more of an answer than 4 MiB', async () => {
		imds.routes = {...instanceWithRole(), [`GET ${rolesPath}uploader`]: withToken(flood)};
		expect(messageOf(await collect(instanceEnv()))).toBe(
			`the answer of ${named()} to GET ${rolesPath}uploader was over 4 MiB, the most one answer may hold — check that it is the instance metadata service, fix AWS_EC2_METADATA_SERVICE_ENDPOINT, or pass --profile NAME`,
		);
	});

	it('an endpoint that refuses the connection, or does not answer within a second, is named in the "no credentials" line', async () => {
		const closed = createServer();
		await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise(resolve => closed.close(resolve));
		expect(messageOf(await collect(instanceEnv({AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${port}`})))).toBe(
			`no AWS credentials found: no --profile, no AWS_PROFILE, no AWS_ACCESS_KEY_ID, no [default] profile, and the EC2 instance metadata service http://127.0.0.1:${port} (AWS_EC2_METADATA_SERVICE_ENDPOINT) could not be reached (connection refused, ECONNREFUSED); fix AWS_EC2_METADATA_SERVICE_ENDPOINT, or pass --profile NAME (known profiles: other)`,
		);
		imds.routes = {'PUT /latest/api/token': () => {}};
		expect(messageOf(await collect(instanceEnv()))).toBe(
			`no AWS credentials found: no --profile, no AWS_PROFILE, no AWS_ACCESS_KEY_ID, no [default] profile, and ${named()} could not be reached (no answer within 1 s); fix AWS_EC2_METADATA_SERVICE_ENDPOINT, or pass --profile NAME (known profiles: other)`,
		);
	});

	it('AWS_METADATA_SERVICE_NUM_ATTEMPTS: a request that got no answer is sent again, as many times in all as it says', async () => {
		// Reference guide: "This setting specifies the number of total attempts to make before giving up when attempting to retrieve data from the instance metadata service."
		let tokenRequests = 0;
		const silentOnce: Route = (request, response) => {
			tokenRequests++;
			if (tokenRequests > 1) answerWith(200, token)(request, response);
		};
		imds.routes = {...instanceWithRole(), 'PUT /latest/api/token': silentOnce};
		expect(messageOf(await collect(instanceEnv()))).toMatch(/could not be reached \(no answer within 1 s\)/);
		expect(tokenRequests).toBe(1);
		tokenRequests = 0;
		imds.seen.length = 0;
		expect(messageOf(await collect(instanceEnv({AWS_METADATA_SERVICE_NUM_ATTEMPTS: '2'})))).toBe('collected');
		expect(imds.seen.map(request => request.request)).toEqual(['PUT /latest/api/token', 'PUT /latest/api/token', `GET ${rolesPath}`, `GET ${rolesPath}uploader`]);
		// Never answering: the line says how many attempts there were, and which setting made them.
		imds.routes = {'PUT /latest/api/token': () => {}};
		expect(messageOf(await collect(instanceEnv({AWS_METADATA_SERVICE_NUM_ATTEMPTS: '2'})))).toContain(
			`${named()} could not be reached (no answer within 1 s; 2 attempts, as AWS_METADATA_SERVICE_NUM_ATTEMPTS sets)`,
		);
	});

	it('AWS_METADATA_SERVICE_TIMEOUT: "Specifies the number of seconds before timing out", one by default', async () => {
		// An instance that answers the token request after 1.5 s: past the default second, within two.
		const slow: Route = (request, response) => void setTimeout(() => answerWith(200, token)(request, response), 1500);
		imds.routes = {...instanceWithRole(), 'PUT /latest/api/token': slow};
		expect(messageOf(await collect(instanceEnv()))).toMatch(/could not be reached \(no answer within 1 s\)/);
		expect(messageOf(await collect(instanceEnv({AWS_METADATA_SERVICE_TIMEOUT: '2'})))).toBe('collected');
		imds.routes = {'PUT /latest/api/token': () => {}};
		expect(messageOf(await collect(instanceEnv({AWS_METADATA_SERVICE_TIMEOUT: '2'})))).toContain(
			`${named()} could not be reached (no answer within 2 s, the wait AWS_METADATA_SERVICE_TIMEOUT sets)`,
		);
	});

	it('at the deadline, names the service that did not answer, and the request is stopped', async () => {
		let closedAt: number | undefined;
		imds.routes = {
			'PUT /latest/api/token': request => {
				request.socket.once('close', () => (closedAt = Date.now()));
			},
		};
		expect(messageOf(await collect(instanceEnv(), {deadlineMs: 800}))).toBe(
			`the default credentials were not ready before the 0.8 s deadline: ${named()} did not answer — run on an EC2 instance with an IAM role, or pass --profile NAME`,
		);
		await vi.waitFor(() => expect(closedAt).toBeDefined(), {timeout: 10_000});
	});

	it('Ctrl+C stops a request in flight and collection returns cancelled at once', async () => {
		const cancel = new AbortController();
		let closed = false;
		imds.routes = {
			...instanceWithRole(),
			[`GET ${rolesPath}`]: request => {
				request.socket.once('close', () => (closed = true));
				cancel.abort();
			},
		};
		const result = await collect(instanceEnv(), {signal: cancel.signal});
		expect(result.ok ? undefined : result.error.kind).toBe('cancelled');
		await vi.waitFor(() => expect(closed).toBe(true), {timeout: 10_000});
	});
});

describe('past a [default] profile that names no credentials, as the SDK\'s chain goes past it', () => {
	/** A config file of its own whose [default] holds `lines`: the environment points AWS_CONFIG_FILE at it. */
	const withDefault = async (lines: string): Promise<NodeJS.ProcessEnv> => {
		const path = join(state.home.dir, `config-${Math.random().toString(36).slice(2)}`);
		await writeFile(path, `[default]\n${lines}\n`);
		return {AWS_CONFIG_FILE: path};
	};

	it('reaches the instance metadata service the [default] profile\'s ec2_metadata_service_endpoint names', async () => {
		imds.routes = instanceWithRole();
		// Reference guide: ec2_metadata_service_endpoint is a "shared AWS config file setting" beside AWS_EC2_METADATA_SERVICE_ENDPOINT.
		const env = instanceEnv({AWS_EC2_METADATA_SERVICE_ENDPOINT: undefined, ...(await withDefault(`region = eu-west-1\nec2_metadata_service_endpoint = ${endpoint}`))});
		const result = await collect(env);
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/ci-run`);
		expect(imds.seen.map(request => request.request)).toEqual(['PUT /latest/api/token', `GET ${rolesPath}`, `GET ${rolesPath}uploader`]);
		imds.routes = {'PUT /latest/api/token': answerWith(200, token)};
		expect(messageOf(await collect(env))).toBe(
			`the EC2 instance metadata service ${endpoint} (ec2_metadata_service_endpoint of the [default] profile) says this instance has no IAM role (404 to GET ${rolesPath}) — attach one to the instance (an instance profile), or pass --profile NAME`,
		);
	});

	it('with the instance metadata service off too, says the [default] profile has no credentials', async () => {
		const env = {...instanceEnv(await withDefault('region = eu-west-1')), AWS_EC2_METADATA_DISABLED: 'true'};
		expect(messageOf(await collect(env))).toBe(
			'no AWS credentials found: no --profile, no AWS_PROFILE, no AWS_ACCESS_KEY_ID and no credentials in the [default] profile; pass --profile NAME (known profiles: default)',
		);
	});
});

describe('which instance metadata service, as the reference guide settles it', () => {
	const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({...extra});

	it('AWS_EC2_METADATA_DISABLED: "true – Do not use IMDS to obtain credentials."', () => {
		expect(instanceEndpoint(env({AWS_EC2_METADATA_DISABLED: 'true'}), undefined)).toBeUndefined();
		expect(instanceEndpoint(env({AWS_EC2_METADATA_DISABLED: 'false'}), undefined)).toEqual({ok: true, value: {address: 'http://169.254.169.254'}});
	});

	it('the endpoint mode: "If ec2_metadata_service_endpoint_mode equals IPv6, then the default endpoint is http://[fd00:ec2::254]."', () => {
		expect(instanceEndpoint(env({AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6'}), undefined)).toEqual({
			ok: true,
			value: {address: 'http://[fd00:ec2::254]', namedBy: 'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE'},
		});
		expect(instanceEndpoint(env({}), {ec2_metadata_service_endpoint_mode: 'IPv6'})).toEqual({
			ok: true,
			value: {address: 'http://[fd00:ec2::254]', namedBy: 'ec2_metadata_service_endpoint_mode of the [default] profile'},
		});
		// The variable wins over the config file, as for every setting of the guide.
		expect(instanceEndpoint(env({AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv4'}), {ec2_metadata_service_endpoint_mode: 'IPv6'})).toEqual({
			ok: true,
			value: {address: 'http://169.254.169.254', namedBy: 'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE'},
		});
		expect(instanceEndpoint(env({AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv5'}), undefined)).toEqual({
			ok: false,
			error: 'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE is "IPv5": it takes IPv4 or IPv6 — fix it, or remove it',
		});
	});

	it('the endpoint: "This value overrides the default location", so it wins over the mode; it must be an http(s) URL', () => {
		expect(instanceEndpoint(env({AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9911', AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6'}), undefined)).toEqual({
			ok: true,
			value: {address: 'http://127.0.0.1:9911', namedBy: 'AWS_EC2_METADATA_SERVICE_ENDPOINT'},
		});
		expect(instanceEndpoint(env({}), {ec2_metadata_service_endpoint: 'http://[fd00:ec2::254]'})).toEqual({
			ok: true,
			value: {address: 'http://[fd00:ec2::254]', namedBy: 'ec2_metadata_service_endpoint of the [default] profile'},
		});
		expect(instanceEndpoint(env({AWS_EC2_METADATA_SERVICE_ENDPOINT: '169.254.169.254\u001b[2J'}), undefined)).toEqual({
			ok: false,
			error:
				'AWS_EC2_METADATA_SERVICE_ENDPOINT is not an http(s) URL: "169.254.169.254\\u001b[2J" — set it to the instance metadata service\'s address (http://169.254.169.254, or http://[fd00:ec2::254] over IPv6), or remove it',
		});
	});

	it('metadata_service_timeout and metadata_service_num_attempts: "Valid values: Number greater than or equal to 1", the variable first', () => {
		const retry = (extra: NodeJS.ProcessEnv, section?: Record<string, string>) => {
			const found = instanceEndpoint(env(extra), section);
			return found?.ok ? {timeout: found.value.timeout, attempts: found.value.attempts} : found?.error;
		};
		expect(retry({})).toEqual({timeout: undefined, attempts: undefined});
		expect(retry({}, {metadata_service_timeout: '10', metadata_service_num_attempts: '3'})).toEqual({
			timeout: {seconds: 10, namedBy: 'metadata_service_timeout of the [default] profile'},
			attempts: {count: 3, namedBy: 'metadata_service_num_attempts of the [default] profile'},
		});
		expect(retry({AWS_METADATA_SERVICE_TIMEOUT: '2.5'}, {metadata_service_timeout: '10'})).toEqual({timeout: {seconds: 2.5, namedBy: 'AWS_METADATA_SERVICE_TIMEOUT'}, attempts: undefined});
		expect(retry({AWS_METADATA_SERVICE_TIMEOUT: '0'})).toBe('AWS_METADATA_SERVICE_TIMEOUT is "0": it takes a number of seconds, 1 or more — fix it, or remove it');
		expect(retry({}, {metadata_service_num_attempts: 'two'})).toBe(
			'metadata_service_num_attempts of the [default] profile is "two": it takes a whole number of attempts, 1 or more — fix it, or remove it',
		);
	});

	it('AWS_EC2_METADATA_V1_DISABLED, when set, decides over ec2_metadata_v1_disabled, as the SDK reads them', () => {
		const disabledBy = (extra: NodeJS.ProcessEnv, section?: Record<string, string>) => {
			const found = instanceEndpoint(env(extra), section);
			return found?.ok ? found.value.v1DisabledBy : 'error';
		};
		expect(disabledBy({})).toBeUndefined();
		expect(disabledBy({AWS_EC2_METADATA_V1_DISABLED: 'true'})).toBe('AWS_EC2_METADATA_V1_DISABLED');
		expect(disabledBy({}, {ec2_metadata_v1_disabled: 'true'})).toBe('ec2_metadata_v1_disabled of the [default] profile');
		expect(disabledBy({AWS_EC2_METADATA_V1_DISABLED: 'false'}, {ec2_metadata_v1_disabled: 'true'})).toBeUndefined();
	});
});
