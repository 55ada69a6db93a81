import type {ErrorObject, Options} from 'ajv';
import {operationNames, operationsWithSource} from './operation-names.js';
import {namePatterns} from '../names/index.js';
import {assumptionIds} from './assumptions.js';
import {distribution, presignedUrl, replication, service} from './snapshot-schema-requests.js';
import {bucketInfo, keyGrant, keyInfo, nonEmptyString, objectInfo, patterned, stringMap} from './snapshot-schema-resources.js';
import {validate as generatedValidator} from './snapshot-validator.generated.js';

/**
 * The JSON Schema of `s3-kms-doctor/snapshot@1`, mirroring snapshot.ts field for field.
 * docs/snapshot.schema.json is this object written out (a test keeps the two equal), so editors can
 * validate a snapshot as it is typed. Absent = unknown, `null` = known none: only fields whose type
 * allows `null` accept it. Our own objects reject unknown fields; policy documents are free-form.
 */

const question = {
	type: 'object',
	description: 'What the user tried.',
	required: ['operation', 'bucket', 'objectKey'],
	properties: {
		operation: {enum: operationNames, description: 'upload, download, copy (CopyObject into question.bucket), cloudfront-download or cloudfront-upload (CloudFront with OAC reads or writes the object), presigned-download or presigned-upload (a presigned URL, made as its signer), service-read or service-write (an AWS service such as Athena or Glue reads or writes the object; see service), replication (S3 replicates question.source to question.bucket as the rule\'s role).'},
		bucket: patterned('bucketName', 'The bucket written to (upload, copy) or read from (download).'),
		objectKey: {...nonEmptyString, description: 'The object key.'},
		sizeBytes: {type: 'integer', minimum: 0, description: 'Size of the object in bytes; decides multipart.'},
		multipart: {type: 'boolean', description: 'Known from the request itself (an error from UploadPart): whether it went in parts. Size and tool then do not decide.'},
		multipartThresholdBytes: {
			type: 'integer',
			minimum: 1,
			description: "Above this size the tool uploads in parts. Default 8388608 (8 MiB, the AWS CLI's).",
		},
		tool: {enum: ['aws-cli', 'sdk', 'sdk-js', 'boto3', 'dotnet', 'console', 'other'], description: 'The tool that made the request.'},
		kmsKeyId: {
			...nonEmptyString,
			description: "The key named in the request (upload, copy) or the object's key (download): key ID, key ARN, alias name or alias ARN.",
		},
		source: {$ref: '#/$defs/copySource'},
	},
	additionalProperties: false,
	// A copy has nothing to read without its source.
	if: {required: ['operation'], properties: {operation: {enum: operationsWithSource}}},
	then: {required: ['source']},
} as const;

const copySource = {
	type: 'object',
	description: 'copy: the object copied from; replication: the source object replicated.',
	required: ['bucket', 'objectKey'],
	properties: {
		bucket: patterned('bucketName', 'The source bucket.'),
		objectKey: {...nonEmptyString, description: 'The source object key.'},
		kmsKeyId: {...nonEmptyString, description: "The source object's key, when known."},
	},
	additionalProperties: false,
} as const;

const principal = {
	type: 'object',
	description: 'The caller: who made the request, and the policies that apply to them.',
	required: ['arn'],
	properties: {
		arn: patterned('principalArn', 'IAM user, role, or assumed-role session ARN.'),
		roleArn: patterned('roleArn', 'For a session: the role behind it, with its path, as GetRole returns it.'),
		userId: {...nonEmptyString, description: 'The unique ID (AIDA… or AROA…:session), for aws:userid.'},
		identityPolicies: {
			type: 'array',
			items: {type: 'object', $ref: '#/$defs/namedPolicy'},
			description: "Every identity policy of the caller: inline, managed, and its groups'. [] means it has none.",
		},
		permissionsBoundary: {type: ['object', 'null'], $ref: '#/$defs/namedPolicy', description: 'null: no permissions boundary.'},
		permissionsBoundaryArn: patterned('resourceArn', "The boundary's managed policy ARN, as GetRole or GetUser named it, where its document was not read (permissionsBoundary absent)."),
		sessionPolicy: {type: ['object', 'null'], description: 'null: no session policy. Cannot be read from AWS, only pasted.'},
		tags: {...stringMap, description: "Principal tags, for aws:PrincipalTag conditions; for a session, its role's own tags (GetRole), which its session tags override."},
		sessionTags: {
			...stringMap,
			type: ['object', 'null'],
			description:
				'For a session: the tags passed when it was created (and those inherited in a role chain), which AWS cannot read back (CloudTrail shows them); null: none were passed. Absent: every aws:PrincipalTag key is unknown.',
		},
		organizationId: {
			type: ['string', 'null'],
			pattern: namePatterns.organizationId.pattern,
			description: "The caller account's organization ID, for aws:PrincipalOrgID; null: in no organization.",
		},
		trustPolicy: {$ref: '#/$defs/policyDocument', description: "For a role: its trust policy (GetRole's AssumeRolePolicyDocument)."},
	},
	additionalProperties: false,
} as const;

