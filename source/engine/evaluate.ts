import {accountOfArn} from './arn.js';
import {createContextLookup, type ContextValue} from './context.js';
import {evaluateGrant} from './grants.js';
import type {
	Evaluation,
	EvaluationInput,
	Layer,
	LayerStatus,
	LayerVerdict,
	PolicySlot,
	PolicyVerdict,
	PrincipalMatch,
	ServiceModel,
	StatementTrace,
	UnreadPolicy,
} from './evaluation.js';
import {evaluatePolicy, type PreparedRequest} from './evaluate-policy.js';
import {parseCaller, roleArnOfCaller, type Caller} from './principal.js';
import {triAnd, triBoth, triEither, triNot, triOr, type Tri} from './tri.js';

/**
 * AWS's policy evaluation logic, three-valued, with the service rules that matter for S3 + KMS:
 * 1. an explicit Deny in any policy wins;
 * 2. SCPs (caller's account) and RCPs (resource's account) must allow at every level;
 * 3. then one of several "paths" must allow: the resource policy alone (naming the caller), the
 *    identity policy (for KMS only where the key policy delegates to the account), a KMS grant; across
 *    accounts both the resource policy and the identity policy; boundaries and session policies
 *    limit every path except a resource policy that names the user or session itself.
 * Every layer then gets a status from the path that allows, or the one closest to allowing.
 */

type Mutable<T> = {-readonly [K in keyof T]: T[K]};

const isUnread = (value: unknown): value is UnreadPolicy =>
	typeof value === 'object' && value !== null && (value as {unread?: unknown}).unread === true;

