import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runBuiltCli} from './run-built-cli.js';

/** `check` on snapshots whose key policy tests a key of the caller's request that S3's request to KMS does not carry as given. */

let folder = '';
const withKeyStatement = (name: string, statement: Record<string, unknown>, requestContext: Record<string, unknown>): string => {
	const snapshot = JSON.parse(readFileSync('examples/all-allowed.json', 'utf8')) as {key: {policy: {Statement: unknown[]}}; requestContext?: unknown};
	snapshot.key.policy.Statement.push(statement);
	snapshot.requestContext = requestContext;
	const file = join(folder, name);
	writeFileSync(file, JSON.stringify(snapshot));
	return file;
};

beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 's3-kms-doctor-service-keys-'));
});
afterAll(() => rmSync(folder, {recursive: true, force: true}));

describe("check: the caller's request keys on S3's request to KMS", () => {
	it('a key policy Deny kept to the AWS CLI\'s user agent is ? with the fix that lets S3\'s requests through, not ✔ ALLOWED', async () => {
		const file = withKeyStatement('user-agent.json', {Sid: 'CliOnly', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: {StringNotLike: {'aws:UserAgent': 'aws-cli/*'}}}, {'aws:UserAgent': 'aws-cli/2.15.0'});
		const run = await runBuiltCli(['check', '--snapshot', file]);
		expect(run.stdout).not.toContain('ALLOWED');
		expect(run.stdout).toMatch(/\?\s+kms:GenerateDataKey/);
		expect(run.stdout).toContain('"aws:ViaAWSService": "false"');
		expect(run.exitCode).toBe(3);
	});

	// IAM: request information comes from "the resource the request is made against"; S3's request to KMS is made against the key.
	it("a key policy Deny kept to the key's tag is ? where requestContext gives only the bucket's tag, not ✔ ALLOWED", async () => {
		const file = withKeyStatement('resource-tag.json', {Sid: 'TeamKeys', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: {StringNotEquals: {'aws:ResourceTag/team': 'data'}}}, {'aws:ResourceTag/team': 'data'});
		const run = await runBuiltCli(['check', '--snapshot', file]);
		expect(run.stdout).not.toContain('ALLOWED');
		expect(run.stdout).toMatch(/\?\s+kms:GenerateDataKey/);
		expect(run.stdout).toContain('kms:ListResourceTags');
		expect(run.exitCode).toBe(3);
	});

	it('a key policy TLS-only Deny does not deny S3\'s request to KMS for a caller over HTTP: KMS takes TLS only', async () => {
		const file = withKeyStatement('tls-only.json', {Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}}, {'aws:SecureTransport': false});
		const run = await runBuiltCli(['check', '--snapshot', file, '--format', 'json']);
		const report = JSON.parse(run.stdout) as {requirements: Array<{place: string; action: string; status: string}>};
		expect(report.requirements.filter(row => row.place === 'key-policy').map(row => row.status)).not.toContain('denied');
	});
});
