import {multipartApiCalls} from '../../operations/recognise.js';
import {cancelKeyDeletionCommand, enableKeyCommand} from '../../diagnosis/fixes/commands.js';
import {shellQuote} from '../../shared/shell.js';
import type {DenialExplanation, KnownCause, ParsedDenial} from './parsed-denial.js';
import {kmsAskerOf} from './kms-asker.js';

/** The key the message names (an ARN or key ID, the pasted text's), if it names one. */
const namedKeyOf = (denial: ParsedDenial): string | undefined => denial.keyId ?? (denial.resource?.includes(':kms:') ? denial.resource : undefined);

/** The key the message names, as a shell word for the commands below (it is the pasted text's: quoted), or KEY. */
const keyOf = (denial: ParsedDenial): string => {
	const named = namedKeyOf(denial);
	return named === undefined ? 'KEY' : shellQuote(named);
};

/** A key-state command for the key the message names (with its ARN's Region, as the fixes write it), or with KEY to fill in. */
const keyCommand = (denial: ParsedDenial, command: (key: string) => string): string => {
	const named = namedKeyOf(denial);
	// Without a key, KEY is a placeholder to replace, not a value: shown bare.
	return named === undefined ? command('KEY').replace("'KEY'", 'KEY') : command(named);
};

const sameMessage = 'KMS gives this one message for all three cases, so as not to reveal which keys exist.';

/**
 * KMS's "… is not authorized to perform: kms:GenerateDataKey on this resource because the resource does not exist in this
 * Region, no resource-based policies allow access, or a resource-based policy explicitly denies access", for a call that
 * is no Decrypt: it names no key, and does not say which of the three.
 */
const keyRefused = (denial: ParsedDenial, action: string): DenialExplanation => {
	const call = denial.apiOperation;
	const viaS3 = kmsAskerOf(denial) === 's3';
	return {
		summary: `KMS refused ${action}${call ? ` in ${call}` : ''}: the key does not exist in this Region, or no statement of its key policy allows the caller, or one denies it; the message names no key and does not say which.`,
		meaning: [
			viaS3 ? `S3 called KMS on the caller's behalf${call ? ` (${call})` : ''}.` : askerWords(denial),
			'For a KMS key, the resource-based policy the message means is its key policy.',
		],
		checkNext: [
			...(viaS3 ? ["Find the key S3 writes with: the one the request names (--sse-kms-key-id), else the bucket's default key (`aws s3api get-bucket-encryption`)."] : []),
			viaS3 ? "The key must be in the bucket's Region." : 'The call must go to the Region the key is in.',
			`The key policy (in the key's account) must allow ${action} for the caller's account or role, and no Deny in it may match; across accounts, the caller's IAM policy must allow it on the full key ARN as well.`,
		],
	};
};

/**
 * KMS's "The ciphertext refers to a customer master key that does not exist, …" (or its newer "… kms:Decrypt on this
 * resource because the resource does not exist in this Region, …"): what was being decrypted depends on the call: a part
 * of a multipart upload (its data key, under the key the upload named), the caller's own Decrypt, or a read of the object.
 */
