import {GetBucketAclCommand, GetObjectAclCommand} from '@aws-sdk/client-s3';
import {aclOwnerOf, objectOwnerOf, type Mapped} from '../snapshot/aws-answers/index.js';
import type {BucketInfo, ObjectInfo} from '../snapshot/snapshot.js';
import {sendToBucket} from './bucket-region.js';
import {firstAnswer, readBucketSetting, type BucketTarget, type FirstAnswer, type ObjectTarget} from './read-bucket.js';
import type {Reader} from './reader.js';
import {s3NameFor, sessionLabel} from './session.js';

type OwnerFacts = Pick<ObjectInfo, 'ownerAccountId' | 'ownedByBucketOwner'>;

/** A canonical user ID from one ACL read, or undefined with a note at the object's owner saying why. */
const ownerIdOf = (reader: Reader, answer: FirstAnswer<Mapped<string>>, path: string, call: string, resource: string): string | undefined => {
	const permission = `${call} on ${resource}`;
	if (answer.value === undefined) {
		reader.note(path, `${call}: ${reader.explain(answer.failures[0]!)}`, permission);
		return undefined;
	}
	if (!answer.value.ok) {
		reader.note(path, `${call}: ${answer.value.error.message}`, permission);
		return undefined;
	}
	return answer.value.value;
};

/**
 * Who owns an existing object: s3:GetObjectAcl's owner compared with s3:GetBucketAcl's, both canonical user IDs (the
 * same ID: the bucket's account; another: another account, not known which). Not read where the bucket enforces its
 * ownership, under which "the bucket owner automatically owns and has full control over every object in the bucket".
 * A failed read is a note at the object's owner; the diagnosis then keeps its assumption and names the read.
 */
export const readObjectOwner = async (reader: Reader, bucketTarget: BucketTarget, objectTarget: ObjectTarget, bucket: BucketInfo | undefined): Promise<OwnerFacts> => {
	if (bucket?.objectOwnership === 'BucketOwnerEnforced') return {};
	const {bucket: name, objectKey} = objectTarget;
	const path = `${objectTarget.path}.ownerAccountId`;
	const [bucketAcl, objectAcl] = await Promise.all([
		readBucketSetting(reader, bucketTarget, 'GetBucketAcl', (s3, signal) => s3.send(new GetBucketAclCommand({Bucket: name}), {abortSignal: signal}).then(aclOwnerOf)),
		firstAnswer(objectTarget.sessions, session =>
			reader.call(`${session.name}:s3:GetObjectAcl:${name}/${objectKey}`, `s3:GetObjectAcl ${name}/${objectKey} (${sessionLabel(session)})`, signal =>
				sendToBucket(session, s3 => s3.send(new GetObjectAclCommand({Bucket: name, Key: objectKey}), {abortSignal: signal})).then(aclOwnerOf),
			),
		),
	]);
	const reading = objectTarget.sessions[0]!;
	const bucketOwner = ownerIdOf(reader, bucketAcl, path, 's3:GetBucketAcl', await s3NameFor(reader, reading, name));
	const objectOwner = ownerIdOf(reader, objectAcl, path, 's3:GetObjectAcl', await s3NameFor(reader, reading, name, objectKey));
	if (bucketOwner === undefined || objectOwner === undefined) return {};
	return objectOwnerOf(bucketOwner, objectOwner, bucket?.accountId);
};

/** An object read with its owner: once HeadObject has answered (none to own otherwise) and its bucket is read. */
export const withObjectOwner = async (
	reader: Reader,
	objectRead: Promise<ObjectInfo | undefined>,
	bucketRead: Promise<BucketInfo | undefined>,
	bucketTarget: BucketTarget,
	objectTarget: ObjectTarget,
): Promise<ObjectInfo | undefined> => {
	const [object, bucket] = await Promise.all([objectRead, bucketRead]);
	if (object === undefined) return undefined;
	return {...object, ...(await readObjectOwner(reader, bucketTarget, objectTarget, bucket))};
};
