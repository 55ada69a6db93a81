import {parseArn} from '../../engine/arn.js';

/** Checks of what people type, each returning the problem in words (or undefined when it is fine). */

export type Problem = string | undefined;

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** `s3://bucket/key`, `arn:aws:s3:::bucket/key` or a bare bucket name: what people paste into "Which bucket?". */
export const splitBucketAnswer = (text: string): {readonly bucket: string; readonly objectKey?: string} => {
	const url = /^s3:\/\/([^/]+)(?:\/(.+))?$/.exec(text);
	const arn = /^arn:[a-z-]+:s3:::([^/]+)(?:\/(.+))?$/.exec(text);
	const match = url ?? arn;
	if (!match) return {bucket: text};
	return match[2] ? {bucket: match[1]!, objectKey: match[2]} : {bucket: match[1]!};
};

export const checkBucketName = (text: string): Problem => {
	if (text === '') return 'type the bucket name (or paste s3://bucket/key)';
	const {bucket} = splitBucketAnswer(text);
	if (bucket.length < 3 || bucket.length > 63) return `"${bucket}" is ${bucket.length} characters; bucket names have 3 to 63`;
	if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(bucket)) return `"${bucket}" is not a bucket name: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit`;
	if (bucket.includes('..')) return `"${bucket}" has two dots in a row, which bucket names cannot`;
	if (/^\d+\.\d+\.\d+\.\d+$/.test(bucket)) return `"${bucket}" looks like an IP address, which bucket names cannot be`;
	return undefined;
};

export const checkObjectKey = (text: string): Problem => {
	if (text === '') return 'type the object key (the path inside the bucket, e.g. uploads/report.csv)';
	if (Buffer.byteLength(text, 'utf8') > 1024) return 'object keys are at most 1,024 bytes long';
	return undefined;
};

/** What a request may name as its KMS key: a key ID, a key ARN, an alias name or an alias ARN. */
export const checkKmsKeyReference = (text: string): Problem => {
	if (text === '') return 'type the key ID, key ARN or alias (e.g. alias/uploads)';
	if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text) || /^mrk-[0-9a-f]{32}$/.test(text)) return undefined;
	if (/^alias\/[a-zA-Z0-9/_-]+$/.test(text)) return undefined;
	return checkKeyArn(text, true);
};

/** Offline we cannot resolve an alias or a bare ID, so pasted-policy checks need the key's ARN. */
export const checkKeyArn = (text: string, aliasAllowed = false): Problem => {
	const arn = parseArn(text);
	if (!arn || arn.service !== 'kms') return `"${text}" is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)`;
	if (!/^\d{12}$/.test(arn.account)) return `the account in "${text}" must be 12 digits`;
	if (!regionPattern.test(arn.region)) return `the Region in "${text}" is not a Region name such as eu-west-1`;
	if (arn.resource.startsWith('alias/')) return aliasAllowed ? undefined : 'an alias cannot be resolved offline: give the key ARN it points to (aws kms describe-key --key-id ALIAS)';
	if (!/^key\/(mrk-)?[0-9a-f-]+$/.test(arn.resource)) return `"${text}" does not end in key/ID`;
	return undefined;
};

export const checkAccountId = (text: string): Problem => (/^\d{12}$/.test(text) ? undefined : 'an AWS account ID is 12 digits');

export const checkRegion = (text: string): Problem =>
	regionPattern.test(text) ? undefined : `"${text}" is not a Region name such as eu-west-1 or us-east-1`;

/** The caller, as a policy or an error message names it. */
export const checkPrincipalArn = (text: string): Problem => {
	const arn = parseArn(text);
	if (!arn || !['iam', 'sts'].includes(arn.service) || !/^\d{12}$/.test(arn.account)) {
		return 'give the caller\'s ARN: arn:aws:iam::ACCOUNT:role/NAME, …:user/NAME or arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION (aws sts get-caller-identity shows it)';
	}
	if (arn.service === 'sts' && !/^assumed-role\/[^/]+\/.+/.test(arn.resource)) return 'an STS caller ARN reads arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION';
	if (arn.service === 'iam' && !/^(user|role)\/.+/.test(arn.resource)) return 'an IAM caller ARN names a user/… or role/…';
	return undefined;
};
