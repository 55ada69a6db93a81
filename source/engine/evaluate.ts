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
import {triAnd, triNot, triOr, type Tri} from './tri.js';

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

const slotVerdict = (slot: PolicySlot, fallbackName: string, request: PreparedRequest, hasPrincipals: boolean): PolicyVerdict | undefined => {
	if (slot === null) return undefined;
	if (isUnread(slot)) return unreadVerdict(fallbackName, slot);
	return evaluatePolicy(slot, request, hasPrincipals);
};

const combine = (layer: Layer, verdicts: readonly PolicyVerdict[], present: boolean, unread?: UnreadPolicy): LayerState => {
	const firstUnread = unread ?? verdicts.find(verdict => verdict.unread)?.unread;
	return {
		layer,
		present,
		allow: triOr(...verdicts.map(verdict => verdict.allow)),
		deny: triOr(...verdicts.map(verdict => verdict.deny)),
		policies: verdicts,
		...(firstUnread ? {unread: firstUnread} : {}),
	};
};

const absentLayer = (layer: Layer): LayerState => ({layer, present: false, allow: 'no', deny: 'no', policies: []});

const unreadLayer = (layer: Layer, name: string, unread: UnreadPolicy): LayerState => ({
	layer,
	present: true,
	allow: 'unknown',
	deny: 'unknown',
	policies: [unreadVerdict(name, unread)],
	unread,
	allowByPrincipal: {exact: 'unknown', role: 'unknown', anyone: 'unknown', account: 'unknown', service: 'unknown'},
});

const singleSlotLayer = (layer: Layer, slot: PolicySlot | undefined, name: string, request: PreparedRequest, hasPrincipals: boolean): LayerState => {
	if (slot === undefined || slot === null) return absentLayer(layer);
	if (isUnread(slot)) return unreadLayer(layer, name, slot);
	const verdict = evaluatePolicy(slot, request, hasPrincipals);
	return {...combine(layer, [verdict], true), ...(verdict.allowByPrincipal ? {allowByPrincipal: {...verdict.allowByPrincipal}} : {})};
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
	const levelAllows: Tri[] = [];
	for (const [index, level] of levels.entries()) {
		const levelVerdicts = level
			.map((slot, position) => slotVerdict(slot, `${label} ${position + 1} at level ${index + 1}`, request, layer === 'rcp'))
			.filter((verdict): verdict is PolicyVerdict => verdict !== undefined);
		verdicts.push(...levelVerdicts);
		levelAllows.push(triOr(...levelVerdicts.map(verdict => verdict.allow)));
	}
	return {
		layer,
		present: true,
		allow: triAnd(...levelAllows),
		deny: triOr(...verdicts.map(verdict => verdict.deny)),
		policies: verdicts,
		...(verdicts.find(verdict => verdict.unread)?.unread ? {unread: verdicts.find(verdict => verdict.unread)!.unread!} : {}),
	};
};

const identityLayer = (slots: EvaluationInput['policies']['identity'], request: PreparedRequest): LayerState => {
	if (slots === undefined) return {...absentLayer('identity'), present: true};
	if (isUnread(slots)) return unreadLayer('identity', 'identity-based policies (unread)', slots);
	const verdicts = slots
		.map((slot, index) => slotVerdict(slot, `identity policy ${index + 1}`, request, false))
		.filter((verdict): verdict is PolicyVerdict => verdict !== undefined);
	return combine('identity', verdicts, true);
};

