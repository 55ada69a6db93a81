import {isObject, type JsonObject} from '../../shared/json.js';
import {analyse, type Analysis} from '../analyse.js';
import type {Fix, Requirement} from '../diagnosis.js';
import {placeWords} from '../place-words.js';
import {requirementId} from '../requirement-id.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import type {Draft} from './draft.js';

/** What makes a fix proven: least privilege, and — applied to a copy of the snapshot and re-diagnosed — its rows turn ✔. */

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * An added Allow grants no more than the request needs: no `*` principal, no `NotAction` or `NotResource`,
 * only exact actions (no `*` or `?`, even where AWS's examples write `kms:GenerateDataKey*`), and only the
 * resources the request names — in a key policy `"Resource": "*"`, which there means the key itself.
 */
export const isLeastPrivilege = (fix: Pick<Fix, 'place' | 'kind' | 'statement'>, requested: readonly string[]): boolean => {
	if (fix.kind !== 'add-allow' || fix.statement === null) return true;
	const statement: JsonObject = fix.statement;
	const principal = statement['Principal'];
	const principals = principal === '*' ? ['*'] : isObject(principal) ? list(principal['AWS']) : [];
	const actions = list(statement['Action']);
	const resources = list(statement['Resource']);
	const fitsRequest = (resource: unknown): boolean => (fix.place === 'key-policy' ? resource === '*' : typeof resource === 'string' && requested.includes(resource));
	return (
		statement['Effect'] === 'Allow' &&
		!principals.includes('*') &&
		statement['NotPrincipal'] === undefined &&
		statement['NotAction'] === undefined &&
		statement['NotResource'] === undefined &&
		actions.length > 0 &&
		actions.every(action => typeof action === 'string' && !action.includes('*') && !action.includes('?')) &&
		resources.length > 0 &&
		resources.every(fitsRequest)
	);
};

const isCheck = (status: Requirement['status'] | undefined): boolean => status === 'ok' || status === 'not-needed';

export type Proof = {
	readonly proven: boolean;
	/** The request with the fix applied, re-diagnosed. */
	readonly after: Analysis;
};

/**
 * Every requirement the draft targets ends ✔ (ok, or no longer needed), and nothing that was decided
 * becomes unknown (a changed request naming a key the snapshot does not describe proves nothing).
 */
export const proves = (draft: Pick<Draft, 'resolves' | 'apply'>, snapshot: Snapshot, before: Analysis): Proof => {
	const after = analyse(draft.apply(snapshot));
	const byId = new Map(after.requirements.map(requirement => [requirementId(requirement), requirement]));
	const wasDecided = new Set(before.requirements.filter(requirement => requirement.status !== 'unknown').map(requirementId));
	const nothingLost = after.requirements.every(requirement => requirement.status !== 'unknown' || !wasDecided.has(requirementId(requirement)));
	return {proven: draft.resolves.length > 0 && nothingLost && draft.resolves.every(id => isCheck(byId.get(id)?.status)), after};
};

/** With the fix applied, what still fails: the rows it does not target that are still ✘ or ⛔, or `null` when none is. */
export const remainsAfter = (draft: Pick<Draft, 'resolves'>, after: Analysis): string | null => {
	const failing = after.requirements.filter(
		requirement => (requirement.status === 'missing' || requirement.status === 'denied') && !requirement.alternative && !draft.resolves.includes(requirementId(requirement)),
	);
	if (failing.length === 0) return null;
	const rows = [...new Set(failing.map(requirement => `${requirement.action} in the ${placeWords[requirement.place]} (${requirement.status})`))];
	return `The request still fails with this fix alone: ${rows.join('; ')}.`;
};
