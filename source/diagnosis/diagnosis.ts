import type {ContextValue} from '../engine/context.js';
import type {Evaluation} from '../engine/evaluation.js';
import type {Decision, RequestFacts} from '../operations/types.js';
import type {Question} from '../snapshot/question.js';
import type {PolicyJson} from '../snapshot/snapshot.js';

/** What `diagnose(snapshot)` returns: everything the UI, the reports and `check --format json` show. */

export type {Decision};

export type Place =
	| 'identity-policy'
	| 'key-policy'
	| 'key-grant'
	| 'bucket-policy'
	| 'permissions-boundary'
	| 'session-policy'
	| 'scp'
	| 'rcp';

/** `ineffective`: an Allow is there but cannot count (see report/marks.ts, the one legend, for every status). */
export type RequirementStatus = 'ok' | 'missing' | 'denied' | 'unknown' | 'ineffective' | 'not-needed';

/** One AWS action the operation needs, with the context the request really carries. */
export type RequiredAction = {
	/** Stable id, e.g. `kms:Decrypt@destination`. */
	readonly id: string;
	readonly action: string;
	readonly resource: string;
	/** Which API call needs it and why, in words: "UploadPart: S3 decrypts the data key of earlier parts". */
	readonly purpose: string;
	readonly context: Readonly<Record<string, ContextValue>>;
	readonly decision: Decision;
	/** The engine's full explanation. */
	readonly evaluation: Evaluation;
};

/** A failing or holding condition of the deciding statement, for "expected vs actual". */
export type ConditionExplanation = {
	readonly operator: string;
	readonly key: string;
	readonly expected: readonly string[];
	/** The request's value(s), or `absent` / `unknown`. */
	readonly actual: readonly string[] | 'absent' | 'unknown';
	readonly result: 'yes' | 'no' | 'unknown';
	readonly reason: string;
	/** The Effect of the statement the condition belongs to: a Deny's condition that holds is what denies. */
	readonly effect: 'Allow' | 'Deny';
};

export type Requirement = {
	/** The RequiredAction this belongs to. */
	readonly actionId: string;
	readonly action: string;
	readonly resource: string;
	readonly place: Place;
	readonly status: RequirementStatus;
	/** Nothing allows, and the fix goes to another place: this one shows what it holds (fixes do not target it). Not in the JSON contract. */
	readonly alternative?: boolean;
	/** "key policy, Sid \"Allow use of the key\"" — absent when no statement decided (missing). */
	readonly decidedBy?: string;
	readonly why: string;
	/** The deciding statement as written, for highlighting. */
	readonly statement?: PolicyJson;
	readonly conditions?: readonly ConditionExplanation[];
	/**
	 * For `unknown`: the read permission or paste that would decide it. Also on a row a pasted AccessDenied message
	 * contradicts that keeps its status (✘ beside a message's explicit deny in an SCP or RCP): the read that settles it.
	 */
	readonly resolveWith?: string;
};

export type FindingId =
	| 'key-disabled'
	| 'key-pending-deletion'
	| 'key-region-mismatch'
	| 'partition-mismatch'
	| 'aws-managed-key-cross-account'
	| 'key-not-symmetric'
	| 'multipart-requires-decrypt'
	| 'bucket-key-context'
	| 'default-encryption-key-differs'
	| (string & {});

export type Finding = {
	readonly id: FindingId;
	readonly severity: 'error' | 'warning' | 'info';
	readonly message: string;
	/** A CLI command or next step that resolves it, when there is one. */
	readonly remedy?: string;
	/** Until diagnose() words the remedy: the action id whose fixes it calls for (see remedy-fixes.ts). Not in the JSON contract. */
	readonly remedyFixes?: string;
	/**
	 * Set when every action it is about is needed only if a fact that is not known holds ("it goes in parts"): it fails
	 * the request only then, so it is a warning that says so, and the verdict stays unknown. Not in the JSON contract.
	 */
	readonly onlyIf?: string;
};

/**
 * The kinds of fix, best first: change what the request sends, correct a condition or an action the
 * policy meant, add a least-privilege Allow, and last, narrow a Deny (which gives a protection up).
 */
export type KindOfFix = 'change-request' | 'correct-condition' | 'correct-action' | 'add-allow' | 'narrow-deny';

/** Who must apply a fix, by their part in the request. */
export type ActingRole = 'requester' | 'caller-account' | 'key-owner' | 'bucket-owner' | 'organization-management';

export type AppliesIn = {
	/** The 12-digit account, or `null` when the snapshot does not tell it. */
	readonly account: string | null;
	readonly role: ActingRole;
};

/** What still blocks a fix proven for its own rows: the request stays `denied`, or not known to be allowed (`unknown`), by `by`. */
export type FixBlock = {
	readonly status: 'denied' | 'unknown';
	readonly by: string;
	/** Denied: a row that stays denied is ⛔, an explicit Deny; absent, they stay ✘ (no Allow, or a Deny not known to be there). */
	readonly explicitDeny?: true;
};

