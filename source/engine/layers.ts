import type {EvaluationInput, Layer, PolicySlot, PolicyVerdict, StatementTrace, UnreadPolicy} from './evaluation.js';
import type {Policy} from './policy.js';
import type {ActionSlice} from './compile-policy.js';
import {evaluateActionSlice, evaluatePolicy, PrincipalAllows, type EvaluatedPolicy, type PreparedRequest} from './evaluate-policy.js';
import {evaluateGrant} from './grants.js';
import {plannedSlice, type ActionPlan} from './policy-plan.js';
import {triBoth, triEither, triOr, type Tri} from './tri.js';

/** Each kind of policy (a layer) evaluated on its own: what it allows and denies, and which statements said so. */

export const isUnread = (value: unknown): value is UnreadPolicy =>
	typeof value === 'object' && value !== null && (value as {unread?: unknown}).unread === true;

/** What a layer says; every field always set, so every layer shares one object shape on the hot path. */
export type LayerState = {
	readonly layer: Layer;
	readonly present: boolean;
	readonly allow: Tri;
	readonly deny: Tri;
	readonly policies: readonly PolicyVerdict[];
	readonly unread: UnreadPolicy | undefined;
	/** Resource-based policies: whether an Allow applies, by how its Principal named the caller. */
	readonly allows: PrincipalAllows | undefined;
};

const layerState = (
	layer: Layer,
	present: boolean,
	allow: Tri,
	deny: Tri,
	policies: readonly PolicyVerdict[],
	unread: UnreadPolicy | undefined,
	allows: PrincipalAllows | undefined,
): LayerState => ({layer, present, allow, deny, policies, unread, allows});

const unreadVerdict = (name: string, unread: UnreadPolicy): PolicyVerdict => ({
	policy: name,
	unread,
	deny: 'unknown',
	allow: 'unknown',
	relevant: [],
	nearMisses: [],
});

/**
 * `unreadName` names an unread policy: `identity policy 2`, `service control policy 1 at level 3`. `plan`, if any: the
 * set's plan for the action, in which this slot is the `planned`-th.
 */
const slotVerdict = (
	slot: PolicySlot,
	unreadName: string,
	position: number,
	level: number,
	request: PreparedRequest,
	hasPrincipals: boolean,
	plan: ActionPlan | undefined,
	planned: number,
): PolicyVerdict | undefined => {
	const slice = plannedSlice(plan, planned, slot);
	if (slice) return plannedVerdict(plan!, planned, slice, slot as Policy, request, hasPrincipals);
	if (slot === null) return undefined;
	if (isUnread(slot)) return unreadVerdict(`${unreadName} ${position + 1}${level > 0 ? ` at level ${level}` : ''}`, slot);
	return evaluatePolicy(slot, request, hasPrincipals);
};

/** The verdict on the plan's `position`-th slot: the one kept for this set when it says the same to every request. */
const plannedVerdict = (plan: ActionPlan, position: number, slice: ActionSlice, policy: Policy, request: PreparedRequest, hasPrincipals: boolean): EvaluatedPolicy => {
	const kept = plan.fixed[position] as EvaluatedPolicy | undefined;
	if (kept !== undefined) return kept;
	const verdict = evaluateActionSlice(slice, policy, request, hasPrincipals);
	if (hasPrincipals ? slice.fixedPrincipalVerdict : slice.fixedVerdict) plan.fixed[position] = verdict;
	return verdict;
};

const combine = (layer: Layer, verdicts: readonly PolicyVerdict[], present: boolean, allows: PrincipalAllows | undefined): LayerState => {
	let allow: Tri = 'no';
	let deny: Tri = 'no';
	let unread: UnreadPolicy | undefined;
	for (let index = 0; index < verdicts.length; index++) {
		const verdict = verdicts[index]!;
		allow = triEither(allow, verdict.allow);
		deny = triEither(deny, verdict.deny);
		unread ??= verdict.unread;
	}
	return layerState(layer, present, allow, deny, verdicts, unread, allows);
};

const noPolicies: readonly PolicyVerdict[] = Object.freeze([]);
const absent = (layer: Layer): LayerState => layerState(layer, false, 'no', 'no', noPolicies, undefined, undefined);
// One each, built once: nothing changes a layer once it is built.
const absentLayers: Readonly<Record<Layer, LayerState>> = {
	identity: absent('identity'),
	resource: absent('resource'),
	grant: absent('grant'),
	boundary: absent('boundary'),
	session: absent('session'),
	scp: absent('scp'),
	rcp: absent('rcp'),
};

