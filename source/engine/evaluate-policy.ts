import {arnGlobMatcher, arnGlobMatches, resourcePartStart} from './arn.js';
import {evaluateCondition} from './conditions/evaluate-condition.js';
import type {ConditionTrace} from './conditions/trace.js';
import type {ContextLookup} from './context.js';
import type {PolicyVerdict, PrincipalMatch, StatementTrace} from './evaluation.js';
import {anyGlobRegExp, globOf, joinGlobs, type Glob} from './glob.js';
import {statementLabel, type Policy, type Statement} from './policy.js';
import {matchPrincipal, notPrincipalExcludes, type Caller} from './principal.js';
import {triBoth, triEither, triNot, type Tri} from './tri.js';
import {hasVariables, substituteGlob, variablesVersion} from './variables.js';

type Mutable<T> = {-readonly [K in keyof T]: T[K]};

/** A request ready for matching: the caller parsed once, the context behind a case-insensitive lookup. */
export type PreparedRequest = {
	readonly caller: Caller;
	readonly action: string;
	readonly resource: string;
	readonly lookup: ContextLookup;
	/** Does the caller have a permissions boundary? It decides a Deny with NotPrincipal (absent: no). */
	readonly boundary?: Tri;
};

/**
 * What the evaluation of a statement needs from its text, compiled once (policies are evaluated again
 * and again): its Action or NotAction as one case-insensitive regular expression, and a matcher for
 * each Resource or NotResource entry that holds no policy variable.
 */
type CompiledStatement = {
	readonly statement: Statement;
	readonly label: string;
	readonly actions: RegExp;
	readonly resources: readonly {readonly pattern: string; readonly matches?: (resource: string) => boolean}[];
};

const compileStatement = (statement: Statement, variables: boolean): CompiledStatement => ({
	statement,
	label: statementLabel(statement),
	actions: anyGlobRegExp((statement.action ?? statement.notAction ?? []).map(globOf), {ignoreCase: true}),
	resources: (statement.resource ?? statement.notResource ?? []).map(pattern =>
		variables && hasVariables(pattern) ? {pattern} : {pattern, matches: arnGlobMatcher(globOf(pattern))},
	),
});

type CompiledPolicy = {readonly variables: boolean; readonly statements: readonly CompiledStatement[]};

// Keyed by the parsed policy (and statement), which are immutable: one lookup per policy per evaluation.
const compiledPolicies = new WeakMap<Policy, CompiledPolicy>();
const compiledStatements = new WeakMap<Statement, CompiledStatement & {readonly variables: boolean}>();

const compilePolicy = (policy: Policy): CompiledPolicy => {
	const cached = compiledPolicies.get(policy);
	if (cached) return cached;
	const variables = policy.version === variablesVersion;
	const fresh = {variables, statements: policy.statements.map(statement => compileStatement(statement, variables))};
	compiledPolicies.set(policy, fresh);
	return fresh;
};

const compiledAlone = (statement: Statement, variables: boolean): CompiledStatement => {
	const cached = compiledStatements.get(statement);
	if (cached && cached.variables === variables) return cached;
	const fresh = {...compileStatement(statement, variables), variables};
	compiledStatements.set(statement, fresh);
	return fresh;
};

const coversAction = (compiled: CompiledStatement, action: string): boolean =>
	compiled.actions.test(action) === (compiled.statement.action !== undefined);

/**
 * Does one Resource entry cover the request's resource? IAM replaces policy variables only in the
 * resource part of an ARN (after the fifth colon) and only in policies of Version 2012-10-17;
 * anywhere else `${…}` is plain text. A variable whose key is not known is added to `unknownKeys`.
 */
const resourcePatternMatches = (pattern: string, request: PreparedRequest, unknownKeys: string[]): Tri => {
	const start = Math.max(resourcePartStart(pattern), 0);
	const substituted = substituteGlob(pattern.slice(start), request.lookup);
	if (!substituted.ok) {
		if ('absentKey' in substituted) return 'no';
		unknownKeys.push(substituted.unknownKey);
		return 'unknown';
	}
	const glob: Glob = joinGlobs([globOf(pattern.slice(0, start)), substituted.value]);
	return arnGlobMatches(glob, request.resource) ? 'yes' : 'no';
};

