import {decryptForParts, generateDataKey, multipartRequiresDecrypt} from './multipart-upload.js';
import {networkConditionThroughService, serviceActsAs, serviceNotNamed, serviceRoleNotNamed} from './service-access.js';
import {serviceRead} from './service-read.js';
import type {OperationModule} from './types.js';

/**
 * An AWS service writes an object (Athena's query results, a Glue or EMR job's output, Firehose's deliveries …):
 * s3:PutObject and kms:GenerateDataKey on the key it names, else the bucket default's, and kms:Decrypt when it writes
 * in parts — when a service switches to multipart upload is its own, undocumented, so without a size that is unknown
 * and both are checked. The same actor and context as service-read.
 */
export const serviceWrite: OperationModule<'service-write'> = {
	...serviceRead,
	name: 'service-write',
	legs: {
		destination: {
			...serviceRead.legs.destination,
			keyWords: 'key',
			facts: {object: false, key: 'request-or-bucket-default'},
			questions: {bucket: 'Which bucket does the service write to?'},
			actions: [
				{service: 's3', action: 's3:PutObject', when: 'always', sendsKeyHeaders: true, purpose: () => 'the service writes the object (PutObject, or a multipart upload)'},
				{...generateDataKey, purpose: () => "S3 asks KMS for a data key to encrypt the service's new object"},
				decryptForParts,
			],
		},
	},
	multipart: {inParts: true, noun: 'a multipart upload', verb: 'writes', passive: 'is written', oneRequestNeeds: 'kms:GenerateDataKey only', thresholdUndocumented: true},
	wording: {
		label: 'An AWS service writes my data',
		hint: "Athena's query results, a Glue or EMR job's output, Firehose deliveries",
		phrase: 'AWS service write to',
		doing: question => `An AWS service writing s3://${question.bucket}/${question.objectKey}`,
		request: question => `the AWS service's write of s3://${question.bucket}/${question.objectKey}`,
	},
	findings: [serviceActsAs, serviceNotNamed, serviceRoleNotNamed, networkConditionThroughService(['s3:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt']), multipartRequiresDecrypt],
};
