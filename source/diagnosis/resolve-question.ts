import {accountOfArn, parseArn} from '../engine/arn.js';
import {aliasNameOf, isKeyId, kmsKeyArn, parseKmsArn, partitionOfArn, partitionOfRegion, s3Arn, valueOf} from '../names/index.js';
import {parseCaller} from '../engine/principal.js';
import type {ResolvedQuestion} from './diagnosis.js';
import type {DefaultEncryption, Snapshot} from '../snapshot/snapshot.js';
import {decideMultipart, destinationLeg, hasSource} from '../operations/registry.js';

/**
 * Where the answer to "which key does S3 use" came from, for explanations. `unknown`: whether the object is
 * SSE-KMS at all was not read (the bucket's default encryption, or the object's): its KMS actions stay needed.
 */
export type KeySource = 'request' | 'object' | 'bucket-default' | 'aws-managed-default' | 'replica' | 'unknown' | 'none';

/** Whether S3 Bucket Keys are on: read, given, assumed (`check --assume`), or not known. */
export type BucketKeyState = boolean | 'unknown';

export type ResolvedKey = {
	readonly arn?: string;
	/** As the request or the bucket named it (ID, alias or ARN). */
	readonly named?: string;
	readonly source: KeySource;
	readonly account?: string;
	readonly region?: string;
	readonly bucketKeyEnabled: BucketKeyState;
	/** The state came from the snapshot's `bucket-key=…` assumption (the encryption did not say). */
	readonly bucketKeyAssumed?: true;
	/** The snapshot's key, taken as the one S3 uses: what decides it (the bucket's default encryption, the object's) was not read. */
	readonly keyAssumed?: true;
};

type BucketKey = Pick<ResolvedKey, 'bucketKeyEnabled' | 'bucketKeyAssumed'>;

const isKmsAlgorithm = (encryption: DefaultEncryption | null | undefined): boolean =>
	encryption?.algorithm === 'aws:kms' || encryption?.algorithm === 'aws:kms:dsse';

/**
 * Only Bucket Keys of SSE-KMS count: DSSE-KMS does not support them, so S3 sends the object ARN. A read or given
 * encryption without the flag does not say, so it stays unknown unless assumed (AWS's answers always carry it).
 */
const bucketKeyOf = (snapshot: Snapshot, encryption: DefaultEncryption | null | undefined): BucketKey => {
	if (encryption === null || (encryption !== undefined && encryption.algorithm !== 'aws:kms')) return {bucketKeyEnabled: false};
	if (encryption?.bucketKeyEnabled !== undefined) return {bucketKeyEnabled: encryption.bucketKeyEnabled};
	const assumed = snapshot.assumptions?.find(assumption => assumption.id.startsWith('bucket-key='));
	return assumed ? {bucketKeyEnabled: assumed.id === 'bucket-key=on', bucketKeyAssumed: true} : {bucketKeyEnabled: 'unknown'};
};

/**
 * Can an alias or key ID, resolved in `region` and `account`, be the known key? `aliases`, the known key's every alias
 * where that list is complete: an alias not in it names another key.
 */
const canResolveTo = (named: string, known: string, region: string | undefined, account: string | undefined, aliases: readonly string[] | undefined): boolean => {
	const arn = parseArn(known);
	const aliasName = aliasNameOf(named);
	if (aliasName && aliases && !aliases.includes(aliasName)) return false;
	// An alias ARN says where it lives; a bare alias or ID resolves in one account, never in another's.
	const aliasArn = named.startsWith('arn:') ? parseArn(named) : undefined;
	const resolvesIn = aliasArn?.account ?? account;
	if (resolvesIn && arn?.account && arn.account !== resolvesIn) return false;
	// A multi-Region key shares its ID with its replicas: the ID names the one in the bucket's Region.
	if (named.startsWith('mrk-') && region && arn?.region && arn.region !== region) return false;
	return !isKeyId(named) || known.endsWith(`/${named}`);
};

/**
 * Turn a key ID, alias or ARN into an ARN when what we know allows it (an ID resolves in the caller's account, in the
 * request's partition). The snapshot's key ARN (`known`) resolves an alias, but never overrides a key ARN or ID naming another key.
 */
const toKeyArn = (
	partition: string,
	named: string | undefined,
	known: string | undefined,
	region: string | undefined,
	account: string | undefined,
	aliases?: readonly string[],
): string | undefined => {
	if (named?.startsWith('arn:') && !named.includes(':alias/')) return named;
	if (known && (!named || canResolveTo(named, known, region, account, aliases))) return known;
	if (!named) return undefined;
	if (isKeyId(named) && region && account) return kmsKeyArn(partition, region, account, named);
	return undefined;
};