const organizationLevels = {
	type: 'array',
	items: {
		type: 'array',
		description: 'One level of the organization tree: policy documents, or {name, arn, document} objects.',
		items: {type: 'object', if: {required: ['document']}, then: {$ref: '#/$defs/namedPolicy'}},
	},
} as const;

const organization = {
	type: 'object',
	properties: {
		serviceControlPolicies: {
			...organizationLevels,
			description: "SCPs of the caller's account, root level first, the account's own level last. []: no SCPs apply.",
		},
		resourceControlPolicies: {...organizationLevels, description: "RCPs of the resource's account, in the same order. []: no RCPs apply."},
	},
	additionalProperties: false,
} as const;

const unreadNote = {
	type: 'object',
	required: ['path', 'reason'],
	properties: {
		path: {...nonEmptyString, description: 'Dotted path of the unknown field, e.g. key.policy.'},
		reason: {...nonEmptyString, description: 'Why it could not be read.'},
		resolveWith: {...nonEmptyString, description: 'The permission or paste that would fill it.'},
	},
	additionalProperties: false,
} as const;

const metadata = {
	type: 'object',
	properties: {
		title: {type: 'string'},
		description: {type: 'string'},
		createdAt: {type: 'string', description: 'ISO 8601 date and time.'},
		collectedBy: {enum: ['live', 'manual', 'bundle', 'example']},
		redacted: {type: 'boolean', description: 'Account IDs and names were replaced by placeholders.'},
		profiles: {
			type: 'array',
			maxItems: 3,
			description: "live: the named AWS CLI profiles read with; every AWS CLI command the report writes (a fix's, a remedy's, a read that settles an unknown) names the one of the account that runs it (--profile).",
			items: {
				type: 'object',
				required: ['name', 'arn', 'roles'],
				properties: {
					name: patterned('profileName', 'The profile name.'),
					arn: patterned('principalArn', 'Who its credentials are (sts:GetCallerIdentity): its account is the profile\'s.'),
					roles: {
						type: 'array',
						minItems: 1,
						uniqueItems: true,
						items: {enum: ['caller', 'bucket', 'key']},
						description: "Its part: the caller's profile (--profile, AWS_PROFILE), the bucket's account's (--bucket-profile), the key's account's (--key-profile).",
					},
				},
				additionalProperties: false,
			},
		},
	},
	additionalProperties: false,
} as const;

