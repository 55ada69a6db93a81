import type {PolicySlot, UnreadPolicy} from '../engine/evaluation.js';
import {parseCaller} from '../engine/principal.js';
import {isUnread} from '../engine/layers.js';
import type {Policy} from '../engine/policy.js';
import {s3Arn} from '../names/index.js';
import {commandInAccount} from '../snapshot/profiles.js';
import type {ObjectInfo, Snapshot} from '../snapshot/snapshot.js';
import type {AssumedFact, Finding, ObjectOwnerFact} from './diagnosis.js';
import {bucketInfoFor, objectInfoFor} from './policy-inputs.js';
import {objectAclRead} from './read-commands.js';
import type {ActionSpec} from './required-actions.js';

/**
 * An existing object another account owns. S3: "The permissions attached to the bucket apply to all of the objects in
 * the bucket that are owned by the bucket owner. These permissions don't apply to objects that are owned by other AWS
 * accounts." In the bucket context only the bucket owner's explicit Deny counts; in the object context "the object
 * owners must use an object ACL to grant permissions", or, for its own IAM principals, a user policy (S3 User Guide,
 * "How Amazon S3 authorizes a request for an object operation"). The ACL is not in the snapshot: where it is what
 * decides, the answer stays unknown, with the read that settles it.
 */

/** The actions that read an existing object, as its owner's ACL governs them. */
const objectReads: ReadonlySet<string> = new Set(['s3:GetObject', 's3:GetObjectVersion']);

export type ForeignObject = {
	/**
	 * The object owner's account: the request's resource account. Absent: another account than the bucket's, not
	 * known which (s3:GetObjectAcl names the owner by canonical user ID, not account ID).
	 */
	readonly owner?: string;
	readonly bucketAccount?: string;
	/**
	 * Whether the caller belongs to the owner's account (then its IAM policy can grant, and no ACL is needed);
	 * `unknown` where the owner's account is not known and may be the caller's.
	 */
	readonly callerIsOwner: boolean | 'unknown';
	readonly bucket: string;
	readonly key: string;
};

/**
 * Who owns the object of an object read, as the snapshot records it: an account ID decides; else whether the object's
 * owner is the bucket's (s3:GetObjectAcl's and s3:GetBucketAcl's owners compared). Undefined: not recorded.
 */
const recordedOwner = (object: ObjectInfo | undefined): {readonly account?: string; readonly bucketOwners?: boolean} | undefined => {
	if (object?.ownerAccountId) return {account: object.ownerAccountId};
	if (object?.ownedByBucketOwner !== undefined) return {bucketOwners: object.ownedByBucketOwner};
	return undefined;
};

/**
 * The object of `spec` when the snapshot says another account owns it. With Object Ownership "Bucket owner enforced"
 * "the bucket owner automatically owns and has full control over every object in the bucket", whatever was recorded.
 */
export const foreignObjectOf = (snapshot: Snapshot, spec: ActionSpec, bucketAccount: string | undefined, callerArn: string | undefined): ForeignObject | undefined => {
	if (spec.service !== 's3' || !objectReads.has(spec.action)) return undefined;
	if (bucketInfoFor(snapshot, spec.side)?.objectOwnership === 'BucketOwnerEnforced') return undefined;
	const recorded = recordedOwner(objectInfoFor(snapshot, spec.side));
	const owner = recorded?.account;
	const foreign = owner ? bucketAccount !== undefined && owner !== bucketAccount : recorded?.bucketOwners === false;
	if (!foreign) return undefined;
	const question = spec.side === 'source' ? snapshot.question.source : snapshot.question;
	if (!question?.bucket || question.objectKey === undefined) return undefined;
	const callerAccount = callerArn ? parseCaller(callerArn).account : undefined;
	// An owner known only to be another account than the bucket's is not the caller's where the caller is of the bucket's.
	const callerIsOwner = owner ? callerAccount === owner : callerAccount !== undefined && callerAccount === bucketAccount ? false : 'unknown';
	return {...(owner ? {owner} : {}), ...(bucketAccount ? {bucketAccount} : {}), callerIsOwner, bucket: question.bucket, key: question.objectKey};
};

/** "account 444455556666", or what is known of an owner whose account ID is not. */
const ownerWords = (object: ForeignObject): string =>
	object.owner ? `account ${object.owner}` : 'another account, not known which (S3 names an owner by canonical user ID, not account ID)';

const bucketAccountWords = (object: ForeignObject): string => (object.bucketAccount ? `the bucket's account ${object.bucketAccount}` : "the bucket's account");

/** The bucket policy as the bucket context reads it for another account's object: its Deny statements only. */
export const bucketDenyOnly = (slot: PolicySlot): PolicySlot => {
	if (slot === null || isUnread(slot)) return slot;
	const policy = slot as Policy;
	return {...policy, statements: policy.statements.filter(statement => statement.effect === 'Deny')};
};

/**
 * Where the object's ACL would grant: unknown, in words that do not claim the bucket policy went unread. Its grants are
 * not in the snapshot (live collection reads only the ACL's owner: a grant names an account by canonical user ID too).
 */