const grantLayer = (grants: EvaluationInput['policies']['grants'], request: PreparedRequest): LayerState => {
	if (grants === undefined) return absentLayer('grant');
	if (isUnread(grants)) return unreadLayer('grant', 'KMS grants (unread)', grants);
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

/** One way to an allow: every term must be `yes`. */
type Term = {readonly layer: Layer; readonly mode?: ResourceMode; readonly value: Tri};
type ResourceMode = 'exact' | 'direct' | 'account' | 'any';
type Path = {readonly name: string; readonly terms: readonly Term[]};

const modeMatches: Record<ResourceMode, readonly PrincipalMatch[]> = {
	exact: ['exact'],
	direct: ['role', 'anyone', 'service'],
	account: ['account'],
	any: ['exact', 'role', 'anyone', 'service', 'account'],
};

const resourceTerm = (resource: LayerState, mode: ResourceMode): Term => ({
	layer: 'resource',
	mode,
	value: triOr(...modeMatches[mode].map(match => resource.allowByPrincipal?.[match] ?? 'no')),
});

const pathValue = (path: Path): Tri => triAnd(...path.terms.map(term => term.value));

const buildPaths = (layers: Record<Layer, LayerState>, service: ServiceModel, crossAccount: boolean, caller: Caller): Path[] => {
	const limits: Term[] = (['boundary', 'session'] as const)
		.filter(layer => layers[layer].present)
		.map(layer => ({layer, value: layers[layer].allow}));
	const identity: Term = {layer: 'identity', value: layers.identity.allow};
	const grant: Term = {layer: 'grant', value: layers.grant.allow};
	const resource = layers.resource;
	if (crossAccount) {
		const paths: Path[] = [{name: 'resource-and-identity', terms: [resourceTerm(resource, 'any'), identity, ...limits]}];
		if (service === 'kms') paths.push({name: 'grant-and-identity', terms: [grant, identity, ...limits]});
		return paths;
	}
	const exact: Path = {name: 'resource-names-caller', terms: [resourceTerm(resource, 'exact')]};
	const direct: Path = {name: 'resource-names-role', terms: [resourceTerm(resource, 'direct'), ...limits]};
	// Sessions are short-lived: prefer a fix that names the role over one that names the session.
	const paths: Path[] = caller.kind === 'session' ? [direct, exact] : [exact, direct];
	if (service === 'kms') {
		paths.push({name: 'grant', terms: [grant, ...limits]});
		paths.push({name: 'key-policy-delegates-to-iam', terms: [resourceTerm(resource, 'account'), identity, ...limits]});
	} else {
		paths.push({name: 'identity', terms: [identity, ...limits]});
	}
	return paths;
};

/** The path that allows, or else the one closest to allowing (fewest `no`, then fewest `unknown`, then most `yes`). */
const choosePath = (paths: readonly Path[]): Path => {
	const satisfied = paths.find(path => pathValue(path) === 'yes');
	if (satisfied) return satisfied;
	const count = (path: Path, value: Tri): number => path.terms.filter(term => term.value === value).length;
	return [...paths].sort(
		(a, b) => count(a, 'no') - count(b, 'no') || count(a, 'unknown') - count(b, 'unknown') || count(b, 'yes') - count(a, 'yes'),
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

const tracesOf = (state: LayerState, filter: (trace: StatementTrace) => boolean): StatementTrace[] =>
	state.policies.flatMap(policy => policy.relevant.filter(filter));

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

const layerStatus = (state: LayerState, chosen: Path, facts: Facts): LayerVerdict => {
	const {request} = facts;
	const name = state.layer === 'resource' ? facts.resourceName : layerNames[state.layer];
	const base = {layer: state.layer, deny: state.deny, allow: state.allow, policies: state.policies, ...(state.unread?.resolveWith ? {resolveWith: state.unread.resolveWith} : {})};
	const verdict = (status: LayerStatus, decidedBy: readonly StatementTrace[], why: string): LayerVerdict => ({...base, status, decidedBy, why});

	if (state.deny === 'yes') {
		const denying = tracesOf(state, trace => trace.effect === 'Deny' && trace.applies === 'yes');
		return verdict('denied', denying, `${where(denying[0]!)} denies ${request.action} explicitly; an explicit Deny overrides every Allow.`);
	}
	if (state.unread) {
		return verdict('unknown', [], `The ${name} could not be read (${state.unread.reason}), so it may allow or deny ${request.action}.`);
	}
	const maybeDenying = tracesOf(state, trace => trace.effect === 'Deny' && trace.applies === 'unknown');
	const term = chosen.terms.find(candidate => candidate.layer === state.layer);
	const isGuard = state.layer === 'scp' || state.layer === 'rcp';
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

/** Context keys every request carries, derived from the caller (given context wins). */
const derivedContext = (caller: Caller): Record<string, ContextValue> => {
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
	const prefix = action.split(':')[0]?.toLowerCase();
	return prefix === 'kms' ? 'kms' : prefix === 's3' ? 's3' : 'default';
};

const resourceNames: Record<ServiceModel, string> = {kms: 'key policy', s3: 'bucket policy', default: 'resource-based policy'};

const unknownKeysOf = (layers: readonly LayerVerdict[]): string[] => {
	const keys = new Set<string>();
	for (const layer of layers) {
		for (const policy of layer.policies) {
			for (const trace of policy.relevant) {
				for (const condition of trace.conditions) if (condition.actual.state === 'unknown') keys.add(condition.clause.key);
			}
		}
	}
	return [...keys];
};

const evaluateFor = (input: EvaluationInput, crossAccount: boolean): Evaluation => {
	const {request: raw, policies} = input;
	const caller = parseCaller(raw.principal);
	const service = input.service ?? serviceOf(raw.action);
	const lookup = createContextLookup({...derivedContext(caller), ...raw.context}, raw.missingContextKeys ?? 'unknown');
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
	const deny = triOr(...Object.values(layers).map(layer => layer.deny));
	const guards = triAnd(layers.scp.present ? layers.scp.allow : 'yes', layers.rcp.present ? layers.rcp.allow : 'yes');
	const allow = triAnd(triNot(deny), guards, triOr(...paths.map(pathValue)));
	const decision = deny === 'yes' || allow === 'no' ? 'denied' : allow === 'yes' ? 'allowed' : 'unknown';
	const facts: Facts = {request, crossAccount, service, resourceName: resourceNames[service], keyPolicyDelegates: resourceTerm(layers.resource, 'account').value};
	const inPlay = new Set<Layer>(chosen.terms.map(term => term.layer));
	const verdicts = (Object.values(layers) as LayerState[])
		// A layer that exists, or one the chosen path needs even though it is absent (e.g. no bucket policy across accounts).
		.filter(state => state.present || inPlay.has(state.layer) || state.layer === 'resource')
		.filter(state => state.layer !== 'grant' || service === 'kms')
		.map(state => layerStatus(state, chosen, facts));
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
	const callerAccount = parseCaller(input.request.principal).account;
	const resourceAccount = input.request.resourceAccount ?? accountOfArn(input.request.resource);
	if (callerAccount && resourceAccount) return evaluateFor(input, callerAccount !== resourceAccount);
	const same = evaluateFor(input, false);
	const cross = evaluateFor(input, true);
	if (same.decision === cross.decision) return cross;
	return {
		...cross,
		decision: 'unknown',
		summary: `${input.request.action} on ${input.request.resource} is ${same.decision} if the resource is in the caller's account and ${cross.decision} if not; its account is not known.`,
	};
};
