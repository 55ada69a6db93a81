import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {readdir, readFile, writeFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseAccessDenied} from '../inputs/error-message/index.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {err, ok, type Result} from '../shared/result.js';
import {clipboardSequences} from '../ui/clipboard.js';
import type {ExampleInfo, ProfileInfo, SettingsStore, WizardServices, WizardSettings} from '../ui/services.js';
import {emptySettings} from '../ui/session/remember.js';
import {settingsFromStore} from '../ui/session/settings-shape.js';
import {wizardTitle} from '../ui/title.js';
import {packageVersion} from '../version.js';
import {checkPolicy} from './check-policy.js';
import {exitCodes} from './cli-error.js';
import {describeFileError} from './io.js';

/**
 * `s3-kms-doctor` with no command: the guided wizard. It starts Ink only in an interactive terminal;
 * elsewhere it says to use `check`. Ink, the diagnosis core, the AWS SDK and conf are imported lazily:
 * a splash is on screen before Ink is, the first question is Ink's first frame (the settings file is read
 * while Ink loads; the profiles fill in after), conf loads only to write, and nothing AWS loads until
 * the user picks a profile. What the paste fields check as you type (policies, error messages) is small
 * and loaded up front, because it must answer synchronously.
 */

export {checkPolicy} from './check-policy.js';

export type WizardCommandOptions = {readonly saved?: string};

/** The built-in scenarios, the one the docs walk through first. */
const exampleOrder = ['large-upload-multipart-missing-decrypt', 'cross-account-download', 'disabled-key', 'all-allowed'];

/** Mirrors is-in-ci, which Ink uses: CI=false and CI=0 mean "not CI"; Ink would otherwise draw only at exit. */
export const inContinuousIntegration = (env: NodeJS.ProcessEnv): boolean =>
	['CI', 'CONTINUOUS_INTEGRATION'].some(name => name in env && env[name] !== '0' && env[name] !== 'false');

export type TerminalFacts = {
	readonly stdoutIsTerminal: boolean;
	readonly stdinIsTerminal: boolean;
	/** Ink's useInput needs raw mode; piped stdin has none. */
	readonly rawModeSupported: boolean;
	readonly env: NodeJS.ProcessEnv;
};

/** Why the wizard cannot run here, or undefined when it can. */
export const nonInteractiveReason = (facts: TerminalFacts): string | undefined => {
	if (inContinuousIntegration(facts.env)) return 'CI is set (set CI=false to force the wizard)';
	if (!facts.stdoutIsTerminal) return 'standard output is not a terminal';
	if (!facts.stdinIsTerminal || !facts.rawModeSupported) return 'standard input is not a terminal';
	return undefined;
};

const currentTerminal = (): TerminalFacts => ({
	stdoutIsTerminal: process.stdout.isTTY === true,
	stdinIsTerminal: process.stdin.isTTY === true,
	rawModeSupported: typeof process.stdin.setRawMode === 'function',
	env: process.env,
});

/** The folder holding package.json and examples/, from dist/commands/ or source/commands/ alike. */
export const packageRoot = (from: string = fileURLToPath(import.meta.url)): string | undefined => {
	let folder = dirname(from);
	for (;;) {
		if (existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'examples'))) return folder;
		const parent = dirname(folder);
		if (parent === folder) return undefined;
		folder = parent;
	}
};

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

const expandHome = (path: string): string => (path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path);

const profileKindWords: Readonly<Record<string, string>> = {static: 'access keys', sso: 'SSO', 'assume-role': 'role', process: 'credential process'};

const listProfiles = async (): Promise<readonly ProfileInfo[]> => {
	const {listProfiles: list} = await import('../aws/profiles.js');
	return (await list()).map(profile => ({
		name: profile.name,
		...(profile.region ? {region: profile.region} : {}),
		...(profileKindWords[profile.kind] ? {kind: profileKindWords[profile.kind]} : {}),
	}));
};

const listExamples = async (): Promise<readonly ExampleInfo[]> => {
	const root = packageRoot();
	if (!root) throw new Error('the examples folder was not found next to the program');
	const folder = join(root, 'examples');
	const names = (await readdir(folder)).filter(name => name.endsWith('.json'));
	const rank = (id: string): number => (exampleOrder.includes(id) ? exampleOrder.indexOf(id) : exampleOrder.length);
	const {parseSnapshot} = await import('../snapshot/parse-snapshot.js');
	const examples = await Promise.all(
		names.map(async (name): Promise<ExampleInfo | undefined> => {
			const id = name.slice(0, -'.json'.length);
			const parsed = parseSnapshot(await readFile(join(folder, name), 'utf8'), `examples/${name}`);
			if (!parsed.ok) return undefined;
			const {metadata} = parsed.value;
			return {id, title: metadata?.title ?? id, ...(metadata?.description ? {description: metadata.description} : {}), snapshot: parsed.value};
		}),
	);
	return examples.filter((example): example is ExampleInfo => example !== undefined).sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
};

const readSnapshotFile = async (path: string): Promise<Result<Snapshot, string>> => {
	let text: string;
	try {
		text = await readFile(resolve(expandHome(path)), 'utf8');
	} catch (error) {
		return err(`cannot read ${path}: ${describeFileError(error)}`);
	}
	const {parseSnapshot} = await import('../snapshot/parse-snapshot.js');
	const parsed = parseSnapshot(text, path);
	return parsed.ok ? parsed : err(parsed.error.message);
};

