import {describe, expect, it} from 'vitest';
import {boundaryHint, bucketPolicyHint, identityPoliciesHint, keyPolicyHint, scpHint} from '../../../source/inputs/paste/fetch-commands.js';

/** The command under each paste question, filled in with what is known, and where it must run. */

describe('the command that prints what a paste question asks for', () => {
	it('reads the key policy with the key ARN, in the key\'s own account', () => {
		const hint = keyPolicyHint('arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab');
		// KMS answers only in the key's Region, whatever the credentials' default: the ARN's Region is passed.
		expect(hint.commands).toEqual(["aws kms get-key-policy --key-id arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab --region 'eu-west-1' --policy-name default --query Policy --output text"]);
		// "Cross-account use: No. You cannot perform this operation on a KMS key in a different AWS account." (GetKeyPolicy)
		expect(hint.where).toContain("account 444455556666, the key's own account: a key policy can be read only from there");
	});

	it("reads the bucket policy in the bucket owner's account", () => {
		const hint = bucketPolicyHint('reports-bucket', '444455556666');
		expect(hint.commands[0]).toBe('aws s3api get-bucket-policy --bucket reports-bucket --query Policy --output text');
		// GetBucketPolicy: the caller must "belong to the bucket owner's account in order to use this operation".
		expect(hint.where).toContain("account 444455556666, the bucket owner's account");
	});

	it("lists a session's role policies by the role's name, and a user's with their groups", () => {
		const role = identityPoliciesHint('arn:aws:sts::111122223333:assumed-role/Uploader/nightly');
		expect(role.commands.slice(0, 3)).toEqual([
			'aws iam list-role-policies --role-name Uploader',
			// Not --query PolicyDocument: the whole output names the policy, which a fix that narrows a Deny in it writes.
			'aws iam get-role-policy --role-name Uploader --policy-name NAME   (paste all it prints: it names the policy a fix rewrites)',
			'aws iam list-attached-role-policies --role-name Uploader',
		]);
		expect(role.where).toContain('account 111122223333');
		const user = identityPoliciesHint('arn:aws:iam::111122223333:user/john');
		expect(user.commands).toContain('aws iam list-user-policies --user-name john');
		expect(user.commands.some(command => command.startsWith('aws iam list-groups-for-user --user-name john'))).toBe(true);
	});

	it("finds a role's permissions boundary", () => {
		expect(boundaryHint('arn:aws:iam::111122223333:role/Uploader').commands[0]).toBe(
			'aws iam get-role --role-name Uploader --query Role.PermissionsBoundary.PermissionsBoundaryArn --output text',
		);
	});

	it("reads SCPs from the management account, starting at the caller's account", () => {
		const hint = scpHint('arn:aws:iam::111122223333:user/john');
		expect(hint.commands[0]).toMatch(/^aws organizations list-parents --child-id 111122223333/);
		expect(hint.commands.at(-1)).toBe('aws organizations describe-policy --policy-id POLICY_ID --query Policy.Content --output text');
		expect(hint.where).toContain('management account');
	});
});
