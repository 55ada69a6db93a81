import {compiledStatement, compilePolicy, coversAction, labelOf, requestIndependent, sliceOf, type ActionSlice, type CompiledStatement} from './compile-policy.js';
import {clauseResult} from './conditions/evaluate-condition.js';
import type {ContextEntry, ContextLookup} from './context.js';
import type {PolicyVerdict, PrincipalMatch, StatementTrace, UnreadPolicy} from './evaluation.js';
import type {Policy, Statement} from './policy.js';
import {boundaryOverridesNotPrincipal, contextOf, coversResource, notPrincipalDoubt, principalOf, type PreparedRequest} from './statement-match.js';
import {Trace} from './statement-trace.js';
import {appliesOf, matchCodeOf, positionShift, principalMatchOf, triCode, type NotPrincipalDoubt} from './match-code.js';
import {triBoth, triEither, type Tri} from './tri.js';

export type {PreparedRequest} from './statement-match.js';

/**
 * How a statement that covers the action bears on the request, as a code (`match-code.ts`); -1 when its principal or
 * resource does not. The hot path of evaluation: conditions stop at the first that fails, and nothing is built.
 */
const matchStatement = (compiled: CompiledStatement, request: PreparedRequest, hasPrincipals: boolean): number => {
	let principalMatch: PrincipalMatch | undefined;
	let boundaryRule: Tri = 'no';
	let doubt: NotPrincipalDoubt = 'none';
	if (hasPrincipals && request.caller.kind === 'unknown' && compiled.principal?.any !== true) {
		// Whom the statement names is known, who calls is not: it may apply, as weakly as naming the account.
		principalMatch = 'account';
		boundaryRule = 'unknown';
	} else if (hasPrincipals) {
		const match = principalOf(compiled, request.caller);
		if (match === 'none') {
			boundaryRule = boundaryOverridesNotPrincipal(compiled, request);
			if (boundaryRule === 'no') return -1;
			principalMatch = 'anyone';
		} else {
			principalMatch = match;
			// A boundary makes a Deny with NotPrincipal apply whatever it lists: then nothing is left undecided.
			if (compiled.notPrincipal !== undefined && (!compiled.deny || request.boundary !== 'yes')) doubt = notPrincipalDoubt(compiled, request.caller);
		}
	}
	const resourceMatched = coversResource(compiled, request);
	if (resourceMatched === 'no') return -1;
	let applies: Tri = boundaryRule === 'unknown' || doubt !== 'none' ? triBoth(resourceMatched, 'unknown') : resourceMatched;
	const {conditions} = compiled;
	if (conditions.length > 0) {
		const context = contextOf(request);
		for (let index = 0; index < conditions.length && applies !== 'no'; index++) applies = triBoth(applies, clauseResult(conditions[index]!, context));
	}
	return matchCodeOf(applies, resourceMatched, principalMatch, boundaryRule, doubt);
};

/** The trace of a statement that matched with `code`: built only when someone reads it. */
const traceOf = (compiled: CompiledStatement, policyName: string, owner: Policy | undefined, request: PreparedRequest, code: number): Trace =>
	new Trace(compiled, policyName, owner, request, code);

/**
 * How one statement bears on the request. `undefined` when its action, principal or resource does not
 * cover the request at all.
 */
export const evaluateStatement = (
	statement: Statement,
	policyName: string,
	request: PreparedRequest,
	hasPrincipals: boolean,
	variables = true,
): StatementTrace | undefined => {
	const compiled = compiledStatement(statement, variables);
	if (!coversAction(compiled, request.action)) return undefined;
	const code = matchStatement(compiled, request, hasPrincipals);
	return code < 0 ? undefined : traceOf(compiled, policyName, undefined, request, code);
};

const none: readonly never[] = Object.freeze([]);

/** Whether an Allow applies, by how its Principal named the caller: one field each, so every instance shares a shape. */
export class PrincipalAllows {
	exact: Tri | undefined = undefined;
	role: Tri | undefined = undefined;
	service: Tri | undefined = undefined;
	anyone: Tri | undefined = undefined;
	account: Tri | undefined = undefined;

	add(match: PrincipalMatch, applies: Tri): void {
		switch (match) {
			case 'exact':
				this.exact = triEither(this.exact ?? 'no', applies);
				break;
			case 'role':
				this.role = triEither(this.role ?? 'no', applies);
				break;
			case 'service':
				this.service = triEither(this.service ?? 'no', applies);
				break;
			case 'anyone':
				this.anyone = triEither(this.anyone ?? 'no', applies);
				break;
			case 'account':
				this.account = triEither(this.account ?? 'no', applies);
				break;
		}
	}

