import type {ContextValue} from '../engine/context.js';
import {parseCaller} from '../engine/principal.js';
import {keyInfoOf, type ResolvedFacts, type ResolvedKey} from './resolve-question.js';
import type {Snapshot} from './snapshot.js';
import {formatSize} from './format-size.js';

/**
 * What an operation needs, derived from the operation (not a fixed list), with the request context
 * each call really carries: S3's own checks, and the KMS calls S3 makes on the caller's behalf.
 */

/** Which bucket and key of the snapshot an action is about: the destination, or the copy source. */
export type Side = 'destination' | 'source';

export type ActionSpec = {
	readonly id: string;
	readonly action: string;
	readonly resource: string;
	readonly purpose: string;
	readonly service: 's3' | 'kms';
	readonly side: Side;
	/** The key ARN is not known: the decision cannot be `allowed`. */
	readonly keyUnknown: boolean;
	readonly context: Readonly<Record<string, ContextValue>>;
	/** Context keys left out because they are not known, and the read that settles each. */
	readonly settles?: Readonly<Record<string, string>>;
};

const s3Service = 's3.amazonaws.com';

const commonContext = (snapshot: Snapshot): Record<string, ContextValue> => {
	const context: Record<string, ContextValue> = {'aws:SecureTransport': true};
	const principal = snapshot.principal;
	if (principal) {
		if (principal.organizationId !== undefined) context['aws:PrincipalOrgID'] = principal.organizationId;
		if (principal.userId) context['aws:userid'] = principal.userId;
		if (principal.roleArn) context['aws:PrincipalArn'] = principal.roleArn;
		for (const [tag, value] of Object.entries(principal.tags ?? {})) context[`aws:PrincipalTag/${tag}`] = value;
	}
	return context;
};

const s3Context = (snapshot: Snapshot, bucketAccount: string | undefined, region: string | undefined, sendsKeyHeaders: boolean): Record<string, ContextValue> => {
	const named = snapshot.question.kmsKeyId;
	return {
		...commonContext(snapshot),
		's3:signatureversion': 'AWS4-HMAC-SHA256',
		// A request that relies on the bucket's default encryption sends no SSE header at all.
		's3:x-amz-server-side-encryption': sendsKeyHeaders && named ? 'aws:kms' : null,
		's3:x-amz-server-side-encryption-aws-kms-key-id': sendsKeyHeaders && named ? named : null,
		'aws:ViaAWSService': false,
		'aws:CalledVia': null,
		...(bucketAccount ? {'aws:ResourceAccount': bucketAccount, 's3:ResourceAccount': bucketAccount} : {}),
		...(region ? {'aws:RequestedRegion': region} : {}),
		...snapshot.requestContext,
	};
};

const kmsContext = (
	snapshot: Snapshot,
	key: ResolvedKey,
	callerAccount: string | undefined,
	region: string | undefined,
	encryptionContextArn: string,
	keyInfo: Snapshot['key'],
	side: Side,
): Record<string, ContextValue> => ({
	...commonContext(snapshot),
	...(region ? {'kms:ViaService': `s3.${region}.amazonaws.com`, 'aws:RequestedRegion': region} : {}),
	...(callerAccount ? {'kms:CallerAccount': callerAccount} : {}),
	'kms:EncryptionContext:aws:s3:arn': encryptionContextArn,
	'kms:EncryptionContextKeys': ['aws:s3:arn'],
	// S3 calls KMS with the caller's credentials through a forward access session.
	'aws:ViaAWSService': true,
	'aws:CalledVia': [s3Service],
	'aws:CalledViaFirst': s3Service,
	'aws:CalledViaLast': s3Service,
	'kms:GrantIsForAWSResource': null,
	...(key.account ? {'aws:ResourceAccount': key.account} : {}),
	...(keyInfo?.keySpec ? {'kms:KeySpec': keyInfo.keySpec} : {}),
	...(keyInfo?.keyManager ? {'kms:KeyManager': keyInfo.keyManager} : {}),
	...(keyInfo?.multiRegion === undefined ? {} : {'kms:MultiRegion': keyInfo.multiRegion}),
	...resourceAliases(snapshot, keyInfo, side),
	...snapshot.requestContext,
});

/**
 * KMS: "The kms:ResourceAliases condition key allows or denies access to a KMS key based on the aliases associated
 * with the KMS key." Known only from a complete alias list: one the snapshot notes as partial (or lacks) stays unknown.
 */
const aliasesPath = (side: Side): string => (side === 'source' ? 'source.keyInfo.aliases' : 'key.aliases');

const resourceAliases = (snapshot: Snapshot, keyInfo: Snapshot['key'], side: Side): Record<string, ContextValue> => {
	const partial = snapshot.unread?.some(note => note.path === aliasesPath(side));
	if (!keyInfo?.aliases || partial) return {};
	return {'kms:ResourceAliases': keyInfo.aliases.length > 0 ? [...keyInfo.aliases] : null};
};

const aliasesSettledBy = (snapshot: Snapshot, context: Readonly<Record<string, ContextValue>>, side: Side, keyResource: string): Pick<ActionSpec, 'settles'> => {
	if (context['kms:ResourceAliases'] !== undefined) return {};
	const note = snapshot.unread?.find(candidate => candidate.path === aliasesPath(side));
	return {settles: {'kms:ResourceAliases': note?.resolveWith ?? `kms:ListAliases --key-id ${keyResource} with a profile of the key's account (or list every alias of the key in ${aliasesPath(side)})`}};
};

