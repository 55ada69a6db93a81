/** What the AWS CLI prints, as people paste it (shapes from the CLI's output with --output json). */

export const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

export const keyPolicyDocument = {
	Version: '2012-10-17',
	Id: 'key-default-1',
	Statement: [
		{Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'},
		{Sid: 'Allow use of the key', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:user/john'}, Action: 'kms:GenerateDataKey', Resource: '*'},
	],
};

export const identityPolicyDocument = {
	Version: '2012-10-17',
	Statement: [{Effect: 'Allow', Action: ['s3:PutObject', 'kms:GenerateDataKey'], Resource: ['arn:aws:s3:::reports-bucket/*', keyArn]}],
};

export const bucketPolicyDocument = {
	Version: '2012-10-17',
	Statement: [{Sid: 'AllowUploads', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::444455556666:role/uploader'}, Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports-bucket/*'}],
};

/** `aws kms get-key-policy --key-id … --policy-name default`: the policy is a JSON string, pretty-printed inside. */
export const getKeyPolicy = JSON.stringify({Policy: JSON.stringify(keyPolicyDocument, null, 2), PolicyName: 'default'}, null, 4);

/** `aws s3api get-bucket-policy --bucket …`: a compact JSON string. */
export const getBucketPolicy = JSON.stringify({Policy: JSON.stringify(bucketPolicyDocument)}, null, 4);

/** `aws iam get-user-policy` / `get-role-policy`: the CLI decodes the document into an object. */
export const getUserPolicy = JSON.stringify({UserName: 'john', PolicyName: 'uploads', PolicyDocument: identityPolicyDocument}, null, 4);
export const getRolePolicy = JSON.stringify({RoleName: 'uploader', PolicyName: 'uploads', PolicyDocument: identityPolicyDocument}, null, 4);

/** `aws iam get-policy-version`. */
export const getPolicyVersion = JSON.stringify({PolicyVersion: {Document: identityPolicyDocument, VersionId: 'v3', IsDefaultVersion: true, CreateDate: '2026-01-05T10:00:00+00:00'}}, null, 4);

/** The IAM API itself (and SDKs) return the document URL-encoded. */
export const urlEncodedRolePolicy = JSON.stringify({RoleName: 'uploader', PolicyName: 'uploads', PolicyDocument: encodeURIComponent(JSON.stringify(identityPolicyDocument))});

/** `aws organizations describe-policy --policy-id p-…`. */
export const describePolicy = JSON.stringify(
	{
		Policy: {
			PolicySummary: {Id: 'p-examplescp', Name: 'DenyOutsideEU', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: false},
			Content: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: '*', Resource: '*', Condition: {StringNotEquals: {'aws:RequestedRegion': ['eu-west-1']}}}]}),
		},
	},
	null,
	4,
);

/** `aws kms list-grants --key-id …`. */
export const listGrants = JSON.stringify(
	{
		Grants: [
			{
				KeyId: keyArn,
				GrantId: 'abcde1237f76e4ba7987489ac329fbfba6ad343d6f7075dbd1ef191f0120514',
				Name: '',
				CreationDate: '2026-01-05T10:00:00+00:00',
				GranteePrincipal: 'arn:aws:iam::111122223333:role/uploader',
				IssuingAccount: 'arn:aws:iam::111122223333:root',
				Operations: ['Decrypt', 'GenerateDataKey'],
			},
		],
		Truncated: false,
	},
	null,
	4,
);

/** `aws s3api get-bucket-encryption --bucket …`. */
export const getBucketEncryption = JSON.stringify(
	{ServerSideEncryptionConfiguration: {Rules: [{ApplyServerSideEncryptionByDefault: {SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn}, BucketKeyEnabled: true}]}},
	null,
	4,
);

/** `aws s3api head-object --bucket … --key …`. */
export const headObject = JSON.stringify({AcceptRanges: 'bytes', ContentLength: 209715200, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn, BucketKeyEnabled: false}, null, 4);

/** A statement exactly as the seed articles print it: cut out of a policy, its trailing comma kept. */
export const bareStatementWithComma = `{
    "Sid": "Allow use of the key",
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::111122223333:user/john"},
    "Action": ["kms:GenerateDataKey", "kms:Decrypt"],
    "Resource": "*"
},`;

/** Two statements separated by a comma, without the brackets around them. */
export const twoBareStatements = `{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::reports-bucket/*"},
{"Effect": "Allow", "Action": "kms:GenerateDataKey", "Resource": "${keyArn}"}`;