export const snapshotSchema = {
	$schema: 'https://json-schema.org/draft/2020-12/schema',
	$id: 'urn:s3-kms-doctor:snapshot:1',
	title: 's3-kms-doctor snapshot',
	description: 'Everything known about one S3 request on an SSE-KMS object. Absent means unknown; null means known to be none. See docs/snapshot.md.',
	type: 'object',
	required: ['format', 'question'],
	properties: {
		$schema: {type: 'string', description: 'Optional: the path or URL of this schema, for editors.'},
		format: {const: 's3-kms-doctor/snapshot@1'},
		metadata: {$ref: '#/$defs/metadata'},
		question: {$ref: '#/$defs/question'},
		principal: {$ref: '#/$defs/principal'},
		bucket: {$ref: '#/$defs/bucketInfo'},
		object: {$ref: '#/$defs/objectInfo'},
		key: {$ref: '#/$defs/keyInfo'},
		source: {
			type: 'object',
			description: 'copy, replication: facts of the source bucket, object and key.',
			properties: {
				bucketInfo: {$ref: '#/$defs/bucketInfo'},
				objectInfo: {$ref: '#/$defs/objectInfo'},
				keyInfo: {$ref: '#/$defs/keyInfo'},
			},
			additionalProperties: false,
		},
		organization: {$ref: '#/$defs/organization'},
		distribution: {$ref: '#/$defs/distribution'},
		presignedUrl: {$ref: '#/$defs/presignedUrl'},
		replication: {$ref: '#/$defs/replication'},
		service: {$ref: '#/$defs/service'},
		requestContext: {
			type: 'object',
			description: 'Other condition keys of the request (aws:SourceIp, aws:SourceVpce, …); null: known to be absent.',
			additionalProperties: {type: ['string', 'number', 'boolean', 'array', 'null'], items: {type: ['string', 'number', 'boolean']}},
		},
		unread: {type: 'array', items: {$ref: '#/$defs/unreadNote'}, description: 'Why fields are missing, and what would fill them.'},
		evidence: {
			type: 'array',
			maxItems: 16,
			description: 'What a pasted AccessDenied message proved: the policy type that denied an action, explicitly or because none of that type allows it.',
			items: {
				type: 'object',
				required: ['deniedBy', 'action'],
				properties: {
					deniedBy: {
						enum: ['scp', 'rcp', 'identity', 'resource', 'boundary', 'session', 'vpc-endpoint'],
						description: 'The policy type AWS named: scp, rcp, identity (identity-based), resource (resource-based: the bucket policy for an s3: action, the key policy for a kms: one), boundary (permissions boundary), session (session policy), vpc-endpoint (the policy of the VPC endpoint the request went through, which no snapshot holds).',
					},
					action: {...nonEmptyString, description: 'The action AWS named, e.g. s3:PutObject.'},
					deny: {
						enum: ['explicit', 'implicit'],
						description: 'How AWS said it denied: "with an explicit deny in a …" (explicit) or "because no … allows the ACTION action" (implicit). Absent: explicit, what snapshots written before this field meant.',
					},
					policyArn: {...nonEmptyString, description: 'The denying policy, when AWS named it.'},
					resource: patterned('resourceArn', 'The resource the message names ("on resource: ARN"), as an ARN: tells which leg it is about where two need the action.'),
				},
				additionalProperties: false,
			},
		},
		assumptions: {
			type: 'array',
			maxItems: 16,
			description: 'Facts taken as given without reading them; each is shown beside the verdict.',
			items: {
				type: 'object',
				required: ['id'],
				properties: {
					id: {enum: [...assumptionIds], description: 'The assumed fact.'},
					because: {...nonEmptyString, description: 'Where it comes from, when not the user\'s own choice.'},
				},
				additionalProperties: false,
			},
		},
	},
	additionalProperties: false,
	$defs: {
		metadata,
		question,
		copySource,
		principal,
		bucketInfo,
		objectInfo,
		keyInfo,
		keyGrant,
		organization,
		distribution,
		presignedUrl,
		replication,
		service,
		unreadNote,
		// No `type` here: each use says whether null is allowed.
		namedPolicy: {
			required: ['name', 'document'],
			properties: {
				name: {...nonEmptyString, description: 'The policy name, e.g. the inline policy name or the managed policy name.'},
				arn: {...nonEmptyString, description: 'The managed policy ARN, when it is one.'},
				document: {$ref: '#/$defs/policyDocument'},
			},
			additionalProperties: false,
		},
		encryption: {
			required: ['algorithm'],
			properties: {
				algorithm: {enum: ['aws:kms', 'aws:kms:dsse', 'AES256']},
				kmsKeyId: {...nonEmptyString, description: 'The key: key ARN (best), key ID, alias name or alias ARN.'},
				bucketKeyEnabled: {type: 'boolean', description: 'S3 Bucket Keys are on.'},
			},
			additionalProperties: false,
		},
		policyDocument: {type: 'object', description: 'An IAM policy document as AWS returns it: {"Version": "2012-10-17", "Statement": [...]}.'},
	},
} as const;

/** The options the validator is compiled with (by the test that writes snapshot-validator.generated.ts). */
export const snapshotAjvOptions = {
	allErrors: true,
	// Errors carry the failing value and schema, for messages that name the allowed fields.
	verbose: true,
	strictTypes: false,
	code: {source: true, esm: true, lines: true},
} as const satisfies Options;

export type SnapshotValidator = {
	(data: unknown): boolean;
	errors?: readonly ErrorObject[] | null;
};

/**
 * The schema compiled ahead of time by ajv's standalone code generation: compiling at run time would cost
 * `check` some 85 ms of its 250 ms budget, the generated code under 5 ms. The schema test regenerates it
 * and fails when it differs from this schema.
 */
export const validateSnapshotSchema: SnapshotValidator = generatedValidator as SnapshotValidator;
