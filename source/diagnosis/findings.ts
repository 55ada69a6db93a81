import {s3Arn} from '../names/index.js';
import {where} from '../engine/layer-words.js';
import {parseArn} from '../engine/arn.js';
import type {ConditionTrace} from '../engine/conditions/trace.js';
import type {Evaluation} from '../engine/evaluation.js';
import type {Effect} from '../engine/policy.js';
import type {Finding} from './diagnosis.js';
import {operationModule} from '../operations/registry.js';
import type {Side} from '../operations/types.js';
import {awsManagedKeyAcross, awsManagedKeyFinding, isAwsManagedKey} from './aws-managed-key.js';
import {breakingConditions} from './breaking-conditions.js';
import {encryptionHeader, encryptionHeaderFinding, keyIdHeader} from './encryption-header.js';
import {appliesIn, applyingProfile} from './fixes/applies-in.js';
import {cancelKeyDeletionCommand, enableKeyCommand} from './fixes/commands.js';
import type {ReadHolds} from './evidence-words.js';
import {equalsWildcardFindings, likeOperatorOf} from './equals-wildcard.js';
import {foreignObjectFinding, type ForeignObject} from './object-owner.js';
import type {ActionSpec} from './required-actions.js';
import {listWords} from './list-words.js';
import {keyInfoOf, type PartitionConflict, type PartitionSource, type ResolvedFacts, type ResolvedKey} from './resolve-question.js';
import {withProfile} from '../snapshot/profiles.js';
import type {DenialEvidence} from '../snapshot/provenance.js';
import type {KeyInfo, Snapshot} from '../snapshot/snapshot.js';

/** Causes that are not a missing grant, and the classic patterns worth naming. */

export type EvaluatedAction = {
	readonly spec: ActionSpec;
	readonly evaluation: Evaluation;
	readonly decision: 'allowed' | 'denied' | 'unknown';
	/** Set when the action reads an object another account owns. */
	readonly foreignObject?: ForeignObject;
	/**
	 * Set when a pasted AccessDenied message decided its SCP or RCP layer: unread, or read with a Deny that may apply (an
	 * implicit deny's message: unread, or read with an undecided Allow), or read while the key is not known (evidence.ts).
	 */
	readonly evidence?: DenialEvidence;
	/** With `evidence`: the read statements that may deny the action, likely the one that did (may allow it, likely not applying). */
	readonly evidenceLikely?: readonly string[];
	/**
	 * Set when a pasted AccessDenied message says its SCP or RCP denied while what was read holds no Deny that may apply
	 * (they allow, none applies, a level allows nowhere, an Allow is undecided): see evidence.ts.
	 */
	readonly evidenceAgainstRead?: DenialEvidence;
	/** With `evidenceAgainstRead`: what was read. */
	readonly evidenceReadHolds?: ReadHolds;
};

const keyStateFindings = (snapshot: Snapshot, key: KeyInfo | undefined, label: string): Finding[] => {
	if (!key?.keyState) return [];
	// Run by the key's owner: with the profile a live collection read the key's account with, as a fix's command is.
	const profile = applyingProfile(snapshot, appliesIn('key-owner', key.arn));
	const enable = withProfile(enableKeyCommand(key.arn), profile);
	if (key.keyState === 'Disabled') {
		return [{id: 'key-disabled', severity: 'error', message: `The ${label} ${key.arn} is disabled: every use fails with KMS.DisabledException, whatever the policies say.`, remedy: enable}];
	}
	if (key.keyState === 'PendingDeletion') {
		const cancel = withProfile(cancelKeyDeletionCommand(key.arn), profile);
		return [{id: 'key-pending-deletion', severity: 'error', message: `The ${label} ${key.arn} is scheduled for deletion and cannot be used (KMS.KMSInvalidStateException).`, remedy: `${cancel} && ${enable}`}];
	}
	if (key.keyState !== 'Enabled') {
		return [{id: 'key-unusable-state', severity: 'error', message: `The ${label} ${key.arn} is in state ${key.keyState}; S3 can use only an enabled key.`}];
	}
	return [];
};

/**
 * The account of a key known only by name. An alias named in the request or the bucket default resolves in the requester's
 * account ("KMS resolves the key within the requester's account", S3 API Reference); the aws/s3 S3 picks when none is
 * named, or a download's key, is taken to be the bucket account's.
 */
const unresolvedKeyAccount = (resolved: ResolvedKey | undefined, facts: ResolvedFacts): string | undefined => {
	const namedByRequester = (resolved?.source === 'request' || resolved?.source === 'bucket-default') && resolved.named !== undefined && !resolved.named.startsWith('arn:');
	return (namedByRequester ? facts.question.principalAccount : undefined) ?? facts.question.bucketAccount;
};

