import {err, ok, type Result} from '../../shared/result.js';
import {hasUnsafeCharacters} from '../../report/sanitize.js';
import {describeNameError, parseBucketName, parseKeyReference, parsePrincipalArn, parseRegion, parseS3Location} from '../../names/index.js';
import {bundleFormat, type BundleQuestion} from '../../inputs/bundle/bundle-layout.js';
import {credentialFreeUrl} from '../../inputs/presigned-url/credential-free-url.js';
import {distributionOfFlags, type DistributionFlags} from '../../inputs/distribution/distribution-flags.js';
import {parsePresignedUrl} from '../../inputs/presigned-url/parse-presigned-url.js';
import {serviceOfFlags} from '../../inputs/service/service-flags.js';
import {destinationLeg, hasSource, operationModule} from '../../operations/registry.js';
import type {ServiceInfo} from '../../snapshot/operation-facts.js';
import {isOperation, operationNames, operationNamesInWords, type Operation} from '../../snapshot/operation-names.js';

/** What the command line gives, unchecked. */
export type CollectScriptInput = {
	readonly operation?: string;
	readonly bucket?: string;
	readonly objectKey?: string;
	readonly kmsKeyId?: string;
	readonly principal?: string;
	readonly region?: string;
	readonly sizeBytes?: string | number;
	readonly sourceBucket?: string;
	readonly sourceKey?: string;
	/** presigned-download/-upload: the whole URL; only its facts reach the script. */
	readonly presignedUrl?: string;
	/** service-read/-write: the AWS service, and the role it uses. */
	readonly service?: string;
	readonly serviceRole?: string;
	/** replication: the source bucket's rule, by ID (default: the one that covers the object). */
	readonly replicationRule?: string;
} & DistributionFlags;

declare const validated: unique symbol;

/** Options that passed validateCollectOptions: only these can be rendered into a script. The question the script writes, less its header. */
export type CollectScriptOptions = Omit<BundleQuestion, 'format' | 'generatedBy'> & {readonly [validated]: true};

export type CollectOptionsError = {readonly message: string};

/** The script goes to the customer's terminal: C0 and C1 controls, bidirectional and zero-width marks cannot ride in it. */
const unsafeIn = (text: string): boolean => hasUnsafeCharacters(text);
const unsafeWords = 'a control or invisible character (newline, tab, a bidirectional or zero-width mark…)';

// The bucket exists, so names/ checks it in its legacy mode (capitals and underscores are served in us-east-1).
const checkBucket = (name: string, option: string): string | undefined => {
	const pasted = parseS3Location(name);
	if (pasted) return `${option} takes a bucket name, not ${name.startsWith('arn:') ? 'an ARN' : 'an s3:// URL'}: use ${pasted.bucket}`;
	const bucket = parseBucketName(name);
	return bucket.ok ? undefined : describeNameError(name, bucket.error, option);
};

const checkObjectKey = (key: string, option: string): string | undefined => {
	if (key === '') return `${option} is empty; give the object key (path/to/file.bin)`;
	if (unsafeIn(key)) return `${option} holds ${unsafeWords}; the collection script cannot carry it safely`;
	if (new TextEncoder().encode(key).length > 1024) return `${option} is longer than S3's 1,024 bytes`;
	return undefined;
};

// S3 allows a rule ID of up to 255 characters; the script never runs it, only question.json carries it.
const checkRuleId = (id: string): string | undefined => {
	if (id.trim() === '') return '--replication-rule is empty; give the rule\'s ID (aws s3api get-bucket-replication lists them)';
	if (unsafeIn(id)) return `--replication-rule holds ${unsafeWords}; the collection script cannot carry it safely`;
	return id.length > 255 ? '--replication-rule is longer than the 255 characters S3 allows a rule ID' : undefined;
};

const units: Readonly<Record<string, number>> = {b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3, tb: 1e12, tib: 1024 ** 4};

