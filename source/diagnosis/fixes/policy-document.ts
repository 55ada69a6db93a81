import {isObject, type JsonObject, type Mutable} from '../../shared/json.js';
import type {PolicyJson} from '../../snapshot/snapshot.js';

/**
 * Editing a policy document the way a person pasting it back would want: every statement that was there
 * stays byte for byte (same keys, same order), so a diff of the pasted policy shows only the change.
 */

export const statementsOf = (document: PolicyJson): unknown[] => {
	const statement = document['Statement'];
	return Array.isArray(statement) ? [...statement] : statement === undefined ? [] : [statement];
};

/** A name usable inside a Sid: letters and digits, first letter capital ("john" → "John"). */
export const sidPart = (text: string): string => {
	const cleaned = text.replace(/[^A-Za-z0-9]/g, '');
	return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
};

/** `wanted`, or `wanted2`, `wanted3` … whichever no statement of the document uses yet. */
export const uniqueSid = (document: PolicyJson | null | undefined, wanted: string): string => {
	const taken = new Set(document ? statementsOf(document).map(statement => (isObject(statement) ? statement['Sid'] : undefined)) : []);
	let sid = wanted;
	for (let suffix = 2; taken.has(sid); suffix++) sid = `${wanted}${suffix}`;
	return sid;
};

/** Append a statement, keeping every existing statement as it was; no document yet: a new one. */
export const mergeStatement = (document: PolicyJson | null | undefined, statement: JsonObject): PolicyJson => ({
	...(document ?? {Version: '2012-10-17'}),
	Statement: [...(document ? statementsOf(document) : []), statement],
});

/** Put `statement` in place of the one at `index` (a lone statement object is replaced whole). */
export const replaceStatement = (document: PolicyJson, index: number, statement: JsonObject): PolicyJson => {
	if (!Array.isArray(document['Statement'])) return {...document, Statement: statement};
	const statements = [...document['Statement']];
	statements[index] = statement;
	return {...document, Statement: statements};
};

/** Add `ArnNotEquals aws:PrincipalArn` for the caller to a Deny, so it no longer denies this request. */
export const exemptCaller = (statement: JsonObject, principalArn: string): JsonObject => exemptPrincipalArns(statement, 'ArnNotEquals', [principalArn]);

/**
 * Add `ArnNotLike aws:PrincipalArn` for a role named `name` with no path or any path (a `*` between `role/` and `/NAME`):
 * for a session whose role's path is not known. A role's name is unique in its account: the two name that role, no other.
 */
export const exemptRoleUnderAnyPath = (statement: JsonObject, partition: string, account: string, name: string): JsonObject =>
	exemptPrincipalArns(statement, 'ArnNotLike', [`arn:${partition}:iam::${account}:role/${name}`, `arn:${partition}:iam::${account}:role/*/${name}`]);

const exemptPrincipalArns = (statement: JsonObject, operator: 'ArnNotEquals' | 'ArnNotLike', added: readonly string[]): JsonObject => {
	const condition: Mutable<JsonObject> = {...(isObject(statement['Condition']) ? statement['Condition'] : {})};
	const block: Mutable<JsonObject> = {...(isObject(condition[operator]) ? condition[operator] : {})};
	// Condition keys are case-insensitive: extend the key the Deny already has rather than add a twin.
	const existingKey = Object.keys(block).find(key => key.toLowerCase() === 'aws:principalarn') ?? 'aws:PrincipalArn';
	const existing = block[existingKey];
	const values = [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), ...added];
	block[existingKey] = values.length === 1 ? values[0]! : values;
	condition[operator] = block;
	return {...statement, Condition: condition};
};
