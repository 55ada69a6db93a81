import type {PolicyJson, Snapshot} from '../../../source/snapshot/snapshot.js';
import {
	account,
	allow,
	bucketArn,
	buildSnapshot,
	customerKey,
	deny,
	enableIam,
	keyArn,
	keyArnOf,
	MiB,
	named,
	otherAccount,
	policy,
	region,
	rootOf,
	without,
} from './build-snapshot.js';

/**
 * Held-out cases: each a small snapshot, the AWS documentation sentence that settles its outcome, and the outcome AWS
 * gives (verdict, and the rows a user reads). Where AWS does not document the outcome, the expected answer is unknown.
 */

export type Mark = 'ok' | 'missing' | 'denied' | 'unknown' | 'ineffective' | 'not-needed';

export type HeldOutCase = {
	readonly id: string;
	readonly title: string;
	/** The documentation page and the sentence that settles the outcome. */
	readonly source: string;
	readonly quote: string;
	readonly snapshot: Snapshot;
	readonly verdict: 'allowed' | 'denied' | 'unknown';
	/** `ACTION@LEG#PLACE` → the row's status, for the rows the sentence decides. */
	readonly rows: Readonly<Record<string, Mark>>;
	/** Words the row (or headline) must say, where the mark alone could mislead. */
	readonly says?: Readonly<Record<string, string>>;
	/** Set where the engine disagrees with AWS and the fix belongs in an engine file this round may not edit. */
	readonly engineBug?: string;
};

const thirdAccount = '777788889999';
const orgId = 'o-a1b2c3d4e5';
const roleName = 'Uploader';
const roleArnHere = `arn:aws:iam::${account}:role/${roleName}`;
const sessionHere = `arn:aws:sts::${account}:assumed-role/${roleName}/nightly`;
const roleThere = `arn:aws:iam::${otherAccount}:role/Reader`;
const sessionThere = `arn:aws:sts::${otherAccount}:assumed-role/Reader/job`;
const userThere = `arn:aws:iam::${otherAccount}:user/bob`;
const viaS3 = `s3.${region}.amazonaws.com`;
const foreignKey = keyArnOf(otherAccount);
const thirdKey = keyArnOf(thirdAccount);
const allObjects = `${bucketArn}/*`;

const GET = 's3:GetObject@destination';
const PUT = 's3:PutObject@destination';
const DECRYPT = 'kms:Decrypt@destination';
const GDK = 'kms:GenerateDataKey@destination';

const downloadEncryption = (key: string) => ({algorithm: 'aws:kms', kmsKeyId: key, bucketKeyEnabled: false}) as const;

/** A download of `objectKey` in `bucket`, encrypted with `key`; the bucket and object belong to `bucketAccount`. */
const download = (options: {
	principal: Snapshot['principal'];
	bucketAccount?: string;
	bucketPolicy?: PolicyJson | null;
	key?: string;
	keyPolicy?: PolicyJson;
	grants?: NonNullable<Snapshot['key']>['grants'];
	owner?: string;
	ownership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';
	organization?: Snapshot['organization'];
	requestContext?: Snapshot['requestContext'];
	keyManager?: 'AWS' | 'CUSTOMER';
}): Snapshot => {
	const key = options.key ?? keyArn;
	const bucketAccount = options.bucketAccount ?? account;
	const snapshot = buildSnapshot({
		question: {operation: 'download'},
		bucket: {accountId: bucketAccount, policy: options.bucketPolicy === undefined ? null : options.bucketPolicy, defaultEncryption: downloadEncryption(key), objectOwnership: options.ownership ?? 'BucketOwnerEnforced'},
		object: {encryption: downloadEncryption(key), ownerAccountId: options.owner ?? bucketAccount},
		key: {...customerKey(key, options.keyPolicy ?? policy(enableIam(key.split(':')[4]))), ...(options.grants ? {grants: options.grants} : {}), ...(options.keyManager ? {keyManager: options.keyManager} : {})},
		...(options.organization ? {organization: options.organization} : {}),
		...(options.requestContext ? {requestContext: options.requestContext} : {}),
	});
	const withPrincipal = {...snapshot, principal: options.principal};
	return without(withPrincipal, 'question.kmsKeyId', 'question.sizeBytes', 'question.tool');
};

/** A 1 MiB upload with the AWS CLI (one PutObject) naming `key`. */
const upload = (options: {
	principal: Snapshot['principal'];
	bucketAccount?: string;
	bucketPolicy?: PolicyJson | null;
	key?: string;
	keyPolicy?: PolicyJson;
	namesKey?: boolean;
	organization?: Snapshot['organization'];
	requestContext?: Snapshot['requestContext'];
}): Snapshot => {
	const key = options.key ?? keyArn;
	const snapshot = buildSnapshot({
		question: {operation: 'upload', sizeBytes: 1 * MiB, tool: 'aws-cli', kmsKeyId: key},
		bucket: {accountId: options.bucketAccount ?? account, policy: options.bucketPolicy === undefined ? null : options.bucketPolicy, defaultEncryption: downloadEncryption(key)},
		key: customerKey(key, options.keyPolicy ?? policy(enableIam(key.split(':')[4]))),
		...(options.organization ? {organization: options.organization} : {}),
		...(options.requestContext ? {requestContext: options.requestContext} : {}),
	});
	const withPrincipal = {...snapshot, principal: options.principal};
	return options.namesKey === false ? without(withPrincipal, 'question.kmsKeyId') : withPrincipal;
};

/** The bucket's default encryption with an S3 Bucket Key, which an upload that sends no bucket-key header uses. */
const withBucketKey = (snapshot: Snapshot): Snapshot => ({...snapshot, bucket: {...snapshot.bucket!, defaultEncryption: {...snapshot.bucket!.defaultEncryption!, bucketKeyEnabled: true}}});

const readObjects = (key = keyArn) => named('ReadObjects', policy(allow('s3:GetObject', allObjects, {Sid: 'Get'}), allow('kms:Decrypt', key, {Sid: 'Decrypt'})));
const writeObjects = (key = keyArn) => named('WriteObjects', policy(allow('s3:PutObject', allObjects, {Sid: 'Put'}), allow(['kms:GenerateDataKey', 'kms:Decrypt'], key, {Sid: 'Key'})));
const listOnly = named('ListOnly', policy(allow('s3:ListBucket', bucketArn, {Sid: 'List'})));

/** A session of role Uploader in `account`, its role ARN given; no boundary unless given. */
const session = (extra: Partial<NonNullable<Snapshot['principal']>> = {}): NonNullable<Snapshot['principal']> => ({
	arn: sessionHere,
	roleArn: roleArnHere,
	identityPolicies: [],
	permissionsBoundary: null,
	sessionPolicy: null,
	tags: {},
	sessionTags: null,
	...extra,
});

/** A key policy that lets the account's IAM policies count, and allows `principal` the actions. */
const keyPolicyNaming = (principal: unknown, actions: string | readonly string[] = 'kms:Decrypt', condition?: Record<string, unknown>, of = account): PolicyJson =>
	policy(enableIam(of), allow(actions, '*', {Sid: 'Named', Principal: principal, ...(condition ? {Condition: condition} : {})}));

const bucketPolicyNaming = (principal: unknown, actions: string | readonly string[] = 's3:GetObject', condition?: Record<string, unknown>): PolicyJson =>
	policy(allow(actions, allObjects, {Sid: 'Named', Principal: principal, ...(condition ? {Condition: condition} : {})}));

const fullAccess = {name: 'FullAWSAccess', document: policy(allow('*', '*'))};
/** SCPs at the root and the account's level, FullAWSAccess at each (a level without an Allow denies everything), and `levelPolicies` at the account's. */
const scps = (...levelPolicies: ReturnType<typeof named>[]) => ({serviceControlPolicies: [[fullAccess], [fullAccess, ...levelPolicies]], resourceControlPolicies: []});
const rcpFullAccess = {name: 'RCPFullAWSAccess', document: policy({Effect: 'Allow', Principal: '*', Action: '*', Resource: '*'})};
const rcps = (...levelPolicies: ReturnType<typeof named>[]) => ({serviceControlPolicies: [], resourceControlPolicies: [[rcpFullAccess], [rcpFullAccess, ...levelPolicies]]});

