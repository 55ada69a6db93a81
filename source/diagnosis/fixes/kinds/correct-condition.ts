import type {ConditionTrace} from '../../../engine/conditions/trace.js';
import type {StatementTrace} from '../../../engine/evaluation.js';
import {isObject, type JsonObject, type Mutable} from '../../../shared/json.js';
import {parseS3Arn} from '../../../names/index.js';
import type {Requirement} from '../../diagnosis.js';
import {placeOfLayer} from '../../requirements.js';
import {draftOf, type Draft, type FixContext, type FixPlace} from '../draft.js';
import {byStatement, rewriteStatement, testsKeyUnder, type StatementFind} from '../statement-rewrite.js';
import {denyingStatement} from './narrow-deny.js';
import {hasWildcard, likeOperatorOf} from '../../equals-wildcard.js';

/**
 * A condition whose value cannot fit what AWS sends, corrected in place, keeping its intent: an encryption
 * context pinned to object ARNs while S3 Bucket Keys send the bucket ARN (or the reverse), a kms:ViaService
 * naming S3 in another Region. The corrected condition accepts both values: objects written before Bucket
 * Keys were enabled keep the object ARN as their context.
 */

const contextKey = 'kms:encryptioncontext:aws:s3:arn';
const viaServiceKey = 'kms:viaservice';
const matchingOperators = new Set(['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike']);

const bucketOfArn = (arn: string): string | undefined => parseS3Arn(arn)?.bucket;

/** Wildcards match in String…Like and in every ARN operator; String…Equals compares the text as it is. */
const globs = (baseOperator: string): boolean => baseOperator.includes('Like') || baseOperator.startsWith('Arn');

/** The value to add, and the operator to hold it (the clause's own, or its Like form where the value is a wildcard). */
type Fit = {readonly value: string; readonly operator: string};

/**
 * A wildcard value under StringEquals would be a literal `*` ("StringEquals: Exact matching, case sensitive", IAM User
 * Guide), so the clause moves to StringLike; only where its own values hold no `*` or `?`, which StringLike would read anew.
 */
const wildcardFit = (clause: ConditionTrace['clause'], value: string): Fit | undefined => {
	if (globs(clause.baseOperator)) return {value, operator: clause.operator};
	const like = likeOperatorOf(clause);
	return like && !clause.values.some(hasWildcard) ? {value, operator: like} : undefined;
};

/** The value to add so the condition fits the request while meaning what it meant, or `undefined` when it meant something else. */
const fittingValue = (condition: ConditionTrace): Fit | undefined => {
	const {clause, actual} = condition;
	if (!matchingOperators.has(clause.baseOperator) || clause.qualifier || actual.state !== 'present' || actual.values.length !== 1) return undefined;
	const sent = actual.values[0]!;
	const key = clause.key.toLowerCase();
	if (key === contextKey) {
		const bucket = bucketOfArn(sent);
		if (!bucket || !clause.values.every(value => bucketOfArn(value) === bucket)) return undefined;
		const sentIsBucket = !sent.includes('/');
		// Pinned to objects while S3 sends the bucket ARN (Bucket Keys on), or to the bucket while it sends object ARNs.
		if (sentIsBucket && clause.values.every(value => value.includes('/'))) return {value: sent, operator: clause.operator};
		if (!sentIsBucket && clause.values.every(value => !value.includes('/'))) return wildcardFit(clause, `${sent.slice(0, sent.indexOf('/'))}/*`);
		return undefined;
	}
	if (key === viaServiceKey) {
		const s3InRegion = /^s3\.[\w-]+\.amazonaws\.com$/;
		return s3InRegion.test(sent) && clause.values.every(value => s3InRegion.test(value)) ? {value: sent, operator: clause.operator} : undefined;
	}
	return undefined;
};

/** A clause moved to another operator must not land on one that already tests its key: the two would have to merge. */
const canHold = (trace: StatementTrace, condition: ConditionTrace, fit: Fit): boolean =>
	fit.operator === condition.clause.operator || !testsKeyUnder(trace, fit.operator, condition.clause.key);

/** The conditions that break the statement for this request: a Deny's that hold, an Allow's that fail. */
const breaking = (trace: StatementTrace): readonly ConditionTrace[] =>
	trace.conditions.filter(condition => (trace.effect === 'Deny' ? condition.result === 'yes' : condition.result === 'no'));

/** The statement that keeps a row from ✔ because of a condition: the denying one, or an Allow that fails only on its conditions. */
const blockingStatements = (context: FixContext, requirement: Requirement): StatementTrace[] => {
	if (requirement.status === 'denied') {
		const trace = denyingStatement(context.analysis, requirement);
		return trace ? [trace] : [];
	}
	const action = context.analysis.actions.find(candidate => candidate.spec.id === requirement.actionId);
	const layer = action?.evaluation.layers.find(candidate => placeOfLayer(candidate.layer, action.spec.service) === requirement.place);
	return (layer?.policies ?? []).flatMap(verdict => verdict.relevant.filter(trace => trace.effect === 'Allow' && trace.resourceMatched === 'yes' && trace.principalMatch !== 'none'));
};

const blockOf = (condition: JsonObject, operator: string): Mutable<JsonObject> => {
	const current = condition[operator];
	return {...(isObject(current) ? current : {})};
};

