import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {runBuiltCli} from './run-built-cli.js';

// The whole `check` process in live mode: real SDK clients, real profile files, the fake endpoint on 127.0.0.1.
const state = useFakeAws({scenario: sameAccountScenario, files: sameAccountFiles, checksS3Region: true});
let workDir = '';
beforeAll(async () => {
	workDir = await mkdtemp(join(tmpdir(), 's3-kms-doctor-check-live-'));
});
afterAll(async () => {
	await rm(workDir, {recursive: true, force: true});
});

const download = ['--operation', 'download', '--bucket', 'acme-uploads', '--key', 'reports/2024/q1.csv'];

describe('check --profile (live)', () => {
	it('collects, saves the snapshot, reports JSON and exits with the verdict', async () => {
		const saved = join(workDir, 'snapshot.json');
		const run = await runBuiltCli(['check', '--profile', 'ci', ...download, '--format', 'json', '--save-snapshot', saved]);
		const report = JSON.parse(run.stdout) as {verdict: string; actions: {action: string}[]};
		expect(report.actions.map(action => action.action)).toEqual(['s3:GetObject', 'kms:Decrypt']);
		expect(run.exitCode).toBe({allowed: 0, denied: 1, unknown: 3}[report.verdict]);
		// What could not be read is said on stderr, one line each, never a stack trace.
		expect(run.stderr).not.toMatch(/\n\s+at /);
		const snapshot = parseSnapshot(await readFile(saved, 'utf8'), saved);
		expect(snapshot.ok && snapshot.value.metadata?.collectedBy).toBe('live');
		// The saved snapshot diagnoses the same offline.
		const offline = await runBuiltCli(['check', '--snapshot', saved, '--format', 'json']);
		expect(JSON.parse(offline.stdout).verdict).toBe(report.verdict);
		expect(state.fake.calls.length).toBeGreaterThan(5);
		expect(state.fake.calls.filter(call => call.write)).toEqual([]);
	});

	it('--redact replaces account IDs and names in the report and the saved snapshot', async () => {
		const saved = join(workDir, 'redacted.json');
		const run = await runBuiltCli(['check', '--profile', 'ci', ...download, '--format', 'md', '--redact', '--save-snapshot', saved]);
		expect(run.stdout).not.toContain('111122223333');
		expect(run.stdout).not.toContain('acme-uploads');
		expect(await readFile(saved, 'utf8')).not.toContain('acme-uploads');
	});

	it('an unknown profile is one line naming it, exit 2', async () => {
		const run = await runBuiltCli(['check', '--profile', 'no-such-profile', ...download]);
		expect(run.exitCode).toBe(2);
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr).toContain('no-such-profile');
	});

	it('refuses --snapshot together with live options', async () => {
		const run = await runBuiltCli(['check', '--snapshot', 'x.json', '--profile', 'ci']);
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toMatch(/^s3-kms-doctor: --profile does not apply to a snapshot file/);
	});
});
