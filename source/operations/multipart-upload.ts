import type {Question, UploadTool} from '../snapshot/snapshot.js';
import {formatSize} from '../shared/format-size.js';
import {actionId, type FindingInput, type KmsAction, type Multipart, type OperationFinding} from './types.js';

/**
 * Upload knowledge that a copy shares: when tools switch to multipart, and what writing a new SSE-KMS object
 * needs of KMS (kms:GenerateDataKey, and kms:Decrypt as well when it goes in parts).
 */

const MiB = 1024 * 1024;

/** Where each tool switches to multipart upload (docs/snapshot.md tables them). `undefined`: not documented. */
export const multipartThresholds: Readonly<Record<UploadTool, number | undefined>> = {
	'aws-cli': 8 * MiB,
	sdk: 8 * MiB,
	boto3: 8 * MiB,
	// @aws-sdk/lib-storage sends one PutObject when the body fits in one 5 MiB part.
	'sdk-js': 5 * MiB,
	// TransferUtility's default is 16 * 2^20 bytes (its docs say "16 MB").
	dotnet: 16 * MiB,
	console: undefined,
	other: 8 * MiB,
};

export const defaultMultipartThreshold = 8 * MiB;

/** A multipart part is at least 5 MiB, so nothing smaller is ever uploaded in parts. */
export const smallestMultipartSize = 5 * MiB;

export type MultipartQuestion = Pick<Question, 'sizeBytes' | 'tool' | 'multipartThresholdBytes'>;

/** Multipart from size and tool: `unknown` when they do not decide it (then both cases are checked). `inParts`: the operation can go in parts at all. */
export const decideMultipartOf = (question: MultipartQuestion, inParts: boolean): {multipart: Multipart; threshold: number} => {
	const toolThreshold = question.tool ? multipartThresholds[question.tool] : defaultMultipartThreshold;
	const threshold = question.multipartThresholdBytes ?? toolThreshold ?? defaultMultipartThreshold;
	if (!inParts) return {multipart: 'no', threshold};
	if (question.sizeBytes === undefined) return {multipart: 'unknown', threshold};
	if (question.sizeBytes < smallestMultipartSize) return {multipart: 'no', threshold};
	if (question.multipartThresholdBytes === undefined && toolThreshold === undefined) return {multipart: 'unknown', threshold};
	return {multipart: question.sizeBytes >= threshold ? 'yes' : 'no', threshold};
};

/** S3 asks KMS for the data key of the object it writes. */
export const generateDataKey: KmsAction = {
	service: 'kms',
	action: 'kms:GenerateDataKey',
	when: 'always',
	purpose: () => 'S3 asks KMS for a data key to encrypt the new object',
};

/** Each part after the first needs the upload's data key back: kms:Decrypt, which a single PutObject never needs. */
export const decryptForParts: KmsAction = {
	service: 'kms',
	action: 'kms:Decrypt',
	when: 'multipart',
	purpose: request =>
		request.multipart === 'yes'
			? "UploadPart and CompleteMultipartUpload: S3 decrypts the upload's data key to encrypt and assemble each part"
			: 'needed if the upload is multipart (the file size is not known; tools switch to multipart for large files)',
};

/** "Small files upload but large ones fail": kms:GenerateDataKey is granted, kms:Decrypt is not, and the request goes in parts. */
export const multipartRequiresDecrypt = ({request, decisionOf}: FindingInput): OperationFinding | undefined => {
	if (request.multipart === 'no') return undefined;
	if (decisionOf(actionId('kms:GenerateDataKey', 'destination')) === 'denied' || decisionOf(actionId('kms:Decrypt', 'destination')) !== 'denied') return undefined;
	const size = request.sizeBytes === undefined ? 'Large files' : `A ${formatSize(request.sizeBytes)} file`;
	return {
		id: 'multipart-requires-decrypt',
		severity: 'warning',
		message: `${size} ${request.sizeBytes === undefined ? 'are' : 'is'} uploaded in parts (multipart above ${formatSize(request.multipartThresholdBytes)}), and multipart upload with SSE-KMS needs kms:Decrypt as well as kms:GenerateDataKey. That is why small files upload but large ones fail with AccessDenied.`,
		remedy: 'Grant kms:Decrypt on the key (see the fixes below).',
	};
};
