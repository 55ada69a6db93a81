import {parseJson} from '../../engine/json.js';
import type {ParsedDenial} from './parsed-denial.js';
import {accountsOf} from './accounts.js';
import {denialFromEnvelope} from './denial-from-message.js';
import {operationOf, serviceOfName} from './operations.js';
import {type Mutable, isObject} from '../../shared/json.js';
import {parsePrincipalArn, partitionOfArn, partitionOfRegion, s3Arn, type S3Location} from '../../names/index.js';

type Json = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const isEvent = (value: unknown): value is Json => isObject(value) && typeof value['eventSource'] === 'string' && typeof value['eventName'] === 'string';

/**
 * The events of a CloudTrail file: one event, `{"Records": [...]}`, a plain array, or the output of
 * `aws cloudtrail lookup-events` (`{"Events": [{"CloudTrailEvent": "<json>"}]}`). Undefined when it holds none.
 */
export const cloudTrailEventsOf = (document: unknown): Json[] | undefined => {
	if (isEvent(document)) return [document];
	const list = Array.isArray(document) ? document : isObject(document) ? (document['Records'] ?? document['Events']) : undefined;
	if (!Array.isArray(list)) return undefined;
	const events: Json[] = [];
	for (const item of list) {
		if (isEvent(item)) events.push(item);
		else if (isObject(item) && typeof item['CloudTrailEvent'] === 'string') {
			// A damaged (or too deeply nested) lookup-events entry is skipped: the others may still say enough.
			const inner = parseJson(item['CloudTrailEvent']);
			if (inner.ok && isEvent(inner.value)) events.push(inner.value);
		}
	}
	return events.length > 0 ? events : undefined;
};

// S3 data events are named by API call; the IAM action differs for the upload and download calls.
const s3ActionOfEvent: Readonly<Record<string, string>> = {
	PutObject: 's3:PutObject',
	CreateMultipartUpload: 's3:PutObject',
	UploadPart: 's3:PutObject',
	CompleteMultipartUpload: 's3:PutObject',
	UploadPartCopy: 's3:PutObject',
	CopyObject: 's3:PutObject',
	GetObject: 's3:GetObject',
	HeadObject: 's3:GetObject',
	HeadBucket: 's3:ListBucket',
	ListObjects: 's3:ListBucket',
	ListObjectsV2: 's3:ListBucket',
	GetBucketEncryption: 's3:GetEncryptionConfiguration',
	GetBucketOwnershipControls: 's3:GetBucketOwnershipControls',
};

const actionOfEvent = (service: string | undefined, eventName: string): string | undefined => {
	if (!service) return undefined;
	if (service === 's3') return s3ActionOfEvent[eventName] ?? `s3:${eventName}`;
	return `${service}:${eventName}`;
};

const deniedCode = /AccessDenied|Unauthorized|Forbidden/i;

export const isDeniedEvent = (event: Json): boolean =>
	deniedCode.test(text(event['errorCode']) ?? '') || /not authorized to perform/i.test(text(event['errorMessage']) ?? '');

export const isFailedEvent = (event: Json): boolean => text(event['errorCode']) !== undefined;

const stringRecord = (value: unknown): Record<string, string> | undefined => {
	if (!isObject(value)) return undefined;
	const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
};

/**
 * The partition the event happened in: its caller's ARN names it, else its Region (an account, and so its requests,
 * are "scoped to one partition"). Undefined when the event says neither: no ARN is then written for it.
 */
const partitionOfEvent = (event: Json): string | undefined => {
	const identity = isObject(event['userIdentity']) ? event['userIdentity'] : {};
	return partitionOfArn(text(identity['arn'])) ?? partitionOfRegion(text(event['awsRegion']));
};

/** The bucket and key of `requestParameters` (`bucketName`, `key`), as the event names them: no partition needed. */
const objectOfEvent = (event: Json): S3Location | undefined => {
	const parameters = isObject(event['requestParameters']) ? event['requestParameters'] : {};
	const bucket = text(parameters['bucketName']);
	const objectKey = text(parameters['key']);
	return bucket ? {bucket, ...(objectKey ? {objectKey} : {})} : undefined;
};

