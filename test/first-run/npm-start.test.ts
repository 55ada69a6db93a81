import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

/**
 * `npm start` rebuilds only when the sources are newer than dist/ (a rebuild takes seconds; the time of a
 * start is measured by `npm run bench`). Run in a copy of the project, so this repository's dist/ is
 * never rebuilt under the other tests.
 */

const root = join(import.meta.dirname, '..', '..');
let copy = '';

const start = (...args: string[]) => {
	const result = spawnSync('npm', ['start', '--silent', '--', ...args], {cwd: copy, encoding: 'utf8', env: {...process.env, CI: 'true'}, timeout: 120_000});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
};
const builtAt = (): number => statSync(join(copy, 'dist', 'cli.js')).mtimeMs;

beforeAll(() => {
	copy = mkdtempSync(join(tmpdir(), 's3-kms-doctor-start-'));
	for (const entry of ['source', 'scripts', 'examples', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(root, entry), join(copy, entry), {recursive: true});
	symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rmSync(copy, {recursive: true, force: true}));

describe('npm start', () => {
	it('builds the first time, not the second, and again once a source file changes', () => {
		const first = start('--version');
		expect(first.status).toBe(0);
		expect(first.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
		expect(first.stderr).toContain('building the CLI (dist/cli.js does not exist yet)');
		const built = builtAt();

		const second = start('--version');
		expect(second.status).toBe(0);
		expect(second.stdout).toBe(first.stdout);
		expect(second.stderr).not.toContain('building');
		expect(builtAt()).toBe(built);

		const later = new Date(Date.now() + 5_000);
		utimesSync(join(copy, 'source', 'version.ts'), later, later);
		const third = start('--version');
		expect(third.stderr).toContain('building the CLI (source changed since the last build)');
		expect(builtAt()).toBeGreaterThan(built);
	}, 240_000);

	it('npx s3-kms-doctor runs the clone\'s own CLI, as the README writes it', () => {
		start('--version');
		const result = spawnSync('npx', ['s3-kms-doctor', '--version'], {cwd: copy, encoding: 'utf8', env: {...process.env, CI: 'true'}, timeout: 120_000});
		expect(result.status).toBe(0);
		expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
	}, 120_000);

	it('passes its arguments to the CLI: check --snapshot with several files', () => {
		const run = start('check', '--snapshot', 'examples/all-allowed.json', 'examples/disabled-key.json', '--format', 'json');
		expect(run.status).toBe(1);
		expect((JSON.parse(run.stdout) as Array<{verdict: string}>).map(report => report.verdict)).toEqual(['allowed', 'denied']);
	}, 120_000);
});
