import {s3Arn} from '../../../names/index.js';
import type {Requirement} from '../../diagnosis.js';
import {bucketInfoFor} from '../../policy-inputs.js';
import type {PolicyRef} from '../../policy-ref.js';
import type {Side} from '../../required-actions.js';
import type {PolicyJson, Snapshot} from '../../../snapshot/snapshot.js';
import {appliesIn} from '../applies-in.js';
import {putBucketPolicyCommand} from '../commands.js';
import {distinct, groupBy, specOf} from '../context.js';
import type {FixContext, FixPlace, Grant, Rewritable} from '../draft.js';
import {sidPart, uniqueSid} from '../policy-document.js';
import {writePolicy} from '../snapshot-patch.js';

/**
 * A bucket's policy: a statement naming the caller for the objects it needs. A bucket known to have no
 * policy gets a new one; a bucket policy that is not known gets nothing (it would overwrite what we cannot see).
 */

const bucketNameAt = (snapshot: Snapshot, side: Side): string | undefined =>
	side === 'source' ? snapshot.question.source?.bucket : snapshot.question.bucket;

/** The bucket's policy as the snapshot has it on `side`; referred to where the question first names that bucket. */
const policyOfBucket = ({snapshot, analysis}: FixContext, bucket: string, side: Side, document: PolicyJson | null): Rewritable => ({
	ref: {place: 'bucket-policy', owner: snapshot.question.bucket === bucket ? 'destination' : side},
	document,
	// The partition the snapshot's ARNs are in (aws-cn, aws-us-gov), as the statement's Resource names it.
	target: s3Arn(analysis.facts.partition, bucket),
	appliesIn: appliesIn('bucket-owner', bucketInfoFor(snapshot, side)?.accountId),
	command: policy => putBucketPolicyCommand(bucket, policy),
	write: (target, policy) => writePolicy(target, {place: 'bucket-policy', owner: side}, policy),
});

const grantsFor = (context: FixContext, missing: readonly Requirement[]): Grant[] => {
	// A Principal names the role by its ARN, path included: not known for a session whose role was not read.
	const {snapshot, analysis, caller} = context;
	const principal = caller?.arn;
	if (!caller || !principal) return [];
	return [...groupBy(missing, requirement => specOf(analysis, requirement).side).entries()].flatMap(([side, requirements]) => {
		const bucketInfo = bucketInfoFor(snapshot, side);
		const bucket = bucketNameAt(snapshot, side);
		if (!bucketInfo || bucketInfo.policy === undefined || !bucket) return [];
		const actions = distinct(requirements.map(requirement => requirement.action));
		const statement = {
			Sid: uniqueSid(bucketInfo.policy, `Allow${sidPart(caller.name)}ObjectAccess`),
			Effect: 'Allow',
			Principal: {AWS: principal},
			Action: actions,
			Resource: distinct(requirements.map(requirement => requirement.resource)),
		};
		return [{
			into: policyOfBucket(context, bucket, side, bucketInfo.policy),
			statement,
			requirements,
			summary: `${bucketInfo.policy ? 'Add a statement to' : 'Create'} the bucket policy of ${bucket} allowing ${caller.kind} ${caller.name} ${actions.join(', ')}.`,
		}];
	});
};

const rewritable = (context: FixContext, ref: PolicyRef): Rewritable | undefined => {
	const {snapshot} = context;
	if (ref.place !== 'bucket-policy') return undefined;
	const current = bucketInfoFor(snapshot, ref.owner)?.policy;
	const bucket = bucketNameAt(snapshot, ref.owner);
	return current && bucket ? policyOfBucket(context, bucket, ref.owner, current) : undefined;
};

export const bucketPolicyPlace: FixPlace = {place: 'bucket-policy', grantsFor, rewritable};
