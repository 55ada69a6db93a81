import type {AnswerWeigher} from '../../diagnosis/answers-differ.js';
import type {Diagnosis} from '../../diagnosis/diagnosis.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import type {Result} from '../../shared/result.js';
import type {Collection} from '../conversation/flow-types.js';
import type {Note, QuestionId} from '../conversation/question.js';
import type {Answers} from '../conversation/walk.js';
import type {ExampleInfo, ProfileInfo, ReadProgress, WizardSettings} from '../services.js';

/**
 * The wizard session as one reducer with typed actions: the answers, where the user is editing, and
 * everything loaded or read. The conversation itself is derived from this by walk().
 */

export type DiagnosisOutcome = {
	/** The snapshot it was made from, as JSON: the result screen shows it only while it still matches. */
	readonly snapshotKey: string;
	readonly result: Result<Diagnosis, string>;
};

export type SessionState = {
	readonly answers: Answers;
	/** What each answer was given about (a question's `about`), in this session: it replays only for the same. */
	readonly askedAbout: Answers;
	/** The question being edited after going back. */
	readonly stopAt?: QuestionId;
	readonly profiles?: readonly ProfileInfo[];
	readonly profilesProblem?: string;
	/** What is stored now: remembered runs and named checks are added to it. */
	readonly settings?: WizardSettings;
	/** As loaded at start: what the conversation offers (recent targets, saved checks) stays put while it runs. */
	readonly startSettings?: WizardSettings;
	readonly examples?: readonly ExampleInfo[];
	readonly examplesProblem?: string;
	readonly files: Readonly<Record<string, Result<Snapshot, string>>>;
	readonly collections: Readonly<Record<string, Collection>>;
	/** Whether any read can work with a profile, by its name. */
	readonly reaches: Readonly<Record<string, Result<void, string>>>;
	/**
	 * Text left in a field by Esc (or pasted at the first question, for the error field): shown again when the walk comes
	 * back to that question, which it then asks rather than replay; cleared when the question is answered.
	 */
	readonly drafts: Answers;
	readonly greetingNotes: readonly Note[];
	readonly diagnosis?: DiagnosisOutcome;
	/** Whether an answer can change the outcome: loaded the first time a question needs it weighed. */
	readonly weigher?: AnswerWeigher;
	/** Bumped on every answer, so inputs start fresh even when the same question comes back. */
	readonly revision: number;
};

export type SessionAction =
	| {readonly type: 'profiles-loaded'; readonly profiles: readonly ProfileInfo[]; readonly problem?: string}
	| {readonly type: 'settings-loaded'; readonly settings: WizardSettings; readonly savedName?: string}
	| {readonly type: 'settings-saved'; readonly settings: WizardSettings}
	| {readonly type: 'examples-loaded'; readonly examples: readonly ExampleInfo[]; readonly problem?: string}
	| {readonly type: 'file-read'; readonly path: string; readonly result: Result<Snapshot, string>}
	| {readonly type: 'collect-progress'; readonly key: string; readonly progress: ReadProgress}
	| {readonly type: 'collect-done'; readonly key: string; readonly outcome: Result<Snapshot, string>}
	| {readonly type: 'reach-checked'; readonly profile: string; readonly result: Result<void, string>}
	| {readonly type: 'forget-failed-reaches'}
	| {readonly type: 'forget-collection'; readonly key: string}
	| {readonly type: 'forget-failed-collections'}
	| {readonly type: 'forget-file'; readonly path: string}
	| {readonly type: 'answer'; readonly id: QuestionId; readonly value: string; readonly sets?: Answers; readonly about?: string}
	/** `draft`: the text the user left in the field they went back from (undefined: unchanged, as it was given). */
	| {readonly type: 'go-back'; readonly to: QuestionId; readonly draft?: {readonly id: QuestionId; readonly text: string}}
	| {readonly type: 'paste-at-start'; readonly text: string}
	/** Back to the first question; the pasted error, which led nowhere, waits in its field instead of replaying. */
	| {readonly type: 'start-over'}
	| {readonly type: 'diagnosed'; readonly outcome: DiagnosisOutcome}
	| {readonly type: 'weigher-loaded'; readonly weigher: AnswerWeigher};

export const initialSession: SessionState = {answers: {}, askedAbout: {}, files: {}, collections: {}, reaches: {}, drafts: {}, greetingNotes: [], revision: 0};

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
	const {[key]: _removed, ...rest} = record;
	return rest;
};

const upsertRead = (reads: readonly ReadProgress[], progress: ReadProgress): readonly ReadProgress[] =>
	reads.some(read => read.id === progress.id) ? reads.map(read => (read.id === progress.id ? progress : read)) : [...reads, progress];