const writeTextFile: WizardServices['writeFile'] = async (path, text, {overwrite}) => {
	const absolute = resolve(expandHome(path));
	try {
		await writeFile(absolute, text.endsWith('\n') ? text : `${text}\n`, {encoding: 'utf8', flag: overwrite ? 'w' : 'wx'});
		return ok(absolute);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return err({kind: 'exists', message: `${absolute} already exists`});
		return err({kind: 'failed', message: `cannot write ${absolute}: ${describeFileError(error)}`});
	}
};

const settingsProject = 's3-kms-doctor';

/**
 * The file conf keeps the settings in: `cwd` or env-paths' config folder for `PROJECT-nodejs` (conf's
 * default suffix), then `config.json`. Computed here so the first frame reads it without loading conf.
 */
export const settingsFilePath = (
	options: {readonly cwd?: string} = {},
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
	home: string = homedir(),
): string => {
	if (options.cwd) return resolve(options.cwd, 'config.json');
	const name = `${settingsProject}-nodejs`;
	if (platform === 'darwin') return join(home, 'Library', 'Preferences', name, 'config.json');
	if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), name, 'Config', 'config.json');
	return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), name, 'config.json');
};

/**
 * Remembered settings in conf's file (0600). `cwd` moves it (tests, and S3_KMS_DOCTOR_CONFIG_DIR); a
 * file that cannot be read leaves the wizard without memory rather than broken, and is never overwritten.
 * Reading is a plain JSON read (conf with ajv is a 430 KB chunk, too slow for the first frame); conf loads
 * only to write, which keeps its atomic writes and file mode.
 */
export const createSettingsStore = (options: {readonly cwd?: string} = {}): SettingsStore => {
	type Store = {store: Record<string, unknown>};
	let opened: Promise<Store> | undefined;
	const open = (): Promise<Store> => {
		opened ??= import('conf').then(({default: Conf}) => new Conf({projectName: settingsProject, configFileMode: 0o600, ...(options.cwd ? {cwd: options.cwd} : {})}) as unknown as Store);
		return opened;
	};
	return {
		load: async (): Promise<WizardSettings> => {
			let text: string;
			try {
				text = await readFile(settingsFilePath(options), 'utf8');
			} catch (error) {
				// No file yet is a first run, as for conf; anything else is a file that cannot be read.
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptySettings;
				throw error;
			}
			return settingsFromStore(JSON.parse(text));
		},
		save: async (settings: WizardSettings): Promise<void> => {
			const conf = await open();
			conf.store = {...settings} as Record<string, unknown>;
		},
	};
};

export const createWizardServices = (): WizardServices => ({
	listProfiles,
	listExamples,
	readSnapshotFile,
	parseError: text => {
		const parsed = parseAccessDenied(text);
		return parsed.ok ? parsed : err(`not recognised: ${parsed.error.message}`);
	},
	checkPolicy,
	collect: async (request, onProgress, signal) => {
		const {collectSnapshot} = await import('../aws/collect.js');
		const result = await collectSnapshot({
			question: request.question,
			profile: request.profile,
			...(request.bucketProfile ? {bucketProfile: request.bucketProfile} : {}),
			...(request.keyProfile ? {keyProfile: request.keyProfile} : {}),
			...(request.region ? {region: request.region} : {}),
			signal,
			onProgress,
		});
		return result.ok ? result : err(result.error.message);
	},
	diagnose: async snapshot => (await import('../diagnosis/diagnose.js')).diagnose(snapshot),
	renderMarkdown: async diagnosis => (await import('../report/render-markdown.js')).renderMarkdown(diagnosis, {generatedAt: new Date().toISOString(), toolVersion: packageVersion}),
	writeFile: writeTextFile,
	copyToClipboard: text => {
		process.stdout.write(clipboardSequences(text, Boolean(process.env['TMUX'])));
	},
	settings: (() => {
		const store = createSettingsStore(process.env['S3_KMS_DOCTOR_CONFIG_DIR'] ? {cwd: process.env['S3_KMS_DOCTOR_CONFIG_DIR']} : {});
		// A settings file that cannot be read must not stop the wizard: start without memory.
		return {load: () => store.load().catch(() => emptySettings), save: store.save};
	})(),
	now: () => new Date(),
});

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

export const runWizardCommand = async (options: WizardCommandOptions): Promise<number> => {
	const reason = nonInteractiveReason(currentTerminal());
	if (reason) {
		process.stderr.write(nonInteractiveMessage(reason, checkUsage()));
		return exitCodes.usage;
	}
	const splash = splashLines(process.stdout.columns || 80);
	process.stdout.write(splash.join('\n'));
	const services = createWizardServices();
	// React is CommonJS: its default export is the one form every loader (and bundler) agrees on. The
	// settings file is read meanwhile, so the first frame is the first question, not a wait.
	const [{render}, {default: React}, {WizardApp, interruptedExitCode}, settings] = await Promise.all([
		withoutFetch(() => import('ink')),
		import('react'),
		import('../ui/app.js'),
		services.settings.load(),
	]);
	process.stdout.write(eraseLines(splash.length));
	// Ctrl+C reaches the app as a key (raw mode), which clears the screen and exits 130; a SIGINT sent
	// from outside does the same here.
	const instance = render(React.createElement(WizardApp, {services, settings, ...(options.saved ? {savedName: options.saved} : {})}), {exitOnCtrlC: false});
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
	}
};
