import {describeNameError, parseAccountId, parseBucketName, parseKeyArn, parseKeyReference, parsePrincipalArn, parseRegion, parseS3Location, parseTagList, type Parsed} from '../../names/index.js';

/** Checks of what people type, each returning the problem in words (or undefined when it is fine). */

export type Problem = string | undefined;

/** The names/ parse as a problem line: `"TEXT" is not …`. */
const problemOf = (text: string, result: Parsed<unknown>): Problem => (result.ok ? undefined : describeNameError(text, result.error));

/** `s3://bucket/key`, `arn:aws:s3:::bucket/key` or a bare bucket name: what people paste into "Which bucket?". */
export const splitBucketAnswer = (text: string): {readonly bucket: string; readonly objectKey?: string} => parseS3Location(text) ?? {bucket: text};

/** The bucket exists, so a legacy name (capitals, underscores, as us-east-1 still serves) is a bucket name too. */
export const checkBucketName = (text: string): Problem => {
	if (text === '') return 'type the bucket name (or paste s3://bucket/key)';
	const {bucket} = splitBucketAnswer(text);
	return problemOf(bucket, parseBucketName(bucket));
};

export const checkObjectKey = (text: string): Problem => {
	if (text === '') return 'type the object key (the path inside the bucket, e.g. uploads/report.csv)';
	if (Buffer.byteLength(text, 'utf8') > 1024) return 'object keys are at most 1,024 bytes long';
	return undefined;
};

/** What a request may name as its KMS key: a key ID, a key ARN, an alias name or an alias ARN. */
export const checkKmsKeyReference = (text: string): Problem => {
	if (text === '') return 'type the key ID, key ARN or alias (e.g. alias/uploads)';
	return problemOf(text, parseKeyReference(text));
};

/** Offline we cannot resolve an alias or a bare ID, so pasted-policy checks need the key's ARN. */
export const checkKeyArn = (text: string): Problem => problemOf(text, parseKeyArn(text));

export const checkAccountId = (text: string): Problem => problemOf(text, parseAccountId(text));

export const checkRegion = (text: string): Problem => problemOf(text, parseRegion(text));

/** The caller, as a policy or an error message names it. */
export const checkPrincipalArn = (text: string): Problem => problemOf(text, parsePrincipalArn(text));

/** The ARN of the role behind an assumed-role session: a role ARN of the session's account, with the session's role name. */
export const checkTagList = (text: string): Problem => {
	const tags = parseTagList(text);
	return tags.ok ? undefined : problemOf(text, tags);
};

export const checkRoleArnOf = (text: string, sessionArn: string): Problem => {
	const role = parsePrincipalArn(text);
	if (!role.ok) return problemOf(text, role);
	const session = parsePrincipalArn(sessionArn);
	if (role.value.kind !== 'role') return `"${text}" is not a role's ARN: it reads arn:aws:iam::ACCOUNT:role/PATH/NAME`;
	if (session.ok && session.value.kind === 'assumed-role' && (role.value.account !== session.value.account || role.value.name !== session.value.roleName)) {
		return `"${text}" is not the ARN of role ${session.value.roleName} in account ${session.value.account}, whose session makes the request`;
	}
	return undefined;
};
