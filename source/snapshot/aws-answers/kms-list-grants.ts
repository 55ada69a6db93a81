import type {GrantConstraints, KeyGrant} from '../snapshot.js';
import {listPageOf, type Mapped, type Page} from './answer.js';
import {asString, field, stringMap, strings} from './json-access.js';

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

/** kms:ListGrants: one page of the key's grants; an answer without its list is a problem, not "no grants". */
export const grantsPageOf = (answer: unknown): Mapped<Page<KeyGrant>> =>
	listPageOf(answer, {list: 'Grants', missing: 'so it does not say which grants the key has', truncated: 'Truncated', marker: 'NextMarker'}, grantOf);