const keyShapeFindings = (key: KeyInfo | undefined, resolved: ResolvedKey | undefined, facts: ResolvedFacts, bucketRegion: string | undefined): Finding[] => {
	const findings: Finding[] = [];
	if (key?.keySpec && key.keySpec !== 'SYMMETRIC_DEFAULT') {
		findings.push({id: 'key-not-symmetric', severity: 'error', message: `The key ${key.arn} is ${key.keySpec}; S3 encrypts objects only with a symmetric encryption key (SYMMETRIC_DEFAULT).`, remedy: 'Use a symmetric encryption KMS key.'});
	}
	const keyRegion = resolved?.region ?? (key ? parseArn(key.arn)?.region : undefined);
	if (keyRegion && bucketRegion && keyRegion !== bucketRegion) {
		findings.push({
			id: 'key-region-mismatch',
			severity: 'error',
			message: `The key is in ${keyRegion} but the bucket is in ${bucketRegion}: S3 needs a key in the bucket's Region (it treats multi-Region keys as single-Region), and answers KMS.NotFoundException "Invalid arn".`,
			remedy: `Use a KMS key in ${bucketRegion} (or a replica of a multi-Region key there).`,
		});
	}
	const across = awsManagedKeyAcross(isAwsManagedKey(key, resolved), resolved?.account ?? unresolvedKeyAccount(resolved, facts), facts.question.principalAccount);
	if (across) findings.push(awsManagedKeyFinding(across));
	return findings;
};

type FailingCondition = {readonly key: string; readonly values: readonly string[]; readonly policy: string; readonly sent: readonly string[] | undefined; readonly effect: Effect; readonly condition: ConditionTrace};

const conditionKeyFailing = (actions: readonly EvaluatedAction[], key: string): FailingCondition | undefined => {
	for (const {trace, condition} of breakingConditions(actions)) {
		if (condition.clause.key.toLowerCase() === key.toLowerCase()) {
			return {key, values: condition.clause.values, policy: where(trace), sent: condition.actual.state === 'present' ? condition.actual.values : undefined, effect: trace.effect, condition};
		}
	}
	return undefined;
};

/** The snapshot's facts of one leg's key: its info, how it was resolved, and its bucket's Region. */
const keyOfSide = (snapshot: Snapshot, facts: ResolvedFacts, side: Side): {info: KeyInfo | undefined; resolved: ResolvedKey | undefined; bucketRegion: string | undefined} =>
	side === 'destination'
		? {info: keyInfoOf(snapshot.key, facts.destinationKey.arn), resolved: facts.destinationKey, bucketRegion: facts.question.bucketRegion}
		: {info: keyInfoOf(snapshot.source?.keyInfo, facts.sourceKey?.arn), resolved: facts.sourceKey, bucketRegion: facts.sourceBucketRegion};

/**
 * ARNs or Regions of one request in different partitions: "You cannot use IAM credentials from one partition to
 * interact with resources in a different partition" (AWS Fault Isolation Boundaries, "Partitions"). An error: the
 * request as described cannot work, and an allow built on the first one's partition would be a false ✔. It names every
 * one that disagrees: fixing the first alone would leave the others to fail next.
 */
const partitionConflictFinding = ({used, others}: PartitionConflict): Finding => ({
	id: 'partition-mismatch',
	severity: 'error',
	message: `${capitalised(used.what)} (${used.value}) is in the ${used.partition} partition but ${inOtherPartitions(others)}: IAM credentials of one partition cannot be used with resources in another, so the request cannot work as the snapshot describes it (likely the facts of two cases put together, or a typo). This report's ARNs take ${used.partition}, from ${used.what}.`,
	remedy: 'Check which partition the request is in, and give or collect every ARN and Region of it in that partition.',
});

