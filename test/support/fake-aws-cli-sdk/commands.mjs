// The AWS CLI commands the collection script runs, each mapped to the SDK operation the real CLI sends.
// Only these: a command the script starts to use without an entry here fails loudly (exit 252), so the
// round-trip test notices instead of reading a silent gap as "unknown".

/** `--flag` → the operation's input member; `required` as the CLI's own argument parser checks it. */
const option = (flag, member, required = true) => ({flag, member, required});

/**
 * The CLI pages through these itself and prints only the merged list (botocore's build_full_result). `limitKey`: the
 * input member `--page-size` sets on every call ("This does not affect the number of items returned in the command's
 * output"); a command without one takes no `--page-size`.
 */
const pages = (resultKey, inputToken, outputToken, moreResults, limitKey) => ({resultKey, inputToken, outputToken, moreResults, limitKey});

const iamPages = key => pages(key, 'Marker', 'Marker', 'IsTruncated');

export const commands = {
	sts: {
		'get-caller-identity': {operation: 'GetCallerIdentity', options: []},
		'get-access-key-info': {operation: 'GetAccessKeyInfo', options: [option('--access-key-id', 'AccessKeyId')]},
	},
	iam: {
		'get-role': {operation: 'GetRole', options: [option('--role-name', 'RoleName')]},
		'list-role-policies': {operation: 'ListRolePolicies', options: [option('--role-name', 'RoleName')], paginate: iamPages('PolicyNames')},
		'get-role-policy': {operation: 'GetRolePolicy', options: [option('--role-name', 'RoleName'), option('--policy-name', 'PolicyName')]},
		'list-attached-role-policies': {operation: 'ListAttachedRolePolicies', options: [option('--role-name', 'RoleName')], paginate: iamPages('AttachedPolicies')},
		'get-user': {operation: 'GetUser', options: [option('--user-name', 'UserName', false)]},
		'list-user-policies': {operation: 'ListUserPolicies', options: [option('--user-name', 'UserName')], paginate: iamPages('PolicyNames')},
		'get-user-policy': {operation: 'GetUserPolicy', options: [option('--user-name', 'UserName'), option('--policy-name', 'PolicyName')]},
		'list-attached-user-policies': {operation: 'ListAttachedUserPolicies', options: [option('--user-name', 'UserName')], paginate: iamPages('AttachedPolicies')},
		'list-groups-for-user': {operation: 'ListGroupsForUser', options: [option('--user-name', 'UserName')], paginate: iamPages('Groups')},
		'list-group-policies': {operation: 'ListGroupPolicies', options: [option('--group-name', 'GroupName')], paginate: iamPages('PolicyNames')},
		'get-group-policy': {operation: 'GetGroupPolicy', options: [option('--group-name', 'GroupName'), option('--policy-name', 'PolicyName')]},
		'list-attached-group-policies': {operation: 'ListAttachedGroupPolicies', options: [option('--group-name', 'GroupName')], paginate: iamPages('AttachedPolicies')},
		'get-policy': {operation: 'GetPolicy', options: [option('--policy-arn', 'PolicyArn')]},
		'get-policy-version': {operation: 'GetPolicyVersion', options: [option('--policy-arn', 'PolicyArn'), option('--version-id', 'VersionId')]},
	},
	s3api: {
		'get-bucket-location': {operation: 'GetBucketLocation', options: [option('--bucket', 'Bucket'), option('--expected-bucket-owner', 'ExpectedBucketOwner', false)]},
		'head-bucket': {operation: 'HeadBucket', options: [option('--bucket', 'Bucket'), option('--expected-bucket-owner', 'ExpectedBucketOwner', false)], head: true},
		'get-bucket-policy': {operation: 'GetBucketPolicy', options: [option('--bucket', 'Bucket'), option('--expected-bucket-owner', 'ExpectedBucketOwner', false)]},
		'get-bucket-encryption': {operation: 'GetBucketEncryption', options: [option('--bucket', 'Bucket'), option('--expected-bucket-owner', 'ExpectedBucketOwner', false)]},
		'get-bucket-ownership-controls': {operation: 'GetBucketOwnershipControls', options: [option('--bucket', 'Bucket'), option('--expected-bucket-owner', 'ExpectedBucketOwner', false)]},
		'get-bucket-versioning': {operation: 'GetBucketVersioning', options: [option('--bucket', 'Bucket'), option('--expected-bucket-owner', 'ExpectedBucketOwner', false)]},
		'get-bucket-replication': {operation: 'GetBucketReplication', options: [option('--bucket', 'Bucket'), option('--expected-bucket-owner', 'ExpectedBucketOwner', false)]},
		'get-bucket-acl': {operation: 'GetBucketAcl', options: [option('--bucket', 'Bucket'), option('--expected-bucket-owner', 'ExpectedBucketOwner', false)]},
		'get-object-acl': {operation: 'GetObjectAcl', options: [option('--bucket', 'Bucket'), option('--key', 'Key'), option('--expected-bucket-owner', 'ExpectedBucketOwner', false)]},
		'head-object': {operation: 'HeadObject', options: [option('--bucket', 'Bucket'), option('--key', 'Key'), option('--expected-bucket-owner', 'ExpectedBucketOwner', false)], head: true},
	},
	kms: {
		'describe-key': {operation: 'DescribeKey', options: [option('--key-id', 'KeyId')]},
		'get-key-policy': {operation: 'GetKeyPolicy', options: [option('--key-id', 'KeyId'), option('--policy-name', 'PolicyName', false)]},
		'list-grants': {operation: 'ListGrants', options: [option('--key-id', 'KeyId')], paginate: pages('Grants', 'Marker', 'NextMarker', 'Truncated', 'Limit')},
		'list-aliases': {operation: 'ListAliases', options: [option('--key-id', 'KeyId', false)], paginate: pages('Aliases', 'Marker', 'NextMarker', 'Truncated', 'Limit')},
	},
	organizations: {
		'describe-organization': {operation: 'DescribeOrganization', options: []},
		'list-parents': {operation: 'ListParents', options: [option('--child-id', 'ChildId')], paginate: pages('Parents', 'NextToken', 'NextToken')},
		'list-policies-for-target': {
			operation: 'ListPoliciesForTarget',
			options: [option('--target-id', 'TargetId'), option('--filter', 'Filter')],
			paginate: pages('Policies', 'NextToken', 'NextToken'),
		},
		'describe-policy': {operation: 'DescribePolicy', options: [option('--policy-id', 'PolicyId')]},
	},
};

/** The CLI's options that every command takes; the rest of argv must be the command's own. */
export const globalOptions = ['--region', '--profile', '--output', '--endpoint-url'];
export const globalFlags = ['--no-cli-pager', '--no-paginate'];
