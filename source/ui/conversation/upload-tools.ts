import {bodyTypeDecides} from '../../operations/multipart-upload.js';
import {decideMultipart, hasSource, operationModule} from '../../operations/registry.js';
import type {UploadTool} from '../../snapshot/question.js';
import type {Operation} from '../../snapshot/snapshot.js';
import {formatSize} from '../../shared/format-size.js';
import {copyMultipartWords} from './copy-wording.js';
import type {ChoiceOption} from './question.js';

/** The tools people upload with, and what their size means for KMS, said plainly (domain.md §1). */

export const toolNames: Readonly<Record<UploadTool, string>> = {
	'aws-cli': 'the AWS CLI',
	'sdk-js': 'the JavaScript SDK',
	boto3: 'boto3',
	dotnet: '.NET TransferUtility',
	sdk: 'the SDK transfer manager',
	console: 'the S3 console',
	other: 'this tool',
};

export const toolOptions: readonly ChoiceOption[] = [
	{value: 'aws-cli', label: 'AWS CLI', hint: 'aws s3 cp, aws s3 sync'},
	{value: 'sdk-js', label: 'AWS SDK for JavaScript v3', hint: 'Upload from @aws-sdk/lib-storage'},
	{value: 'boto3', label: 'boto3 (Python)', hint: 'upload_file, upload_fileobj'},
	{value: 'dotnet', label: 'AWS SDK for .NET', hint: 'TransferUtility'},
	{value: 'sdk', label: "Another SDK's transfer manager", hint: 'Java, Go, …'},
	{value: 'console', label: 'S3 console', hint: 'upload in the browser'},
	{value: 'other', label: 'Something else', hint: 'my own PutObject calls, rclone, …'},
];

export const isUploadTool = (value: string): value is UploadTool => value in toolNames;

export type MultipartVerdict = {readonly multipart: 'yes' | 'no' | 'unknown'; readonly text: string};

/** The same for a copy, in its own words (copy-wording.ts): an object copied in parts with UploadPartCopy. */
const explainCopyInParts = (multipart: MultipartVerdict['multipart'], sizeBytes: number | undefined, tool: string, threshold: number, thresholdKnown: boolean): MultipartVerdict => {
	const capitalised = `${tool[0]!.toUpperCase()}${tool.slice(1)}`;
	if (sizeBytes === undefined) return {multipart, text: thresholdKnown ? copyMultipartWords.unknownSize : copyMultipartWords.undocumentedAnySize(capitalised)};
	const size = formatSize(sizeBytes);
	if (multipart === 'unknown') return {multipart, text: copyMultipartWords.undocumented(capitalised, size)};
	if (multipart === 'yes') return {multipart, text: copyMultipartWords.inParts(size, tool, formatSize(threshold))};
	return {multipart, text: copyMultipartWords.oneRequest(size, tool, formatSize(threshold))};
};

/** Whether this upload goes in parts, and so whether S3 needs kms:Decrypt, in one or two sentences. */
export const explainMultipart = (operation: Operation, sizeBytes: number | undefined, tool: UploadTool): MultipartVerdict => {
	const {multipart, threshold, thresholdUnknown} = decideMultipart({operation, sizeBytes, tool});
	const parts = operationModule(operation).multipart;
	const name = toolNames[tool];
	if (hasSource(operation)) return explainCopyInParts(multipart, sizeBytes, name, threshold, thresholdUnknown === undefined);
	const verb = parts.inParts ? parts.passive : 'goes up';
	// A tool that documents no threshold: why both cases are checked, whatever the size (which the wizard then does not ask).
	const undocumented =
		tool === 'console'
			? `${name[0]!.toUpperCase()}${name.slice(1)} does not document when it switches to multipart, and large uploads there have needed kms:Decrypt`
			: `When ${name} switches to multipart is not known (it differs by SDK and setting; a plain PutObject never does)`;
	if (sizeBytes === undefined) {
		const cases = 'both cases are checked: one PutObject (kms:GenerateDataKey) and a multipart upload (kms:Decrypt as well).';
		return {multipart, text: thresholdUnknown ? `${undocumented}, so whatever the size ${cases}` : `Without the size, ${cases}`};
	}
	const size = formatSize(sizeBytes);
	if (multipart === 'unknown' && bodyTypeDecides({tool, sizeBytes}, threshold)) {
		return {multipart, text: `A ${size} file is exactly one ${size} part: @aws-sdk/lib-storage sends such a Buffer as one PutObject but such a stream in parts, so both cases are checked.`};
	}
	if (multipart === 'unknown') return {multipart, text: `${undocumented}, so a ${size} file is checked both ways.`};
	if (multipart === 'yes') {
		return {
			multipart,
			text: `A ${size} file ${verb} in parts with ${name} (multipart from ${formatSize(threshold)}). S3 has to decrypt the data key of earlier parts to add the next ones, so besides kms:GenerateDataKey the caller needs kms:Decrypt.`,
		};
	}
	const needs = parts.inParts ? parts.oneRequestNeeds : 'kms:GenerateDataKey only';
	return {
		multipart,
		text: `A ${size} file ${verb} in one request with ${name} (multipart from ${formatSize(threshold)} by default; with a lower threshold even a small file goes in parts), so S3 asks KMS for ${needs}.`,
	};
};
