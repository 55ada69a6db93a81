import {existsSync} from 'node:fs';
import {readdir, readFile, writeFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ActionCatalogue} from '../diagnosis/action-catalogue.js';
import {unknownActionsIn} from '../diagnosis/unknown-actions.js';
import {parseAccessDenied} from '../inputs/error-message/index.js';
import {parseS3Location} from '../names/index.js';
import {policyKindOfTitle, policySizeProblem} from '../snapshot/policy-limits.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {readPastedPolicy} from '../inputs/paste/read-pasted-policy.js';
import {err, ok, type Result} from '../shared/result.js';
import {clipboardSequences} from '../ui/clipboard.js';
import type {ExampleInfo, PolicyCheck, PolicyKind, ProfileInfo, WizardServices} from '../ui/services.js';
import {emptySettings} from '../ui/session/remember.js';
import {unsafeCharacterCount} from '../report/sanitize.js';
import {packageVersion} from '../version.js';
import {openInput, readBoundedText} from './bounded-read.js';
import {CliError} from './cli-error.js';
import {describeFileError} from './io.js';
import {createSettingsStore} from './wizard-settings.js';

/**
 * The wizard's services (ui/services.ts) for real: profiles, examples, snapshot files, the clipboard,
 * live reads, the diagnosis, reports and settings. What the paste fields check as you type (policies,
 * error messages) is small and loaded up front, because it must answer synchronously; the rest loads
 * when first used.
 */

/** The built-in scenarios, the one the docs walk through first. */
const exampleOrder = ['large-upload-multipart-missing-decrypt', 'cross-account-download', 'disabled-key', 'all-allowed'];

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
		// Bounded like check's read; a FIFO's wait must not outlive the wizard (Ctrl+C after Esc).
		text = await readBoundedText(await openInput(resolve(expandHome(path)), ''), {what: 'a snapshot', keepAlive: false});
	} catch (error) {
		return err(error instanceof CliError ? error.message : `cannot read ${path}: ${describeFileError(error)}`);
	}
	const {parseSnapshot} = await import('../snapshot/parse-snapshot.js');
	const parsed = parseSnapshot(text, path);
	return parsed.ok ? parsed : err(parsed.error.message);
};

/** AWS's catalogue of actions for the paste checks: loaded in the background once the wizard is on screen. */
let pasteCatalogue: ActionCatalogue | undefined;

export const warmPasteCatalogue = async (): Promise<void> => {
	const {loadActionCatalogue} = await import('./action-catalogue.js');
	pasteCatalogue = (await loadActionCatalogue(['iam', 'sts'])) ?? pasteCatalogue;
};

/**
 * Any form AWS prints a policy in (inputs/paste), checked as the kind of policy the question asks for,
 * and (once the catalogue is loaded) for actions and condition keys AWS does not know.
 */
export const checkPolicy = (text: string, name: string, kind?: PolicyKind, catalogue: ActionCatalogue | undefined = pasteCatalogue): PolicyCheck => {
	const pasted = readPastedPolicy(text, name, kind);
	if (!pasted.ok) {
		const {message, line, column} = pasted.error;
		return {ok: false, message, ...(line === undefined ? {} : {line}), ...(column === undefined ? {} : {column})};
	}
	const {document, statementCount, notes} = pasted.value;
	const tooLarge = policySizeProblem(document, policyKindOfTitle(name), 'the policy');
	if (tooLarge) return {ok: false, message: tooLarge};
	const unknownActions = catalogue ? unknownActionsIn(name, document, catalogue).map(finding => finding.message) : [];
	const warnings = [...unknownActions, ...pasted.value.warnings];
	const hiddenCharacters = unsafeCharacterCount(document);
	return {ok: true, statementCount, ...(hiddenCharacters > 0 ? {hiddenCharacters} : {}), ...(notes.length > 0 ? {notes} : {}), ...(warnings.length > 0 ? {warnings} : {})};
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

export const createWizardServices = (): WizardServices => ({
	listProfiles,
	listExamples,
	readSnapshotFile,
	parseError: text => {
		const parsed = parseAccessDenied(text);
		if (parsed.ok) return parsed;
		// An object's address is what the bucket question takes, not an error: say where it goes.
		if (parseS3Location(text.trim())) return err('that is an S3 object, not an error message: choose what you tried (upload, download, copy) and give it at the bucket question');
		return err(`not recognised: ${parsed.error.message.replace(/^not recognised: /, '')}`);
	},
	checkPolicy: (text, name, kind) => checkPolicy(text, name, kind),
	checkReach: async (profile, signal) => {
		const {checkReach} = await import('../aws/collect.js');
		const result = await checkReach({profile, signal});
		return result.ok ? result : err(result.error.message);
	},
	collect: async (request, onProgress, signal) => {
		const {collectSnapshot} = await import('../aws/collect.js');
		const result = await collectSnapshot({
			question: request.question,
			profile: request.profile,
			...(request.bucketProfile ? {bucketProfile: request.bucketProfile} : {}),
			...(request.keyProfile ? {keyProfile: request.keyProfile} : {}),
			...(request.region ? {region: request.region} : {}),
			...(request.presignedUrl ? {presignedUrl: request.presignedUrl} : {}),
			...(request.actingRole ? {actingRole: request.actingRole} : {}),
			signal,
			onProgress,
		});
		return result.ok ? result : err(result.error.message);
	},
	diagnose: async snapshot => {
		const [{diagnose}, {diagnoseOptionsFor}] = await Promise.all([import('../diagnosis/diagnose.js'), import('./action-catalogue.js')]);
		return diagnose(snapshot, await diagnoseOptionsFor(snapshot));
	},
	loadWeigher: async () => (await import('../diagnosis/answers-differ.js')).answerWeigher,
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
