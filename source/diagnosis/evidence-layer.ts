import type {Evaluation, LayerVerdict, StatementTrace} from '../engine/evaluation.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {ActionSpec} from './required-actions.js';
import type {EvidenceKind, LayerEvidence, ReadHolds} from './evidence-words.js';

/** The accounts the policy types apply to: an SCP and identity policies the caller's, an RCP and resource policies the resource's. */
export type EvidenceAccounts = {readonly caller?: string; readonly resource?: string};

/** The ARN of the read policy a statement is of, when the snapshot holds it. */
export type PolicyArnOf = (trace: StatementTrace) => string | undefined;

export type EvidenceApplied = {
	readonly evaluation: Evaluation;
	/** The evidence decided the layer: denied by the message. */
	readonly evidence?: LayerEvidence;
	/**
	 * With `evidence`: the read statements that may deny it, likely the one that did ('SCP "RegionLock", Sid "DenyOutsideEU"');
	 * for an implicit deny, the read Allows that may allow it, likely not applying.
	 */
	readonly likely?: readonly string[];
	/** With `evidence`: what its denied (for an implicit deny, missing) row shows as deciding it. */
	readonly source?: string;
	/** The evidence contradicts the policies read (they allow, none applies, they deny only implicitly, an Allow undecided). */
	readonly againstRead?: LayerEvidence;
	/** With `againstRead`: what was read. */
	readonly readHolds?: ReadHolds;
	/**
	 * With `againstRead`: the reads that settle it, for a row that keeps its status (✘), which the engine gives none. With
	 * an implicit `evidence`: the reads that find the level where none allows it, for its ✘ row.
	 */
	readonly resolveWith?: string;
};

/** The layer a message names, given a new status and words: what the engine said of it stays where the message does not change it. */
export type CopiedLayer = (
	status: LayerVerdict['status'],
	deny: LayerVerdict['deny'],
	decidedBy: LayerVerdict['decidedBy'],
	why: string,
	resolveWith?: string,
	allow?: LayerVerdict['allow'],
) => LayerVerdict;

/** One pasted message and the layer of this action it names, as each kind of evidence (unread, settling, against what was read) reads them. */
export type EvidenceCase = {
	readonly snapshot: Snapshot;
	readonly spec: ActionSpec;
	readonly evaluation: Evaluation;
	readonly evidence: LayerEvidence;
	readonly implicit: boolean;
	/** Where the layer is in the evaluation; -1: not shown (none applies). */
	readonly index: number;
	readonly layer: LayerVerdict | undefined;
	/** Where two legs need the action and the message does not tell which: the words that say so. */
	readonly onWhich: string | undefined;
	readonly kind: EvidenceKind;
	/** How the message's type was known: read, or given where it was pasted into a read snapshot. */
	readonly read: string;
	readonly account: string | undefined;
	readonly entity: string;
	/** Whose policies of that type they are: the caller's role or user, its session, or an account. */
	readonly whose: string;
	/** The read that settles the layer. */
	readonly settles: string;
	readonly everyLevel: string;
	/** The read Denies of the layer that may deny (not for a layer already denied). */
	readonly mayDeny: readonly StatementTrace[];
	/** For an implicit deny's message: the words saying it settles no Deny read as "may deny". */
	readonly unsettled: string;
	readonly arnOf: PolicyArnOf;
	readonly copied: CopiedLayer;
};

// The engine's answers read their sentences through getters: copied field by field, never spread.
export const withLayer = (evaluation: Evaluation, changed: LayerVerdict, index: number, decision: Evaluation['decision'], summary: string): Evaluation => {
	const {crossAccount, service, unknownContextKeys, readings} = evaluation;
	// A layer that was not shown (none applies) goes where the engine puts it: the SCPs before the RCPs.
	const at = index !== -1 ? index : changed.layer === 'scp' ? evaluation.layers.findIndex(layer => layer.layer === 'rcp') : -1;
	const layers = index !== -1 ? evaluation.layers.with(index, changed) : at === -1 ? [...evaluation.layers, changed] : evaluation.layers.toSpliced(at, 0, changed);
	return {decision, summary, crossAccount, service, layers, unknownContextKeys, ...(readings ? {readings} : {})};
};

/** The read statements of the layer with this effect that apply (`yes`) or may (`unknown`). */
export const tracesOf = (layer: LayerVerdict, effect: StatementTrace['effect'], applies: StatementTrace['applies']): StatementTrace[] =>
	layer.policies.flatMap(policy => policy.relevant).filter(trace => trace.effect === effect && trace.applies === applies);

/** A read Deny of the layer whose condition (or resource, or principal) is undecided: it may deny. */
export const mayDenyOf = (layer: LayerVerdict): StatementTrace[] => (layer.deny === 'unknown' ? tracesOf(layer, 'Deny', 'unknown') : []);
