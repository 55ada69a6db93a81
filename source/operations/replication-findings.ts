import {evaluate} from '../engine/evaluate.js';
import {parsePolicy} from '../engine/parse-policy.js';
import {parseCaller} from '../engine/principal.js';
import {parseS3Arn, s3Arn} from '../names/index.js';
import {commandInAccount} from '../snapshot/profiles.js';
import {sessionRoleArn, sessionRoleNamed} from '../snapshot/session-role.js';
import type {PolicyJson, Snapshot} from '../snapshot/snapshot.js';
import type {FindingInput, OperationFinding} from './types.js';

/**
 * What makes S3 skip or fail a replication that is not a missing grant: the rule does not select SSE-KMS objects or
 * names no replica key, an alias names the replica key, a replica key S3 cannot use there, a role S3 may not assume,
 * versioning off. Every sentence is from the S3 User Guide: "Replicating encrypted objects", "Setting up permissions",
 * "Requirements for replication", and the API Reference's EncryptionConfiguration.
 */

const kmsPage = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html';
const permissionsPage = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html';
const requirementsPage = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html#replication-requirements';
const s3 = 's3.amazonaws.com';

const sourceBucketOf = (snapshot: Snapshot): string => snapshot.question.source?.bucket ?? 'SOURCE-BUCKET';

const accountOf = (arn: string | undefined): string | undefined => (arn ? parseCaller(arn).account : undefined);

/** A role as the snapshot says it: `arn` only where read, given or named by the rule; `named` is how words name it. */
type Role = {readonly arn: string | undefined; readonly named: string; readonly account: string | undefined; readonly name: string | undefined};

const roleOfArn = (arn: string): Role => ({arn, named: arn, account: accountOf(arn), name: arn.split('/').pop()});

/** The snapshot's principal as a role: a role, or the role behind a session, whose ARN the session's leaves the path out of. */
const principalRoleOf = (snapshot: Snapshot): Role | undefined => {
	const principal = snapshot.principal;
	if (!principal) return undefined;
	if (principal.roleArn) return roleOfArn(principal.roleArn);
	const caller = parseCaller(principal.arn);
	if (caller.kind === 'role') return roleOfArn(principal.arn);
	if (caller.kind !== 'session') return undefined;
	const known = sessionRoleArn(snapshot);
	return known ? roleOfArn(known) : {arn: undefined, named: sessionRoleNamed(snapshot) ?? principal.arn, account: caller.account, name: caller.roleName};
};

/** The role S3 assumes: the rule's, else the snapshot's principal's. */
const replicationRoleOf = (snapshot: Snapshot): Role | undefined => (snapshot.replication?.role ? roleOfArn(snapshot.replication.role) : principalRoleOf(snapshot));

/** The account that owns the destination bucket: read, else what the rule says. */
const destinationAccountOf = (snapshot: Snapshot): string | undefined => snapshot.bucket?.accountId ?? snapshot.replication?.destinationAccount;
const sourceAccountOf = (snapshot: Snapshot): string | undefined => snapshot.source?.bucketInfo?.accountId ?? replicationRoleOf(snapshot)?.account;

/** Run in the source bucket's account: with its profile where its account was read (as put-bucket-versioning is). */
const putReplication = (snapshot: Snapshot): string =>
	`${commandInAccount(snapshot, `aws s3api put-bucket-replication --bucket ${sourceBucketOf(snapshot)}`, snapshot.source?.bucketInfo?.accountId, 'bucket')} (with a profile of the source bucket's account${sourceAccountOf(snapshot) ? ` ${sourceAccountOf(snapshot)}` : ''})`;

/** What is not known of the rule (not read, or given in part, as the wizard asks only its replica key): no finding below may guess it. */
const ruleNotRead = ({snapshot, partition}: FindingInput): OperationFinding | undefined => {
	const rule = snapshot.replication;
	const unknown = [
		...(rule?.sseKmsEncryptedObjects === undefined ? ['whether it selects SSE-KMS objects'] : []),
		...(rule?.replicaKmsKeyId === undefined ? ['which replica key it names'] : []),
		...(rule?.role === undefined ? ['which role it uses'] : []),
	];
	if (unknown.length === 0) return undefined;
	return {
		id: 'replication-rule-unknown',
		severity: 'info',
		message: `The source bucket's replication rule is ${rule ? 'known only in part' : 'not known'}, so ${unknown.length > 1 ? `${unknown.slice(0, -1).join(', ')} and ${unknown.at(-1)}` : unknown[0]} cannot be told.`,
		remedy: `s3:GetReplicationConfiguration on ${s3Arn(partition, sourceBucketOf(snapshot))} with a profile of the source bucket's account (check --replication-rule … reads it), or give the rule in snapshot.replication.`,
	};
};

