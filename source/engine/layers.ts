import type {EvaluationInput, Layer, PolicySlot, PolicyVerdict, PrincipalMatch, StatementTrace, UnreadPolicy} from './evaluation.js';
import {evaluatePolicy, type PreparedRequest} from './evaluate-policy.js';
import {evaluateGrant} from './grants.js';
import {triBoth, triEither, triOr, type Tri} from './tri.js';
import type {Mutable} from '../shared/json.js';

/** Each kind of policy (a layer) evaluated on its own: what it allows and denies, and which statements said so. */


export const isUnread = (value: unknown): value is UnreadPolicy =>
	typeof value === 'object' && value !== null && (value as {unread?: unknown}).unread === true;

export type LayerState = {
	readonly layer: Layer;
	readonly present: boolean;
	readonly allow: Tri;
	readonly deny: Tri;
	readonly policies: readonly PolicyVerdict[];
	readonly unread?: UnreadPolicy;
	readonly allowByPrincipal?: Partial<Record<PrincipalMatch, Tri>>;
};

const unreadVerdict = (name: string, unread: UnreadPolicy): PolicyVerdict => ({
	policy: name,
	unread,
	deny: 'unknown',
	allow: 'unknown',
	relevant: [],
	nearMisses: [],
});

/** `fallbackName` names an unread policy; it is worked out only then. */
const slotVerdict = (slot: PolicySlot, fallbackName: () => string, request: PreparedRequest, hasPrincipals: boolean): PolicyVerdict | undefined => {
	if (slot === null) return undefined;
	if (isUnread(slot)) return unreadVerdict(fallbackName(), slot);
	return evaluatePolicy(slot, request, hasPrincipals);
};

// Hot path: layer objects are built property by property, because V8 (Node 20) copies `{...object, more}` slowly.
const combine = (
	layer: Layer,
	verdicts: readonly PolicyVerdict[],
	present: boolean,
	allowByPrincipal?: Partial<Record<PrincipalMatch, Tri>>,
): LayerState => {
	let allow: Tri = 'no';
	let deny: Tri = 'no';
	let unread: UnreadPolicy | undefined;
	for (const verdict of verdicts) {
		allow = triEither(allow, verdict.allow);
		deny = triEither(deny, verdict.deny);
		unread ??= verdict.unread;
	}
	const state: Mutable<LayerState> = {layer, present, allow, deny, policies: verdicts};
	if (unread) state.unread = unread;
	if (allowByPrincipal) state.allowByPrincipal = allowByPrincipal;
	return state;
};

const absentLayers = new Map<Layer, LayerState>();

/** A layer with no policy: shared, as nothing changes a layer once it is built. */
export const absentLayer = (layer: Layer): LayerState => {
	let state = absentLayers.get(layer);
	if (!state) {
		state = Object.freeze({layer, present: false, allow: 'no', deny: 'no', policies: Object.freeze([])});
		absentLayers.set(layer, state);
	}
	return state;
};

const unreadLayer = (layer: Layer, name: string, unread: UnreadPolicy, deny: Tri = 'unknown'): LayerState => ({
	layer,
	present: true,
	allow: 'unknown',
	deny,
	policies: [unreadVerdict(name, unread)],
	unread,
	allowByPrincipal: {exact: 'unknown', role: 'unknown', anyone: 'unknown', account: 'unknown', service: 'unknown'},
});

export const singleSlotLayer = (layer: Layer, slot: PolicySlot | undefined, name: string, request: PreparedRequest, hasPrincipals: boolean): LayerState => {
	if (slot === undefined || slot === null) return absentLayer(layer);
	if (isUnread(slot)) return unreadLayer(layer, name, slot);
	const verdict = evaluatePolicy(slot, request, hasPrincipals);
	return combine(layer, [verdict], true, verdict.allowByPrincipal ? {...verdict.allowByPrincipal} : undefined);
};

export const organizationLayer = (
	layer: 'scp' | 'rcp',
	levels: EvaluationInput['policies']['scp'],
	request: PreparedRequest,
): LayerState => {
	const label = layer === 'scp' ? 'service control policy' : 'resource control policy';
	if (levels === undefined) return absentLayer(layer);
	if (isUnread(levels)) return unreadLayer(layer, `${label} (unread)`, levels);
	if (levels.length === 0) return absentLayer(layer);
	const verdicts: PolicyVerdict[] = [];
	// Every level must allow: a level's allow is any of its policies', the layer's is all levels'.
	let allow: Tri = 'yes';
	for (let index = 0; index < levels.length; index++) {
		let levelAllow: Tri = 'no';
		const level = levels[index]!;
		for (let position = 0; position < level.length; position++) {
			const verdict = slotVerdict(level[position]!, () => `${label} ${position + 1} at level ${index + 1}`, request, layer === 'rcp');
			if (!verdict) continue;
			verdicts.push(verdict);
			levelAllow = triEither(levelAllow, verdict.allow);
		}
		allow = triBoth(allow, levelAllow);
	}
	const state: Mutable<LayerState> = combine(layer, verdicts, true);
	state.allow = allow;
	return state;
};

export const identityLayer = (slots: EvaluationInput['policies']['identity'], request: PreparedRequest): LayerState => {
	if (slots === undefined) return {layer: 'identity', present: true, allow: 'no', deny: 'no', policies: []};
	if (isUnread(slots)) return unreadLayer('identity', 'identity-based policies (unread)', slots);
	const verdicts: PolicyVerdict[] = [];
	for (let index = 0; index < slots.length; index++) {
		const verdict = slotVerdict(slots[index]!, () => `identity policy ${index + 1}`, request, false);
		if (verdict) verdicts.push(verdict);
	}
	return combine('identity', verdicts, true);
};

export const grantLayer = (grants: EvaluationInput['policies']['grants'], request: PreparedRequest): LayerState => {
	if (grants === undefined) return absentLayer('grant');
	// Grants only ever allow: unread grants leave an allow open, never a deny.
	if (isUnread(grants)) return unreadLayer('grant', 'KMS grants (unread)', grants, 'no');
	const relevant = grants
		.map(grant => evaluateGrant(grant, request.caller, request.action, request.lookup))
		.filter((trace): trace is StatementTrace => trace !== undefined);
	const allow = triOr(...relevant.map(trace => trace.applies));
	return {
		layer: 'grant',
		// No grants at all: not a place worth showing unless a path needs it.
		present: grants.length > 0,
		allow,
		deny: 'no',
		policies: [{policy: 'KMS grants', deny: 'no', allow, relevant, nearMisses: []}],
	};
};
