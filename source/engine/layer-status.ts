import type {Evaluation, Layer, LayerStatus, LayerVerdict, PolicyVerdict, PrincipalMatch, ServiceModel, StatementTrace} from './evaluation.js';
import type {PreparedRequest} from './evaluate-policy.js';
import type {LayerState} from './layers.js';
import {modeMatches, pathValue, type Path, type Term} from './paths.js';
import type {Caller} from './principal.js';
import type {Tri} from './tri.js';

/** Each layer's status (ok, missing, denied, unknown, ineffective, not needed), the statements that decided it, and why in words. */

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

const none: readonly never[] = Object.freeze([]);

// Hot path (every layer of every evaluation): a plain loop, no filter function.
const tracesWith = (state: LayerState, effect: 'Allow' | 'Deny', applies: Tri, matches?: readonly PrincipalMatch[]): readonly StatementTrace[] => {
	let traces: StatementTrace[] | undefined;
	const {policies} = state;
	for (let outer = 0; outer < policies.length; outer++) {
		const {relevant} = policies[outer]!;
		for (let inner = 0; inner < relevant.length; inner++) {
			const trace = relevant[inner]!;
			if (trace.applies !== applies || trace.effect !== effect) continue;
			if (matches && !matches.includes(trace.principalMatch as PrincipalMatch)) continue;
			if (traces) traces.push(trace);
			else traces = [trace];
		}
	}
	return traces ?? none;
};

const where = (trace: StatementTrace): string => `${trace.policy}, ${trace.label}`;

export type Facts = {
	readonly request: PreparedRequest;
	readonly crossAccount: boolean;
	readonly service: ServiceModel;
	readonly resourceName: string;
	/** KMS, same account: does the key policy let the account's IAM policies grant this action? */
	readonly keyPolicyDelegates: Tri;
	/** The read that settles the resource policy when it is unread (whether a key policy delegates, say). */
	readonly resourceResolveWith?: string | undefined;
};

/** An IAM allow for KMS in the key's account counts only where the key policy delegates to IAM. */
const needsIamCaveat = (state: LayerState, facts: Facts): boolean =>
	state.layer === 'identity' && facts.service === 'kms' && !facts.crossAccount && facts.keyPolicyDelegates !== 'yes';

const iamCaveat = (state: LayerState, facts: Facts): string =>
	needsIamCaveat(state, facts)
		? ` But it counts only where the key policy lets account ${facts.request.caller.account} use IAM policies for the key${facts.keyPolicyDelegates === 'no' ? ', and this key policy does not' : ''}.`
		: '';

/** A layer's verdict: its status and deciding statements at once, its sentence only when someone reads it. */
class LayerResult implements LayerVerdict {
	readonly layer: Layer;
	readonly status: LayerStatus;
	readonly deny: Tri;
	readonly allow: Tri;
	readonly decidedBy: readonly StatementTrace[];
	readonly policies: readonly PolicyVerdict[];
	readonly resolveWith?: string;
	readonly alternative?: boolean;
	#explain: (() => string) | undefined;
	#why: string | undefined;

	constructor(state: LayerState, status: LayerStatus, decidedBy: readonly StatementTrace[], explain: () => string, resolveWith?: string, alternative?: boolean) {
		if (alternative) this.alternative = true;
		this.layer = state.layer;
		this.status = status;
		this.deny = state.deny;
		this.allow = state.allow;
		this.decidedBy = decidedBy;
		this.policies = state.policies;
		this.resolveWith = resolveWith ?? state.unread?.resolveWith;
		this.#explain = explain;
	}

	get why(): string {
		if (this.#why === undefined) {
			this.#why = this.#explain!();
			this.#explain = undefined;
		}
		return this.#why;
	}

	toJSON(): LayerVerdict {
		const {layer, status, deny, allow, decidedBy, why, policies, resolveWith, alternative} = this;
		return {layer, status, deny, allow, decidedBy, why, policies, ...(resolveWith ? {resolveWith} : {}), ...(alternative ? {alternative} : {})};
	}
}

// Hot path: plain loops, no intermediate arrays.
const termOf = (path: Path, layer: Layer): Term | undefined => {
	const {terms} = path;
	for (let index = 0; index < terms.length; index++) if (terms[index]!.layer === layer) return terms[index];
	return undefined;
};

/**
 * `chosen` is the path that allows (or is closest to); `allowing` every path that allows. A layer in any
 * allowing path is `ok` (both the IAM policy and the bucket policy may grant); `not-needed` is for the rest.
 */
