import type {ConditionTrace} from '../../../engine/conditions/trace.js';
import type {StatementTrace} from '../../../engine/evaluation.js';
import {isObject, type JsonObject, type Mutable} from '../../../shared/json.js';
import type {Requirement} from '../../diagnosis.js';
import {placeOfLayer} from '../../requirements.js';
import {draftOf, type Draft, type FixContext, type FixPlace} from '../draft.js';
import {byStatement, rewriteStatement, type StatementFind} from '../statement-rewrite.js';

/**
 * A Deny that keeps requests to a network (aws:SourceIp, aws:VpcSourceIp, aws:SourceVpc, aws:SourceVpce) meets a
 * request an AWS service makes for the caller (aws:ViaAWSService true), whose address AWS's pages do not agree on:
 * the correction exempts such requests with "Bool": {"aws:ViaAWSService": "false"}, which holds whichever address
 * they carry. Direct requests stay kept to the network.
 */

const networkKeys = new Set(['aws:sourceip', 'aws:vpcsourceip', 'aws:sourcevpc', 'aws:sourcevpce']);
const viaKey = 'aws:ViaAWSService';

const isNetwork = (condition: ConditionTrace): boolean => networkKeys.has(condition.clause.key.toLowerCase());

/** A Deny undecided or holding only on network keys, which does not already look at aws:ViaAWSService. */
const onlyNetworkStopsIt = (trace: StatementTrace): boolean => {
	if (trace.effect !== 'Deny' || trace.applies === 'no' || !trace.actionMatched || trace.resourceMatched === 'no') return false;
	if (trace.conditions.some(condition => condition.clause.key.toLowerCase() === viaKey.toLowerCase())) return false;
	const deciding = trace.conditions.filter(condition => condition.result !== 'no');
	return deciding.some(isNetwork) && deciding.filter(condition => condition.result === 'unknown' || isNetwork(condition)).every(isNetwork);
};

/** The Deny statements of the row's layer that only the network keeps from deciding (or that deny on them). */
const networkDenies = (context: FixContext, requirement: Requirement): StatementTrace[] => {
	const action = context.analysis.actions.find(candidate => candidate.spec.id === requirement.actionId);
	if (action?.spec.context[viaKey] !== true) return [];
	const layer = action.evaluation.layers.find(candidate => placeOfLayer(candidate.layer, action.spec.service) === requirement.place);
	return (layer?.policies ?? []).flatMap(verdict => verdict.relevant.filter(onlyNetworkStopsIt));
};

const exempted = (trace: StatementTrace): JsonObject => {
	const condition: Mutable<JsonObject> = {...(isObject(trace.source['Condition']) ? trace.source['Condition'] : {})};
	condition['Bool'] = {...(isObject(condition['Bool']) ? condition['Bool'] : {}), [viaKey]: 'false'};
	return {...trace.source, Condition: condition};
};

export const exemptServiceRequests = (context: FixContext, places: readonly FixPlace[]): Draft[] => {
	const finds: StatementFind<undefined>[] = [];
	for (const requirement of context.analysis.requirements.filter(row => (row.status === 'denied' || row.status === 'unknown') && !row.alternative)) {
		for (const trace of networkDenies(context, requirement)) {
			const ref = context.analysis.book.refOf(trace);
			if (ref) finds.push({trace, ref, requirement, found: undefined});
		}
	}
	return byStatement(finds).flatMap((found): Draft[] => {
		const {trace, requirements} = found;
		const statement = exempted(trace);
		const rewrite = rewriteStatement(context, places, found, statement);
		if (!rewrite) return [];
		const keys = [...new Set(trace.conditions.filter(isNetwork).map(condition => condition.clause.key))].join(', ');
		return [
			draftOf(rewrite.into, {
				kind: 'correct-condition',
				statement,
				policy: rewrite.policy,
				resolves: [...new Set(requirements)],
				// Said beside the fix: the network rule no longer holds for any service acting with these credentials.
				weakens: `Requests any AWS service makes with the caller's credentials (aws:ViaAWSService true) are no longer kept to ${keys === '' ? 'the network' : `the network ${keys} names`}: whoever holds those credentials outside it can still reach the data through such a service. To exempt one service alone, use "ForAllValues:StringNotEquals": {"aws:CalledVia": ["<service>.amazonaws.com"]} instead.`,
				summary: `Correct ${trace.policy}, ${trace.label}: when an AWS service makes the request for you, ${keys} may not be your network (AWS's pages disagree); add "Bool": {"${viaKey}": "false"} so the Deny keeps applying to direct requests and lets requests AWS services make for you pass, whichever address they carry.${rewrite.note}`,
			}),
		];
	});
};
