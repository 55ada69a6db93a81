import {where} from '../engine/layer-words.js';
import type {ConditionTrace} from '../engine/conditions/trace.js';
import type {Evaluation, Layer, LayerVerdict, StatementTrace} from '../engine/evaluation.js';
import type {ConditionExplanation, Decision, Place, Requirement} from './diagnosis.js';
import type {ActionSpec} from './required-actions.js';
import type {UnknownKey} from './unknown-key.js';

/** From the engine's layers to the places a person edits: key policy, IAM policy, bucket policy … */

export const placeOfLayer = (layer: Layer, service: ActionSpec['service']): Place => {
	switch (layer) {
		case 'identity':
			return 'identity-policy';
		case 'resource':
			return service === 'kms' ? 'key-policy' : 'bucket-policy';
		case 'grant':
			return 'key-grant';
		case 'boundary':
			return 'permissions-boundary';
		case 'session':
			return 'session-policy';
		case 'scp':
			return 'scp';
		case 'rcp':
			return 'rcp';
	}
};

export const explainCondition = (trace: ConditionTrace, effect: 'Allow' | 'Deny'): ConditionExplanation => ({
	operator: trace.clause.operator,
	key: trace.clause.key,
	expected: trace.clause.values,
	actual: trace.actual.state === 'present' ? trace.actual.values : trace.actual.state,
	result: trace.result,
	reason: trace.reason,
	effect,
});

/** Conditions worth showing: the failing and undecided ones first, the holding ones when nothing failed. */
const conditionsOf = (trace: StatementTrace | undefined): ConditionExplanation[] | undefined => {
	if (!trace || trace.conditions.length === 0) return undefined;
	const interesting = trace.conditions.filter(condition => condition.result !== 'yes');
	return (interesting.length > 0 ? interesting : trace.conditions).map(condition => explainCondition(condition, trace.effect));
};

const layerAllows: Readonly<Record<LayerVerdict['layer'], string>> = {
	identity: "the caller's IAM policies allow",
	resource: 'the key policy allows',
	grant: "the key's grants allow",
	boundary: 'the permissions boundary allows',
	session: 'the session policy allows',
	scp: 'the SCPs allow',
	rcp: 'the RCPs allow',
};

/** The engine's words about a placeholder key would state facts about no key at all: say what is not known instead. */
const unknownKeyWhy = (spec: ActionSpec, layer: LayerVerdict): string =>
	`Which KMS key S3 uses is not known, so whether ${layerAllows[layer.layer]} ${spec.action} on it cannot be told.`;

/** How such a row begins: the diagnosis leaves it out of the unknowns, which name the account itself. */
export const neededOnlyAcrossWhy = "Needed only if the resource is in another account than the caller's, which is not known: ";

/**
 * The resource's account not known, and the readings disagree: the layers shown are the cross-account reading's, so a
 * resource policy that only that reading needs is not missing but unknown, until the account is known.
 */
const neededOnlyAcross = (evaluation: Evaluation, layer: LayerVerdict): boolean =>
	evaluation.readings?.sameAccount === 'allowed' && layer.layer === 'resource' && layer.status === 'missing';

const requirementOf = (spec: ActionSpec, layer: LayerVerdict, evaluation: Evaluation, byMessage: Layer | undefined): Requirement | undefined => {
	const {unknownKey} = spec;
	if (layer.status === 'not-applicable') return undefined;
	const deciding = layer.decidedBy[0];
	const conditions = conditionsOf(deciding);
	// With the key not known, nothing about it can be `ok` (a statement naming another key would not apply),
	// nor `missing` (a statement naming the real key would): only an explicit Deny stays certain, and the layer a pasted
	// message decided (evidence.ts), AWS's word on the key it used.
	const across = neededOnlyAcross(evaluation, layer);
	const status = (unknownKey && layer.status !== 'denied' && layer.layer !== byMessage) || across ? 'unknown' : layer.status;
	const why = across
		? `${neededOnlyAcrossWhy}${layer.why.charAt(0).toLowerCase()}${layer.why.slice(1)}`
		: status !== layer.status
			? unknownKeyWhy(spec, layer)
			: layer.why;
	return {
		actionId: spec.id,
		action: spec.action,
		resource: spec.unknownKey?.label ?? spec.resource,
		place: placeOfLayer(layer.layer, spec.service),
		status,
		...(layer.alternative ? {alternative: true} : {}),
		...(deciding ? {decidedBy: where(deciding), statement: deciding.source} : {}),
		why,
		...(conditions ? {conditions} : {}),
		...(status === 'unknown' ? resolveWithOf(unknownKey, layer) : {}),
	};
};

/** The key itself comes first when it is not known: its policy and grants are read only once it is named. */
const resolveWithOf = (unknownKey: UnknownKey | undefined, layer: LayerVerdict): Pick<Requirement, 'resolveWith'> => {
	const aboutTheKey = layer.layer === 'resource' || layer.layer === 'grant' || !layer.resolveWith;
	if (unknownKey && aboutTheKey) return {resolveWith: unknownKey.resolveWith};
	return layer.resolveWith ? {resolveWith: layer.resolveWith} : {};
};

/** `byMessage`: the layer a pasted AccessDenied message decided (evidence.ts): an SCP's, RCP's, identity, resource, boundary or session policy's. */
export const requirementsOf = (spec: ActionSpec, evaluation: Evaluation, byMessage?: Layer): Requirement[] =>
	evaluation.layers
		.map(layer => requirementOf(spec, layer, evaluation, byMessage))
		.filter((requirement): requirement is Requirement => requirement !== undefined);

/**
 * An action's decision, never `allowed` while the key it is about is unknown, and `denied` then only by an explicit Deny
 * or by a pasted message that decided a layer (`byMessage`, evidence.ts).
 */
export const decisionOf = (spec: ActionSpec, evaluation: Evaluation, byMessage = false): Decision => {
	if (!spec.unknownKey || evaluation.decision === 'unknown') return evaluation.decision;
	return evaluation.decision === 'denied' && (byMessage || evaluation.layers.some(layer => layer.status === 'denied')) ? 'denied' : 'unknown';
};