export const layerStatus = (state: LayerState, chosen: Path, allowing: readonly Path[], facts: Facts): LayerVerdict => {
	const {request} = facts;
	// Only the sentences use the layer's name: worked out when one is read.
	const nameOf = (): string => (state.layer === 'resource' ? facts.resourceName : layerNames[state.layer]);
	const verdict = (status: LayerStatus, decidedBy: readonly StatementTrace[], why: () => string, resolveWith?: string, alternative?: boolean): LayerVerdict =>
		new LayerResult(state, status, decidedBy, why, resolveWith, alternative);

	if (state.deny === 'yes') {
		const denying = tracesWith(state, 'Deny', 'yes');
		return verdict('denied', denying, () => `${where(denying[0]!)} denies ${request.action} explicitly; an explicit Deny overrides every Allow.`);
	}
	let term = termOf(chosen, state.layer);
	for (let index = 0; term === undefined && index < allowing.length; index++) term = termOf(allowing[index]!, state.layer);
	const isGuard = state.layer === 'scp' || state.layer === 'rcp';
	// Nothing allows and the fix goes elsewhere: this place shows what it holds, never "not needed".
	const alternative = term === undefined && allowing.length === 0 && !isGuard;
	// An unread layer matters if it may deny, if the chosen path needs it to allow, or if, nothing allowing, it might.
	if (state.unread && (state.deny !== 'no' || term || isGuard || alternative)) {
		const {reason} = state.unread;
		// Grants only ever allow: an unread list may allow, never deny.
		const may = state.layer === 'grant' ? 'allow' : 'allow or deny';
		return verdict('unknown', none, () => `The ${nameOf()} could not be read (${reason}), so it may ${may} ${request.action}.`, undefined, alternative && state.deny === 'no');
	}
	const maybeDenying = state.deny === 'unknown' ? tracesWith(state, 'Deny', 'unknown') : none;
	const value: Tri | undefined = isGuard ? state.allow : term?.value;
	const matchesOfTerm = term?.mode ? modeMatches(term.mode) : undefined;
	const allowTraces = (applies: Tri): readonly StatementTrace[] => tracesWith(state, 'Allow', applies, matchesOfTerm);

	// An IAM allow that exists but cannot count: its own status, whichever path was chosen (the twin rows agree).
	if (state.layer === 'identity' && state.allow === 'yes' && maybeDenying.length === 0 && !inAllowingPath(allowing, 'identity')) {
		const counts = identityCounts(facts, allowing);
		if (counts !== 'yes') {
			const iamAllows = tracesWith(state, 'Allow', 'yes');
			if (counts === 'no') return verdict('ineffective', iamAllows, () => ineffectiveWhy(iamAllows, facts, allowing));
			return verdict('unknown', iamAllows, () => `${where(iamAllows[0]!)} allows ${request.action}.${iamCaveat(state, facts)} Whether it does is not known.`, facts.resourceResolveWith);
		}
	}
	if (value === undefined) {
		if (maybeDenying.length > 0) return verdict('unknown', maybeDenying, () => `Not needed to allow, but ${where(maybeDenying[0]!)} may deny: ${maybeDenying[0]!.reason}.`);
		if (alternative) return alternativeVerdict(state, chosen, facts, verdict, tracesWith);
		return verdict('not-needed', none, () => notNeededWhy(state, chosen, facts));
	}
	if (value === 'yes') {
		if (maybeDenying.length > 0) return verdict('unknown', maybeDenying, () => `${where(maybeDenying[0]!)} may deny ${request.action}: ${maybeDenying[0]!.reason}.`);
		const allowing = allowTraces('yes');
		return verdict('ok', allowing, () => okWhy(state, allowing, term, facts) + iamCaveat(state, facts));
	}
	if (value === 'unknown' && term?.undocumented) {
		return verdict('unknown', none, () => anyoneWhy(state, nameOf(), chosen, facts));
	}
	if (value === 'unknown') {
		const undecided = allowTraces('unknown');
		const first = undecided[0];
		return verdict('unknown', undecided, () => (first ? `${where(first)} would allow ${request.action}, but ${first.reason}.` : `Whether the ${nameOf()} allows ${request.action} is not known.`));
	}
	const failing = allowTraces('no');
	return verdict('missing', failing, () => missingWhy(state, failing, term, facts));
};

const inAllowingPath = (allowing: readonly Path[], layer: Layer): boolean => allowing.some(path => termOf(path, layer) !== undefined);

/**
 * Whether an IAM allow that is on no allowing path could count: for KMS in the key's account, `no` where the key
 * policy does not delegate to the account, `unknown` where that is not known (and nothing else allows).
 * Across accounts an IAM allow is one of two halves that must both allow: it keeps `ok` (its half is there), as
 * an allow capped by a boundary does, so that a fix adding it alone is proven (see docs/library.md).
 */
const identityCounts = (facts: Facts, allowing: readonly Path[]): Tri => {
	if (facts.service !== 'kms' || facts.crossAccount) return 'yes';
	// Another path allows: the IAM allow is simply not needed, unless it cannot count at all.
	if (facts.keyPolicyDelegates === 'no') return 'no';
	return allowing.length > 0 || facts.keyPolicyDelegates === 'yes' ? 'yes' : 'unknown';
};

