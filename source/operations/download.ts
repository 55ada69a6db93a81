import type {OperationModule} from './types.js';

/**
 * A download reads an existing object: s3:GetObject on it, and kms:Decrypt on the key that encrypted that object
 * (HeadObject's SSEKMSKeyId, which may differ from the bucket's current default), which S3 calls for the caller.
 * The request names no key; it never goes in parts (ranged reads need the same permissions).
 */
export const download: OperationModule<'download'> = {
	name: 'download',
	legs: {
		destination: {
			side: 'destination',
			actor: {kind: 'caller'},
			keyWords: "object's key",
			facts: {object: true, key: 'object'},
			questions: {
				bucket: 'Which bucket?',
				objectKmsKey: {title: "Object's key", prompt: 'Which KMS key encrypts the object? (its ARN; aws s3api head-object shows SSEKMSKeyId)'},
			},
			actions: [
				{service: 's3', action: 's3:GetObject', when: 'always', sendsKeyHeaders: false, purpose: () => 'GetObject reads the object'},
				{service: 'kms', action: 'kms:Decrypt', when: 'always', purpose: () => "S3 asks KMS to decrypt the object's data key (the request names no key: S3 knows it)"},
			],
		},
	},
	multipart: {inParts: false, why: 'a download is a single GetObject (ranged reads need the same permissions)'},
	wording: {
		label: 'Download',
		hint: 'GetObject',
		phrase: 'download of',
		doing: question => `Downloading s3://${question.bucket}/${question.objectKey}`,
		request: question => `the download of s3://${question.bucket}/${question.objectKey}`,
	},
	recognition: {
		apiCalls: [{name: 'GetObject'}, {name: 'HeadObject'}, {name: 'GetObjectAttributes'}, {name: 'SelectObjectContent'}],
		// A copy reads its source with s3:GetObject too: the action alone settles nothing.
		actions: [],
		cliTransfers: [{verb: 'download', object: 'from'}],
	},
	findings: [],
};
