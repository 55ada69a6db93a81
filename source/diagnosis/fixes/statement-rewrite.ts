import type {StatementTrace} from '../../engine/evaluation.js';
import {isObject, type JsonObject} from '../../shared/json.js';
import type {PolicyJson} from '../../snapshot/snapshot.js';
import type {Requirement} from '../diagnosis.js';
import {sameRef, type PolicyRef} from '../policy-ref.js';
import type {FixContext, FixPlace, Rewritable} from './draft.js';
import {knownActionsOnly} from './known-actions.js';
import {mergeStatement, replaceStatement} from './policy-document.js';

/**
 * The steps the kinds that rewrite a statement where it stands share (correct a condition, exempt the requests AWS
 * services make, narrow a Deny): a statement found for several rows is rewritten once, for all of them, in the
 * policy that holds it, every other statement kept as it was.
 */

/** A statement found for one row, and what the kind found in it. */
export type StatementFind<T> = {readonly trace: StatementTrace; readonly ref: PolicyRef; readonly requirement: Requirement; readonly found: T};

/** A statement to rewrite, with every row it was found for, and what the kind found in it the first time. */
export type FoundStatement<T> = {readonly trace: StatementTrace; readonly ref: PolicyRef; readonly requirements: readonly Requirement[]; readonly found: T};

/** Each statement once (the same policy and position), in the order first found. */
export const byStatement = <T>(finds: readonly StatementFind<T>[]): FoundStatement<T>[] => {
	const statements: {trace: StatementTrace; ref: PolicyRef; requirements: Requirement[]; found: T}[] = [];
	for (const {trace, ref, requirement, found} of finds) {
		const same = statements.find(entry => sameRef(entry.ref, ref) && entry.trace.statementIndex === trace.statementIndex);
		if (same) same.requirements.push(requirement);
		else statements.push({trace, ref, requirements: [requirement], found});
	}
	return statements;
};

/** Where the statement can be written, and the whole policy with `statement` in its place (no action AWS does not know). */
export type Rewrite = {readonly into: Rewritable; readonly policy: PolicyJson; readonly note: string};

const edited = (context: FixContext, places: readonly FixPlace[], {ref, requirements}: FoundStatement<unknown>, edit: (document: PolicyJson) => PolicyJson): Rewrite | undefined => {
	const into = places.find(place => place.place === ref.place)?.rewritable?.(context, ref, requirements[0]!);
	if (!into?.document) return undefined;
	const cleaned = knownActionsOnly(edit(into.document), context.catalogue);
	return {into, policy: cleaned.policy, note: cleaned.note};
};

/** `undefined` where the statement's place cannot be rewritten, or holds no document. */
export const rewriteStatement = (context: FixContext, places: readonly FixPlace[], found: FoundStatement<unknown>, statement: JsonObject): Rewrite | undefined =>
	edited(context, places, found, document => replaceStatement(document, found.trace.statementIndex, statement));

/** The same, with a statement made for the policy (its Sid unique there) added after the others; the one found stays as it was. */
export const besideStatement = (
	context: FixContext,
	places: readonly FixPlace[],
	found: FoundStatement<unknown>,
	make: (document: PolicyJson) => JsonObject,
): (Rewrite & {readonly statement: JsonObject}) | undefined => {
	let statement: JsonObject | undefined;
	const rewrite = edited(context, places, found, document => mergeStatement(document, (statement = make(document))));
	return rewrite && statement ? {...rewrite, statement} : undefined;
};

/** Whether the statement as written already tests `key` (in any case) under `operator`: a clause added there would have to merge. */
export const testsKeyUnder = (trace: StatementTrace, operator: string, key: string): boolean => {
	const block = isObject(trace.source['Condition']) ? trace.source['Condition'][operator] : undefined;
	return isObject(block) && Object.keys(block).some(written => written.toLowerCase() === key.toLowerCase());
};
