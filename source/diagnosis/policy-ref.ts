import type {Side} from './required-actions.js';

/**
 * Which policy document of the snapshot: its place (the kind of policy), its owner (the caller, the
 * destination's or the copy source's key or bucket, the organization) and, in a list, its index.
 * Names are for people and may repeat — an inline and a managed policy can share one — a ref does not.
 */
export type PolicyRef =
	| {readonly place: 'identity-policy'; readonly owner: 'caller'; readonly index: number}
	| {readonly place: 'permissions-boundary' | 'session-policy'; readonly owner: 'caller'}
	| {readonly place: 'key-policy' | 'bucket-policy'; readonly owner: Side}
	| {readonly place: 'scp' | 'rcp'; readonly owner: 'organization'; readonly level: number; readonly index: number};

const positionOf = (ref: PolicyRef): readonly number[] => ('level' in ref ? [ref.level, ref.index] : 'index' in ref ? [ref.index] : []);

export const sameRef = (a: PolicyRef, b: PolicyRef): boolean =>
	a.place === b.place && a.owner === b.owner && positionOf(a).join() === positionOf(b).join();

/** The dotted snapshot path of the document, as messages and unread notes name it: `principal.identityPolicies[1]`. */
export const pathOf = (ref: PolicyRef): string => {
	switch (ref.place) {
		case 'identity-policy':
			return `principal.identityPolicies[${ref.index}]`;
		case 'permissions-boundary':
			return 'principal.permissionsBoundary';
		case 'session-policy':
			return 'principal.sessionPolicy';
		case 'key-policy':
			return ref.owner === 'source' ? 'source.keyInfo.policy' : 'key.policy';
		case 'bucket-policy':
			return ref.owner === 'source' ? 'source.bucketInfo.policy' : 'bucket.policy';
		case 'scp':
			return `organization.serviceControlPolicies[${ref.level}][${ref.index}]`;
		case 'rcp':
			return `organization.resourceControlPolicies[${ref.level}][${ref.index}]`;
	}
};