/** The snapshot's key info, when it describes the key S3 really uses (a snapshot may describe another one). */
export const keyInfoOf = <T extends {readonly arn: string}>(info: T | undefined, keyArn: string | undefined): T | undefined =>
	info && keyArn && info.arn !== keyArn ? undefined : info;

/** The described key's aliases, where the list is complete (no unread note on it): the request's kms:ResourceAliases. */
const completeAliases = (snapshot: Snapshot, key: {readonly aliases?: readonly string[]} | undefined, path: string): readonly string[] | undefined =>
	snapshot.unread?.some(note => note.path === path) ? undefined : key?.aliases;

export const resolveUploadKey = (snapshot: Snapshot, partition: string, named: string | undefined, knownArn: string | undefined, callerAccount: string | undefined): ResolvedKey => {
	const aliases = completeAliases(snapshot, snapshot.key, 'key.aliases');
	const bucketDefault = snapshot.bucket?.defaultEncryption;
	const region = snapshot.bucket?.region;
	const bucketKey = bucketKeyOf(snapshot, bucketDefault);
	if (named) {
		const arn = toKeyArn(partition, named, knownArn, region, callerAccount, aliases);
		return {...(arn ? {arn, account: accountOfArn(arn), region: parseArn(arn)?.region} : {}), named, source: 'request', ...bucketKey};
	}
	if (isKmsAlgorithm(bucketDefault)) {
		const fromBucket = bucketDefault?.kmsKeyId;
		const source: KeySource = fromBucket ? 'bucket-default' : 'aws-managed-default';
		// The default's alias or key ID too resolves in the requester's account (S3 API Reference, ServerSideEncryptionByDefault).
		const arn = toKeyArn(partition, fromBucket, knownArn, region, callerAccount ?? snapshot.bucket?.accountId, aliases);
		return {...(arn ? {arn, account: accountOfArn(arn), region: parseArn(arn)?.region} : {}), ...(fromBucket ? {named: fromBucket} : {named: 'aws/s3'}), source, ...bucketKey};
	}
	// Read or given: the bucket default is SSE-S3 or none, and the request names no key.
	if (bucketDefault !== undefined) return {source: 'none', bucketKeyEnabled: false};
	// Not read: the key the snapshot describes is taken as the default's, an assumption the report names; without one, nothing is known.
	if (knownArn) return {arn: knownArn, account: accountOfArn(knownArn), region: parseArn(knownArn)?.region, source: 'bucket-default', keyAssumed: true, ...bucketKey};
	return {source: 'unknown', ...bucketKey};
};

export const resolveObjectKey = (snapshot: Snapshot, partition: string, encryption: DefaultEncryption | null | undefined, named: string | undefined, knownArn: string | undefined, aliases?: readonly string[]): ResolvedKey => {
	// HeadObject said the object is not SSE-KMS (SSE-S3, or none): S3 needs no key to read it.
	if (encryption === null || (encryption !== undefined && !isKmsAlgorithm(encryption))) return {source: 'none', bucketKeyEnabled: false};
	const fromObject = encryption?.kmsKeyId;
	const chosen = fromObject ?? named;
	const arn = toKeyArn(partition, chosen, knownArn, snapshot.bucket?.region, snapshot.bucket?.accountId, aliases);
	const bucketKey = bucketKeyOf(snapshot, encryption);
	// Neither read nor given: whether the object is SSE-KMS at all is not known.
	if (!chosen && !knownArn) return {source: encryption === undefined ? 'unknown' : 'object', ...bucketKey};
	// HeadObject not read and no key given: the key the snapshot describes is taken as the object's, an assumption the report names.
	const keyAssumed = encryption === undefined && !chosen ? {keyAssumed: true as const} : {};
	return {...(arn ? {arn, account: accountOfArn(arn), region: parseArn(arn)?.region} : {}), ...(chosen ? {named: chosen} : {}), source: 'object', ...keyAssumed, ...bucketKey};
};

/**
 * The replica's Bucket Key follows the source object's: "the replica object maintains its S3 Bucket Key encryption
 * settings" (S3 User Guide, "Using an S3 Bucket Key with replication"). A source object without one, replicated into a
 * bucket whose default turns Bucket Keys on, is a case AWS documents only for unencrypted sources: unknown.
 */
const replicaBucketKeyOf = (snapshot: Snapshot, source: ResolvedKey | undefined): BucketKey => {
	if (source?.bucketKeyEnabled === true) return {bucketKeyEnabled: true, ...(source.bucketKeyAssumed ? {bucketKeyAssumed: true as const} : {})};
	const destinationDefault = snapshot.bucket?.defaultEncryption;
	if (source?.bucketKeyEnabled === false && destinationDefault !== undefined && !(destinationDefault?.algorithm === 'aws:kms' && destinationDefault.bucketKeyEnabled !== false)) return {bucketKeyEnabled: false};
	const assumed = snapshot.assumptions?.find(assumption => assumption.id.startsWith('bucket-key='));
	return assumed ? {bucketKeyEnabled: assumed.id === 'bucket-key=on', bucketKeyAssumed: true} : {bucketKeyEnabled: 'unknown'};
};

