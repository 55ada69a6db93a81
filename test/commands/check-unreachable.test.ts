import {afterEach, describe, expect, it, vi} from 'vitest';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {keys, sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {runBuiltCli} from './run-built-cli.js';

// `check` when no read can work: the whole process, real SDK clients, the fake endpoint on 127.0.0.1.
const state = useFakeAws({scenario: sameAccountScenario, files: sameAccountFiles});
afterEach(() => {
	vi.stubEnv('AWS_ENDPOINT_URL', state.fake.url);
});

const download = ['--operation', 'download', '--bucket', 'acme-uploads', '--key', 'reports/2024/q1.csv'];
// STS's answer to a session token past its expiry.
const expiredToken = {status: 403, code: 'ExpiredToken', message: 'The security token included in the request is expired'};

describe('check when AWS cannot be reached', () => {
	it('a refused connection: one line naming the profile, the cause and the fix, exit 2, no report', async () => {
		vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:9');
		const run = await runBuiltCli(['check', '--profile', 'ci', ...download]);
		expect(run.exitCode).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(
			's3-kms-doctor: profile ci: AWS cannot be reached (connection refused, ECONNREFUSED) — check the network connection and any proxy (HTTPS_PROXY), then try again\n',
		);
	});

	it('expired credentials: one line, and no read after the identity call', async () => {
		state.fake.addFault({service: 'sts', operation: 'GetCallerIdentity', kind: 'error', error: expiredToken});
		const run = await runBuiltCli(['check', '--profile', 'ci', ...download, '--format', 'json']);
		expect(run.exitCode).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(
			's3-kms-doctor: profile ci: AWS cannot be reached (the credentials have expired, ExpiredToken) — refresh the credentials of profile ci, or use another profile\n',
		);
		expect(run.stderr).not.toMatch(/\n\s+at /);
		expect(new Set(state.fake.calls.map(call => call.operation))).toEqual(new Set(['GetCallerIdentity']));
	});

	it('with several profiles, names the one that cannot reach AWS', async () => {
		state.fake.addFault({service: 'sts', operation: 'GetCallerIdentity', accessKeyId: keys.orgAdmin.accessKeyId, kind: 'error', error: expiredToken});
		const run = await runBuiltCli(['check', '--profile', 'dev', '--key-profile', 'org', ...download]);
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toBe(
			's3-kms-doctor: profile org: AWS cannot be reached (the credentials have expired, ExpiredToken) — refresh the credentials of profile org, or use another profile\n',
		);
	});

	it('a denied or failing read is no reason to stop: the report still comes', async () => {
		state.fake.addFault({service: 'kms', operation: 'GetKeyPolicy', kind: 'denied'});
		const run = await runBuiltCli(['check', '--profile', 'ci', ...download, '--format', 'json']);
		expect([0, 1, 3]).toContain(run.exitCode);
		expect(JSON.parse(run.stdout)).toHaveProperty('verdict');
	});
});
