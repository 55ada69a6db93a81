import type {Operation} from '../../snapshot/snapshot.js';

const operationOfApi: Readonly<Record<string, Operation>> = {
	putobject: 'upload',
	postobject: 'upload',
	createmultipartupload: 'upload',
	uploadpart: 'upload',
	completemultipartupload: 'upload',
	getobject: 'download',
	headobject: 'download',
	getobjectattributes: 'download',
	selectobjectcontent: 'download',
	copyobject: 'copy',
	uploadpartcopy: 'copy',
};

/** The S3 API calls of a multipart upload: they need kms:Decrypt, not only kms:GenerateDataKey. */
export const multipartApiOperations: ReadonlySet<string> = new Set(['CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload', 'UploadPartCopy']);

/**
 * upload / download / copy from the API call if there is one, else from the action. kms:Decrypt alone
 * says nothing: a download and a multipart upload both need it.
 */
export const operationOf = (apiOperation: string | undefined, action: string | undefined): Operation | undefined => {
	if (apiOperation) {
		const fromApi = operationOfApi[apiOperation.toLowerCase()];
		if (fromApi) return fromApi;
	}
	switch (action?.toLowerCase()) {
		case 's3:putobject':
		case 'kms:generatedatakey':
			return 'upload';
		case 's3:getobject':
		case 's3:getobjectversion':
			return 'download';
		default:
			return undefined;
	}
};

/** `Amazon S3` / `S3` / `AWSKMS` / `kms.amazonaws.com` → `s3` / `kms`. */
export const serviceOfName = (name: string | undefined): string | undefined => {
	if (!name) return undefined;
	const lower = name.toLowerCase().replace(/\.amazonaws\.com$/, '').replace(/^(amazon|aws)\s*/, '');
	if (lower === 's3' || lower === 'amazon s3' || lower === 'simple storage service') return 's3';
	if (lower === 'kms' || lower === 'awskms' || lower === 'key management service') return 'kms';
	if (lower === 'sts' || lower === 'awssecuritytokenservice' || lower === 'security token') return 'sts';
	return /^[a-z0-9-]+$/.test(lower) ? lower : undefined;
};

/** The service of an action (`kms:Decrypt` → `kms`). */
export const serviceOfAction = (action: string | undefined): string | undefined => action?.split(':')[0]?.toLowerCase();