type LayerState = {
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
const absentLayer = (layer: Layer): LayerState => {
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

const singleSlotLayer = (layer: Layer, slot: PolicySlot | undefined, name: string, request: PreparedRequest, hasPrincipals: boolean): LayerState => {
	if (slot === undefined || slot === null) return absentLayer(layer);
	if (isUnread(slot)) return unreadLayer(layer, name, slot);
	const verdict = evaluatePolicy(slot, request, hasPrincipals);
	return combine(layer, [verdict], true, verdict.allowByPrincipal ? {...verdict.allowByPrincipal} : undefined);
};

const organizationLayer = (
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

const identityLayer = (slots: EvaluationInput['policies']['identity'], request: PreparedRequest): LayerState => {
	if (slots === undefined) return {layer: 'identity', present: true, allow: 'no', deny: 'no', policies: []};
	if (isUnread(slots)) return unreadLayer('identity', 'identity-based policies (unread)', slots);
	const verdicts: PolicyVerdict[] = [];
	for (let index = 0; index < slots.length; index++) {
		const verdict = slotVerdict(slots[index]!, () => `identity policy ${index + 1}`, request, false);
		if (verdict) verdicts.push(verdict);
	}
	return combine('identity', verdicts, true);
};

const grantLayer = (grants: EvaluationInput['policies']['grants'], request: PreparedRequest): LayerState => {
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

/** One way to an allow: every term must be `yes`. `state`: the layer it reads, for `nearlyAllows`. */
type Term = {readonly layer: Layer; readonly mode?: ResourceMode; readonly value: Tri; readonly state: LayerState};
type ResourceMode = 'exact' | 'direct' | 'account' | 'any';
type Path = {readonly name: string; readonly terms: readonly Term[]};

const modeMatches: Record<ResourceMode, readonly PrincipalMatch[]> = {
	exact: ['exact'],
	direct: ['role', 'anyone', 'service'],
	account: ['account'],
	any: ['exact', 'role', 'anyone', 'service', 'account'],
};

/** Did an Allow statement or grant of the term's layer match all but its conditions? */
const nearlyAllows = (term: Term): boolean => {
	const matches = term.mode ? modeMatches[term.mode] : undefined;
	return term.state.policies.some(policy =>
		policy.relevant.some(trace => trace.effect === 'Allow' && trace.applies === 'no' && (!matches || matches.includes(trace.principalMatch as PrincipalMatch))),
	);
};

const layerTerm = (state: LayerState): Term => ({layer: state.layer, value: state.allow, state});

const resourceTerm = (resource: LayerState, mode: ResourceMode): Term => {
	let value: Tri = 'no';
	for (const match of modeMatches[mode]) value = triEither(value, resource.allowByPrincipal?.[match] ?? 'no');
	return {layer: 'resource', mode, value, state: resource};
};

const pathValue = (path: Path): Tri => {
	let value: Tri = 'yes';
	for (const term of path.terms) value = triBoth(value, term.value);
	return value;
};

const buildPaths = (layers: Record<Layer, LayerState>, service: ServiceModel, crossAccount: boolean, caller: Caller): Path[] => {
	const limits: Term[] = (['boundary', 'session'] as const).filter(layer => layers[layer].present).map(layer => layerTerm(layers[layer]));
	const identity = layerTerm(layers.identity);
	const grant = layerTerm(layers.grant);
	const resource = layers.resource;
	if (crossAccount) {
		const paths: Path[] = [{name: 'resource-and-identity', terms: [resourceTerm(resource, 'any'), identity, ...limits]}];
		if (service === 'kms') paths.push({name: 'grant-and-identity', terms: [grant, identity, ...limits]});
		return paths;
	}
	const exact: Path = {name: 'resource-names-caller', terms: [resourceTerm(resource, 'exact')]};
	const direct: Path = {name: 'resource-names-role', terms: [resourceTerm(resource, 'direct'), ...limits]};
	// Sessions are short-lived: prefer a fix that names the role over one that names the session.
	const resourcePaths: Path[] = caller.kind === 'session' ? [direct, exact] : [exact, direct];
	const otherPaths: Path[] =
		service === 'kms'
			? [
					{name: 'grant', terms: [grant, ...limits]},
					{name: 'key-policy-delegates-to-iam', terms: [resourceTerm(resource, 'account'), identity, ...limits]},
				]
			: [{name: 'identity', terms: [identity, ...limits]}];
	// Outside KMS, within one account, the usual place to grant is the caller's own IAM policy; and without a
	// resource policy the closest fix is in the caller's own policies, not in a policy that does not exist.
	return resource.present && service === 'kms' ? [...resourcePaths, ...otherPaths] : [...otherPaths, ...resourcePaths];
};

/**
 * The path that allows, or else the one closest to allowing: fewest `no`, then fewest `unknown`, then
 * most `yes`, then most `no` terms whose statement matched all but its conditions (the likely cause).
 */
const choosePath = (paths: readonly Path[]): Path => {
	const satisfied = paths.find(path => pathValue(path) === 'yes');
	if (satisfied) return satisfied;
	const count = (path: Path, value: Tri): number => path.terms.filter(term => term.value === value).length;
	const near = (path: Path): number => path.terms.filter(term => term.value === 'no' && nearlyAllows(term)).length;
	return [...paths].sort(
		(a, b) =>
			count(a, 'no') - count(b, 'no') || count(a, 'unknown') - count(b, 'unknown') || count(b, 'yes') - count(a, 'yes') || near(b) - near(a),
	)[0]!;
};

const describeCaller = (caller: Caller): string => {
	if (caller.kind === 'session') return `role ${caller.roleName} (session ${caller.sessionName})`;
	if (caller.kind === 'user') return `user ${caller.name}`;
	if (caller.kind === 'role') return `role ${caller.name}`;
	return caller.arn;
};

const layerNames: Record<Layer, string> = {
	identity: 'identity-based policies',
	resource: 'resource-based policy',
	grant: 'KMS grants',
	boundary: 'permissions boundary',
	session: 'session policy',
	scp: 'service control policies',
	rcp: 'resource control policies',
};

const tracesOf = (state: LayerState, filter: (trace: StatementTrace) => boolean): StatementTrace[] => {
	const traces: StatementTrace[] = [];
	for (const policy of state.policies) for (const trace of policy.relevant) if (filter(trace)) traces.push(trace);
	return traces;
};

const where = (trace: StatementTrace): string => `${trace.policy}, ${trace.label}`;

type Facts = {
	readonly request: PreparedRequest;
	readonly crossAccount: boolean;
	readonly service: ServiceModel;
	readonly resourceName: string;
	/** KMS, same account: does the key policy let the account's IAM policies grant this action? */
	readonly keyPolicyDelegates: Tri;
};

/** An IAM allow for KMS in the key's account counts only where the key policy delegates to IAM. */
const iamCaveat = (state: LayerState, facts: Facts): string =>
	state.layer === 'identity' && facts.service === 'kms' && !facts.crossAccount && facts.keyPolicyDelegates !== 'yes'
		? ` But it counts only where the key policy lets account ${facts.request.caller.account} use IAM policies for the key${facts.keyPolicyDelegates === 'no' ? ', and this key policy does not' : ''}.`
		: '';

/**
 * `chosen` is the path that allows (or is closest to); `allowing` every path that allows. A layer in any
 * allowing path is `ok` (both the IAM policy and the bucket policy may grant); `not-needed` is for the rest.
 */
const layerStatus = (state: LayerState, chosen: Path, allowing: readonly Path[], facts: Facts): LayerVerdict => {
	const {request} = facts;
	const name = state.layer === 'resource' ? facts.resourceName : layerNames[state.layer];
	const resolveWith = state.unread?.resolveWith;
	const verdict = (status: LayerStatus, decidedBy: readonly StatementTrace[], why: string): LayerVerdict => {
		const layer: Mutable<LayerVerdict> = {layer: state.layer, deny: state.deny, allow: state.allow, policies: state.policies, status, decidedBy, why};
		if (resolveWith) layer.resolveWith = resolveWith;
		return layer;
	};

	if (state.deny === 'yes') {
		const denying = tracesOf(state, trace => trace.effect === 'Deny' && trace.applies === 'yes');
		return verdict('denied', denying, `${where(denying[0]!)} denies ${request.action} explicitly; an explicit Deny overrides every Allow.`);
	}
	const term =
		chosen.terms.find(candidate => candidate.layer === state.layer) ??
		allowing.flatMap(path => path.terms).find(candidate => candidate.layer === state.layer);
	const isGuard = state.layer === 'scp' || state.layer === 'rcp';
	// An unread layer matters if it may deny, or if the chosen path needs it to allow.
	if (state.unread && (state.deny !== 'no' || term || isGuard)) {
		return verdict('unknown', [], `The ${name} could not be read (${state.unread.reason}), so it may allow or deny ${request.action}.`);
	}
	const maybeDenying = tracesOf(state, trace => trace.effect === 'Deny' && trace.applies === 'unknown');
	const value: Tri | undefined = isGuard ? state.allow : term?.value;
	const matchesOfTerm = term?.mode ? modeMatches[term.mode] : undefined;
	const allowTraces = (applies: Tri): StatementTrace[] =>
		tracesOf(state, trace => trace.effect === 'Allow' && trace.applies === applies && (!matchesOfTerm || matchesOfTerm.includes(trace.principalMatch as PrincipalMatch)));

	if (value === undefined) {
		if (maybeDenying.length > 0) return verdict('unknown', maybeDenying, `Not needed to allow, but ${where(maybeDenying[0]!)} may deny: ${maybeDenying[0]!.reason}.`);
		if (state.allow === 'yes' && iamCaveat(state, facts)) {
			const allowing = tracesOf(state, trace => trace.effect === 'Allow' && trace.applies === 'yes');
			return verdict('not-needed', allowing, `${where(allowing[0]!)} allows ${request.action}.${iamCaveat(state, facts)}`);
		}
		return verdict('not-needed', [], notNeededWhy(state, chosen, facts));
	}
	if (value === 'yes') {
		if (maybeDenying.length > 0) return verdict('unknown', maybeDenying, `${where(maybeDenying[0]!)} may deny ${request.action}: ${maybeDenying[0]!.reason}.`);
		const allowing = allowTraces('yes');
		return verdict('ok', allowing, okWhy(state, allowing, term, facts) + iamCaveat(state, facts));
	}
	if (value === 'unknown') {
		const undecided = allowTraces('unknown');
		const first = undecided[0];
		return verdict('unknown', undecided, first ? `${where(first)} would allow ${request.action}, but ${first.reason}.` : `Whether the ${name} allows ${request.action} is not known.`);
	}
	const failing = allowTraces('no');
	return verdict('missing', failing, missingWhy(state, failing, term, facts));
};

const okWhy = (state: LayerState, allowing: readonly StatementTrace[], term: Term | undefined, facts: Facts): string => {
	const first = allowing[0];
	const source = first ? where(first) : layerNames[state.layer];
	if (state.layer === 'resource' && term?.mode === 'account') {
		return `${source} lets account ${facts.request.caller.account} grant ${facts.request.action} through IAM policies.`;
	}
	if (state.layer === 'scp' || state.layer === 'rcp') return `Every level of the ${layerNames[state.layer]} allows ${facts.request.action}.`;
	return `${source} allows ${facts.request.action}${state.layer === 'resource' || state.layer === 'grant' ? ` to ${describeCaller(facts.request.caller)}` : ''}.`;
};

const missingWhy = (state: LayerState, failing: readonly StatementTrace[], term: Term | undefined, facts: Facts): string => {
	const {request} = facts;
	const near = state.policies.flatMap(policy => policy.nearMisses);
	const tail = failing[0]
		? ` ${where(failing[0])} would allow it, but ${failing[0].reason}.`
		: near.length > 0
			? ` (${near.slice(0, 2).join('; ')}.)`
			: '';
	switch (state.layer) {
		case 'identity':
			return `No identity-based policy of ${describeCaller(request.caller)} allows ${request.action} on ${request.resource}${facts.crossAccount ? '; across accounts the caller\'s own IAM policy must allow it too' : ''}.${tail}`;
		case 'resource': {
			if (!state.present) return `There is no ${facts.resourceName}; ${facts.crossAccount ? 'across accounts it must allow the caller' : 'one would have to allow the caller'}.`;
			if (term?.mode === 'account') {
				return `The ${facts.resourceName} does not let account ${request.caller.account} use IAM policies for ${request.action}, so an IAM allow does not count.${tail}`;
			}
			const target = facts.crossAccount ? `${describeCaller(request.caller)} or its account ${request.caller.account}` : describeCaller(request.caller);
			const rule = facts.crossAccount ? ' Across accounts both this policy and the caller\'s IAM policy must allow.' : '';
			return `The ${facts.resourceName} does not allow ${request.action} to ${target}.${rule}${tail}`;
		}
		case 'grant':
			return `No KMS grant gives ${describeCaller(request.caller)} ${request.action}.${tail}`;
		case 'boundary':
			return `The permissions boundary does not allow ${request.action}, and a boundary caps every identity-based permission.${tail}`;
		case 'session':
			return `The session policy does not allow ${request.action}; it caps what the session may do.${tail}`;
		case 'scp':
			return `Some level of the service control policies does not allow ${request.action}; an SCP must allow at every level from the root to the account.${tail}`;
		case 'rcp':
			return `Some level of the resource control policies does not allow ${request.action} on this resource.${tail}`;
	}
};

const pathDescriptions: Record<string, string> = {
	'resource-names-caller': 'the resource policy names the caller itself',
	'resource-names-role': 'the resource policy names the caller',
	grant: 'a KMS grant allows it',
	'key-policy-delegates-to-iam': 'the key policy delegates to IAM and an IAM policy allows it',
	identity: 'an identity-based policy allows it within the same account',
	'resource-and-identity': 'across accounts both the resource policy and the IAM policy must allow',
	'grant-and-identity': 'a KMS grant and the IAM policy allow it',
};

const notNeededWhy = (state: LayerState, chosen: Path, facts: Facts): string => {
	const how = pathDescriptions[chosen.name] ?? chosen.name;
	const name = state.layer === 'resource' ? facts.resourceName : layerNames[state.layer];
	return pathValue(chosen) === 'yes' ? `Not needed: ${how}.` : `Not needed: the fix goes where ${how}; the ${name} would be an alternative place.`;
};

const summarize = (decision: Evaluation['decision'], layers: readonly LayerVerdict[], request: PreparedRequest): string => {
	const subject = `${request.action} on ${request.resource}`;
	if (decision === 'allowed') return `${subject} is allowed.`;
	const denied = layers.find(layer => layer.status === 'denied');
	if (denied) return `${subject} is denied: ${denied.why}`;
	const missing = layers.filter(layer => layer.status === 'missing');
	if (decision === 'denied' && missing.length > 0) return `${subject} is denied: ${missing.map(layer => layer.why).join(' ')}`;
	const unknown = layers.filter(layer => layer.status === 'unknown');
	return `${subject} cannot be decided: ${unknown.map(layer => layer.why).join(' ') || 'a needed value is not known.'}`;
};

// Callers are shared (parseCaller remembers them), and what they imply never changes.
const derivedContexts = new WeakMap<Caller, Record<string, ContextValue>>();

/** Context keys every request carries, derived from the caller (given context wins). */
const derivedContext = (caller: Caller): Record<string, ContextValue> => {
	let derived = derivedContexts.get(caller);
	if (!derived) {
		derived = deriveContext(caller);
		derivedContexts.set(caller, derived);
	}
	return derived;
};

const deriveContext = (caller: Caller): Record<string, ContextValue> => {
	const derived: Record<string, ContextValue> = {};
	if (caller.account) derived['aws:PrincipalAccount'] = caller.account;
	const principalArn = caller.kind === 'session' ? roleArnOfCaller(caller) : caller.arn;
	if (principalArn && caller.kind !== 'service') derived['aws:PrincipalArn'] = principalArn;
	if (caller.kind === 'user') {
		derived['aws:username'] = caller.name ?? null;
		derived['aws:PrincipalType'] = 'User';
	} else if (caller.kind === 'session') {
		derived['aws:username'] = null;
		derived['aws:PrincipalType'] = 'AssumedRole';
	} else if (caller.kind === 'root') {
		derived['aws:PrincipalType'] = 'Account';
	}
	return derived;
};

const serviceOf = (action: string): ServiceModel => {
	const prefix = action.slice(0, Math.max(action.indexOf(':'), 0)).toLowerCase();
	return prefix === 'kms' ? 'kms' : prefix === 's3' ? 's3' : 'default';
};

const resourceNames: Record<ServiceModel, string> = {kms: 'key policy', s3: 'bucket policy', default: 'resource-based policy'};

const unknownKeysOf = (layers: readonly LayerVerdict[]): string[] => {
	let keys: Set<string> | undefined;
	for (const layer of layers) {
		for (const policy of layer.policies) {
			for (const trace of policy.relevant) {
				if (trace.unknownKeys) for (const key of trace.unknownKeys) (keys ??= new Set()).add(key);
			}
		}
	}
	return keys ? [...keys] : [];
};

const evaluateFor = (input: EvaluationInput, caller: Caller, crossAccount: boolean): Evaluation => {
	const {request: raw, policies} = input;
	const service = input.service ?? serviceOf(raw.action);
	// The given context wins over what is derived from the caller.
	const lookup = createContextLookup(raw.context ?? {}, raw.missingContextKeys ?? 'unknown', derivedContext(caller));
	const request: PreparedRequest = {caller, action: raw.action, resource: raw.resource, lookup};
	const layers: Record<Layer, LayerState> = {
		identity: identityLayer(policies.identity, request),
		resource: singleSlotLayer('resource', policies.resource, resourceNames[service], request, true),
		grant: service === 'kms' ? grantLayer(policies.grants, request) : absentLayer('grant'),
		boundary: singleSlotLayer('boundary', policies.boundary, 'permissions boundary', request, false),
		session: singleSlotLayer('session', policies.session, 'session policy', request, false),
		scp: organizationLayer('scp', policies.scp, request),
		rcp: organizationLayer('rcp', policies.rcp, request),
	};
	const paths = buildPaths(layers, service, crossAccount, caller);
	const chosen = choosePath(paths);
	const allowing = paths.filter(path => pathValue(path) === 'yes');
	const all = [layers.identity, layers.resource, layers.grant, layers.boundary, layers.session, layers.scp, layers.rcp];
	let deny: Tri = 'no';
	for (const layer of all) deny = triEither(deny, layer.deny);
	let anyPath: Tri = 'no';
	for (const path of paths) anyPath = triEither(anyPath, pathValue(path));
	const guards = triAnd(layers.scp.present ? layers.scp.allow : 'yes', layers.rcp.present ? layers.rcp.allow : 'yes');
	const allow = triAnd(triNot(deny), guards, anyPath);
	const decision = deny === 'yes' || allow === 'no' ? 'denied' : allow === 'yes' ? 'allowed' : 'unknown';
	const facts: Facts = {request, crossAccount, service, resourceName: resourceNames[service], keyPolicyDelegates: service === 'kms' ? resourceTerm(layers.resource, 'account').value : 'no'};
	const verdicts: LayerVerdict[] = [];
	for (const state of all) {
		// A layer that exists, or one the chosen path needs even though it is absent (e.g. no bucket policy across accounts).
		const shown = state.present || state.layer === 'resource' || chosen.terms.some(term => term.layer === state.layer);
		if (shown && (state.layer !== 'grant' || service === 'kms')) verdicts.push(layerStatus(state, chosen, allowing, facts));
	}
	return {
		decision,
		summary: summarize(decision, verdicts, request),
		crossAccount,
		service,
		layers: verdicts,
		unknownContextKeys: unknownKeysOf(verdicts),
	};
};

/**
 * Evaluate one request against every policy that applies to it. When the resource's account is not
 * known, both the same-account and the cross-account rules are tried; if they disagree, the answer is `unknown`.
 */
export const evaluate = (input: EvaluationInput): Evaluation => {
	const caller = parseCaller(input.request.principal);
	// A service principal has no account and no identity policies: the resource policy alone decides.
	if (caller.kind === 'service') return evaluateFor(input, caller, false);
	const callerAccount = caller.account;
	const resourceAccount = input.request.resourceAccount ?? accountOfArn(input.request.resource);
	if (callerAccount && resourceAccount) return evaluateFor(input, caller, callerAccount !== resourceAccount);
	const same = evaluateFor(input, caller, false);
	const cross = evaluateFor(input, caller, true);
	if (same.decision === cross.decision) return cross;
	return {
		...cross,
		decision: 'unknown',
		summary: `${input.request.action} on ${input.request.resource} is ${same.decision} if the resource is in the caller's account and ${cross.decision} if not; its account is not known.`,
	};
};
