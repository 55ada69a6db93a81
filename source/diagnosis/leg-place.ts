import {s3Arn} from '../names/index.js';
import type {Side} from '../operations/types.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {keyInfoOf, type ResolvedFacts, type ResolvedKey} from './resolve-question.js';

/** Where one leg's requests go: its object, bucket and key, as resolved from the snapshot. */
export type LegPlace = {
	readonly objectArn: string;
	readonly bucketArn: string;
	readonly bucketAccount: string | undefined;
	readonly region: string | undefined;
	/** The request's partition: an ARN the leg writes for itself (its key's, where it is not known) is in it. */
	readonly partition: string;
	readonly key: ResolvedKey;
	readonly keyInfo: Snapshot['key'];
};

export const placeOf = (snapshot: Snapshot, facts: ResolvedFacts, side: Side): LegPlace | undefined => {
	const {question} = facts;
	if (side === 'destination') {
		return {
			objectArn: question.objectArn,
			bucketArn: s3Arn(facts.partition, question.bucket),
			bucketAccount: question.bucketAccount,
			region: question.bucketRegion,
			partition: facts.partition,
			key: facts.destinationKey,
			keyInfo: keyInfoOf(snapshot.key, facts.destinationKey.arn),
		};
	}
	const source = snapshot.question.source;
	if (!facts.sourceObjectArn || !source || !facts.sourceKey) return undefined;
	return {
		objectArn: facts.sourceObjectArn,
		bucketArn: s3Arn(facts.partition, source.bucket),
		bucketAccount: facts.sourceBucketAccount,
		region: facts.sourceBucketRegion ?? question.bucketRegion,
		partition: facts.partition,
		key: facts.sourceKey,
		keyInfo: keyInfoOf(snapshot.source?.keyInfo, facts.sourceKey.arn),
	};
};