const keyInaccessible = (denial: ParsedDenial): DenialExplanation => {
	if (denial.action !== undefined && denial.action !== 'kms:Decrypt') return keyRefused(denial, denial.action);
	const call = denial.apiOperation;
	if (call !== undefined && multipartApiCalls.has(call)) {
		return {
			summary: `KMS would not decrypt the multipart upload's data key in ${call}: the key the upload uses does not exist, is in another Region, or the caller may not use it.`,
			meaning: [
				`Every part of a multipart upload makes S3 decrypt the upload's data key with kms:Decrypt, on the caller's behalf. ${sameMessage}`,
				'That is why an upload can fail only once it is large enough to go in parts.',
			],
			checkNext: [
				"Find the key the upload uses: the one it names (--sse-kms-key-id), else the bucket's default key (`aws s3api get-bucket-encryption`).",
				"The key policy (in the key's account) must allow kms:Decrypt as well as kms:GenerateDataKey for the caller's account or role.",
				"The caller's IAM policy must allow kms:Decrypt on the full key ARN (across accounts, both are needed).",
				"The key must be in the bucket's Region.",
			],
		};
	}
	const asker = kmsAskerOf(denial);
	if (asker === 'caller' || asker === 'service') {
		return {
			summary: `KMS would not decrypt${call ? ` in ${call}` : ''}: the key of the ciphertext does not exist, is in another Region, or the caller may not use it.`,
			meaning: [`${askerWords(denial)} ${sameMessage}`],
			checkNext: [
				"The key policy (in the key's account) must allow kms:Decrypt for the caller's account or role.",
				"The caller's IAM policy must allow kms:Decrypt on the full key ARN (across accounts, both are needed).",
				'The call must go to the Region the key is in.',
			],
		};
	}
	if (asker === 'unknown') {
		return {
			summary: 'KMS would not decrypt: the key of the ciphertext does not exist, is in another Region, or the caller may not use it.',
			meaning: [`${askerWords(denial)} ${sameMessage}`],
			checkNext: [
				"Which call failed: in an S3 download, the object's key is its SSEKMSKeyId (`aws s3api head-object`); in the caller's own Decrypt, the key that encrypted the ciphertext.",
				"The key policy (in the key's account) must allow kms:Decrypt for the caller's account or role.",
				"The caller's IAM policy must allow kms:Decrypt on the full key ARN (across accounts, both are needed).",
				"The request must go to the key's Region (for S3, the bucket's Region must be the key's).",
			],
		};
	}
	return {
		summary: 'KMS would not decrypt: the key that encrypted the object does not exist, is in another Region, or the caller may not use it.',
		meaning: [
			`S3 asked KMS to decrypt the object's data key on the caller's behalf. ${sameMessage}`,
			'It is the usual message when the object was encrypted with a key in another account that does not let this caller use it.',
		],
		checkNext: [
			"Find the object's key: `aws s3api head-object` shows it as SSEKMSKeyId.",
			"The key policy (in the key's account) must allow kms:Decrypt for the caller's account or role.",
			"The caller's IAM policy must allow kms:Decrypt on the full key ARN (cross-account, both are needed).",
			'The key must be in the bucket\'s Region; the AWS managed key aws/s3 can never be used from another account (re-encrypt with a customer managed key).',
		],
	};
};

/** Who asked KMS, as far as the text tells: the caller's own call, a service's call made for the caller, or neither said. */
const askerWords = (denial: ParsedDenial): string => {
	const call = denial.apiOperation;
	switch (kmsAskerOf(denial)) {
		case 'caller':
			return call ? `The caller called KMS itself (${call}), not through S3.` : 'The caller called KMS itself (the text is KMS\'s own answer), not through S3.';
		case 'service':
			return `The failed call was ${call}, no S3 call: KMS refused the request made for it, by the caller or by the service it called.`;
		case 's3':
			return `S3 called KMS on the caller's behalf${call ? ` (${call})` : ''}.`;
		case 'unknown':
			return 'The text names no call: it may be S3 asking KMS for the caller (a download, a multipart upload) or the caller\'s own KMS call.';
	}
};

/** KMS found no key: in an S3 request (the key it names, else the bucket's default), or in a call of the caller's own. */
const keyNotFound = (denial: ParsedDenial): DenialExplanation => {
	const asker = kmsAskerOf(denial);
	if (asker === 's3' || denial.operation !== undefined) {
		return {
			summary: 'KMS cannot find the key: a wrong key ID, an alias that resolves in the wrong account, or a key in another Region than the bucket.',
			meaning: [
				'The key named in the request, or in the bucket\'s default encryption, does not resolve to a key in the bucket\'s Region.',
				'An alias resolves in the caller\'s account, so a cross-account key must be named by its full key ARN. PutBucketEncryption does not validate the key, so a bad default (for example the literal "aws/s3") only fails at upload.',
			],
			checkNext: [
				'Name the key by its full ARN (arn:aws:kms:REGION:ACCOUNT:key/ID) in the request and in the bucket default encryption.',
				'Use a key in the same Region as the bucket.',
			],
		};
	}
	return {
		summary: 'KMS cannot find the key the request names: a wrong key ID or ARN, an alias that resolves in the wrong account, or a key in another Region than the request.',
		meaning: [askerWords(denial), 'An alias resolves in the caller\'s account and a key ID in the request\'s Region, so a key of another account or Region must be named by its full key ARN.'],
		checkNext: [
			'Name the key by its full ARN (arn:aws:kms:REGION:ACCOUNT:key/ID).',
			`Send the request to the key's Region; \`aws kms describe-key --key-id ${keyOf(denial)} --region REGION\` tells whether it is there.`,
		],
	};
};

