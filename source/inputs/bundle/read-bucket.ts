import {
	bucketPolicyOf,
	defaultEncryptionOf,
	noBucketPolicyCode,
	noDefaultEncryptionCode,
	noOwnershipControlsCode,
	aclOwnerOf,
	objectInfoOf,
	objectOwnerOf,
	objectOwnershipOf,
	regionOfLocation,
} from '../../snapshot/aws-answers/index.js';
import type {BucketInfo, ObjectInfo} from '../../snapshot/snapshot.js';
import {mappedAnswer, noteOf} from './bundle-files.js';
import {calls, type CallSpec} from './bundle-layout.js';
import type {ReadContext} from './read-principal.js';
import {type Mutable} from '../../shared/json.js';
import {s3ArnOrUrl} from '../../names/index.js';

export type BucketRead = {readonly info: BucketInfo; readonly ownedByCaller: boolean};

/**
 * A bucket's Region, owner, policy, default encryption and Object Ownership. `prefix` is `source.`
 * for the copy source. Each answer that says "none" becomes `null`; each failure an unread note.
 */
export const readBucket = (context: ReadContext, prefix: string, name: string, callerAccount: string | undefined, knownRegion?: string): BucketRead => {
	const bucketResource = s3ArnOrUrl(context.partition, name);
	const path = prefix ? 'source.bucketInfo' : 'bucket';
	const info: Mutable<BucketInfo> = prefix ? {name} : {};

	const location = mappedAnswer(calls.getBucketLocation, context.files.call(`${prefix}${calls.getBucketLocation.stem}`), regionOfLocation);
	if (location.ok) info.region = location.value;
	else if (knownRegion) info.region = knownRegion;
	else context.notes.push(noteOf(`${path}.region`, calls.getBucketLocation, location.error, bucketResource));

	const policy = context.files.call(`${prefix}${calls.getBucketPolicy.stem}`);
	// Only the owner may read a bucket policy (others get 405), so reading it proves the owner too.
	let ownedByCaller = policy.state === 'ok';
	if (policy.state === 'ok') {
		const document = bucketPolicyOf(policy.answer);
		if (document.ok) info.policy = document.value;
		else context.notes.push({path: `${path}.policy`, reason: `${prefix}${calls.getBucketPolicy.stem}.json holds no readable policy`, resolveWith: 'paste the bucket policy'});
	} else if (policy.state === 'failed' && policy.failure.code === noBucketPolicyCode) {
		info.policy = null;
	} else if (policy.state === 'failed' && (policy.failure.code === 'MethodNotAllowed' || policy.failure.code === '405')) {
		context.notes.push(
			noteOf(`${path}.policy`, calls.getBucketPolicy, policy, bucketResource, "run the collection script in the bucket owner's account, or paste the bucket policy (S3 lets only the owner read it)"),
		);
	} else {
		context.notes.push(noteOf(`${path}.policy`, calls.getBucketPolicy, policy, bucketResource));
	}

	const head = context.files.call(`${prefix}${calls.headBucket.stem}`);
	if (head.state === 'ok') ownedByCaller = true;
	if (ownedByCaller && callerAccount) info.accountId = callerAccount;
	else {
		context.notes.push({
			path: `${path}.accountId`,
			reason:
				head.state === 'failed'
					? `head-bucket --expected-bucket-owner ${callerAccount ?? 'ACCOUNT'} failed (${head.failure.code ?? head.failure.message}): the bucket is in another account, or s3:ListBucket is missing`
					: 'the bundle does not say which account owns the bucket',
			resolveWith: `s3:ListBucket on ${bucketResource}, or give the bucket owner's account ID`,
		});
	}

	const encryption = context.files.call(`${prefix}${calls.getBucketEncryption.stem}`);
	if (encryption.state === 'ok') {
		const value = defaultEncryptionOf(encryption.answer);
		if (value.ok) info.defaultEncryption = value.value;
		else context.notes.push({path: `${path}.defaultEncryption`, reason: value.error.message, resolveWith: 'paste the bucket encryption configuration'});
	} else if (encryption.state === 'failed' && encryption.failure.code === noDefaultEncryptionCode) {
		info.defaultEncryption = null;
	} else {
		context.notes.push(noteOf(`${path}.defaultEncryption`, calls.getBucketEncryption, encryption, bucketResource));
	}

	const ownership = context.files.call(`${prefix}${calls.getBucketOwnershipControls.stem}`);
	if (ownership.state === 'ok') {
		const value = objectOwnershipOf(ownership.answer);
		if (value.ok) info.objectOwnership = value.value;
		else context.notes.push({path: `${path}.objectOwnership`, reason: value.error.message, resolveWith: `s3:GetBucketOwnershipControls on ${bucketResource}`});
	} else if (ownership.state === 'failed' && ownership.failure.code === noOwnershipControlsCode) {
		info.objectOwnership = null;
	} else {
		context.notes.push(noteOf(`${path}.objectOwnership`, calls.getBucketOwnershipControls, ownership, bucketResource));
	}
	return {info, ownedByCaller: ownedByCaller && callerAccount !== undefined};
};

