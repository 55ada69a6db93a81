import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {createWizardServices} from '../../source/commands/wizard-services.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {builtCli} from './run-built-cli.js';
import {alive} from '../support/process-alive.js';

/**
 * A credential_process that never finishes (waiting for a login, a prompt) is stopped with the collection: Ctrl+C
 * in `check` or in the wizard ends it, and nothing of it keeps the process from exiting.
 */

const folder = mkdtempSync(join(tmpdir(), 's3-kms-doctor-credential-process-'));
const pidFile = join(folder, 'pid');
const script = join(folder, 'waits.mjs');
writeFileSync(script, `import {writeFileSync} from 'node:fs';\nwriteFileSync(${JSON.stringify(pidFile)}, String(process.pid));\nsetTimeout(() => {}, 60_000);\n`);

const files = (endpoint: string) => {
	const base = sameAccountFiles(endpoint);
	return {...base, config: `${base.config}\n[profile vault]\ncredential_process = ${JSON.stringify(process.execPath)} ${JSON.stringify(script)}\nregion = eu-west-1\n`};
};
useFakeAws({scenario: sameAccountScenario, files});


/** The PID the credential process wrote, once it is running (the file is removed before each test). */
const credentialProcess = async (): Promise<number> => {
	await vi.waitFor(() => readFileSync(pidFile, 'utf8'), {timeout: 10_000});
	return Number(readFileSync(pidFile, 'utf8'));
};

let left: number | undefined;
afterAll(() => {
	// Only if a test failed: the process it could not stop.
	if (left !== undefined && alive(left)) process.kill(left);
	rmSync(folder, {recursive: true, force: true});
});

describe('a credential_process that never finishes', () => {
	it('check: Ctrl+C (SIGINT) exits 130 at once with one line, and the process is gone', async () => {
		rmSync(pidFile, {force: true});
		const child = spawn(process.execPath, [builtCli, 'check', '--profile', 'vault', '--operation', 'download', '--bucket', 'acme-uploads', '--key', 'reports/2024/q1.csv'], {
			env: {...process.env, NO_COLOR: '1', CI: 'true'},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', chunk => (stderr += String(chunk)));
		const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
		left = await credentialProcess();
		const interrupted = Date.now();
		child.kill('SIGINT');
		const code = await Promise.race([exited, new Promise<'still running'>(resolve => setTimeout(() => resolve('still running'), 10_000))]);
		if (code === 'still running') child.kill('SIGKILL');
		expect(code).toBe(130);
		expect(Date.now() - interrupted).toBeLessThan(5000);
		expect(stderr).toBe('s3-kms-doctor: collection cancelled\n');
		await vi.waitFor(() => expect(alive(left!)).toBe(false), {timeout: 10_000});
	});

	it("the wizard: quitting aborts the profile's check, which ends the process", async () => {
		rmSync(pidFile, {force: true});
		const controller = new AbortController();
		const checking = createWizardServices().checkReach('vault', controller.signal);
		left = await credentialProcess();
		controller.abort();
		expect(await checking).toEqual({ok: false, error: 'collection cancelled'});
		await vi.waitFor(() => expect(alive(left!)).toBe(false), {timeout: 10_000});
	});
});
