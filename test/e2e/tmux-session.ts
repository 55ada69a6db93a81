import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll} from 'vitest';

/**
 * The built CLI in a real pseudo-terminal: a tmux server of our own (its own socket, so nobody else's
 * sessions or options are touched), one session per run of the wizard, with CI=false as a user forcing
 * the wizard in a CI-like shell would set it. Used by the e2e tests that need several terminal sizes.
 */

export const root = join(import.meta.dirname, '..', '..');
export const cli = join(root, 'dist', 'cli.js');
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
/** In CI a missing tmux fails the run, never skips it: .ci/run installs it. Elsewhere the e2e tests skip without it. */
export const skipWithoutTmux = !hasTmux && process.env['CI'] !== 'true';

export type Terminal = {
	readonly start: (name: string, size: {readonly columns: number; readonly rows: number}, env?: Readonly<Record<string, string>>) => string;
	readonly screen: (session: string) => string;
	readonly waitFor: (session: string, wanted: string | RegExp | ((text: string) => boolean), timeoutMs?: number) => Promise<string>;
	readonly press: (session: string, ...keys: string[]) => void;
	/** As a terminal delivers a paste: the whole text in one write, line breaks as Enter (CR). */
	readonly paste: (session: string, text: string) => void;
	readonly close: () => void;
};

export const tmuxTerminal = (label: string, folder: string): Terminal => {
	const socket = `s3kd-${label}-${process.pid}`;
	const sessions: string[] = [];
	const tmux = (...args: string[]): string => {
		const result = spawnSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
		if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
		return result.stdout;
	};
	const screen = (session: string): string => tmux('capture-pane', '-p', '-t', session);
	return {
		start: (name, size, env = {}) => {
			const session = `${name}-${sessions.length}`;
			sessions.push(session);
			const variables = {
				HOME: join(folder, 'home'),
				AWS_CONFIG_FILE: join(folder, 'home', 'aws-config'),
				AWS_SHARED_CREDENTIALS_FILE: join(folder, 'home', 'aws-credentials'),
				S3_KMS_DOCTOR_CONFIG_DIR: join(folder, 'config'),
				CI: 'false',
				...env,
			};
			const unset = ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR', 'AWS_PROFILE', 'AWS_REGION'].map(key => `-u ${key}`);
			const assignments = Object.entries(variables).map(([key, value]) => `${key}='${value}'`);
			const command = `env ${unset.join(' ')} ${assignments.join(' ')} node '${cli}'; echo "wizard exited with $?"; sleep 600`;
			tmux('new-session', '-d', '-s', session, '-x', String(size.columns), '-y', String(size.rows), '-c', folder, command);
			return session;
		},
		screen,
		waitFor: async (session, wanted, timeoutMs = 15_000) => {
			const started = Date.now();
			const test = typeof wanted === 'string' ? (text: string) => text.includes(wanted) : typeof wanted === 'function' ? wanted : (text: string) => wanted.test(text);
			for (;;) {
				const text = screen(session);
				if (test(text)) return text;
				if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(wanted)}; the screen shows:\n${text}`);
				await new Promise(resolve => setTimeout(resolve, 40));
			}
		},
		press: (session, ...keys) => {
			for (const key of keys) tmux('send-keys', '-t', session, key);
		},
		paste: (session, text) => {
			tmux('set-buffer', '-b', 'paste', text);
			tmux('paste-buffer', '-b', 'paste', '-t', session);
		},
		close: () => {
			const socketPath = spawnSync('tmux', ['-L', socket, 'display-message', '-p', '#{socket_path}'], {encoding: 'utf8'}).stdout.trim();
			for (const session of sessions) spawnSync('tmux', ['-L', socket, 'kill-session', '-t', session]);
			spawnSync('tmux', ['-L', socket, 'kill-server']);
			if (socketPath.includes(socket)) rmSync(socketPath, {force: true});
		},
	};
};

/**
 * Lines that start at column 0 and are not a mark, a heading or the title: wrapped text that lost its indent. The second
 * half of a command's word folded with the shell's line continuation (the line before ends `…'\` or `…x\`) belongs
 * there: an indent would split the word.
 */
export const strayLines = (screen: string): string[] =>
	screen
		.split('\n')
		.filter((line, index, lines) => line !== '' && !line.startsWith(' ') && !/[^ \\]\\\s*$/.test(lines[index - 1] ?? ''))
		// A footer of key hints is a line of its own, not wrapped text; a box's border is not text.
		.filter(line => !line.includes('? keys') && !/^[╭│╰]/.test(line))
		.filter(
			line =>
				!/^(s3-kms-doctor|[✔✘⛔?!i›•≈] |⛔|↑|↓|wizard exited|Key policy|KMS grants|IAM identity policies|Bucket policy|Permissions boundary|Session policy|Service control policies|Resource control policies)/.test(
					line,
				),
		);

/**
 * For a describe block: the CLI built if its sources changed, a fresh folder with an empty AWS config (no profiles),
 * a tmux terminal of its own in it, all gone at the end. Returns how to reach the terminal once it is there.
 */
export const useTmuxTerminal = (label: string): (() => Terminal) => {
	let folder = '';
	let terminal: Terminal | undefined;
	beforeAll(() => {
		// Bundles the CLI only when its sources changed: never deletes dist/ under tests running in parallel.
		execFileSync(process.execPath, [join(root, 'scripts', 'ensure-cli.js')], {cwd: root, stdio: 'pipe'});
		folder = mkdtempSync(join(tmpdir(), `s3-kms-doctor-e2e-${label}-`));
		mkdirSync(join(folder, 'home'));
		writeFileSync(join(folder, 'home', 'aws-config'), '');
		terminal = tmuxTerminal(label, folder);
	}, 120_000);
	afterAll(() => {
		terminal?.close();
		if (folder) rmSync(folder, {recursive: true, force: true});
	});
	return () => {
		if (!terminal) throw new Error('the tmux terminal is not started yet');
		return terminal;
	};
};
