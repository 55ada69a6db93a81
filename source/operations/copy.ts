import {formatSize} from '../shared/format-size.js';
import {decryptForParts, generateDataKey, inPartsRequiresDecrypt} from './multipart-upload.js';
import type {OperationModule} from './types.js';

/**
 * A copy (CopyObject into question.bucket) is two legs made by the caller: it reads the source object as a
 * download does (s3:GetObject, kms:Decrypt on the source object's key), then writes the destination as an upload
 * does (s3:PutObject, kms:GenerateDataKey on the destination's key, kms:Decrypt as well for a multipart copy).
 */
/** Why large copies fail while small ones work: the upload finding, in a copy's words. */
const copyInPartsRequiresDecrypt = inPartsRequiresDecrypt({
	inParts: ({sizeBytes, multipart, thresholdUnknown}, threshold) =>
		sizeBytes === undefined
			? thresholdUnknown
				? 'Large objects may be copied in parts (when the tool switches to UploadPartCopy is not known)'
				: `Large objects are copied in parts (UploadPartCopy from ${threshold}, or from the threshold the tool was set to)`
			: multipart === 'yes'
				? `A ${formatSize(sizeBytes)} object is copied in parts (UploadPartCopy from ${threshold}; S3 has no minimum size for a single part)`
				: `A ${formatSize(sizeBytes)} object may be copied in parts (when the tool switches to UploadPartCopy is not known)`,
	needs: "a copy in parts to an SSE-KMS destination needs kms:Decrypt as well as kms:GenerateDataKey on the destination's key",
	symptom: 'That is why small objects copy but large ones fail with AccessDenied.',
});

export const copy: OperationModule<'copy'> = {
	name: 'copy',
	legs: {
		source: {
			side: 'source',
			actor: {kind: 'caller'},
			keyWords: "source object's key",
			facts: {object: true, key: 'object'},
			questions: {
				bucket: 'Which bucket does it copy from?',
				objectKmsKey: {title: "Source object's key", prompt: 'Which KMS key encrypts the source object? (its ARN; aws s3api head-object shows it)'},
			},
			actions: [
				{service: 's3', action: 's3:GetObject', when: 'always', sendsKeyHeaders: false, purpose: () => 'CopyObject reads the source object'},
				{service: 'kms', action: 'kms:Decrypt', when: 'always', purpose: () => "S3 decrypts the source object's data key to read it"},
			],
		},
		destination: {
			side: 'destination',
			actor: {kind: 'caller'},
			keyWords: 'key',
			facts: {object: false, key: 'request-or-bucket-default'},
			questions: {bucket: 'Which bucket does it copy to?'},
			actions: [
				{
					service: 's3',
					action: 's3:PutObject',
					when: 'always',
					sendsKeyHeaders: true,
					// A copy in parts calls UploadPartCopy, not UploadPart, and reads a source object, not a file.
					purpose: request =>
						request.multipart === 'yes'
							? `CreateMultipartUpload, UploadPartCopy and CompleteMultipartUpload write the destination object (${request.sizeBytes === undefined ? 'of unknown size' : `of ${formatSize(request.sizeBytes)}`}, copied in parts above ${formatSize(request.multipartThresholdBytes)})`
							: 'CopyObject writes the destination object',
				},
				generateDataKey,
				{
					...decryptForParts,
					purpose: request =>
						request.multipart === 'yes'
							? "UploadPartCopy and CompleteMultipartUpload: S3 decrypts the destination's upload data key to encrypt and assemble each part"
							: "needed if the copy is made in parts (the source object's size is not known; tools copy large objects with UploadPartCopy)",
				},
			],
		},
	},
	multipart: {
		inParts: true,
		noun: 'a multipart copy',
		verb: 'copies',
		passive: 'is copied',
		oneRequestNeeds: "kms:GenerateDataKey on the destination's key (and kms:Decrypt on the source's)",
	},
	wording: {
		label: 'Copy',
		hint: 'CopyObject, from one object to another',
		phrase: 'copy to',
		// Without its source a copy says only what it writes.
		doing: question =>
			question.source
				? `Copying s3://${question.source.bucket}/${question.source.objectKey} to s3://${question.bucket}/${question.objectKey}`
				: `Uploading to s3://${question.bucket}/${question.objectKey}`,
		request: question =>
			`the copy of ${question.source ? `s3://${question.source.bucket}/${question.source.objectKey} to ` : ''}s3://${question.bucket}/${question.objectKey}`,
	},
	recognition: {
		apiCalls: [{name: 'CopyObject'}, {name: 'UploadPartCopy', multipart: true}],
		actions: [],
		// `aws s3 mv` copies, then deletes the source.
		cliTransfers: [
			{verb: 'copy', object: 'to'},
			{verb: 'move', object: 'to'},
		],
	},
	findings: [copyInPartsRequiresDecrypt],
};
