import {writeFile} from 'node:fs/promises';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../../source/aws/collect.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {accounts, keys, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {answerWith, flood, instanceCredentialsAnswer, instanceWithRole, rolesPath, startFakeImds, trickle, withToken, type FakeImds} from '../support/fake-imds.js';

/**
 * A role profile whose credentials come from a credential_source (role_arn + credential_source = Ec2InstanceMetadata,
 * EcsContainer or Environment). The AWS SDKs and Tools reference guide, credential_source: "Used within Amazon EC2
 * instances or Amazon Elastic Container Service containers to specify where the SDK or tool can find credentials that
 * have permission to assume the role that you specify with the role_arn parameter." We read those source credentials
 * ourselves (a fake instance metadata service and a fake container endpoint on 127.0.0.1 here) and assume the role
 * with them at the fake AWS.
 */
const role = `arn:aws:iam::${accounts.app}:role/service/uploader`;
const config = `
[profile box]
role_arn = ${role}
credential_source = Ec2InstanceMetadata
role_session_name = doctor-box
region = eu-west-1

[profile behind-box]
role_arn = ${role}
source_profile = box
role_session_name = doctor-behind
region = eu-west-1

[profile task]
role_arn = ${role}
credential_source = EcsContainer
role_session_name = doctor-task
region = eu-west-1

[profile from-env]
role_arn = ${role}
credential_source = Environment
role_session_name = doctor-env
region = eu-west-1

[profile dev]
region = eu-west-1

[profile both]
role_arn = ${role}
source_profile = dev
credential_source = Ec2InstanceMetadata
region = eu-west-1

[profile typo]
role_arn = ${role}
credential_source = Ec2Instance\u001b[2J
region = eu-west-1
`;
const credentials = `[dev]
aws_access_key_id = ${keys.alice.accessKeyId}
aws_secret_access_key = ${keys.alice.secretAccessKey}
`;

const state = useFakeAws({scenario: sameAccountScenario, files: () => ({config, credentials})});

const question = {operation: 'upload', bucket: 'acme-uploads', objectKey: 'x.csv'} as const;
const collect = (profile: string, env: NodeJS.ProcessEnv, extra: Partial<CollectOptions> = {}) => collectSnapshot({question, profile, env, ...extra});
const messageOf = (result: Awaited<ReturnType<typeof collect>>): string => (result.ok ? 'collected' : result.error.message);
const files = (): string => `${state.home.env['AWS_CONFIG_FILE']} or ${state.home.env['AWS_SHARED_CREDENTIALS_FILE']}`;
const assumedWith = (): (string | undefined)[] => state.fake.calls.filter(call => call.operation === 'AssumeRole').map(call => call.accessKeyId);

let imds: FakeImds;
/** The container's credentials endpoint: answers as `respond` says. */
let container: Server;
let respond: (request: IncomingMessage, response: ServerResponse) => void = answerWith(404, '');
let containerUrl = '';

beforeAll(async () => {
	imds = await startFakeImds();
	container = createServer((request, response) => respond(request, response));
	await new Promise<void>(resolve => container.listen(0, '127.0.0.1', resolve));
	containerUrl = `http://127.0.0.1:${(container.address() as AddressInfo).port}/v1/credentials`;
});
afterAll(async () => {
	await imds.close();
	container.closeAllConnections();
	await new Promise(resolve => container.close(resolve));
});
afterEach(() => {
	imds.seen.length = 0;
	imds.routes = {};
});

const instanceEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
	...state.home.env,
	AWS_EC2_METADATA_DISABLED: undefined,
	AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url,
	...extra,
});
const imdsName = (): string => `the EC2 instance metadata service ${imds.url} (AWS_EC2_METADATA_SERVICE_ENDPOINT)`;

