import type {AnswerWeigher} from '../diagnosis/answers-differ.js';
import type {Diagnosis} from '../diagnosis/diagnosis.js';
import type {ParsedDenial} from '../inputs/error-message/parsed-denial.js';
import type {PresignedUrlInfo} from '../snapshot/operation-facts.js';
import type {Question} from '../snapshot/question.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {Result} from '../shared/result.js';
import type {Answers} from './conversation/walk.js';
import type {PolicyKind} from '../inputs/paste/policy-kind.js';

/**
 * Everything the wizard does that is not drawing: reading profiles and files, talking to AWS, diagnosing,
 * writing reports. Components receive it as a prop, so tests pass fakes and nothing under source/ui ever
 * reaches AWS or the disk itself. source/commands/wizard.ts wires the real implementations.
 */

export type ProfileInfo = {
	readonly name: string;
	/** The profile's own Region, when its config names one. */
	readonly region?: string;
	/** How it gets credentials, in a word for the list: `sso`, `role`, `keys`, `process`… */
	readonly kind?: string;
};

export type ExampleInfo = {
	/** The file name without `.json`: `large-upload-multipart-missing-decrypt`. */
	readonly id: string;
	readonly title: string;
	readonly description?: string;
	readonly snapshot: Snapshot;
};

export type ReadState = 'running' | 'ok' | 'unknown' | 'failed';

/** One live read as it happens: `ok`, or `unknown` with the reason ("no permission kms:GetKeyPolicy"). */
export type ReadProgress = {
	readonly id: string;
	readonly label: string;
	readonly state: ReadState;
	readonly detail?: string;
};

export type CollectRequest = {
	/** The caller's profile. */
	readonly profile: string;
	/** A profile in the bucket's (and key's) account, to read what the caller may not. */
	readonly bucketProfile?: string;
	readonly keyProfile?: string;
	readonly region?: string;
	/** The role an AWS service uses (service-read/-write): its policies are read in place of the profile's own. */
	readonly actingRole?: string;
	readonly question: Question;
	/** A presigned URL's facts (never its credentials): the read compares its signer with the profile. */
	readonly presignedUrl?: PresignedUrlInfo;
};

/** What kind of policy a paste question asks for, so a policy pasted into the wrong box is noticed. */
export type {PolicyKind} from '../inputs/paste/policy-kind.js';

/**
 * A pasted policy, checked as it is typed: where the JSON breaks, or how many statements it has, what
 * was done to read it (unwrapped from CLI output, wrapped, a trailing comma ignored) and what looks wrong.
 */
export type PolicyCheck =
	/** `hiddenCharacters`: control, bidi or zero-width characters in its strings, which every view shows escaped; `notes` and `warnings`: what was unwrapped or looks wrong. */
	| {readonly ok: true; readonly statementCount: number; readonly hiddenCharacters?: number; readonly notes?: readonly string[]; readonly warnings?: readonly string[]}
	| {readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number};

export type WriteError = {readonly kind: 'exists' | 'failed'; readonly message: string};

export type RecentTarget = Pick<Question, 'operation' | 'bucket' | 'objectKey'>;

/**
 * A named check: the wizard's answers that name things (profiles, bucket, key, size, tool), never
 * credentials or policy documents. Re-run from the first question or with `--saved NAME`.
 */
export type SavedCheck = {
	readonly answers: Answers;
	readonly savedAt: string;
};

export type WizardSettings = {
	readonly lastProfile?: string;
	readonly lastBucketProfile?: string;
	readonly lastRegion?: string;
	readonly recentTargets: readonly RecentTarget[];
	readonly savedChecks: Readonly<Record<string, SavedCheck>>;
};

export type SettingsStore = {
	readonly load: () => Promise<WizardSettings>;
	readonly save: (settings: WizardSettings) => Promise<void>;
};

export type WizardServices = {
	readonly listProfiles: () => Promise<readonly ProfileInfo[]>;
	readonly listExamples: () => Promise<readonly ExampleInfo[]>;
	/** Read and validate a snapshot file; the error is one line naming the file. */
	readonly readSnapshotFile: (path: string) => Promise<Result<Snapshot, string>>;
	/** An AccessDenied message, SDK error or CloudTrail event → what it reveals. */
	readonly parseError: (text: string) => Result<ParsedDenial, string>;
	readonly checkPolicy: (text: string, name: string, kind?: PolicyKind) => PolicyCheck;
	/**
	 * Whether any read can work with a profile, asked right after it is chosen: its credentials resolve and
	 * sts:GetCallerIdentity answers. An error (one line with the cause and the fix) only when no read can work:
	 * the network, credentials AWS rejects or that expired, an expired SSO session.
	 */
	readonly checkReach: (profile: string, signal: AbortSignal) => Promise<Result<void, string>>;
	/** Live reads, reporting each one as it starts and ends. Fails as a whole only when nothing can be read. */
	readonly collect: (request: CollectRequest, onProgress: (progress: ReadProgress) => void, signal: AbortSignal) => Promise<Result<Snapshot, string>>;
	/** Asynchronous only so the diagnosis core loads after the first frame. */
	readonly diagnose: (snapshot: Snapshot) => Promise<Diagnosis>;
	/** Whether an answer can change the outcome (the diagnosis core, so loaded only when a question needs it). */
	readonly loadWeigher: () => Promise<AnswerWeigher>;
	readonly renderMarkdown: (diagnosis: Diagnosis, snapshot: Snapshot) => Promise<string>;
	/** Resolves to the absolute path written. Never replaces a file unless `overwrite`. */
	readonly writeFile: (path: string, text: string, options: {readonly overwrite: boolean}) => Promise<Result<string, WriteError>>;
	/** OSC 52: the terminal puts the text on the clipboard, over SSH too. */
	readonly copyToClipboard: (text: string) => void;
	readonly settings: SettingsStore;
	readonly now: () => Date;
};
