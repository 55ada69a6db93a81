import {generateDataKey} from './multipart-upload.js';
import {presignedContext, settleSigner, signerNotNamed, sigV2CannotUseKms, temporaryCredentialsExpire, uploadSignsSseHeaders} from './presigned-url.js';
import type {OperationModule} from './types.js';

/**
 * An upload with a presigned URL: one PutObject (a URL presigns one request), made by the URL's signer when it is
 * used: s3:PutObject, and kms:GenerateDataKey on the key the request names, else the bucket default's.
 */
export const presignedUpload: OperationModule<'presigned-upload'> = {
	name: 'presigned-upload',
	legs: {
		destination: {
			side: 'destination',
			actor: {kind: 'caller'},
			keyWords: 'key',
			facts: {object: false, key: 'request-or-bucket-default'},
			questions: {bucket: 'Which bucket?'},
			actions: [
				{service: 's3', action: 's3:PutObject', when: 'always', sendsKeyHeaders: true, purpose: () => 'PUT to the presigned URL writes the object'},
				generateDataKey,
			],
		},
	},
	multipart: {inParts: false, why: 'a presigned URL signs one PutObject'},
	wording: {
		label: 'Upload with a presigned URL',
		hint: 'PUT, as the signer',
		phrase: 'presigned upload to',
		doing: question => `Uploading to s3://${question.bucket}/${question.objectKey} with a presigned URL`,
		request: question => `the presigned upload of s3://${question.bucket}/${question.objectKey}`,
	},
	recognition: {apiCalls: [], actions: [], cliTransfers: []},
	findings: [sigV2CannotUseKms, temporaryCredentialsExpire, signerNotNamed, uploadSignsSseHeaders],
	requestContext: presignedContext,
	givenFact: 'presigned-url',
	settleCaller: settleSigner,
};
