import {compiledStatement, compilePolicy, coversAction, labelOf, requestIndependent, sliceOf, type ActionSlice, type CompiledStatement} from './compile-policy.js';
import {clauseResult} from './conditions/evaluate-condition.js';
import type {PolicyVerdict, PrincipalMatch, StatementTrace, UnreadPolicy} from './evaluation.js';
import type {Policy, Statement} from './policy.js';
import {boundaryOverridesNotPrincipal, contextOf, coversResource, principalOf, type PreparedRequest} from './statement-match.js';
import {Trace} from './statement-trace.js';
import {triBoth, triEither, type Tri} from './tri.js';

export type {PreparedRequest} from './statement-match.js';

/** The context keys (of conditions, or policy variables in Resource) that leave an `unknown` statement undecided. */
const unknownKeysOf = (compiled: CompiledStatement, request: PreparedRequest, resourceMatched: Tri): readonly string[] | undefined => {
	const keys: string[] = [];
	if (resourceMatched === 'unknown') coversResource(compiled, request, keys);
	const context = contextOf(request);
	for (const clause of compiled.conditions) {
		const own: string[] = [];
		if (clauseResult(clause, context, own) === 'unknown') for (const key of own) if (!keys.includes(key)) keys.push(key);
	}
	return keys.length > 0 ? keys : undefined;
};

/**
 * How a statement that covers the action bears on the request; `undefined` when its principal or resource does
 * not. The hot path of evaluation: conditions stop at the first that fails, and nothing is put into words.
 */
const traceStatement = (compiled: CompiledStatement, policyName: string, request: PreparedRequest, hasPrincipals: boolean): Trace | undefined => {
	let principalMatch: PrincipalMatch | undefined;
	let boundaryRule: Tri = 'no';
	if (hasPrincipals && request.caller.kind === 'unknown' && compiled.principal?.any !== true) {
		// Whom the statement names is known, who calls is not: it may apply, as weakly as naming the account.
		principalMatch = 'account';
		boundaryRule = 'unknown';
	} else if (hasPrincipals) {
		const match = principalOf(compiled, request.caller);
		if (match === 'none') {
			boundaryRule = boundaryOverridesNotPrincipal(compiled, request);
			if (boundaryRule === 'no') return undefined;
			principalMatch = 'anyone';
		} else principalMatch = match;
	}
	const resourceMatched = coversResource(compiled, request);
	if (resourceMatched === 'no') return undefined;
	let applies: Tri = boundaryRule === 'unknown' ? triBoth(resourceMatched, 'unknown') : resourceMatched;
	const {conditions} = compiled;
	if (conditions.length > 0) {
		const context = contextOf(request);
		for (let index = 0; index < conditions.length && applies !== 'no'; index++) applies = triBoth(applies, clauseResult(conditions[index]!, context));
	}
	const unknownKeys = applies === 'unknown' ? unknownKeysOf(compiled, request, resourceMatched) : undefined;
	return new Trace(compiled, policyName, request, applies, resourceMatched, principalMatch, boundaryRule, unknownKeys);
};

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
	return coversAction(compiled, request.action) ? traceStatement(compiled, policyName, request, hasPrincipals) : undefined;
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

/** What one policy says; its near misses are put into words only when someone reads them. */
class Verdict implements PolicyVerdict {
	readonly policy: string;
	readonly unread?: UnreadPolicy;
	readonly deny: Tri;
	readonly allow: Tri;
	readonly relevant: readonly StatementTrace[];
	/** For the layers: `allowByPrincipal` without building the record. */
	readonly allows: PrincipalAllows | undefined;
	readonly #request: PreparedRequest;
	readonly #hasPrincipals: boolean;
	/** Allow statements for other actions: the near misses, if nothing allows. */
	readonly #otherAllows: readonly CompiledStatement[];
	#nearMisses: readonly string[] | undefined;
	#allowByPrincipal: Readonly<Partial<Record<PrincipalMatch, Tri>>> | undefined;

	// Positional: one is built for every policy of every evaluation.
	constructor(
		policy: string,
		deny: Tri,
		allow: Tri,
		relevant: readonly StatementTrace[],
		allows: PrincipalAllows | undefined,
		request: PreparedRequest,
		hasPrincipals: boolean,
		otherAllows: readonly CompiledStatement[],
	) {
		this.policy = policy;
		this.unread = undefined;
		this.deny = deny;
		this.allow = allow;
		this.relevant = relevant;
		this.allows = allows;
		this.#request = request;
		this.#hasPrincipals = hasPrincipals;
		this.#otherAllows = allow === 'yes' ? none : otherAllows;
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
		return this.allows && (this.#allowByPrincipal ??= this.allows.toRecord());
	}

	toJSON(): PolicyVerdict {
		const {policy, deny, allow, relevant, nearMisses, allowByPrincipal} = this;
		return {policy, deny, allow, relevant, nearMisses, ...(allowByPrincipal ? {allowByPrincipal} : {})};
	}
}

/** A policy's verdict, with what the layers read of it. */
export type EvaluatedPolicy = PolicyVerdict & {readonly allows: PrincipalAllows | undefined};

/** What one policy says about the request: does a Deny apply, does an Allow apply, and which statements. */
export const evaluatePolicy = (policy: Policy, request: PreparedRequest, hasPrincipals: boolean): EvaluatedPolicy => {
	const slice = sliceOf(compilePolicy(policy), request.action, request.actionId);
	const fixed = hasPrincipals ? slice.fixedPrincipalVerdict : slice.fixedVerdict;
	if (fixed) return fixed as EvaluatedPolicy;
	const verdict = evaluateSlice(policy, slice, request, hasPrincipals);
	if (fixed === undefined) {
		// Whether the verdict on this action is the same for every request: then it is kept (nothing in it is request-specific).
		const same = slice.covering.every(compiled => requestIndependent(compiled, hasPrincipals)) && (verdict.allow === 'yes' || slice.otherAllows.length === 0);
		if (hasPrincipals) slice.fixedPrincipalVerdict = same ? verdict : null;
		else slice.fixedVerdict = same ? verdict : null;
	}
	return verdict;
};

const evaluateSlice = (policy: Policy, {covering, otherAllows}: ActionSlice, request: PreparedRequest, hasPrincipals: boolean): EvaluatedPolicy => {
	let relevant: Trace[] | undefined;
	let deny: Tri = 'no';
	let allow: Tri = 'no';
	const allows = hasPrincipals ? new PrincipalAllows() : undefined;
	for (let index = 0; index < covering.length; index++) {
		const compiled = covering[index]!;
		const trace = traceStatement(compiled, policy.name, request, hasPrincipals);
		if (!trace) continue;
		if (relevant) relevant.push(trace);
		else relevant = [trace];
		if (compiled.deny) {
			deny = triEither(deny, trace.applies);
			continue;
		}
		allow = triEither(allow, trace.applies);
		allows?.add(trace.principalMatch as PrincipalMatch, trace.applies);
	}
	return new Verdict(policy.name, deny, allow, relevant ?? none, allows, request, hasPrincipals, otherAllows);
};
