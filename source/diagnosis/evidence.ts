import type {Evaluation, LayerVerdict} from '../engine/evaluation.js';
import type {DenialEvidence, Snapshot} from '../snapshot/snapshot.js';
import type {Requirement} from './diagnosis.js';
import type {ActionSpec} from './required-actions.js';

/**
 * A pasted AccessDenied message that says an SCP or RCP explicitly denied an action is evidence of what denied it. Where
 * those policies were not read, the layer they make is then denied by that evidence, never "may allow or deny" beside
 * a verdict that is denied because of it; the row names the message as its source and says the policy was not read.
 */

const kinds: Readonly<Record<DenialEvidence['deniedBy'], {readonly one: string; readonly all: string}>> = {
	scp: {one: 'a service control policy', all: 'service control policies'},
	rcp: {one: 'a resource control policy', all: 'resource control policies'},
};

/** "the pasted AccessDenied message says a service control policy (arn:…) explicitly denied s3:PutObject" */
export const evidenceWords = (evidence: DenialEvidence): string =>
	`the pasted AccessDenied message says ${kinds[evidence.deniedBy].one}${evidence.policyArn ? ` (${evidence.policyArn})` : ''} explicitly denied ${evidence.action}`;

/** What a row denied by the message shows as deciding it: no statement was read. */
export const evidenceSource = (evidence: DenialEvidence): string => `the pasted AccessDenied message (${kinds[evidence.deniedBy].one}, its text not read)`;

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The evidence that decides this action's SCP or RCP layer, and the evaluation with it applied: only a layer whose
 * policies were not read (no statement decided it). Where two legs need the action (a copy's kms:Decrypt on the source
 * and the destination key), the message named one resource, which the evidence does not keep: both stay unknown, and say so.
 */
export const applyEvidence = (snapshot: Snapshot, spec: ActionSpec, specs: readonly ActionSpec[], evaluation: Evaluation): {evaluation: Evaluation; evidence?: DenialEvidence} => {
	for (const evidence of snapshot.evidence ?? []) {
		if (evidence.action !== spec.action) continue;
		const index = evaluation.layers.findIndex(layer => layer.layer === evidence.deniedBy && layer.status === 'unknown' && layer.decidedBy.length === 0);
		if (index === -1) continue;
		const layer = evaluation.layers[index]!;
		const legs = specs.filter(other => other.action === spec.action).length;
		const why =
			legs > 1
				? `${layer.why} ${capitalised(evidenceWords(evidence))} on one of the ${legs} resources this request needs it on; which one, the message named and the evidence does not keep.`
				: `${capitalised(evidenceWords(evidence))}. The ${kinds[evidence.deniedBy].all} themselves were not read, so which statement denies, and on what condition, is not known.`;
		const decided = legs === 1;
		// The engine's answers read their sentences through getters: copied field by field, never spread.
		const changed: LayerVerdict = {
			layer: layer.layer,
			status: decided ? 'denied' : layer.status,
			deny: decided ? 'yes' : layer.deny,
			allow: layer.allow,
			decidedBy: layer.decidedBy,
			why,
			policies: layer.policies,
			...(layer.resolveWith === undefined ? {} : {resolveWith: layer.resolveWith}),
			...(layer.alternative ? {alternative: true} : {}),
		};
		const {crossAccount, service, unknownContextKeys, readings} = evaluation;
		const applied: Evaluation = {
			decision: decided ? 'denied' : evaluation.decision,
			summary: decided ? why : evaluation.summary,
			crossAccount,
			service,
			layers: evaluation.layers.with(index, changed),
			unknownContextKeys,
			...(readings ? {readings} : {}),
		};
		return decided ? {evaluation: applied, evidence} : {evaluation: applied};
	}
	return {evaluation};
};

/** The rows of a layer the evidence denied name the message as what decided them. */
export const withEvidenceSource = (rows: readonly Requirement[], evidence: DenialEvidence | undefined): Requirement[] =>
	rows.map(row => (evidence && row.place === evidence.deniedBy && row.status === 'denied' && row.decidedBy === undefined ? {...row, decidedBy: evidenceSource(evidence)} : row));