/**
 * The key the replication rule names for replicas (ReplicaKmsKeyID). "If you use a KMS key alias instead, then AWS KMS
 * resolves the key within the requester's account": an alias or key ID resolves in the role's account, in the
 * destination's Region. The rule not read: the key the snapshot describes is the one given; none named: unknown.
 */
export const resolveReplicaKey = (snapshot: Snapshot, partition: string, knownArn: string | undefined, roleAccount: string | undefined, source: ResolvedKey | undefined): ResolvedKey => {
	// "It generally preserves the encryption settings": a source object that is not SSE-KMS has no replica key to use.
	if (source?.source === 'none') return {source: 'none', bucketKeyEnabled: false};
	const named = snapshot.replication?.replicaKmsKeyId;
	const bucketKey = replicaBucketKeyOf(snapshot, source);
	if (!named) {
		// The rule not read: the key the snapshot describes is taken as the replica key, an assumption the report names.
		if (named === undefined && knownArn) return {arn: knownArn, account: accountOfArn(knownArn), region: parseArn(knownArn)?.region, source: 'replica', keyAssumed: true, ...bucketKey};
		return {source: 'unknown', ...bucketKey};
	}
	const arn = toKeyArn(partition, named, knownArn, snapshot.bucket?.region, roleAccount, completeAliases(snapshot, snapshot.key, 'key.aliases'));
	return {...(arn ? {arn, account: accountOfArn(arn), region: parseArn(arn)?.region} : {}), named, source: 'replica', ...bucketKey};
};

const isNonEmpty = <T>(items: readonly T[]): items is readonly [T, ...T[]] => items.length > 0;

const crossOf = (a: string | undefined, b: string | undefined): boolean | 'unknown' => (a && b ? a !== b : 'unknown');

export type ResolvedFacts = {
	readonly question: ResolvedQuestion;
	readonly partition: string;
	/** No ARN or Region in the snapshot names the partition: `aws` is taken, and the report says so. */
	readonly partitionAssumed?: true;
	/** ARNs or Regions of the snapshot name different partitions: the first one's is used, and a finding says so. */
	readonly partitionConflict?: PartitionConflict;
	readonly destinationKey: ResolvedKey;
	/** Copy only: the key of the source object. */
	readonly sourceKey?: ResolvedKey;
	readonly sourceObjectArn?: string;
	readonly sourceBucketAccount?: string;
	readonly sourceBucketRegion?: string;
};

/** The request's key, where it is a well-formed key or alias ARN (the schema does not check it). */
const kmsArnPartition = (named: string | undefined): string | undefined => (named === undefined ? undefined : valueOf(parseKmsArn(named))?.partition);

/** One ARN or Region of the snapshot that names a partition: what it is, as said in a finding, and that partition. */
export type PartitionSource = {readonly what: string; readonly value: string; readonly partition: string};

/** The snapshot's ARNs or Regions naming different partitions: the one the report used, and every one that disagrees (each ARN once). */
export type PartitionConflict = {readonly used: PartitionSource; readonly others: readonly [PartitionSource, ...PartitionSource[]]};

const sourceOf = (what: string, value: string | undefined, partition: string | undefined): PartitionSource[] =>
	value !== undefined && partition !== undefined ? [{what, value, partition}] : [];
const arnSource = (what: string, arn: string | undefined): PartitionSource[] => sourceOf(what, arn, partitionOfArn(arn));
const regionSource = (what: string, region: string | undefined): PartitionSource[] => sourceOf(what, region, partitionOfRegion(region));

/**
 * The ARNs and Regions that name the partition, first wins: the caller's ARN; a service principal (CloudFront) has none,
 * so its distribution's and the key's (neither crosses one), else the bucket's Region (cn-north-1 is in aws-cn); then any
 * other ARN or Region of this request. They must agree: "You cannot use IAM credentials from one partition to interact
 * with resources in a different partition" (AWS Fault Isolation Boundaries, "Partitions").
 */
const partitionSources = (snapshot: Snapshot, callerArn: string | undefined, callerPartition: string | undefined): PartitionSource[] => [
	...sourceOf('the caller', callerArn, callerPartition),
	...arnSource('the distribution', snapshot.distribution?.arn),
	...arnSource('the key', snapshot.key?.arn),
	...regionSource("the bucket's Region", snapshot.bucket?.region),
	...sourceOf('the key the request names', snapshot.question.kmsKeyId, kmsArnPartition(snapshot.question.kmsKeyId)),
	...arnSource("the copy source's key", snapshot.source?.keyInfo?.arn),
	...regionSource("the copy source bucket's Region", snapshot.source?.bucketInfo?.region),
	...arnSource('the replication role', snapshot.replication?.role),
	...arnSource("the service's role", snapshot.service?.roleArn),
	// A service principal's snapshot may still hold the profile that read it, in the partition it read.
	...arnSource('the principal that read the snapshot', snapshot.principal?.arn),
];

