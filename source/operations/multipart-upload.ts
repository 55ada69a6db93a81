import type {Question, UploadTool} from '../snapshot/question.js';
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
	boto3: 8 * MiB,
	// @aws-sdk/lib-storage sends one PutObject when the body fits in one 5 MiB part.
	'sdk-js': 5 * MiB,
	// TransferUtility's default is 16 * 2^20 bytes (its docs say "16 MB").
	dotnet: 16 * MiB,
	console: undefined,
	// Which SDK, which tool, which setting: not said, so when it switches is not known (a plain PutObject never does).
	sdk: undefined,
	other: undefined,
};

export const defaultMultipartThreshold = 8 * MiB;

/**
 * @aws-sdk/lib-storage at exactly its part size: a Buffer body is one chunk, the last, and "Use put instead of
 * multi-part for one chunk uploads"; a stream yields a full first part before it knows it was the last, so it goes
 * in parts. The body's type, which neither the size nor the tool tells, decides.
 */
export const bodyTypeDecides = (question: {readonly tool?: UploadTool | undefined; readonly sizeBytes?: number | undefined}, threshold: number): boolean =>
	question.tool === 'sdk-js' && question.sizeBytes === threshold;

/** What bodyTypeDecides means, in a sentence's clause. */
export const bodyTypeWords = (size: string): string => `at exactly its ${size} part size, @aws-sdk/lib-storage sends a Buffer as one PutObject but a stream in parts`;

export type MultipartQuestion = Pick<Question, 'sizeBytes' | 'tool' | 'multipartThresholdBytes' | 'multipart'>;

/** The API calls only a multipart upload (or a copy in parts) makes: an error from one proves the request went in parts. */
const multipartCalls: ReadonlySet<string> = new Set(['CreateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload']);

export const provesMultipart = (apiOperation: string | undefined): boolean => apiOperation !== undefined && multipartCalls.has(apiOperation);

/** The API calls that are a whole write in one request ("Upload an object in a single operation"): never a part of one. */
const oneRequestCalls: ReadonlySet<string> = new Set(['PutObject', 'PostObject', 'CopyObject']);

export const provesOneRequest = (apiOperation: string | undefined): boolean => apiOperation !== undefined && oneRequestCalls.has(apiOperation);

/**
 * What a pasted message naming an action only a request in parts calls (registry.ts, neededOnlyInParts) tells, said alike
 * by the report and the wizard: "the pasted AccessDenied message names kms:Decrypt on arn:…, which S3 calls on that key
 * only in a multipart upload, so the request went in parts".
 */
export const inPartsPerMessageWords = (action: string, resource: string | undefined, noun: string): string =>
	`the pasted AccessDenied message names ${action}${resource === undefined ? '' : ` on ${resource}`}, which S3 calls${resource === undefined ? '' : ' on that key'} only in ${noun}, so the request went in parts`;

/**
 * Multipart from size and tool: `unknown` when they do not decide it (then both cases are checked). `inParts`: the
 * operation can go in parts at all. Only the tool's threshold decides: "There is no minimum size limit on the last
 * part of your multipart upload" (S3), so a file below 5 MiB goes up as a one-part multipart upload when the
 * threshold is lower.
 */
