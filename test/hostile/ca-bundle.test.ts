import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {connect, type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createServer, type Server} from 'node:tls';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';
import {createAwsHome, type AwsHome} from '../support/fake-aws/home.js';
import {isolateProcessEnv} from '../support/fake-aws/isolate.js';
import {keys, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {startFakeAws, type FakeAws} from '../support/fake-aws/server.js';

/**
 * A TLS-inspecting proxy as customers have it: the fake AWS endpoint behind TLS with a certificate from a
 * throw-away CA made for this run (never committed). The AWS CLI works there with AWS_CA_BUNDLE or
 * `ca_bundle`; so must we, for every client, and without either it must say TLS and how to fix it.
 */

let folder: string;
let fake: FakeAws;
let tls: Server;
let tlsUrl: string;
let home: AwsHome;

const uploaderRole = 'arn:aws:iam::111122223333:role/service/uploader';

const openssl = (...args: string[]): void => {
	execFileSync('openssl', args, {cwd: folder, stdio: 'pipe'});
};

beforeAll(async () => {
	folder = mkdtempSync(join(tmpdir(), 's3-kms-doctor-ca-'));
	const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=s3-kms-doctor test proxy CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
	openssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
	writeFileSync(join(folder, 'san.cnf'), '[v3]\nsubjectAltName = IP:127.0.0.1\nbasicConstraints = CA:FALSE\n');
	openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', join(folder, 'san.cnf'), '-extensions', 'v3');
	fake = await startFakeAws(sameAccountScenario());
	const backend = new URL(fake.url);
	tls = createServer({key: readFileSync(join(folder, 'server.key')), cert: readFileSync(join(folder, 'server.pem'))}, socket => {
		const upstream = connect(Number(backend.port), backend.hostname);
		socket.pipe(upstream).pipe(socket);
		socket.on('error', () => upstream.destroy());
		upstream.on('error', () => socket.destroy());
	});
	await new Promise<void>(resolve => tls.listen(0, '127.0.0.1', resolve));
	tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
	writeFileSync(join(folder, 'web-identity-token'), 'eyJhbGciOiJSUzI1NiJ9.e30.signature');
	const webIdentity = [`web_identity_token_file = ${join(folder, 'web-identity-token')}`, `role_arn = ${uploaderRole}`, 'role_session_name = ci-run'];
	home = await createAwsHome({
		config: [
			'[profile dev]',
			'region = eu-west-1',
			'',
			'[profile proxied]',
			'region = eu-west-1',
			`ca_bundle = ${join(folder, 'ca.pem')}`,
			'',
			'[profile ci-proxied]',
			'region = eu-west-1',
			...webIdentity,
			`ca_bundle = ${join(folder, 'ca.pem')}`,
			'',
		].join('\n'),
		credentials: ['[dev]', `aws_access_key_id = ${keys.alice.accessKeyId}`, `aws_secret_access_key = ${keys.alice.secretAccessKey}`, '', '[proxied]', `aws_access_key_id = ${keys.alice.accessKeyId}`, `aws_secret_access_key = ${keys.alice.secretAccessKey}`, ''].join('\n'),
		env: {AWS_ENDPOINT_URL: tlsUrl},
	});
	isolateProcessEnv(home);
}, 60_000);

afterAll(async () => {
	await new Promise(resolve => tls?.close(resolve));
	await fake?.close();
	await home?.remove();
	rmSync(folder, {recursive: true, force: true});
});

const question = {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'} as const;

describe('a CA bundle, as the AWS CLI honours it', () => {
	it('without one, every read fails as a TLS error that names the fix', async () => {
		const details: string[] = [];
		const result = await collectSnapshot({question, profile: 'dev', env: home.env, onProgress: event => event.detail && details.push(event.detail)});
		const said = [result.ok ? '' : result.error.message, ...details].join('\n');
		expect(said).toMatch(/TLS error[ ,(]+(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN)/);
		expect(said).toContain('AWS_CA_BUNDLE');
	});

	it('with AWS_CA_BUNDLE, every client reads through the proxy', async () => {
		const result = await collectSnapshot({question, profile: 'dev', env: {...home.env, AWS_CA_BUNDLE: join(folder, 'ca.pem')}});
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value.principal?.arn).toMatch(/^arn:aws:iam::111122223333:user\//);
		expect(result.value.key?.policy).toBeDefined();
		expect(result.value.bucket?.policy).toBeDefined();
		expect(JSON.stringify(result.value.unread ?? [])).not.toMatch(/TLS|certificate/);
	});

	it("with the profile's ca_bundle, the same", async () => {
		const result = await collectSnapshot({question, profile: 'proxied', env: home.env});
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value.key?.policy).toBeDefined();
		expect(JSON.stringify(result.value.unread ?? [])).not.toMatch(/TLS|certificate/);
	});

	it('a bundle that cannot be read is one line naming it', async () => {
		const result = await collectSnapshot({question, profile: 'dev', env: {...home.env, AWS_CA_BUNDLE: join(folder, 'missing.pem')}});
		expect(result.ok ? 'collected' : result.error.message).toBe(`cannot read the CA bundle ${join(folder, 'missing.pem')} (AWS_CA_BUNDLE): no such file`);
	});
});

/**
 * The STS call behind web-identity credentials (AssumeRoleWithWebIdentity, unsigned) goes through the same proxy: it must
 * trust the same bundle, or the credentials never come. Without the bundle the call fails as TLS, so these pass only if it is used.
 */
describe('a CA bundle, for the STS call behind web-identity credentials', () => {
	const fromEnvironment = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
		...home.env,
		AWS_WEB_IDENTITY_TOKEN_FILE: join(folder, 'web-identity-token'),
		AWS_ROLE_ARN: uploaderRole,
		AWS_ROLE_SESSION_NAME: 'ci-env',
		AWS_REGION: 'eu-west-1',
		...extra,
	});

	it('AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN, with AWS_CA_BUNDLE: the role is assumed through the proxy', async () => {
		const result = await collectSnapshot({question, env: fromEnvironment({AWS_CA_BUNDLE: join(folder, 'ca.pem')})});
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value.principal?.arn).toBe('arn:aws:sts::111122223333:assumed-role/uploader/ci-env');
	});

	it('without the bundle, one line names the web identity, the TLS error and the fix', async () => {
		const result = await collectSnapshot({question, env: fromEnvironment()});
		expect(result.ok ? 'collected' : result.error.message).toMatch(
			/^AWS STS could not be reached for the web identity of role arn:aws:iam::111122223333:role\/service\/uploader \(AWS_ROLE_ARN\): TLS error, (UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN) — behind a TLS-inspecting proxy, set AWS_CA_BUNDLE/,
		);
	});

	it("a web-identity profile with its ca_bundle: the same", async () => {
		const result = await collectSnapshot({question, profile: 'ci-proxied', env: home.env});
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value.principal?.arn).toBe('arn:aws:sts::111122223333:assumed-role/uploader/ci-run');
	});
});
