import type {Snapshot} from '../snapshot/snapshot.js';
import type {AssumedFact} from './diagnosis.js';
import {keyInfoOf, type ResolvedFacts} from './resolve-question.js';

/**
 * A key whose state was not read (kms:DescribeKey failed, or the policies were pasted) is taken to be enabled: a
 * disabled or deleted key fails every request whatever the policies say, so the report says it was assumed.
 */
export const assumedKeysEnabled = (snapshot: Snapshot, facts: ResolvedFacts): AssumedFact[] => {
	const keys = [keyInfoOf(snapshot.key, facts.destinationKey.arn), facts.sourceKey ? keyInfoOf(snapshot.source?.keyInfo, facts.sourceKey.arn) : undefined];
	const unread = [...new Set(keys.filter(key => key !== undefined && key.keyState === undefined).map(key => key!.arn))];
	return unread.map(arn => ({id: 'key-enabled', statement: `the KMS key ${arn} is enabled (its state, from kms:DescribeKey, was not read or given)`}));
};

/**
 * The key a write uses, whose spec was not read, is taken to be a symmetric encryption key: "Amazon S3 supports only
 * symmetric encryption KMS keys" (S3 User Guide), so another fails the write whatever the policies say. A key an object
 * is already encrypted with (a download, a copy's source, aws/s3) is one: nothing to assume.
 */
export const assumedKeysSymmetric = (snapshot: Snapshot, facts: ResolvedFacts): AssumedFact[] => {
	const {destinationKey} = facts;
	if (destinationKey.source !== 'request' && destinationKey.source !== 'bucket-default' && destinationKey.source !== 'replica') return [];
	const key = keyInfoOf(snapshot.key, destinationKey.arn);
	if (key === undefined || key.keySpec !== undefined || key.keyManager === 'AWS') return [];
	return [{id: 'key-symmetric', statement: `the KMS key ${key.arn} is a symmetric encryption key (SYMMETRIC_DEFAULT), as S3 needs (its key spec, from kms:DescribeKey, was not read or given)`}];
};