const coversResource = (compiled: CompiledStatement, request: PreparedRequest, unknownKeys: string[] = []): Tri => {
	let covered: Tri = 'no';
	for (const {pattern, matches} of compiled.resources) {
		const match = matches ? (matches(request.resource) ? 'yes' : 'no') : resourcePatternMatches(pattern, request, unknownKeys);
		covered = triEither(covered, match);
		if (covered === 'yes') break;
	}
	return compiled.statement.resource ? covered : triNot(covered);
};

const principalOf = (statement: Statement, caller: Caller): PrincipalMatch | 'none' => {
	if (statement.principal) return matchPrincipal(statement.principal, caller);
	if (statement.notPrincipal) return notPrincipalExcludes(statement.notPrincipal, caller) ? 'none' : 'anyone';
	return 'none';
};

/**
 * IAM: "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions
 * boundary policy attached, regardless of the values specified in the NotPrincipal element." So a Deny whose
 * NotPrincipal lists the caller still applies to a user, role or session with a boundary: `yes`, or `unknown`
 * when whether it has one is not known.
 */
const boundaryOverridesNotPrincipal = (statement: Statement, request: PreparedRequest): Tri => {
	if (statement.effect !== 'Deny' || !statement.notPrincipal) return 'no';
	const {kind} = request.caller;
	return kind === 'user' || kind === 'role' || kind === 'session' ? (request.boundary ?? 'no') : 'no';
};

const explainStatement = (
	applies: Tri,
	resourceMatched: Tri,
	conditions: readonly ConditionTrace[],
	request: PreparedRequest,
	resourceKeys: readonly string[],
	boundaryRule: Tri,
): string => {
	if (boundaryRule === 'unknown' && applies === 'unknown' && !conditions.some(trace => trace.result === 'no')) {
		return 'its NotPrincipal lists the caller, but a Deny with NotPrincipal denies every IAM principal that has a permissions boundary, and whether the caller has one is not known';
	}
	if (resourceMatched === 'unknown') {
		return `whether its Resource covers ${request.resource} depends on a policy variable whose value is not known (${resourceKeys.join(', ')})`;
	}
	const failed = conditions.find(trace => trace.result === 'no');
	if (failed) return `its condition does not hold: ${failed.reason}`;
	const unknown = conditions.find(trace => trace.result === 'unknown');
	if (unknown) return `it depends on a value that is not known: ${unknown.reason}`;
	if (applies === 'yes' && boundaryRule === 'yes') {
		return 'its NotPrincipal lists the caller, but a Deny with NotPrincipal denies every IAM principal that has a permissions boundary, whatever NotPrincipal lists';
	}
	if (applies === 'yes') return conditions.length > 0 ? 'it matches, and every condition holds' : 'it matches';
	return 'it does not match';
};

