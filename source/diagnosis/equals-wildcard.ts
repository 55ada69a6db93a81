import {globMatch, globOf} from '../engine/glob.js';
import type {Finding} from './diagnosis.js';
import {breakingConditions} from './breaking-conditions.js';
import type {EvaluatedAction} from './findings.js';

/**
 * A `*` or `?` under StringEquals is a literal character: "StringEquals: Exact matching, case sensitive", while
 * "StringLike: Case-sensitive matching. The values can include multi-character match wildcards (*) and
 * single-character match wildcards (?) anywhere in the string" (IAM User Guide, condition operators). A policy that
 * writes `arn:aws:s3:::bucket/*` under StringEquals matches no object ARN: the operator, not the value, is what to
 * correct. Said only where the pattern, read as StringLike would read it, matches what the request sent.
 */

const exactOperators: Readonly<Record<string, string>> = {
	StringEquals: 'StringLike',
	StringNotEquals: 'StringNotLike',
	StringEqualsIgnoreCase: 'StringLike',
	StringNotEqualsIgnoreCase: 'StringNotLike',
};

export const hasWildcard = (value: string): boolean => /[*?]/.test(value.replace(/\$\{[^}]*\}/g, ''));

/** The operator, as written, that reads a wildcard value the way `operator` would mean it: StringEquals → StringLike. */
export const likeOperatorOf = (clause: {readonly operator: string; readonly baseOperator: string}): string | undefined => {
	const like = clause.baseOperator.endsWith('IgnoreCase') ? undefined : exactOperators[clause.baseOperator];
	const written = like ? clause.operator.replace(clause.baseOperator, like) : undefined;
	return written === clause.operator ? undefined : written;
};

/** Each such condition once, with its key (lower case), so that other findings on that key can step aside. */
export const equalsWildcardFindings = (actions: readonly EvaluatedAction[]): {readonly key: string; readonly finding: Finding}[] => {
	const findings = new Map<string, {readonly key: string; readonly finding: Finding}>();
	for (const {trace, condition} of breakingConditions(actions)) {
		const {clause, actual} = condition;
		const like = exactOperators[clause.baseOperator];
		if (!like || actual.state !== 'present') continue;
		const ignoreCase = clause.baseOperator.endsWith('IgnoreCase');
		const pattern = clause.values.find(value => hasWildcard(value) && actual.values.some(sent => globMatch(globOf(value), sent, {ignoreCase})));
		if (pattern === undefined) continue;
		const sent = actual.values.find(value => globMatch(globOf(pattern), value, {ignoreCase}))!;
		const where = `${trace.policy}, ${trace.label}`;
		const id = `${where}|${clause.operator}|${clause.key}`;
		if (findings.has(id)) continue;
		const finding: Finding = {
			id: 'string-equals-wildcard',
			severity: 'warning',
			message: `${where} compares ${clause.key} with ${clause.operator}, which reads * and ? as plain characters: "${pattern}" never matches "${sent}". Wildcards work only with ${like}.`,
			remedy: `In ${where}, change ${clause.operator} to ${clause.operator.replace(clause.baseOperator, like)}.`,
		};
		findings.set(id, {key: clause.key.toLowerCase(), finding});
	}
	return [...findings.values()];
};
