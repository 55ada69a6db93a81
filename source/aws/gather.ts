import {destinationLeg, legOn} from '../operations/registry.js';
import type {ReplicationRule} from '../snapshot/operation-facts.js';
import type {UnreadNote} from '../snapshot/provenance.js';
import type {Question} from '../snapshot/question.js';
import {snapshotFormat, type KeyInfo, type ObjectInfo, type PrincipalInfo, type Snapshot} from '../snapshot/snapshot.js';
import {readBucket, readBucketRegion, readObject, type BucketTarget, type ObjectTarget} from './read-bucket.js';
import {withObjectOwner} from './read-object-owner.js';
import {readKey} from './read-key.js';
import {readOrganization} from './read-organization.js';
import {readActingRole, readPrincipal} from './read-principal.js';
import {readReplicationRule, readVersioning} from './read-replication.js';
import type {Reader} from './reader.js';
import {readIdentity, type Session} from './session.js';

const topLevelOrder = ['principal', 'replication', 'bucket', 'object', 'key', 'source', 'organization'];

/** What a question's reads need besides the question: the replication rule's ID, when several could cover the object; the role a service acts as. */
export type GatherOptions = {readonly replicationRule?: string; readonly actingRole?: string};

/** Notes in a stable order (calls finish in any order; a saved snapshot should not change with timing). */
const sortNotes = (notes: readonly UnreadNote[]): UnreadNote[] => {
	const rank = (path: string): number => {
		const index = topLevelOrder.indexOf(path.split('.')[0] ?? '');
		return index === -1 ? topLevelOrder.length : index;
	};
	return [...notes].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path) || (a.resolveWith ?? '').localeCompare(b.resolveWith ?? ''));
};

const isKms = (algorithm: string | undefined): boolean => algorithm === 'aws:kms' || algorithm === 'aws:kms:dsse';