	/** Only the ways some Allow named the caller, as the library has always reported them. */
	toRecord(): Partial<Record<PrincipalMatch, Tri>> {
		const record: Partial<Record<PrincipalMatch, Tri>> = {};
		for (const match of ['exact', 'role', 'service', 'anyone', 'account'] as const) if (this[match] !== undefined) record[match] = this[match];
		return record;
	}
}

/**
 * What one policy says. The statements that bear on the request are kept as codes (see `matchStatement`) beside the
 * statements covering the action; their traces are built when someone reads them (`relevant`, or a layer's deciding
 * statements), once each, and its near misses are put into words only when someone reads them.
 */
export class Verdict implements PolicyVerdict {
	readonly policy: string;
	readonly deny: Tri;
	readonly allow: Tri;
	/** For the layers: `allowByPrincipal` without building the record. */
	readonly allows: PrincipalAllows | undefined;
	/** The policy read: its statements are what the traces show (its compiled form may be shared with equal policies). */
	readonly #owner: Policy | undefined;
	readonly #request: PreparedRequest;
	readonly #hasPrincipals: boolean;
	readonly #covering: readonly CompiledStatement[];
	/** One code per relevant statement, in order. */
	readonly #codes: readonly number[];
	/** Allow statements for other actions: the near misses, if nothing allows. */
	readonly #otherAllows: readonly CompiledStatement[];
	/** Traces built so far, by position among the relevant statements; all of them once `relevant` was read. */
	#traces: (Trace | undefined)[] | undefined;
	#nearMisses: readonly string[] | undefined;

	// Positional: one is built for every policy of every evaluation.
	constructor(
		policy: string,
		deny: Tri,
		allow: Tri,
		covering: readonly CompiledStatement[],
		codes: readonly number[],
		allows: PrincipalAllows | undefined,
		owner: Policy | undefined,
		request: PreparedRequest,
		hasPrincipals: boolean,
		otherAllows: readonly CompiledStatement[],
	) {
		this.policy = policy;
		this.deny = deny;
		this.allow = allow;
		this.allows = allows;
		this.#owner = owner;
		this.#request = request;
		this.#hasPrincipals = hasPrincipals;
		this.#covering = covering;
		this.#codes = codes;
		this.#otherAllows = allow === 'yes' ? none : otherAllows;
	}

	/** A verdict is of a policy that was read (an unread one is a plain `PolicyVerdict`). */
	get unread(): UnreadPolicy | undefined {
		return undefined;
	}

	/** Statements whose action, resource and principal matched (whatever their conditions said). */
	get relevant(): readonly StatementTrace[] {
		const codes = this.#codes;
		if (codes.length === 0) return none;
		for (let index = 0; index < codes.length; index++) this.#traceAt(index);
		return this.#traces as readonly StatementTrace[];
	}

