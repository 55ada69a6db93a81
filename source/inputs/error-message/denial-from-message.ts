import type {Envelope} from './envelope.js';
import type {ParsedDenial} from './parsed-denial.js';
import {accountsOf} from './accounts.js';
import {authorizationIdOf, encodedAuthorizationMessageOf, isCiphertextKeyMessage, parseCoreMessage} from './core-message.js';
import {knownCauseOf} from './known-causes.js';
import {operationOf, serviceOfAction} from './operations.js';
import {type Mutable} from '../../shared/json.js';
import {findKeyArn, partitionOfArn, s3Arn} from '../../names/index.js';
import {awsServices} from '../../operations/aws-services.js';


const deniedWords = /\bAccess\s?Denied\b|\bnot authorized\b|\b403\b|\bForbidden\b/i;
// A bare text with no AWS wrapping must carry AWS's own words, as AWS spells them: npm's "403 Forbidden", git's
// "returned error: 403" and docker's "pull access denied" are not AWS errors.
const awsDeniedWords = /\bAccess ?Denied\b|\bnot authorized to perform\b/;

/**
 * One denial from an unwrapped message: the core "User: … is not authorized …" when present, the
 * error code, the §4 causes. Undefined when nothing in it is an AWS error we know.
 */
export const denialFromEnvelope = (envelope: Envelope): ParsedDenial | undefined => {
	const message = envelope.message.trim();
	const core = parseCoreMessage(message);
	const ciphertext = isCiphertextKeyMessage(message);
	const actionService = serviceOfAction(core?.action);
	const service = actionService ?? (ciphertext || envelope.errorCode?.startsWith('KMS.') ? 'kms' : envelope.service);
	const cause = core?.cause ?? knownCauseOf(envelope.errorCode, message, service);
	const bare = envelope.form === 'message';
	const {encoded: encodedMessage, overlong} = encodedAuthorizationMessageOf(message);
	const recognised =
		envelope.athena !== undefined ||
		encodedMessage !== undefined ||
		overlong !== undefined ||
		core !== undefined ||
		cause !== undefined ||
		(!bare && (envelope.errorCode !== undefined || deniedWords.test(message))) ||
		(bare && awsDeniedWords.test(message) && message.length <= 200);
	if (!recognised) return undefined;

	const denial: Mutable<ParsedDenial> = {form: envelope.form, accounts: []};
	if (core) {
		denial.principal = core.principal;
		denial.action = core.action;
		if (core.resource) denial.resource = core.resource;
		if (core.policyType) denial.policyType = core.policyType;
		if (core.throughPolicyType) denial.throughPolicyType = core.throughPolicyType;
		if (core.denial) denial.denial = core.denial;
		if (core.policyArn) denial.policyArn = core.policyArn;
		if (core.reason) denial.reason = core.reason;
		if (core.truncated) denial.truncated = true;
	} else if (ciphertext) {
		// The message only comes from a Decrypt: S3 decrypting the object's data key, or a direct call.
		denial.action = 'kms:Decrypt';
	}
	// "arn:aws:kms:…:key/… is disabled." names the key without a "resource:".
	const keyArn = core ? undefined : findKeyArn(message);
	const object = envelope.transfer?.object;
	if (object) denial.object = object;
	if (envelope.transfer?.sourceObject) denial.sourceObject = envelope.transfer.sourceObject;
	// The transferred object's ARN, in the partition the message's own ARNs name; none named, none written (an s3:// URL names no partition).
	const partition = partitionOfArn(denial.principal) ?? partitionOfArn(denial.resource) ?? partitionOfArn(keyArn) ?? partitionOfArn(denial.policyArn);
	if (!denial.resource && object && partition) denial.resource = s3Arn(partition, object.bucket, object.objectKey);
	if (envelope.transfer) denial.tool = 'aws-cli';
	if (cause) denial.cause = cause;
	if (keyArn) denial.keyId = keyArn;
	if (envelope.errorCode) denial.errorCode = envelope.errorCode;
	if (envelope.apiOperation) denial.apiOperation = envelope.apiOperation;
	if (envelope.service) denial.respondingService = envelope.service;
	if (service) denial.service = service;
	else if (envelope.athena) denial.service = 's3';
	if (envelope.statusCode !== undefined) denial.statusCode = envelope.statusCode;
	if (envelope.requestId) denial.requestId = envelope.requestId;
	const authorizationId = authorizationIdOf(message);
	if (authorizationId) denial.authorizationId = authorizationId;
	if (encodedMessage) denial.encodedMessage = encodedMessage;
	if (overlong !== undefined) denial.overlongEncodedMessage = overlong;
	if (message) denial.message = message;
	const operation = envelope.transfer?.operation ?? operationOf(envelope.apiOperation, denial.action);
	if (operation) denial.operation = operation;
	if (envelope.athena) {
		// Athena made the request for whoever ran the query: it is the service's read or write, whatever the call.
		denial.athena = envelope.athena;
		denial.operation = envelope.athena.writing ? 'service-write' : 'service-read';
		denial.invokedBy = awsServices.athena.calledVia;
	}
	denial.accounts = accountsOf([denial.principal, denial.resource, denial.keyId]);
	return denial;
};