const ruleDisabled = ({snapshot}: FindingInput): OperationFinding | undefined =>
	snapshot.replication?.status === 'Disabled'
		? {
				id: 'replication-rule-disabled',
				severity: 'error',
				message: `The replication rule${snapshot.replication.ruleId ? ` "${snapshot.replication.ruleId}"` : ''} is Disabled: S3 replicates nothing under it.`,
				remedy: `Set the rule's Status to Enabled: ${putReplication(snapshot)}.`,
			}
		: undefined;

const otherDestination = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const named = snapshot.replication?.destinationBucket;
	if (!named) return undefined;
	const bucket = parseS3Arn(named)?.bucket ?? named;
	return bucket === snapshot.question.bucket
		? undefined
		: {
				id: 'replication-other-destination',
				severity: 'error',
				message: `The replication rule replicates to ${named}, not to s3://${snapshot.question.bucket}: the diagnosis is of a destination this rule does not write.`,
				remedy: `Diagnose the rule's own destination (bucket ${bucket}), or choose the rule that replicates to ${snapshot.question.bucket}.`,
			};
};

/** The snapshot's principal must be the rule's role: another principal's policies say nothing about replication. */
const otherRole = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const rule = snapshot.replication?.role;
	const principal = snapshot.principal;
	if (!rule || !principal) return undefined;
	const principalRole = principalRoleOf(snapshot);
	// A role's name is unique in its account whatever its path: compare the account and the name.
	const ruleRole = roleOfArn(rule);
	return principalRole !== undefined && principalRole.account === ruleRole.account && principalRole.name === ruleRole.name
		? undefined
		: {
				id: 'replication-other-role',
				severity: 'error',
				message: `The replication rule names the role ${rule}, but the policies diagnosed are those of ${principal.arn}: S3 replicates as the rule's role, so this diagnosis does not tell whether replication works.`,
				remedy: `Diagnose the rule's role (check --operation replication reads it from the rule), or give its policies in principal.`,
			};
};

/** "By default, Amazon S3 doesn't replicate objects that are stored at rest using server-side encryption with … AWS KMS." */
const sseKmsNotSelected = ({snapshot}: FindingInput): OperationFinding | undefined =>
	snapshot.replication?.sseKmsEncryptedObjects === false
		? {
				id: 'replication-sse-kms-not-selected',
				severity: 'error',
				message: `The replication rule does not opt in to SSE-KMS objects (SourceSelectionCriteria.SseKmsEncryptedObjects is not Enabled): by default, S3 does not replicate objects encrypted with AWS KMS keys, whatever the permissions (${kmsPage}).`,
				remedy: `Add "SourceSelectionCriteria": {"SseKmsEncryptedObjects": {"Status": "Enabled"}} to the rule, with the replica key in Destination.EncryptionConfiguration.ReplicaKmsKeyID: ${putReplication(snapshot)}.`,
			}
		: undefined;

const noReplicaKey = ({snapshot}: FindingInput): OperationFinding | undefined =>
	snapshot.replication?.replicaKmsKeyId === null
		? {
				id: 'replication-no-replica-key',
				severity: 'error',
				message: `The replication rule names no replica key (Destination.EncryptionConfiguration.ReplicaKmsKeyID): to replicate SSE-KMS objects, the rule names the key "that you want Amazon S3 to use to encrypt object replicas" (${kmsPage}).`,
				remedy: `Name the replica key by its full key ARN, a customer managed key in the destination bucket's Region${snapshot.bucket?.region ? ` (${snapshot.bucket.region})` : ''}: ${putReplication(snapshot)}.`,
			}
		: undefined;

