import {iamNameSource, isIamName} from '../../names/index.js';
import type {NamedPolicy} from '../../snapshot/snapshot.js';
import type {IamEntity} from './draft.js';

/**
 * Whose inline policy a listed identity policy without an ARN is, and its name as IAM knows it. Live reads list a group's
 * inline policy as "group NAME: POLICY" and a support bundle as "group NAME/POLICY" (aws/read-iam.ts,
 * inputs/bundle/read-principal.ts); IAM's own names hold neither white space, ":" nor "/", so neither form can be the
 * caller's own. A name that is neither (a pasted policy's "pasted identity policy 1") says nothing of which policy it is;
 * the wizard names a pasted one in these forms only where its pasted get-*-policy output named it for the caller
 * (inputs/manual/identity-policy-names.ts).
 */

export type InlineOwner = {readonly kind: 'role' | 'user' | 'group'; readonly name: string; readonly policyName: string};

const groupInline = new RegExp(`^group (${iamNameSource})(?:: |/)(${iamNameSource})$`);

/** `undefined`: a managed policy (it has an ARN), or a name that does not say whose inline policy it is. */
export const inlineOwnerOf = (entry: NamedPolicy, caller: IamEntity): InlineOwner | undefined => {
	if (entry.arn !== undefined) return undefined;
	if (isIamName(entry.name, 'policy')) return {kind: caller.kind, name: caller.name, policyName: entry.name};
	// A role belongs to no group: a role's policy named like a group's is not one.
	const group = caller.kind === 'user' ? groupInline.exec(entry.name) : null;
	return group && isIamName(group[1]!, 'group') && isIamName(group[2]!, 'policy') ? {kind: 'group', name: group[1]!, policyName: group[2]!} : undefined;
};
