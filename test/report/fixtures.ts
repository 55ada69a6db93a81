import type {Diagnosis, Requirement, RequiredAction} from '../../source/diagnosis/diagnosis.js';
import type {Evaluation} from '../../source/engine/evaluation.js';

/** Diagnoses as plain objects, shaped like real ones, for the renderers' tests. */

const account = '111122223333';
const otherAccount = '444455556666';
const keyArn = `arn:aws:kms:eu-west-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const roleSession = `arn:aws:sts::${account}:assumed-role/uploader/ci-run-42`;
const roleArn = `arn:aws:iam::${account}:role/uploader`;
// A pipe in the object key: legal in S3, and a trap for markdown tables.
const objectKey = 'reports/2025|q1.csv';
const objectArn = `arn:aws:s3:::dest-bucket/${objectKey}`;

const evaluation = (decision: Evaluation['decision'], summary: string): Evaluation => ({
	decision,
	summary,
	crossAccount: false,
	service: 'default',
	layers: [],
	unknownContextKeys: [],
});

const action = (id: string, name: string, resource: string, decision: RequiredAction['decision'], purpose: string): RequiredAction => ({
	id,
	action: name,
	resource,
	purpose,
	context: {'kms:ViaService': 's3.eu-west-1.amazonaws.com'},
	decision,
	evaluation: evaluation(decision, `${name} is ${decision}.`),
});

export const keyPolicy = {
	Version: '2012-10-17',
	Id: 'uploads-key',
	Statement: [
		{Sid: 'KeyAdmins', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${account}:role/admin`}, Action: ['kms:Describe*', 'kms:Put*'], Resource: '*'},
		{Sid: 'AllowUploaderEncrypt', Effect: 'Allow', Principal: {AWS: roleArn}, Action: 'kms:GenerateDataKey', Resource: '*'},
	],
};

export const decryptStatement = {
	Sid: 'AllowUploaderDecryptViaS3',
	Effect: 'Allow',
	Principal: {AWS: roleArn},
	Action: 'kms:Decrypt',
	Resource: '*',
	Condition: {StringEquals: {'kms:ViaService': 's3.eu-west-1.amazonaws.com'}},
};

export const narrowedDeny = {
	Sid: 'DenyOtherKeys',
	Effect: 'Deny',
	Principal: '*',
	Action: 's3:PutObject',
	Resource: 'arn:aws:s3:::dest-bucket/*',
	Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption-aws-kms-key-id': [`arn:aws:kms:eu-west-1:${account}:key/other`, keyArn]}},
};

const putObject = action('s3:PutObject@destination', 's3:PutObject', objectArn, 'denied', 'PutObject, CreateMultipartUpload, UploadPart and CompleteMultipartUpload write the object.');
const generateDataKey = action('kms:GenerateDataKey@destination', 'kms:GenerateDataKey', keyArn, 'allowed', 'CreateMultipartUpload: S3 asks KMS for the data key that encrypts the parts.');
const decrypt = action('kms:Decrypt@destination', 'kms:Decrypt', keyArn, 'denied', 'UploadPart: S3 decrypts the data key to encrypt each further part.');

/** Requirements deliberately out of place order: the reports must group them. */
const uploadRequirements: readonly Requirement[] = [
	{
		actionId: putObject.id,
		action: 's3:PutObject',
		resource: objectArn,
		place: 'bucket-policy',
		status: 'denied',
		decidedBy: 'bucket policy, Sid "DenyOtherKeys"',
		why: 'The bucket policy denies uploads that name a key other than key/other | legacy.',
		statement: {Sid: 'DenyOtherKeys', Effect: 'Deny'},
		conditions: [
			{
				operator: 'StringNotEquals',
				key: 's3:x-amz-server-side-encryption-aws-kms-key-id',
				expected: [`arn:aws:kms:eu-west-1:${account}:key/other`],
				actual: [keyArn],
				result: 'yes',
				reason: `s3:x-amz-server-side-encryption-aws-kms-key-id is "${keyArn}", not one of "arn:aws:kms:eu-west-1:${account}:key/other", so the deny applies.`,
				effect: 'Deny',
			},
			{operator: 'Bool', key: 'aws:SecureTransport', expected: ['true'], actual: 'absent', result: 'no', reason: 'aws:SecureTransport is absent.', effect: 'Deny'},
		],
	},
	{
		actionId: putObject.id,
		action: 's3:PutObject',
		resource: objectArn,
		place: 'identity-policy',
		status: 'ok',
		decidedBy: 'inline policy S3Upload, Sid "WriteReports"',
		why: 'The role\'s inline policy S3Upload allows s3:PutObject on arn:aws:s3:::dest-bucket/*.',
	},
	{
		actionId: generateDataKey.id,
		action: 'kms:GenerateDataKey',
		resource: keyArn,
		place: 'key-policy',
		status: 'ok',
		decidedBy: 'key policy, Sid "AllowUploaderEncrypt"',
		why: 'The key policy allows the role uploader to call kms:GenerateDataKey.',
	},
	{
		actionId: generateDataKey.id,
		action: 'kms:GenerateDataKey',
		resource: keyArn,
		place: 'identity-policy',
		status: 'not-needed',
		why: 'The key policy names the role itself, so no IAM policy needs to allow it.',
	},
	{
		actionId: decrypt.id,
		action: 'kms:Decrypt',
		resource: keyArn,
		place: 'key-policy',
		status: 'missing',
		why: 'No statement of the key policy allows kms:Decrypt for the role uploader, and the key policy does not let IAM policies grant it.',
	},
	{
		actionId: decrypt.id,
		action: 'kms:Decrypt',
		resource: keyArn,
		place: 'identity-policy',
		status: 'ok',
		decidedBy: 'inline policy S3Upload, Sid "UseUploadKey"',
		why: 'The inline policy S3Upload allows kms:Decrypt on the key.',
	},
	{
		actionId: decrypt.id,
		action: 'kms:Decrypt',
		resource: keyArn,
		place: 'permissions-boundary',
		status: 'unknown',
		why: "The role's permissions boundary could not be read, so it may or may not allow kms:Decrypt.",
		resolveWith: `iam:GetRole on ${roleArn}`,
	},
	{
		actionId: putObject.id,
		action: 's3:PutObject',
		resource: objectArn,
		place: 'scp',
		status: 'ok',
		decidedBy: 'service control policies, FullAWSAccess',
		why: 'Every level of the organization allows it.',
	},
];

