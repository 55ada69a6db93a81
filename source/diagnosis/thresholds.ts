import type {UploadTool} from './snapshot.js';

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
