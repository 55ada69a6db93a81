import {cloudfrontDownload} from './cloudfront-download.js';
import {generateDataKey} from './multipart-upload.js';
import type {OperationModule} from './types.js';

/**
 * A viewer's PUT through CloudFront, which writes the object to its S3 origin with origin access control: the same
 * service principal, distribution, findings and context as cloudfront-download, writing instead of reading. OAC
 * supports "Dynamic requests (PUT and DELETE) to Amazon S3" (CloudFront Developer Guide, "Restrict access to an
 * Amazon S3 origin"). S3 asks KMS for the new object's data key (kms:GenerateDataKey), with the bucket's default key:
 * what headers CloudFront forwards from the viewer is the distribution's configuration, which nothing here reads.
 */
export const cloudfrontUpload: OperationModule<'cloudfront-upload'> = {
	...cloudfrontDownload,
	name: 'cloudfront-upload',
	legs: {
		destination: {
			...cloudfrontDownload.legs.destination,
			keyWords: 'key',
			facts: {object: false, key: 'request-or-bucket-default'},
			questions: {bucket: "Which bucket is the distribution's origin?"},
			actions: [
				{service: 's3', action: 's3:PutObject', when: 'always', sendsKeyHeaders: false, purpose: () => 'CloudFront writes the object to its S3 origin (a viewer PUT)'},
				{...generateDataKey, purpose: () => 'S3 asks KMS for a data key to encrypt the new object for CloudFront'},
			],
		},
	},
	multipart: {inParts: false, why: 'CloudFront forwards a viewer PUT as one PutObject'},
	wording: {
		label: 'Upload through CloudFront',
		hint: 'a viewer PUT, origin access control (OAC)',
		phrase: 'CloudFront upload to',
		doing: question => `CloudFront writing s3://${question.bucket}/${question.objectKey}`,
		request: question => `CloudFront's write of s3://${question.bucket}/${question.objectKey}`,
	},
};
