import type {Requirement} from '../../diagnosis.js';
import {parseDistributionArn, s3Arn, valueOf} from '../../../names/index.js';
import {appliesIn} from '../applies-in.js';
import {putBucketPolicyCommand, putKeyPolicyCommand} from '../commands.js';
import {distinct, specOf} from '../context.js';
import type {FixContext, FixPlace, Grant, Rewritable} from '../draft.js';
import {uniqueSid} from '../policy-document.js';
import {writePolicy} from '../snapshot-patch.js';

/**
 * Grants to an AWS service principal acting for one of its resources (CloudFront for a distribution): a statement
 * naming `Principal: {Service: …}`, kept to that resource with `AWS:SourceArn`, as AWS's OAC policies are. They go
 * into the bucket policy (the bucket owner's account) and the key policy (the key owner's account): a service
 * principal has no policies of its own. Without the distribution's ARN no least-privilege statement can be written.
 */

/** The service requirements of one place, with the service and the ARN its requests carry. */
const serviceRequirements = ({snapshot, analysis}: FixContext, missing: readonly Requirement[]): {service: string; sourceArn: string; requirements: Requirement[]} | undefined => {
	const requirements = missing.filter(requirement => specOf(analysis, requirement).actor.kind === 'service');
	const actor = requirements[0] ? specOf(analysis, requirements[0]).actor : undefined;
	const distribution = valueOf(parseDistributionArn(snapshot.distribution?.arn ?? ''));
	if (actor?.kind !== 'service' || !distribution) return undefined;
	return {service: actor.service, sourceArn: distribution.arn, requirements};
};

const condition = (sourceArn: string) => ({StringEquals: {'AWS:SourceArn': sourceArn}});

const bucketGrants = (context: FixContext, missing: readonly Requirement[]): Grant[] => {
	const found = serviceRequirements(context, missing);
	const {snapshot} = context;
	const current = snapshot.bucket?.policy;
	// A bucket policy that is not known gets nothing: the fix would overwrite what cannot be seen.
	if (!found || current === undefined) return [];
	const bucket = snapshot.question.bucket;
	const actions = distinct(found.requirements.map(requirement => requirement.action));
	const into: Rewritable = {
		ref: {place: 'bucket-policy', owner: 'destination'},
		document: current,
		target: s3Arn(context.analysis.facts.partition, bucket),
		command: policy => putBucketPolicyCommand(bucket, policy),
		write: (target, policy) => writePolicy(target, {place: 'bucket-policy', owner: 'destination'}, policy),
		appliesIn: appliesIn('bucket-owner', snapshot.bucket?.accountId),
	};
	return [{
		into,
		statement: {
			Sid: uniqueSid(current, 'AllowCloudFrontServicePrincipalReadOnly'),
			Effect: 'Allow',
			Principal: {Service: found.service},
			Action: actions,
			Resource: distinct(found.requirements.map(requirement => requirement.resource)),
			Condition: condition(found.sourceArn),
		},
		requirements: found.requirements,
		summary: `${current ? 'Add a statement to' : 'Create'} the bucket policy of ${bucket} allowing ${found.service} ${actions.join(', ')} for ${found.sourceArn} only.`,
	}];
};

const keyGrants = (context: FixContext, missing: readonly Requirement[]): Grant[] => {
	const found = serviceRequirements(context, missing);
	const key = context.snapshot.key;
	// An AWS managed key's policy cannot be changed.
	if (!found || !key?.policy || key.keyManager === 'AWS') return [];
	const requirements = found.requirements.filter(requirement => requirement.resource === key.arn);
	if (requirements.length === 0) return [];
	const actions = distinct(requirements.map(requirement => requirement.action));
	const into: Rewritable = {
		ref: {place: 'key-policy', owner: 'destination'},
		document: key.policy,
		target: key.arn,
		command: policy => putKeyPolicyCommand(key.arn, policy),
		write: (target, policy) => writePolicy(target, {place: 'key-policy', owner: 'destination'}, policy),
		appliesIn: appliesIn('key-owner', key.arn),
	};
	return [{
		into,
		statement: {
			Sid: uniqueSid(key.policy, 'AllowCloudFrontServicePrincipalSSEKMS'),
			Effect: 'Allow',
			Principal: {Service: found.service},
			Action: actions,
			Resource: '*',
			Condition: condition(found.sourceArn),
		},
		requirements,
		summary: `Add a statement to the key policy of ${key.arn} allowing ${found.service} ${actions.join(', ')} for ${found.sourceArn} only.`,
	}];
};

export const servicePrincipalBucketPolicyPlace: FixPlace = {place: 'bucket-policy', grantsFor: bucketGrants};
export const servicePrincipalKeyPolicyPlace: FixPlace = {place: 'key-policy', grantsFor: keyGrants};
