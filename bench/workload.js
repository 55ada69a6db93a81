// A fixed, seeded generator of realistic S3 + KMS requests and the policy sets they are evaluated against:
// a caller with three identity policies, a key or bucket policy of 6–10 statements, a permissions boundary,
// SCPs at three levels and an RCP level — about 40 statements, most with conditions, with NotPrincipal,
// NotAction and NotResource here and there. Plain data (policy documents and requests): the bench parses
// them with the built engine, the tests with the source. Same seed, same workload, on every machine.

/** A small linear congruential generator: deterministic, and enough to vary names and shapes. */
const generator = seed => {
	let state = seed >>> 0;
	const random = () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
	return {
		random,
		pick: list => list[Math.floor(random() * list.length)],
		chance: probability => random() < probability,
		between: (low, high) => low + Math.floor(random() * (high - low + 1)),
	};
};

const regions = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'us-west-2'];
const orgId = 'o-a1b2c3d4e5';

const document = statements => ({Version: '2012-10-17', Statement: statements});

/** The names one policy set is about: its accounts, caller, bucket and key. */
const namesOf = (index, g) => {
	const account = String(100_000_000_000 + index * 7_919).padStart(12, '0');
	const otherAccount = String(900_000_000_000 + index * 104_729).padStart(12, '0');
	const region = g.pick(regions);
	const role = `${g.pick(['App', 'Etl', 'Uploader', 'Reports', 'Ingest'])}${index}`;
	const bucket = `${g.pick(['acme', 'data', 'exports', 'logs'])}-${index}-${g.pick(['prod', 'dev', 'shared'])}`;
	const keyId = `${index.toString(16).padStart(8, '0')}-12ab-34cd-56ef-1234567890ab`;
	const prefix = g.pick(['reports', 'incoming', 'exports/daily', 'home/team']);
	const crossAccountKey = g.chance(0.25);
	const keyAccount = crossAccountKey ? otherAccount : account;
	return {
		index,
		account,
		otherAccount,
		region,
		role,
		bucket,
		prefix,
		keyAccount,
		keyArn: `arn:aws:kms:${region}:${keyAccount}:key/${keyId}`,
		bucketArn: `arn:aws:s3:::${bucket}`,
		roleArn: `arn:aws:iam::${account}:role/${role}`,
		session: `arn:aws:sts::${account}:assumed-role/${role}/worker-${index % 17}`,
		user: `arn:aws:iam::${account}:user/dev-${index % 13}`,
		adminRole: `arn:aws:iam::${keyAccount}:role/KeyAdmin`,
	};
};

