import {describe, expect, it} from 'vitest';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {replicationFiles, replicationScenario} from '../support/fake-aws/replication-scenario.js';
import {accounts} from '../support/fake-aws/scenarios.js';
import {runBuiltCli} from './run-built-cli.js';

// `check --operation replication` live, same account, the replica key named by an alias: the whole process, read-only.
const state = useFakeAws({scenario: () => replicationScenario(accounts.app, 'alias/replicas', 'Enabled'), files: replicationFiles, checksS3Region: true});

const replication = ['--operation', 'replication', '--source-bucket', 'acme-source', '--bucket', 'acme-replica', '--key', 'Tax/2026/return.pdf'];

describe('check --operation replication (live)', () => {
	it('reads the rule with the source profile, resolves the alias in the role\'s account, warns about it, and only reads', async () => {
		const run = await runBuiltCli(['check', '--profile', 'app', ...replication, '--format', 'json']);
		const report = JSON.parse(run.stdout) as {verdict: string; actions: {action: string; resource: string; decision: string}[]; findings: {id: string; message: string}[]};
		expect(report.actions.map(action => `${action.action} ${action.resource}`)).toEqual([
			's3:GetReplicationConfiguration arn:aws:s3:::acme-source',
			's3:ListBucket arn:aws:s3:::acme-source',
			's3:GetObjectVersionForReplication arn:aws:s3:::acme-source/Tax/2026/return.pdf',
			's3:GetObjectVersionAcl arn:aws:s3:::acme-source/Tax/2026/return.pdf',
			`kms:Decrypt arn:aws:kms:eu-west-1:${accounts.app}:key/1111aaaa-11aa-11aa-11aa-111111111111`,
			's3:ReplicateObject arn:aws:s3:::acme-replica/Tax/2026/return.pdf',
			`kms:Encrypt arn:aws:kms:us-east-1:${accounts.app}:key/2222bbbb-22bb-22bb-22bb-222222222222`,
		]);
		expect(report.verdict).toBe('allowed');
		const alias = report.findings.find(finding => finding.id === 'replication-replica-key-alias')!;
		expect(alias.message).toContain(`it resolves to arn:aws:kms:us-east-1:${accounts.app}:key/2222bbbb-22bb-22bb-22bb-222222222222`);
		expect(run.exitCode).toBe(0);
		expect(state.fake.calls.filter(call => call.write)).toEqual([]);
	});

	it('--replication-rule with another operation is one line, exit 2', async () => {
		const run = await runBuiltCli(['check', '--profile', 'app', '--operation', 'download', '--bucket', 'acme-replica', '--key', 'k', '--replication-rule', 'tax']);
		expect(run.exitCode).toBe(2);
		expect(run.stderr.trim()).toBe('s3-kms-doctor: --replication-rule names the rule of a replication: give it with --operation replication');
	});
});