/** The failures that are not a missing grant (domain.md §4), and S3's own refusals, in plain words. */
export const causeExplanation = (cause: KnownCause, denial: ParsedDenial): DenialExplanation => {
	const key = keyOf(denial);
	switch (cause) {
		case 'kms-key-inaccessible':
			return keyInaccessible(denial);
		case 'key-disabled':
			return {
				summary: 'The KMS key is disabled: this is not a missing permission.',
				meaning: ['KMS refuses every cryptographic call on a disabled key, so S3 can neither encrypt nor decrypt with it.'],
				checkNext: [`Enable it: ${keyCommand(denial, enableKeyCommand)}`],
			};
		case 'key-pending-deletion':
			return {
				summary: 'The KMS key is scheduled for deletion: this is not a missing permission.',
				meaning: ['A key pending deletion cannot be used. Once the waiting period ends, data encrypted under it is lost for good.'],
				checkNext: [`Cancel the deletion, then enable the key: ${keyCommand(denial, cancelKeyDeletionCommand)} and ${keyCommand(denial, enableKeyCommand)}`],
			};
		case 'key-invalid-state':
			return {
				summary: 'The KMS key is not in a usable state: this is not a missing permission.',
				meaning: ['KMS only uses keys whose state is Enabled (a key pending import, creation or replica deletion is refused).'],
				checkNext: [`Look at KeyState: aws kms describe-key --key-id ${key}`],
			};
		case 'key-not-found':
			return keyNotFound(denial);
		case 'kms-throttling':
			return {
				summary: 'KMS is throttling the requests: this is not a missing permission.',
				meaning: ["Every SSE-KMS object read or write calls KMS; a burst can exceed the account's KMS request quota."],
				checkNext: ['Retry with back-off.', 'Enable S3 Bucket Keys on the bucket (far fewer KMS calls).', 'Ask for a higher KMS request quota.'],
			};
		case 'sigv4-required':
			return {
				summary: 'The request was not signed with Signature Version 4, which SSE-KMS requires.',
				meaning: ['S3 refuses SSE-KMS requests signed with the old Signature Version 2 or sent unsigned.'],
				checkNext: ['Update the SDK or CLI, or set its S3 signature version to s3v4.'],
			};
		case 'acl-not-supported':
			return {
				summary: 'The bucket has ACLs disabled (Object Ownership: bucket owner enforced) and the request sent an ACL.',
				meaning: ['With BucketOwnerEnforced, S3 rejects any ACL other than bucket-owner-full-control.'],
				checkNext: ['Drop the ACL header (--acl) from the upload, or send bucket-owner-full-control.'],
			};
		case 'block-public-acls':
			return {
				summary: 'S3 Block Public Access (BlockPublicAcls) refused a request that sets a public ACL.',
				meaning: ['Block Public Access overrides policies and ACLs; it is set on the bucket, the account or the access point.'],
				checkNext: ['Upload without the public ACL, or change the Block Public Access setting if public access is really intended.'],
			};
		case 'block-public-policy':
			return {
				summary: 'S3 Block Public Access (BlockPublicPolicy) refused a bucket policy that grants public access.',
				meaning: ['Block Public Access rejects bucket or access point policies that would make data public.'],
				checkNext: ['Narrow the policy (name principals or accounts instead of "*"), or change the Block Public Access setting.'],
			};
		case 'sse-c-blocked':
			return {
				summary: 'The bucket blocks uploads encrypted with customer-provided keys (SSE-C).',
				meaning: ["The bucket's default encryption configuration lists SSE-C as a blocked encryption type."],
				checkNext: ['Upload with SSE-KMS or SSE-S3 instead, or unblock SSE-C on the bucket.'],
			};
	}
};