/** The KMS key an object read says it is encrypted with; undefined when unread, not SSE-KMS, or not named. */
const kmsKeyOf = (object: ObjectInfo | undefined): string | undefined =>
	object?.encryption && isKms(object.encryption.algorithm) ? object.encryption.kmsKeyId : undefined;

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Everything one question needs, each read started as soon as what it depends on is known. */
export const gather = async (reader: Reader, sessions: readonly Session[], question: Question, bucketRegion: string | undefined, options: GatherOptions = {}): Promise<Snapshot> => {
	const caller = sessions.find(session => session.roles.includes('caller'))!;
	// What the operation's legs need: the destination's object and key, and a source's bucket, object and key.
	const destination = destinationLeg(question.operation).facts;
	const sourceLeg = legOn(question.operation, 'source');
	const bucketSession = sessions.find(session => session.roles.includes('bucket')) ?? caller;
	const keySession = sessions.find(session => session.roles.includes('key')) ?? caller;
	// Objects and the copy source are read as the caller first (its view is the one that matters), then as the bucket's profile.
	const callerFirst = unique([caller, bucketSession]);
	void readIdentity(reader, caller);
	const bucketTarget: BucketTarget = {bucket: question.bucket, path: 'bucket', sessions: unique([bucketSession, caller]), withName: false};
	const bucketRead = readBucket(reader, bucketTarget);
	const regionOf = (target: BucketTarget) => async (): Promise<string> => bucketRegion ?? (await readBucketRegion(reader, target)) ?? caller.region;
	// Replication: the source bucket's rule names the role S3 assumes (the principal) and the replica key.
	const replicates = destination.key === 'replica';
	const replicationRead: Promise<ReplicationRule | undefined> =
		replicates && question.source
			? readReplicationRule(reader, caller, question.source.bucket, {
					objectKey: question.source.objectKey,
					destinationBucket: question.bucket,
					...(options.replicationRule ? {ruleId: options.replicationRule} : {}),
				})
			: Promise.resolve(undefined);
	// Who makes the request: the rule's role, a service's own role (its policies, not the profile's), else the profile.
	const principalRead: Promise<PrincipalInfo | undefined> = replicates
		? replicationRead.then(rule => readReplicationRole(reader, sessions, caller, rule))
		: options.actingRole
			? readActingRole(reader, sessions, caller, options.actingRole)
			: readPrincipal(reader, caller);
	const objectTarget: ObjectTarget = {
		bucket: question.bucket,
		objectKey: question.objectKey,
		path: 'object',
		sessions: callerFirst,
		...(question.kmsKeyId ? {} : {consequence: "the object's KMS key is unknown too, so it was not read (name it with --kms-key-id)"}),
	};
	const objectRead: Promise<ObjectInfo | undefined> = destination.object ? readObject(reader, objectTarget) : Promise.resolve(undefined);
	// Its owner is read after it (and the bucket's Object Ownership): the key's reads need only HeadObject.
	const ownedObjectRead = destination.object ? withObjectOwner(reader, objectRead, bucketRead, bucketTarget, objectTarget) : objectRead;

	// A read: the object's own key. A write: the key named, else the bucket's default (aws/s3 when it names none).
	const destinationKeyName = (async (): Promise<string | undefined> => {
		if (destination.key === 'object') {
			const object = await objectRead;
			if (object === undefined) return question.kmsKeyId;
			return isKms(object.encryption?.algorithm) ? (object.encryption?.kmsKeyId ?? question.kmsKeyId) : undefined;
		}
		if (destination.key === 'replica') {
			const rule = await replicationRead;
			return rule ? (rule.replicaKmsKeyId ?? undefined) : question.kmsKeyId;
		}
		if (question.kmsKeyId) return question.kmsKeyId;
		const encryption = (await bucketRead).defaultEncryption;
		return isKms(encryption?.algorithm) ? (encryption?.kmsKeyId ?? 'alias/aws/s3') : undefined;
	})();
	const keyRead = destinationKeyName.then(named =>
		named === undefined
			? undefined
			: readKey(reader, {named, path: 'key', caller, keySession, sessions, regionHint: regionOf(bucketTarget)}),
	);

	const source = sourceLeg ? question.source : undefined;
	const sourceTarget: BucketTarget | undefined = source && {bucket: source.bucket, path: 'source.bucketInfo', sessions: callerFirst, withName: true};
	const sourceBucketRead = sourceTarget ? readBucket(reader, sourceTarget) : Promise.resolve(undefined);
	const sourceObjectTarget: ObjectTarget | undefined = source && sourceLeg?.facts.object
		? {
				bucket: source.bucket,
				objectKey: source.objectKey,
				path: 'source.objectInfo',
				sessions: callerFirst,
				...(source.kmsKeyId ? {} : {consequence: "the source object's KMS key is unknown too, so it was not read"}),
			}
		: undefined;
	const sourceObjectRead = sourceObjectTarget ? readObject(reader, sourceObjectTarget) : Promise.resolve(undefined);
	const ownedSourceObjectRead = sourceObjectTarget && sourceTarget ? withObjectOwner(reader, sourceObjectRead, sourceBucketRead, sourceTarget, sourceObjectTarget) : sourceObjectRead;
	const sourceKeyRead: Promise<KeyInfo | undefined> = sourceObjectRead.then(object => {
		if (!source || !sourceTarget) return undefined;
		const named = object === undefined ? source.kmsKeyId : kmsKeyOf(object);
		return named === undefined ? undefined : readKey(reader, {named, path: 'source.keyInfo', caller, keySession, sessions, regionHint: regionOf(sourceTarget)});
	});
	const organizationRead = readOrganization(reader, {caller, sessions, resourceAccount: bucketRead.then(bucket => bucket.accountId)});
	// Replication needs versioning on both buckets; no other operation reads it.
	const versioningRead = Promise.all([
		replicates && source ? readVersioning(reader, callerFirst, source.bucket, 'source.bucketInfo') : undefined,
		replicates ? readVersioning(reader, unique([bucketSession, caller]), question.bucket, 'bucket') : undefined,
	]);

	const [principal, bucketInfo, object, key, sourceBucketInfo, sourceObject, sourceKey, organization, replication, [sourceVersioning, versioning]] = await Promise.all([
		principalRead,
		bucketRead,
		ownedObjectRead,
		keyRead,
		sourceBucketRead,
		ownedSourceObjectRead,
		sourceKeyRead,
		organizationRead,
		replicationRead,
		versioningRead,
	]);
	const bucket = versioning === undefined ? bucketInfo : {...bucketInfo, versioning};
	const sourceBucket = sourceBucketInfo && sourceVersioning !== undefined ? {...sourceBucketInfo, versioning: sourceVersioning} : sourceBucketInfo;

	const objectKeyId = kmsKeyOf(object);
	const sourceKeyId = kmsKeyOf(sourceObject);
	// An object known not to use a KMS key has no key to name, whatever the user guessed.
	const {kmsKeyId: _guessed, ...withoutKey} = question;
	const objectHasNoKey = destination.key === 'object' && object?.encryption !== undefined && !isKms(object.encryption?.algorithm);
	const filledQuestion: Question = {
		...(objectHasNoKey ? withoutKey : question),
		// A read's key is the object's, whatever was guessed; a write's stays what the request named (a bucket default is not a request header).
		...(destination.key === 'object' && objectKeyId ? {kmsKeyId: objectKeyId} : {}),
		...(question.source && sourceKeyId && !question.source.kmsKeyId ? {source: {...question.source, kmsKeyId: sourceKeyId}} : {}),
	};
	const sourceInfo = {...(sourceBucket ? {bucketInfo: sourceBucket} : {}), ...(sourceObject ? {objectInfo: sourceObject} : {}), ...(sourceKey ? {keyInfo: sourceKey} : {})};
	const principalInfo = principal && organization.organizationId !== undefined ? {...principal, organizationId: organization.organizationId} : principal;
	const notes = sortNotes(reader.notes());
	return {
		format: snapshotFormat,
		metadata: {collectedBy: 'live', createdAt: new Date().toISOString()},
		question: filledQuestion,
		...(principalInfo ? {principal: principalInfo} : {}),
		...(replication ? {replication} : {}),
		bucket,
		...(object ? {object} : {}),
		...(key ? {key} : {}),
		...(Object.keys(sourceInfo).length > 0 ? {source: sourceInfo} : {}),
		...(Object.keys(organization.info).length > 0 ? {organization: organization.info} : {}),
		...(notes.length > 0 ? {unread: notes} : {}),
	};
};


/** The rule's role, read with a profile of its account (the caller's, else another profile's in that account). */
const readReplicationRole = async (reader: Reader, sessions: readonly Session[], caller: Session, rule: ReplicationRule | undefined): Promise<PrincipalInfo | undefined> => {
	if (!rule?.role) {
		reader.note('principal', 'the replication role is the one the source bucket\'s replication rule names, and the rule was not read', 's3:GetReplicationConfiguration on the source bucket, with a profile of its account');
		return undefined;
	}
	return readActingRole(reader, sessions, caller, rule.role);
};