/** One ACL's owner (a canonical user ID), or undefined with a note at the object's owner saying why. */
const aclOwner = (context: ReadContext, stem: string, spec: CallSpec, path: string, resource: string): string | undefined => {
	const result = context.files.call(stem);
	const owner = result.state === 'ok' ? aclOwnerOf(result.answer) : undefined;
	if (owner?.ok) return owner.value;
	context.notes.push(owner ? {path, reason: `${spec.permission}: ${owner.error.message}`, resolveWith: `${spec.permission} on ${resource}`} : noteOf(path, spec, result, resource));
	return undefined;
};

/**
 * Who owns the object, as live collection reads it: get-object-acl's owner against get-bucket-acl's (canonical user
 * IDs), except where Object Ownership is BucketOwnerEnforced, under which the script does not ask.
 */
const readObjectOwner = (context: ReadContext, prefix: string, bucket: string, objectKey: string, bucketInfo: BucketInfo): Pick<ObjectInfo, 'ownerAccountId' | 'ownedByBucketOwner'> => {
	if (bucketInfo.objectOwnership === 'BucketOwnerEnforced') return {};
	const path = `${prefix ? 'source.objectInfo' : 'object'}.ownerAccountId`;
	const bucketOwner = aclOwner(context, `${prefix}${calls.getBucketAcl.stem}`, calls.getBucketAcl, path, s3ArnOrUrl(context.partition, bucket));
	const objectOwner = aclOwner(context, `${prefix}${calls.getObjectAcl.stem}`, calls.getObjectAcl, path, s3ArnOrUrl(context.partition, bucket, objectKey));
	return bucketOwner === undefined || objectOwner === undefined ? {} : objectOwnerOf(bucketOwner, objectOwner, bucketInfo.accountId);
};

/** What HeadObject says of an existing object (its encryption and key), and who owns it. */
export const readObject = (context: ReadContext, prefix: string, bucket: string, objectKey: string, bucketInfo: BucketInfo): ObjectInfo | undefined => {
	const head = context.files.call(`${prefix}${calls.headObject.stem}`);
	const path = prefix ? 'source.objectInfo' : 'object';
	const objectResource = s3ArnOrUrl(context.partition, bucket, objectKey);
	if (head.state === 'ok') return {...objectInfoOf(head.answer), ...readObjectOwner(context, prefix, bucket, objectKey, bucketInfo)};
	if (head.state === 'failed' && (head.failure.code === '404' || head.failure.code === 'NotFound' || head.failure.code === 'NoSuchKey')) {
		context.notes.push({
			path: `${path}.encryption`,
			reason: `head-object says s3://${bucket}/${objectKey} does not exist (404)`,
			resolveWith: 'check the bucket and object key',
		});
		return undefined;
	}
	context.notes.push(noteOf(`${path}.encryption`, calls.headObject, head, objectResource));
	return undefined;
};
