import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cli, hasTmux, root, skipWithoutTmux} from './tmux-session.js';

/**
 * The built CLI in a real pseudo-terminal (tmux): the first built-in example from the first question to
 * an exported report, the way a user drives it. Skipped only where tmux is missing outside CI (CI installs it).
 */

/** A tmux server of our own (its own socket): nobody else's sessions or options are touched, and it goes at the end. */
const socket = `s3kd-e2e-${process.pid}`;
const sessions: string[] = [];
let folder = '';

const tmux = (...args: string[]): string => {
	const result = spawnSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
	return result.stdout;
};

/**
 * A fresh tmux session running the wizard; the shell then prints the exit code and waits, so the end stays
 * visible. The tmux server's environment is whatever started it (CI=true on CI), so every variable that
 * changes the output is unset first, then set as the test wants.
 */
const startWizard = (name: string, env: Readonly<Record<string, string>> = {CI: 'false'}, size = {columns: 100, rows: 30}): string => {
	const session = `s3kd-e2e-${name}-${process.pid}-${Date.now()}`;
	sessions.push(session);
	const variables = {
		HOME: join(folder, 'home'),
		AWS_CONFIG_FILE: join(folder, 'home', 'aws-config'),
		AWS_SHARED_CREDENTIALS_FILE: join(folder, 'home', 'aws-credentials'),
		S3_KMS_DOCTOR_CONFIG_DIR: join(folder, 'config'),
		...env,
	};
	const unset = ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR', 'AWS_PROFILE', 'AWS_REGION'].map(key => `-u ${key}`);
	const assignments = Object.entries(variables).map(([key, value]) => `${key}='${value}'`);
	const command = `env ${unset.join(' ')} ${assignments.join(' ')} node '${cli}'; echo "wizard exited with $?"; sleep 600`;
	tmux('new-session', '-d', '-s', session, '-x', String(size.columns), '-y', String(size.rows), '-c', folder, command);
	return session;
};

const screen = (session: string, withEscapes = false): string => tmux('capture-pane', '-p', ...(withEscapes ? ['-e'] : []), '-t', session);