/** The resource the event is about: the object for S3, the key for KMS. */
const resourceOf = (event: Json, service: string | undefined): string | undefined => {
	const resources = Array.isArray(event['resources']) ? event['resources'].filter(isObject) : [];
	const arns = resources.map(resource => ({type: text(resource['type']) ?? '', arn: text(resource['ARN']) ?? text(resource['arn'])}));
	const preferred = arns.find(resource => resource.type === 'AWS::S3::Object' || resource.type === 'AWS::KMS::Key') ?? arns[0];
	if (preferred?.arn) return preferred.arn;
	const parameters = isObject(event['requestParameters']) ? event['requestParameters'] : {};
	const keyId = text(parameters['keyId']);
	if (service === 'kms' && keyId?.startsWith('arn:')) return keyId;
	const object = objectOfEvent(event);
	const partition = partitionOfEvent(event);
	return object && partition ? s3Arn(partition, object.bucket, object.objectKey) : undefined;
};

/**
 * The role behind an assumed-role session: `sessionContext.sessionIssuer`, "additional details about the role that was
 * assumed to get credentials" (CloudTrail userIdentity element), whose ARN is the role's, path included. Kept only as a
 * role ARN of the session's own partition, account and role name (a pasted event is hostile).
 */
const sessionRoleOf = (identity: Json, principal: string | undefined): string | undefined => {
	const context = isObject(identity['sessionContext']) ? identity['sessionContext'] : {};
	const issuer = isObject(context['sessionIssuer']) ? context['sessionIssuer'] : {};
	const arn = text(issuer['arn']);
	if (text(issuer['type']) !== 'Role' || !arn || !principal) return undefined;
	const role = parsePrincipalArn(arn);
	const session = parsePrincipalArn(principal);
	if (!role.ok || !session.ok || role.value.kind !== 'role' || session.value.kind !== 'assumed-role') return undefined;
	const same = role.value.partition === session.value.partition && role.value.account === session.value.account && role.value.name === session.value.roleName;
	return same ? arn : undefined;
};

/** One CloudTrail event as a denial: the error message's own words first, the event's fields where it is silent. */
export const denialFromEvent = (event: Json): ParsedDenial => {
	const errorCode = text(event['errorCode']);
	const errorMessage = text(event['errorMessage']);
	const eventName = text(event['eventName'])!;
	const service = serviceOfName(text(event['eventSource']));
	const fromMessage = errorMessage ? denialFromEnvelope({form: 'message', message: errorMessage.replace(/\s+/g, ' ').trim()}) : undefined;
	const denial: Mutable<ParsedDenial> = {...fromMessage, form: 'cloudtrail', accounts: []};
	const identity = isObject(event['userIdentity']) ? event['userIdentity'] : {};
	const parameters = isObject(event['requestParameters']) ? event['requestParameters'] : {};

	denial.principal ??= text(identity['arn']);
	denial.action ??= actionOfEvent(service, eventName);
	denial.resource ??= resourceOf(event, service);
	// Where no ARN could be written (nothing names the partition), the bucket and key still prefill the wizard.
	if (denial.resource === undefined) denial.object ??= objectOfEvent(event);
	if (errorCode) denial.errorCode = errorCode;
	denial.apiOperation = eventName;
	denial.service = denial.action?.split(':')[0] ?? service;
	const roleArn = sessionRoleOf(identity, denial.principal);
	if (roleArn) denial.roleArn = roleArn;
	const keyId = text(parameters['keyId']);
	if (keyId) denial.keyId = keyId;
	const context = stringRecord(parameters['encryptionContext']);
	if (context) denial.encryptionContext = context;
	const invokedBy = text(identity['invokedBy']) ?? text(event['invokedBy']);
	if (invokedBy) denial.invokedBy = invokedBy;
	const region = text(event['awsRegion']);
	if (region) denial.region = region;
	const time = text(event['eventTime']);
	if (time) denial.time = time;
	const requestId = text(event['requestID']);
	if (requestId) denial.requestId = requestId;
	if (errorMessage) denial.message = errorMessage;
	const operation = operationOf(service === 's3' ? eventName : undefined, denial.action);
	if (operation) denial.operation = operation;
	else delete denial.operation;

	const resourceAccounts = (Array.isArray(event['resources']) ? event['resources'] : []).filter(isObject).map(resource => text(resource['accountId']));
	denial.accounts = accountsOf([
		denial.principal,
		text(identity['accountId']),
		denial.resource,
		...resourceAccounts,
		text(event['recipientAccountId']),
	]);
	return Object.fromEntries(Object.entries(denial).filter(([, value]) => value !== undefined)) as ParsedDenial;
};