describe("credential_source = Ec2InstanceMetadata: the instance role's credentials, read by us, assume the profile's role", () => {
	it('assumes the role with the credentials the instance metadata service gives, alone and behind a source_profile', async () => {
		// AWS CLI User Guide: "Ec2InstanceMetadata – to use the IAM role attached to the Amazon EC2 instance profile."
		imds.routes = instanceWithRole();
		const result = await collect('box', instanceEnv());
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/doctor-box`);
		expect(assumedWith()).toEqual([keys.uploader.accessKeyId]);
		expect(imds.seen.map(request => request.request)).toEqual(['PUT /latest/api/token', `GET ${rolesPath}`, `GET ${rolesPath}uploader`]);
		state.fake.resetCalls();
		// Behind a source_profile: box's role first, with the instance's keys; then behind-box's, with box's session.
		const behind = await collect('behind-box', instanceEnv());
		expect(behind.ok && behind.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/doctor-behind`);
		const [first, second] = assumedWith();
		expect(first).toBe(keys.uploader.accessKeyId);
		expect(second).toMatch(/^ASIAFAKE/);
	});

	it('an answer over 4 MiB is one line naming the profile, the service and the fix, and AWS STS is not asked', async () => {
		imds.routes = {...instanceWithRole(), [`GET ${rolesPath}uploader`]: withToken(flood)};
		expect(messageOf(await collect('box', instanceEnv()))).toBe(
			`could not get credentials for profile box from its credential_source Ec2InstanceMetadata: the answer of ${imdsName()} to GET ${rolesPath}uploader was over 4 MiB, the most one answer may hold — check that it is the instance metadata service, fix AWS_EC2_METADATA_SERVICE_ENDPOINT, or use another profile`,
		);
		expect(assumedWith()).toEqual([]);
	});

	it('an answer that never ends is stopped at the deadline, with one line naming what the profile waited on', async () => {
		let closed = false;
		imds.routes = {...instanceWithRole(), [`GET ${rolesPath}uploader`]: withToken(trickle(() => (closed = true)))};
		expect(messageOf(await collect('box', instanceEnv(), {deadlineMs: 800}))).toBe(
			`the credentials of profile box were not ready before the 0.8 s deadline: ${imdsName()}, its credential_source Ec2InstanceMetadata, or AWS STS after it did not answer — run it on an EC2 instance with an IAM role, check the network connection and any proxy (HTTPS_PROXY), then try again`,
		);
		await vi.waitFor(() => expect(closed).toBe(true), {timeout: 10_000});
	});

	it('Ctrl+C stops the request in flight, and the collection is cancelled at once', async () => {
		let closed = false;
		const cancel = new AbortController();
		const keepsAnswering = trickle(() => (closed = true));
		imds.routes = {
			...instanceWithRole(),
			[`GET ${rolesPath}uploader`]: withToken((request, response) => {
				keepsAnswering(request, response);
				cancel.abort();
			}),
		};
		const result = await collect('box', instanceEnv(), {signal: cancel.signal});
		expect(result).toEqual({ok: false, error: {kind: 'cancelled', message: 'collection cancelled'}});
		await vi.waitFor(() => expect(closed).toBe(true), {timeout: 10_000});
	});

	it('AWS_EC2_METADATA_DISABLED turns it off here too: "true – Do not use IMDS to obtain credentials."', async () => {
		imds.routes = instanceWithRole();
		expect(messageOf(await collect('box', instanceEnv({AWS_EC2_METADATA_DISABLED: 'true'})))).toBe(
			'could not get credentials for profile box from its credential_source Ec2InstanceMetadata: AWS_EC2_METADATA_DISABLED turns the instance metadata service off — unset AWS_EC2_METADATA_DISABLED, or use another profile',
		);
		expect(imds.seen).toEqual([]);
	});

	it("reads the service's address from the profile named, and a service that does not answer is one line", async () => {
		const configFile = join(state.home.dir, 'config-endpoint');
		await writeFile(configFile, `${config}\n[profile own-endpoint]\nrole_arn = ${role}\ncredential_source = Ec2InstanceMetadata\nec2_metadata_service_endpoint = ${imds.url}\nregion = eu-west-1\n`);
		const env = instanceEnv({AWS_EC2_METADATA_SERVICE_ENDPOINT: undefined, AWS_CONFIG_FILE: configFile});
		imds.routes = instanceWithRole();
		expect(messageOf(await collect('own-endpoint', env))).toBe('collected');
		imds.routes = {'PUT /latest/api/token': () => {}};
		expect(messageOf(await collect('own-endpoint', env))).toBe(
			`could not get credentials for profile own-endpoint from its credential_source Ec2InstanceMetadata: the EC2 instance metadata service ${imds.url} (ec2_metadata_service_endpoint of profile own-endpoint) could not be reached (no answer within 1 s) — run it on an EC2 instance with an IAM role, fix ec2_metadata_service_endpoint of profile own-endpoint, or use another profile`,
		);
	});
});

