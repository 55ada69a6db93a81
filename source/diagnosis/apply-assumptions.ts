import {assumptionStatements, type AssumptionId} from '../snapshot/assumptions.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {AssumedFact} from './diagnosis.js';
import {resolveQuestion} from './resolve-question.js';
import {parseCaller} from '../engine/principal.js';

/**
 * The snapshot's assumptions, applied to the facts it does not hold: a fact that was read or given is never
 * overridden, and only the assumptions that filled something are reported (beside the verdict, in every format).
 * Bucket Keys are applied where the key is resolved (resolve-question.ts); here they are only reported.
 */

const statementOf = (id: AssumptionId, because: string | undefined): AssumedFact => ({id, statement: assumptionStatements[id], ...(because ? {because} : {})});

const withoutBucketKey = (snapshot: Snapshot): Snapshot => ({...snapshot, assumptions: snapshot.assumptions?.filter(assumption => !assumption.id.startsWith('bucket-key='))});

/** Did the Bucket Key assumption decide a key's encryption context (was the state unknown without it)? */
const bucketKeyUsed = (snapshot: Snapshot): boolean => {
	const facts = resolveQuestion(withoutBucketKey(snapshot));
	return [facts.destinationKey, facts.sourceKey].some(key => key !== undefined && key.source !== 'none' && key.bucketKeyEnabled === 'unknown');
};

export const applyAssumptions = (snapshot: Snapshot): {readonly snapshot: Snapshot; readonly assumed: readonly AssumedFact[]} => {
	let effective = snapshot;
	const assumed: AssumedFact[] = [];
	for (const {id, because} of snapshot.assumptions ?? []) {
		switch (id) {
			case 'no-grants': {
				const key = effective.key && effective.key.grants === undefined ? {...effective.key, grants: []} : effective.key;
				const sourceKey = effective.source?.keyInfo && effective.source.keyInfo.grants === undefined ? {...effective.source.keyInfo, grants: []} : effective.source?.keyInfo;
				if (key === effective.key && sourceKey === effective.source?.keyInfo) break;
				effective = {...effective, ...(key ? {key} : {}), ...(effective.source ? {source: {...effective.source, ...(sourceKey ? {keyInfo: sourceKey} : {})}} : {})};
				assumed.push(statementOf(id, because));
				break;
			}
			case 'guardrails-allow': {
				const organization = effective.organization ?? {};
				if (organization.serviceControlPolicies !== undefined && organization.resourceControlPolicies !== undefined) break;
				effective = {...effective, organization: {serviceControlPolicies: organization.serviceControlPolicies ?? [], resourceControlPolicies: organization.resourceControlPolicies ?? []}};
				assumed.push(statementOf(id, because));
				break;
			}
			case 'bucket-key=on':
			case 'bucket-key=off':
				if (bucketKeyUsed(snapshot)) assumed.push(statementOf(id, because));
				break;
		}
	}
	// AWS cannot read a session policy: that none was passed is an assumption, and it is said as one.
	const principal = effective.principal;
	if (principal && principal.sessionPolicy === undefined && parseCaller(principal.arn).kind === 'session') {
		assumed.push({id: 'no-session-policy', statement: 'the role was assumed without a session policy (AWS cannot read one; paste it if one was passed)'});
	}
	return {snapshot: effective, assumed};
};