	#traceAt(index: number): Trace {
		const traces = (this.#traces ??= new Array<Trace | undefined>(this.#codes.length));
		let trace = traces[index];
		if (trace === undefined) {
			const code = this.#codes[index]!;
			traces[index] = trace = traceOf(this.#covering[code >> positionShift]!, this.policy, this.#owner, this.#request, code);
		}
		return trace;
	}

	/**
	 * Add to `traces` the relevant statements of one effect whose `applies` is `applies` (and, when `matches` is given,
	 * whose Principal named the caller one of those ways); returns the list, made when the first is found.
	 */
	collect(deny: boolean, applies: Tri, matches: readonly PrincipalMatch[] | undefined, traces: StatementTrace[] | undefined): StatementTrace[] | undefined {
		const codes = this.#codes;
		const covering = this.#covering;
		const wanted = triCode(applies);
		for (let index = 0; index < codes.length; index++) {
			const code = codes[index]!;
			if ((code & 3) !== wanted || covering[code >> positionShift]!.deny !== deny) continue;
			if (matches && !matches.includes(principalMatchOf(code) as PrincipalMatch)) continue;
			const trace = this.#traceAt(index);
			if (traces) traces.push(trace);
			else traces = [trace];
		}
		return traces;
	}

	/** Whether a relevant Allow statement did not apply (it matched all but its conditions), naming the caller one of `matches`' ways. */
	hasFailingAllow(matches: readonly PrincipalMatch[] | undefined): boolean {
		const codes = this.#codes;
		for (let index = 0; index < codes.length; index++) {
			const code = codes[index]!;
			if ((code & 3) !== 0 || this.#covering[code >> positionShift]!.deny) continue;
			if (!matches || matches.includes(principalMatchOf(code) as PrincipalMatch)) return true;
		}
		return false;
	}

	/** The same verdict without the request's context: kept with a compiled policy for every request alike. */
	detached(): Verdict {
		const request = this.#request;
		const detached: PreparedRequest = {caller: request.caller, action: request.action, resource: request.resource, lookup: absentLookup};
		return new Verdict(this.policy, this.deny, this.allow, this.#covering, this.#codes, this.allows, this.#owner, detached, this.#hasPrincipals, this.#otherAllows);
	}

	/** This verdict, kept for every request alike, as the verdict on `owner` (a policy equal to the one it was made for). */
	ownedBy(owner: Policy): Verdict {
		if (this.#owner === owner) return this;
		return new Verdict(this.policy, this.deny, this.allow, this.#covering, this.#codes, this.allows, owner, this.#request, this.#hasPrincipals, this.#otherAllows);
	}

	/** Allow statements (not covering the action) that name the caller, or in identity policies cover the resource. */
	get nearMisses(): readonly string[] {
		return (this.#nearMisses ??= this.#otherAllows
			.filter(compiled => (this.#hasPrincipals ? principalOf(compiled, this.#request.caller) !== 'none' : coversResource(compiled, this.#request) !== 'no'))
			.map(compiled => {
				const {statement} = compiled;
				const label = labelOf(compiled);
				const actions = statement.action ? statement.action.join(', ') : `everything except ${(statement.notAction ?? []).join(', ')}`;
				return `${this.policy}, ${label} allows ${actions} but not ${this.#request.action}`;
			}));
	}

	get allowByPrincipal(): Readonly<Partial<Record<PrincipalMatch, Tri>>> | undefined {
		return this.allows?.toRecord();
	}

	toJSON(): PolicyVerdict {
		const {policy, deny, allow, relevant, nearMisses, allowByPrincipal} = this;
		return {policy, deny, allow, relevant, nearMisses, ...(allowByPrincipal ? {allowByPrincipal} : {})};
	}
}

const absentEntry: ContextEntry = {state: 'absent'};
/** A fixed verdict's statements have no condition and no policy variable: nothing reads the context. */
const absentLookup: ContextLookup = () => absentEntry;

/** A policy's verdict, with what the layers read of it. */
export type EvaluatedPolicy = Verdict;

/** What one policy says about the request: does a Deny apply, does an Allow apply, and which statements. */
export const evaluatePolicy = (policy: Policy, request: PreparedRequest, hasPrincipals: boolean): EvaluatedPolicy =>
	evaluateActionSlice(sliceOf(compilePolicy(policy), request.action, request.actionId), policy, request, hasPrincipals);

/** `evaluatePolicy` from the statements of the policy that cover the request's action (its slice). */
export const evaluateActionSlice = (slice: ActionSlice, owner: Policy, request: PreparedRequest, hasPrincipals: boolean): EvaluatedPolicy => {
	const fixed = (hasPrincipals ? slice.fixedPrincipalVerdict : slice.fixedVerdict) as Verdict | null | undefined;
	if (fixed) return fixed.ownedBy(owner);
	const verdict = evaluateSlice(slice, owner, request, hasPrincipals);
	if (fixed === undefined) {
		// Whether the verdict on this action is the same for every request: then it is kept, without the request.
		const same = slice.covering.every(compiled => requestIndependent(compiled, hasPrincipals)) && (verdict.allow === 'yes' || slice.otherAllows.length === 0);
		const kept = same ? verdict.detached() : null;
		if (hasPrincipals) slice.fixedPrincipalVerdict = kept;
		else slice.fixedVerdict = kept;
		if (kept) return kept;
	}
	return verdict;
};

/** A resource-based policy none of whose Allow statements named the caller: one for all (never added to, not frozen: one object shape). */
const noAllows = new PrincipalAllows();

/** Where a policy's codes are gathered before they are copied into a list of their exact length. */
const scratch: number[] = [];

const evaluateSlice = ({policyName, covering, otherAllows}: ActionSlice, owner: Policy, request: PreparedRequest, hasPrincipals: boolean): Verdict => {
	let count = 0;
	let deny: Tri = 'no';
	let allow: Tri = 'no';
	let allows = hasPrincipals ? noAllows : undefined;
	for (let index = 0; index < covering.length; index++) {
		const compiled = covering[index]!;
		const code = matchStatement(compiled, request, hasPrincipals);
		if (code < 0) continue;
		scratch[count++] = (index << positionShift) | code;
		const applies = appliesOf(code);
		if (compiled.deny) {
			deny = triEither(deny, applies);
			continue;
		}
		allow = triEither(allow, applies);
		if (allows === noAllows) allows = new PrincipalAllows();
		allows?.add(principalMatchOf(code) as PrincipalMatch, applies);
	}
	return new Verdict(policyName, deny, allow, covering, count === 0 ? none : scratch.slice(0, count), allows, owner, request, hasPrincipals, otherAllows);
};
