import type {ConditionTrace} from '../../../engine/conditions/trace.js';
import type {StatementTrace} from '../../../engine/evaluation.js';
import {isObject, type JsonObject, type Mutable} from '../../../shared/json.js';
import {parseS3Arn} from '../../../names/index.js';
import type {Requirement} from '../../diagnosis.js';
import {placeOfLayer} from '../../requirements.js';
import {draftOf, type Draft, type FixContext, type FixPlace} from '../draft.js';
import {byStatement, rewriteStatement, type StatementFind} from '../statement-rewrite.js';
import {denyingStatement} from './narrow-deny.js';

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

/** The value to add so the condition fits the request while meaning what it meant, or `undefined` when it meant something else. */
const fittingValue = (condition: ConditionTrace): string | undefined => {
	const {clause, actual} = condition;
	if (!matchingOperators.has(clause.baseOperator) || clause.qualifier || actual.state !== 'present' || actual.values.length !== 1) return undefined;
	const sent = actual.values[0]!;
	const key = clause.key.toLowerCase();
	if (key === contextKey) {
		const bucket = bucketOfArn(sent);
		if (!bucket || !clause.values.every(value => bucketOfArn(value) === bucket)) return undefined;
		const sentIsBucket = !sent.includes('/');
		// Pinned to objects while S3 sends the bucket ARN (Bucket Keys on), or to the bucket while it sends object ARNs.
		if (sentIsBucket && clause.values.every(value => value.includes('/'))) return sent;
		if (!sentIsBucket && clause.values.every(value => !value.includes('/'))) return `${sent.slice(0, sent.indexOf('/'))}/*`;
		return undefined;
	}
	if (key === viaServiceKey) {
		const s3InRegion = /^s3\.[\w-]+\.amazonaws\.com$/;
		return s3InRegion.test(sent) && clause.values.every(value => s3InRegion.test(value)) ? sent : undefined;
	}
	return undefined;
};

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

const correctedStatement = (trace: StatementTrace, corrections: ReadonlyMap<ConditionTrace, string>): JsonObject => {
	const condition: Mutable<JsonObject> = {...(isObject(trace.source['Condition']) ? trace.source['Condition'] : {})};
	for (const [failing, value] of corrections) {
		const current = condition[failing.clause.operator];
		const block: Mutable<JsonObject> = {...(isObject(current) ? current : {})};
		const existing = block[failing.clause.key];
		block[failing.clause.key] = [...(Array.isArray(existing) ? existing : existing === undefined ? [] : [existing]), value];
		condition[failing.clause.operator] = block;
	}
	return {...trace.source, Condition: condition};
};

export const correctCondition = (context: FixContext, places: readonly FixPlace[]): Draft[] => {
	const finds: StatementFind<ReadonlyMap<ConditionTrace, string>>[] = [];
	for (const requirement of context.analysis.requirements.filter(row => (row.status === 'denied' || row.status === 'missing') && !row.alternative)) {
		for (const trace of blockingStatements(context, requirement)) {
			const conditions = breaking(trace);
			const values = conditions.map(fittingValue);
			const ref = context.analysis.book.refOf(trace);
			// Only a statement every breaking condition of which can be corrected: otherwise the correction alone fixes nothing.
			if (conditions.length === 0 || values.some(value => value === undefined) || !ref) continue;
			finds.push({trace, ref, requirement, found: new Map(conditions.map((condition, index) => [condition, values[index]!]))});
		}
	}
	return byStatement(finds).flatMap((found): Draft[] => {
		const {trace, requirements, found: corrections} = found;
		const statement = correctedStatement(trace, corrections);
		const rewrite = rewriteStatement(context, places, found, statement);
		if (!rewrite) return [];
		const words = [...corrections].map(([condition, value]) => `${condition.clause.key} ${condition.clause.operator} ${condition.clause.values.map(item => `"${item}"`).join(', ')} cannot fit "${condition.actual.state === 'present' ? condition.actual.values[0] : ''}", which AWS sends for this request: add "${value}" beside it`);
		const bucketKeys = [...corrections.keys()].some(condition => condition.clause.key.toLowerCase() === contextKey);
		return [
			draftOf(rewrite.into, {
				kind: 'correct-condition',
				statement,
				policy: rewrite.policy,
				resolves: requirements,
				summary: `Correct ${trace.policy}, ${trace.label}: ${words.join('; ')}.${bucketKeys ? ' The old value stays: objects written before S3 Bucket Keys were turned on (or off) keep the encryption context they were written with.' : ''}${rewrite.note}`,
			}),
		];
	});
};
