import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import isInCi from 'is-in-ci';
import {wizardTitle} from '../ui/title.js';
import {exitCodes} from './cli-error.js';
import {createWizardServices, packageRoot, warmPasteCatalogue} from './wizard-services.js';

/**
 * `s3-kms-doctor` with no command: the guided wizard. It starts Ink only in an interactive terminal;
 * elsewhere it says to use `check`. Ink, the diagnosis core, the AWS SDK and conf are imported lazily:
 * a splash is on screen before Ink is, the first question is Ink's first frame (the settings file is read
 * while Ink loads; the profiles fill in after), conf loads only to write, and nothing AWS loads until
 * the user picks a profile. The services are in wizard-services.ts, the settings file in wizard-settings.ts.
 */

export type WizardCommandOptions = {readonly saved?: string};

export type TerminalFacts = {
	readonly stdoutIsTerminal: boolean;
	readonly stdinIsTerminal: boolean;
	/** Ink's useInput needs raw mode; piped stdin has none. */
	readonly rawModeSupported: boolean;
	/**
	 * is-in-ci's answer, read from the environment when it loads: the very value Ink acts on (in CI it
	 * draws only the last frame, at exit), so the two cannot disagree. CI=false and CI=0 mean "not CI".
	 */
	readonly continuousIntegration: boolean;
};

/** Why the wizard cannot run here, or undefined when it can. */
export const nonInteractiveReason = (facts: TerminalFacts): string | undefined => {
	if (facts.continuousIntegration) return 'CI is set (set CI=false to force the wizard)';
	if (!facts.stdoutIsTerminal) return 'standard output is not a terminal';
	if (!facts.stdinIsTerminal || !facts.rawModeSupported) return 'standard input is not a terminal';
	return undefined;
};

export const currentTerminal = (): TerminalFacts => ({
	stdoutIsTerminal: process.stdout.isTTY === true,
	stdinIsTerminal: process.stdin.isTTY === true,
	rawModeSupported: typeof process.stdin.setRawMode === 'function',
	continuousIntegration: isInCi,
});

/** `check --help`, from the CLI itself so it never drifts from the real options. */
const checkUsage = (): string => {
	const root = packageRoot();
	const entry = [process.argv[1], root ? join(root, 'dist', 'cli.js') : undefined].find(
		(candidate): candidate is string => candidate !== undefined && /cli\.js$/.test(candidate) && existsSync(candidate),
	);
	if (entry) {
		const help = spawnSync(process.execPath, [entry, 'check', '--help'], {encoding: 'utf8', timeout: 10_000});
		if (help.status === 0 && help.stdout) return help.stdout;
	}
	return 'Run s3-kms-doctor check --help for its options.\n';
};

export const nonInteractiveMessage = (reason: string, usage: string): string =>
	[
		`s3-kms-doctor: the wizard needs an interactive terminal, and ${reason}.`,
		'Use s3-kms-doctor check instead, for example:',
		'  s3-kms-doctor check --snapshot snapshot.json',
		'  s3-kms-doctor check --profile dev --operation upload --bucket my-bucket --key path/file.csv --size 200MB',
		'',
		usage.trimEnd(),
		'',
	].join('\n');

/**
 * Ink's layout engine (yoga) instantiates its WebAssembly with fetch() on a data: URL when fetch exists,
 * and Node's first fetch loads undici: about 30 ms of the first frame. Without fetch, yoga decodes the
 * same bytes itself. fetch is hidden only while Ink loads (nothing else runs then) and restored as it was.
 */
const withoutFetch = async <T>(load: () => Promise<T>): Promise<T> => {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) return load();
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
};

/** Two plain lines while Ink loads; erased (cursor back up, lines cleared) right before Ink draws. */
const splashLines = (columns: number): readonly string[] => [wizardTitle.slice(0, Math.max(columns - 1, 10)), '  Starting…'];
const eraseLines = (count: number): string => `${'\u001B[2K\u001B[1A'.repeat(count - 1)}\u001B[2K\u001B[G`;

/** The terminal's raw mode (no echo, keys kept for Ink); whether it could be set. Ctrl+C then reaches the app as a key. */
const setQuiet = (on: boolean): boolean => {
	if (!process.stdin.isTTY) return false;
	process.stdin.setRawMode(on);
	return true;
};

export const runWizardCommand = async (options: WizardCommandOptions): Promise<number> => {
	const reason = nonInteractiveReason(currentTerminal());
	if (reason) {
		process.stderr.write(nonInteractiveMessage(reason, checkUsage()));
		return exitCodes.usage;
	}
	const splash = splashLines(process.stdout.columns || 80);
	process.stdout.write(splash.join('\n'));
	// Keys pressed while Ink loads wait for it unechoed: an echoed Enter moved the cursor, and the erase left a title behind.
	const quiet = setQuiet(true);
	const services = createWizardServices();
	// React is CommonJS: its default export is the one form every loader (and bundler) agrees on. The
	// settings file is read meanwhile, so the first frame is the first question, not a wait.
	const [{render}, {default: React}, {WizardApp, interruptedExitCode}, settings] = await Promise.all([
		withoutFetch(() => import('ink')),
		import('react'),
		import('../ui/app.js'),
		services.settings.load(),
	]).catch((error: unknown) => {
		if (quiet) setQuiet(false);
		throw error;
	});
	process.stdout.write(eraseLines(splash.length));
	// Ctrl+C reaches the app as a key (raw mode), which clears the screen and exits 130; a SIGINT sent
	// from outside does the same here.
	const instance = render(React.createElement(WizardApp, {services, settings, ...(options.saved ? {savedName: options.saved} : {})}), {exitOnCtrlC: false});
	// After the first frame: the paste checks then know AWS's actions well before anyone has pasted a policy.
	void warmPasteCatalogue().catch(() => undefined);
	let interrupted = false;
	const onSignal = (): void => {
		interrupted = true;
		instance.clear();
		instance.unmount();
	};
	process.once('SIGINT', onSignal);
	try {
		const result: unknown = await instance.waitUntilExit();
		return interrupted ? interruptedExitCode : typeof result === 'number' ? result : 0;
	} finally {
		process.removeListener('SIGINT', onSignal);
		// Ink leaves raw mode as it unmounts; this only makes sure the terminal is never left without echo.
		if (quiet) setQuiet(false);
	}
};
