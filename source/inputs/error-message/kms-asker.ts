import {operationOfApiCall} from '../../operations/recognise.js';
import type {ParsedDenial} from './parsed-denial.js';

/** Who made the KMS request a KMS error answers: S3 for an S3 call, the caller's own KMS call, another service's call. */
export type KmsAsker = 's3' | 'caller' | 'service' | 'unknown';

// The KMS API calls a caller makes with a key itself; any other call that is not S3's (SSM's GetParameter, SNS's Publish) asked for it.
const kmsApiCall = /^(?:Decrypt|Encrypt|ReEncrypt|GenerateDataKey\w*|GenerateMac|VerifyMac|Sign|Verify|GetPublicKey|DeriveSharedSecret|DescribeKey|CreateGrant)$/;

/**
 * Read from the text only: the call it names, or the service whose answer it is (Java's "Service: AWSKMS", an S3 XML
 * body). A KMS message alone (the ciphertext one, "Invalid arn") names neither: `unknown`, never taken for S3's.
 */
export const kmsAskerOf = (denial: ParsedDenial): KmsAsker => {
	const call = denial.apiOperation;
	if (call !== undefined && operationOfApiCall(call) !== undefined) return 's3';
	if (call !== undefined && kmsApiCall.test(call)) return 'caller';
	if (call !== undefined) return 'service';
	if (denial.form === 's3-xml' || denial.respondingService === 's3') return 's3';
	if (denial.form === 'kms-json' || denial.respondingService === 'kms') return 'caller';
	return 'unknown';
};
