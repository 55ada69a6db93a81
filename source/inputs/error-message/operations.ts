import {operationOfAction, operationOfApiCall} from '../../operations/recognise.js';
import type {Operation} from '../../snapshot/snapshot.js';

/**
 * upload / download / copy from the API call if there is one, else from the action. kms:Decrypt alone
 * says nothing: a download and a multipart upload both need it.
 */
export const operationOf = (apiOperation: string | undefined, action: string | undefined): Operation | undefined =>
	(apiOperation ? operationOfApiCall(apiOperation) : undefined) ?? (action ? operationOfAction(action) : undefined);

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
