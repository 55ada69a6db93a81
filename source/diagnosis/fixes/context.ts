import {parseCaller} from '../../engine/principal.js';
import type {ActionCatalogue} from '../action-catalogue.js';
import type {Analysis} from '../analyse.js';
import {destinationLeg} from '../../operations/registry.js';
import type {Requirement} from '../diagnosis.js';
import type {ActionSpec} from '../required-actions.js';
import type {JsonObject} from '../../shared/json.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import {sessionRoleArn} from '../../snapshot/session-role.js';
import type {FixContext, IamEntity} from './draft.js';

/** What the place and kind modules share: the caller's IAM entity, the spec behind a row, grouping. */

/** The IAM user or role behind the snapshot's principal (a session's role), whose policies a fix writes. */
export const iamEntityOf = (snapshot: Snapshot): IamEntity | undefined => {
	const principal = snapshot.principal;
	if (!principal) return undefined;
	const caller = parseCaller(principal.arn);
	if (caller.kind === 'user') return {arn: principal.arn, kind: 'user', name: caller.name ?? '', account: caller.account};
	if (caller.kind === 'role') return {arn: principal.arn, kind: 'role', name: caller.name ?? '', account: caller.account};
	if (caller.kind === 'session') {
		// The role's ARN with its path, where the snapshot says it; the session ARN names only the role.
		const arn = sessionRoleArn(snapshot);
		const name = arn?.split('/').pop() ?? caller.roleName;
		return name ? {arn, kind: 'role', name, account: caller.account} : undefined;
	}
	return undefined;
};

// An operation made by a service principal names no IAM entity: no fix may grant its requests to the snapshot's principal.
// A role a service assumes (replication) is the snapshot's principal: its fixes go to that role.
const callerMakesRequests = (snapshot: Snapshot): boolean => destinationLeg(snapshot.question.operation).actor.kind !== 'service';

export const contextOf = (snapshot: Snapshot, analysis: Analysis, catalogue: ActionCatalogue | undefined, claimed: ReadonlySet<string> = new Set()): FixContext => ({
	snapshot,
	analysis,
	caller: callerMakesRequests(snapshot) ? iamEntityOf(snapshot) : undefined,
	catalogue,
	claimed,
});

export const specOf = (analysis: Analysis, requirement: Requirement): ActionSpec =>
	analysis.actions.find(action => action.spec.id === requirement.actionId)!.spec;

export const groupBy = <T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> => {
	const groups = new Map<K, T[]>();
	for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
	return groups;
};

export const distinct = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Keep the key's use to requests S3 makes for the caller, as the request itself carries. */
export const viaS3Condition = (spec: ActionSpec): JsonObject | undefined => {
	const via = spec.context['kms:ViaService'];
	return typeof via === 'string' ? {StringEquals: {'kms:ViaService': via}} : undefined;
};
