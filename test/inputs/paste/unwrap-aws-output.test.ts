import {describe, expect, it} from 'vitest';
import {readPastedPolicy} from '../../../source/inputs/paste/read-pasted-policy.js';
import {unwrapAwsOutput} from '../../../source/inputs/paste/unwrap-aws-output.js';
import * as forms from './forms.js';

/** Every form the AWS CLI prints a policy (and grants, and encryption settings) in, as people paste it. */

const policyOf = (text: string) => {
	const result = unwrapAwsOutput(text);
	if (!result.ok || result.value.kind !== 'policy') throw new Error(`not a policy: ${JSON.stringify(result)}`);
	return result.value;
};

describe('pasted AWS CLI output', () => {
	it('takes the key policy out of the Policy string of aws kms get-key-policy', () => {
		const pasted = policyOf(forms.getKeyPolicy);
		expect(pasted.document).toEqual(forms.keyPolicyDocument);
		expect(pasted.notes).toEqual(['took the policy out of the "Policy" string that aws kms get-key-policy prints']);
	});

	it('takes the bucket policy out of the Policy string of aws s3api get-bucket-policy', () => {
		const pasted = policyOf(forms.getBucketPolicy);
		expect(pasted.document).toEqual(forms.bucketPolicyDocument);
		expect(pasted.notes[0]).toContain('aws s3api get-bucket-policy');
	});

	it('takes PolicyDocument out of aws iam get-user-policy and get-role-policy, object or URL-encoded', () => {
		expect(policyOf(forms.getUserPolicy).document).toEqual(forms.identityPolicyDocument);
		expect(policyOf(forms.getUserPolicy).notes[0]).toContain('aws iam get-user-policy');
		expect(policyOf(forms.getRolePolicy).notes[0]).toContain('aws iam get-role-policy');
		expect(policyOf(forms.urlEncodedRolePolicy).document).toEqual(forms.identityPolicyDocument);
	});

	it('keeps the names get-role-policy, get-user-policy and get-group-policy print, and says them', () => {
		expect(policyOf(forms.getRolePolicy).inline).toEqual({owner: 'role', ownerName: 'uploader', policyName: 'uploads'});
		expect(policyOf(forms.getRolePolicy).notes).toEqual(['took the policy out of the "PolicyDocument" that aws iam get-role-policy prints: inline policy uploads of role uploader']);
		expect(policyOf(forms.getUserPolicy).inline).toEqual({owner: 'user', ownerName: 'john', policyName: 'uploads'});
		const group = JSON.stringify({GroupName: 'Admins', PolicyName: 'Guardrail', PolicyDocument: forms.identityPolicyDocument});
		expect(policyOf(group).inline).toEqual({owner: 'group', ownerName: 'Admins', policyName: 'Guardrail'});
		// get-policy-version prints no ARN: a managed policy stays unnamed.
		expect(policyOf(forms.getPolicyVersion).inline).toBeUndefined();
		// Not the command's shape (two owners, no policy name): nothing is named.
		expect(policyOf(JSON.stringify({RoleName: 'a', UserName: 'b', PolicyName: 'p', PolicyDocument: forms.identityPolicyDocument})).inline).toBeUndefined();
		expect(policyOf(JSON.stringify({RoleName: 'a', PolicyDocument: forms.identityPolicyDocument})).inline).toBeUndefined();
	});

	it('keeps no name IAM would refuse, and says which field without repeating it', () => {
		const escaped = policyOf(JSON.stringify({RoleName: 'uploader\u001b[31m', PolicyName: 'uploads', PolicyDocument: forms.identityPolicyDocument}));
		expect(escaped.inline).toBeUndefined();
		expect(escaped.inlineProblem).toBe('the RoleName that aws iam get-role-policy prints is not an IAM role name (IAM names have letters, digits and + = , . @ _ - only)');
		const shell = policyOf(JSON.stringify({UserName: 'john', PolicyName: '$(rm -rf ~)', PolicyDocument: forms.identityPolicyDocument}));
		expect(shell.inline).toBeUndefined();
		expect(shell.inlineProblem).toContain('the PolicyName that aws iam get-user-policy prints is not an IAM policy name');
		expect(JSON.stringify([escaped.notes, shell.notes, shell.inlineProblem])).not.toMatch(/\\u001b|\$\(/);
	});

	it('takes PolicyVersion.Document out of aws iam get-policy-version', () => {
		const pasted = policyOf(forms.getPolicyVersion);
		expect(pasted.document).toEqual(forms.identityPolicyDocument);
		expect(pasted.notes[0]).toContain('aws iam get-policy-version');
	});

	it('takes Policy.Content out of aws organizations describe-policy', () => {
		expect(policyOf(forms.describePolicy).document['Statement']).toHaveLength(1);
	});

	it('reads the Grants list of aws kms list-grants', () => {
		const result = unwrapAwsOutput(forms.listGrants);
		expect(result.ok && result.value.kind === 'grants' && result.value.grants.map(grant => grant['GranteePrincipal'])).toEqual(['arn:aws:iam::111122223333:role/uploader']);
	});

	it('reads the default rule of aws s3api get-bucket-encryption and the encryption of aws s3api head-object', () => {
		expect(unwrapAwsOutput(forms.getBucketEncryption)).toMatchObject({ok: true, value: {kind: 'bucket-encryption', algorithm: 'aws:kms', kmsKeyId: forms.keyArn, bucketKeyEnabled: true}});
		expect(unwrapAwsOutput(forms.headObject)).toMatchObject({ok: true, value: {kind: 'object-encryption', kmsKeyId: forms.keyArn, bucketKeyEnabled: false}});
	});
});

describe('statements pasted on their own', () => {
	it('wraps a bare statement with its trailing comma into a policy, and says both', () => {
		const pasted = policyOf(forms.bareStatementWithComma);
		expect(pasted.document['Version']).toBe('2012-10-17');
		expect(pasted.document['Statement']).toEqual([JSON.parse(forms.bareStatementWithComma.slice(0, -1))]);
		expect(pasted.notes).toEqual(['ignored the trailing comma at the end', 'wrapped 1 statement into a policy']);
	});

	it('wraps comma-separated statements, and a list of them', () => {
		expect(policyOf(forms.twoBareStatements).notes).toEqual(['wrapped 2 statements into a policy']);
		expect(policyOf(`[${forms.twoBareStatements}]`).document['Statement']).toHaveLength(2);
	});

	it('adds the braces around a "Statement": [...] fragment', () => {
		const pasted = policyOf(`"Statement": [${forms.twoBareStatements}],`);
		expect(pasted.document['Statement']).toHaveLength(2);
		expect(pasted.notes).toContain('added the braces around "Statement"');
	});

	it('tolerates a trailing comma inside the policy, naming its line', () => {
		const pasted = policyOf('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},\n  ]\n}');
		expect(pasted.notes).toEqual(['ignored a trailing comma (line 5)']);
	});
});

describe('what cannot be read', () => {
	it('points at the line and column of a real syntax error', () => {
		const result = unwrapAwsOutput('{\n  "Version": "2012-10-17"\n  "Statement": []\n}');
		expect(result).toMatchObject({ok: false, error: {line: 3, column: 3}});
	});

	it('says what JSON without a Statement holds, instead of only "no Statement"', () => {
		const result = unwrapAwsOutput('{"KeyMetadata": {"KeyId": "x"}}');
		expect(!result.ok && result.error.message).toMatch(/no "Statement" \(it has "KeyMetadata"\).*output of the command/);
	});

	it('names list-grants output pasted where a policy was asked for', () => {
		expect(readPastedPolicy(forms.listGrants, 'Key policy', 'key-policy')).toMatchObject({ok: false, error: {message: expect.stringContaining('aws kms list-grants, not a policy')}});
	});
});

describe('a policy pasted into the wrong box', () => {
	it('warns when a key or bucket policy names no Principal (an identity policy)', () => {
		const pasted = readPastedPolicy(JSON.stringify(forms.identityPolicyDocument), 'Key policy', 'key-policy');
		expect(pasted.ok && pasted.value.warnings[0]).toMatch(/no statement names a Principal: this looks like an IAM identity policy, not a key policy/);
		const bucket = readPastedPolicy(JSON.stringify(forms.identityPolicyDocument), 'Bucket policy', 'bucket-policy');
		expect(bucket.ok && bucket.value.warnings[0]).toMatch(/not a bucket policy/);
	});

	it('warns when an identity policy or an SCP names a Principal', () => {
		const pasted = readPastedPolicy(forms.getKeyPolicy, 'Identity policy 1', 'identity-policy');
		expect(pasted.ok && pasted.value.warnings).toEqual([expect.stringMatching(/names a Principal: this looks like a key or bucket policy, not an identity policy/)]);
	});

	it('tells a bucket policy from a key policy by what it names', () => {
		const asKey = readPastedPolicy(forms.getBucketPolicy, 'Key policy', 'key-policy');
		expect(asKey.ok && asKey.value.warnings).toEqual([expect.stringContaining('looks like a bucket policy')]);
		const asBucket = readPastedPolicy(forms.getKeyPolicy, 'Bucket policy', 'bucket-policy');
		expect(asBucket.ok && asBucket.value.warnings).toEqual([expect.stringContaining('looks like a key policy')]);
	});

	it('says nothing when the kind is right', () => {
		expect(readPastedPolicy(forms.getKeyPolicy, 'Key policy', 'key-policy')).toMatchObject({ok: true, value: {warnings: [], statementCount: 2}});
		expect(readPastedPolicy(forms.getBucketPolicy, 'Bucket policy', 'bucket-policy')).toMatchObject({ok: true, value: {warnings: []}});
		expect(readPastedPolicy(forms.getRolePolicy, 'Identity policy 1', 'identity-policy')).toMatchObject({ok: true, value: {warnings: []}});
	});
});
