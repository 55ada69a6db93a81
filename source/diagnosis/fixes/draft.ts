import type {ActionCatalogue} from '../action-catalogue.js';
import type {Analysis} from '../analyse.js';
import type {AppliesIn, Fix, Place, Requirement} from '../diagnosis.js';
import type {PolicyRef} from '../policy-ref.js';
import {requirementId} from '../requirement-id.js';
import type {JsonObject} from '../../shared/json.js';
import type {PolicyJson, Snapshot} from '../../snapshot/snapshot.js';

/**
 * The shapes every fix is built from. A place module (places/*.ts) knows the policies of one place:
 * how to find one, who it belongs to, the command that writes it. A kind module (kinds/*.ts) knows one
 * way of fixing (change the request, correct a condition or an action, add an Allow, narrow a Deny) and
 * asks the places for the policy to change.
 */

/**
 * The IAM entity whose policies a fix changes or names: the role behind a session, or the user. `arn` is absent for a
 * session whose role's ARN was neither read nor given: the session ARN leaves out the role's path, so a fix that must
 * write the role's ARN (a Principal, a grantee, aws:PrincipalArn) cannot.
 */
export type IamEntity = {readonly arn: string | undefined; readonly kind: 'role' | 'user'; readonly name: string; readonly account: string | undefined};

/** What a round of fixes is drafted from: the snapshot as it stands (earlier rounds applied), its analysis, the caller. */
export type FixContext = {
	readonly snapshot: Snapshot;
	readonly analysis: Analysis;
	/** Absent when the caller is no IAM user or role (or not known): then no fix can name it. */
	readonly caller: IamEntity | undefined;
	/** AWS's catalogue of actions, when the caller handed one: a rewritten policy then names no unknown action. */
	readonly catalogue: ActionCatalogue | undefined;
	/** Requirement ids a better fix (a changed request, a corrected condition) already turns ✔: no Allow is added for them. */
	readonly claimed: ReadonlySet<string>;
};

/** A policy a fix can write: the document as it is, where the fix says it goes, and how it is written. */
export type Rewritable = {
	/** Which policy: the same ref is the same policy, and two changes to it become one fix. */
	readonly ref: PolicyRef;
	/** The document now; `null` or absent: there is none yet (a new inline policy, a bucket without a policy). */
	readonly document: PolicyJson | null | undefined;
	/** The key, role, user, managed policy or bucket ARN the fix names. */
	readonly target: string;
	readonly policyName?: string;
	/** Who must write it: the key's owner, the bucket's owner, the caller's account. */
	readonly appliesIn: AppliesIn;
	/** The AWS CLI command that puts the whole new document in place. */
	readonly command: (policy: PolicyJson) => string;
	/** What AWS's accepting that command depends on that the snapshot does not tell (a managed policy's versions), as a clause. */
	readonly acceptanceUnknown?: string;
	/** The same, on a copy of a snapshot: for the proof and the next round. */
	readonly write: (snapshot: Snapshot, policy: PolicyJson) => Snapshot;
};

/** What one kind of fix does to one policy. */
export type Change = {
	readonly kind: Fix['kind'];
	readonly statement: JsonObject | null;
	/** Where it changes more than `statement` (typos corrected in two statements): every one, `statement` first. */
	readonly statements?: readonly JsonObject[];
	/** The whole new document. */
	readonly policy: PolicyJson;
	readonly resolves: readonly Requirement[];
	readonly summary: string;
	/** The protection given up, for whom (`narrow-deny`, an exemption of requests AWS services make, a widened boundary). */
	readonly weakens?: string;
};

/** A fix before its proof, with what the proof needs. */
export type Draft = Omit<Fix, 'proven' | 'remains'> & {
	/** The policy it rewrites; absent when it writes none (a changed request, a new grant). */
	readonly ref?: PolicyRef;
	/** Of `statements`, those a correction folded into this fix wrote (the owner's, corrected): shown, not judged as added Allows. */
	readonly corrected?: readonly JsonObject[];
	/** As the Rewritable's: said in `remains`, and the fix still proven (the policy itself is fine). */
	readonly acceptanceUnknown?: string;
	readonly apply: (snapshot: Snapshot) => Snapshot;
};

/** A new Allow statement for grants missing in one place, and the policy it goes into. */
export type Grant = {
	readonly into: Rewritable;
	readonly statement: JsonObject;
	/** Where it takes more than one statement (a boundary keeping a key's use to its encryption context): every one, `statement` first. */
	readonly statements?: readonly JsonObject[];
	readonly requirements: readonly Requirement[];
	readonly summary: string;
	/** Where the Allow widens a guardrail (a permissions boundary): what that gives up, for whom. */
	readonly weakens?: string;
};

/** One place a fix can go. */
export type FixPlace = {
	readonly place: Place;
	/** The Allow statements that grant what is missing here, one per policy they go into. */
	readonly grantsFor: (context: FixContext, missing: readonly Requirement[]) => readonly Grant[];
	/** The policy `ref` points to, so that a statement in it can be rewritten; absent: Denies here are not rewritten. */
	readonly rewritable?: (context: FixContext, ref: PolicyRef, requirement: Requirement) => Rewritable | undefined;
};

/** One kind of fix: the drafts it proposes for the analysis as it stands. */
export type FixKind = (context: FixContext, places: readonly FixPlace[]) => Draft[];

export const draftOf = (into: Rewritable, change: Change): Draft => ({
	place: into.ref.place,
	kind: change.kind,
	target: into.target,
	...(into.policyName === undefined ? {} : {policyName: into.policyName}),
	// A requirement found through two conditions of one statement is resolved once.
	resolves: [...new Set(change.resolves.map(requirementId))],
	statement: change.statement,
	statements: change.statements ?? (change.statement === null ? [] : [change.statement]),
	policy: change.policy,
	command: into.command(change.policy),
	summary: change.summary,
	appliesIn: into.appliesIn,
	weakens: change.weakens ?? null,
	ref: into.ref,
	...(into.acceptanceUnknown === undefined ? {} : {acceptanceUnknown: into.acceptanceUnknown}),
	apply: snapshot => into.write(snapshot, change.policy),
});
