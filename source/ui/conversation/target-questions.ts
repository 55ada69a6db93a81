import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import type {FlowEnv} from './flow-types.js';
import type {ChoiceOption, ChoiceQuestion, TextQuestion} from './question.js';
import {describeSize, checkSize} from './size.js';
import {toolOptions} from './upload-tools.js';
import {allOperations} from '../../operations/registry.js';
import {isKeyArn, parseS3Arn, parseS3Url} from '../../names/index.js';
import {checkAccountId, checkBucketName, checkKeyArn, checkKmsKeyReference, checkObjectKey} from './validate.js';
import {keyFromPasteChecks} from './key-from-paste.js';
import {bucketEncryptionRead, headObjectRead} from '../../diagnosis/read-commands.js';

/**
 * The questions target-flow.ts asks: the request (what, where, which key, how big) and the bucket's
 * account; and what a pasted error already answers of them.
 */

export type TargetQuestionId =
	| 'recent'
	| 'operation'
	| 'bucket'
	| 'object-key'
	| 'source-bucket'
	| 'source-key'
	| 'error-key-leg'
	| 'names-key'
	| 'kms-key'
	| KeyArnQuestionId
	| 'size'
	| 'tool'
	| 'bucket-account'
	| 'bucket-account-id';

/** Offline, each key the request involves is asked as an ARN. */
type KeyArnQuestionId = 'kms-key' | 'source-kms-key' | 'object-kms-key' | 'default-key' | 'replica-kms-key';

export const targetLabel = (operation: string, bucket: string, objectKey: string): string => `${operation} s3://${bucket}/${objectKey}`;

/** `operation`: settled already (a pasted error names it); only recent targets of that operation are offered. */
export const recentQuestion = (env: FlowEnv, operation?: string): ChoiceQuestion | undefined => {
	const recent = (env.settings?.recentTargets ?? []).filter(target => operation === undefined || target.operation === operation);
	if (recent.length === 0) return undefined;
	return {
		kind: 'choice',
		id: 'recent',
		title: 'Target',
		prompt: 'Check one of your recent targets?',
		options: [
			...recent.slice(0, 9).map(
				(target, index): ChoiceOption => ({
					value: `recent:${targetLabel(target.operation, target.bucket, target.objectKey)}`,
					label: targetLabel(target.operation, target.bucket, target.objectKey),
					hotkey: String(index + 1),
					sets: {operation: target.operation, bucket: target.bucket, 'object-key': target.objectKey},
				}),
			),
			{value: 'new', label: 'Something else', hotkey: 'n'},
		],
		otherwise: 'new',
	};
};

export const operationQuestion: ChoiceQuestion = {
	kind: 'choice',
	id: 'operation',
	keptForSaved: true,
	title: 'Operation',
	prompt: 'What fails?',
	options: allOperations.map(({name, wording}): ChoiceOption => ({value: name, label: wording.label, hint: wording.hint})),
};

export const bucketQuestion = (id: 'bucket' | 'source-bucket', title: string, prompt: string): TextQuestion => ({
	kind: 'text',
	id,
	keptForSaved: true,
	title,
	prompt,
	placeholder: 'bucket name, or s3://bucket/key',
	validate: checkBucketName,
});

export const objectKeyQuestion = (id: 'object-key' | 'source-key', title: string, prompt: string): TextQuestion => ({
	kind: 'text',
	id,
	keptForSaved: true,
	title,
	prompt,
	placeholder: 'e.g. uploads/2024/report.csv',
	validate: checkObjectKey,
});

/**
 * A pasted error names a key that either object's may be (a copy in parts decrypts both): whose it is. Its words come from
 * the pasted text: the question's view makes them visible, as every prompt and hint.
 */
export const errorKeyLegQuestion = (keyArn: string, action: string | undefined, apiOperation: string | undefined, objects: Readonly<Record<'source' | 'destination', string>>): ChoiceQuestion => ({
	kind: 'choice',
	id: 'error-key-leg',
	title: 'Key the error names',
	prompt: `Which object does ${keyArn} encrypt? (${action ?? 'The refusal'}${apiOperation ? ` in ${apiOperation}` : ''} may be on the source object's key or on the destination's)`,
	about: keyArn,
	options: [
		{value: 'source', label: 'The source object', hint: objects.source},
		{value: 'destination', label: 'The destination object', hint: objects.destination},
		{value: 'unknown', label: 'I do not know', hint: 'each key is then asked'},
	],
});

export const namesKeyQuestion = (operation: string): ChoiceQuestion => ({
	kind: 'choice',
	id: 'names-key',
	keptForSaved: true,
	title: 'KMS key in the request',
	prompt: `Does the ${operation} name a KMS key itself? (--sse-kms-key-id, SSEKMSKeyId, x-amz-server-side-encryption-aws-kms-key-id)`,
	options: [
		{value: 'no', label: "No: the bucket's default encryption decides"},
		{value: 'yes', label: 'Yes, it names a key'},
	],
});