const EVAL = 'IAM User Guide, "Policy evaluation logic"';
const SESSION = 'IAM User Guide, "Policy types" (Session policies)';
const CROSS = 'IAM User Guide, "Cross-account policy evaluation logic"';
const OPERATORS = 'IAM User Guide, "IAM JSON policy elements: Condition operators"';
const MULTI = 'IAM User Guide, "Multivalued context keys"';
const NOTPRINCIPAL = 'IAM User Guide, "AWS JSON policy elements: NotPrincipal"';

export const heldOutCases: readonly HeldOutCase[] = [
	// Session policies
	{
		id: 'session-arn-bypasses-session-policy',
		title: 'a bucket and key policy naming the session ARN allow it past a session policy that allows nothing',
		source: SESSION,
		quote: 'A resource-based policy can specify the ARN of the session as a principal. In that case, the permissions from the resource-based policy are added after the session is created. The resource-based policy permissions are not limited by the session policy.',
		snapshot: download({principal: session({sessionPolicy: listOnly.document}), bucketPolicy: bucketPolicyNaming({AWS: sessionHere}), keyPolicy: keyPolicyNaming({AWS: sessionHere})}),
		verdict: 'allowed',
		rows: {[`${GET}#bucket-policy`]: 'ok', [`${DECRYPT}#key-policy`]: 'ok'},
	},
	{
		id: 'role-arn-limited-by-session-policy',
		title: 'a bucket and key policy naming the role ARN are limited by a session policy that allows nothing',
		source: EVAL,
		quote: 'Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary or session policy.',
		snapshot: download({principal: session({sessionPolicy: listOnly.document}), bucketPolicy: bucketPolicyNaming({AWS: roleArnHere}), keyPolicy: keyPolicyNaming({AWS: roleArnHere})}),
		verdict: 'denied',
		rows: {[`${GET}#session-policy`]: 'missing', [`${DECRYPT}#session-policy`]: 'missing'},
	},
	{
		id: 'session-policy-explicit-deny-wins',
		title: 'an explicit Deny in the session policy denies even where the bucket policy names the session',
		source: EVAL,
		quote: 'An explicit deny in any of these policies overrides the allow.',
		snapshot: download({
			principal: session({sessionPolicy: policy(allow('*', '*', {Sid: 'All'}), deny('s3:GetObject', '*', {Sid: 'NoGet'}))}),
			bucketPolicy: bucketPolicyNaming({AWS: sessionHere}),
			keyPolicy: keyPolicyNaming({AWS: sessionHere}),
		}),
		verdict: 'denied',
		rows: {[`${GET}#session-policy`]: 'denied'},
	},
	{
		id: 'session-policy-intersects-identity',
		title: 'a session policy allowing what the role allows: the intersection allows',
		source: 'AWS STS API Reference, "AssumeRole" (PolicyArns)',
		quote: "The resulting session's permissions are the intersection of the role's identity-based policy and the session policies.",
		snapshot: download({principal: session({identityPolicies: [readObjects()], sessionPolicy: readObjects().document})}),
		verdict: 'allowed',
		rows: {[`${GET}#session-policy`]: 'ok', [`${DECRYPT}#session-policy`]: 'ok', [`${GET}#identity-policy`]: 'ok'},
	},
	// Permissions boundaries
	{
		id: 'boundary-user-arn-in-resource-policy',
		title: 'an IAM user named in the bucket and key policies is not limited by its boundary',
		source: EVAL,
		quote: 'Within the same account, resource-based policies that grant permissions to an IAM user ARN (that is not a federated user session) are not limited by an implicit deny in an identity-based policy or permissions boundary.',
		snapshot: download({
			principal: {arn: `arn:aws:iam::${account}:user/alice`, identityPolicies: [], permissionsBoundary: listOnly, tags: {}},
			bucketPolicy: bucketPolicyNaming({AWS: `arn:aws:iam::${account}:user/alice`}),
			keyPolicy: keyPolicyNaming({AWS: `arn:aws:iam::${account}:user/alice`}),
		}),
		verdict: 'allowed',
		rows: {[`${GET}#bucket-policy`]: 'ok', [`${DECRYPT}#key-policy`]: 'ok'},
	},
	{
		id: 'boundary-role-arn-in-resource-policy',
		title: "a role's session named by the role ARN is limited by the role's boundary",
		source: EVAL,
		quote: 'Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary or session policy.',
		snapshot: download({principal: session({permissionsBoundary: listOnly}), bucketPolicy: bucketPolicyNaming({AWS: roleArnHere}), keyPolicy: keyPolicyNaming({AWS: roleArnHere})}),
		verdict: 'denied',
		rows: {[`${GET}#permissions-boundary`]: 'missing', [`${DECRYPT}#permissions-boundary`]: 'missing'},
	},
	{
		id: 'boundary-session-arn-in-resource-policy',
		title: 'a session named by its session ARN is not limited by the role\'s boundary',
		source: EVAL,
		quote: 'Permissions granted directly to a session are not limited by an implicit deny in an identity-based policy, a permissions boundary, or session policy.',
		snapshot: download({principal: session({permissionsBoundary: listOnly}), bucketPolicy: bucketPolicyNaming({AWS: sessionHere}), keyPolicy: keyPolicyNaming({AWS: sessionHere})}),
		verdict: 'allowed',
		rows: {[`${GET}#bucket-policy`]: 'ok', [`${DECRYPT}#key-policy`]: 'ok'},
	},
	{
		id: 'boundary-account-principal',
		title: 'a bucket policy naming the account delegates to IAM policies, which the boundary caps',
		source: 'IAM User Guide, "AWS JSON policy elements: Principal" (AWS account principals)',
		quote: 'You can specify AWS account identifiers in the Principal element of a resource-based policy or in condition keys that support principals. This delegates authority to the account.',
		snapshot: download({principal: session({identityPolicies: [readObjects()], permissionsBoundary: named('KmsOnly', policy(allow('kms:Decrypt', '*')))}), bucketPolicy: bucketPolicyNaming({AWS: rootOf(account)})}),
		verdict: 'denied',
		rows: {[`${GET}#permissions-boundary`]: 'missing', [`${DECRYPT}#permissions-boundary`]: 'ok'},
	},
	{
		id: 'boundary-explicit-deny-beats-user-grant',
		title: "an explicit Deny in the boundary denies a user the bucket policy names",
		source: EVAL,
		quote: 'An explicit deny in any of these policies overrides the allow.',
		snapshot: download({
			principal: {arn: `arn:aws:iam::${account}:user/alice`, identityPolicies: [], permissionsBoundary: named('NoGet', policy(allow('*', '*'), deny('s3:GetObject', '*', {Sid: 'NoGet'}))), tags: {}},
			bucketPolicy: bucketPolicyNaming({AWS: `arn:aws:iam::${account}:user/alice`}),
			keyPolicy: keyPolicyNaming({AWS: `arn:aws:iam::${account}:user/alice`}),
		}),
		verdict: 'denied',
		rows: {[`${GET}#permissions-boundary`]: 'denied'},
	},
	{
		id: 'boundary-cross-account-role',
		title: 'across accounts the boundary caps the identity policy that must also allow',
		source: CROSS,
		quote: "The principal's identity-based policy must allow the requested access to the resource in the trusting service.",
		snapshot: download({
			principal: {arn: sessionThere, roleArn: roleThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: named('KmsOnly', policy(allow('kms:Decrypt', '*'))), sessionPolicy: null, tags: {}, sessionTags: null},
			bucketPolicy: bucketPolicyNaming({AWS: sessionThere}),
			keyPolicy: keyPolicyNaming({AWS: sessionThere}),
		}),
		verdict: 'denied',
		rows: {[`${GET}#permissions-boundary`]: 'missing', [`${GET}#bucket-policy`]: 'ok'},
	},
	// NotPrincipal
	{
		id: 'notprincipal-deny-spares-listed-session',
		title: 'a bucket policy Deny with NotPrincipal listing the account, role and session spares that session',
		source: NOTPRINCIPAL,
		quote: 'As a best practice, the NotPrincipal element contains the ARN of the assumed-role user (cross-account-audit-app), the role (cross-account-read-only-role), and the AWS account that the role belongs to (444455556666).',
		snapshot: download({
			principal: session({identityPolicies: [readObjects()]}),
			bucketPolicy: policy({Sid: 'OnlyUploader', Effect: 'Deny', NotPrincipal: {AWS: [rootOf(account), roleArnHere, sessionHere]}, Action: 's3:GetObject', Resource: allObjects}),
		}),
		verdict: 'allowed',
		rows: {[`${GET}#bucket-policy`]: 'not-needed', [`${GET}#identity-policy`]: 'ok'},
	},
	{
		id: 'notprincipal-deny-other-principal',
		title: 'a bucket policy Deny with NotPrincipal listing another role denies this session',
		source: NOTPRINCIPAL,
		quote: 'Use this element to deny access to all principals except the one named in the NotPrincipal element.',
		snapshot: download({
			principal: session({identityPolicies: [readObjects()]}),
			bucketPolicy: policy({Sid: 'OnlyAuditor', Effect: 'Deny', NotPrincipal: {AWS: [rootOf(account), `arn:aws:iam::${account}:role/Auditor`]}, Action: 's3:GetObject', Resource: allObjects}),
		}),
		verdict: 'denied',
		rows: {[`${GET}#bucket-policy`]: 'denied'},
	},
	{
		id: 'notprincipal-deny-key-policy-boundary',
		title: 'a key policy Deny with NotPrincipal listing the session still denies it once it has a boundary',
		source: 'IAM User Guide, "Permissions boundaries for IAM entities"',
		quote: 'The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions boundary policy attached, regardless of the values specified in the NotPrincipal element.',
		snapshot: download({
			principal: session({identityPolicies: [readObjects()], permissionsBoundary: named('All', policy(allow('*', '*')))}),
			keyPolicy: policy(enableIam(), {Sid: 'OnlyUploader', Effect: 'Deny', NotPrincipal: {AWS: [rootOf(account), roleArnHere, sessionHere]}, Action: 'kms:Decrypt', Resource: '*'}),
		}),
		verdict: 'denied',
		rows: {[`${DECRYPT}#key-policy`]: 'denied'},
	},
	{
		id: 'notprincipal-allow-unsupported',
		title: 'a bucket policy Allow with NotPrincipal: AWS does not support it, so it is not taken to allow',
		source: NOTPRINCIPAL,
		quote: 'NotPrincipal must be used with "Effect":"Deny". Using it with "Effect":"Allow" is not supported.',
		snapshot: download({
			// No IAM policy allows s3:GetObject: only the bucket policy's Allow could.
			principal: {arn: userThere, identityPolicies: [named('DecryptOnly', policy(allow('kms:Decrypt', foreignKey, {Sid: 'Decrypt'})))], permissionsBoundary: null, tags: {}},
			bucketAccount: otherAccount,
			key: foreignKey,
			keyPolicy: keyPolicyNaming({AWS: rootOf(account)}, 'kms:Decrypt', undefined, otherAccount),
			bucketPolicy: policy({Sid: 'AllButAuditor', Effect: 'Allow', NotPrincipal: {AWS: `arn:aws:iam::${otherAccount}:role/Auditor`}, Action: 's3:GetObject', Resource: allObjects}),
		}),
		verdict: 'unknown',
		rows: {[`${GET}#bucket-policy`]: 'unknown'},
	},
	{
		id: 'notprincipal-deny-session-not-listed',
		title: 'a bucket policy Deny whose NotPrincipal lists the account and the role but not the session: AWS does not say',
		source: NOTPRINCIPAL,
		quote: 'When you use NotPrincipal with Deny, you must also specify the account ARN of the not-denied principal.',
		snapshot: download({
			principal: session({identityPolicies: [readObjects()]}),
			bucketPolicy: policy({Sid: 'OnlyUploader', Effect: 'Deny', NotPrincipal: {AWS: [rootOf(account), roleArnHere]}, Action: 's3:GetObject', Resource: allObjects}),
		}),
		verdict: 'unknown',
		rows: {[`${GET}#bucket-policy`]: 'unknown'},
	},
	// SCPs and RCPs with NotAction / NotResource
	{
		id: 'scp-deny-notaction-spares-listed',
		title: 'an SCP Deny with NotAction s3:* and kms:* denies neither',
		source: 'IAM User Guide, "IAM JSON policy elements: NotAction"',
		quote: 'NotAction is an advanced policy element that explicitly matches everything except the specified list of actions.',
		snapshot: upload({principal: session({identityPolicies: [writeObjects()]}), organization: scps(named('OnlyStorage', policy({Sid: 'OnlyStorage', Effect: 'Deny', NotAction: ['s3:*', 'kms:*'], Resource: '*'})))}),
		verdict: 'allowed',
		rows: {[`${PUT}#scp`]: 'ok', [`${GDK}#scp`]: 'ok'},
	},
	{
		id: 'scp-deny-notaction-catches-kms',
		title: 'an SCP Deny with NotAction s3:* denies kms:GenerateDataKey',
		source: 'IAM User Guide, "IAM JSON policy elements: NotAction"',
		quote: 'NotAction is an advanced policy element that explicitly matches everything except the specified list of actions.',
		snapshot: upload({principal: session({identityPolicies: [writeObjects()]}), organization: scps(named('OnlyS3', policy({Sid: 'OnlyS3', Effect: 'Deny', NotAction: 's3:*', Resource: '*'})))}),
		verdict: 'denied',
		rows: {[`${PUT}#scp`]: 'ok', [`${GDK}#scp`]: 'denied'},
	},
	{
		id: 'scp-deny-notresource',
		title: 'an SCP Deny of s3:* with NotResource of this bucket does not deny writing to it',
		source: 'IAM User Guide, "IAM JSON policy elements: NotResource"',
		quote: 'NotResource is an advanced policy element that explicitly matches every resource except those specified.',
		snapshot: upload({principal: session({identityPolicies: [writeObjects()]}), organization: scps(named('OnlyThisBucket', policy({Sid: 'OnlyThisBucket', Effect: 'Deny', Action: 's3:*', NotResource: [bucketArn, allObjects]})))}),
		verdict: 'allowed',
		rows: {[`${PUT}#scp`]: 'ok'},
	},
	{
		id: 'scp-deny-notresource-other-bucket',
		title: 'an SCP Deny of s3:* with NotResource of another bucket denies writing to this one',
		source: 'IAM User Guide, "IAM JSON policy elements: NotResource"',
		quote: 'NotResource is an advanced policy element that explicitly matches every resource except those specified.',
		snapshot: upload({principal: session({identityPolicies: [writeObjects()]}), organization: scps(named('OnlyLogs', policy({Sid: 'OnlyLogs', Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::logs-bucket', 'arn:aws:s3:::logs-bucket/*']})))}),
		verdict: 'denied',
		rows: {[`${PUT}#scp`]: 'denied', [`${GDK}#scp`]: 'ok'},
	},
	{
		id: 'rcp-deny-notaction-kms',
		title: 'an RCP Deny with NotAction s3:GetObject denies the kms:Decrypt S3 makes for the caller',
		source: 'IAM User Guide, "IAM JSON policy elements: NotAction"',
		quote: 'NotAction is an advanced policy element that explicitly matches everything except the specified list of actions.',
		snapshot: download({principal: session({identityPolicies: [readObjects()]}), organization: rcps(named('OnlyGet', policy({Sid: 'OnlyGet', Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: '*'})))}),
		verdict: 'denied',
		rows: {[`${GET}#rcp`]: 'ok', [`${DECRYPT}#rcp`]: 'denied'},
	},
	{
		id: 'rcp-org-perimeter-inside',
		title: 'an RCP perimeter (PrincipalOrgID, or an AWS service) lets a caller of the organization through',
		source: 'IAM User Guide, "AWS global condition context keys" (aws:PrincipalOrgID)',
		quote: 'Use this key to compare the identifier of the organization in AWS Organizations to which the requesting principal belongs with the identifier specified in the policy.',
		snapshot: download({
			principal: session({identityPolicies: [readObjects()], organizationId: orgId}),
			organization: rcps(named('Perimeter', policy({Sid: 'Perimeter', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'kms:*'], Resource: '*', Condition: {StringNotEqualsIfExists: {'aws:PrincipalOrgID': orgId}, BoolIfExists: {'aws:PrincipalIsAWSService': 'false'}}}))),
		}),
		verdict: 'allowed',
		rows: {[`${GET}#rcp`]: 'ok', [`${DECRYPT}#rcp`]: 'ok'},
	},
	{
		id: 'rcp-org-perimeter-outside',
		title: 'the same RCP perimeter denies a caller of another organization',
		source: OPERATORS,
		quote: 'If you are using an "Effect": "Deny" element with a negated condition operator like StringNotEqualsIfExists, the request is still denied even if the tag is missing.',
		snapshot: download({
			principal: {arn: sessionThere, roleArn: roleThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, sessionPolicy: null, tags: {}, sessionTags: null, organizationId: 'o-zzzzzzzzzz'},
			bucketPolicy: bucketPolicyNaming({AWS: roleThere}),
			keyPolicy: keyPolicyNaming({AWS: roleThere}),
			organization: rcps(named('Perimeter', policy({Sid: 'Perimeter', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'kms:*'], Resource: '*', Condition: {StringNotEqualsIfExists: {'aws:PrincipalOrgID': orgId}, BoolIfExists: {'aws:PrincipalIsAWSService': 'false'}}}))),
		}),
		verdict: 'denied',
		rows: {[`${GET}#rcp`]: 'denied', [`${DECRYPT}#rcp`]: 'denied'},
	},
	{
		id: 'rcp-org-perimeter-org-unknown',
		title: "the same RCP perimeter, the caller's organization not known: unknown, never allowed",
		source: OPERATORS,
		quote: 'If the key that you specify in a policy condition is not present in the request context, the values do not match and the condition is false.',
		snapshot: download({
			principal: {arn: sessionThere, roleArn: roleThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, sessionPolicy: null, tags: {}, sessionTags: null},
			bucketPolicy: bucketPolicyNaming({AWS: roleThere}),
			keyPolicy: keyPolicyNaming({AWS: roleThere}),
			organization: rcps(named('Perimeter', policy({Sid: 'Perimeter', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'kms:*'], Resource: '*', Condition: {StringNotEqualsIfExists: {'aws:PrincipalOrgID': orgId}, BoolIfExists: {'aws:PrincipalIsAWSService': 'false'}}}))),
		}),
		verdict: 'unknown',
		rows: {[`${GET}#rcp`]: 'unknown'},
	},
	{
		id: 'scp-allow-list-without-kms',
		title: "an SCP level that allows only s3:* leaves kms:GenerateDataKey not allowed (✘, not ⛔)",
		source: EVAL,
		quote: 'If an SCP is present, identity-based and resource-based policies grant permissions to principals in member accounts only if those policies and the SCP allow the action.',
		snapshot: upload({principal: session({identityPolicies: [writeObjects()]}), organization: {serviceControlPolicies: [[fullAccess], [named('S3Only', policy(allow('s3:*', '*')))]], resourceControlPolicies: []}}),
		verdict: 'denied',
		rows: {[`${PUT}#scp`]: 'ok', [`${GDK}#scp`]: 'missing'},
	},
	// IfExists, ForAllValues / ForAnyValue, Null
	{
		id: 'ifexists-missing-header-deny',
		title: 'a Deny with StringNotEqualsIfExists on the key-id header denies an upload that sends no header',
		source: OPERATORS,
		quote: 'If the key is not present, evaluate the condition element as true.',
		snapshot: upload({
			principal: session({identityPolicies: [writeObjects()]}),
			namesKey: false,
			bucketPolicy: policy(deny('s3:PutObject', allObjects, {Sid: 'OnlyOurKey', Principal: '*', Condition: {StringNotEqualsIfExists: {'s3:x-amz-server-side-encryption-aws-kms-key-id': keyArn}}})),
		}),
		verdict: 'denied',
		rows: {[`${PUT}#bucket-policy`]: 'denied'},
	},
	{
		id: 'ifexists-present-header-matches',
		title: 'the same Deny does not apply to an upload that names that key',
		source: OPERATORS,
		quote: 'If the policy key is present in the context of the request, process the key as specified in the policy.',
		snapshot: upload({
			principal: session({identityPolicies: [writeObjects()]}),
			bucketPolicy: policy(deny('s3:PutObject', allObjects, {Sid: 'OnlyOurKey', Principal: '*', Condition: {StringNotEqualsIfExists: {'s3:x-amz-server-side-encryption-aws-kms-key-id': keyArn}}})),
		}),
		verdict: 'allowed',
		rows: {[`${PUT}#bucket-policy`]: 'not-needed'},
	},
	{
		id: 'ifexists-allow-absent-vpce',
		title: 'an Allow with StringEqualsIfExists on aws:SourceVpce allows a request from no endpoint',
		source: OPERATORS,
		quote: 'If the key is not present, evaluate the condition element as true.',
		snapshot: download({
			principal: session({identityPolicies: [named('ViaEndpoint', policy(allow('s3:GetObject', allObjects, {Sid: 'Get', Condition: {StringEqualsIfExists: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}}), allow('kms:Decrypt', keyArn, {Sid: 'Decrypt'})))]}),
			requestContext: {'aws:SourceVpce': null},
		}),
		verdict: 'allowed',
		rows: {[`${GET}#identity-policy`]: 'ok'},
	},
	{
		id: 'plain-operator-missing-key-allow',
		title: 'an Allow with StringEquals on aws:SourceVpce does not allow a request from no endpoint',
		source: OPERATORS,
		quote: 'If the key that you specify in a policy condition is not present in the request context, the values do not match and the condition is false.',
		snapshot: download({
			principal: session({identityPolicies: [named('ViaEndpoint', policy(allow('s3:GetObject', allObjects, {Sid: 'Get', Condition: {StringEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}}), allow('kms:Decrypt', keyArn, {Sid: 'Decrypt'})))]}),
			requestContext: {'aws:SourceVpce': null},
		}),
		verdict: 'denied',
		rows: {[`${GET}#identity-policy`]: 'missing'},
	},
	{
		id: 'negated-operator-missing-key-deny',
		title: 'a Deny with StringNotEquals on aws:SourceVpce denies a request from no endpoint',
		source: OPERATORS,
		quote: 'If the policy condition requires that the key is not matched, such as StringNotLike or ArnNotLike, and the right key is not present, the condition is true.',
		snapshot: download({
			principal: session({identityPolicies: [readObjects()]}),
			bucketPolicy: policy(deny('s3:GetObject', allObjects, {Sid: 'OnlyEndpoint', Principal: '*', Condition: {StringNotEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}})),
			requestContext: {'aws:SourceVpce': null},
		}),
		verdict: 'denied',
		rows: {[`${GET}#bucket-policy`]: 'denied'},
	},
	{
		id: 'forallvalues-missing-key-true',
		title: 'an Allow with ForAllValues:StringEquals on aws:TagKeys allows a GetObject that carries no tag keys',
		source: OPERATORS,
		quote: 'When you use the ForAllValues condition operator, it returns true if there are no keys in the request, or if the key values resolve to a null data set, such as an empty string.',
		snapshot: download({
			principal: session({identityPolicies: [named('Tagged', policy(allow('s3:GetObject', allObjects, {Sid: 'Get', Condition: {'ForAllValues:StringEquals': {'aws:TagKeys': ['project']}}}), allow('kms:Decrypt', keyArn, {Sid: 'Decrypt'})))]}),
			requestContext: {'aws:TagKeys': null},
		}),
		verdict: 'allowed',
		rows: {[`${GET}#identity-policy`]: 'ok'},
	},
	{
		id: 'foranyvalue-missing-key-false',
		title: 'an Allow with ForAnyValue:StringEquals on aws:TagKeys does not allow a GetObject that carries no tag keys',
		source: MULTI,
		quote: 'A condition operator modified by ForAnyValue returns false.',
		snapshot: download({
			principal: session({identityPolicies: [named('Tagged', policy(allow('s3:GetObject', allObjects, {Sid: 'Get', Condition: {'ForAnyValue:StringEquals': {'aws:TagKeys': ['project']}}}), allow('kms:Decrypt', keyArn, {Sid: 'Decrypt'})))]}),
			requestContext: {'aws:TagKeys': null},
		}),
		verdict: 'denied',
		rows: {[`${GET}#identity-policy`]: 'missing'},
	},
	{
		id: 'null-true-absent-key-deny',
		title: 'a Deny with Null aws:SourceVpce true denies a request from no endpoint',
		source: OPERATORS,
		quote: 'In the policy statement, use either true (the key doesn\'t exist — it is null) or false (the key exists and its value is not null).',
		snapshot: download({
			principal: session({identityPolicies: [readObjects()]}),
			bucketPolicy: policy(deny('s3:GetObject', allObjects, {Sid: 'EndpointOnly', Principal: '*', Condition: {Null: {'aws:SourceVpce': 'true'}}})),
			requestContext: {'aws:SourceVpce': null},
		}),
		verdict: 'denied',
		rows: {[`${GET}#bucket-policy`]: 'denied'},
	},
	{
		id: 'null-true-unknown-key',
		title: 'the same Deny where whether the request came through an endpoint is not known: unknown',
		source: OPERATORS,
		quote: 'Use a Null condition operator to check if a condition key is absent at the time of authorization.',
		snapshot: download({
			principal: session({identityPolicies: [readObjects()]}),
			bucketPolicy: policy(deny('s3:GetObject', allObjects, {Sid: 'EndpointOnly', Principal: '*', Condition: {Null: {'aws:SourceVpce': 'true'}}})),
		}),
		verdict: 'unknown',
		rows: {[`${GET}#bucket-policy`]: 'unknown'},
	},
	{
		id: 'null-false-s3-context-on-kms',
		title: 'a key policy Allow with Null kms:EncryptionContext:aws:s3:arn false: S3 always sends that context',
		source: 'AWS KMS Developer Guide, "kms:EncryptionContext:context-key"; S3 User Guide, "Encryption context"',
		quote: 'In the policy statement, use either true (the key doesn\'t exist — it is null) or false (the key exists and its value is not null).',
		snapshot: download({
			principal: session(),
			keyPolicy: keyPolicyNaming({AWS: roleArnHere}, 'kms:Decrypt', {Null: {'kms:EncryptionContext:aws:s3:arn': 'false'}}),
			bucketPolicy: bucketPolicyNaming({AWS: roleArnHere}),
		}),
		verdict: 'allowed',
		rows: {[`${DECRYPT}#key-policy`]: 'ok'},
	},
	{
		id: 'encryption-context-keys-forallvalues',
		title: 'a download against a key policy Allow with ForAllValues:StringEquals kms:EncryptionContextKeys aws:s3:arn: the stored context may hold more keys, unknown',
		source: MULTI,
		quote: 'ForAllValues – Tests whether the value of every member of the request set is a subset of the condition key set.',
		snapshot: download({
			principal: session(),
			keyPolicy: keyPolicyNaming({AWS: roleArnHere}, 'kms:Decrypt', {'ForAllValues:StringEquals': {'kms:EncryptionContextKeys': ['aws:s3:arn']}}),
			bucketPolicy: bucketPolicyNaming({AWS: roleArnHere}),
		}),
		verdict: 'unknown',
		rows: {[`${DECRYPT}#key-policy`]: 'unknown'},
		says: {[`${DECRYPT}#key-policy`]: 'perhaps more not known here'},
	},
	{
		id: 'encryption-context-keys-forallvalues-upload',
		title: "the same on an upload, whose encryption context S3 writes as aws:s3:arn alone: allowed",
		source: 'S3 User Guide, "Using server-side encryption with AWS KMS keys (SSE-KMS)" (Encryption context); IAM User Guide, "Multivalued context keys"',
		quote: 'ForAllValues – Tests whether the value of every member of the request set is a subset of the condition key set.',
		snapshot: upload({
			principal: session({identityPolicies: [named('Put', policy(allow('s3:PutObject', allObjects)))]}),
			keyPolicy: keyPolicyNaming({AWS: roleArnHere}, ['kms:GenerateDataKey', 'kms:Decrypt'], {'ForAllValues:StringEquals': {'kms:EncryptionContextKeys': ['aws:s3:arn']}}),
		}),
		verdict: 'allowed',
		rows: {[`${GDK}#key-policy`]: 'ok'},
	},
	{
		id: 'encryption-context-keys-foranyvalue-upload-other',
		title: 'an upload against a key policy Allow with ForAnyValue:StringEquals kms:EncryptionContextKeys naming another key: not allowed',
		source: 'IAM User Guide, "Multivalued context keys"',
		quote: 'ForAnyValue – Tests whether at least one member of the set of request values matches at least one member of the set of condition key values.',
		snapshot: upload({
			principal: session({identityPolicies: [named('Put', policy(allow('s3:PutObject', allObjects)))]}),
			keyPolicy: keyPolicyNaming({AWS: roleArnHere}, ['kms:GenerateDataKey', 'kms:Decrypt'], {'ForAnyValue:StringEquals': {'kms:EncryptionContextKeys': ['project']}}),
		}),
		verdict: 'denied',
		rows: {[`${GDK}#key-policy`]: 'missing'},
	},
	{
		id: 'encryption-context-keys-foranyvalue-other',
		title: 'a download against a key policy Allow with ForAnyValue:StringEquals kms:EncryptionContextKeys naming another key: the stored context may hold it, unknown',
		source: MULTI,
		quote: 'ForAnyValue – Tests whether at least one member of the set of request values matches at least one member of the set of condition key values.',
		snapshot: download({
			principal: session(),
			keyPolicy: keyPolicyNaming({AWS: roleArnHere}, 'kms:Decrypt', {'ForAnyValue:StringEquals': {'kms:EncryptionContextKeys': ['project']}}),
			bucketPolicy: bucketPolicyNaming({AWS: roleArnHere}),
		}),
		verdict: 'unknown',
		rows: {[`${DECRYPT}#key-policy`]: 'unknown'},
	},
	{
		id: 'ifexists-present-key-differs',
		title: 'an Allow with StringEqualsIfExists on aws:SourceVpce does not allow a request through another endpoint',
		source: OPERATORS,
		quote: 'If the policy key is present in the context of the request, process the key as specified in the policy.',
		snapshot: download({
			principal: session({identityPolicies: [named('ViaEndpoint', policy(allow('s3:GetObject', allObjects, {Sid: 'Get', Condition: {StringEqualsIfExists: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}}), allow('kms:Decrypt', keyArn, {Sid: 'Decrypt'})))]}),
			requestContext: {'aws:SourceVpce': 'vpce-99999999'},
		}),
		verdict: 'denied',
		rows: {[`${GET}#identity-policy`]: 'missing'},
	},
	// S3 Bucket Keys and multipart uploads
	{
		id: 'bucket-key-context-is-bucket-arn',
		title: "with an S3 Bucket Key, a key policy Allow on kms:EncryptionContext:aws:s3:arn of the bucket's objects does not match: the context is the bucket ARN",
		source: 'S3 User Guide, "Reducing the cost of SSE-KMS with Amazon S3 Bucket Keys"',
		quote: 'If you use SSE-KMS and enable an S3 Bucket Key, the bucket ARN is used as the encryption context.',
		snapshot: withBucketKey({
			...upload({
				principal: session({identityPolicies: [named('Put', policy(allow('s3:PutObject', allObjects)))]}),
				keyPolicy: keyPolicyNaming({AWS: roleArnHere}, ['kms:GenerateDataKey', 'kms:Decrypt'], {StringLike: {'kms:EncryptionContext:aws:s3:arn': allObjects}}),
			}),
		}),
		verdict: 'denied',
		rows: {[`${GDK}#key-policy`]: 'missing'},
	},
	{
		id: 'bucket-key-context-bucket-arn-allowed',
		title: 'the same key policy on the bucket ARN matches with an S3 Bucket Key',
		source: 'S3 User Guide, "Reducing the cost of SSE-KMS with Amazon S3 Bucket Keys"',
		quote: 'Before you enable an S3 Bucket Key, update your IAM policies or AWS KMS key policies to use your bucket ARN as the encryption context.',
		snapshot: withBucketKey({
			...upload({
				principal: session({identityPolicies: [named('Put', policy(allow('s3:PutObject', allObjects)))]}),
				keyPolicy: keyPolicyNaming({AWS: roleArnHere}, ['kms:GenerateDataKey', 'kms:Decrypt'], {StringEquals: {'kms:EncryptionContext:aws:s3:arn': bucketArn}}),
			}),
		}),
		verdict: 'allowed',
		rows: {[`${GDK}#key-policy`]: 'ok'},
	},
	{
		id: 'multipart-upload-needs-decrypt',
		title: 'a 100 MiB upload with the AWS CLI goes in parts and needs kms:Decrypt, which the role lacks',
		source: 'S3 User Guide, "Multipart upload API and permissions"',
		quote: 'To perform a multipart upload with encryption using an AWS Key Management Service (AWS KMS) KMS key, the requester must have permission to the kms:Decrypt and kms:GenerateDataKey actions on the key.',
		snapshot: (() => {
			const small = upload({principal: session({identityPolicies: [named('NoDecrypt', policy(allow('s3:PutObject', allObjects), allow('kms:GenerateDataKey', keyArn)))]})});
			return {...small, question: {...small.question, sizeBytes: 100 * MiB}};
		})(),
		verdict: 'denied',
		rows: {[`${GDK}#identity-policy`]: 'ok', [`kms:Decrypt@destination#identity-policy`]: 'missing'},
	},
	// Object ownership across accounts
	{
		id: 'object-writer-owned-by-caller-account',
		title: "a cross-account download of an object the caller's own account owns (ObjectWriter): the caller's IAM policy decides",
		source: 'S3 User Guide, "How Amazon S3 authorizes a request for an object operation"',
		quote: 'If the AWS account that owns the object is also the parent account to which the IAM principal belongs, it can configure object permissions in a user policy, which is evaluated at the user context.',
		snapshot: download({
			principal: {arn: userThere, identityPolicies: [readObjects(foreignKey)], permissionsBoundary: null, tags: {}},
			bucketAccount: account,
			owner: otherAccount,
			ownership: 'ObjectWriter',
			key: foreignKey,
			keyPolicy: policy(enableIam(otherAccount)),
			bucketPolicy: null,
		}),
		verdict: 'allowed',
		rows: {[`${GET}#identity-policy`]: 'ok'},
	},
	{
		id: 'object-writer-owned-by-third-account',
		title: 'a cross-account download of an object a third account owns: the object ACL decides, not read: unknown',
		source: 'S3 User Guide, "How Amazon S3 authorizes a request for an object operation"',
		quote: 'If the owners are different, the object owners must use an object ACL to grant permissions.',
		snapshot: download({
			principal: {arn: userThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, tags: {}},
			owner: thirdAccount,
			ownership: 'ObjectWriter',
			bucketPolicy: bucketPolicyNaming({AWS: rootOf(otherAccount)}),
			keyPolicy: keyPolicyNaming({AWS: rootOf(otherAccount)}),
		}),
		verdict: 'unknown',
		rows: {[`${GET}#bucket-policy`]: 'unknown'},
	},
	{
		id: 'object-owned-by-bucket-owner-cross-account',
		title: 'a cross-account download of an object the bucket owner owns: bucket policy and identity policy decide',
		source: CROSS,
		quote: 'Additionally, the resource-based policy in AccountB must allow the requester in AccountA to access the resource.',
		snapshot: download({
			principal: {arn: userThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, tags: {}},
			ownership: 'BucketOwnerPreferred',
			bucketPolicy: bucketPolicyNaming({AWS: rootOf(otherAccount)}),
			keyPolicy: keyPolicyNaming({AWS: rootOf(otherAccount)}),
		}),
		verdict: 'allowed',
		rows: {[`${GET}#bucket-policy`]: 'ok', [`${GET}#identity-policy`]: 'ok', [`${DECRYPT}#key-policy`]: 'ok'},
	},
	// Cross-account upload with the key in a third account
	{
		id: 'upload-key-in-third-account-allowed',
		title: 'an upload to another account\'s bucket with a key of a third account that allows the caller',
		source: CROSS,
		quote: 'For cross-account requests, the requester in the trusted AccountA must have an identity-based policy.',
		snapshot: upload({
			principal: {arn: userThere, identityPolicies: [writeObjects(thirdKey)], permissionsBoundary: null, tags: {}},
			key: thirdKey,
			bucketPolicy: bucketPolicyNaming({AWS: userThere}, 's3:PutObject'),
			keyPolicy: keyPolicyNaming({AWS: userThere}, ['kms:GenerateDataKey', 'kms:Decrypt'], undefined, thirdAccount),
		}),
		verdict: 'allowed',
		rows: {[`${GDK}#key-policy`]: 'ok', [`${GDK}#identity-policy`]: 'ok', [`${PUT}#bucket-policy`]: 'ok'},
	},
	{
		id: 'upload-key-in-third-account-allows-bucket-owner-only',
		title: "the third account's key policy allows only the bucket's account: the caller is not allowed",
		source: CROSS,
		quote: 'The resource-based policy in the trusting account must specify the principal of the trusted account that will have access to the resource.',
		snapshot: upload({
			principal: {arn: userThere, identityPolicies: [writeObjects(thirdKey)], permissionsBoundary: null, tags: {}},
			key: thirdKey,
			bucketPolicy: bucketPolicyNaming({AWS: userThere}, 's3:PutObject'),
			keyPolicy: keyPolicyNaming({AWS: rootOf(account)}, ['kms:GenerateDataKey', 'kms:Decrypt'], undefined, thirdAccount),
		}),
		verdict: 'denied',
		rows: {[`${GDK}#key-policy`]: 'missing'},
	},
	// The root user
	{
		id: 'root-user-same-account',
		title: "the account's root user, with the default key policy: allowed",
		source: 'IAM User Guide, "Policy evaluation logic"; KMS Developer Guide, "Default key policy"',
		quote: 'By default, all requests are implicitly denied with the exception of the AWS account root user, which has full access.',
		snapshot: upload({principal: {arn: rootOf(account), identityPolicies: [], permissionsBoundary: null, tags: {}}}),
		verdict: 'allowed',
		rows: {[`${PUT}#identity-policy`]: 'ok', [`${GDK}#key-policy`]: 'ok'},
	},
	{
		id: 'root-user-policies-not-listed',
		title: "the root user with its identity policies not in the snapshot: it has none to read, and full access",
		source: EVAL,
		quote: 'By default, all requests are implicitly denied with the exception of the AWS account root user, which has full access.',
		snapshot: without(upload({principal: {arn: rootOf(account), identityPolicies: [], permissionsBoundary: null, tags: {}}}), 'principal.identityPolicies'),
		verdict: 'allowed',
		rows: {[`${PUT}#identity-policy`]: 'ok'},
		says: {[`${PUT}#identity-policy`]: "the account root user's full access"},
	},
	{
		id: 'root-user-key-policy-without-account',
		title: "the root user and a key policy that names neither the account nor the root user: KMS denies",
		source: 'AWS KMS Developer Guide, "Key policies"',
		quote: 'Unless the key policy explicitly allows it, you cannot use IAM policies to allow access to a KMS key.',
		snapshot: upload({principal: {arn: rootOf(account), identityPolicies: [], permissionsBoundary: null, tags: {}}, keyPolicy: policy(allow('kms:*', '*', {Sid: 'AdminsOnly', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}}))}),
		verdict: 'denied',
		rows: {[`${GDK}#key-policy`]: 'missing'},
	},
	{
		id: 'root-user-scp-deny',
		title: "an SCP Deny applies to a member account's root user",
		source: EVAL,
		quote: 'The SCP maximum applies to principals in member accounts, including each AWS account root user.',
		snapshot: upload({principal: {arn: rootOf(account), identityPolicies: [], permissionsBoundary: null, tags: {}}, organization: scps(named('NoKms', policy(deny('kms:GenerateDataKey', '*', {Sid: 'NoKms'}))))}),
		verdict: 'denied',
		rows: {[`${GDK}#scp`]: 'denied'},
	},
	{
		id: 'root-user-cross-account',
		title: "another account's root user, named by account in the bucket and key policies: allowed",
		source: CROSS,
		quote: 'Additionally, the resource-based policy in AccountB must allow the requester in AccountA to access the resource.',
		snapshot: download({
			principal: {arn: rootOf(otherAccount), identityPolicies: [], permissionsBoundary: null, tags: {}},
			bucketPolicy: bucketPolicyNaming({AWS: rootOf(otherAccount)}),
			keyPolicy: keyPolicyNaming({AWS: rootOf(otherAccount)}),
		}),
		verdict: 'allowed',
		rows: {[`${GET}#bucket-policy`]: 'ok', [`${DECRYPT}#key-policy`]: 'ok'},
	},
	// An IAM user with group policies
	{
		id: 'user-group-policy-allows',
		title: "an IAM user allowed only by its group's inline policy",
		source: 'IAM User Guide, "IAM user groups"',
		quote: 'Any user in that user group automatically has Admins group permissions.',
		snapshot: upload({principal: {arn: `arn:aws:iam::${account}:user/alice`, identityPolicies: [named('group Writers: Write', writeObjects().document)], permissionsBoundary: null, tags: {}}}),
		verdict: 'allowed',
		rows: {[`${PUT}#identity-policy`]: 'ok', [`${GDK}#identity-policy`]: 'ok'},
	},
	{
		id: 'user-group-policy-denies',
		title: "an explicit Deny in a group's policy denies the user its own policy allows",
		source: EVAL,
		quote: 'An explicit deny in any of these policies overrides the allow.',
		snapshot: upload({principal: {arn: `arn:aws:iam::${account}:user/alice`, identityPolicies: [writeObjects(), named('group Auditors: NoWrites', policy(deny('s3:PutObject', '*', {Sid: 'NoWrites'})))], permissionsBoundary: null, tags: {}}}),
		verdict: 'denied',
		rows: {[`${PUT}#identity-policy`]: 'denied'},
	},
	// KMS grants across accounts
	{
		id: 'grant-cross-account-grantee',
		title: "a grant to a role of another account, whose own IAM policy does not allow kms:Decrypt: AWS documents both readings, unknown",
		source: 'AWS KMS Developer Guide, "Allowing users in other accounts to use a KMS key"',
		quote: 'Cross-account access requires permission in the key policy of the KMS key and in an IAM policy in the external user\'s account. […] But, users and roles in the external account cannot use the KMS key until you attach IAM policies that delegate those permissions, or use grants to manage access to the KMS key.',
		snapshot: download({
			principal: {arn: sessionThere, roleArn: roleThere, identityPolicies: [named('Get', policy(allow('s3:GetObject', allObjects)))], permissionsBoundary: null, sessionPolicy: null, tags: {}, sessionTags: null},
			bucketPolicy: bucketPolicyNaming({AWS: roleThere}),
			grants: [{grantId: 'g-1', granteePrincipal: roleThere, operations: ['Decrypt']}],
		}),
		verdict: 'unknown',
		rows: {[`${DECRYPT}#key-grant`]: 'ok', [`${DECRYPT}#identity-policy`]: 'unknown'},
		says: {[`${DECRYPT}#identity-policy`]: 'or use grants'},
	},
	{
		id: 'grant-cross-account-grantee-and-iam',
		title: 'the same grant with the role\'s IAM policy allowing kms:Decrypt: both readings allow',
		source: 'AWS KMS Developer Guide, "Grants in AWS KMS"',
		quote: 'The grantee principal can be in the same account as the KMS key or a different account.',
		snapshot: download({
			principal: {arn: sessionThere, roleArn: roleThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, sessionPolicy: null, tags: {}, sessionTags: null},
			bucketPolicy: bucketPolicyNaming({AWS: roleThere}),
			grants: [{grantId: 'g-1', granteePrincipal: roleThere, operations: ['Decrypt']}],
		}),
		verdict: 'allowed',
		rows: {[`${DECRYPT}#key-grant`]: 'ok', [`${DECRYPT}#identity-policy`]: 'ok'},
	},
	{
		id: 'grant-cross-account-wrong-context',
		title: 'the same grant constrained to another object does not apply',
		source: 'AWS KMS API Reference, "GrantConstraints"',
		quote: 'EncryptionContextSubset: A list of key-value pairs that must be included in the encryption context of the cryptographic operation request.',
		snapshot: download({
			principal: {arn: sessionThere, roleArn: roleThere, identityPolicies: [named('Get', policy(allow('s3:GetObject', allObjects)))], permissionsBoundary: null, sessionPolicy: null, tags: {}, sessionTags: null},
			bucketPolicy: bucketPolicyNaming({AWS: roleThere}),
			grants: [{grantId: 'g-1', granteePrincipal: roleThere, operations: ['Decrypt'], constraints: {encryptionContextSubset: {'aws:s3:arn': `${bucketArn}/other.csv`}}}],
		}),
		verdict: 'denied',
		rows: {[`${DECRYPT}#key-grant`]: 'missing'},
	},
	// Aliases in a key policy's Resource
	{
		id: 'alias-in-key-policy-resource',
		title: "a key policy statement whose Resource is the key's alias ARN: KMS reads a key policy's Resource as this key only when it is \"*\"",
		source: 'AWS KMS Developer Guide, "Key policies" / "Using IAM policies"',
		quote: 'You cannot use a key id, alias name, or alias ARN to identify a KMS key in an IAM policy statement.',
		snapshot: download({
			principal: session(),
			bucketPolicy: bucketPolicyNaming({AWS: roleArnHere}),
			keyPolicy: policy(allow('kms:*', '*', {Sid: 'Admins', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}}), allow('kms:Decrypt', `arn:aws:kms:${region}:${account}:alias/reports`, {Sid: 'ByAlias', Principal: {AWS: roleArnHere}})),
		}),
		verdict: 'denied',
		rows: {[`${DECRYPT}#key-policy`]: 'missing'},
	},
	{
		id: 'alias-in-identity-policy-resource',
		title: "an identity policy allowing kms:Decrypt on the key's alias ARN does not allow the key",
		source: 'AWS KMS Developer Guide, "Using IAM policies with AWS KMS"',
		quote: 'Use an alias ARN as the resource only in a policy statement that controls access to alias operations, such as CreateAlias, UpdateAlias, or DeleteAlias.',
		snapshot: download({
			principal: session({identityPolicies: [named('ByAlias', policy(allow('s3:GetObject', allObjects, {Sid: 'Get'}), allow('kms:Decrypt', `arn:aws:kms:${region}:${account}:alias/reports`, {Sid: 'Decrypt'})))]}),
		}),
		verdict: 'denied',
		rows: {[`${DECRYPT}#identity-policy`]: 'missing'},
	},
	// kms:CallerAccount and kms:ViaService for a cross-account caller
	{
		id: 'caller-account-and-via-service',
		title: 'a key policy {"AWS": "*"} Allow with kms:CallerAccount of the caller and kms:ViaService of S3 in its Region',
		source: 'AWS KMS Developer Guide, "AWS KMS condition keys"',
		quote: 'It combines a Principal element that specifies all AWS identities with the kms:CallerAccount condition key to effectively allow access to all identities in AWS account 111122223333.',
		snapshot: download({
			principal: {arn: userThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, tags: {}},
			bucketPolicy: bucketPolicyNaming({AWS: userThere}),
			keyPolicy: keyPolicyNaming({AWS: '*'}, 'kms:Decrypt', {StringEquals: {'kms:CallerAccount': otherAccount, 'kms:ViaService': viaS3}}),
		}),
		verdict: 'allowed',
		rows: {[`${DECRYPT}#key-policy`]: 'ok'},
	},
	{
		id: 'caller-account-is-key-owner',
		title: "the same with kms:CallerAccount of the key's own account: the caller of another account is not allowed",
		source: 'AWS KMS Developer Guide, "AWS KMS condition keys"',
		quote: 'For example, because each API call can originate from only one AWS account, kms:CallerAccount is a single valued condition key.',
		snapshot: download({
			principal: {arn: userThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, tags: {}},
			bucketPolicy: bucketPolicyNaming({AWS: userThere}),
			keyPolicy: keyPolicyNaming({AWS: '*'}, 'kms:Decrypt', {StringEquals: {'kms:CallerAccount': account, 'kms:ViaService': viaS3}}),
		}),
		verdict: 'denied',
		rows: {[`${DECRYPT}#key-policy`]: 'missing'},
	},
	{
		id: 'via-service-other-region',
		title: 'kms:ViaService naming S3 in another Region does not match',
		source: 'AWS KMS Developer Guide, "AWS KMS condition keys"',
		quote: 'The kms:ViaService condition key limits use of an KMS key to requests from specified AWS services.',
		snapshot: download({
			principal: {arn: userThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, tags: {}},
			bucketPolicy: bucketPolicyNaming({AWS: userThere}),
			keyPolicy: keyPolicyNaming({AWS: userThere}, 'kms:Decrypt', {StringEquals: {'kms:ViaService': 's3.us-east-1.amazonaws.com'}}),
		}),
		verdict: 'denied',
		rows: {[`${DECRYPT}#key-policy`]: 'missing'},
	},
	// Wildcard principals with conditions
	{
		id: 'aws-star-principal-org',
		title: 'a bucket and key policy {"AWS": "*"} Allow on aws:PrincipalOrgID allows a caller of the organization in another account',
		source: 'IAM User Guide, "AWS JSON policy elements: Principal"',
		quote: 'We strongly recommend that you do not use a wildcard (*) in the Principal element of a resource-based policy with an Allow effect unless you intend to grant public or anonymous access.',
		snapshot: download({
			principal: {arn: userThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, tags: {}, organizationId: orgId},
			bucketPolicy: bucketPolicyNaming({AWS: '*'}, 's3:GetObject', {StringEquals: {'aws:PrincipalOrgID': orgId}}),
			keyPolicy: keyPolicyNaming({AWS: '*'}, 'kms:Decrypt', {StringEquals: {'aws:PrincipalOrgID': orgId}}),
		}),
		verdict: 'allowed',
		rows: {[`${GET}#bucket-policy`]: 'ok', [`${DECRYPT}#key-policy`]: 'ok'},
	},
	{
		id: 'aws-star-principal-org-unknown',
		title: "the same where the caller's organization is not known: unknown",
		source: OPERATORS,
		quote: 'If the key that you specify in a policy condition is not present in the request context, the values do not match and the condition is false.',
		snapshot: download({
			principal: {arn: userThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, tags: {}},
			bucketPolicy: bucketPolicyNaming({AWS: '*'}, 's3:GetObject', {StringEquals: {'aws:PrincipalOrgID': orgId}}),
			keyPolicy: keyPolicyNaming({AWS: '*'}, 'kms:Decrypt', {StringEquals: {'aws:PrincipalOrgID': orgId}}),
		}),
		verdict: 'unknown',
		rows: {[`${GET}#bucket-policy`]: 'unknown'},
	},
	{
		id: 'aws-star-deny-other-accounts',
		title: 'a bucket policy {"AWS": "*"} Deny with StringNotEquals aws:PrincipalAccount of the bucket\'s account denies a caller of another account',
		source: OPERATORS,
		quote: 'StringNotEquals: Negated matching',
		snapshot: download({
			principal: {arn: userThere, identityPolicies: [readObjects(keyArn)], permissionsBoundary: null, tags: {}},
			bucketPolicy: policy(allow('s3:GetObject', allObjects, {Sid: 'Partner', Principal: {AWS: userThere}}), deny('s3:GetObject', allObjects, {Sid: 'OwnAccountOnly', Principal: {AWS: '*'}, Condition: {StringNotEquals: {'aws:PrincipalAccount': account}}})),
			keyPolicy: keyPolicyNaming({AWS: userThere}),
		}),
		verdict: 'denied',
		rows: {[`${GET}#bucket-policy`]: 'denied'},
	},
	{
		id: 'star-principal-with-boundary-same-account',
		title: 'a bucket policy "Principal": "*" Allow and a user whose boundary does not allow: AWS says which ARN is capped, not "*"',
		source: EVAL,
		quote: 'Within the same account, resource-based policies that grant permissions to an IAM user ARN (that is not a federated user session) are not limited by an implicit deny in an identity-based policy or permissions boundary.',
		snapshot: download({
			principal: {arn: `arn:aws:iam::${account}:user/alice`, identityPolicies: [readObjects()], permissionsBoundary: named('KmsOnly', policy(allow('kms:Decrypt', '*'))), tags: {}},
			bucketPolicy: policy(allow('s3:GetObject', allObjects, {Sid: 'Public', Principal: '*'})),
		}),
		verdict: 'unknown',
		rows: {[`${GET}#permissions-boundary`]: 'unknown'},
	},
	{
		id: 'cross-account-session-named-no-identity',
		title: "across accounts a bucket policy naming the session is not enough: the caller's own IAM policy must allow too",
		source: CROSS,
		quote: "The principal's identity-based policy must allow the requested access to the resource in the trusting service.",
		snapshot: download({
			principal: {arn: sessionThere, roleArn: roleThere, identityPolicies: [named('DecryptOnly', policy(allow('kms:Decrypt', keyArn)))], permissionsBoundary: null, sessionPolicy: null, tags: {}, sessionTags: null},
			bucketPolicy: bucketPolicyNaming({AWS: sessionThere}),
			keyPolicy: keyPolicyNaming({AWS: sessionThere}),
		}),
		verdict: 'denied',
		rows: {[`${GET}#bucket-policy`]: 'ok', [`${GET}#identity-policy`]: 'missing'},
	},
	// Case sensitivity
	{
		id: 'condition-key-name-any-case',
		title: 'a condition key written "KMS:VIASERVICE" matches kms:ViaService',
		source: 'IAM User Guide, "Controlling access to and for IAM users and roles using tags"',
		quote: 'Key names are not case sensitive in policy conditions.',
		snapshot: download({
			principal: session(),
			bucketPolicy: bucketPolicyNaming({AWS: roleArnHere}),
			keyPolicy: keyPolicyNaming({AWS: roleArnHere}, 'kms:Decrypt', {StringEquals: {'KMS:VIASERVICE': viaS3}}),
		}),
		verdict: 'allowed',
		rows: {[`${DECRYPT}#key-policy`]: 'ok'},
	},
	{
		id: 'condition-value-case-sensitive',
		title: 'StringEquals with the value in capitals does not match; StringEqualsIgnoreCase does',
		source: OPERATORS,
		quote: 'StringEquals: Exact matching, case sensitive',
		snapshot: download({
			principal: session(),
			bucketPolicy: bucketPolicyNaming({AWS: roleArnHere}),
			keyPolicy: keyPolicyNaming({AWS: roleArnHere}, 'kms:Decrypt', {StringEquals: {'kms:ViaService': viaS3.toUpperCase()}}),
		}),
		verdict: 'denied',
		rows: {[`${DECRYPT}#key-policy`]: 'missing'},
	},
	{
		id: 'condition-value-ignore-case',
		title: 'StringEqualsIgnoreCase with the value in capitals matches',
		source: OPERATORS,
		quote: 'StringEqualsIgnoreCase: Exact matching, ignoring case',
		snapshot: download({
			principal: session(),
			bucketPolicy: bucketPolicyNaming({AWS: roleArnHere}),
			keyPolicy: keyPolicyNaming({AWS: roleArnHere}, 'kms:Decrypt', {StringEqualsIgnoreCase: {'kms:ViaService': viaS3.toUpperCase()}}),
		}),
		verdict: 'allowed',
		rows: {[`${DECRYPT}#key-policy`]: 'ok'},
	},
	{
		id: 'resource-arn-case-sensitive',
		title: 'an identity policy on arn:aws:s3:::example-bucket/Reports/* does not cover reports/2025/q1.csv',
		source: 'S3 User Guide, "Creating object key names"',
		quote: 'Object key names are case sensitive.',
		snapshot: download({principal: session({identityPolicies: [named('CapitalR', policy(allow('s3:GetObject', `${bucketArn}/Reports/*`, {Sid: 'Get'}), allow('kms:Decrypt', keyArn, {Sid: 'Decrypt'})))]})}),
		verdict: 'denied',
		rows: {[`${GET}#identity-policy`]: 'missing'},
	},
];
