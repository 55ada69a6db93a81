import type {Layer, LayerStatus, LayerVerdict, PolicyVerdict, PrincipalMatch, StatementTrace} from './evaluation.js';
import {Verdict} from './evaluate-policy.js';
import type {LayerState} from './layers.js';
import {anyoneWhy, describePath, iamCaveat, ineffectiveWhy, layerNames, missingWhy, notNeededWhy, okWhy, where, type Facts} from './layer-words.js';
import {isUndocumented, modeMatches, termValue, type Path, type Term} from './paths.js';
import type {Tri} from './tri.js';

export {summarize, type Facts} from './layer-words.js';

/** Each layer's status (ok, missing, denied, unknown, ineffective, not needed), the statements that decided it, and why in words. */

/**
 * A layer decided by no statement gets an empty list of its own: a shared frozen one has another hidden class, and a
 * caller's `for…of` over `decidedBy` that meets both allocates an iterator result per step.
 */
const noTraces = (): StatementTrace[] => [];

// Hot path (every layer of every evaluation): a plain loop, no filter function; a policy's verdict builds only the traces that match.
const tracesWith = (state: LayerState, effect: 'Allow' | 'Deny', applies: Tri, matches?: readonly PrincipalMatch[]): readonly StatementTrace[] => {
	let traces: StatementTrace[] | undefined;
	const {policies} = state;
	const deny = effect === 'Deny';
	for (let outer = 0; outer < policies.length; outer++) {
		const policy = policies[outer]!;
		if (policy instanceof Verdict) {
			traces = policy.collect(deny, applies, matches, traces);
			continue;
		}
		const {relevant} = policy;
		for (let inner = 0; inner < relevant.length; inner++) {
			const trace = relevant[inner]!;
			if (trace.applies !== applies || trace.effect !== effect) continue;
			if (matches && !matches.includes(trace.principalMatch as PrincipalMatch)) continue;
			if (traces) traces.push(trace);
			else traces = [trace];
		}
	}
	return traces ?? noTraces();
};

/** Which sentence a layer's verdict says: chosen when the status is, put into words only when read. */
type Why =
	| 'denied'
	| 'unread'
	| 'unread-may-deny'
	| 'ineffective'
	| 'identity-unknown'
	| 'may-deny-not-needed'
	| 'not-needed'
	| 'may-deny'
	| 'ok'
	| 'anyone'
	| 'undecided'
	| 'missing'
	| 'alternative-ineffective'
	| 'alternative-unknown'
	| 'alternative-missing';

/**
 * A layer's verdict: its status and deciding statements at once, its sentence only when someone reads it. What the
 * sentence needs is kept as data (no closure per layer per evaluation): which sentence, the layer's term on the paths
 * and the evaluation's facts (the request, the chosen and allowing paths); the statements it names are `decidedBy`.
 */
class LayerResult implements LayerVerdict {
	readonly status: LayerStatus;
	readonly decidedBy: readonly StatementTrace[];
	readonly #state: LayerState;
	readonly #kind: Why;
	readonly #term: Term | undefined;
	readonly #facts: Facts;
	readonly #resolveWith: string | undefined;
	readonly #alternative: boolean;
	#why: string | undefined;

	// Positional: one is built for every shown layer of every evaluation. What the layer's state already holds is read
	// from it, not copied: fewer fields to fill on every evaluation.
	constructor(state: LayerState, status: LayerStatus, decidedBy: readonly StatementTrace[], kind: Why, term: Term | undefined, facts: Facts, resolveWith: string | undefined, alternative: boolean) {
		this.status = status;
		this.decidedBy = decidedBy;
		this.#state = state;
		this.#kind = kind;
		this.#term = term;
		this.#facts = facts;
		this.#resolveWith = resolveWith;
		this.#alternative = alternative;
	}

	get layer(): Layer {
		return this.#state.layer;
	}

	get deny(): Tri {
		return this.#state.deny;
	}

