import {isObject, type JsonObject} from '../../shared/json.js';
import {analyse} from '../analyse.js';
import type {Fix} from '../diagnosis.js';
import {requirementId} from '../requirement-id.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import type {Draft} from './draft.js';

/** What makes a fix proven: least privilege, and — applied to a copy of the snapshot and evaluated again — it works. */

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** No `*` principal, no service-wide or wildcard actions, and (outside key policies) no `*` resource. */
export const isLeastPrivilege = (fix: Pick<Fix, 'place' | 'kind' | 'statement'>): boolean => {
	if (fix.kind === 'narrow-deny') return true;
	const statement: JsonObject = fix.statement;
	const principal = statement['Principal'];
	const principals = principal === '*' ? ['*'] : isObject(principal) ? list(principal['AWS']) : [];
	const actions = list(statement['Action']);
	const resources = list(statement['Resource']);
	return (
		!principals.includes('*') &&
		statement['NotAction'] === undefined &&
		statement['NotResource'] === undefined &&
		actions.every(action => typeof action === 'string' && !action.includes('*') && !action.includes('?')) &&
		(fix.place === 'key-policy' || resources.every(resource => resource !== '*'))
	);
};

/** Every requirement the draft targets ends `ok` (or, for those it only un-denies, no longer `denied`). */
export const proves = (draft: Draft, snapshot: Snapshot): boolean => {
	const after = analyse(draft.apply(snapshot));
	const byId = new Map(after.requirements.map(requirement => [requirementId(requirement), requirement]));
	return draft.resolves.every(id => {
		const status = byId.get(id)?.status;
		if (draft.mustAllow.includes(id)) return status === 'ok';
		return status !== undefined && status !== 'denied';
	});
};
