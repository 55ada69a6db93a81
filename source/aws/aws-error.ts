import {answerTooLargeName, answerTooLargeText} from './bounded-body.js';

/** Why one AWS call gave no answer, in words a user can act on. Matched on `error.name`, never `instanceof`. */
export type FailureKind =
	| 'denied'
	| 'not-found'
	| 'method-not-allowed'
	| 'credentials'
	| 'throttled'
	| 'server'
	| 'timeout'
	| 'deadline'
	| 'cancelled'
	| 'network'
	| 'tls'
	| 'too-large'
	| 'not-aws'
	| 'other';

export type Failure = {
	readonly kind: FailureKind;
	/** The AWS error code (`AccessDeniedException`, `NoSuchBucketPolicy`…) or the network error code. */
	readonly code: string;
	/** AWS's own message, one line. */
	readonly message: string;
	readonly status?: number;
};

type ErrorLike = {
	readonly name?: unknown;
	readonly code?: unknown;
	readonly message?: unknown;
	readonly $metadata?: {readonly httpStatusCode?: number; readonly attempts?: number};
	readonly $retryable?: {readonly throttling?: boolean};
};

const deniedCodes = new Set(['AccessDenied', 'AccessDeniedException', 'Forbidden', 'UnauthorizedOperation', 'AuthorizationError']);
const credentialCodes = new Set([
	'InvalidClientTokenId',
	'UnrecognizedClientException',
	'SignatureDoesNotMatch',
	'IncompleteSignature',
	'InvalidSignatureException',
	'ExpiredToken',
	'ExpiredTokenException',
	'InvalidAccessKeyId',
	'InvalidToken',
	'TokenRefreshRequired',
	'CredentialsProviderError',
]);
const throttleCodes = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'SlowDown', 'RequestLimitExceeded', 'RequestThrottled']);
/** The certificate could not be verified: a TLS-inspecting proxy, most often. */
const tlsCodes = new Set([
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'CERT_HAS_EXPIRED',
	'CERT_UNTRUSTED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** The system's network error codes, each in a few words. */
export const networkWords: Readonly<Record<string, string>> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ECONNABORTED: 'connection aborted',
	EPIPE: 'connection closed',
	ENOTFOUND: 'DNS lookup failed',
	EAI_AGAIN: 'DNS lookup failed',
	ETIMEDOUT: 'connection timed out',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
};
const networkCodes = new Set(Object.keys(networkWords));

/** What to do about a certificate the SDK cannot verify. */
export const tlsAdvice = 'behind a TLS-inspecting proxy, set AWS_CA_BUNDLE (or ca_bundle in the profile) to its CA bundle';

const statusNames: Readonly<Record<number, string>> = {
	301: 'MovedPermanently',
	400: 'BadRequest',
	403: 'Forbidden',
	404: 'NotFound',
	405: 'MethodNotAllowed',
	500: 'InternalError',
	502: 'BadGateway',
	503: 'ServiceUnavailable',
	504: 'GatewayTimeout',
};

/** What to check when an answer is not AWS's: something else answered in its place. */
export const notAwsAdvice = 'check the endpoint it was sent to (AWS_ENDPOINT_URL, or endpoint_url in the profile) and any proxy (HTTPS_PROXY)';

/** The SDK's words, under the parser's, when an answer's body is not the service's XML or JSON (a proxy's page, say). */
const unparsable = /\bDeserialization error\b/;

const oneLine = (text: string): string => {
	const line = (text.split('\n')[0] ?? '').trim();
	return line.length > 300 ? `${line.slice(0, 297)}…` : line;
};

export const describeFailure = (error: unknown): Failure => {
	const value = (typeof error === 'object' && error !== null ? error : {message: String(error)}) as ErrorLike;
	const rawName = typeof value.name === 'string' ? value.name : 'Error';
	const code = typeof value.code === 'string' ? value.code : undefined;
	const rawMessage = typeof value.message === 'string' ? oneLine(value.message) : '';
	const status = value.$metadata?.httpStatusCode;
	const withStatus = status === undefined ? {} : {status};
	// A HEAD answer has no body, so no error code: the SDK calls it `Unknown`; name it after the status instead.
	const bodiless = rawName === 'Unknown' || rawName === 'UnknownError' || rawName === 'Error';
	const name = bodiless && status !== undefined ? (statusNames[status] ?? `HTTP${status}`) : rawName;
	const message =
		rawMessage === '' || rawMessage === 'UnknownError' || rawMessage === 'Unknown' || (bodiless && status !== undefined) ? (status ? `HTTP ${status} ${statusNames[status] ?? ''}`.trim() : name) : rawMessage;
	if (rawName === answerTooLargeName) return {kind: 'too-large', code: answerTooLargeName, message};
	// Never the body's own text (a proxy's page): only that it could not be parsed, and the status.
	if (typeof value.message === 'string' && unparsable.test(value.message)) {
		// A 5xx page (a gateway's) is a passing server fault, retried and worded as one; any other is not AWS's answer.
		if (status !== undefined && status >= 500) return {kind: 'server', code: statusNames[status] ?? `HTTP${status}`, message: `HTTP ${status}`, status};
		return {kind: 'not-aws', code: 'UnparsableAnswer', message: `${status === undefined ? 'its body' : `HTTP ${status}, its body`} could not be parsed`, ...withStatus};
	}
	if (code && tlsCodes.has(code)) return {kind: 'tls', code, message};
	if (code && networkCodes.has(code)) return {kind: 'network', code, message};
	if (name === 'TimeoutError' || code === 'TimeoutError' || (status === undefined && /timed? ?out/i.test(rawMessage))) return {kind: 'timeout', code: 'TimeoutError', message};
	if (credentialCodes.has(name)) return {kind: 'credentials', code: name, message, ...withStatus};
	if (throttleCodes.has(name) || value.$retryable?.throttling === true || status === 429) return {kind: 'throttled', code: name, message, ...withStatus};
	if (deniedCodes.has(name) || status === 403) return {kind: 'denied', code: name, message, ...withStatus};
	if (name === 'MethodNotAllowed' || status === 405) return {kind: 'method-not-allowed', code: 'MethodNotAllowed', message, ...withStatus};
	if (name.startsWith('NoSuch') || name === 'NotFound' || name === 'NotFoundException' || status === 404) return {kind: 'not-found', code: name, message, ...withStatus};
	if ((status !== undefined && status >= 500) || /^(InternalError|InternalFailure|ServiceUnavailable|ServiceFailure|ServiceException|KMSInternalException)$/.test(name)) {
		return {kind: 'server', code: name, message, ...withStatus};
	}
	if (status === undefined && /socket|network|getaddrinfo|connect/i.test(rawMessage)) return {kind: 'network', code: code ?? name, message};
	return {kind: 'other', code: name, message, ...withStatus};
};

/** "denied (AccessDeniedException): User: … is not authorized to perform: kms:GetKeyPolicy …" */
export const failureText = (failure: Failure, settings: {readonly attempts: number; readonly callTimeoutMs: number; readonly deadlineMs: number}): string => {
	const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
	switch (failure.kind) {
		case 'denied':
			return `denied (${failure.code}): ${failure.message}`;
		case 'not-found':
			return `not found (${failure.code}): ${failure.message}`;
		case 'method-not-allowed':
			return `refused with 405 MethodNotAllowed: ${failure.message}`;
		case 'credentials':
			return `the credentials were rejected (${failure.code}): ${failure.message}`;
		// Both pass: the read itself is allowed, so what settles it is asking again, not a permission.
		case 'throttled':
			return `throttled by AWS (${failure.code}) after ${settings.attempts} attempts — run the check again in a minute`;
		case 'server':
			return `AWS failed (${failure.code}${failure.status ? `, HTTP ${failure.status}` : ''}) after ${settings.attempts} attempts — run the check again in a minute`;
		case 'timeout':
			return `no answer within ${seconds(settings.callTimeoutMs)}`;
		case 'deadline':
			return `not read before the ${seconds(settings.deadlineMs)} deadline`;
		case 'cancelled':
			return 'cancelled';
		case 'network':
			return `network error (${failure.code}): ${failure.message}`;
		case 'tls':
			return `TLS error (${failure.code}): ${failure.message}; ${tlsAdvice}, as for the AWS CLI`;
		case 'too-large':
			return answerTooLargeText;
		case 'not-aws':
			return `its answer is not AWS's (${failure.message}): something else answered — ${notAwsAdvice}`;
		case 'other':
			return `failed (${failure.code}): ${failure.message}`;
	}
};
