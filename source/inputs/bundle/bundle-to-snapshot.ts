import {parseJson} from '../../engine/json.js';
import {err, ok, type Result} from '../../shared/result.js';
import type {PresignedUrlInfo, ReplicationRule} from '../../snapshot/operation-facts.js';
import type {UnreadNote} from '../../snapshot/provenance.js';
import type {Question} from '../../snapshot/question.js';
import {snapshotFormat, type BucketInfo, type KeyInfo, type Operation, type PrincipalInfo, type Snapshot} from '../../snapshot/snapshot.js';
import {BundleFiles, mappedAnswer, noteOf} from './bundle-files.js';
import {bundleFormat, calls, questionFile, sourcePrefix} from './bundle-layout.js';
import {readQuestion} from './read-question.js';
import {readBucket, readObject} from './read-bucket.js';
import {readKey} from './read-key.js';
import {readOrganization} from './read-organization.js';
import {readPrincipal, type CallerIdentity, type ReadContext} from './read-principal.js';
import {readReplicationRule, readVersioning, replicaKeyPrefixIn} from './read-replication.js';
import {serviceFacts} from '../../operations/aws-services.js';
import {accessKeyAccountOf, callerIdentityOf} from '../../snapshot/aws-answers/index.js';
import {parsePresignedUrl} from '../presigned-url/parse-presigned-url.js';
import {type Mutable} from '../../shared/json.js';
import {destinationLeg, hasSource} from '../../operations/registry.js';
import {partitionOfRegion} from '../../names/index.js';


export type BundleImport = {
	readonly snapshot: Snapshot;
	/** What the bundle could not say, one line each ("key.policy: kms-get-key-policy failed: AccessDeniedException: …"). */
	readonly missing: readonly string[];
};

export type BundleError = {readonly message: string};

export type BundleOptions = {
	/** A title for the snapshot's metadata; default: the question in words. */
	readonly title?: string;
};

/** Who ran the script; an answer whose Arn or Account is not one is unread, with why (the mapper live collection uses). */
const callerOf = (files: BundleFiles, notes: UnreadNote[]): CallerIdentity => {
	const result = mappedAnswer(calls.callerIdentity, files.call(calls.callerIdentity.stem), callerIdentityOf);
	if (result.ok) return result.value;
	if (result.error.state === 'malformed') notes.push(noteOf('principal', calls.callerIdentity, result.error));
	return {};
};

/** The URL's facts from question.json, with the account of its access key as the script read it (sts get-access-key-info). */
const presignedUrlOf = (files: BundleFiles, text: string | undefined, notes: UnreadNote[]): PresignedUrlInfo | undefined => {
	const parsed = text === undefined ? undefined : parsePresignedUrl(text);
	if (!parsed?.ok) return undefined;
	const url = parsed.value.presignedUrl;
	if (!url.accessKeyId) return url;
	const result = files.call(calls.accessKeyInfo.stem);
	const signerAccount = result.state === 'ok' ? accessKeyAccountOf(result.answer) : undefined;
	if (!signerAccount) notes.push(noteOf('presignedUrl.signerAccount', calls.accessKeyInfo, result, url.accessKeyId));
	return signerAccount ? {...url, signerAccount} : url;
};

const describeQuestion = (operation: Operation, bucket: string, objectKey: string): string => `Support bundle: ${operation} of s3://${bucket}/${objectKey}`;

/**
 * Turns the files of a support bundle (name → content, names relative to the bundle folder) into a
 * snapshot. What failed to collect becomes an unread note with the error and the permission that
 * would resolve it; damaged or partial bundles give what they can. Only a bundle without its
 * question cannot be imported.
 */
