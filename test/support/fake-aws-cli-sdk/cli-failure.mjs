// How the AWS CLI v2 reports a failure: its stderr text and its exit status.
// 252: bad command line; 253: bad configuration or no credentials; 254: the service answered with an error;
// 255: anything else (no connection, a timeout).
import {STATUS_CODES} from 'node:http';

export class CliFailure extends Error {
	constructor(stderr, exitCode) {
		super(stderr.trim());
		this.stderr = stderr;
		this.exitCode = exitCode;
	}
}

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/** The error code AWS sent, as botocore reads it: the body's Code (not the SDK's class name), or for a bodiless HEAD answer the HTTP status. */
const codeOf = (error, head) => {
	const status = error.$metadata?.httpStatusCode;
	if (head && status !== undefined) return {code: String(status), message: STATUS_CODES[status] ?? ''};
	const code = typeof error.Code === 'string' ? error.Code : typeof error.code === 'string' && !networkCodes.has(error.code) ? error.code : error.name;
	const message = typeof error.message === 'string' && error.message !== '' && error.message !== 'UnknownError' ? error.message : 'Unknown';
	return {code, message};
};

/** An SDK error → what the CLI prints for it. `endpoint` only names the URL in a connection error. */
export const failureOf = (error, operation, head, endpoint) => {
	if (error instanceof CliFailure) return error;
	if (error?.name === 'CredentialsProviderError') {
		return new CliFailure('\nUnable to locate credentials. You can configure credentials by running "aws configure".\n', 253);
	}
	if (networkCodes.has(error?.code) || networkCodes.has(error?.cause?.code)) return new CliFailure(`\nCould not connect to the endpoint URL: "${endpoint}"\n`, 255);
	if (error?.name === 'TimeoutError') return new CliFailure(`\nRead timeout on endpoint URL: "${endpoint}"\n`, 255);
	if (error?.$metadata?.httpStatusCode === undefined) return new CliFailure(`\n${error instanceof Error ? error.message : String(error)}\n`, 255);
	const {code, message} = codeOf(error, head);
	const attempts = error.$metadata.attempts ?? 1;
	const retries = attempts > 1 ? ` (reached max retries: ${attempts - 1})` : '';
	return new CliFailure(`\nAn error occurred (${code}) when calling the ${operation} operation${retries}: ${message}\n`, 254);
};
