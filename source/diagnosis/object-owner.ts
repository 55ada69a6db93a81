import type {PolicySlot, UnreadPolicy} from '../engine/evaluation.js';
import {parseCaller} from '../engine/principal.js';
import {isUnread} from '../engine/layers.js';
import type {Policy} from '../engine/policy.js';
import {shellQuote} from '../shared/shell.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {AssumedFact, Finding} from './diagnosis.js';
import {bucketInfoFor, objectInfoFor} from './policy-inputs.js';
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
	/** The object owner's account: the request's resource account. */
	readonly owner: string;
	readonly bucketAccount: string;
	/** Whether the caller belongs to the owner's account (then its IAM policy can grant, and no ACL is needed). */
	readonly callerIsOwner: boolean;
	readonly bucket: string;
	readonly key: string;
};

/**
 * The object of `spec` when the snapshot says another account owns it. With Object Ownership "Bucket owner enforced"
 * "the bucket owner automatically owns and has full control over every object in the bucket", whatever was recorded.
 */
export const foreignObjectOf = (snapshot: Snapshot, spec: ActionSpec, bucketAccount: string | undefined, callerArn: string | undefined): ForeignObject | undefined => {
	if (spec.service !== 's3' || !objectReads.has(spec.action) || !bucketAccount) return undefined;
	const owner = objectInfoFor(snapshot, spec.side)?.ownerAccountId;
	const ownership = bucketInfoFor(snapshot, spec.side)?.objectOwnership;
	if (!owner || owner === bucketAccount || ownership === 'BucketOwnerEnforced') return undefined;
	const question = spec.side === 'source' ? snapshot.question.source : snapshot.question;
	if (!question?.bucket || question.objectKey === undefined) return undefined;
	const callerAccount = callerArn ? parseCaller(callerArn).account : undefined;
	return {owner, bucketAccount, callerIsOwner: callerAccount === owner, bucket: question.bucket, key: question.objectKey};
};

/** The bucket policy as the bucket context reads it for another account's object: its Deny statements only. */
export const bucketDenyOnly = (slot: PolicySlot): PolicySlot => {
	if (slot === null || isUnread(slot)) return slot;
	const policy = slot as Policy;
	return {...policy, statements: policy.statements.filter(statement => statement.effect === 'Deny')};
};

/** Where the object's ACL would grant: not read, so unknown, in words that do not claim the bucket policy went unread. */
export const objectAclUnread = (object: ForeignObject, partition: string): UnreadPolicy => ({
	unread: true,
	reason: `the object is owned by account ${object.owner}, not the bucket's account ${object.bucketAccount}; only its ACL can grant another account access, and it was not read`,
	resolveWith: `s3:GetObjectAcl on arn:${partition}:s3:::${object.bucket}/${object.key} (aws s3api get-object-acl --bucket ${shellQuote(object.bucket)} --key ${shellQuote(object.key)})`,
	why: `The object is owned by account ${object.owner}, not by the bucket's account ${object.bucketAccount}: the bucket policy's allows do not apply to it (only its denies), and only the object's ACL can grant access; it was not read.`,
});

/** Why a read of another account's object is not decided by the bucket policy, and the two ways out. */
export const foreignObjectFinding = (object: ForeignObject): Finding => ({
	id: 'object-owned-by-another-account',
	severity: 'warning',
	message: `s3://${object.bucket}/${object.key} is owned by account ${object.owner}, not by the bucket's account ${object.bucketAccount}: a bucket policy does not apply to objects other accounts own, so ${object.callerIsOwner ? "the caller's own IAM policy must allow the read" : "only the object's ACL (set by its owner) can grant this read"}.`,
	remedy: `Have account ${object.owner} grant the read in the object's ACL, or let the bucket's account own every object: set Object Ownership to "Bucket owner enforced" on s3://${object.bucket} (aws s3api put-bucket-ownership-controls), after which bucket policies apply to all its objects.`,
});

/**
 * Where the owner of a read object was not recorded and the bucket does not enforce its own ownership (objects other
 * accounts wrote may be theirs), the diagnosis takes the bucket's account as the owner: said beside the verdict.
 */
export const assumedObjectOwner = (snapshot: Snapshot, specs: readonly ActionSpec[]): AssumedFact | undefined => {
	for (const spec of specs) {
		if (spec.service !== 's3' || !objectReads.has(spec.action)) continue;
		if (objectInfoFor(snapshot, spec.side)?.ownerAccountId) continue;
		const ownership = bucketInfoFor(snapshot, spec.side)?.objectOwnership;
		if (ownership === 'BucketOwnerEnforced') continue;
		const setting = ownership === undefined ? 'its Object Ownership setting was not read' : `Object Ownership is ${ownership ?? 'not set (ObjectWriter)'}`;
		return {
			id: 'object-owned-by-bucket-owner',
			statement: `the object read is owned by the bucket's account (${setting}; its owner, from s3:GetObjectAcl, was not read)`,
		};
	}
	return undefined;
};
