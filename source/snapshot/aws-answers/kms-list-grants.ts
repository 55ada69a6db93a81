import type {GrantConstraints, KeyGrant} from '../snapshot.js';
import {nextMarker, pageOf, type Page} from './answer.js';
import {asArray, asString, field, stringMap, strings} from './json-access.js';

/** One grant; undefined without a grantee (a grant that names nobody lets nobody in). */
const grantOf = (value: unknown): KeyGrant | undefined => {
	const granteePrincipal = asString(field(value, 'GranteePrincipal'));
	if (!granteePrincipal) return undefined;
	const grantId = asString(field(value, 'GrantId'));
	const name = asString(field(value, 'Name'));
	const retiringPrincipal = asString(field(value, 'RetiringPrincipal'));
	const equals = stringMap(field(value, 'Constraints', 'EncryptionContextEquals'));
	const subset = stringMap(field(value, 'Constraints', 'EncryptionContextSubset'));
	const constraints: GrantConstraints = {...(equals ? {encryptionContextEquals: equals} : {}), ...(subset ? {encryptionContextSubset: subset} : {})};
	return {
		...(grantId ? {grantId} : {}),
		...(name ? {name} : {}),
		granteePrincipal,
		...(retiringPrincipal ? {retiringPrincipal} : {}),
		operations: strings(field(value, 'Operations')),
		...(equals || subset ? {constraints} : {}),
	};
};

/** kms:ListGrants: one page of the key's grants. */
export const grantsPageOf = (answer: unknown): Page<KeyGrant> =>
	pageOf(
		asArray(field(answer, 'Grants')).flatMap(grant => grantOf(grant) ?? []),
		nextMarker(answer, 'Truncated', 'NextMarker'),
	);
