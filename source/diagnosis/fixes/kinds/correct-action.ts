import {analyse} from '../../analyse.js';
import type {Requirement} from '../../diagnosis.js';
import {placeWords} from '../../place-words.js';
import type {PolicyRef} from '../../policy-ref.js';
import {requirementId} from '../../requirement-id.js';
import {specOf} from '../context.js';
import {draftOf, type Draft, type FixContext, type FixPlace} from '../draft.js';
import {correctActions, type ActionCorrection} from '../known-actions.js';
import {statementsOf} from '../policy-document.js';
import {isObject, type JsonObject} from '../../../shared/json.js';

/**
 * An action AWS does not know (`s3:GetObjct`) in a policy a fix can write, corrected in the statement the
 * user wrote it in rather than doubled by a new statement: offered when the correction alone turns a
 * failing row ✔, and proven by re-diagnosing the corrected policy.
 */

/** The policies a correction could rewrite, each with a row of its place and side (the place modules need one). */
const candidates = (context: FixContext): {ref: PolicyRef; row: Requirement}[] => {
	const {snapshot, analysis} = context;
	const rowAt = (place: Requirement['place'], side?: 'destination' | 'source'): Requirement | undefined =>
		analysis.requirements.find(row => row.place === place && (side === undefined || specOf(analysis, row).side === side));
	const refs: {ref: PolicyRef; row: Requirement | undefined}[] = [
		...(snapshot.principal?.identityPolicies ?? []).map((_policy, index) => ({ref: {place: 'identity-policy', owner: 'caller', index} as PolicyRef, row: rowAt('identity-policy')})),
		...(['destination', 'source'] as const).flatMap(side => [
			{ref: {place: 'key-policy', owner: side} as PolicyRef, row: rowAt('key-policy', side)},
			{ref: {place: 'bucket-policy', owner: side} as PolicyRef, row: rowAt('bucket-policy', side)},
		]),
	];
	return refs.filter((entry): entry is {ref: PolicyRef; row: Requirement} => entry.row !== undefined);
};

const words = (corrections: readonly ActionCorrection[]): string =>
	corrections.map(({from, to, statement}) => (to ? `${from} → ${to} in ${statement}` : `drop ${from} from ${statement}`)).join('; ');

export const correctAction = (context: FixContext, places: readonly FixPlace[]): Draft[] => {
	const {catalogue, analysis, snapshot} = context;
	if (!catalogue) return [];
	const failing = new Set(analysis.requirements.filter(row => (row.status === 'missing' || row.status === 'denied') && !row.alternative).map(requirementId));
	if (failing.size === 0) return [];
	return candidates(context).flatMap(({ref, row}): Draft[] => {
		const into = places.find(place => place.place === ref.place)?.rewritable?.(context, ref, row);
		if (!into?.document) return [];
		const {policy, corrections} = correctActions(into.document, catalogue);
		if (!corrections.some(correction => correction.to)) return [];
		const after = analyse(into.write(snapshot, policy));
		const resolves = after.requirements.filter(candidate => failing.has(requirementId(candidate)) && (candidate.status === 'ok' || candidate.status === 'not-needed'));
		if (resolves.length === 0) return [];
		// A statement left with no known action is dropped: what changed is what the old policy does not hold.
		const before = new Set(statementsOf(into.document).map(statement => JSON.stringify(statement)));
		const changed = statementsOf(policy).filter((statement): statement is JsonObject => isObject(statement) && !before.has(JSON.stringify(statement)));
		return [
			draftOf(into, {
				kind: 'correct-action',
				statement: changed[0] ?? null,
				statements: changed,
				policy,
				resolves,
				summary: `Correct the action AWS does not know in the ${ref.place === 'identity-policy' ? `IAM policy ${into.policyName ?? ''}`.trim() : placeWords[ref.place]}, in the statement it was written in: ${words(corrections)}.`,
			}),
		];
	});
};
