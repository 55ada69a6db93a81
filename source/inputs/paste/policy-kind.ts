import type {Policy} from '../../engine/policy.js';

/**
 * A policy pasted into the wrong box is still a valid policy: say so rather than accept it silently.
 * Resource policies (key, bucket) name who they allow in a Principal; identity policies, permissions
 * boundaries, session policies and SCPs never do (IAM refuses a Principal there).
 */

export type PolicyKind = 'key-policy' | 'bucket-policy' | 'identity-policy' | 'scp';

const kindWords: Readonly<Record<PolicyKind, string>> = {
	'key-policy': 'a key policy',
	'bucket-policy': 'a bucket policy',
	'identity-policy': 'an identity policy',
	scp: 'a service control policy',
};

const namesPrincipal = (policy: Policy): boolean => policy.statements.some(statement => statement.principal !== undefined || statement.notPrincipal !== undefined);

const resources = (policy: Policy): string[] => policy.statements.flatMap(statement => [...(statement.resource ?? []), ...(statement.notResource ?? [])]);

/** Warnings (none when it looks right) for a policy pasted where `expected` was asked for. */
export const wrongKindWarnings = (policy: Policy, expected: PolicyKind): string[] => {
	const asked = kindWords[expected];
	if (expected === 'key-policy' || expected === 'bucket-policy') {
		const warnings: string[] = [];
		if (!namesPrincipal(policy)) warnings.push(`no statement names a Principal: this looks like an IAM identity policy, not ${asked} (a resource policy says whom it allows)`);
		const s3 = resources(policy).some(resource => /^arn:[a-z-]+:s3:::/.test(resource));
		if (expected === 'key-policy' && s3) warnings.push('it names S3 resources: this looks like a bucket policy, not a key policy (a key policy has "Resource": "*")');
		if (expected === 'bucket-policy' && namesPrincipal(policy) && !s3) warnings.push('it names no S3 resource: this looks like a key policy, not a bucket policy (a bucket policy names arn:aws:s3:::BUCKET)');
		return warnings;
	}
	if (namesPrincipal(policy)) return [`a statement names a Principal: this looks like a key or bucket policy, not ${asked} (IAM refuses a Principal here)`];
	return [];
};
