import {isObject, type JsonObject} from '../../shared/json.js';
import type {PolicyJson} from '../../snapshot/snapshot.js';
import type {ActionCatalogue} from '../action-catalogue.js';
import {statementsOf} from './policy-document.js';

/**
 * A policy a fix writes never names an action AWS does not know: the typo is corrected where the catalogue
 * has a close match (`s3:GetObjct` → `s3:GetObject`, in the statement the user wrote it in), and an
 * unknown action with no match is dropped from `Action` (it matched no request, so access is unchanged).
 */

export type ActionCorrection = {readonly from: string; readonly to: string | undefined; readonly statement: string};

const hasWildcard = (action: string): boolean => /[*?]/.test(action);

/** The corrected value of an `Action`/`NotAction` element, or `undefined` when nothing in it is unknown. */
const correctedList = (value: unknown, catalogue: ActionCatalogue, canDrop: boolean, where: string, corrections: ActionCorrection[]): unknown => {
	const actions = Array.isArray(value) ? value : [value];
	let changed = false;
	const next = actions.flatMap((action: unknown) => {
		if (typeof action !== 'string' || hasWildcard(action) || catalogue.isKnownAction(action) !== false) return [action];
		const to = catalogue.suggest(action);
		if (!to && !canDrop) return [action];
		changed = true;
		corrections.push({from: action, to, statement: where});
		return to ? [to] : [];
	});
	if (!changed) return undefined;
	return Array.isArray(value) ? next : next.length === 1 ? next[0] : next;
};

const labelOf = (statement: JsonObject, index: number): string => (typeof statement['Sid'] === 'string' ? `Sid "${statement['Sid']}"` : `statement ${index + 1}`);

/** Every statement of `document` with its unknown actions corrected (or dropped); the others untouched, byte for byte. */
export const correctActions = (document: PolicyJson, catalogue: ActionCatalogue): {readonly policy: PolicyJson; readonly corrections: readonly ActionCorrection[]} => {
	const corrections: ActionCorrection[] = [];
	const statements = statementsOf(document).flatMap((statement, index): unknown[] => {
		if (!isObject(statement)) return [statement];
		const where = labelOf(statement, index);
		const action = statement['Action'] === undefined ? undefined : correctedList(statement['Action'], catalogue, true, where, corrections);
		const notAction = statement['NotAction'] === undefined ? undefined : correctedList(statement['NotAction'], catalogue, false, where, corrections);
		if (action === undefined && notAction === undefined) return [statement];
		// A statement left with no action matched no request: without it the policy allows and denies the same.
		if (Array.isArray(action) && action.length === 0) return [];
		return [{...statement, ...(action === undefined ? {} : {Action: action}), ...(notAction === undefined ? {} : {NotAction: notAction})}];
	});
	if (corrections.length === 0) return {policy: document, corrections};
	const lone = !Array.isArray(document['Statement']) && statements.length === 1;
	return {policy: {...document, Statement: lone ? statements[0] : statements}, corrections};
};

/** A sentence for a fix's summary: what else the written policy corrects. */
export const correctionWords = (corrections: readonly ActionCorrection[]): string =>
	corrections
		.map(({from, to, statement}) => (to ? ` It also corrects ${from} to ${to} in ${statement}: AWS knows no action ${from}.` : ` It also drops ${from} from ${statement}: AWS knows no such action.`))
		.join('');

/** `document` as a fix may write it, and the words its summary adds; unchanged without a catalogue. */
export const knownActionsOnly = (document: PolicyJson, catalogue: ActionCatalogue | undefined): {readonly policy: PolicyJson; readonly note: string} => {
	if (!catalogue) return {policy: document, note: ''};
	const {policy, corrections} = correctActions(document, catalogue);
	return {policy, note: correctionWords(corrections)};
};