	get allow(): Tri {
		return this.#state.allow;
	}

	get policies(): readonly PolicyVerdict[] {
		return this.#state.policies;
	}

	get resolveWith(): string | undefined {
		return this.#resolveWith ?? this.#state.unread?.resolveWith;
	}

	/** `true` when nothing allows and the fix goes elsewhere; otherwise not there, as it always was. */
	get alternative(): true | undefined {
		return this.#alternative ? true : undefined;
	}

	get why(): string {
		return (this.#why ??= this.#explain());
	}

	#explain(): string {
		const state = this.#state;
		const facts = this.#facts;
		const {chosen} = facts;
		const term = this.#term;
		const traces = this.decidedBy;
		const {action} = facts.request;
		const name = state.layer === 'resource' ? facts.resourceName : layerNames[state.layer];
		const elsewhere = (): string => `the fix goes where ${describePath(chosen, facts)}`;
		switch (this.#kind) {
			case 'denied':
				return `${where(traces[0]!)} denies ${action} explicitly; an explicit Deny overrides every Allow.`;
			case 'unread':
				return this.#unreadWhy(name);
			case 'unread-may-deny':
				return `${this.#unreadWhy(name)} And ${where(traces[0]!)} may deny it: ${traces[0]!.reason}.`;
			case 'ineffective':
				return ineffectiveWhy(traces, facts, facts.allowing);
			case 'identity-unknown':
				return `${where(traces[0]!)} allows ${action}.${iamCaveat(state, facts)} Whether it does is not known.`;
			case 'may-deny-not-needed':
				return `Not needed to allow, but ${where(traces[0]!)} may deny: ${traces[0]!.reason}.`;
			case 'not-needed':
				return notNeededWhy(chosen);
			case 'may-deny':
				return `${where(traces[0]!)} may deny ${action}: ${traces[0]!.reason}.`;
			case 'ok':
				return okWhy(state, traces, term, facts) + iamCaveat(state, facts);
			case 'anyone':
				return anyoneWhy(state, name, chosen, facts);
			case 'undecided': {
				const first = traces[0];
				return first ? `${where(first)} would allow ${action}, but ${first.reason}.` : `Whether the ${name} allows ${action} is not known.`;
			}
			case 'missing':
				return missingWhy(state, traces, term, facts);
			case 'alternative-ineffective':
				// It allows on a path that fails elsewhere (a bucket policy naming only the account): it does not count here.
				return `${traces[0] ? where(traces[0]) : `The ${name}`} allows ${action}, but that does not count on its own; ${elsewhere()}.`;
			case 'alternative-unknown':
				return `${traces[0] ? `${where(traces[0])} might allow ${action}: ${traces[0].reason}` : `Whether the ${name} allows ${action} is not known`}; otherwise ${elsewhere()}.`;
			case 'alternative-missing':
				// An IAM Allow of a KMS key counts only where its key policy delegates: without that, this is no place to grant it alone.
				return state.layer === 'identity' && facts.service === 'kms' && !facts.crossAccount && facts.keyPolicyDelegates === 'no'
					? `No statement of the ${name} allows ${action}, and one would not count on its own: this key policy does not let account ${facts.request.caller.account} use IAM policies for the key; ${elsewhere()}.`
					: `No statement of the ${name} allows ${action}. It is another place that could grant it; ${elsewhere()}.`;
		}
	}

