import type {ConditionTrace} from '../../../engine/conditions/trace.js';
import type {StatementTrace} from '../../../engine/evaluation.js';
import {iamSourceKeysAvailability, servicePrincipalOnlyKeys} from '../../../operations/service-request-keys.js';
import {isObject, type JsonObject, type Mutable} from '../../../shared/json.js';
import {draftOf, type Draft, type FixContext, type FixPlace} from '../draft.js';
import {byStatement, rewriteStatement, testsKeyUnder, type StatementFind} from '../statement-rewrite.js';
import {denyingStatement} from './narrow-deny.js';

/**
 * A Deny that tests a key only a service principal's request carries (aws:SourceAccount, aws:SourceArn, …) with a
 * negated operator and no IfExists denies every request a user, role or session makes itself: such a request carries no
 * such key, and a negated operator counts a missing key as a match. Corrected in place with `"Null": {KEY: "false"}`, as
 * AWS's own confused-deputy guardrails write it: a request that carries the key is still kept to the values.
 */

const lowerKeys = new Set(servicePrincipalOnlyKeys.map(key => key.toLowerCase()));
const negatedOperators = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike']);

/** A condition that holds only because the request lacks a service principal's key. */
const holdsOnMissingKey = (condition: ConditionTrace): boolean => {
	const {clause, result, actual} = condition;
	return result === 'yes' && actual.state === 'absent' && lowerKeys.has(clause.key.toLowerCase()) && !clause.ifExists && clause.qualifier === undefined && negatedOperators.has(clause.baseOperator);
};

/** The Deny with `"Null": {KEY: "false"}` beside its test: it then applies only to requests that carry the key. */
const onlyWithKey = (trace: StatementTrace, conditions: readonly ConditionTrace[]): JsonObject => {
	const condition: Mutable<JsonObject> = {...(isObject(trace.source['Condition']) ? trace.source['Condition'] : {})};
	const block = condition['Null'];
	condition['Null'] = {...(isObject(block) ? block : {}), ...Object.fromEntries(conditions.map(({clause}) => [clause.key, 'false']))};
	return {...trace.source, Condition: condition};
};

const words = (conditions: readonly ConditionTrace[]): string =>
	conditions.map(({clause}) => `${clause.key} ${clause.operator} ${clause.values.map(value => `"${value}"`).join(', ')}`).join(' and ');

export const keepToServicePrincipals = (context: FixContext, places: readonly FixPlace[]): Draft[] => {
	const finds: StatementFind<readonly ConditionTrace[]>[] = [];
	for (const requirement of context.analysis.requirements.filter(row => row.status === 'denied' && !row.alternative)) {
		const trace = denyingStatement(context.analysis, requirement);
		const ref = trace ? context.analysis.book.refOf(trace) : undefined;
		const conditions = trace ? trace.conditions.filter(holdsOnMissingKey) : [];
		if (!trace || !ref || conditions.length === 0 || conditions.some(condition => testsKeyUnder(trace, 'Null', condition.clause.key))) continue;
		finds.push({trace, ref, requirement, found: conditions});
	}
	return byStatement(finds).flatMap((found): Draft[] => {
		const {trace, requirements, found: conditions} = found;
		const statement = onlyWithKey(trace, conditions);
		const rewrite = rewriteStatement(context, places, found, statement);
		if (!rewrite) return [];
		const keys = [...new Set(conditions.map(condition => condition.clause.key))].join(' or ');
		return [
			draftOf(rewrite.into, {
				kind: 'correct-condition',
				statement,
				policy: rewrite.policy,
				resolves: requirements,
				weakens: `${trace.policy}, ${trace.label} then no longer denies requests without ${keys}: those a user, role or session makes itself. Requests a service principal makes for a resource still carry it and are still denied unless it names what the statement allows.`,
				summary: `Correct ${trace.policy}, ${trace.label}: ${words(conditions)} holds for this request only because it carries no ${keys}, which a negated operator counts as a match. IAM: "${iamSourceKeysAvailability.says}" (${iamSourceKeysAvailability.page}). Add "Null": {${conditions.map(({clause}) => `"${clause.key}": "false"`).join(', ')}} so it applies only to requests that carry ${keys}, as AWS's confused-deputy guardrails do.${rewrite.note}`,
			}),
		];
	});
};