/** A layer with no policy: shared. */
export const absentLayer = (layer: Layer): LayerState => absentLayers[layer];

const unknownAllows = (): PrincipalAllows => {
	const allows = new PrincipalAllows();
	allows.exact = allows.role = allows.service = allows.anyone = allows.account = 'unknown';
	return allows;
};

const unreadLayer = (layer: Layer, name: string, unread: UnreadPolicy, deny: Tri = 'unknown'): LayerState =>
	layerState(layer, true, 'unknown', deny, [unreadVerdict(name, unread)], unread, unknownAllows());

export const singleSlotLayer = (
	layer: Layer,
	slot: PolicySlot | undefined,
	name: string,
	request: PreparedRequest,
	hasPrincipals: boolean,
	plan?: ActionPlan,
	planned = 0,
): LayerState => {
	if (slot === undefined || slot === null) return absentLayer(layer);
	const slice = plannedSlice(plan, planned, slot);
	if (!slice && isUnread(slot)) return unreadLayer(layer, name, slot);
	const verdict = slice ? plannedVerdict(plan!, planned, slice, slot as Policy, request, hasPrincipals) : evaluatePolicy(slot as Policy, request, hasPrincipals);
	return combine(layer, [verdict], true, verdict.allows);
};

export const organizationLayer = (
	layer: 'scp' | 'rcp',
	levels: EvaluationInput['policies']['scp'],
	request: PreparedRequest,
	plan?: ActionPlan,
	planned = 0,
): LayerState => {
	const label = layer === 'scp' ? 'service control policy' : 'resource control policy';
	if (levels === undefined) return absentLayer(layer);
	if (isUnread(levels)) return unreadLayer(layer, `${label} (unread)`, levels);
	if (levels.length === 0) return absentLayer(layer);
	let slots = 0;
	for (let index = 0; index < levels.length; index++) slots += levels[index]!.length;
	// At its exact length (a list grown by `push` reserves room for many more); cut short if a slot holds no policy.
	const verdicts = new Array<PolicyVerdict>(slots);
	let count = 0;
	// Every level must allow: a level's allow is any of its policies', the layer's is all levels'.
	let allow: Tri = 'yes';
	let deny: Tri = 'no';
	let unread: UnreadPolicy | undefined;
	let slot = planned;
	for (let index = 0; index < levels.length; index++) {
		let levelAllow: Tri = 'no';
		const level = levels[index]!;
		for (let position = 0; position < level.length; position++) {
			const verdict = slotVerdict(level[position]!, label, position, index + 1, request, layer === 'rcp', plan, slot++);
			if (!verdict) continue;
			verdicts[count++] = verdict;
			levelAllow = triEither(levelAllow, verdict.allow);
			deny = triEither(deny, verdict.deny);
			unread ??= verdict.unread;
		}
		allow = triBoth(allow, levelAllow);
	}
	if (count < slots) verdicts.length = count;
	return layerState(layer, true, allow, deny, verdicts, unread, undefined);
};

export const identityLayer = (slots: EvaluationInput['policies']['identity'], request: PreparedRequest, plan?: ActionPlan, planned = 0): LayerState => {
	if (slots === undefined) return layerState('identity', true, 'no', 'no', noPolicies, undefined, undefined);
	if (isUnread(slots)) return unreadLayer('identity', 'identity-based policies (unread)', slots);
	const verdicts = new Array<PolicyVerdict>(slots.length);
	let count = 0;
	for (let index = 0; index < slots.length; index++) {
		const verdict = slotVerdict(slots[index]!, 'identity policy', index, 0, request, false, plan, planned + index);
		if (verdict) verdicts[count++] = verdict;
	}
	if (count < slots.length) verdicts.length = count;
	return combine('identity', verdicts, true, undefined);
};

export const grantLayer = (grants: EvaluationInput['policies']['grants'], request: PreparedRequest): LayerState => {
	if (grants === undefined) return absentLayer('grant');
	// Grants only ever allow: unread grants leave an allow open, never a deny.
	if (isUnread(grants)) return unreadLayer('grant', 'KMS grants (unread)', grants, 'no');
	const relevant = grants
		.map(grant => evaluateGrant(grant, request.caller, request.action, request.lookup))
		.filter((trace): trace is StatementTrace => trace !== undefined);
	const allow = triOr(...relevant.map(trace => trace.applies));
	// No grants at all: not a place worth showing unless a path needs it.
	return layerState('grant', grants.length > 0, allow, 'no', [{policy: 'KMS grants', deny: 'no', allow, relevant, nearMisses: []}], undefined, undefined);
};
