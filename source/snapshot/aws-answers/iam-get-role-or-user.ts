import {parsePrincipalArn, valueOf} from '../../names/index.js';
import {ok} from '../../shared/result.js';
import {shapeProblem, type Mapped} from './answer.js';
import type {PolicyJson} from '../snapshot.js';
import {asArray, asObject, asString, field} from './json-access.js';
import {policyDocumentOf} from './policy-document.js';

/** What iam:GetRole or iam:GetUser says of the role or user: its ARN (with its path), ID, boundary and tags. */
export type IamEntity = {
	readonly arn?: string;
	/** RoleId or UserId. */
	readonly uniqueId?: string;
	readonly boundaryArn?: string;
	/** Only when it has tags. */
	readonly tags?: Readonly<Record<string, string>>;
	/** A role's trust policy (AssumeRolePolicyDocument: URL-encoded through the SDK, an object from the CLI). */
	readonly trustPolicy?: PolicyJson;
};

const tagsOf = (value: unknown): Record<string, string> | undefined => {
	const entries = asArray(value)
		.map(tag => [asString(field(tag, 'Key')), asString(field(tag, 'Value')) ?? ''] as const)
		.filter((entry): entry is readonly [string, string] => entry[0] !== undefined);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
};

/** `{Role: …}` or `{User: …}`. An answer without it is a problem: "no boundary" must not be guessed from nothing. */
export const iamEntityOf = (answer: unknown, kind: 'role' | 'user'): Mapped<IamEntity> => {
	const entity = asObject(field(answer, kind === 'role' ? 'Role' : 'User'));
	if (!entity) return shapeProblem(`${kind === 'role' ? 'GetRole' : 'GetUser'} returned no ${kind}`);
	const arn = asString(entity['Arn']);
	// The ARN becomes the principal's role (or acting principal): one that is not this kind's is not taken.
	if (arn !== undefined && valueOf(parsePrincipalArn(arn))?.kind !== kind) return shapeProblem(`the answer's ${kind === 'role' ? 'Role' : 'User'}.Arn is not an IAM ${kind} ARN`);
	const uniqueId = asString(entity[kind === 'role' ? 'RoleId' : 'UserId']);
	const boundaryArn = asString(field(entity, 'PermissionsBoundary', 'PermissionsBoundaryArn'));
	const tags = tagsOf(entity['Tags']);
	const trust = kind === 'role' && entity['AssumeRolePolicyDocument'] !== undefined ? policyDocumentOf(entity['AssumeRolePolicyDocument']) : undefined;
	return ok({
		...(arn ? {arn} : {}),
		...(uniqueId ? {uniqueId} : {}),
		...(boundaryArn ? {boundaryArn} : {}),
		...(tags ? {tags} : {}),
		...(trust?.ok ? {trustPolicy: trust.value} : {}),
	});
};