export const bundleToSnapshot = (entries: ReadonlyMap<string, string>, options: BundleOptions = {}): Result<BundleImport, BundleError> => {
	const questionText = entries.get(questionFile);
	if (questionText === undefined) {
		return err({
			message: `the bundle has no ${questionFile}, so it was not made by \`s3-kms-doctor collect-script\` (expected a folder with ${questionFile}, manifest.tsv and the *.json answers)`,
		});
	}
	const parsedQuestion = parseJson(questionText);
	if (!parsedQuestion.ok) return err({message: `${questionFile} is not valid JSON: ${parsedQuestion.error.message}`});
	const asked = readQuestion(parsedQuestion.value);
	if (!asked.ok) return err({message: `${questionFile}: ${asked.error}`});
	const bundleQuestion = asked.value;
	if (bundleQuestion.format !== bundleFormat) return err({message: `${questionFile} is of format "${String(bundleQuestion.format)}"; this version reads ${bundleFormat}`});

	const files = new BundleFiles(entries);
	const notes: UnreadNote[] = [];
	const caller = callerOf(files, notes);
	// The account that ran the script names the partition (an account is scoped to one), else the Region it ran in.
	const partition = caller.partition ?? partitionOfRegion(bundleQuestion.region);
	const context: ReadContext = {files, notes, ...(partition ? {partition} : {})};
	if (!caller.arn && !notes.some(note => note.path === 'principal')) {
		notes.push({path: 'principal', reason: 'the bundle does not say who ran the script (sts get-caller-identity is missing or failed)', resolveWith: 'run the collection script again'});
	}

	const copy = hasSource(bundleQuestion.operation) && bundleQuestion.source ? bundleQuestion.source : undefined;
	const destination = destinationLeg(bundleQuestion.operation).facts;
	// Replication: the source bucket's rule that covers the object names the role S3 assumes (the principal) and the replica key.
	const replicates = destination.key === 'replica';
	const replication: ReplicationRule | undefined =
		replicates && copy
			? readReplicationRule(context, copy.bucket, {
					objectKey: copy.objectKey,
					destinationBucket: bundleQuestion.bucket,
					...(bundleQuestion.replicationRule ? {ruleId: bundleQuestion.replicationRule} : {}),
				})
			: undefined;

	// A service with a role of its own, not named: whoever ran the script is not who makes the request.
	const service = bundleQuestion.service;
	const roleNotNamed = service !== undefined && serviceFacts(service.name).family === 'service-role' && service.roleArn === undefined;
	const principalArn = replicates ? (bundleQuestion.principal ?? replication?.role) : roleNotNamed ? undefined : (service?.roleArn ?? bundleQuestion.principal ?? caller.arn);
	if (replicates && !principalArn) {
		notes.push({
			path: 'principal',
			reason: "the replication role is the one the source bucket's replication configuration names, and the bundle does not hold it",
			resolveWith: "s3:GetReplicationConfiguration on the source bucket, with credentials of its account (or collect-script --principal ROLE-ARN)",
		});
	}
	// A role a service makes the request as (replication's, a Glue job's) is read as live collection reads it: the role itself.
	const acting = replicates || service?.roleArn !== undefined;
	const principal: Mutable<PrincipalInfo> | undefined = principalArn ? {...readPrincipal(context, principalArn, caller, acting)} : undefined;
	const principalAccount = principalArn?.split(':')[4] || undefined;

	const bucketRead = readBucket(context, '', bundleQuestion.bucket, caller.account, bundleQuestion.region);
	const object = destination.object ? readObject(context, '', bundleQuestion.bucket, bundleQuestion.objectKey, bucketRead.info) : undefined;

	// The key S3 uses: the one the request named, else the object's (a read) or the bucket default's (a write); a replica's is the rule's.
	const keyOfObject = destination.key === 'object';
	const questionKey = bundleQuestion.kmsKeyId ?? (keyOfObject ? object?.encryption?.kmsKeyId : undefined);
	const replicaKey = (): KeyInfo | undefined => {
		if (!replication) return readKey(context, '', questionKey);
		const named = replication.replicaKmsKeyId;
		return named ? readKey(context, replicaKeyPrefixIn(context.files, named), named, 'key') : undefined;
	};
	const key = replicates ? replicaKey() : readKey(context, '', questionKey ?? (keyOfObject ? undefined : bucketRead.info.defaultEncryption?.kmsKeyId));
	// Replication needs versioning on both buckets; no other operation reads it.
	const withVersioning = (info: BucketInfo, prefix: string, name: string): BucketInfo => {
		if (!replicates) return info;
		const versioning = readVersioning(context, prefix, name);
		return versioning === undefined ? info : {...info, versioning};
	};
	const bucket = {...bucketRead, info: withVersioning(bucketRead.info, '', bundleQuestion.bucket)};

	const source = copy
		? (() => {
				const bucketInfo = withVersioning(readBucket(context, sourcePrefix, copy.bucket, caller.account).info, sourcePrefix, copy.bucket);
				const objectInfo = readObject(context, sourcePrefix, copy.bucket, copy.objectKey, bucketInfo);
				const keyInfo = readKey(context, sourcePrefix, objectInfo?.encryption?.kmsKeyId);
				return {bucketInfo, ...(objectInfo ? {objectInfo} : {}), ...(keyInfo ? {keyInfo} : {})};
			})()
		: undefined;

	const organization = readOrganization(context, principalAccount, bucket.ownedByCaller ? caller.account : undefined, caller.account);
	if (principal && organization.organizationId !== undefined) {
		// describe-organization speaks for the account that ran the script.
		if (principalAccount === caller.account) principal.organizationId = organization.organizationId;
		else notes.push({path: 'principal.organizationId', reason: `the bundle was collected in ${caller.account ?? 'another account'}, not the principal's account`, resolveWith: `organizations:DescribeOrganization from account ${principalAccount}`});
	}

	const question: Mutable<Question> = {operation: bundleQuestion.operation, bucket: bundleQuestion.bucket, objectKey: bundleQuestion.objectKey};
	if (bundleQuestion.sizeBytes !== undefined) question.sizeBytes = bundleQuestion.sizeBytes;
	if (questionKey) question.kmsKeyId = questionKey;
	if (copy) {
		const sourceKey = source?.objectInfo?.encryption?.kmsKeyId;
		question.source = {bucket: copy.bucket, objectKey: copy.objectKey, ...(sourceKey ? {kmsKeyId: sourceKey} : {})};
	}

	const snapshot: Mutable<Snapshot> = {
		format: snapshotFormat,
		metadata: {
			title: options.title ?? describeQuestion(bundleQuestion.operation, bundleQuestion.bucket, bundleQuestion.objectKey),
			...(files.manifest.collectedAt ? {createdAt: files.manifest.collectedAt} : {}),
			collectedBy: 'bundle',
		},
		question,
		...(principal ? {principal} : {}),
		...(replication ? {replication} : {}),
		bucket: bucket.info,
		...(object ? {object} : {}),
		...(key ? {key} : {}),
		...(source ? {source} : {}),
		...(organization.info && Object.keys(organization.info).length > 0 ? {organization: organization.info} : {}),
		...(service ? {service} : {}),
	};
	const presignedUrl = presignedUrlOf(files, bundleQuestion.presignedUrl, notes);
	if (presignedUrl) snapshot.presignedUrl = presignedUrl;
	if (bundleQuestion.distribution) snapshot.distribution = bundleQuestion.distribution;
	if (notes.length > 0) snapshot.unread = notes;
	return ok({snapshot, missing: notes.map(note => `${note.path}: ${note.reason}${note.resolveWith ? ` — resolve with ${note.resolveWith}` : ''}`)});
};
