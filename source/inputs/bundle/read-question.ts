import {err, ok, type Result} from '../../shared/result.js';
import {destinationLeg, hasSource} from '../../operations/registry.js';
import {isOperation, operationNamesInWords} from '../../snapshot/operation-names.js';
import {isAwsServiceName} from '../../snapshot/service-names.js';
import type {ServiceInfo} from '../../snapshot/operation-facts.js';
import type {BundleQuestion} from './bundle-layout.js';
import {asObject, asString} from '../../snapshot/aws-answers/json-access.js';
import {describeNameError, parseBucketName, parseKeyReference, parsePrincipalArn, parseRegion, valueOf, type Parsed} from '../../names/index.js';
import {parsePresignedUrl} from '../presigned-url/parse-presigned-url.js';
import {readDistribution} from '../distribution/distribution-flags.js';

const asNumberOrUndefined = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

/** A field that must be an AWS name, by names/'s rules: the problem line, or undefined. */
const nameProblem = (field: string, text: string | undefined, parse: (text: string) => Parsed<unknown>): string | undefined => {
	if (text === undefined) return undefined;
	const parsed = parse(text);
	return parsed.ok ? undefined : describeNameError(text, parsed.error, `"${field}"`);
};

/** question.json, checked: the one file a bundle cannot do without. */
export const readQuestion = (value: unknown): Result<BundleQuestion, string> => {
	const object = asObject(value);
	if (!object) return err('expected a JSON object');
	const operation = object['operation'];
	if (!isOperation(operation)) return err(`"operation" must be ${operationNamesInWords()}`);
	const bucket = asString(object['bucket']);
	const objectKey = asString(object['objectKey']);
	if (!bucket) return err('"bucket" is missing');
	if (!objectKey) return err('"objectKey" is missing');
	const source = asObject(object['source']);
	const sourceBucket = asString(source?.['bucket']);
	const sourceKey = asString(source?.['objectKey']);
	if (hasSource(operation) && (!sourceBucket || !sourceKey)) return err(`a ${operation} needs "source": {"bucket", "objectKey"}`);
	// The script wrote what collect-script checked; a bundle edited since is refused as collect-script would.
	const badName =
		nameProblem('bucket', bucket, parseBucketName) ??
		nameProblem('source.bucket', hasSource(operation) ? sourceBucket : undefined, parseBucketName) ??
		nameProblem('kmsKeyId', asString(object['kmsKeyId']), parseKeyReference) ??
		nameProblem('principal', asString(object['principal']), parsePrincipalArn) ??
		nameProblem('region', asString(object['region']), parseRegion);
	if (badName) return err(badName);
	// The URL as collect-script rebuilt it; read with the same parser as a pasted one, so an edited file cannot slip in more.
	const presignedText = asString(object['presignedUrl']);
	const presigned = presignedText === undefined ? undefined : parsePresignedUrl(presignedText);
	if (presigned && !presigned.ok) return err(`"presignedUrl": ${presigned.error.message}`);
	const distribution = object['distribution'] === undefined ? undefined : readDistribution(object['distribution']);
	if (distribution && !distribution.ok) return err(`"distribution": ${distribution.error}`);
	const service = serviceOf(object['service']);
	if (!service.ok) return service;
	const optional = (name: string): Record<string, string> => {
		const text = asString(object[name]);
		return text ? {[name]: text} : {};
	};
	const sizeBytes = asNumberOrUndefined(object['sizeBytes']);
	return ok({
		format: object['format'] as BundleQuestion['format'],
		...optional('generatedBy'),
		operation,
		bucket,
		objectKey,
		...optional('kmsKeyId'),
		...optional('principal'),
		...optional('region'),
		...(sizeBytes !== undefined ? {sizeBytes} : {}),
		...(hasSource(operation) ? {source: {bucket: sourceBucket!, objectKey: sourceKey!}} : {}),
		...(presignedText !== undefined ? {presignedUrl: presignedText} : {}),
		...(distribution?.ok ? {distribution: distribution.value} : {}),
		...(service.value ? {service: service.value} : {}),
		...(destinationLeg(operation).facts.key === 'replica' ? optional('replicationRule') : {}),
	});
};

/** "service": {"name", "roleArn"}, as collect-script wrote it. */
const serviceOf = (value: unknown): Result<ServiceInfo | undefined, string> => {
	if (value === undefined) return ok(undefined);
	const object = asObject(value);
	const name = object?.['name'];
	if (!object || !isAwsServiceName(name)) return err('"service.name" is not an AWS service this version knows');
	const roleArn = asString(object['roleArn']);
	const problem = nameProblem('service.roleArn', roleArn, parsePrincipalArn);
	if (problem) return err(problem);
	if (roleArn && valueOf(parsePrincipalArn(roleArn))?.kind !== 'role') return err('"service.roleArn" is not an IAM role ARN');
	return ok({name, ...(roleArn ? {roleArn} : {})});
};
