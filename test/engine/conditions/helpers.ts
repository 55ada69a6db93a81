import {evaluateCondition} from '../../../source/engine/conditions/evaluate-condition.js';
import {parseOperatorName} from '../../../source/engine/conditions/operator-name.js';
import type {ConditionTrace} from '../../../source/engine/conditions/trace.js';
import {type ContextValue, createContextLookup, type MissingKeyPolicy} from '../../../source/engine/context.js';
import type {ConditionClause} from '../../../source/engine/policy.js';

/** `clause('ForAnyValue:StringLike', 'aws:TagKeys', ['a*'])`, parsed like a policy would be. */
export const clause = (operator: string, key: string, values: string | readonly string[]): ConditionClause => {
	const parsed = parseOperatorName(operator);
	if (!parsed) throw new Error(`not an IAM operator: ${operator}`);
	return {
		operator,
		baseOperator: parsed.base,
		...(parsed.qualifier ? {qualifier: parsed.qualifier} : {}),
		ifExists: parsed.ifExists,
		key,
		values: typeof values === 'string' ? [values] : values,
	};
};

/**
 * Evaluate one clause against a request context. Keys not listed are absent (closed world) unless
 * `missing` says `unknown`; a `null` value is absent too.
 */
export const check = (
	operator: string,
	key: string,
	values: string | readonly string[],
	context: Readonly<Record<string, ContextValue>>,
	missing: MissingKeyPolicy = 'absent',
): ConditionTrace => evaluateCondition(clause(operator, key, values), createContextLookup(context, missing));

export const result = (...args: Parameters<typeof check>): ConditionTrace['result'] => check(...args).result;