export const kmsKeyQuestion = (suggestion: string | undefined): TextQuestion => ({
	kind: 'text',
	id: 'kms-key',
	keptForSaved: true,
	title: 'KMS key',
	prompt: 'Which key does the request name?',
	placeholder: 'key ID, key ARN or alias/NAME',
	validate: checkKmsKeyReference,
	...(suggestion ? {suggestion} : {}),
});

/** Offline, the key has to be given as an ARN: nothing can resolve an alias or tell which key the bucket uses. */
export const keyArnQuestion = (id: KeyArnQuestionId, title: string, prompt: string, suggestion: string | undefined, allowAwsManaged = false, command?: string): TextQuestion => ({
	kind: 'text',
	id,
	title,
	prompt,
	placeholder: allowAwsManaged ? 'arn:aws:kms:REGION:ACCOUNT:key/ID, or aws/s3' : 'arn:aws:kms:REGION:ACCOUNT:key/ID',
	// The whole output of get-bucket-encryption or head-object may be pasted: the key is taken from it.
	...keyFromPasteChecks(allowAwsManaged, text => (allowAwsManaged && text === 'aws/s3' ? undefined : checkKeyArn(text)), command),
	...(suggestion ? {suggestion} : {}),
});

export const sizeQuestion: TextQuestion = {
	kind: 'text',
	id: 'size',
	keptForSaved: true,
	title: 'Size',
	prompt: 'How big is the file? (it decides whether it goes up in parts; leave empty if you do not know)',
	placeholder: 'e.g. 200 MB, 1.5 GiB',
	validate: checkSize,
	display: describeSize,
};

export const toolQuestion: ChoiceQuestion = {
	kind: 'choice',
	id: 'tool',
	keptForSaved: true,
	title: 'Tool',
	prompt: 'What uploads it?',
	options: toolOptions,
};

export const bucketAccountQuestion = (bucket: string, callerAccount: string | undefined): ChoiceQuestion => ({
	kind: 'choice',
	id: 'bucket-account',
	keptForSaved: true,
	title: 'Bucket account',
	prompt: `Is bucket ${bucket} in the caller's account${callerAccount ? ` (${callerAccount})` : ''}? (bucket names do not say; it decides whether the bucket policy alone can allow)`,
	options: [
		{value: 'same', label: "Yes, the caller's account"},
		{value: 'other', label: 'No, another account'},
		{value: 'unknown', label: 'I do not know'},
	],
});

export const accountIdQuestion: TextQuestion = {
	kind: 'text',
	id: 'bucket-account-id',
	keptForSaved: true,
	title: "Bucket's account ID",
	prompt: "Which account owns the bucket? (12 digits; leave empty if you do not know)",
	placeholder: "the bucket owner's 12-digit account ID",
	validate: text => (text === '' ? undefined : checkAccountId(text)),
	display: text => (text === '' ? 'another account (ID not known)' : text),
};

/** What a pasted error names of the request: the operation, the object (a copy's source too), the KMS key. */
export type DenialTarget = {
	readonly operation?: string;
	readonly bucket?: string;
	readonly objectKey?: string;
	readonly source?: {readonly bucket: string; readonly objectKey: string};
	readonly keyArn?: string;
};

/** Prefill from a pasted error: the operation, bucket and key it names. */
export const targetOfDenial = (denial: ParsedDenial | undefined): DenialTarget => {
	if (!denial) return {};
	const resources = [denial.resource, denial.encryptionContext?.['aws:s3:arn']].filter((value): value is string => typeof value === 'string');
	const object = denial.object ?? resources.map(resource => parseS3Arn(resource)).find(location => location?.objectKey !== undefined);
	const keyArn = [denial.resource, denial.keyId].find(value => value !== undefined && isKeyArn(value));
	// Athena names a bucket, and the results object it wrote; a path it read may be a table's prefix, so its key is asked.
	const athena = denial.athena ? parseS3Url(denial.athena.path) : undefined;
	const athenaObject = athena && (denial.athena?.writing ? athena.objectKey : undefined);
	const source = denial.sourceObject;
	return {
		...(denial.operation ? {operation: denial.operation} : {}),
		...(object?.objectKey ? {bucket: object.bucket, objectKey: object.objectKey} : {}),
		...(athena && !object ? {bucket: athena.bucket, ...(athenaObject ? {objectKey: athenaObject} : {})} : {}),
		...(source?.objectKey ? {source: {bucket: source.bucket, objectKey: source.objectKey}} : {}),
		...(keyArn ? {keyArn} : {}),
	};
};

/** The reads that show a key, for the bucket or object asked about: a line to copy whole. */
/** The read that shows the bucket's default key: the one the report names (diagnosis/read-commands.ts). */
export const bucketEncryptionCommand = bucketEncryptionRead;
/** The read that shows the object's key: the one the report names where it was not read (diagnosis/read-commands.ts). */
export const headObjectCommand = headObjectRead;