/** "104857600", "100MiB", "5 GB" → bytes: what --size takes, here and in check. */
export const bytesOf = (text: string): number | undefined => {
	const match = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?$/i.exec(text.trim());
	return match ? Math.round(Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()]!) : undefined;
};

/** Checks every value before it goes near a shell script: a clear message naming the option, or options that can be rendered. */
export const validateCollectOptions = (input: CollectScriptInput): Result<CollectScriptOptions, CollectOptionsError> => {
	const fail = (message: string) => err({message});
	if (!input.operation) return fail(`--operation is required: ${operationNamesInWords()}`);
	if (!isOperation(input.operation)) return fail(`--operation "${input.operation}" is not one of ${operationNames.join(', ')}`);
	const presigned = input.presignedUrl === undefined ? undefined : parsePresignedUrl(input.presignedUrl);
	if (presigned && operationModule(input.operation).givenFact !== 'presigned-url') return fail(`--presigned-url is only for --operation ${operationNamesInWords(operationNames.filter(name => operationModule(name).givenFact === 'presigned-url'))}`);
	if (presigned && !presigned.ok) return fail(`--presigned-url: ${presigned.error.message}`);
	const fromUrl = presigned?.ok ? presigned.value : undefined;
	if (fromUrl && ((input.bucket !== undefined && input.bucket !== fromUrl.bucket) || (input.objectKey !== undefined && input.objectKey !== fromUrl.objectKey))) {
		return fail('--bucket and --key must name the object the --presigned-url is for (or leave them out: the URL names it)');
	}
	const bucket = input.bucket ?? fromUrl?.bucket;
	const objectKey = input.objectKey ?? fromUrl?.objectKey;
	if (!bucket) return fail('--bucket is required');
	if (objectKey === undefined) return fail('--key is required (the object key)');
	const problem = checkBucket(bucket, '--bucket') ?? checkObjectKey(objectKey, '--key');
	if (problem) return fail(problem);
	const keyProblem = input.kmsKeyId === undefined ? undefined : parseKeyReference(input.kmsKeyId);
	if (keyProblem && !keyProblem.ok) {
		// With nothing more specific to say, the line lists the forms as the option's help does.
		const {error} = keyProblem;
		return fail(error.hint ? describeNameError(input.kmsKeyId!, error, '--kms-key-id') : `--kms-key-id "${input.kmsKeyId}" is not a key ID, key ARN, alias/NAME or alias ARN`);
	}
	const principal = input.principal === undefined ? undefined : parsePrincipalArn(input.principal);
	if (principal && !principal.ok) return fail(describeNameError(input.principal!, principal.error, '--principal'));
	const regionText = input.region ?? fromUrl?.region;
	const region = regionText === undefined ? undefined : parseRegion(regionText);
	if (region && !region.ok) return fail(describeNameError(regionText!, region.error, '--region'));
	let sizeBytes: number | undefined;
	if (input.sizeBytes !== undefined) {
		sizeBytes = typeof input.sizeBytes === 'number' ? input.sizeBytes : bytesOf(input.sizeBytes);
		if (sizeBytes === undefined || !Number.isSafeInteger(sizeBytes) || sizeBytes < 0) {
			return fail(`--size "${input.sizeBytes}" is not a size: give bytes (104857600) or a unit (100MiB, 5GB)`);
		}
	}
	const distribution = distributionOfFlags(input);
	if (!distribution.ok) return fail(distribution.error);
	if (distribution.value && operationModule(input.operation).givenFact !== 'distribution') {
		return fail(`--distribution-arn, --origin-access and --origin-type describe a CloudFront distribution: give them with --operation ${operationNamesInWords(operationNames.filter(name => operationModule(name).givenFact === 'distribution'))}`);
	}
	const withSource = hasSource(input.operation);
	const replicates = destinationLeg(input.operation).facts.key === 'replica';
	// A replica keeps its source object's key, as check --operation replication takes it.
	const sourceKey = input.sourceKey ?? (replicates ? objectKey : undefined);
	if (!withSource && (input.sourceBucket !== undefined || input.sourceKey !== undefined)) {
		return fail(`--source-bucket and --source-key are only for --operation ${operationNamesInWords(operationNames.filter(hasSource))}`);
	}
	if (withSource && (input.sourceBucket === undefined || sourceKey === undefined)) {
		return fail(replicates ? `--operation ${input.operation} needs --source-bucket (the bucket with the replication rule)` : `--operation ${input.operation} needs --source-bucket and --source-key`);
	}
	if (withSource) {
		const sourceProblem = checkBucket(input.sourceBucket!, '--source-bucket') ?? checkObjectKey(sourceKey!, '--source-key');
		if (sourceProblem) return fail(sourceProblem);
	}
	if (input.replicationRule !== undefined && !replicates) return fail('--replication-rule names the rule of a replication: give it with --operation replication');
	const ruleProblem = input.replicationRule === undefined ? undefined : checkRuleId(input.replicationRule);
	if (ruleProblem) return fail(ruleProblem);
	const service = serviceOf(input);
	if (!service.ok) return service;
	const options = {
		operation: input.operation,
		bucket,
		objectKey,
		...(input.kmsKeyId !== undefined ? {kmsKeyId: input.kmsKeyId} : {}),
		// A service's own role is the principal whose IAM policies the script reads.
		...(input.principal !== undefined || service.value?.roleArn ? {principal: input.principal ?? service.value!.roleArn!} : {}),
		...(regionText !== undefined ? {region: regionText} : {}),
		...(sizeBytes !== undefined ? {sizeBytes} : {}),
		...(withSource ? {source: {bucket: input.sourceBucket!, objectKey: sourceKey!}} : {}),
		// Only the URL's facts, rebuilt: the script and its bundle never hold the signature or the token.
		...(fromUrl ? {presignedUrl: credentialFreeUrl(fromUrl)} : {}),
		...(distribution.value ? {distribution: distribution.value} : {}),
		...(service.value ? {service: service.value} : {}),
		...(input.replicationRule !== undefined ? {replicationRule: input.replicationRule} : {}),
	};
	return ok(options as CollectScriptOptions);
};

