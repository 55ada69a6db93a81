import {arnMatches} from './arn.js';
import {evaluateCondition} from './conditions/evaluate-condition.js';
import type {ConditionTrace} from './conditions/trace.js';
import type {ContextLookup} from './context.js';
import type {PolicyVerdict, PrincipalMatch, StatementTrace} from './evaluation.js';
import {globMatch} from './glob.js';
import {statementLabel, type Policy, type Statement} from './policy.js';
import {matchPrincipal, notPrincipalExcludes, type Caller} from './principal.js';
import {triAnd, triNot, triOr, type Tri} from './tri.js';
import {substituteVariables} from './variables.js';

/** A request ready for matching: the caller parsed once, the context behind a case-insensitive lookup. */
export type PreparedRequest = {
	readonly caller: Caller;
	readonly action: string;
	readonly resource: string;
	readonly lookup: ContextLookup;
};

const actionMatches = (patterns: readonly string[], action: string): boolean =>
	patterns.some(pattern => globMatch(pattern, action, {ignoreCase: true}));

const statementCoversAction = (statement: Statement, action: string): boolean =>
	statement.action ? actionMatches(statement.action, action) : !actionMatches(statement.notAction ?? [], action);

const resourcePatternMatches = (pattern: string, request: PreparedRequest): Tri => {
	const substituted = substituteVariables(pattern, request.lookup, true);
	if (!substituted.ok) return 'unknownKey' in substituted ? 'unknown' : 'no';
	return arnMatches(substituted.value, request.resource) ? 'yes' : 'no';
};

const statementCoversResource = (statement: Statement, request: PreparedRequest): Tri => {
	if (statement.resource) return triOr(...statement.resource.map(pattern => resourcePatternMatches(pattern, request)));
	return triNot(triOr(...(statement.notResource ?? []).map(pattern => resourcePatternMatches(pattern, request))));
};

const principalOf = (statement: Statement, caller: Caller): PrincipalMatch | 'none' => {
	if (statement.principal) return matchPrincipal(statement.principal, caller);
	if (statement.notPrincipal) return notPrincipalExcludes(statement.notPrincipal, caller) ? 'none' : 'anyone';
	return 'none';
};

const explainStatement = (
	applies: Tri,
	resourceMatched: Tri,
	conditions: readonly ConditionTrace[],
	request: PreparedRequest,
): string => {
	if (resourceMatched === 'unknown') return `whether its Resource covers ${request.resource} depends on a policy variable whose value is not known`;
	const failed = conditions.find(trace => trace.result === 'no');
	if (failed) return `its condition does not hold: ${failed.reason}`;
	const unknown = conditions.find(trace => trace.result === 'unknown');
	if (unknown) return `it depends on a value that is not known: ${unknown.reason}`;
	if (applies === 'yes') return conditions.length > 0 ? 'it matches, and every condition holds' : 'it matches';
	return 'it does not match';
};

/**
 * How one statement bears on the request. `undefined` when its action or principal does not cover the
 * request at all, so irrelevant statements cost almost nothing (the hot path of evaluation).
 */
export const evaluateStatement = (
	statement: Statement,
	policyName: string,
	request: PreparedRequest,
	hasPrincipals: boolean,
): StatementTrace | undefined => {
	if (!statementCoversAction(statement, request.action)) return undefined;
	let principalMatch: PrincipalMatch | 'none' | undefined;
	if (hasPrincipals) {
		principalMatch = principalOf(statement, request.caller);
		if (principalMatch === 'none') return undefined;
	}
	const resourceMatched = statementCoversResource(statement, request);
	if (resourceMatched === 'no') return undefined;
	const conditions = statement.conditions.map(clause => evaluateCondition(clause, request.lookup));
	const applies = triAnd(resourceMatched, ...conditions.map(trace => trace.result));
	return {
		policy: policyName,
		statementIndex: statement.index,
		label: statementLabel(statement),
		effect: statement.effect,
		applies,
		actionMatched: true,
		resourceMatched,
		...(principalMatch === undefined ? {} : {principalMatch}),
		conditions,
		reason: explainStatement(applies, resourceMatched, conditions, request),
		source: statement.source,
	};
};

/** Allow statements that name the caller but not the action: "Sid X allows only kms:GenerateDataKey". */
const nearMissesOf = (policy: Policy, request: PreparedRequest, hasPrincipals: boolean): string[] =>
	policy.statements
		.filter(statement => statement.effect === 'Allow' && !statementCoversAction(statement, request.action))
		.filter(statement => (hasPrincipals ? principalOf(statement, request.caller) !== 'none' : statementCoversResource(statement, request) !== 'no'))
		.map(statement => {
			const actions = statement.action ? statement.action.join(', ') : `everything except ${(statement.notAction ?? []).join(', ')}`;
			return `${policy.name}, ${statementLabel(statement)} allows ${actions} but not ${request.action}`;
		});

/** What one policy says about the request: does a Deny apply, does an Allow apply, and which statements. */
export const evaluatePolicy = (policy: Policy, request: PreparedRequest, hasPrincipals: boolean): PolicyVerdict => {
	const relevant: StatementTrace[] = [];
	for (const statement of policy.statements) {
		const trace = evaluateStatement(statement, policy.name, request, hasPrincipals);
		if (trace) relevant.push(trace);
	}
	const denies = relevant.filter(trace => trace.effect === 'Deny').map(trace => trace.applies);
	const allows = relevant.filter(trace => trace.effect === 'Allow');
	let allowByPrincipal: Partial<Record<PrincipalMatch, Tri>> | undefined;
	if (hasPrincipals) {
		allowByPrincipal = {};
		for (const trace of allows) {
			const match = trace.principalMatch as PrincipalMatch;
			allowByPrincipal[match] = triOr(allowByPrincipal[match] ?? 'no', trace.applies);
		}
	}
	const allow = triOr(...allows.map(trace => trace.applies));
	return {
		policy: policy.name,
		deny: triOr(...denies),
		allow,
		relevant,
		...(allowByPrincipal ? {allowByPrincipal} : {}),
		nearMisses: allow === 'yes' ? [] : nearMissesOf(policy, request, hasPrincipals),
	};
};
