import {shellWord} from '../shared/shell.js';
import type {DenialEvidence} from '../snapshot/provenance.js';
import {commandInAccount} from '../snapshot/profiles.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {accountIdOfArn, isKeyArn, parseS3Arn, s3Arn} from '../names/index.js';
import {isGuardrail, isImplicit, kindOf, resourcePolicyOf, scpEitherWay} from './evidence-words.js';
import {boundaryReads, sessionPolicyRead} from './policy-inputs.js';
import {bucketPolicyRead, keyPolicyRead, managedPolicyRead} from './read-commands.js';

/* The reads that settle what a pasted AccessDenied message says beside what was read, as the diagnosis writes them. */

/** The bucket of an object ARN, in its partition; any other ARN as it is. */
const bucketArnOf = (resource: string): string => {
	const s3 = parseS3Arn(resource);
	return s3 ? s3Arn(s3.partition, s3.bucket) : resource;
};

/** The policy ID a message's SCP or RCP ARN ends in, as a shell word: the snapshot's ARN is the customer's text. */
export const policyIdWord = (evidence: DenialEvidence): string | undefined => {
	const id = evidence.policyArn?.split('/').pop();
	return id === undefined || id === '' ? undefined : shellWord(id);
};

/**
 * The reads that settle which policy of the type denies (for an implicit deny, at which level none allows), at every
 * level, from the management account (only it or a delegated administrator can read them): the account's, each OU's
 * above it and the root's, and the one an explicit deny's message names. For an SCP's message, which may be an implicit
 * deny (scpWording), each policy's text settles which: a Deny for the action, or a level where none allows it.
 */
export const settlingRead = (snapshot: Snapshot, evidence: DenialEvidence, account: string | undefined, resource?: string, caller?: string): string => {
	if (!isGuardrail(evidence)) return rereadOf(snapshot, evidence, account, resource, caller);
	const target = account ?? 'ACCOUNT';
	const id = isImplicit(evidence) ? undefined : policyIdWord(evidence);
	const listed =
		`aws organizations list-policies-for-target --target-id ${target} --filter ${kindOf(evidence).filter}, and the same for each OU above ` +
		`the account and for the root (aws organizations list-parents --child-id ${target}, repeated up to the root, names them), ` +
		'from the management account or a delegated administrator';
	if (scpEitherWay(evidence)) {
		return (
			`${listed}; then aws organizations describe-policy --policy-id ID for each policy listed shows whether one holds a Deny for ${evidence.action} ` +
			`or a level has none that allows it${id ? ` (aws organizations describe-policy --policy-id ${id} shows the one the message names)` : ''}; ` +
			'or paste those SCPs into the wizard, from the root down'
		);
	}
	return `${listed}${id ? `; aws organizations describe-policy --policy-id ${id} shows the one the message names` : ''}`;
};

/**
 * The read that settles an identity-based or resource-based policy's, a permissions boundary's or a session policy's
 * evidence beside what was read: the policy as it is now, every one of the type (what was read may have changed since, or
 * missed one), from the account that owns it, its command with that account's profile where a live collection read it
 * (commandInAccount); a session policy, which AWS cannot read back, pasted by whoever created the session. (Where the
 * policies were not read, the row names the read the engine gives, which finds them.)
 */
const rereadOf = (snapshot: Snapshot, evidence: DenialEvidence, account: string | undefined, resource: string | undefined, caller: string | undefined): string => {
	// A managed policy is its ARN's account's (an AWS managed one, `aws`, no account's: no profile), most often the caller's.
	const named = isImplicit(evidence) ? undefined : evidence.policyArn;
	const explicit = named ? `; ${commandInAccount(snapshot, managedPolicyRead(named), accountIdOfArn(named), 'caller')} and its default version show the one the message names` : '';
	if (evidence.deniedBy === 'boundary') {
		return `the permissions boundary read again as it is now: ${boundaryReads(caller ?? 'the caller')}, with a profile of the caller's account${account ? ` ${account}` : ''}${explicit}`;
	}
	if (evidence.deniedBy === 'session') return `${sessionPolicyRead}; what was given may not be the policy that session was created with`;
	if (evidence.deniedBy === 'identity') {
		return `the caller's identity-based policies read again as they are now, every one (inline, attached, and a user's groups'), with a profile of the caller's account${account ? ` ${account}` : ''}${explicit}; or paste them all into the wizard`;
	}
	if (resourcePolicyOf(evidence.action) === 'key policy') {
		const key = resource && isKeyArn(resource) ? resource : undefined;
		const command = key ? ` (${commandInAccount(snapshot, keyPolicyRead(key), account, 'key')})` : '';
		return `the key policy read again as it is now: kms:GetKeyPolicy on ${resource ?? 'the key'} with a profile of the key's account${account ? ` ${account}` : ''}${command}`;
	}
	const bucket = resource ? parseS3Arn(resource) : undefined;
	const command = bucket ? ` (${commandInAccount(snapshot, bucketPolicyRead(bucket.bucket), account, 'bucket')})` : '';
	return `the bucket policy read again as it is now: s3:GetBucketPolicy${resource ? ` on ${bucketArnOf(resource)}` : ''} with a profile of the bucket's account${account ? ` ${account}` : ''}${command}`;
};