const keyPolicyWithDecrypt = {...keyPolicy, Statement: [...keyPolicy.Statement, decryptStatement]};

/** Large upload fails, small works: kms:Decrypt missing in the key policy, plus a bucket-policy deny. */
export const deniedMultipartUpload: Diagnosis = {
	verdict: 'denied',
	summary: 'Denied: the key policy does not allow kms:Decrypt, which a multipart upload needs, and the bucket policy denies this key.',
	question: {
		operation: 'upload',
		bucket: 'dest-bucket',
		objectKey,
		objectArn,
		sizeBytes: 12_582_912,
		multipartThresholdBytes: 8_388_608,
		multipart: 'yes',
		principalArn: roleSession,
		principalAccount: account,
		bucketAccount: account,
		bucketRegion: 'eu-west-1',
		keyArn,
		keyAccount: account,
		bucketKeyEnabled: false,
		crossAccount: {bucket: false, key: false},
	},
	actions: [putObject, generateDataKey, decrypt],
	requirements: uploadRequirements,
	findings: [
		{
			id: 'multipart-requires-decrypt',
			severity: 'warning',
			message: '12 MiB is above the 8 MiB multipart threshold: the upload goes in parts, and UploadPart needs kms:Decrypt. Files under 8 MiB upload fine without it.',
		},
		{
			id: 'default-encryption-key-differs',
			severity: 'info',
			message: 'The request names a key other than the bucket default.',
			remedy: `aws s3 cp big.bin s3://dest-bucket/${objectKey} --sse aws:kms --sse-kms-key-id ${keyArn}`,
		},
	],
	fixes: [
		{
			place: 'key-policy',
			kind: 'add-allow',
			target: keyArn,
			resolves: ['kms:Decrypt@destination key-policy'],
			statement: decryptStatement,
			statements: [decryptStatement],
			policy: keyPolicyWithDecrypt,
			command: `aws kms put-key-policy --key-id ${keyArn} --policy-name default --policy '${JSON.stringify(keyPolicyWithDecrypt)}'`,
			summary: 'Allow the role uploader to call kms:Decrypt on this key, only through S3 in eu-west-1.',
			proven: true,
			appliesIn: {account: '111122223333', role: 'key-owner'},
			weakens: null,
			remains: null,
		},
		{
			place: 'bucket-policy',
			kind: 'narrow-deny',
			target: 'arn:aws:s3:::dest-bucket',
			resolves: ['s3:PutObject@destination bucket-policy'],
			statement: narrowedDeny,
			statements: [narrowedDeny],
			policy: {Version: '2012-10-17', Statement: [narrowedDeny]},
			command: `aws s3api put-bucket-policy --bucket dest-bucket --policy '${JSON.stringify({Version: '2012-10-17', Statement: [narrowedDeny]})}'`,
			summary: 'Let the deny accept the key this upload names as well.',
			proven: false,
			appliesIn: {account: null, role: 'bucket-owner'},
			weakens: 'role uploader may then upload objects encrypted with a key other than the bucket default.',
			remains: null,
		},
	],
	unknowns: [
		{
			what: 'the permissions boundary of role uploader',
			reason: 'iam:GetRole was denied, so whether a boundary limits kms:Decrypt is not known.',
			resolveWith: `iam:GetRole on ${roleArn}`,
		},
	],
	assumptions: [],
};

