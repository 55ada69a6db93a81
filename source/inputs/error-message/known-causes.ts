import type {KnownCause} from './parsed-denial.js';
import {isCiphertextKeyMessage} from './core-message.js';
import {startsWithKmsArn} from '../../names/index.js';

/**
 * The failures of domain.md §4 that are not a missing grant, recognised by error code and words.
 * S3 prefixes KMS's codes with `KMS.`; KMS itself and CloudTrail do not.
 */
export const knownCauseOf = (errorCode: string | undefined, message: string, service?: string): KnownCause | undefined => {
	const code = (errorCode ?? '').replace(/^KMS\./, '');
	const fromKms = service === 'kms' || (errorCode?.startsWith('KMS.') ?? false);
	if (isCiphertextKeyMessage(message)) return 'kms-key-inaccessible';
	if (code === 'DisabledException' || /\bKMS\.DisabledException\b/.test(message)) return 'key-disabled';
	if (code === 'KMSInvalidStateException' || /\bKMS\.KMSInvalidStateException\b/.test(message)) {
		return /pending deletion/i.test(message) ? 'key-pending-deletion' : 'key-invalid-state';
	}
	// "arn:aws:kms:…:key/… is pending deletion." names the key first.
	if (startsWithKmsArn(message) && / is pending deletion\.?$/i.test(message)) return 'key-pending-deletion';
	if (startsWithKmsArn(message) && / is disabled\.?$/i.test(message)) return 'key-disabled';
	if (code === 'NotFoundException' && (fromKms || /key|arn/i.test(message))) return 'key-not-found';
	if (/\bKMS\.NotFoundException\b/.test(message)) return 'key-not-found';
	if ((code === 'SlowDown' && /KMS/i.test(message)) || (code === 'ThrottlingException' && fromKms) || /reduce your request rate for operations involving AWS KMS/i.test(message)) {
		return 'kms-throttling';
	}
	if (/require AWS Signature Version 4/i.test(message)) return 'sigv4-required';
	if (code === 'AccessControlListNotSupported') return 'acl-not-supported';
	return undefined;
};

/**
 * A cause that may itself be a missing grant: KMS's message for a key it will not use says "… or you are not allowed to
 * access" (the ciphertext message), "… no resource-based policies allow access, or a resource-based policy explicitly
 * denies access" (its message naming no key). Every other cause is not a missing grant.
 */
export const mayBeMissingGrant = (cause: KnownCause): boolean => cause === 'kms-key-inaccessible';