const isAlias = (named: string): boolean => named.startsWith('alias/') || named.includes(':alias/');
const aliasName = (named: string): string => (named.startsWith('arn:') ? named.slice(named.indexOf(':alias/') + 1) : named);

/**
 * EncryptionConfiguration: "If you use a KMS key alias instead, then AWS KMS resolves the key within the requester's
 * account. This behavior can result in data that's encrypted with a KMS key that belongs to the requester, and not the
 * bucket owner." The requester is the replication role.
 */
const replicaKeyByAlias = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const named = snapshot.replication?.replicaKmsKeyId;
	if (!named || !isAlias(named)) return undefined;
	const alias = aliasName(named);
	const requester = replicationRoleOf(snapshot)?.account;
	const key = snapshot.key?.aliases?.includes(alias) ? snapshot.key : undefined;
	const keyAccount = accountOf(key?.arn);
	const owner = destinationAccountOf(snapshot);
	const resolves = key
		? `it resolves to ${key.arn}${keyAccount && owner && keyAccount !== owner ? `, a key of account ${keyAccount}, not of the destination bucket's owner ${owner}` : ''}`
		: `which key it resolves to was not read (kms:DescribeKey --key-id ${alias} with a profile of account ${requester ?? 'of the role'}${snapshot.bucket?.region ? ` in ${snapshot.bucket.region}` : ''})`;
	return {
		id: 'replication-replica-key-alias',
		severity: 'warning',
		message: `The rule names the replica key by the alias ${named}. AWS recommends a full key ARN: KMS resolves an alias in the requester's account (the role's${requester ? `, ${requester}` : ''}), which can encrypt replicas with a key that is not the destination bucket owner's; ${resolves}.`,
		remedy: `Name the replica key by its key ARN in Destination.EncryptionConfiguration.ReplicaKmsKeyID${key ? ` ("${key.arn}")` : ''}: ${putReplication(snapshot)}.`,
	};
};

const isAwsManaged = (snapshot: Snapshot): boolean => {
	const named = snapshot.replication?.replicaKmsKeyId ?? '';
	return aliasName(named) === 'alias/aws/s3' || (snapshot.key?.keyManager === 'AWS' && (!named || named === snapshot.key.arn || (snapshot.key.aliases ?? []).includes(aliasName(named))));
};

/** "In a cross-account scenario … you can use a customer managed CMK to encrypt object replicas." */
const awsManagedReplicaKey = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const source = sourceAccountOf(snapshot);
	const destination = destinationAccountOf(snapshot);
	if (!snapshot.replication?.replicaKmsKeyId || !isAwsManaged(snapshot) || !source || !destination || source === destination) return undefined;
	return {
		id: 'replication-aws-managed-replica-key',
		severity: 'error',
		message: `The replica key is the AWS managed key aws/s3. Across accounts (source ${source}, destination ${destination}) replicas need a customer managed key whose owner lets the source account use it: an AWS managed key's policy cannot be changed and serves only its own account (${kmsPage}).`,
		remedy: `Create (or choose) a customer managed key in the destination account's Region, allow the replication role kms:Encrypt in its key policy, and name its key ARN as ReplicaKmsKeyID: ${putReplication(snapshot)}.`,
	};
};

/** A trust policy names no Resource: it is the role's own, so each statement is read as being about the role. */
const asRolePolicy = (trust: PolicyJson, role: string): Record<string, unknown> => {
	const statements = Array.isArray(trust['Statement']) ? trust['Statement'] : [trust['Statement']];
	const withRole = statements.map(statement =>
		typeof statement === 'object' && statement !== null && !('Resource' in statement) && !('NotResource' in statement) ? {...statement, Resource: role} : statement,
	);
	return {...trust, Statement: withRole};
};

