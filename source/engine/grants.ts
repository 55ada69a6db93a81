import type {ContextLookup} from './context.js';
import type {GrantInput, StatementTrace} from './evaluation.js';
import {matchPrincipal, type Caller} from './principal.js';
import {triAnd, type Tri} from './tri.js';

/**
 * KMS grants: allow-only, one key each. A grant applies when its grantee is the caller (a role
 * grantee covers the role's sessions), its operations include the action, and its encryption
 * context constraint fits the request's `kms:EncryptionContext:*` keys.
 */

/**
 * KMS (GrantConstraints): "in a grant constraint, the key in each key-value pair is not case sensitive, but the
 * value is case sensitive." The context lookup ignores the key's case; values are compared exactly.
 */
const constraintHolds = (pairs: Readonly<Record<string, string>>, lookup: ContextLookup, exact: boolean): Tri => {
	const results: Tri[] = Object.entries(pairs).map(([key, expected]) => {
		const entry = lookup(`kms:EncryptionContext:${key}`);
		if (entry.state === 'unknown') return 'unknown';
		return entry.state === 'present' && entry.values.includes(expected) ? 'yes' : 'no';
	});
	if (exact) {
		// Equals also forbids pairs beyond the constraint: needs the full key list of the request.
		const keys = lookup('kms:EncryptionContextKeys');
		if (keys.state === 'unknown') results.push('unknown');
		else {
			const requested = keys.state === 'present' ? keys.values : [];
			const allowed = new Set(Object.keys(pairs).map(key => key.toLowerCase()));
			results.push(requested.every(key => allowed.has(key.toLowerCase())) ? 'yes' : 'no');
		}
	}
	return triAnd(...results);
};

export const evaluateGrant = (grant: GrantInput, caller: Caller, action: string, lookup: ContextLookup): StatementTrace | undefined => {
	const operation = action.replace(/^kms:/i, '').toLowerCase();
	if (!grant.operations.some(candidate => candidate.replace(/^kms:/i, '').toLowerCase() === operation)) return undefined;
	const principalMatch = matchPrincipal({kind: 'set', aws: [grant.granteePrincipal], service: [grant.granteePrincipal], federated: [], canonicalUser: []}, caller);
	if (principalMatch === 'none' || principalMatch === 'account') return undefined;
	const constraints: Tri[] = [];
	if (grant.encryptionContextSubset) constraints.push(constraintHolds(grant.encryptionContextSubset, lookup, false));
	if (grant.encryptionContextEquals) constraints.push(constraintHolds(grant.encryptionContextEquals, lookup, true));
	const applies = triAnd(...constraints);
	const reason =
		applies === 'yes'
			? `grant "${grant.name}" gives ${grant.granteePrincipal} ${action}`
			: applies === 'no'
				? `grant "${grant.name}" names the caller, but its encryption context constraint does not fit this request`
				: `grant "${grant.name}" names the caller, but whether its encryption context constraint fits is not known`;
	return {
		policy: 'KMS grants',
		statementIndex: -1,
		label: `grant "${grant.name}"`,
		effect: 'Allow',
		applies,
		actionMatched: true,
		resourceMatched: 'yes',
		principalMatch,
		conditions: [],
		reason,
		source: grant as unknown as Readonly<Record<string, unknown>>,
	};
};