const waitForScreen = async (session: string, wanted: string | RegExp | ((text: string) => boolean), timeoutMs = 15_000): Promise<string> => {
	const started = Date.now();
	const test = typeof wanted === 'string' ? (text: string) => text.includes(wanted) : typeof wanted === 'function' ? wanted : (text: string) => wanted.test(text);
	for (;;) {
		const text = screen(session);
		if (test(text)) return text;
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(wanted)}; the screen shows:\n${text}`);
		await new Promise(resolve => setTimeout(resolve, 40));
	}
};

const press = (session: string, ...keys: string[]): void => {
	for (const key of keys) tmux('send-keys', '-t', session, key);
};

const localDate = (): string => {
	const now = new Date();
	const pad = (value: number): string => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

// In CI a missing tmux is a failure, never a silent skip: .ci/run installs it.
it.runIf(process.env['CI'] === 'true')('has tmux in CI', () => {
	expect(hasTmux, 'tmux is not installed: .ci/run must install it').toBe(true);
});

describe.skipIf(skipWithoutTmux)('the wizard in a terminal', () => {
	beforeAll(() => {
		// Bundles the CLI only when its sources changed: never deletes dist/ under tests running in parallel.
		execFileSync(process.execPath, [join(root, 'scripts', 'ensure-cli.js')], {cwd: root, stdio: 'pipe'});
		folder = mkdtempSync(join(tmpdir(), 's3-kms-doctor-e2e-'));
		mkdirSync(join(folder, 'home'));
		writeFileSync(join(folder, 'home', 'aws-config'), '');
	}, 120_000);

	afterAll(() => {
		const socketPath = spawnSync('tmux', ['-L', socket, 'display-message', '-p', '#{socket_path}'], {encoding: 'utf8'}).stdout.trim();
		for (const session of sessions) spawnSync('tmux', ['-L', socket, 'kill-session', '-t', session]);
		spawnSync('tmux', ['-L', socket, 'kill-server']);
		if (socketPath.includes(socket)) rmSync(socketPath, {force: true});
		if (folder) rmSync(folder, {recursive: true, force: true});
	});

	it('walks the large-upload example from the first question to an exported report', async () => {
		const session = startWizard('walk');
		// How soon it comes is measured by npm run bench (bench/start.bench.js), not here, where a busy machine stretches it.
		let text = await waitForScreen(session, 'How shall we look at the failing request?');
		// The question comes first; the profiles are read after it is drawn.
		text = await waitForScreen(session, 'No AWS profiles found');
		expect(text).toContain('No AWS profiles found');
		expect(text).not.toContain('reading profiles…');
		// The splash drawn while Ink loads is gone: one title, no "Starting…".
		expect(text.split('\n').filter(line => line.includes('why S3 says AccessDenied'))).toHaveLength(1);
		expect(text).not.toContain('Starting…');

		press(session, 'Down', 'Down', 'Down', 'Enter');
		text = await waitForScreen(session, 'Which example?');
		expect(text).toMatch(/› Large upload fails, small upload works/);

		press(session, 'Enter');
		text = await waitForScreen(session, '✘ Denied');
		expect(text).toContain('upload s3://example-reports/exports/2026-11/full-export.csv');
		expect(text).toContain('multipart');
		expect(text).toMatch(/› ✘ +kms:Decrypt/);
		expect(text).toMatch(/Key policy/);

		press(session, 'Enter');
		text = await waitForScreen(session, 'Fix Key policy');
		expect(text).toContain('kms:Decrypt · key policy · missing');
		press(session, 'Tab');
		await waitForScreen(session, '[Merged policy]');
		press(session, 'Escape');
		await waitForScreen(session, /› ✘ +kms:Decrypt/);

		const reportName = `s3-kms-doctor-example-reports-${localDate()}.md`;
		press(session, 'e');
		await waitForScreen(session, reportName);
		press(session, 'Enter');
		text = await waitForScreen(session, 'Report written to');
		const report = readFileSync(join(folder, reportName), 'utf8');
		expect(report).toContain('kms:Decrypt');
		expect(report).toContain('aws kms put-key-policy');
		expect(report).toMatch(/^# /m);

		// A second export never replaces the first silently.
		press(session, 'e');
		await waitForScreen(session, 'Save the report as');
		press(session, 'Enter');
		await waitForScreen(session, 'already exists');
		press(session, 'n');
		await waitForScreen(session, `Report written to ${join(folder, reportName.replace('.md', '-2.md'))}`);
		expect(readFileSync(join(folder, reportName), 'utf8')).toBe(report);
		expect(existsSync(join(folder, reportName.replace('.md', '-2.md')))).toBe(true);

		press(session, 'q');
		await waitForScreen(session, 'wizard exited with 0');
	}, 60_000);

	it('takes an Enter pressed while it starts as the first answer, without echoing it: the splash leaves no title behind', async () => {
		const session = startWizard('typeahead', {CI: 'false'}, {columns: 80, rows: 24});
		await waitForScreen(session, 'Starting…');
		press(session, 'Enter');
		const text = await waitForScreen(session, 'What fails?');
		expect(text.split('\n').filter(line => line.includes('why S3 says AccessDenied'))).toHaveLength(1);
		expect(text.split('\n')[0]).toContain('why S3 says AccessDenied');
		press(session, 'C-c');
		const end = await waitForScreen(session, 'wizard exited with 130');
		expect(end).not.toContain('What fails?');
	});

	it('fits 80×24 after a resize and redraws', async () => {
		const session = startWizard('resize');
		await waitForScreen(session, 'How shall we look at the failing request?');
		press(session, 'Down', 'Down', 'Down', 'Enter');
		await waitForScreen(session, 'Which example?');
		press(session, 'Enter');
		await waitForScreen(session, '✘ Denied');
		tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
		// Right after the resize tmux shows the old frame re-wrapped; wait for the app's own 80-column frame.
		const text = await waitForScreen(session, screenText => screenText.startsWith('s3-kms-doctor · upload') && /q quit\s*$/m.test(screenText));
		const lines = text.replace(/\n+$/, '').split('\n');
		expect(lines.length).toBeLessThanOrEqual(24);
		expect(lines.every(line => line.length <= 80)).toBe(true);
		expect(text).toMatch(/› ✘ +kms:Decrypt/);
		press(session, 'C-c');
		await waitForScreen(session, 'wizard exited with 130');
	}, 60_000);

	it('honours NO_COLOR, and keeps colours with CI=false', async () => {
		// Without CI in the environment at all: supports-color turns colours off whenever CI is set, even to false.
		const plain = startWizard('nocolor', {NO_COLOR: '1'});
		await waitForScreen(plain, 'How shall we look at the failing request?');
		// eslint-disable-next-line no-control-regex
		expect(screen(plain, true)).not.toMatch(/\u001B\[[0-9;]*3[0-7]m|\u001B\[38;/);
		const coloured = startWizard('color', {});
		await waitForScreen(coloured, 'How shall we look at the failing request?');
		// eslint-disable-next-line no-control-regex
		expect(screen(coloured, true)).toMatch(/\u001B\[[0-9;]*3[0-7]m|\u001B\[38;/);
		// CI=false, the documented way to force the wizard in a CI-like shell, keeps the colours too.
		const forced = startWizard('color-ci-false', {CI: 'false'});
		await waitForScreen(forced, 'How shall we look at the failing request?');
		// eslint-disable-next-line no-control-regex
		expect(screen(forced, true)).toMatch(/\u001B\[[0-9;]*3[0-7]m|\u001B\[38;/);
	}, 60_000);
});

describe('the wizard outside a terminal', () => {
	it('does not start, says to use check, prints its usage and exits 2', () => {
		if (!existsSync(cli)) execFileSync(process.execPath, [join(root, 'scripts', 'ensure-cli.js')], {cwd: root, stdio: 'pipe'});
		const result = spawnSync(process.execPath, [cli], {encoding: 'utf8', env: {...process.env, CI: 'true'}, input: ''});
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('the wizard needs an interactive terminal');
		expect(result.stderr).toContain('s3-kms-doctor check');
		expect(result.stderr).toMatch(/Usage: s3-kms-doctor check/);
		expect(result.stdout).toBe('');
	}, 60_000);
});