const identityPolicies = (n, g) => [
	document([
		{Sid: 'ReadWriteObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'], Resource: `${n.bucketArn}/${n.prefix}/*`},
		{Sid: 'ListPrefix', Effect: 'Allow', Action: 's3:ListBucket', Resource: n.bucketArn, Condition: {StringLike: {'s3:prefix': [`${n.prefix}/*`, 'shared/*']}}},
		{Sid: 'NoDeletesElsewhere', Effect: 'Deny', Action: 's3:DeleteObject*', NotResource: [`${n.bucketArn}/${n.prefix}/*`, `${n.bucketArn}/tmp/*`]},
		...(g.chance(0.5) ? [{Sid: 'OwnHome', Effect: 'Allow', Action: 's3:*Object', Resource: `${n.bucketArn}/home/\${aws:username}/*`}] : []),
		{Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:${n.region}:${n.account}:log-group:/app/${n.role}:*`},
		{Sid: 'Metrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*', Condition: {StringEquals: {'cloudwatch:namespace': `App/${n.role}`}}},
		{Sid: 'ReadOtherBuckets', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${g.pick(['shared', 'public', 'ref'])}-${n.index}`, `arn:aws:s3:::${g.pick(['shared', 'public', 'ref'])}-${n.index}/*`]},
	]),
	document([
		{
			Sid: 'UseKeyThroughS3',
			Effect: 'Allow',
			Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
			Resource: g.chance(0.7) ? n.keyArn : `arn:aws:kms:*:${n.keyAccount}:key/*`,
			Condition: {
				StringEquals: {'kms:ViaService': `s3.${n.region}.amazonaws.com`},
				StringLike: {'kms:EncryptionContext:aws:s3:arn': [`${n.bucketArn}/${n.prefix}/*`, `${n.bucketArn}`]},
			},
		},
		{Sid: 'GrantsForS3', Effect: 'Allow', Action: 'kms:CreateGrant', Resource: n.keyArn, Condition: {Bool: {'kms:GrantIsForAWSResource': 'true'}}},
		{Sid: 'EncryptWithContext', Effect: 'Allow', Action: ['kms:Encrypt', 'kms:ReEncrypt*'], Resource: n.keyArn, Condition: {'ForAnyValue:StringEquals': {'kms:EncryptionContextKeys': ['aws:s3:arn', 'project']}}},
		{Sid: 'Describe', Effect: 'Allow', Action: ['kms:DescribeKey', 'kms:List*'], Resource: '*'},
		{Sid: 'NoKeyAdmin', Effect: 'Deny', NotAction: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey', 'kms:List*', 'kms:ReEncrypt*'], Resource: `arn:aws:kms:*:${n.keyAccount}:key/*`},
		...(g.chance(0.5)
			? [{Sid: 'OnlyFromS3', Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*', Condition: {'ForAllValues:StringNotLike': {'aws:CalledVia': ['s3.amazonaws.com', 'athena.amazonaws.com']}, Bool: {'aws:ViaAWSService': 'true'}}}]
			: []),
	]),
	document([
		{Sid: 'DenyInsecure', Effect: 'Deny', Action: '*', Resource: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}},
		{
			Sid: 'DenyOutsideNetwork',
			Effect: 'Deny',
			Action: ['s3:*', 'kms:*'],
			Resource: '*',
			Condition: {NotIpAddress: {'aws:SourceIp': ['192.0.2.0/24', '198.51.100.0/24', '2001:db8::/32']}, Bool: {'aws:ViaAWSService': 'false'}},
		},
		{Sid: 'RequireKmsOnPut', Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: {StringNotEqualsIfExists: {'s3:x-amz-server-side-encryption': ['aws:kms', 'aws:kms:dsse']}}},
		{Sid: 'DenyUntagged', Effect: 'Deny', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: '*', Condition: {Null: {'aws:PrincipalTag/team': 'true'}}},
		{Sid: 'DenyOtherAccountsKeys', Effect: 'Deny', Action: 'kms:*', NotResource: [`arn:aws:kms:*:${n.account}:key/*`, `arn:aws:kms:*:${n.otherAccount}:key/*`]},
		{Sid: 'TaggedCallers', Effect: 'Allow', Action: 's3:GetObjectTagging', Resource: '*', Condition: {StringEquals: {'aws:PrincipalTag/team': ['blue', 'green']}}},
	]),
];

const keyPolicy = (n, g) =>
	document([
		{Sid: 'EnableIAM', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${n.keyAccount}:root`}, Action: 'kms:*', Resource: '*'},
		{Sid: 'KeyAdmins', Effect: 'Allow', Principal: {AWS: n.adminRole}, Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'], Resource: '*'},
		{
			Sid: 'UseThroughS3',
			Effect: 'Allow',
			Principal: {AWS: g.chance(0.5) ? [n.roleArn, `arn:aws:iam::${n.account}:role/Other${n.index}`] : `arn:aws:iam::${n.account}:root`},
			Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
			Resource: '*',
			Condition: {StringEquals: {'kms:ViaService': `s3.${n.region}.amazonaws.com`, 'kms:CallerAccount': n.account}},
		},
		{Sid: 'AuditRead', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${n.keyAccount}:role/Audit`}, Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'], Resource: '*'},
		{Sid: 'AttachGrants', Effect: 'Allow', Principal: {AWS: n.roleArn}, Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'], Resource: '*', Condition: {Bool: {'kms:GrantIsForAWSResource': 'true'}}},
		{Sid: 'ProtectKey', Effect: 'Deny', NotPrincipal: {AWS: [n.adminRole, `arn:aws:iam::${n.keyAccount}:root`]}, Action: ['kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:PutKeyPolicy'], Resource: '*'},
		{Sid: 'OnlyOurOrg', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: {StringNotEquals: {'aws:PrincipalOrgID': orgId}, Bool: {'aws:PrincipalIsAWSService': 'false'}}},
		...(g.chance(0.6)
			? [{Sid: 'OnlyOurRoles', Effect: 'Deny', Principal: {AWS: '*'}, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*', Condition: {ArnNotLike: {'aws:PrincipalArn': [`arn:aws:iam::${n.account}:role/*`, n.adminRole]}}}]
			: []),
		...(g.chance(0.5)
			? [{Sid: 'PartnerThroughS3', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${n.otherAccount}:root`}, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*', Condition: {'ForAnyValue:StringLike': {'aws:CalledVia': ['s3.amazonaws.com']}}}]
			: []),
	]);

const bucketPolicy = (n, g) =>
	document([
		{Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [n.bucketArn, `${n.bucketArn}/*`], Condition: {Bool: {'aws:SecureTransport': 'false'}}},
		{Sid: 'DenyOtherKeys', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `${n.bucketArn}/*`, Condition: {StringNotEqualsIfExists: {'s3:x-amz-server-side-encryption-aws-kms-key-id': n.keyArn}}},
		{Sid: 'AppAccess', Effect: 'Allow', Principal: {AWS: n.roleArn}, Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: [n.bucketArn, `${n.bucketArn}/*`]},
		{Sid: 'PartnerRead', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${n.otherAccount}:root`}, Action: 's3:GetObject', Resource: `${n.bucketArn}/${n.prefix}/*`, Condition: {StringEquals: {'aws:PrincipalOrgID': orgId}}},
		{Sid: 'AdminAll', Effect: 'Allow', Principal: {AWS: n.adminRole}, Action: 's3:*', Resource: [n.bucketArn, `${n.bucketArn}/*`], Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}},
		{Sid: 'NoAclChanges', Effect: 'Deny', NotPrincipal: {AWS: [`arn:aws:iam::${n.account}:root`, n.adminRole]}, Action: ['s3:PutBucketAcl', 's3:PutObjectAcl', 's3:PutBucketPolicy'], Resource: [n.bucketArn, `${n.bucketArn}/*`]},
		{Sid: 'OrgOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', NotResource: `${n.bucketArn}/public/*`, Condition: {StringNotEqualsIfExists: {'aws:PrincipalOrgID': orgId}, BoolIfExists: {'aws:PrincipalIsAWSService': 'false'}}},
		...(g.chance(0.5) ? [{Sid: 'VpcOnly', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `${n.bucketArn}/restricted/*`, Condition: {StringNotEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}}] : []),
	]);

const boundary = (n, g) =>
	document([
		{Sid: 'Services', Effect: 'Allow', Action: ['s3:*', 'kms:*', 'logs:*', 'cloudwatch:*'], Resource: '*'},
		{Sid: 'ReadIdentity', Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoles', 'sts:GetCallerIdentity'], Resource: '*'},
		{Sid: 'NoIam', Effect: 'Deny', Action: ['iam:*', 'organizations:*'], Resource: '*'},
		...(g.chance(0.5) ? [{Sid: 'NoOtherRegions', Effect: 'Deny', NotAction: ['iam:*', 's3:*'], Resource: '*', Condition: {StringNotEquals: {'aws:RequestedRegion': [n.region, 'us-east-1']}}}] : []),
	]);

const fullAccess = document([{Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*'}]);

const serviceControlPolicies = (n, g) => [
	[fullAccess],
	[
		fullAccess,
		document([
			{Sid: 'DenyOtherRegions', Effect: 'Deny', NotAction: ['iam:*', 'organizations:*', 'sts:*', 'support:*', 'cloudfront:*', 'route53:*'], Resource: '*', Condition: {StringNotEquals: {'aws:RequestedRegion': [n.region, g.pick(regions)]}, ArnNotLike: {'aws:PrincipalArn': 'arn:aws:iam::*:role/BreakGlass*'}}},
			{Sid: 'DenyLeavingOrg', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*'},
		]),
	],
	[
		document([
			{Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*'},
			{Sid: 'ProtectKms', Effect: 'Deny', Action: ['kms:ScheduleKeyDeletion', 'kms:DisableKey'], Resource: '*', Condition: {ArnNotLike: {'aws:PrincipalArn': 'arn:aws:iam::*:role/KeyAdmin'}}},
			{Sid: 'NoUnencryptedUploads', Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: {Null: {'s3:x-amz-server-side-encryption': 'true'}, StringEquals: {'aws:PrincipalAccount': `${n.account}-never`}}},
		]),
	],
];

const resourceControlPolicies = () => [
	[
		document([{Sid: 'RCPFullAWSAccess', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*'}]),
		document([
			{Sid: 'EnforceTransport', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'kms:*'], Resource: '*', Condition: {BoolIfExists: {'aws:SecureTransport': 'false'}}},
			{Sid: 'EnforceOrg', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'kms:*'], Resource: '*', Condition: {StringNotEqualsIfExists: {'aws:PrincipalOrgID': orgId}, BoolIfExists: {'aws:PrincipalIsAWSService': 'false'}}},
		]),
	],
];

/** The requests one upload or download makes, with the context S3 and KMS really carry (as the diagnosis builds it). */
const requestsOf = (n, g) => {
	const principal = g.chance(0.8) ? n.session : n.user;
	const objectKey = g.pick([`${n.prefix}/2024/q${g.between(1, 4)}.csv`, `tmp/upload-${n.index}.bin`, `restricted/${n.index}.parquet`, `home/dev-${n.index % 13}/notes.txt`]);
	const objectArn = `${n.bucketArn}/${objectKey}`;
	const common = {
		'aws:SecureTransport': g.chance(0.95),
		'aws:PrincipalOrgID': g.chance(0.9) ? orgId : 'o-zzzzzzzzzz',
		'aws:SourceIp': g.pick(['192.0.2.10', '198.51.100.7', '203.0.113.9', '2001:db8::1']),
		'aws:RequestedRegion': n.region,
		'aws:PrincipalTag/team': g.pick(['blue', 'red']),
		// A session's aws:PrincipalArn is its role's ARN, which the engine cannot know from the session's: the caller gives it.
		...(principal === n.session ? {'aws:PrincipalArn': n.roleArn} : {}),
	};
	// Some requests leave keys out: they must stay unknown, never guessed.
	const unsure = g.chance(0.15);
	if (unsure) delete common[g.pick(['aws:SourceIp', 'aws:PrincipalOrgID', 'aws:SecureTransport'])];
	const s3Context = {...common, 'aws:ViaAWSService': false, 'aws:CalledVia': null, 's3:x-amz-server-side-encryption': g.chance(0.7) ? 'aws:kms' : null, 's3:x-amz-server-side-encryption-aws-kms-key-id': g.chance(0.7) ? n.keyArn : null, 'aws:ResourceAccount': n.account};
	const kmsContext = {
		...common,
		'kms:ViaService': `s3.${g.chance(0.9) ? n.region : g.pick(regions)}.amazonaws.com`,
		'kms:CallerAccount': n.account,
		'kms:EncryptionContext:aws:s3:arn': g.chance(0.2) ? n.bucketArn : objectArn,
		'kms:EncryptionContextKeys': ['aws:s3:arn'],
		'aws:ViaAWSService': true,
		'aws:CalledVia': ['s3.amazonaws.com'],
		'aws:PrincipalIsAWSService': false,
		'kms:GrantIsForAWSResource': null,
		'aws:ResourceAccount': n.keyAccount,
	};
	const missing = unsure && g.chance(0.5) ? 'unknown' : 'absent';
	const upload = g.chance(0.5);
	const request = (action, resource, context) => ({principal, action, resource, ...(resource.startsWith('arn:aws:s3') ? {resourceAccount: n.account} : {}), context, missingContextKeys: missing});
	return upload
		? [request('s3:PutObject', objectArn, s3Context), request('kms:GenerateDataKey', n.keyArn, kmsContext), request('kms:Decrypt', n.keyArn, kmsContext)]
		: [request('s3:GetObject', objectArn, s3Context), request('kms:Decrypt', n.keyArn, kmsContext)];
};

/**
 * `sets` distinct policy sets, each with the two to three requests of one upload or download. Each entry holds
 * the documents by kind (`identity`, `key`, `bucket`, `boundary`, `scp`, `rcp`) and its requests; `policiesFor`
 * in the caller picks the key policy or the bucket policy by the request's service.
 */
export const generateWorkload = ({sets = 300, seed = 14} = {}) => {
	const g = generator(seed);
	const workload = [];
	for (let index = 0; index < sets; index++) {
		const n = namesOf(index, g);
		workload.push({
			documents: {
				identity: identityPolicies(n, g),
				key: keyPolicy(n, g),
				bucket: bucketPolicy(n, g),
				boundary: g.chance(0.8) ? boundary(n, g) : null,
				scp: serviceControlPolicies(n, g),
				rcp: resourceControlPolicies(n, g),
			},
			requests: requestsOf(n, g),
		});
	}
	return workload;
};

/**
 * Parse every document of the workload once with `parsePolicy` (the built engine's, or the source's), and pair
 * each request with the policy set it is evaluated against: pre-parsed, reused sets, as a long-running caller holds them.
 */
export const prepareWorkload = (workload, parsePolicy) => {
	const parse = (doc, name) => {
		const result = parsePolicy(doc, name);
		if (!result.ok) throw new Error(result.error.message);
		return result.value;
	};
	const inputs = [];
	for (const [index, {documents, requests}] of workload.entries()) {
		const common = {
			identity: documents.identity.map((doc, position) => parse(doc, `identity policy ${position + 1} of set ${index}`)),
			boundary: documents.boundary ? parse(documents.boundary, 'permissions boundary') : null,
			scp: documents.scp.map((level, depth) => level.map((doc, position) => parse(doc, `SCP ${position + 1} at level ${depth + 1}`))),
			rcp: documents.rcp.map((level, depth) => level.map((doc, position) => parse(doc, `RCP ${position + 1} at level ${depth + 1}`))),
		};
		const kms = {...common, resource: parse(documents.key, 'key policy')};
		const s3 = {...common, resource: parse(documents.bucket, 'bucket policy')};
		for (const request of requests) inputs.push({request, policies: request.action.startsWith('kms:') ? kms : s3});
	}
	return inputs;
};

/** How many statements a prepared input evaluates. */
export const statementCount = policies =>
	[...policies.identity, policies.resource, policies.boundary, ...policies.scp.flat(), ...policies.rcp.flat()]
		.filter(policy => policy !== null)
		.reduce((sum, policy) => sum + policy.statements.length, 0);
