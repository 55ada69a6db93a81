import {decideMultipart} from '../../diagnosis/resolve-question.js';
import type {Operation, Snapshot, UploadTool} from '../../diagnosis/snapshot.js';
import {formatSize} from '../../diagnosis/format-size.js';
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

/** Whether this upload goes in parts, and so whether S3 needs kms:Decrypt, in one or two sentences. */
export const explainMultipart = (operation: Operation, sizeBytes: number | undefined, tool: UploadTool): MultipartVerdict => {
	const probe = {format: 's3-kms-doctor/snapshot@1', question: {operation, bucket: '', objectKey: '', sizeBytes, tool}} as Snapshot;
	const {multipart, threshold} = decideMultipart(probe);
	const name = toolNames[tool];
	const verb = operation === 'copy' ? 'is copied' : 'goes up';
	if (sizeBytes === undefined) {
		return {multipart, text: 'Without the size, both cases are checked: one PutObject (kms:GenerateDataKey) and a multipart upload (kms:Decrypt as well).'};
	}
	const size = formatSize(sizeBytes);
	if (multipart === 'unknown') {
		return {
			multipart,
			text: `${name[0]!.toUpperCase()}${name.slice(1)} does not document when it switches to multipart, and large uploads there have needed kms:Decrypt, so a ${size} file is checked both ways.`,
		};
	}
	if (multipart === 'yes') {
		return {
			multipart,
			text: `A ${size} file ${verb} in parts with ${name} (multipart from ${formatSize(threshold)}). S3 has to decrypt the data key of earlier parts to add the next ones, so besides kms:GenerateDataKey the caller needs kms:Decrypt.`,
		};
	}
	const needs = operation === 'copy' ? "kms:GenerateDataKey on the destination's key (and kms:Decrypt on the source's)" : 'kms:GenerateDataKey only';
	return {
		multipart,
		text: `A ${size} file ${verb} in one request with ${name} (multipart from ${formatSize(threshold)} by default; with a lower threshold even a small file goes in parts), so S3 asks KMS for ${needs}.`,
	};
};
