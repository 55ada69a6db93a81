import type {AnswerWeigher} from '../../diagnosis/answers-differ.js';
import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import type {Result} from '../../shared/result.js';
import type {CollectRequest, ExampleInfo, PolicyCheck, PolicyKind, ProfileInfo, ReadProgress, WizardSettings} from '../services.js';
import type {Note, Question, QuestionId} from './question.js';

/** The conversation's inputs besides the answers: what has been loaded or read so far. */
export type FlowEnv = {
	/** `undefined` while the profiles are being read. */
	readonly profiles?: readonly ProfileInfo[];
	/**
	 * The profiles are being read and will arrive: the first question is asked meanwhile (its profile options
	 * fill in later). Without it, a conversation without profiles waits for them.
	 */
	readonly profilesLoading?: boolean;
	readonly profilesProblem?: string;
	readonly settings?: WizardSettings;
	readonly examples?: readonly ExampleInfo[];
	readonly examplesProblem?: string;
	/** Snapshot files read so far, by path. */
	readonly files: Readonly<Record<string, Result<Snapshot, string>>>;
	/** Whether any read can work with a profile, by its name: an error is the one line saying why not. */
	readonly reaches: Readonly<Record<string, Result<void, string>>>;
	/** Live collections, by the request's key. */
	readonly collections: Readonly<Record<string, Collection>>;
	readonly parseError: (text: string) => Result<ParsedDenial, string>;
	readonly checkPolicy: (text: string, name: string, kind?: PolicyKind) => PolicyCheck;
	readonly now: () => Date;
	/** Shown once at the top, e.g. "no saved check named X". */
	readonly greetingNotes?: readonly Note[];
	/** Whether an answer can change the outcome: loaded after the first frame, waited for where a question needs it. */
	readonly weigher?: AnswerWeigher;
};

export type Collection = {
	readonly reads: readonly ReadProgress[];
	readonly outcome?: Result<Snapshot, string>;
};

/** Something shown in the transcript. */
export type Step =
	/** `setAlong`: the answer an earlier choice set with its own (a recent target's bucket), whose line already says it. */
	| {readonly kind: 'answer'; readonly question: Question; readonly answer: string; readonly notes: readonly Note[]; readonly setAlong?: boolean}
	| {readonly kind: 'notes'; readonly notes: readonly Note[]}
	| {readonly kind: 'reads'; readonly reads: readonly ReadProgress[]};

/** Work the conversation waits for before it can go on. */
export type Wait =
	| {readonly kind: 'start-up'}
	| {readonly kind: 'examples'}
	| {readonly kind: 'file'; readonly path: string}
	| {readonly kind: 'reach'; readonly profile: string}
	| {readonly kind: 'weigher'}
	| {readonly kind: 'collect'; readonly key: string; readonly request: CollectRequest};

export type Mode = 'live' | 'manual' | 'file' | 'example';

export type Ending = {
	readonly snapshot: Snapshot;
	readonly mode: Mode;
	/** Live: what to read again when the user presses r. */
	readonly collectKey?: string;
	readonly filePath?: string;
};

export type Next =
	| {readonly kind: 'ask'; readonly question: Question; readonly initial?: string; readonly problem?: string; readonly notes: readonly Note[]}
	| {readonly kind: 'wait'; readonly wait: Wait}
	| {readonly kind: 'done'; readonly ending: Ending};

export type Walk = {readonly steps: readonly Step[]; readonly next: Next};

/** What the flow yields to the walker. */
export type Yielded =
	| {readonly kind: 'ask'; readonly question: Question; readonly problem?: string; readonly notes?: readonly Note[]}
	| {readonly kind: 'show'; readonly step: Step}
	| {readonly kind: 'wait'; readonly wait: Wait}
	/** The answer stored for a question, if any, without asking it. */
	| {readonly kind: 'recall'; readonly id: QuestionId};

export type Flow<T> = Generator<Yielded, T, string | undefined>;
