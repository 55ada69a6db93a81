import type {ConditionTrace} from '../../../engine/conditions/trace.js';
import type {StatementTrace} from '../../../engine/evaluation.js';
import {keysNotCarried, networkKeys} from '../../../operations/service-request-keys.js';
import {isObject, type JsonObject, type Mutable} from '../../../shared/json.js';
import {sameRef} from '../../policy-ref.js';
import type {PolicyJson} from '../../../snapshot/snapshot.js';
import type {Requirement} from '../../diagnosis.js';
import {placeOfLayer} from '../../requirements.js';
import {draftOf, type Draft, type FixContext, type FixPlace} from '../draft.js';
import {uniqueSid} from '../policy-document.js';
import {besideStatement, byStatement, rewriteStatement, type FoundStatement, type StatementFind} from '../statement-rewrite.js';

/**
 * A statement that keeps requests to a network (aws:SourceIp, aws:VpcSourceIp, aws:SourceVpc, aws:SourceVpce), or to
 * the client's own request (aws:UserAgent, aws:MultiFactorAuthPresent, …), meets a request an AWS service makes for the
 * caller (aws:ViaAWSService true), which does not carry those keys of the caller's request (operations/service-request-keys.ts). A Deny is corrected with "Bool": {"aws:ViaAWSService": "false"}, which holds whichever
 * address such requests carry; an Allow gets a twin beside it for them, testing the service (kms:ViaService on S3's
 * KMS request, else aws:ViaAWSService) in place of the network. Direct requests stay kept to the network.
 */

const lowerNetworkKeys = new Set(keysNotCarried.map(key => key.toLowerCase()));
const lowerNetworkOnly = new Set(networkKeys.map(key => key.toLowerCase()));
const viaKey = 'aws:ViaAWSService';
// An Allow that already tests who makes the request through a service is the owner's own rule: left as it is.
const serviceKeys = new Set([viaKey, 'aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast', 'kms:ViaService'].map(key => key.toLowerCase()));

const isNetwork = (condition: ConditionTrace): boolean => lowerNetworkKeys.has(condition.clause.key.toLowerCase());

/** A Deny undecided or holding only on network keys, which does not already look at aws:ViaAWSService. */
const onlyNetworkStopsIt = (trace: StatementTrace): boolean => {
	if (trace.effect !== 'Deny' || trace.applies === 'no' || !trace.actionMatched || trace.resourceMatched === 'no') return false;
	if (trace.conditions.some(condition => condition.clause.key.toLowerCase() === viaKey.toLowerCase())) return false;
	const deciding = trace.conditions.filter(condition => condition.result !== 'no');
	return deciding.some(isNetwork) && deciding.filter(condition => condition.result === 'unknown' || isNetwork(condition)).every(isNetwork);
};

/** An Allow for the caller that only its network keys leave undecided, which tests no key of a service's request. */
const onlyNetworkHoldsIt = (trace: StatementTrace): boolean => {
	if (trace.effect !== 'Allow' || trace.applies !== 'unknown' || !trace.actionMatched || trace.resourceMatched !== 'yes' || trace.principalMatch === 'none') return false;
	if (trace.conditions.some(condition => serviceKeys.has(condition.clause.key.toLowerCase()))) return false;
	const open = trace.conditions.filter(condition => condition.result !== 'yes');
	return open.length > 0 && open.every(isNetwork);
};

type Found = {readonly effect: 'Allow' | 'Deny'; readonly viaService: string | undefined};

/** The statements of the row's layer that only the network keeps from deciding (a Deny's may also deny on it). */
const networkStatements = (context: FixContext, requirement: Requirement): {trace: StatementTrace; found: Found}[] => {
	const action = context.analysis.actions.find(candidate => candidate.spec.id === requirement.actionId);
	if (action?.spec.context[viaKey] !== true) return [];
	const layer = action.evaluation.layers.find(candidate => placeOfLayer(candidate.layer, action.spec.service) === requirement.place);
	const viaService = action.spec.context['kms:ViaService'];
	const relevant = (layer?.policies ?? []).flatMap(verdict => verdict.relevant);
	return [
		...relevant.filter(onlyNetworkStopsIt).map(trace => ({trace, found: {effect: 'Deny' as const, viaService: undefined}})),
		...(requirement.status === 'unknown' ? relevant.filter(onlyNetworkHoldsIt).map(trace => ({trace, found: {effect: 'Allow' as const, viaService: typeof viaService === 'string' ? viaService : undefined}})) : []),
	];
};

const exempted = (trace: StatementTrace): JsonObject => {
	const condition: Mutable<JsonObject> = {...(isObject(trace.source['Condition']) ? trace.source['Condition'] : {})};
	condition['Bool'] = {...(isObject(condition['Bool']) ? condition['Bool'] : {}), [viaKey]: 'false'};
	return {...trace.source, Condition: condition};
};

/** The test of the service's request: S3 named by kms:ViaService where every row is S3's KMS request in one Region. */
const serviceTest = (rows: readonly Found[]): [operator: string, key: string, value: string] => {
	const regions = new Set(rows.map(row => row.viaService));
	const [only] = regions;
	return regions.size === 1 && only !== undefined ? ['StringEquals', 'kms:ViaService', only] : ['Bool', viaKey, 'true'];
};

