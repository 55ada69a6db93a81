import type {BucketInfo, ObjectInfo, Snapshot} from './snapshot.js';

type Side = {readonly objectPath: string; readonly bucketPath: string; readonly object?: ObjectInfo; readonly bucket?: BucketInfo};

/**
 * An object whose `ownedByBucketOwner` contradicts its `ownerAccountId` and its bucket's `accountId`: one line each.
 * The diagnosis would have to pick one of two facts, and picking could make a read look allowed.
 */
export const ownerProblems = (snapshot: Snapshot): string[] => {
	const sides: readonly Side[] = [
		{objectPath: 'object', bucketPath: 'bucket', object: snapshot.object, bucket: snapshot.bucket},
		{objectPath: 'source.objectInfo', bucketPath: 'source.bucketInfo', object: snapshot.source?.objectInfo, bucket: snapshot.source?.bucketInfo},
	];
	return sides.flatMap(({objectPath, bucketPath, object, bucket}) => {
		const owned = object?.ownedByBucketOwner;
		if (owned === undefined || !object?.ownerAccountId || !bucket?.accountId) return [];
		const same = object.ownerAccountId === bucket.accountId;
		if (same === owned) return [];
		return [
			`${objectPath}.ownedByBucketOwner is ${String(owned)}, but ${objectPath}.ownerAccountId ${object.ownerAccountId} is ${same ? '' : 'not '}${bucketPath}.accountId: leave out the field that is wrong`,
		];
	});
};
