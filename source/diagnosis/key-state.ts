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