export const objectAclUnread = (snapshot: Snapshot, object: ForeignObject, partition: string): UnreadPolicy => {
	// The ACL is read by its owner's account, with that account's profile where known; an owner not known, no profile.
	const read = commandInAccount(snapshot, objectAclRead(object.bucket, object.key), object.owner);
	const ownerCaveat = object.callerIsOwner === 'unknown' ? "; if the caller's account owns it, the caller's own IAM policy decides instead" : '';
	return {
		unread: true,
		reason: `the object is owned by ${ownerWords(object)}, not ${bucketAccountWords(object)}; only its ACL can grant another account access, and its grants are not in the snapshot${ownerCaveat}`,
		resolveWith: `s3:GetObjectAcl on ${s3Arn(partition, object.bucket, object.key)} (${read})`,
		why: `The object is owned by ${ownerWords(object)}, not by ${bucketAccountWords(object)}: the bucket policy's allows do not apply to it (only its denies), and only the object's ACL can grant access; its grants are not in the snapshot${ownerCaveat}.`,
	};
};

/** Why a read of another account's object is not decided by the bucket policy, and the two ways out. */
export const foreignObjectFinding = (object: ForeignObject): Finding => {
	const grants =
		object.callerIsOwner === true
			? "the caller's own IAM policy must allow the read"
			: object.callerIsOwner === false
				? "only the object's ACL (set by its owner) can grant this read"
				: "only the object's ACL (set by its owner) can grant this read, unless the caller's account owns the object (then the caller's own IAM policy must allow it)";
	const owner = object.owner ? `account ${object.owner}` : "the object's owner";
	return {
		id: 'object-owned-by-another-account',
		severity: 'warning',
		message: `s3://${object.bucket}/${object.key} is owned by ${ownerWords(object)}, not by ${bucketAccountWords(object)}: a bucket policy does not apply to objects other accounts own, so ${grants}.`,
		remedy: `Have ${owner} grant the read in the object's ACL, or let the bucket's account own every object: set Object Ownership to "Bucket owner enforced" on s3://${object.bucket} (aws s3api put-bucket-ownership-controls), after which bucket policies apply to all its objects.`,
	};
};

/** Where live collection and import note why an object's owner was not read. */
export const objectOwnerPath = (side: ActionSpec['side']): string => `${side === 'source' ? 'source.objectInfo' : 'object'}.ownerAccountId`;

/** The reads that settle an object's owner: its ACL's owner and its bucket's, compared; or what the snapshot's notes name. */
const ownerReads = (snapshot: Snapshot, spec: ActionSpec): string => {
	const notes = (snapshot.unread ?? []).filter(note => note.path === objectOwnerPath(spec.side));
	const objectArn = spec.resource;
	const settles = notes.flatMap(note => (note.resolveWith ? [note.resolveWith] : []));
	const reads = settles.length > 0 ? settles.join(' and ') : `s3:GetObjectAcl on ${objectArn} and s3:GetBucketAcl on ${objectArn.split('/')[0]!} (their owners compared)`;
	const why = notes.length > 0 ? ` (${notes.map(note => note.reason).join('; ')})` : '';
	return `its owner was not read${why}; ${reads} would settle it`;
};

/**
 * Where the owner of a read object was not recorded and the bucket does not enforce its own ownership (objects other
 * accounts wrote may be theirs), the diagnosis takes the bucket's account as the owner: said beside the verdict, with
 * the reads that would settle it.
 */
export const assumedObjectOwner = (snapshot: Snapshot, specs: readonly ActionSpec[]): AssumedFact | undefined => {
	for (const spec of specs) {
		if (spec.service !== 's3' || !objectReads.has(spec.action)) continue;
		if (recordedOwner(objectInfoFor(snapshot, spec.side))) continue;
		const ownership = bucketInfoFor(snapshot, spec.side)?.objectOwnership;
		if (ownership === 'BucketOwnerEnforced') continue;
		const setting = ownership === undefined ? 'its Object Ownership setting was not read' : `Object Ownership is ${ownership ?? 'not set (ObjectWriter)'}`;
		return {
			id: 'object-owned-by-bucket-owner',
			statement: `the object read is owned by the bucket's account (${setting}; ${ownerReads(snapshot, spec)})`,
		};
	}
	return undefined;
};

/**
 * The recorded owner of the first object read whose bucket does not enforce its own ownership, for the report: read
 * where the snapshot was collected (the owners of the object's and the bucket's ACLs compared), else given.
 */
export const objectOwnerFactOf = (snapshot: Snapshot, specs: readonly ActionSpec[]): ObjectOwnerFact | undefined => {
	for (const spec of specs) {
		if (spec.service !== 's3' || !objectReads.has(spec.action)) continue;
		const bucket = bucketInfoFor(snapshot, spec.side);
		const recorded = recordedOwner(objectInfoFor(snapshot, spec.side));
		if (!recorded || bucket?.objectOwnership === 'BucketOwnerEnforced') continue;
		const account = recorded.account ?? (recorded.bucketOwners ? bucket?.accountId : undefined);
		const bucketOwners = recorded.bucketOwners ?? (bucket?.accountId ? recorded.account === bucket.accountId : undefined);
		const read = snapshot.metadata?.collectedBy === 'live' || snapshot.metadata?.collectedBy === 'bundle';
		return {side: spec.side, ...(account ? {account} : {}), ...(bucketOwners === undefined ? {} : {bucketOwners}), read};
	}
	return undefined;
};
