import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {checkPolicy} from '../../../source/commands/wizard-services.js';
import {answerWeigher} from '../../../source/diagnosis/answers-differ.js';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import {parseAccessDenied} from '../../../source/inputs/error-message/index.js';
import {parseSnapshot} from '../../../source/snapshot/parse-snapshot.js';
import type {Snapshot} from '../../../source/snapshot/snapshot.js';
import {err, ok} from '../../../source/shared/result.js';
import {renderMarkdown} from '../../../source/report/render-markdown.js';
import type {CollectRequest, ExampleInfo, ProfileInfo, ReadProgress, WizardServices, WizardSettings} from '../../../source/ui/services.js';

/** Fakes for everything the wizard does outside itself: no AWS, no disk, a fixed clock; the pure core is real. */

const examplesFolder = join(import.meta.dirname, '..', '..', '..', 'examples');

export const loadExample = (id: string): Snapshot => {
	const parsed = parseSnapshot(readFileSync(join(examplesFolder, `${id}.json`), 'utf8'), id);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.value;
};

const order = ['large-upload-multipart-missing-decrypt', 'cross-account-download', 'disabled-key', 'all-allowed'];

export const builtInExamples = (): ExampleInfo[] =>
	readdirSync(examplesFolder)
		.filter(name => name.endsWith('.json'))
		.map(name => name.slice(0, -5))
		.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
		.map(id => {
			const snapshot = loadExample(id);
			const description = snapshot.metadata?.description;
			return {id, title: snapshot.metadata?.title ?? id, ...(description ? {description} : {}), snapshot};
		});

export type ScriptedCollect = (request: CollectRequest, onProgress: (progress: ReadProgress) => void, signal: AbortSignal) => Promise<ReturnType<typeof ok<Snapshot>> | ReturnType<typeof err<string>>>;

export type FakeOptions = {
	readonly profiles?: readonly ProfileInfo[];
	readonly settings?: WizardSettings;
	readonly files?: Readonly<Record<string, string>>;
	readonly existingFiles?: readonly string[];
	readonly collect?: ScriptedCollect;
	/** Whether each profile can reach AWS: the error line by profile name; any other profile can. */
	readonly unreachable?: Readonly<Record<string, string>>;
};

export const fakeServices = (options: FakeOptions = {}) => {
	const written = new Map<string, string>(options.existingFiles?.map(path => [path, 'old content'] as const) ?? []);
	const copied: string[] = [];
	const collected: CollectRequest[] = [];
	const reachChecks: string[] = [];
	const saves: WizardSettings[] = [];
	let settings: WizardSettings = options.settings ?? {recentTargets: [], savedChecks: {}};
	const services: WizardServices = {
		listProfiles: async () => options.profiles ?? [],
		listExamples: async () => builtInExamples(),
		readSnapshotFile: async path => {
			const text = options.files?.[path];
			if (text === undefined) return err(`cannot read ${path}: no such file`);
			const parsed = parseSnapshot(text, path);
			return parsed.ok ? parsed : err(parsed.error.message);
		},
		parseError: text => {
			const parsed = parseAccessDenied(text);
			return parsed.ok ? parsed : err(`not recognised: ${parsed.error.message}`);
		},
		checkPolicy,
		checkReach: async profile => {
			reachChecks.push(profile);
			const line = options.unreachable?.[profile];
			return line === undefined ? ok(undefined) : err(line);
		},
		collect: async (request, onProgress, signal) => {
			collected.push(request);
			if (!options.collect) return err('no collection scripted');
			return options.collect(request, onProgress, signal);
		},
		diagnose: async snapshot => diagnose(snapshot),
		loadWeigher: async () => answerWeigher,
		renderMarkdown: async diagnosis => renderMarkdown(diagnosis, {generatedAt: '2026-11-05T10:00:00.000Z'}),
		writeFile: async (path, text, {overwrite}) => {
			const absolute = path.startsWith('/') ? path : `/work/${path}`;
			if (written.has(absolute) && !overwrite) return err({kind: 'exists' as const, message: `${absolute} already exists`});
			written.set(absolute, text);
			return ok(absolute);
		},
		copyToClipboard: text => {
			copied.push(text);
		},
		settings: {
			load: async () => settings,
			save: async next => {
				settings = next;
				saves.push(next);
			},
		},
		now: () => new Date('2026-11-05T10:00:00Z'),
	};
	return {services, written, copied, collected, reachChecks, saves, currentSettings: () => settings};
};