/** A field left empty, or holding its stored answer, has nothing to keep: the answer is offered again. */
const keptDraft = (state: SessionState, draft: {readonly id: QuestionId; readonly text: string} | undefined): Answers => {
	if (draft === undefined) return state.drafts;
	const unchanged = draft.text.trim() === '' || draft.text.trim() === state.answers[draft.id];
	return unchanged ? without(state.drafts, draft.id) : {...state.drafts, [draft.id]: draft.text};
};

export const sessionReducer = (state: SessionState, action: SessionAction): SessionState => {
	switch (action.type) {
		case 'profiles-loaded':
			return {...state, profiles: action.profiles, ...(action.problem ? {profilesProblem: action.problem} : {})};
		case 'settings-loaded': {
			const loaded = {...state, settings: action.settings, startSettings: action.settings};
			if (action.savedName === undefined) return loaded;
			const saved = action.settings.savedChecks[action.savedName];
			if (saved) return {...loaded, answers: {...saved.answers}, revision: state.revision + 1};
			const names = Object.keys(action.settings.savedChecks);
			const known = names.length > 0 ? `saved checks: ${names.join(', ')}` : 'there are no saved checks yet (press n on a result to save one)';
			return {...loaded, greetingNotes: [{tone: 'warning', text: `No saved check is named "${action.savedName}"; ${known}.`}]};
		}
		case 'settings-saved':
			return {...state, settings: action.settings};
		case 'examples-loaded':
			return {...state, examples: action.examples, ...(action.problem ? {examplesProblem: action.problem} : {})};
		case 'file-read':
			return {...state, files: {...state.files, [action.path]: action.result}};
		case 'collect-progress': {
			const collection = state.collections[action.key] ?? {reads: []};
			return {...state, collections: {...state.collections, [action.key]: {...collection, reads: upsertRead(collection.reads, action.progress)}}};
		}
		case 'collect-done': {
			const collection = state.collections[action.key] ?? {reads: []};
			// A read still "running" when everything is over did not finish: say so rather than spin forever.
			const reads = collection.reads.map(read => (read.state === 'running' ? {...read, state: 'unknown' as const, detail: read.detail ?? 'did not finish'} : read));
			return {...state, collections: {...state.collections, [action.key]: {reads, outcome: action.outcome}}};
		}
		case 'reach-checked':
			return {...state, reaches: {...state.reaches, [action.profile]: action.result}};
		case 'forget-failed-reaches':
			return {...state, reaches: Object.fromEntries(Object.entries(state.reaches).filter(([, reach]) => reach.ok)), revision: state.revision + 1};
		case 'forget-collection':
			return {...state, collections: without(state.collections, action.key)};
		case 'forget-failed-collections':
			return {
				...state,
				collections: Object.fromEntries(Object.entries(state.collections).filter(([, collection]) => collection.outcome?.ok !== false)),
				revision: state.revision + 1,
			};
		case 'forget-file':
			return {...state, files: without(state.files, action.path)};
		case 'answer': {
			const answers = {...state.answers, [action.id]: action.value, ...action.sets};
			// What another answer set was never asked: it has no subject of its own to compare.
			let askedAbout: Answers = action.about === undefined ? without(state.askedAbout, action.id) : {...state.askedAbout, [action.id]: action.about};
			for (const id of Object.keys(action.sets ?? {})) askedAbout = without(askedAbout, id);
			// Submitting a path again means "read it again" (the file may have been fixed meanwhile).
			const files = action.id === 'file' ? without(state.files, action.value) : state.files;
			const {stopAt: _stopAt, ...rest} = state;
			return {...rest, answers, askedAbout, files, drafts: without(state.drafts, action.id), revision: state.revision + 1};
		}
		case 'go-back':
			return {...state, stopAt: action.to, drafts: keptDraft(state, action.draft), revision: state.revision + 1};
		case 'paste-at-start': {
			const {stopAt: _stopAt, ...rest} = state;
			// A long paste arrives in chunks, the later ones after the first turned to the error field: those add to it. A
			// new paste at the first question replaces what an earlier one left there.
			const continuing = state.answers.start === 'error' && state.stopAt === undefined;
			return {
				...rest,
				answers: {...without(state.answers, 'error-text'), start: 'error'},
				drafts: {...state.drafts, 'error-text': (continuing ? (state.drafts['error-text'] ?? '') : '') + action.text},
				revision: state.revision + 1,
			};
		}
		case 'start-over': {
			const error = state.answers['error-text'];
			return {
				...state,
				answers: without(state.answers, 'error-text'),
				drafts: error === undefined ? state.drafts : {...state.drafts, 'error-text': error},
				stopAt: 'start',
				revision: state.revision + 1,
			};
		}
		case 'diagnosed':
			return {...state, diagnosis: action.outcome};
		case 'weigher-loaded':
			return {...state, weigher: action.weigher};
	}
};