const downloadObject = `arn:aws:s3:::shared-data/exports/2025.parquet`;
const sharedKey = `arn:aws:kms:eu-west-1:${otherAccount}:key/abcd`;
const getObject = action('s3:GetObject@object', 's3:GetObject', downloadObject, 'allowed', 'GetObject reads the object.');
const decryptDownload = action('kms:Decrypt@object', 'kms:Decrypt', sharedKey, 'allowed', 'GetObject: S3 decrypts the data key of the object.');

/** Cross-account download where everything is allowed; the size is unknown. */
export const allowedDownload: Diagnosis = {
	verdict: 'allowed',
	summary: 'Allowed: every grant the download needs is in place.',
	question: {
		operation: 'download',
		bucket: 'shared-data',
		objectKey: 'exports/2025.parquet',
		objectArn: downloadObject,
		multipartThresholdBytes: 8_388_608,
		multipart: 'no',
		principalArn: `arn:aws:iam::${account}:user/analyst`,
		principalAccount: account,
		bucketAccount: otherAccount,
		bucketRegion: 'eu-west-1',
		keyArn: sharedKey,
		keyAccount: otherAccount,
		bucketKeyEnabled: true,
		crossAccount: {bucket: true, key: true},
	},
	actions: [getObject, decryptDownload],
	requirements: [
		{actionId: getObject.id, action: 's3:GetObject', resource: downloadObject, place: 'identity-policy', status: 'ok', decidedBy: 'managed policy DataReader, statement #1', why: 'The user\'s policy allows it.'},
		{actionId: getObject.id, action: 's3:GetObject', resource: downloadObject, place: 'bucket-policy', status: 'ok', decidedBy: 'bucket policy, Sid "PartnerRead"', why: 'The bucket policy allows account 111122223333.'},
		{actionId: decryptDownload.id, action: 'kms:Decrypt', resource: sharedKey, place: 'key-policy', status: 'ok', decidedBy: 'key policy, Sid "PartnerDecrypt"', why: 'The key policy allows account 111122223333.'},
		{actionId: decryptDownload.id, action: 'kms:Decrypt', resource: sharedKey, place: 'identity-policy', status: 'ok', decidedBy: 'managed policy DataReader, statement #2', why: 'The user\'s policy allows kms:Decrypt on the key.'},
	],
	findings: [],
	fixes: [],
	unknowns: [],
	assumptions: [],
};

const sourceKey = `arn:aws:kms:eu-west-1:${otherAccount}:key/source`;
const copyObject = 'arn:aws:s3:::dest-bucket/copy.csv';
const decryptSource = action('kms:Decrypt@source', 'kms:Decrypt', sourceKey, 'allowed', 'CopyObject: S3 decrypts the source object.');
const generateDestination = action('kms:GenerateDataKey@destination', 'kms:GenerateDataKey', keyArn, 'unknown', 'CopyObject: S3 encrypts the copy.');

/** A copy whose key-policy rows are about two different keys; nothing denied, something unknown. */
export const unknownCopy: Diagnosis = {
	verdict: 'unknown',
	summary: "Unknown: the destination key's policy could not be read.",
	question: {
		operation: 'copy',
		bucket: 'dest-bucket',
		objectKey: 'copy.csv',
		objectArn: copyObject,
		multipartThresholdBytes: 8_388_608,
		multipart: 'unknown',
		principalArn: roleSession,
		principalAccount: account,
		bucketAccount: account,
		keyArn,
		keyAccount: account,
		crossAccount: {bucket: false, key: 'unknown'},
	},
	actions: [decryptSource, generateDestination],
	requirements: [
		{actionId: generateDestination.id, action: 'kms:GenerateDataKey', resource: keyArn, place: 'rcp', status: 'ok', decidedBy: 'resource control policies, RCPFullAWSAccess', why: 'No RCP denies it.'},
		{actionId: decryptSource.id, action: 'kms:Decrypt', resource: sourceKey, place: 'key-grant', status: 'ok', decidedBy: 'grant "copy-jobs"', why: 'A grant allows the role to decrypt.'},
		{actionId: generateDestination.id, action: 'kms:GenerateDataKey', resource: keyArn, place: 'key-policy', status: 'unknown', why: 'The key policy could not be read.', resolveWith: `kms:GetKeyPolicy on ${keyArn}`},
		{actionId: decryptSource.id, action: 'kms:Decrypt', resource: sourceKey, place: 'key-policy', status: 'not-needed', why: 'The grant already allows it.'},
	],
	findings: [],
	fixes: [],
	unknowns: [{what: 'the key policy of the destination key', reason: 'kms:GetKeyPolicy was denied.', resolveWith: `kms:GetKeyPolicy on ${keyArn}`}],
	assumptions: [],
};
