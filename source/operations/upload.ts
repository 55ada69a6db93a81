import {formatSize} from '../shared/format-size.js';
import {decryptForParts, generateDataKey, multipartRequiresDecrypt} from './multipart-upload.js';
import type {OperationModule} from './types.js';

/**
 * An upload writes a new object with SSE-KMS: s3:PutObject on the object, and the KMS calls S3 makes with the
 * caller's credentials on the key the request names (else the bucket default's): kms:GenerateDataKey, and
 * kms:Decrypt too when the tool switches to multipart upload.
 */
export const upload: OperationModule<'upload'> = {
	name: 'upload',
	legs: {
		destination: {
			side: 'destination',
			actor: {kind: 'caller'},
			keyWords: 'key',
			facts: {object: false, key: 'request-or-bucket-default'},
			questions: {bucket: 'Which bucket?'},
			actions: [
				{
					service: 's3',
					action: 's3:PutObject',
					when: 'always',
					sendsKeyHeaders: true,
					purpose: request => {
						const size = request.sizeBytes === undefined ? 'of unknown size' : `of ${formatSize(request.sizeBytes)}`;
						// Below the threshold, a message or the user said it went in parts: the threshold did not decide it.
						const above = request.sizeBytes !== undefined && request.sizeBytes < request.multipartThresholdBytes ? '' : `, multipart above ${formatSize(request.multipartThresholdBytes)}`;
						return request.multipart === 'yes'
							? `CreateMultipartUpload, UploadPart and CompleteMultipartUpload write the object (${size}${above})`
							: `PutObject writes the object (${size})`;
					},
				},
				generateDataKey,
				decryptForParts,
			],
		},
	},
	multipart: {inParts: true, noun: 'a multipart upload', verb: 'uploads', passive: 'goes up', oneRequestNeeds: 'kms:GenerateDataKey only'},
	wording: {
		label: 'Upload',
		hint: 'PutObject, multipart upload',
		phrase: 'upload to',
		doing: question => `Uploading to s3://${question.bucket}/${question.objectKey}`,
		request: question => `the upload of s3://${question.bucket}/${question.objectKey}`,
	},
	recognition: {
		apiCalls: [{name: 'PutObject'}, {name: 'PostObject'}, {name: 'CreateMultipartUpload', multipart: true}, {name: 'UploadPart', multipart: true}, {name: 'CompleteMultipartUpload', multipart: true}],
		// A copy writes its destination with both, and a service or CloudFront may: the action alone settles nothing.
		actions: [],
		cliTransfers: [{verb: 'upload', object: 'to'}],
	},
	findings: [multipartRequiresDecrypt],
};
