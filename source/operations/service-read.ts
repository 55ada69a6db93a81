import {networkConditionThroughService, serviceActsAs, serviceContext, serviceS3Request, serviceNotNamed, serviceRoleNotNamed} from './service-access.js';
import type {OperationModule} from './types.js';

/**
 * An AWS service (Athena, Glue, EMR, Lambda, Redshift Spectrum, SageMaker AI, Firehose) reads an existing object:
 * s3:GetObject, and kms:Decrypt on the object's own key, made by whoever the service acts as — the caller through a
 * forward access session (Athena), or a role of the service's, which the snapshot's principal then is. Which is
 * which, and the AWS page that says so, is aws-services.ts's table.
 */
export const serviceRead: OperationModule<'service-read'> = {
	name: 'service-read',
	legs: {
		destination: {
			side: 'destination',
			actor: {kind: 'caller'},
			keyWords: "object's key",
			facts: {object: true, key: 'object'},
			questions: {
				bucket: 'Which bucket holds the data?',
				objectKmsKey: {title: "Object's key", prompt: 'Which KMS key encrypts the object? (its ARN; aws s3api head-object shows SSEKMSKeyId)'},
			},
			actions: [
				{service: 's3', action: 's3:GetObject', when: 'always', sendsKeyHeaders: false, purpose: () => 'the service reads the object (GetObject)'},
				{service: 'kms', action: 'kms:Decrypt', when: 'always', purpose: () => "S3 asks KMS to decrypt the object's data key for the service's request"},
			],
		},
	},
	multipart: {inParts: false, why: 'a read is GetObject (ranged reads need the same permissions)'},
	wording: {
		label: 'An AWS service reads my data',
		hint: 'Athena, Glue, EMR, Lambda, Redshift Spectrum, SageMaker AI, Firehose',
		phrase: 'AWS service read of',
		doing: question => `An AWS service reading s3://${question.bucket}/${question.objectKey}`,
		request: question => `the AWS service's read of s3://${question.bucket}/${question.objectKey}`,
	},
	// A service reports the failure in its own words (a query's error, a job's log): nothing in a message names this operation.
	recognition: {apiCalls: [], actions: [], cliTransfers: []},
	findings: [serviceActsAs, serviceNotNamed, serviceRoleNotNamed, networkConditionThroughService(['s3:GetObject', 'kms:Decrypt'])],
	requestContext: serviceContext,
	serviceRequest: serviceS3Request,
	givenFact: 'service',
};
