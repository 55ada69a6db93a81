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
/** Whether a constraint holds and, where it does not, the first pair that fails in words. */
type ConstraintResult = {readonly holds: Tri; readonly failing?: string; readonly open?: string};

/** Why a pair or the key list is not known: the request's, or a stored object's context HeadObject does not show. */
const storedContext = "the object's stored encryption context may hold pairs its writer added, which HeadObject does not show (a CloudTrail kms:Decrypt event for this object does)";

const constraintHolds = (pairs: Readonly<Record<string, string>>, lookup: ContextLookup, exact: boolean): ConstraintResult => {
	const results: Tri[] = [];
	let failing: string | undefined;
	let open: string | undefined;
	const keys = lookup('kms:EncryptionContextKeys');
	const stored = keys.state === 'present' && keys.partial === true;
	for (const [key, expected] of Object.entries(pairs)) {
		const entry = lookup(`kms:EncryptionContext:${key}`);
		const result: Tri = entry.state === 'unknown' ? 'unknown' : entry.state === 'present' && entry.values.includes(expected) ? 'yes' : 'no';
		if (result === 'unknown' && open === undefined) open = `it requires ${key} = "${expected}", ${stored ? `and ${storedContext}` : 'which is not known for this request'}`;
		if (result === 'no' && failing === undefined) {
			const sent = entry.state === 'present' ? `"${entry.values.join('", "')}"` : 'no such pair';
			failing = `requires ${key} = "${expected}", and this request sends ${sent}`;
		}
		results.push(result);
	}
	if (exact) {
		// Equals also forbids pairs beyond the constraint: needs the full key list of the request.
		if (keys.state === 'unknown') results.push('unknown');
		else {
			const requested = keys.state === 'present' ? keys.values : [];
			const allowed = new Set(Object.keys(pairs).map(key => key.toLowerCase()));
			const extra = requested.filter(key => !allowed.has(key.toLowerCase()));
			if (extra.length > 0 && failing === undefined) failing = `allows only the pairs it lists, and this request also sends ${extra.join(', ')}`;
			// A context that may hold pairs not known (an object's stored one) fits Equals only if it holds no more.
			results.push(extra.length > 0 ? 'no' : stored ? 'unknown' : 'yes');
			if (extra.length === 0 && stored && open === undefined) open = `EncryptionContextEquals allows no pair beyond those it lists, and ${storedContext}`;
		}
	}
	return {holds: triAnd(...results), ...(failing ? {failing} : {}), ...(open ? {open} : {})};
};

export const evaluateGrant = (grant: GrantInput, caller: Caller, action: string, lookup: ContextLookup): StatementTrace | undefined => {
	const operation = action.replace(/^kms:/i, '').toLowerCase();
	if (!grant.operations.some(candidate => candidate.replace(/^kms:/i, '').toLowerCase() === operation)) return undefined;
	const principalMatch = matchPrincipal({kind: 'set', aws: [grant.granteePrincipal], service: [grant.granteePrincipal], federated: [], canonicalUser: []}, caller);
	if (principalMatch === 'none' || principalMatch === 'account') return undefined;
	const constraints: ConstraintResult[] = [];
	if (grant.encryptionContextSubset) constraints.push(constraintHolds(grant.encryptionContextSubset, lookup, false));
	if (grant.encryptionContextEquals) constraints.push(constraintHolds(grant.encryptionContextEquals, lookup, true));
	const applies = triAnd(...constraints.map(constraint => constraint.holds));
	const failing = constraints.find(constraint => constraint.failing !== undefined)?.failing;
	const open = constraints.find(constraint => constraint.holds === 'unknown' && constraint.open !== undefined)?.open;
	const reason =
		applies === 'yes'
			? `grant "${grant.name}" gives ${grant.granteePrincipal} ${action}`
			: applies === 'no'
				? `its encryption context constraint ${failing ?? 'does not fit this request'}`
				: `whether its encryption context constraint fits is not known${open ? `: ${open}` : ''}`;
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
