import type {Layer, LayerStatus, LayerVerdict, PolicyVerdict, PrincipalMatch, StatementTrace} from './evaluation.js';
import type {LayerState} from './layers.js';
import {anyoneWhy, describePath, iamCaveat, ineffectiveWhy, layerNames, missingWhy, notNeededWhy, okWhy, where, type Facts} from './layer-words.js';
import {modeMatches, type Path, type Term} from './paths.js';
import type {Tri} from './tri.js';

export {summarize, type Facts} from './layer-words.js';

/** Each layer's status (ok, missing, denied, unknown, ineffective, not needed), the statements that decided it, and why in words. */

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
		return verdict('not-needed', none, () => notNeededWhy(chosen));
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
	const elsewhere = `the fix goes where ${describePath(chosen, facts)}`;
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