/** The Allow's twin for the requests a service makes for the caller: its network keys out, the service's test in. */
const twin = (trace: StatementTrace, document: PolicyJson, [operator, key, value]: ReturnType<typeof serviceTest>): JsonObject => {
	const condition: Mutable<JsonObject> = {};
	for (const [name, block] of Object.entries(isObject(trace.source['Condition']) ? trace.source['Condition'] : {})) {
		const kept = isObject(block) ? Object.fromEntries(Object.entries(block).filter(([entry]) => !lowerNetworkKeys.has(entry.toLowerCase()))) : block;
		if (!isObject(kept) || Object.keys(kept).length > 0) condition[name] = kept;
	}
	condition[operator] = {...(isObject(condition[operator]) ? condition[operator] : {}), [key]: value};
	const sid = typeof trace.source['Sid'] === 'string' && trace.source['Sid'] !== '' ? trace.source['Sid'] : 'Allow';
	return {Sid: uniqueSid(document, `${sid}${key === 'kms:ViaService' ? 'ViaS3' : 'ViaAwsService'}`), ...Object.fromEntries(Object.entries(trace.source).filter(([name]) => name !== 'Sid')), Condition: condition};
};

const keysOf = (trace: StatementTrace): string => [...new Set(trace.conditions.filter(isNetwork).map(condition => condition.clause.key))].join(', ');

/** What the statement keeps requests to, in words: the network, or the keys of the caller's own request. */
const keptTo = (trace: StatementTrace): string => {
	const keys = keysOf(trace);
	const network = trace.conditions.filter(isNetwork).every(condition => lowerNetworkOnly.has(condition.clause.key.toLowerCase()));
	return network ? (keys === '' ? 'the network' : `the network ${keys} names`) : `what ${keys} tests of the caller's own request`;
};

/** Why the statement cannot be decided for the service's request, in words. */
const notKnown = (trace: StatementTrace): string => {
	const keys = keysOf(trace);
	return trace.conditions.filter(isNetwork).every(condition => lowerNetworkOnly.has(condition.clause.key.toLowerCase())) ? `${keys} is not known to be your network` : `${keys} is not known to be your request's`;
};

const denyDraft = (context: FixContext, places: readonly FixPlace[], found: FoundStatement<Found>): Draft[] => {
	const {trace, requirements} = found;
	const statement = exempted(trace);
	const rewrite = rewriteStatement(context, places, found, statement);
	if (!rewrite) return [];
	return [
		draftOf(rewrite.into, {
			kind: 'correct-condition',
			statement,
			policy: rewrite.policy,
			resolves: requirements,
			// Said beside the fix: the network rule no longer holds for any service acting with these credentials.
			weakens: `Requests any AWS service makes with the caller's credentials (aws:ViaAWSService true) are no longer kept to ${keptTo(trace)}: whoever holds those credentials outside it can still reach the data through such a service. To exempt one service alone, use "ForAllValues:StringNotEquals": {"aws:CalledVia": ["<service>.amazonaws.com"]} instead.`,
			summary: `Correct ${trace.policy}, ${trace.label}: when an AWS service makes the request for you, ${notKnown(trace)}; add "Bool": {"${viaKey}": "false"} so the Deny keeps applying to direct requests and lets requests AWS services make for you pass, whatever ${keysOf(trace)} they carry.${rewrite.note}`,
		}),
	];
};

const allowDraft = (context: FixContext, places: readonly FixPlace[], found: FoundStatement<Found>, rows: readonly Found[]): Draft[] => {
	const {trace, requirements} = found;
	const test = serviceTest(rows);
	const rewrite = besideStatement(context, places, found, document => twin(trace, document, test));
	if (!rewrite) return [];
	const {statement} = rewrite;
	const keys = keysOf(trace);
	const [operator, key, value] = test;
	const who = key === 'kms:ViaService' ? `S3 (${key} ${value})` : `any AWS service (${key} ${value})`;
	return [
		draftOf(rewrite.into, {
			kind: 'correct-condition',
			statement,
			policy: rewrite.policy,
			resolves: requirements,
			weakens: `Requests ${who} makes with the caller's credentials are no longer kept to ${keptTo(trace)}: whoever holds those credentials outside it can still use them through ${key === 'kms:ViaService' ? 'S3' : 'such a service'}.`,
			summary: `Correct ${trace.policy}, ${trace.label}: when ${key === 'kms:ViaService' ? 'S3' : 'an AWS service'} makes the request for you, ${notKnown(trace)}, so this Allow may not match it; add beside it the same Allow with "${operator}": {"${key}": "${value}"} in place of ${keys}, so those requests are allowed whatever ${keys} they carry, and direct requests stay as the statement keeps them.${rewrite.note}`,
		}),
	];
};

export const exemptServiceRequests = (context: FixContext, places: readonly FixPlace[]): Draft[] => {
	const finds: StatementFind<Found>[] = [];
	for (const requirement of context.analysis.requirements.filter(row => (row.status === 'denied' || row.status === 'unknown') && !row.alternative)) {
		for (const {trace, found} of networkStatements(context, requirement)) {
			const ref = context.analysis.book.refOf(trace);
			if (ref) finds.push({trace, ref, requirement, found});
		}
	}
	return byStatement(finds).flatMap((found): Draft[] => {
		if (found.found.effect === 'Deny') return denyDraft(context, places, found);
		const rows = finds.filter(find => sameRef(find.ref, found.ref) && find.trace.statementIndex === found.trace.statementIndex).map(find => find.found);
		return allowDraft(context, places, found, rows);
	});
};