/** --service and --service-role (see `serviceOfFlags`); a service with a role makes the request as that role, not as --principal. */
const serviceOf = (input: CollectScriptInput): Result<ServiceInfo | undefined, CollectOptionsError> => {
	const service = serviceOfFlags(input, operationModule(input.operation as Operation).givenFact === 'service', '--principal');
	if (!service.ok) return err({message: service.error});
	const roleArn = service.value?.roleArn;
	if (roleArn !== undefined && input.principal !== undefined && input.principal !== roleArn) {
		return err({message: '--principal and --service-role name two principals: the service makes the request as its role (leave --principal out)'});
	}
	return ok(service.value);
};

/** question.json as the script writes it. */
export const bundleQuestionOf = (options: CollectScriptOptions, generatedBy?: string): BundleQuestion => {
	const {operation, bucket, objectKey, kmsKeyId, principal, region, sizeBytes, source, presignedUrl, distribution, service, replicationRule} = options;
	return {
		format: bundleFormat,
		...(generatedBy ? {generatedBy} : {}),
		operation,
		bucket,
		objectKey,
		...(kmsKeyId ? {kmsKeyId} : {}),
		...(principal ? {principal} : {}),
		...(region ? {region} : {}),
		...(sizeBytes !== undefined ? {sizeBytes} : {}),
		...(source ? {source} : {}),
		...(presignedUrl ? {presignedUrl} : {}),
		...(distribution ? {distribution} : {}),
		...(service ? {service} : {}),
		...(replicationRule !== undefined ? {replicationRule} : {}),
	};
};