export type Fix = {
	/** Of a fix that makes several kinds of change to one policy (one command writes it whole), the costliest. */
	readonly kind: KindOfFix;
	/**
	 * The kinds of the other changes folded into it, best first, none costlier than `kind`: a condition a correction fixed
	 * in the policy an Allow is added to (`kind` add-allow, `alsoKinds` [correct-condition]). Absent: only `kind`.
	 */
	readonly alsoKinds?: readonly KindOfFix[];
	/** Where the change goes; `null` for a change-request, which changes no policy. */
	readonly place: Place | null;
	/** The key, role, user, managed policy or bucket ARN whose policy changes (`group NAME` for a group's inline policy, `role NAME` for a session's role whose ARN is not known); `null` for a change-request. */
	readonly target: string | null;
	/** The inline policy name, for identity policies. */
	readonly policyName?: string;
	/** The requirement ids (`actionId` + place) the fix turns into ✔. */
	readonly resolves: readonly string[];
	/** The statement added or rewritten (the first of `statements`); `null` when the fix writes no policy statement (a request, a grant). */
	readonly statement: PolicyJson | null;
	/** Every statement the fix adds or rewrites (two Denies of one policy narrowed), `statement` first; `[]` when it writes none. */
	readonly statements: readonly PolicyJson[];
	/** The whole policy with the change; `null` when the fix writes no policy. */
	readonly policy: PolicyJson | null;
	/** The ready-to-paste command: the AWS CLI call that writes the policy or grant, or the changed request. */
	readonly command: string;
	/** A short sentence: what the fix does. */
	readonly summary: string;
	/** Re-diagnosed with the fix applied, every targeted requirement became ✔, and no pasted AccessDenied message's denial still stands (`blockedBy`). */
	readonly proven: boolean;
	/**
	 * Its rows turn ✔, yet with it applied a denial a pasted AccessDenied message evidences (an SCP's, RCP's, identity, resource, boundary or session policy's) leaves the
	 * request denied or not known to be allowed: proven for its own rows only, so `proven` is false. Absent otherwise.
	 */
	readonly blockedBy?: FixBlock;
	/** The account that must apply it, and its part in the request. */
	readonly appliesIn: AppliesIn;
	/** The protection given up, for whom (a narrowed Deny, an exemption, a widened permissions boundary); such fixes come last. */
	readonly weakens: string | null;
	/** With the fix applied the request is still not allowed: what remains (a policy AWS would refuse, another place still ✘ or ⛔ or unknown). */
	readonly remains: string | null;
};

export type UnknownNote = {
	readonly what: string;
	readonly reason: string;
	readonly resolveWith?: string;
};

/** The question with everything derived from it filled in; `multipart` is `unknown` when size and tool do not decide it (both cases are then checked). */
export type ResolvedQuestion = Pick<Question, 'operation' | 'bucket' | 'objectKey'> &
	RequestFacts & {
		readonly objectArn: string;
		readonly principalArn?: string;
		readonly principalAccount?: string;
		readonly bucketAccount?: string;
		readonly bucketRegion?: string;
		/** The key S3 will really use, as an ARN when known. */
		readonly keyArn?: string;
		readonly keyAccount?: string;
		/** Absent: not known (neither read, given nor assumed). */
		readonly bucketKeyEnabled?: boolean;
		/** A policy condition or grant tests the encryption context, so the Bucket Key state can change the answer. Not in the JSON contract. */
		readonly bucketKeyMatters?: boolean;
		/** Where the key comes from; `unknown`: whether the object is SSE-KMS at all is not known. Not in the JSON contract. */
		readonly keySource?: 'request' | 'object' | 'bucket-default' | 'aws-managed-default' | 'replica' | 'unknown' | 'none';
		readonly crossAccount: {readonly bucket: boolean | 'unknown'; readonly key: boolean | 'unknown'};
		/** What showed the request went in parts where size and tool did not: a pasted message's words (evidence-in-parts.ts). Not in the JSON contract. */
		readonly inPartsShownBy?: string;
		/** Who owns the object read, where the snapshot records it and Object Ownership does not decide it. Not in the JSON contract. */
		readonly objectOwner?: ObjectOwnerFact;
	};

/** The owner of the object a download (a copy's source) reads, as recorded. */
export type ObjectOwnerFact = {
	/** The question's object, or the copy source. */
	readonly side: 'destination' | 'source';
	/** The owner's account, where it is known. */
	readonly account?: string;
	/** Whether it is the bucket's account; absent: not known (an account recorded, the bucket's not known). */
	readonly bucketOwners?: boolean;
	/** Read (live collection, a support bundle: s3:GetObjectAcl's owner compared with s3:GetBucketAcl's), not given. */
	readonly read: boolean;
};

/** A fact the diagnosis took as given without reading it; every one is shown beside the verdict. */
export type AssumedFact = {
	/** An `--assume` id, `no-session-policy` (AWS cannot read session policies), `signer-is-principal` (a presigned URL's signer), `partition-aws`, `absent-key:KEY`, …: docs/diagnosis.schema.json lists them. */
	readonly id: string;
	/** "no KMS grant on the key allows these actions". */
	readonly statement: string;
	/** Where it comes from when it is not the user's choice (a pasted AccessDenied message). */
	readonly because?: string;
};

export type Diagnosis = {
	readonly verdict: Decision;
	/** One sentence: the bottom line. */
	readonly summary: string;
	readonly question: ResolvedQuestion;
	readonly actions: readonly RequiredAction[];
	readonly requirements: readonly Requirement[];
	readonly findings: readonly Finding[];
	readonly fixes: readonly Fix[];
	readonly unknowns: readonly UnknownNote[];
	/** The facts assumed rather than read or given. */
	readonly assumptions: readonly AssumedFact[];
};