const correctedStatement = (trace: StatementTrace, corrections: ReadonlyMap<ConditionTrace, Fit>): JsonObject => {
	const condition: Mutable<JsonObject> = {...(isObject(trace.source['Condition']) ? trace.source['Condition'] : {})};
	for (const [failing, {value, operator}] of corrections) {
		const {key, operator: from} = failing.clause;
		const block = blockOf(condition, from);
		const existing = block[key];
		const values = [...(Array.isArray(existing) ? existing : existing === undefined ? [] : [existing]), value];
		if (operator === from) {
			block[key] = values;
			condition[from] = block;
			continue;
		}
		delete block[key];
		if (Object.keys(block).length === 0) delete condition[from];
		else condition[from] = block;
		condition[operator] = {...blockOf(condition, operator), [key]: values};
	}
	return {...trace.source, Condition: condition};
};

/**
 * The values a bucket ARN added beside them lets more through than they did: those naming less than every object of the
 * bucket (a prefix, one object). With a Bucket Key "the encryption context will be the bucket Amazon Resource Name (ARN)
 * and not the object ARN" (S3 User Guide), for every object: the prefix is given up.
 */
const narrowerThanBucket = (condition: ConditionTrace, added: string): readonly string[] =>
	condition.clause.key.toLowerCase() === contextKey && !added.includes('/')
		? condition.clause.values.filter(value => !(globs(condition.clause.baseOperator) && (value === `${added}/*` || value === `${added}*`)))
		: [];

/**
 * What a correction gives up, in words: a Deny no longer keeps the key to a prefix (`weakens`), an Allow then allows the
 * whole bucket (said in the summary), a Deny kept to S3 in one Region, perhaps a Region guardrail, lets another through.
 */
const givenUp = (trace: StatementTrace, corrections: ReadonlyMap<ConditionTrace, Fit>, actions: string): {readonly weakens: readonly string[]; readonly broader: string} => {
	const prefixes = [...new Set([...corrections].flatMap(([condition, {value}]) => narrowerThanBucket(condition, value)))];
	const bucket = [...corrections.values()].map(fit => fit.value).find(value => !value.includes('/'));
	const lost = prefixes.length > 0 && bucket !== undefined;
	const scope = prefixes.map(value => `"${value}"`).join(', ');
	const why = `under a Bucket Key the encryption context is the bucket ARN ${bucket}, never the object's`;
	if (trace.effect === 'Allow') return {weakens: [], broader: lost ? ` The statement then allows ${actions} for every object of the bucket, not only ${scope}: ${why}.` : ''};
	const regions = [...corrections].filter(([condition]) => condition.clause.key.toLowerCase() === viaServiceKey);
	return {
		weakens: [
			...(lost ? [`${trace.policy}, ${trace.label} then no longer keeps the key's use to ${scope}, for everyone it applies to: ${why}, so the use for every object of the bucket gets through.`] : []),
			...regions.map(([condition, {value}]) => `${trace.policy}, ${trace.label} then no longer keeps KMS use to ${condition.clause.values.map(item => `"${item}"`).join(', ')}, for everyone it applies to: requests through "${value}" get through too.`),
		],
		broader: '',
	};
};

export const correctCondition = (context: FixContext, places: readonly FixPlace[]): Draft[] => {
	const finds: StatementFind<ReadonlyMap<ConditionTrace, Fit>>[] = [];
	for (const requirement of context.analysis.requirements.filter(row => (row.status === 'denied' || row.status === 'missing') && !row.alternative)) {
		for (const trace of blockingStatements(context, requirement)) {
			const conditions = breaking(trace);
			const values = conditions.map(fittingValue);
			const ref = context.analysis.book.refOf(trace);
			// Only a statement every breaking condition of which can be corrected: otherwise the correction alone fixes nothing.
			if (conditions.length === 0 || values.some((fit, index) => fit === undefined || !canHold(trace, conditions[index]!, fit)) || !ref) continue;
			finds.push({trace, ref, requirement, found: new Map(conditions.map((condition, index) => [condition, values[index]!]))});
		}
	}
	return byStatement(finds).flatMap((found): Draft[] => {
		const {trace, requirements, found: corrections} = found;
		const statement = correctedStatement(trace, corrections);
		const rewrite = rewriteStatement(context, places, found, statement);
		if (!rewrite) return [];
		const words = [...corrections].map(
			([condition, {value, operator}]) =>
				`${condition.clause.key} ${condition.clause.operator} ${condition.clause.values.map(item => `"${item}"`).join(', ')} cannot fit "${condition.actual.state === 'present' ? condition.actual.values[0] : ''}", which AWS sends for this request: add "${value}" beside it${operator === condition.clause.operator ? '' : `, under ${operator} (${condition.clause.operator} reads * as a plain character)`}`,
		);
		const bucketKeys = [...corrections.keys()].some(condition => condition.clause.key.toLowerCase() === contextKey);
		const {weakens, broader} = givenUp(trace, corrections, [...new Set(requirements.map(requirement => requirement.action))].join(' and '));
		return [
			draftOf(rewrite.into, {
				kind: 'correct-condition',
				...(weakens.length > 0 ? {weakens: weakens.join(' ')} : {}),
				statement,
				policy: rewrite.policy,
				resolves: requirements,
				summary: `Correct ${trace.policy}, ${trace.label}: ${words.join('; ')}.${bucketKeys ? ' The old value stays: objects written before S3 Bucket Keys were turned on (or off) keep the encryption context they were written with.' : ''}${broader}${rewrite.note}`,
			}),
		];
	});
};
