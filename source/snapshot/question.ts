import type {Operation} from './operation-names.js';

/** The question a snapshot answers: one S3 request, as the caller made it (or fears to). Part of the snapshot (snapshot.ts). */

export type UploadTool = 'aws-cli' | 'sdk' | 'sdk-js' | 'boto3' | 'dotnet' | 'console' | 'other';

export type CopySource = {
	readonly bucket: string;
	readonly objectKey: string;
	/** The source object's key, when known. */
	readonly kmsKeyId?: string;
};

export type Question = {
	readonly operation: Operation;
	readonly bucket: string;
	readonly objectKey: string;
	readonly sizeBytes?: number;
	/** Known from the request itself (an error from UploadPart proves it went in parts): size and tool then do not decide. */
	readonly multipart?: boolean;
	/** Above this size the tool switches to multipart upload. Default: 8 MiB, the AWS CLI's. */
	readonly multipartThresholdBytes?: number;
	readonly tool?: UploadTool;
	/** The key named in the request (upload/copy), or the object's key (download). */
	readonly kmsKeyId?: string;
	readonly source?: CopySource;
};