describe('credential_source = EcsContainer and Environment', () => {
	const containerAnswer = {...instanceCredentialsAnswer, AccountId: accounts.app};

	it("EcsContainer: assumes the role with the container's credentials", async () => {
		// AWS CLI User Guide: "EcsContainer – to use the IAM role attached to the Amazon ECS container."
		respond = answerWith(200, containerAnswer);
		const result = await collect('task', {...state.home.env, AWS_CONTAINER_CREDENTIALS_FULL_URI: containerUrl});
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/doctor-task`);
		expect(assumedWith()).toEqual([keys.uploader.accessKeyId]);
	});

	it('EcsContainer: an oversized answer, or no container endpoint at all, is one line naming the profile and the fix', async () => {
		respond = flood;
		expect(messageOf(await collect('task', {...state.home.env, AWS_CONTAINER_CREDENTIALS_FULL_URI: containerUrl}))).toBe(
			`could not get credentials for profile task from its credential_source EcsContainer: the answer of the container credentials endpoint ${containerUrl} (AWS_CONTAINER_CREDENTIALS_FULL_URI) was over 4 MiB, the most one answer may hold — check that it is the credentials endpoint, or use another profile`,
		);
		expect(messageOf(await collect('task', state.home.env))).toBe(
			'could not get credentials for profile task from its credential_source EcsContainer: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set — run it in the ECS task or EKS pod whose role may assume its role, or use another profile',
		);
		expect(assumedWith()).toEqual([]);
	});

	it("Environment: assumes the role with the collection's AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and says when they are not set", async () => {
		// Reference guide, credential_source: "Environment – Specifies that the SDK or tool is to retrieve source credentials from the environment variables".
		const env = {...state.home.env, AWS_ACCESS_KEY_ID: keys.alice.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.alice.secretAccessKey};
		const result = await collect('from-env', env);
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/doctor-env`);
		expect(assumedWith()).toEqual([keys.alice.accessKeyId]);
		expect(messageOf(await collect('from-env', state.home.env))).toBe(
			'could not get credentials for profile from-env from its credential_source Environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set — set them to keys that may assume its role, or use another profile',
		);
	});

	it('the role is assumed through the same STS settings as every call: its answer is bounded, and a hang is stopped at the deadline', async () => {
		const env = {...state.home.env, AWS_ACCESS_KEY_ID: keys.alice.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.alice.secretAccessKey};
		state.fake.addFault({service: 'sts', operation: 'AssumeRole', kind: 'flood', bytes: 256 * 1024 * 1024, times: 1});
		expect(messageOf(await collect('from-env', env))).toBe(
			'could not get credentials for profile from-env: an answer of the AWS STS or SSO endpoint behind it was over 4 MiB, the most one answer may hold — check the endpoint it uses (endpoint_url, AWS_ENDPOINT_URL) and any proxy',
		);
		state.fake.addFault({service: 'sts', operation: 'AssumeRole', kind: 'hang'});
		expect(messageOf(await collect('from-env', env, {deadlineMs: 800}))).toBe(
			'the credentials of profile from-env were not ready before the 0.8 s deadline: AWS STS did not answer — check the network connection and any proxy (HTTPS_PROXY), then try again',
		);
		const hung = state.fake.calls.filter(call => call.operation === 'AssumeRole').at(-1);
		await vi.waitFor(() => expect(hung?.abandonedAt).toBeDefined(), {timeout: 10_000});
	});
});

describe('a credential_source the profile cannot have', () => {
	it('with source_profile too: "You cannot specify both credential_source and source_profile in the same profile."', async () => {
		imds.routes = instanceWithRole();
		expect(messageOf(await collect('both', instanceEnv()))).toBe(
			`profile both has both source_profile and credential_source, which cannot be in the same profile — keep the one its role's credentials come from (in ${files()})`,
		);
		expect(imds.seen).toEqual([]);
		expect(assumedWith()).toEqual([]);
	});

	it('a value the SDKs do not take is named, escaped, with the three they do', async () => {
		expect(messageOf(await collect('typo', instanceEnv()))).toBe(
			`profile typo has credential_source = "Ec2Instance\\u001b[2J", which the AWS SDKs do not take — set it to Ec2InstanceMetadata, EcsContainer or Environment (in ${files()})`,
		);
		expect(imds.seen).toEqual([]);
	});
});