/** How a statement that covers the action bears on the request; `undefined` when its principal or resource does not. */
const traceStatement = (
	compiled: CompiledStatement,
	policyName: string,
	request: PreparedRequest,
	hasPrincipals: boolean,
	variables: boolean,
): StatementTrace | undefined => {
	const {statement} = compiled;
	let principalMatch: PrincipalMatch | 'none' | undefined;
	let boundaryRule: Tri = 'no';
	if (hasPrincipals) {
		principalMatch = principalOf(statement, request.caller);
		if (principalMatch === 'none') {
			boundaryRule = boundaryOverridesNotPrincipal(statement, request);
			if (boundaryRule === 'no') return undefined;
			principalMatch = 'anyone';
		}
	}
	const resourceKeys: string[] = [];
	const resourceMatched = coversResource(compiled, request, resourceKeys);
	if (resourceMatched === 'no') return undefined;
	const conditions = statement.conditions.length === 0 ? [] : statement.conditions.map(clause => evaluateCondition(clause, request.lookup, variables));
	let applies: Tri = boundaryRule === 'unknown' ? triBoth(resourceMatched, 'unknown') : resourceMatched;
	for (const condition of conditions) applies = triBoth(applies, condition.result);
	// Optional fields are set after the literal: V8 (Node 20) builds `{…, ...(x ? {y} : {})}` slowly on this hot path.
	const trace: Mutable<StatementTrace> = {
		policy: policyName,
		statementIndex: statement.index,
		label: compiled.label,
		effect: statement.effect,
		applies,
		actionMatched: true,
		resourceMatched,
		conditions,
		reason: explainStatement(applies, resourceMatched, conditions, request, resourceKeys, boundaryRule),
		source: statement.source,
	};
	if (principalMatch !== undefined) trace.principalMatch = principalMatch;
	if (applies === 'unknown') {
		const fromConditions = conditions.flatMap(condition => (condition.result === 'unknown' ? (condition.unknownKeys ?? []) : []));
		const unknownKeys = [...new Set([...(resourceMatched === 'unknown' ? resourceKeys : []), ...fromConditions])];
		if (unknownKeys.length > 0) trace.unknownKeys = unknownKeys;
	}
	return trace;
};

/**
 * How one statement bears on the request. `undefined` when its action, principal or resource does not
 * cover the request at all, so irrelevant statements cost almost nothing (the hot path of evaluation).
 */
export const evaluateStatement = (
	statement: Statement,
	policyName: string,
	request: PreparedRequest,
	hasPrincipals: boolean,
	variables = true,
): StatementTrace | undefined => {
	const compiled = compiledAlone(statement, variables);
	return coversAction(compiled, request.action) ? traceStatement(compiled, policyName, request, hasPrincipals, variables) : undefined;
};

/** Allow statements (already known not to cover the action) that name the caller, or in identity policies cover the resource. */
const nearMissesOf = (policy: Policy, candidates: readonly CompiledStatement[], request: PreparedRequest, hasPrincipals: boolean): string[] =>
	candidates
		.filter(compiled => (hasPrincipals ? principalOf(compiled.statement, request.caller) !== 'none' : coversResource(compiled, request) !== 'no'))
		.map(({statement, label}) => {
			const actions = statement.action ? statement.action.join(', ') : `everything except ${(statement.notAction ?? []).join(', ')}`;
			return `${policy.name}, ${label} allows ${actions} but not ${request.action}`;
		});

/** What one policy says about the request: does a Deny apply, does an Allow apply, and which statements. */
export const evaluatePolicy = (policy: Policy, request: PreparedRequest, hasPrincipals: boolean): PolicyVerdict => {
	const relevant: StatementTrace[] = [];
	// Allow statements for other actions: the near misses, if nothing allows.
	const otherActions: CompiledStatement[] = [];
	const {variables, statements} = compilePolicy(policy);
	let deny: Tri = 'no';
	let allow: Tri = 'no';
	const allowByPrincipal: Partial<Record<PrincipalMatch, Tri>> | undefined = hasPrincipals ? {} : undefined;
	for (const compiled of statements) {
		if (!coversAction(compiled, request.action)) {
			if (compiled.statement.effect === 'Allow') otherActions.push(compiled);
			continue;
		}
		const trace = traceStatement(compiled, policy.name, request, hasPrincipals, variables);
		if (!trace) continue;
		relevant.push(trace);
		if (trace.effect === 'Deny') {
			deny = triEither(deny, trace.applies);
			continue;
		}
		allow = triEither(allow, trace.applies);
		if (allowByPrincipal) {
			const match = trace.principalMatch as PrincipalMatch;
			allowByPrincipal[match] = triEither(allowByPrincipal[match] ?? 'no', trace.applies);
		}
	}
	const verdict: Mutable<PolicyVerdict> = {
		policy: policy.name,
		deny,
		allow,
		relevant,
		nearMisses: allow === 'yes' || otherActions.length === 0 ? [] : nearMissesOf(policy, otherActions, request, hasPrincipals),
	};
	if (allowByPrincipal) verdict.allowByPrincipal = allowByPrincipal;
	return verdict;
};
