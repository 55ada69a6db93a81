import type {PolicyRef} from '../policy-ref.js';
import type {NamedPolicy, PolicyJson, Snapshot} from '../../snapshot/snapshot.js';

/**
 * A fix applied to a copy of the snapshot: how the proof re-checks it and how the next round of fixes
 * sees it. Only the document changes; everything else about the policy (name, ARN) stays.
 */

/** The policies a fix writes; none goes into a session policy, an SCP or an RCP. */
export type WritableRef =
	| Extract<PolicyRef, {readonly place: 'identity-policy'}>
	| {readonly place: 'permissions-boundary'; readonly owner: 'caller'}
	| Extract<PolicyRef, {readonly place: 'key-policy' | 'bucket-policy'}>;

export const writePolicy = (snapshot: Snapshot, ref: WritableRef, document: PolicyJson): Snapshot => {
	switch (ref.place) {
		case 'identity-policy': {
			const identityPolicies = (snapshot.principal?.identityPolicies ?? []).map((entry, index) => (index === ref.index ? {...entry, document} : entry));
			return {...snapshot, principal: {...snapshot.principal!, identityPolicies}};
		}
		case 'permissions-boundary':
			return {...snapshot, principal: {...snapshot.principal!, permissionsBoundary: {...snapshot.principal!.permissionsBoundary!, document}}};
		case 'key-policy':
			return ref.owner === 'source'
				? {...snapshot, source: {...snapshot.source, keyInfo: {...snapshot.source!.keyInfo!, policy: document}}}
				: {...snapshot, key: {...snapshot.key!, policy: document}};
		case 'bucket-policy':
			// A bucket without a known policy gets one: `bucketInfo` may not be there yet.
			return ref.owner === 'source'
				? {...snapshot, source: {...snapshot.source, bucketInfo: {...snapshot.source?.bucketInfo, policy: document}}}
				: {...snapshot, bucket: {...snapshot.bucket, policy: document}};
	}
};

/** A new inline policy of the caller, after the ones it has. */
export const addIdentityPolicy = (snapshot: Snapshot, policy: NamedPolicy): Snapshot => ({
	...snapshot,
	principal: {...snapshot.principal!, identityPolicies: [...(snapshot.principal?.identityPolicies ?? []), policy]},
});
