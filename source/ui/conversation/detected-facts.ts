import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import {mayBeMissingGrant} from '../../inputs/error-message/known-causes.js';
import {policyLine} from '../../inputs/error-message/format-denial.js';
import {s3Url} from '../../names/index.js';
import {destinationLeg} from '../../operations/registry.js';
import type {DefaultEncryption, Snapshot} from '../../snapshot/snapshot.js';
import {accountOfArn} from '../../engine/arn.js';
import type {Note} from './question.js';

/** What live reads or a pasted error revealed, as ✔ lines: shown instead of asked. */

const encryptionWords = (encryption: DefaultEncryption): string => {
	if (encryption.algorithm === 'AES256') return 'SSE-S3 (no KMS key involved)';
	const kind = encryption.algorithm === 'aws:kms:dsse' ? 'DSSE-KMS' : 'SSE-KMS';
	const key = encryption.kmsKeyId ?? 'the AWS managed key aws/s3';
	const bucketKey = encryption.bucketKeyEnabled === undefined ? '' : encryption.bucketKeyEnabled ? ', S3 Bucket Key on' : ', S3 Bucket Key off';
	return `${kind} with ${key}${bucketKey}`;
};

export const detectedFacts = (snapshot: Snapshot): Note[] => {
	const notes: Note[] = [];
	const found = (text: string): void => {
		notes.push({tone: 'found', text});
	};
	const {principal, bucket, object, key, question} = snapshot;
	if (principal?.arn) found(`You are ${principal.arn} (account ${accountOfArn(principal.arn) ?? 'unknown'})`);
	if (bucket?.accountId || bucket?.region) {
		const where = [bucket.accountId ? `in account ${bucket.accountId}` : undefined, bucket.region ? `in ${bucket.region}` : undefined].filter(Boolean).join(', ');
		found(`Bucket ${question.bucket} is ${where}`);
	}
	if (bucket?.defaultEncryption === null) found(`Bucket ${question.bucket} has no default encryption (S3 uses SSE-S3)`);
	else if (bucket?.defaultEncryption) found(`Default encryption: ${encryptionWords(bucket.defaultEncryption)}`);
	if (destinationLeg(question.operation).facts.object && object?.encryption) found(`The object is encrypted with ${encryptionWords(object.encryption)}`);
	if (object?.ownerAccountId) found(`The object is owned by account ${object.ownerAccountId}${object.ownedByBucketOwner ? ", the bucket's" : ''}`);
	// Its ACL names the owner by canonical user ID: not the bucket's, and no account ID to say.
	else if (object?.ownedByBucketOwner === false) found("The object is owned by another account than the bucket's (its ACL names the owner by canonical user ID)");
	else if (object?.ownedByBucketOwner) found("The object is owned by the bucket's account");
	if (key?.arn) {
		const details = [key.keyManager === 'AWS' ? 'AWS managed' : key.keyManager === 'CUSTOMER' ? 'customer managed' : undefined, key.keyState].filter(Boolean).join(', ');
		found(`KMS key ${key.arn}${details ? ` (${details})` : ''}`);
	}
	return notes;
};

/** The facts a pasted error gives away, which the wizard then does not ask. */
export const denialFacts = (denial: ParsedDenial): Note[] => {
	const notes: Note[] = [];
	const found = (text: string): void => {
		notes.push({tone: 'found', text});
	};
	if (denial.principal) found(`Caller: ${denial.principal}`);
	if (denial.action) found(`Action: ${denial.action}${denial.apiOperation ? ` (during ${denial.apiOperation})` : ''}`);
	else if (denial.apiOperation) found(`API call: ${denial.apiOperation}`);
	if (denial.resource) found(`Resource: ${denial.resource}`);
	else if (denial.object) found(`Object: ${s3Url(denial.object.bucket, denial.object.objectKey)}`);
	if (denial.keyId && denial.keyId !== denial.resource) found(`KMS key: ${denial.keyId}`);
	// As explain-error words it: an SCP's "explicit deny", reached through a VPC endpoint or not, is a Deny or no Allow (scpWording).
	const policy = denial.policyType ? policyLine(denial) : undefined;
	if (policy) found(`Policy: ${policy}`);
	const named = notes.length > 0;
	if (denial.athena) found(`${denial.athena.writing ? 'Athena writing the query results to' : 'Athena reading'} ${denial.athena.path}`);
	// KMS's refusal of a key may be a missing grant: its own words are said, not "not a missing grant" (mayBeMissingGrant).
	if (denial.cause) notes.push({tone: 'warning', text: `${mayBeMissingGrant(denial.cause) ? 'KMS would not use the key' : 'This is not a missing grant'}: ${denial.message ?? denial.cause}`});
	// Athena's own wording never names them; AWS's message leaves them out across accounts.
	const unnamed = denial.athena ? "Athena's message names no caller, action or KMS key" : 'The message names no caller, action or resource (AWS leaves them out across accounts)';
	if (!named && !denial.cause) notes.push({tone: 'info', text: `${unnamed}; the next questions fill them in.`});
	return notes;
};
