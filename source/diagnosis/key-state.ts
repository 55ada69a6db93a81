import type {Snapshot} from '../snapshot/snapshot.js';
import type {AssumedFact} from './diagnosis.js';
import {keyInfoOf, type ResolvedFacts} from './resolve-question.js';

/** The key a write uses: its spec matters. A key an object is already encrypted with (a download, a copy's source, aws/s3) is symmetric. */
const writeKeyArn = (snapshot: Snapshot, facts: ResolvedFacts): string | undefined => {
	const {destinationKey} = facts;
	if (destinationKey.source !== 'request' && destinationKey.source !== 'bucket-default' && destinationKey.source !== 'replica') return undefined;
	const key = keyInfoOf(snapshot.key, destinationKey.arn);
	return key === undefined || key.keySpec !== undefined || key.keyManager === 'AWS' ? undefined : key.arn;
};

/**
 * What kms:DescribeKey tells that was not read (it failed, or the policies were pasted), taken as S3 needs it and said:
 * a key is enabled, since a disabled or deleted key fails every request whatever the policies say; and the key a write
 * uses is a symmetric encryption key, since "Amazon S3 supports only symmetric encryption KMS keys" (S3 User Guide).
 * One read tells both, so where both were not read one sentence says both.
 */
export const assumedKeyFacts = (snapshot: Snapshot, facts: ResolvedFacts): AssumedFact[] => {
	const keys = [keyInfoOf(snapshot.key, facts.destinationKey.arn), facts.sourceKey ? keyInfoOf(snapshot.source?.keyInfo, facts.sourceKey.arn) : undefined];
	const stateUnread = [...new Set(keys.filter(key => key !== undefined && key.keyState === undefined).map(key => key!.arn))];
	const specUnread = writeKeyArn(snapshot, facts);
	const enabled = stateUnread.map(
		(arn): AssumedFact =>
			arn === specUnread
				? {id: 'key-enabled', statement: `the KMS key ${arn} is enabled and symmetric (its state and spec, from kms:DescribeKey, were not read or given)`}
				: {id: 'key-enabled', statement: `the KMS key ${arn} is enabled (its state, from kms:DescribeKey, was not read or given)`},
	);
	const symmetric: AssumedFact[] =
		specUnread === undefined || stateUnread.includes(specUnread)
			? []
			: [{id: 'key-symmetric', statement: `the KMS key ${specUnread} is a symmetric encryption key (SYMMETRIC_DEFAULT), as S3 needs (its key spec, from kms:DescribeKey, was not read or given)`}];
	return [...enabled, ...symmetric];
};