export const decideMultipartOf = (
	question: MultipartQuestion,
	inParts: boolean,
	thresholdUndocumented = false,
): {multipart: Multipart; threshold: number; thresholdUnknown?: true} => {
	const toolThreshold = question.tool ? multipartThresholds[question.tool] : defaultMultipartThreshold;
	const threshold = question.multipartThresholdBytes ?? toolThreshold ?? defaultMultipartThreshold;
	if (!inParts) return {multipart: 'no', threshold};
	if (question.multipart !== undefined) return {multipart: question.multipart ? 'yes' : 'no', threshold};
	// Neither the tool nor the service documents a threshold and none was given: no size decides, known or not.
	if (question.multipartThresholdBytes === undefined && (thresholdUndocumented || toolThreshold === undefined)) return {multipart: 'unknown', threshold, thresholdUnknown: true};
	if (question.sizeBytes === undefined) return {multipart: 'unknown', threshold};
	if (bodyTypeDecides(question, threshold)) return {multipart: 'unknown', threshold};
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
			: request.thresholdUnknown
				? 'needed if the upload is multipart (when the tool switches to multipart is not known)'
				: request.sizeBytes === undefined
					? 'needed if the upload is multipart (the file size is not known; tools switch to multipart for large files)'
					: bodyTypeDecides(request, request.multipartThresholdBytes)
						? `needed if the upload goes in parts (${bodyTypeWords(formatSize(request.sizeBytes))})`
						: 'needed if the upload is multipart (when the tool switches to multipart is not known)',
};

/** How an operation that may go in parts says so: a file uploaded, an object copied. */
export type InPartsWords = {
	/** "Large files are uploaded in parts (…)", "A 12 MiB file is uploaded in parts (…)", from the request. */
	readonly inParts: (request: FindingInput['request'], threshold: string) => string;
	/** "multipart upload with SSE-KMS needs kms:Decrypt as well as kms:GenerateDataKey". */
	readonly needs: string;
	/** "That is why small files upload but large ones fail with AccessDenied." */
	readonly symptom: string;
};

const uploadWords: InPartsWords = {
	inParts: (request, threshold) =>
		request.sizeBytes === undefined
			? request.thresholdUnknown
				? 'Large files may be uploaded in parts (when the tool switches to multipart is not known)'
				: `Large files are uploaded in parts (multipart from ${threshold}, or from the threshold the tool was set to)`
			: request.multipart === 'yes'
				? `A ${formatSize(request.sizeBytes)} file is uploaded in parts (multipart from ${threshold}; S3 has no minimum size for a single part)`
				: bodyTypeDecides(request, request.multipartThresholdBytes)
					? `A ${formatSize(request.sizeBytes)} file may be uploaded in parts (${bodyTypeWords(threshold)})`
					: `A ${formatSize(request.sizeBytes)} file may be uploaded in parts (when the tool switches to multipart is not known)`,
	needs: 'multipart upload with SSE-KMS needs kms:Decrypt as well as kms:GenerateDataKey',
	symptom: 'That is why small files upload but large ones fail with AccessDenied.',
};

/**
 * "Small files upload but large ones fail": kms:GenerateDataKey is granted, kms:Decrypt is not, and the request goes in
 * parts. When whether kms:Decrypt is allowed is not known, the same need is said as information, without the symptom.
 */
export const inPartsRequiresDecrypt =
	(words: InPartsWords) =>
	({request, decisionOf}: FindingInput): OperationFinding | undefined => {
		if (request.multipart === 'no') return undefined;
		const decrypt = decisionOf(actionId('kms:Decrypt', 'destination'));
		if (decisionOf(actionId('kms:GenerateDataKey', 'destination')) === 'denied' || (decrypt !== 'denied' && decrypt !== 'unknown')) return undefined;
		// The tool's threshold alone decides: S3 sets no minimum size for the last (here: only) part.
		const inParts = words.inParts(request, formatSize(request.multipartThresholdBytes));
		return decrypt === 'denied'
			? {
					id: 'multipart-requires-decrypt',
					severity: 'warning',
					message: `${inParts}, and ${words.needs}. ${words.symptom}`,
					remedy: 'Grant kms:Decrypt on the key',
					remedyFixes: actionId('kms:Decrypt', 'destination'),
				}
			: {
					id: 'multipart-decrypt-unknown',
					severity: 'info',
					message: `${inParts}, and ${words.needs}: whether kms:Decrypt is allowed is not known yet.`,
					remedy: 'Settle kms:Decrypt first (the unknowns below say what reads or pastes settle it): it decides whether large requests fail while small ones work.',
				};
	};

export const multipartRequiresDecrypt = inPartsRequiresDecrypt(uploadWords);
