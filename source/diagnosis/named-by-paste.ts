import type {Finding} from './diagnosis.js';
import {iamEntityOf} from './fixes/context.js';
import {inlineOwnerOf} from './fixes/inline-owner.js';
import type {Snapshot} from '../snapshot/snapshot.js';

/**
 * In a snapshot of pasted policies (the wizard's manual mode) an identity policy has an IAM name only where the pasted
 * aws iam get-role-policy (get-user-policy, get-group-policy) output named it (inputs/manual/identity-policy-names.ts):
 * the report says so, as a fix that rewrites the policy writes it by that name, which nothing was read to confirm.
 */

export const namedByPasteFindings = (snapshot: Snapshot): Finding[] => {
	const caller = iamEntityOf(snapshot);
	if (snapshot.metadata?.collectedBy !== 'manual' || !caller) return [];
	return (snapshot.principal?.identityPolicies ?? []).flatMap((named): Finding[] => {
		const owner = inlineOwnerOf(named, caller);
		if (!owner) return [];
		const membership = owner.kind === 'group' ? ` That ${caller.kind} ${caller.name} is in group ${owner.name} is as given: a paste cannot show it.` : '';
		return [
			{
				id: 'identity-policy-named-by-paste',
				severity: 'info',
				message:
					`Identity policy "${named.name}" is named as the pasted aws iam get-${owner.kind}-policy output names it: inline policy ${owner.policyName} of ${owner.kind} ${owner.name} ` +
					`(given, not read from IAM).${membership} A fix that rewrites it writes that policy.`,
			},
		];
	});
};
