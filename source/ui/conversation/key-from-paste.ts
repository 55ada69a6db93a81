import {unwrapAwsOutput} from '../../inputs/paste/unwrap-aws-output.js';

/**
 * "Which key?" questions point at the command that shows the key (get-bucket-encryption, head-object);
 * people then paste its whole output. The key is taken from it, or the reason there is none is said.
 */

export type KeyFromPaste = {readonly key: string} | {readonly problem: string};

/** The KMS key named by pasted get-bucket-encryption or head-object output; undefined when the text is not JSON. */
export const keyFromPaste = (text: string, awsManagedAllowed: boolean): KeyFromPaste | undefined => {
	if (!text.trimStart().startsWith('{')) return undefined;
	const pasted = unwrapAwsOutput(text);
	if (!pasted.ok) return {problem: pasted.error.message};
	const {value} = pasted;
	if (value.kind !== 'bucket-encryption' && value.kind !== 'object-encryption') return {problem: 'paste the key ARN, or what aws s3api get-bucket-encryption or head-object prints'};
	const what = value.kind === 'bucket-encryption' ? "the bucket's default encryption" : 'the object';
	if (value.algorithm !== undefined && !value.algorithm.startsWith('aws:kms')) return {problem: `${what} uses ${value.algorithm === 'AES256' ? 'SSE-S3 (AES256)' : value.algorithm}, no KMS key: KMS permissions do not apply`};
	if (value.kmsKeyId) return {key: value.kmsKeyId};
	return awsManagedAllowed ? {key: 'aws/s3'} : {problem: `${what} names no key ID: it uses the AWS managed key aws/s3`};
};

/** The answer to keep: the key taken from pasted output, or the text as typed. */
export const interpretKeyAnswer = (text: string, awsManagedAllowed: boolean): string => {
	const found = keyFromPaste(text, awsManagedAllowed);
	return found && 'key' in found ? found.key : text;
};

/** A key question's help, interpretation and validation, taking pasted CLI output as well as a typed ARN. */
/** `command`: the read that shows the key, for this bucket or object (`aws s3api head-object --bucket B --key K`). */
export const keyFromPasteChecks = (awsManagedAllowed: boolean, checkKey: (text: string) => string | undefined, command?: string) => ({
	help: `${command ? `$ ${command}\n` : ''}Type the key ARN, or paste what the command prints: the key is taken from it.`,
	interpret: (text: string): string => interpretKeyAnswer(text, awsManagedAllowed),
	validate: (typed: string): string | undefined => {
		const pasted = keyFromPaste(typed, awsManagedAllowed);
		if (pasted && 'problem' in pasted) return pasted.problem;
		return checkKey(pasted ? pasted.key : typed);
	},
});

/**
 * Whether S3 Bucket Keys were used, from pasted head-object output (`object`: the object's) or get-bucket-encryption
 * output (`bucket`: the bucket's), as the Bucket Key question's answer; undefined when the paste does not say.
 */
export const bucketKeyFromPaste = (text: string, of: 'object' | 'bucket'): 'on' | 'off' | undefined => {
	if (!text.trimStart().startsWith('{')) return undefined;
	const pasted = unwrapAwsOutput(text);
	if (!pasted.ok || pasted.value.kind !== (of === 'object' ? 'object-encryption' : 'bucket-encryption')) return undefined;
	const enabled = pasted.value.bucketKeyEnabled;
	return enabled === undefined ? undefined : enabled ? 'on' : 'off';
};

/** The object's size in bytes, from pasted head-object output; undefined for anything else. */
export const sizeFromPaste = (text: string): string | undefined => {
	if (!text.trimStart().startsWith('{')) return undefined;
	const pasted = unwrapAwsOutput(text);
	return pasted.ok && pasted.value.kind === 'object-encryption' && pasted.value.contentLength !== undefined ? String(pasted.value.contentLength) : undefined;
};
