import {ok} from '../../shared/result.js';
import type {ObjectInfo} from '../snapshot.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asString, field} from './json-access.js';

/**
 * s3:GetBucketAcl and s3:GetObjectAcl answer alike: `Owner.ID` is the owner's canonical user ID, "an obfuscated form
 * of the AWS account ID" (AWS Account Management, "View AWS account identifiers"), so it names an account without
 * saying which.
 */
export const aclOwnerOf = (answer: unknown): Mapped<string> => {
	const id = asString(field(answer, 'Owner', 'ID'));
	return id ? ok(id) : shapeProblem('the answer names no Owner.ID');
};

/**
 * The two owners compared: the same canonical ID is the bucket owner's object (its account, where the bucket's is
 * known); another is another account's, not known which (a canonical ID does not give the account ID).
 */
export const objectOwnerOf = (bucketOwnerId: string, objectOwnerId: string, bucketAccount: string | undefined): Pick<ObjectInfo, 'ownerAccountId' | 'ownedByBucketOwner'> =>
	bucketOwnerId === objectOwnerId ? {ownedByBucketOwner: true, ...(bucketAccount ? {ownerAccountId: bucketAccount} : {})} : {ownedByBucketOwner: false};