/** Which IAM statement allows, why it does not count, and what would make it count. */
const ineffectiveWhy = (iamAllows: readonly StatementTrace[], facts: Facts, allowing: readonly Path[]): string => {
	const {request} = facts;
	const source = iamAllows[0] ? where(iamAllows[0]) : 'An identity-based policy';
	const how = allowing[0] ? (pathDescriptions[allowing[0].name] ?? allowing[0].name).replace('the resource policy', `the ${facts.resourceName}`) : '';
	const elsewhere = how ? ` ${facts.request.action} is allowed another way (${how}), not by this statement.` : '';
	return (
		`${source} allows ${request.action}, but it does not count: an IAM policy grants access to a KMS key only where the key policy lets account ` +
		`${request.caller.account} use IAM policies for the key, and this key policy does not. It would count with a key policy statement allowing ` +
		`"Principal": {"AWS": "arn:aws:iam::${request.caller.account}:root"} ${request.action}; or the key policy can name ${describeCaller(request.caller)} itself.${elsewhere}`
	);
};

/** Why a boundary or session policy that does not allow leaves a grant to `"Principal": "*"` undecided. */
const anyoneWhy = (state: LayerState, name: string, chosen: Path, facts: Facts): string => {
	const grant = chosen.terms.find(term => term.layer === 'resource');
	const traces = grant ? tracesOf(grant.state, trace => trace.effect === 'Allow' && trace.principalMatch === 'anyone' && trace.applies !== 'no') : [];
	const source = traces[0] ? `${where(traces[0])} grants it to "*"` : `the ${facts.resourceName} grants it to "*"`;
	return (
		`The ${name} does not allow ${facts.request.action}, and ${source}. AWS documents that a ${name} limits what a resource-based policy ` +
		`grants to the role and not what it grants to the IAM user or the session itself, but not which applies to "Principal": "*", so whether that grant counts is not known.`
	);
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
	'resource-names-anyone': 'the resource policy allows everyone ("*")',
	grant: 'a KMS grant allows it',
	'key-policy-delegates-to-iam': 'the key policy delegates to IAM and an IAM policy allows it',
	identity: 'an identity-based policy allows it within the same account',
	'resource-and-identity': 'across accounts both the resource policy and the IAM policy must allow',
	'grant-and-identity': 'a KMS grant and the IAM policy allow it',
};

/** A place on no path the fix takes while nothing allows: what it holds, and where the fix goes instead. */
const alternativeVerdict = (
	state: LayerState,
	chosen: Path,
	facts: Facts,
	verdict: (status: LayerStatus, decidedBy: readonly StatementTrace[], why: () => string, resolveWith?: string, alternative?: boolean) => LayerVerdict,
	traces: typeof tracesWith,
): LayerVerdict => {
	const {action} = facts.request;
	const name = state.layer === 'resource' ? facts.resourceName : layerNames[state.layer];
	const elsewhere = `the fix goes where ${(pathDescriptions[chosen.name] ?? chosen.name).replace('the resource policy', `the ${facts.resourceName}`)}`;
	if (state.allow === 'yes') {
		const allows = traces(state, 'Allow', 'yes');
		// It allows on a path that fails elsewhere (a bucket policy naming only the account): it does not count here.
		return verdict('ineffective', allows, () => `${allows[0] ? where(allows[0]) : `The ${name}`} allows ${action}, but that does not count on its own; ${elsewhere}.`, undefined, true);
	}
	if (state.allow === 'unknown') {
		const undecided = traces(state, 'Allow', 'unknown');
		return verdict('unknown', undecided, () => `${undecided[0] ? `${where(undecided[0])} might allow ${action}: ${undecided[0].reason}` : `Whether the ${name} allows ${action} is not known`}; otherwise ${elsewhere}.`, undefined, true);
	}
	return verdict('missing', traces(state, 'Allow', 'no'), () => `No statement of the ${name} allows ${action}. It is another place that could grant it; ${elsewhere}.`, undefined, true);
};

const notNeededWhy = (state: LayerState, chosen: Path, facts: Facts): string => {
	const how = pathDescriptions[chosen.name] ?? chosen.name;
	const name = state.layer === 'resource' ? facts.resourceName : layerNames[state.layer];
	return pathValue(chosen) === 'yes' ? `Not needed: ${how}.` : `Not needed: the fix goes where ${how}; the ${name} would be an alternative place.`;
};

export const summarize = (decision: Evaluation['decision'], layers: readonly LayerVerdict[], request: PreparedRequest): string => {
	const subject = `${request.action} on ${request.resource}`;
	if (decision === 'allowed') return `${subject} is allowed.`;
	const denied = layers.find(layer => layer.status === 'denied');
	if (denied) return `${subject} is denied: ${denied.why}`;
	const missing = layers.filter(layer => layer.status === 'missing' && !layer.alternative);
	if (decision === 'denied' && missing.length > 0) return `${subject} is denied: ${missing.map(layer => layer.why).join(' ')}`;
	const unknown = layers.filter(layer => layer.status === 'unknown');
	return `${subject} cannot be decided: ${unknown.map(layer => layer.why).join(' ') || 'a needed value is not known.'}`;
};