const unknownKeyArn = (key: ResolvedKey, region: string | undefined): string =>
	`arn:aws:kms:${key.region ?? region ?? 'unknown-region'}:${key.account ?? 'unknown-account'}:key/${key.named && !key.named.includes('/') && !key.named.startsWith('arn:') ? key.named : 'unknown'}`;

export const requiredActions = (snapshot: Snapshot, facts: ResolvedFacts): ActionSpec[] => {
	const {question} = facts;
	const caller = snapshot.principal ? parseCaller(snapshot.principal.arn) : undefined;
	const callerAccount = caller?.account;
	const region = question.bucketRegion;
	const bucketArn = `arn:${facts.partition}:s3:::${question.bucket}`;
	const specs: ActionSpec[] = [];
	const destinationKey = facts.destinationKey;
	const keyResource = destinationKey.arn ?? unknownKeyArn(destinationKey, region);
	const encryptionContextArn = destinationKey.bucketKeyEnabled ? bucketArn : question.objectArn;
	const destinationContext = kmsContext(snapshot, destinationKey, callerAccount, region, encryptionContextArn, keyInfoOf(snapshot.key, destinationKey.arn), 'destination');
	const kmsSpec = (action: string, purpose: string): ActionSpec => ({
		id: `${action}@destination`,
		action,
		resource: keyResource,
		purpose,
		service: 'kms',
		side: 'destination',
		keyUnknown: !destinationKey.arn,
		context: destinationContext,
		...aliasesSettledBy(snapshot, destinationContext, 'destination', keyResource),
	});
	const usesKms = destinationKey.source !== 'none';

	if (question.operation === 'upload' || question.operation === 'copy') {
		const size = question.sizeBytes === undefined ? 'of unknown size' : `of ${formatSize(question.sizeBytes)}`;
		const putPurpose =
			question.multipart === 'yes'
				? `CreateMultipartUpload, UploadPart and CompleteMultipartUpload write the object (${size}, multipart above ${formatSize(question.multipartThresholdBytes)})`
				: `PutObject writes the object (${size})`;
		specs.push({
			id: 's3:PutObject@destination',
			action: 's3:PutObject',
			resource: question.objectArn,
			purpose: question.operation === 'copy' ? `CopyObject writes the destination object` : putPurpose,
			service: 's3',
			side: 'destination',
			keyUnknown: false,
			context: s3Context(snapshot, question.bucketAccount, region, true),
		});
		if (usesKms) {
			specs.push(kmsSpec('kms:GenerateDataKey', 'S3 asks KMS for a data key to encrypt the new object'));
			if (question.multipart !== 'no') {
				specs.push(
					kmsSpec(
						'kms:Decrypt',
						question.multipart === 'yes'
							? 'UploadPart and CompleteMultipartUpload: S3 decrypts the upload\'s data key to encrypt and assemble each part'
							: 'needed if the upload is multipart (the file size is not known; tools switch to multipart for large files)',
					),
				);
			}
		}
	}
	if (question.operation === 'download') {
		specs.push({
			id: 's3:GetObject@destination',
			action: 's3:GetObject',
			resource: question.objectArn,
			purpose: 'GetObject reads the object',
			service: 's3',
			side: 'destination',
			keyUnknown: false,
			context: s3Context(snapshot, question.bucketAccount, region, false),
		});
		if (usesKms) specs.push(kmsSpec('kms:Decrypt', 'S3 asks KMS to decrypt the object\'s data key (the request names no key: S3 knows it)'));
	}
	if (question.operation === 'copy' && facts.sourceObjectArn && snapshot.question.source) {
		const sourceBucketArn = `arn:${facts.partition}:s3:::${snapshot.question.source.bucket}`;
		const sourceRegion = facts.sourceBucketRegion ?? region;
		specs.unshift({
			id: 's3:GetObject@source',
			action: 's3:GetObject',
			resource: facts.sourceObjectArn,
			purpose: 'CopyObject reads the source object',
			service: 's3',
			side: 'source',
			keyUnknown: false,
			context: s3Context(snapshot, facts.sourceBucketAccount, sourceRegion, false),
		});
		const sourceKey = facts.sourceKey;
		if (sourceKey && sourceKey.source !== 'none') {
			const resource = sourceKey.arn ?? unknownKeyArn(sourceKey, sourceRegion);
			const context = kmsContext(snapshot, sourceKey, callerAccount, sourceRegion, sourceKey.bucketKeyEnabled ? sourceBucketArn : facts.sourceObjectArn, keyInfoOf(snapshot.source?.keyInfo, sourceKey.arn), 'source');
			specs.splice(1, 0, {
				id: 'kms:Decrypt@source',
				action: 'kms:Decrypt',
				resource,
				purpose: 'S3 decrypts the source object\'s data key to read it',
				service: 'kms',
				side: 'source',
				keyUnknown: !sourceKey.arn,
				context,
				...aliasesSettledBy(snapshot, context, 'source', resource),
			});
		}
	}
	return specs;
};