export const resolveQuestion = (snapshot: Snapshot): ResolvedFacts => {
	const {question} = snapshot;
	const actor = destinationLeg(question.operation).actor;
	// A service principal (CloudFront) makes the request, whoever's profile collected the snapshot.
	const principalArn = actor.kind === 'service' ? actor.service : snapshot.principal?.arn;
	const caller = principalArn ? parseCaller(principalArn) : undefined;
	const sources = partitionSources(snapshot, principalArn?.startsWith('arn:') ? principalArn : undefined, caller?.partition);
	const named = sources[0]?.partition;
	// The same ARN named twice (the key, and the key the request names) is one source; two buckets in one Region are two.
	const disagreeing = sources.filter((source, index) => source.partition !== named && (!source.value.startsWith('arn:') || sources.findIndex(each => each.value === source.value) === index));
	// Nothing names one: aws, said as an assumption (assumedOnResolving), never a silent default.
	const partition = named ?? 'aws';
	const objectArn = s3Arn(partition, question.bucket, question.objectKey);
	const {multipart, threshold, thresholdUnknown} = decideMultipart(question);
	let sourceFacts: Pick<ResolvedFacts, 'sourceKey' | 'sourceObjectArn' | 'sourceBucketAccount' | 'sourceBucketRegion'> = {};
	if (hasSource(question.operation) && question.source) {
		const sourceKey = resolveObjectKey(
			{...snapshot, bucket: snapshot.source?.bucketInfo ?? {}},
			partition,
			snapshot.source?.objectInfo?.encryption,
			question.source.kmsKeyId,
			snapshot.source?.keyInfo?.arn,
			completeAliases(snapshot, snapshot.source?.keyInfo, 'source.keyInfo.aliases'),
		);
		sourceFacts = {
			sourceKey,
			sourceObjectArn: s3Arn(partition, question.source.bucket, question.source.objectKey),
			...(snapshot.source?.bucketInfo?.accountId ? {sourceBucketAccount: snapshot.source.bucketInfo.accountId} : {}),
			...(snapshot.source?.bucketInfo?.region ? {sourceBucketRegion: snapshot.source.bucketInfo.region} : {}),
		};
	}
	const keyFacts = destinationLeg(question.operation).facts.key;
	const destinationKey =
		keyFacts === 'object'
			? resolveObjectKey(snapshot, partition, snapshot.object?.encryption, question.kmsKeyId, snapshot.key?.arn, completeAliases(snapshot, snapshot.key, 'key.aliases'))
			: keyFacts === 'replica'
				? resolveReplicaKey(snapshot, partition, snapshot.key?.arn, caller?.account, sourceFacts.sourceKey)
				: resolveUploadKey(snapshot, partition, question.kmsKeyId, snapshot.key?.arn, caller?.account);
	const bucketAccount = snapshot.bucket?.accountId;
	return {
		partition,
		...(named === undefined ? {partitionAssumed: true as const} : {}),
		...(sources[0] && isNonEmpty(disagreeing) ? {partitionConflict: {used: sources[0], others: disagreeing}} : {}),
		destinationKey,
		...sourceFacts,
		question: {
			operation: question.operation,
			bucket: question.bucket,
			objectKey: question.objectKey,
			objectArn,
			...(question.sizeBytes === undefined ? {} : {sizeBytes: question.sizeBytes}),
			...(question.tool === undefined ? {} : {tool: question.tool}),
			multipartThresholdBytes: threshold,
			multipart,
			...(thresholdUnknown ? {thresholdUnknown} : {}),
			...(principalArn ? {principalArn} : {}),
			...(caller?.account ? {principalAccount: caller.account} : {}),
			...(bucketAccount ? {bucketAccount} : {}),
			...(snapshot.bucket?.region ? {bucketRegion: snapshot.bucket.region} : {}),
			...(destinationKey.arn ? {keyArn: destinationKey.arn} : {}),
			...(destinationKey.account ? {keyAccount: destinationKey.account} : {}),
			keySource: destinationKey.source,
			...(destinationKey.bucketKeyEnabled === 'unknown' ? {} : {bucketKeyEnabled: destinationKey.bucketKeyEnabled}),
			// "Another account", its ID not known, is a given fact: cross-account, whatever the caller's account.
			crossAccount: {bucket: !bucketAccount && snapshot.bucket?.notCallersAccount ? true : crossOf(caller?.account, bucketAccount), key: crossOf(caller?.account, destinationKey.account)},
		},
	};
};