/** "the key (…) and the bucket's Region (cn-north-1) are in aws-cn, and the service's role (…) is in aws-us-gov": each partition once. */
const inOtherPartitions = (others: readonly PartitionSource[]): string => {
	const partitions = [...new Set(others.map(source => source.partition))];
	return partitions
		.map(partition => {
			const named = others.filter(source => source.partition === partition);
			return `${listWords(named.map(source => `${source.what} (${source.value})`))} ${named.length === 1 ? 'is' : 'are'} in ${partition}`;
		})
		.join(', and ');
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const findingsOf = (snapshot: Snapshot, facts: ResolvedFacts, actions: readonly EvaluatedAction[]): Finding[] => {
	const {question} = facts;
	const operation = operationModule(question.operation);
	const findings: Finding[] = [];
	if (facts.partitionConflict) findings.push(partitionConflictFinding(facts.partitionConflict));
	// The destination's key first, then the source's; a shape both keys share is said once.
	for (const leg of [operation.legs.destination, operation.legs.source]) {
		if (!leg) continue;
		const key = keyOfSide(snapshot, facts, leg.side);
		findings.push(...keyStateFindings(snapshot, key.info, leg.keyWords));
		findings.push(...keyShapeFindings(key.info, key.resolved, facts, key.bucketRegion).filter(finding => finding.id !== 'key-not-symmetric' || !findings.some(existing => existing.message === finding.message)));
	}

	const decide = (id: string): EvaluatedAction['decision'] | undefined => actions.find(action => action.spec.id === id)?.decision;
	for (const rule of operation.findings) {
		const finding = rule({request: question, decisionOf: decide, snapshot, partition: facts.partition});
		if (finding) findings.push(finding);
	}
	const foreign = actions.find(action => action.foreignObject && action.decision !== 'allowed')?.foreignObject;
	if (foreign) findings.push(foreignObjectFinding(foreign));
	// Only a request that chooses its key (a write) can name another key than the bucket default, or none.
	const choosesKey = operation.legs.destination.facts.key === 'request-or-bucket-default';

	const equalsWildcard = equalsWildcardFindings(actions);
	findings.push(...equalsWildcard.map(entry => entry.finding));
	const encryptionContextFailure = conditionKeyFailing(actions, 'kms:EncryptionContext:aws:s3:arn');
	// Where the cause is the operator, the ARN S3 sends already matches what the policy meant: no Bucket Key advice.
	if (encryptionContextFailure && !equalsWildcard.some(entry => entry.key === 'kms:encryptioncontext:aws:s3:arn')) {
		// The ARN S3 sent on the failing leg (a copy's source has its own bucket and Bucket Key setting), not the question's.
		const sent = encryptionContextFailure.sent?.[0] ?? (question.bucketKeyEnabled ? s3Arn(facts.partition, question.bucket) : question.objectArn);
		const bucketKeys = !sent.includes('/');
		const bucketArn = bucketKeys ? sent : sent.slice(0, sent.indexOf('/'));
		findings.push({
			id: 'bucket-key-context',
			severity: 'warning',
			message: bucketKeys
				? `${encryptionContextFailure.policy} expects kms:EncryptionContext:aws:s3:arn to be ${encryptionContextFailure.values.join(' or ')}, but with S3 Bucket Keys on, S3 sends the bucket ARN (${bucketArn}) as encryption context, not the object ARN.`
				: `${encryptionContextFailure.policy} expects kms:EncryptionContext:aws:s3:arn to be ${encryptionContextFailure.values.join(' or ')}, but with S3 Bucket Keys off, S3 sends the object ARN (${sent}).`,
			remedy: bucketKeys ? `Match the bucket ARN: "${bucketArn}" (objects written before Bucket Keys were enabled keep the object ARN).` : `Match object ARNs: "${bucketArn}/*"${likeRemedy(encryptionContextFailure.condition.clause)}.`,
		});
	}

	const defaultKey = snapshot.bucket?.defaultEncryption?.kmsKeyId;
	const named = snapshot.question.kmsKeyId;
	if (choosesKey && named && defaultKey && keysDiffer(named, defaultKey, snapshot.key)) {
		findings.push({
			id: 'default-encryption-key-differs',
			severity: 'warning',
			message: `The request names the key ${named}, but the bucket's default key is ${defaultKey}: the permissions needed are on the key the request names.`,
		});
	}
	const keyIdRule = conditionKeyFailing(actions, keyIdHeader) ?? conditionKeyFailing(actions, encryptionHeader);
	if (keyIdRule) findings.push(encryptionHeaderFinding(keyIdRule, named));
	if (named && !named.startsWith('arn:') && question.crossAccount.bucket === true) {
		findings.push({
			id: 'key-id-not-arn-cross-account',
			severity: 'warning',
			message: `The request names the key as "${named}". An alias or key ID resolves in the caller's account, not the bucket's: across accounts, name the full key ARN.`,
		});
	} else if (choosesKey && !named && defaultKey && !defaultKey.startsWith('arn:') && question.crossAccount.bucket === true) {
		// AWS: "If you use a KMS key alias instead, then KMS resolves the key within the requester's account."
		findings.push({
			id: 'key-id-not-arn-cross-account',
			severity: 'warning',
			message: `The bucket's default encryption names the key as "${defaultKey}". For a request from another account, S3 resolves an alias or key ID in the requester's account, not the bucket's: the object would be encrypted with the requester's own key of that alias or ID, if it has one.`,
			remedy: 'Name the full key ARN in the bucket\'s default encryption (aws s3api put-bucket-encryption), or in the request (--sse-kms-key-id KEY_ARN).',
		});
	}
	if (facts.destinationKey.source === 'none' && choosesKey) {
		findings.push({id: 'not-sse-kms', severity: 'info', message: 'Neither the request nor the bucket default names SSE-KMS: the object is not encrypted with KMS, so no KMS permission is needed.'});
	}
	return findings;
};

/** A wildcard needs a Like operator: StringEquals reads `*` as a plain character. */
const likeRemedy = (clause: ConditionTrace['clause']): string => {
	const like = likeOperatorOf(clause);
	return like ? `, under ${like} (${clause.operator} reads * as a plain character)` : '';
};

const keyIdOf = (text: string): string => text.split('/').pop() ?? text;

/** Do two ways of naming a key (ID, alias, ARN) name different keys, as far as the snapshot tells? An alias it cannot resolve does not tell. */
const keysDiffer = (a: string, b: string, key: KeyInfo | undefined): boolean => {
	const canonical = (name: string): string | undefined => {
		const id = keyIdOf(name);
		if (key && (name === key.arn || id === keyIdOf(key.arn) || key.aliases?.some(alias => keyIdOf(alias) === id))) return key.arn;
		return name.includes('alias/') ? undefined : id;
	};
	const [first, second] = [canonical(a), canonical(b)];
	return first !== undefined && second !== undefined && first !== second;
};