	#unreadWhy(name: string): string {
		const state = this.#state;
		// Grants only ever allow: an unread list may allow, never deny.
		return state.unread!.why ?? `The ${name} could not be read (${state.unread!.reason}), so it may ${state.layer === 'grant' ? 'allow' : 'allow or deny'} ${this.#facts.request.action}.`;
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
export const layerStatus = (state: LayerState, facts: Facts): LayerVerdict => {
	const {chosen, allowing} = facts;
	if (state.deny === 'yes') return new LayerResult(state, 'denied', tracesWith(state, 'Deny', 'yes'), 'denied', undefined, facts, undefined, false);
	let term = termOf(chosen, state.layer);
	for (let index = 0; term === undefined && index < allowing.length; index++) term = termOf(allowing[index]!, state.layer);
	const isGuard = state.layer === 'scp' || state.layer === 'rcp';
	// Nothing allows and the fix goes elsewhere: this place shows what it holds, never "not needed".
	const alternative = term === undefined && allowing.length === 0 && !isGuard;
	const maybeDenying = state.deny === 'unknown' ? tracesWith(state, 'Deny', 'unknown') : noTraces();
	// An unread layer matters if it may deny, if the chosen path needs it to allow, or if, nothing allowing, it might.
	if (state.unread && (state.deny !== 'no' || term || isGuard || alternative)) {
		// A Deny read beside the unread policy that may apply settles nothing less: it is named, with what it hangs on.
		if (maybeDenying.length > 0) return new LayerResult(state, 'unknown', maybeDenying, 'unread-may-deny', term, facts, undefined, false);
		return new LayerResult(state, 'unknown', noTraces(), 'unread', term, facts, undefined, alternative && state.deny === 'no');
	}
	const value: Tri | undefined = isGuard ? state.allow : term === undefined ? undefined : termValue(term, facts.states);
	const matchesOfTerm = term?.mode ? modeMatches(term.mode) : undefined;

	// An IAM allow that exists but cannot count: its own status, whichever path was chosen (the twin rows agree).
	if (state.layer === 'identity' && state.allow === 'yes' && maybeDenying.length === 0 && !inAllowingPath(allowing, 'identity')) {
		const counts = identityCounts(facts, allowing);
		if (counts !== 'yes') {
			const iamAllows = tracesWith(state, 'Allow', 'yes');
			if (counts === 'no') return new LayerResult(state, 'ineffective', iamAllows, 'ineffective', term, facts, undefined, false);
			return new LayerResult(state, 'unknown', iamAllows, 'identity-unknown', term, facts, facts.resourceResolveWith, false);
		}
	}
	if (value === undefined) {
		if (maybeDenying.length > 0) return new LayerResult(state, 'unknown', maybeDenying, 'may-deny-not-needed', term, facts, undefined, false);
		if (alternative) return alternativeVerdict(state, facts);
		return new LayerResult(state, 'not-needed', noTraces(), 'not-needed', term, facts, undefined, false);
	}
	if (value === 'yes') {
		if (maybeDenying.length > 0) return new LayerResult(state, 'unknown', maybeDenying, 'may-deny', term, facts, undefined, false);
		return new LayerResult(state, 'ok', tracesWith(state, 'Allow', 'yes', matchesOfTerm), 'ok', term, facts, undefined, false);
	}
	if (value === 'unknown' && term !== undefined && isUndocumented(term, facts.states)) return new LayerResult(state, 'unknown', noTraces(), 'anyone', term, facts, undefined, false);
	if (value === 'unknown') return new LayerResult(state, 'unknown', tracesWith(state, 'Allow', 'unknown', matchesOfTerm), 'undecided', term, facts, undefined, false);
	return new LayerResult(state, 'missing', tracesWith(state, 'Allow', 'no', matchesOfTerm), 'missing', term, facts, undefined, false);
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
const alternativeVerdict = (state: LayerState, facts: Facts): LayerVerdict => {
	if (state.allow === 'yes') return new LayerResult(state, 'ineffective', tracesWith(state, 'Allow', 'yes'), 'alternative-ineffective', undefined, facts, undefined, true);
	if (state.allow === 'unknown') return new LayerResult(state, 'unknown', tracesWith(state, 'Allow', 'unknown'), 'alternative-unknown', undefined, facts, undefined, true);
	return new LayerResult(state, 'missing', tracesWith(state, 'Allow', 'no'), 'alternative-missing', undefined, facts, undefined, true);
};
