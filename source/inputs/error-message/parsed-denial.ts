import type {UploadTool} from '../../snapshot/question.js';
import type {Operation} from '../../snapshot/snapshot.js';
import type {AthenaRefusal} from './athena.js';
import type {S3Location} from '../../names/index.js';

/** The policy types AWS names in an enhanced AccessDenied message ("… in a service control policy"). */
export type PolicyType =
	| 'identity-based'
	| 'resource-based'
	| 'service-control-policy'
	| 'resource-control-policy'
	| 'permissions-boundary'
	| 'session-policy'
	| 'vpc-endpoint-policy'
	| 'role-trust-policy';

/** Failures that look like AccessDenied but are not a missing grant (domain.md §4), and S3's own refusals. */
export type KnownCause =
	| 'kms-key-inaccessible'
	| 'key-disabled'
	| 'key-pending-deletion'
	| 'key-invalid-state'
	| 'key-not-found'
	| 'kms-throttling'
	| 'sigv4-required'
	| 'acl-not-supported'
	| 'block-public-acls'
	| 'block-public-policy'
	| 'sse-c-blocked';

/** Which shape the text had: decides how much it can say. */
export type DenialForm = 'message' | 'cli' | 'java-sdk' | 'go-sdk' | 'sdk-error' | 's3-xml' | 'kms-json' | 'cloudtrail' | 'athena';

export type ParsedDenial = {
	readonly form: DenialForm;
	readonly principal?: string;
	/** As AWS wrote it, with the service prefix lower-cased (`SNS:Publish` → `sns:Publish`). */
	readonly action?: string;
	readonly resource?: string;
	readonly policyType?: PolicyType;
	/** "… in a VPC endpoint policy transitively through a service control policy": the second type. */
	readonly throughPolicyType?: PolicyType;
	readonly denial?: 'implicit' | 'explicit';
	/**
	 * Every 12-digit account of the request the text names, the principal's first; not the account that owns a policy the
	 * message names (an SCP's is the organization's management account, in no way part of the request): `policyArn` has it.
	 */
	readonly accounts: readonly string[];
	readonly operation?: Operation;
	/** `AccessDenied`, `AccessDeniedException`, `KMS.DisabledException`, `403`… */
	readonly errorCode?: string;
	/** The API call that failed (`UploadPart`), or the CloudTrail eventName. */
	readonly apiOperation?: string;
	/** `s3`, `kms`, `sts`… */
	readonly service?: string;
	/** The service whose answer the text is, where its wrapping names one (Java's "Service: AWSKMS", Go's "operation error S3"). */
	readonly respondingService?: string;
	readonly statusCode?: number;
	readonly requestId?: string;
	/** The ARN of the denying policy, when AWS added it (same account or organization only). */
	readonly policyArn?: string;
	/** The id to pass to GetRequestAuthorizationDetails. */
	readonly authorizationId?: string;
	/** The encoded authorization failure message (EC2, STS), for sts:DecodeAuthorizationMessage. */
	readonly encodedMessage?: string;
	/** An encoded message longer than STS decodes: its length (the token is not kept, nor offered to decode). */
	readonly overlongEncodedMessage?: number;
	/** A "because …" that is not "no TYPE policy allows …" (S3 Block Public Access, blocked SSE-C). */
	readonly reason?: string;
	/** The text stops inside AWS's sentence: which policy refused was cut off. */
	readonly truncated?: true;
	readonly cause?: KnownCause;
	/** The AWS message itself, without the SDK's wrapping. */
	readonly message?: string;
	/** From CloudTrail: `requestParameters.encryptionContext` of a KMS call. */
	readonly encryptionContext?: Readonly<Record<string, string>>;
	/**
	 * The object `aws s3 cp` was transferring ("upload failed: ./f to s3://bucket/key"): its bucket and key, as the URL
	 * names them (a URL names no partition: `resource` is its ARN only where the message's ARNs name the partition).
	 * From CloudTrail: `requestParameters.bucketName` and `key` of an event whose partition nothing names (no `resource`).
	 */
	readonly object?: S3Location;
	/** The object a copy read ("copy failed: s3://source/key to s3://bucket/key"). */
	readonly sourceObject?: S3Location;
	/** The tool the text proves made the request: "upload failed: …" is how the AWS CLI's `aws s3` commands report. */
	readonly tool?: UploadTool;
	/** From CloudTrail: the role behind the assumed-role session (`sessionContext.sessionIssuer.arn`), its path included. */
	readonly roleArn?: string;
	/** From CloudTrail: the key named in the KMS call. */
	readonly keyId?: string;
	/** From CloudTrail: the service that called on the principal's behalf (`s3.amazonaws.com`). */
	readonly invokedBy?: string;
	readonly region?: string;
	readonly time?: string;
	/** Athena said it could not read or write this S3 location (then `operation` is service-read or service-write). */
	readonly athena?: AthenaRefusal;
	/** Other denied events of the same CloudTrail file. */
	readonly alsoDenied?: readonly ParsedDenial[];
};

export type ParseFailure = {
	readonly message: string;
	/** What the parser can read, in words the user can act on. */
	readonly expected: string;
};

export type DenialExplanation = {
	/** One sentence: what was refused and by what. */
	readonly summary: string;
	readonly meaning: readonly string[];
	/** Which grants or settings to look at next, most likely first. */
	readonly checkNext: readonly string[];
};