/** AWS's trust policy for the replication role: "you identify Amazon S3 as the service principal who can assume the role". */
const roleNotTrusted = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const replicationRole = replicationRoleOf(snapshot);
	const trust = snapshot.principal?.trustPolicy;
	if (!trust) {
		return {
			id: 'replication-role-trust-unknown',
			severity: 'info',
			message: `The role's trust policy is not known, so whether ${s3} may assume ${replicationRole?.named ?? 'the role'} cannot be told.`,
			remedy: `iam:GetRole on ${replicationRole?.named ?? 'the role'} (its AssumeRolePolicyDocument), or give it in principal.trustPolicy.`,
		};
	}
	if (!replicationRole) return undefined;
	const role = replicationRole.named;
	// The trust policy is the role's own whatever the role's ARN: where that is not known, '*' stands for it on both sides.
	const resource = replicationRole.arn ?? '*';
	const parsed = parsePolicy(asRolePolicy(trust, resource), 'trust policy');
	if (!parsed.ok) return {id: 'replication-role-trust-invalid', severity: 'warning', message: `The trust policy of ${role} is not a valid policy: ${parsed.error.message}`};
	const decision = evaluate({request: {principal: s3, action: 'sts:AssumeRole', resource, resourceAccount: replicationRole.account, context: {}}, policies: {resource: parsed.value}}).decision;
	if (decision === 'allowed') return undefined;
	const name = replicationRole.name ?? role;
	const statement = JSON.stringify({Effect: 'Allow', Principal: {Service: s3}, Action: 'sts:AssumeRole'});
	return decision === 'denied'
		? {
				id: 'replication-role-not-trusted',
				severity: 'error',
				message: `The trust policy of ${role} does not let ${s3} assume it (sts:AssumeRole): S3 cannot act as the role, so nothing replicates whatever the role's permissions (${permissionsPage}).`,
				remedy: `Add to the role's trust policy, in account ${replicationRole.account ?? 'of the role'}: ${statement} (${commandInAccount(snapshot, `aws iam update-assume-role-policy --role-name ${name} --policy-document file://trust.json`, replicationRole.account, 'caller')}, keeping its other statements).`,
			}
		: {
				id: 'replication-role-trust-undecided',
				severity: 'warning',
				message: `Whether the trust policy of ${role} lets ${s3} assume it depends on a condition whose value S3's AssumeRole for replication does not document: it could not be decided.`,
				remedy: `AWS's trust policy for the replication role is ${statement}, without conditions.`,
			};
};

/** "Both source and destination buckets must have versioning enabled." */
const versioningOff = ({snapshot, partition}: FindingInput): OperationFinding | undefined => {
	// The account each bucket is read to be in, for the command's --profile (not the role's, which only suggests the source's).
	const buckets = [
		{name: sourceBucketOf(snapshot), versioning: snapshot.source?.bucketInfo?.versioning, side: 'source', account: snapshot.source?.bucketInfo?.accountId},
		{name: snapshot.question.bucket, versioning: snapshot.bucket?.versioning, side: 'destination', account: destinationAccountOf(snapshot)},
	];
	const off = buckets.filter(bucket => bucket.versioning !== undefined && bucket.versioning !== 'Enabled');
	if (off.length > 0) {
		return {
			id: 'replication-versioning-off',
			severity: 'error',
			message: `Versioning is not enabled on the ${off.map(bucket => `${bucket.side} bucket ${bucket.name} (${bucket.versioning ?? 'never enabled'})`).join(' and the ')}: replication requires versioning on both the source and the destination bucket (${requirementsPage}).`,
			remedy: off
				.map(bucket => `${commandInAccount(snapshot, `aws s3api put-bucket-versioning --bucket ${bucket.name} --versioning-configuration Status=Enabled`, bucket.account, 'bucket')} (in the ${bucket.side} bucket's account)`)
				.join('; '),
		};
	}
	const unread = buckets.filter(bucket => bucket.versioning === undefined);
	return unread.length === 0
		? undefined
		: {
				id: 'replication-versioning-unknown',
				severity: 'info',
				message: `Whether versioning is enabled on the ${unread.map(bucket => `${bucket.side} bucket ${bucket.name}`).join(' and the ')} is not known; replication requires it on both.`,
				remedy: unread.map(bucket => `s3:GetBucketVersioning on ${s3Arn(partition, bucket.name)} (with a profile of the ${bucket.side} bucket's account)`).join('; '),
			};
};

export const replicationFindings = [ruleNotRead, ruleDisabled, otherDestination, otherRole, sseKmsNotSelected, noReplicaKey, replicaKeyByAlias, awsManagedReplicaKey, roleNotTrusted, versioningOff];
