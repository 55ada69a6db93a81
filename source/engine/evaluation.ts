import type {ContextValue, MissingKeyPolicy} from './context.js';
import type {ConditionTrace} from './conditions/trace.js';
import type {Effect, Policy} from './policy.js';
import type {Tri} from './tri.js';

/**
 * The input and output of `evaluate`: one request against every policy that applies to it,
 * with AWS's documented evaluation logic, in three values, with an explanation for each decision.
 */

/** The kinds of policy (and KMS grants) that take part in a decision. */
export type Layer = 'identity' | 'resource' | 'grant' | 'boundary' | 'session' | 'scp' | 'rcp';

/**
 * A policy that could not be read: it stays unknown, with why and what would read it. `why`: the layer's whole
 * sentence, where what decides was not read though the policy itself was (another account's object: its ACL).
 */
export type UnreadPolicy = {readonly unread: true; readonly reason: string; readonly resolveWith?: string; readonly why?: string};

/** `null` means "there is none" (e.g. no permissions boundary); `UnreadPolicy` means "we do not know". */
export type PolicySlot = Policy | null | UnreadPolicy;

/** A KMS grant as the engine sees it. */
export type GrantInput = {
	readonly name: string;
	readonly granteePrincipal: string;
	readonly operations: readonly string[];
	readonly encryptionContextEquals?: Readonly<Record<string, string>>;
	readonly encryptionContextSubset?: Readonly<Record<string, string>>;
};

export type EvaluationRequest = {
	/** The caller: IAM user, role, or assumed-role session ARN (or a service principal); `''`: not known, so no Principal but `*` is known to name it. */
	readonly principal: string;
	readonly action: string;
	readonly resource: string;
	/** The account that owns the resource; taken from the resource ARN when it names one. */
	readonly resourceAccount?: string;
	/**
	 * Given where `resourceAccount` is not known: whether the resource is in another account than the caller's (the
	 * user said so without its ID). Then only that reading is evaluated, not both.
	 */
	readonly crossAccount?: boolean;
	readonly context?: Readonly<Record<string, ContextValue>>;
	/** What a context key that is not listed means. Default `unknown`: never guess. */
	readonly missingContextKeys?: MissingKeyPolicy;
	/** Key prefixes (lower case, `s3:`) of keys the request never carries: one it does not list is absent, not unknown. */
	readonly absentKeyPrefixes?: readonly string[];
};

export type PolicySet = {
	/** Identity-based policies of the caller. `UnreadPolicy`: they could not be listed. */
	readonly identity?: readonly PolicySlot[] | UnreadPolicy;
	/** The resource-based policy: key policy, bucket policy. `null`: none. */
	readonly resource?: PolicySlot;
	readonly boundary?: PolicySlot;
	readonly session?: PolicySlot;
	/** SCP levels of the caller's account, root first. Absent or `[]`: no SCPs apply. */
	readonly scp?: readonly (readonly PolicySlot[])[] | UnreadPolicy;
	/** RCP levels of the resource's account, root first. */
	readonly rcp?: readonly (readonly PolicySlot[])[] | UnreadPolicy;
	/** KMS grants on the key. `UnreadPolicy`: they could not be listed. */
	readonly grants?: readonly GrantInput[] | UnreadPolicy;
};

/** Service rules the engine applies, chosen from the action's prefix unless given. */
export type ServiceModel = 'kms' | 's3' | 'default';

export type EvaluationInput = {
	readonly request: EvaluationRequest;
	readonly policies: PolicySet;
	readonly service?: ServiceModel;
};

/** How a statement's Principal matched the caller: it decides what else must allow. */
export type PrincipalMatch =
	/** The caller's own user ARN or exact session ARN: resource policy alone suffices. */
	| 'exact'
	/** The role behind the session: boundary and session policy still apply. */
	| 'role'
	/** `*`: anyone; treated like naming the caller's role. */
	| 'anyone'
	/** The caller's account (root ARN or bare ID): delegates to the account's IAM policies. */
	| 'account'
	| 'service';

export type StatementTrace = {
	readonly policy: string;
	readonly statementIndex: number;
	readonly label: string;
	readonly effect: Effect;
	/** Does this statement apply to the request: action, resource, principal and every condition. */
	readonly applies: Tri;
	readonly actionMatched: boolean;
	readonly resourceMatched: Tri;
	/** `undefined` for identity policies, which have no Principal. */
	readonly principalMatch?: PrincipalMatch | 'none';
	readonly conditions: readonly ConditionTrace[];
	/** One sentence: why it applies, or the first reason it does not. */
	readonly reason: string;
	readonly source: Readonly<Record<string, unknown>>;
	/** When `applies` is `unknown`: the context keys (condition keys or policy variables) whose values would decide it. */
	readonly unknownKeys?: readonly string[];
};

/** What one policy says about the request. */
export type PolicyVerdict = {
	readonly policy: string;
	readonly unread?: UnreadPolicy;
	readonly deny: Tri;
	readonly allow: Tri;
	/** Statements whose action, resource and principal matched (whatever their conditions said). */
	readonly relevant: readonly StatementTrace[];
	/** For resource policies: whether an Allow applies, by how its Principal named the caller. */
	readonly allowByPrincipal?: Readonly<Partial<Record<PrincipalMatch, Tri>>>;
	/** Allow statements that name the caller (or, in identity policies, cover the resource) but not this action. */
	readonly nearMisses: readonly string[];
};

/**
 * `ineffective`: an Allow exists in this layer but cannot count: an IAM allow for a KMS key, in the key's account,
 * where the key policy does not delegate to the account.
 */
export type LayerStatus = 'ok' | 'missing' | 'denied' | 'unknown' | 'ineffective' | 'not-needed' | 'not-applicable';

/** What one layer contributes to the decision. */
export type LayerVerdict = {
	readonly layer: Layer;
	readonly status: LayerStatus;
	readonly deny: Tri;
	readonly allow: Tri;
	/** The statements (or grants) that decided the status: the denying ones, or the allowing ones. */
	readonly decidedBy: readonly StatementTrace[];
	/** One sentence for people. */
	readonly why: string;
	readonly policies: readonly PolicyVerdict[];
	/** For unread policies: what would read them. */
	readonly resolveWith?: string;
	/**
	 * Nothing allows, and this layer is on no path the fix takes: another place the action could be granted. It
	 * shows its own status (nothing here allows: `missing`), never `not-needed`, which says another place grants.
	 */
	readonly alternative?: boolean;
};

export type Evaluation = {
	readonly decision: 'allowed' | 'denied' | 'unknown';
	/** One sentence: the decision and the reason for it. */
	readonly summary: string;
	readonly crossAccount: boolean;
	readonly service: ServiceModel;
	readonly layers: readonly LayerVerdict[];
	/** Context keys whose values were needed but not known. */
	readonly unknownContextKeys: readonly string[];
	/**
	 * Set only when the resource's account is not known and the two readings disagree (the decision is then `unknown`):
	 * each reading's decision. `layers` are the cross-account reading's.
	 */
	readonly readings?: {readonly sameAccount: 'allowed' | 'denied' | 'unknown'; readonly crossAccount: 'allowed' | 'denied' | 'unknown'};
};
