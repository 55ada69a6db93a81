import {evaluateCondition} from '../../engine/conditions/evaluate-condition.js';
import {createContextLookup, type ContextValue} from '../../engine/context.js';
import {parsePolicy} from '../../engine/parse-policy.js';
import {statementLabel, type Statement} from '../../engine/policy.js';
import {triBoth, type Tri} from '../../engine/tri.js';
import {isObject, type JsonObject, type Mutable} from '../../shared/json.js';
import type {PolicyJson} from '../../snapshot/snapshot.js';

/**
 * The encryption-context scope (`kms:EncryptionContext:…`, `kms:EncryptionContextKeys`) a policy's owner gave the
 * caller in the statement that nearly matches a new Allow (the same caller, another use of the same key): the new
 * statement keeps it where it still holds for the request, and otherwise says plainly that it is broader.
 */

/** The scope of one statement: its label, its encryption-context conditions as written, and whether they hold. */
export type EncryptionContextScope = {readonly label: string; readonly condition: JsonObject; readonly keys: readonly string[]; readonly holds: Tri};

const isScopeKey = (key: string): boolean => key.toLowerCase().startsWith('kms:encryptioncontext');

const coversKms = (statement: Statement): boolean => (statement.action ?? []).some(action => action === '*' || action.toLowerCase().startsWith('kms:'));

/** The scope's conditions as the owner wrote them, each operator with only its encryption-context keys. */
const scopeAsWritten = (source: Readonly<Record<string, unknown>>): JsonObject => {
	const written: Mutable<JsonObject> = {};
	const condition = source['Condition'];
	if (!isObject(condition)) return written;
	for (const [operator, block] of Object.entries(condition)) {
		if (!isObject(block)) continue;
		const kept = Object.fromEntries(Object.entries(block).filter(([key]) => isScopeKey(key)));
		if (Object.keys(kept).length > 0) written[operator] = kept;
	}
	return written;
};

/**
 * The first Allow of `document` that `namesCaller` accepts, that allows a KMS action and keeps it to an encryption
 * context; one whose scope holds for every request context given is preferred. `undefined` when none has a scope.
 */
export const encryptionContextScope = (
	document: PolicyJson,
	namesCaller: (statement: Statement) => boolean,
	contexts: readonly Readonly<Record<string, ContextValue>>[],
	where = '',
): EncryptionContextScope | undefined => {
	const parsed = parsePolicy(document, 'policy');
	if (!parsed.ok) return undefined;
	const variables = parsed.value.version === '2012-10-17';
	const scopes = parsed.value.statements
		.filter(statement => statement.effect === 'Allow' && coversKms(statement) && namesCaller(statement))
		.flatMap((statement): EncryptionContextScope[] => {
			const clauses = statement.conditions.filter(clause => isScopeKey(clause.key));
			if (clauses.length === 0) return [];
			// Every clause must hold for every request the new statement is for (a copy's two legs send two contexts).
			const holds = contexts.reduce<Tri>(
				(result, context) => clauses.reduce<Tri>((all, clause) => triBoth(all, evaluateCondition(clause, createContextLookup(context), variables).result), result),
				'yes',
			);
			return [{label: `${where}${statementLabel(statement)}`, condition: scopeAsWritten(statement.source), keys: [...new Set(clauses.map(clause => clause.key))], holds}];
		});
	return preferHolding(scopes);
};

/** For an identity policy or a boundary, which name no principal: a statement whose Resource is this key (or `*`). */
export const onKey =
	(keyArn: string) =>
	(statement: Statement): boolean =>
		(statement.resource ?? []).some(resource => resource === keyArn || resource === '*');

/** Of several statements' scopes, one that holds, else the first: the one the new statement is measured against. */
export const preferHolding = (scopes: readonly (EncryptionContextScope | undefined)[]): EncryptionContextScope | undefined =>
	scopes.find(scope => scope?.holds === 'yes') ?? scopes.find(scope => scope !== undefined);

/** `condition` with the scope's operators merged in (a kept scope); both may use StringEquals. */
export const withScope = (condition: JsonObject | undefined, scope: EncryptionContextScope | undefined): JsonObject | undefined => {
	if (scope?.holds !== 'yes') return condition;
	const merged: Mutable<JsonObject> = {...condition};
	for (const [operator, block] of Object.entries(scope.condition)) merged[operator] = {...(isObject(merged[operator]) ? merged[operator] : {}), ...(block as JsonObject)};
	return merged;
};

/** The sentence a fix's summary adds: the scope kept, or, where it cannot be, that the new statement is broader. */
export const scopeWords = (scope: EncryptionContextScope | undefined, whose: string): string => {
	if (!scope) return '';
	const keys = scope.keys.join(', ');
	if (scope.holds === 'yes') return ` It keeps the encryption-context condition of ${scope.label} (${keys}), as ${whose} use of the key is scoped there.`;
	const why = scope.holds === 'no' ? 'that this request does not match' : "; whether this request's matches it is not known, so it could not be kept";
	return ` The new statement is broader than ${scope.label}, which keeps ${whose} use of the key to an encryption context (${keys})${scope.holds === 'no' ? ' ' : ''}${why}.`;
};
