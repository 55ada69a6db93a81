import type {Agent} from 'node:http';
import {formatSize} from '../shared/format-size.js';
import {err, ok, type Result} from '../shared/result.js';
import {answerTooLargeName, maxAnswerBytes} from './bounded-body.js';
import {networkWords} from './aws-error.js';
import type {Credentials} from './credential-identity.js';
import {localRequest, type LocalAnswer} from './local-request.js';
import {readTokenFile} from './token-file.js';

/**
 * Credentials from a container's credentials endpoint (an ECS task role, EKS Pod Identity, Greengrass), read as the
 * SDKs' default chain reads them (credential-provider-http's fromHttp): `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` under
 * 169.254.170.2, else `AWS_CONTAINER_CREDENTIALS_FULL_URI`; an `Authorization` header from
 * `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (EKS Pod Identity mounts one), else `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
 * Ours so that the token file and the answer are read bounded, the deadline and Ctrl+C stop the request, and a
 * failure is one line naming the variable and the fix instead of "no AWS credentials found".
 */

export type ContainerEndpoint = {
	readonly address: string;
	readonly namedBy: 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' | 'AWS_CONTAINER_CREDENTIALS_FULL_URI';
	readonly tokenFile?: string;
	readonly token?: string;
};

/** The endpoint the environment names, if any: the relative URI wins, as in the SDKs; so does the token file over the token. */
export const containerEndpoint = (env: NodeJS.ProcessEnv): ContainerEndpoint | undefined => {
	const relative = env['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'];
	const full = env['AWS_CONTAINER_CREDENTIALS_FULL_URI'];
	if (!relative && !full) return undefined;
	const tokenFile = env['AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE'];
	const token = env['AWS_CONTAINER_AUTHORIZATION_TOKEN'];
	return {
		...(relative ? {address: `http://169.254.170.2${relative}`, namedBy: 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'} : {address: full!, namedBy: 'AWS_CONTAINER_CREDENTIALS_FULL_URI'}),
		...(tokenFile ? {tokenFile} : token ? {token} : {}),
	};
};

/** How lines name it: `the container credentials endpoint http://… (AWS_CONTAINER_CREDENTIALS_FULL_URI)`. */
export const containerEndpointName = (endpoint: ContainerEndpoint): string => `the container credentials endpoint ${endpoint.address} (${endpoint.namedBy})`;

/** The fix that is not about the endpoint, when no profile chose it: unset its variable. */
const unsetFix = (endpoint: ContainerEndpoint): string => `unset ${endpoint.namedBy} to use other credentials`;

// credential-provider-http's checkUrl: plain http only to the loopback or the ECS and EKS hosts.
const httpHosts = new Set(['169.254.170.2', '169.254.170.23', '[fd00:ec2::23]', 'localhost', '[::1]', '[0000:0000:0000:0000:0000:0000:0000:0001]']);
const isLoopbackV4 = (host: string): boolean => {
	const parts = host.split('.');
	return parts.length === 4 && parts[0] === '127' && parts.every(part => /^\d{1,3}$/.test(part) && Number(part) <= 255);
};

const urlOf = (endpoint: ContainerEndpoint, otherwise: string): Result<URL, string> => {
	let url: URL;
	try {
		url = new URL(endpoint.address);
	} catch {
		return err(`${containerEndpointName(endpoint)} is not a URL — set it to the address of the credentials endpoint, or ${otherwise}`);
	}
	if (url.protocol === 'https:' || (url.protocol === 'http:' && (httpHosts.has(url.hostname) || isLoopbackV4(url.hostname)))) return ok(url);
	return err(
		`${containerEndpointName(endpoint)} is not an address the AWS SDKs take credentials from: it must be https, or http to the loopback ` +
			`(127.0.0.0/8, [::1]), the ECS host 169.254.170.2 or the EKS hosts 169.254.170.23 and [fd00:ec2::23] — fix it, or ${otherwise}`,
	);
};

const authorizationOf = async (endpoint: ContainerEndpoint): Promise<Result<string | undefined, string>> => {
	const tokenFix = (variable: string): string => `point ${variable} at the token the container's agent gives (EKS Pod Identity mounts one), or unset it`;
	let token = endpoint.token;
	let named = 'the container authorization token (AWS_CONTAINER_AUTHORIZATION_TOKEN)';
	let fix = tokenFix('AWS_CONTAINER_AUTHORIZATION_TOKEN');
	if (endpoint.tokenFile) {
		named = `the container authorization token file ${endpoint.tokenFile} (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE)`;
		fix = tokenFix('AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE');
		const read = await readTokenFile({path: endpoint.tokenFile, named, limitWhy: 'an authorization token is a few hundred characters', fix});
		if (!read.ok) return read;
		token = read.value;
	}
	// As the SDKs refuse it: a header cannot hold a line break.
	if (token !== undefined && token.includes('\r\n')) return err(`${named} holds a line break (\\r\\n), which an HTTP header cannot — ${fix}`);
	return ok(token);
};

const parseJson = (text: string): unknown => {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
};

const field = (value: unknown, name: string): string | undefined => {
	const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
	return typeof found === 'string' ? found : undefined;
};

/** What the answer says: credentials, or why not in one line. */
const credentialsOf = (endpoint: ContainerEndpoint, answer: LocalAnswer, otherwise: string): Result<Credentials, string> => {
	const name = containerEndpointName(endpoint);
	const parsed = parseJson(answer.body);
	if (answer.status === 200) {
		const [accessKeyId, secretAccessKey, sessionToken, expiration] = ['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration'].map(key => field(parsed, key));
		const expires = expiration === undefined ? Number.NaN : Date.parse(expiration);
		if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(expires)) {
			return err(`${name} answered without credentials (AccessKeyId, SecretAccessKey, Token and Expiration) — check that it is the credentials endpoint, or ${otherwise}`);
		}
		const accountId = field(parsed, 'AccountId');
		return ok({accessKeyId, secretAccessKey, sessionToken, expiration: new Date(expires), ...(accountId ? {accountId} : {})});
	}
	const said = [field(parsed, 'Code'), field(parsed, 'Message')].filter(Boolean).join(': ');
	const answered = `${name} answered ${answer.status}${said ? ` (${said})` : ''}`;
	if (answer.status >= 400 && answer.status < 500) {
		const token = endpoint.tokenFile ? 'the token in AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE' : endpoint.token ? 'AWS_CONTAINER_AUTHORIZATION_TOKEN' : 'an authorization token (none was set)';
		return err(`${answered} — check ${token} and the pod's or task's role association, or ${otherwise}`);
	}
	return err(`${answered} — try again later`);
};

/** Network faults worded as the rest of live collection words them. */
const unreachableLine = (endpoint: ContainerEndpoint, error: unknown, timeoutMs: number, otherwise: string): string => {
	const code = (error as NodeJS.ErrnoException).code ?? '';
	const name = containerEndpointName(endpoint);
	if ((error as Error | undefined)?.name === answerTooLargeName) return `the answer of ${name} was over ${formatSize(maxAnswerBytes)}, the most one answer may hold — check that it is the credentials endpoint, or ${otherwise}`;
	const reason = code === 'ETIMEDOUT' ? `no answer within ${timeoutMs / 1000} s` : `${networkWords[code] ?? (error instanceof Error ? error.message : String(error))}${code ? `, ${code}` : ''}`;
	return `${name} could not be reached: ${reason} — run where that endpoint is (the ECS task or EKS pod it belongs to), or ${otherwise}`;
};

const retryable = (answer: LocalAnswer | undefined): boolean => answer === undefined || answer.status >= 500;

export type ContainerSettings = {
	readonly stop: AbortSignal;
	readonly timeoutMs: number;
	readonly httpsAgent?: Agent;
	/** The fix that is not about the endpoint: unset its variable, unless a profile's credential_source chose it. */
	readonly otherwise?: string;
};

/** The container's credentials: the token read (bounded), then one GET and one retry on a fault or a 5xx, as the SDK's chain tries. */
export const containerCredentials = async (endpoint: ContainerEndpoint, settings: ContainerSettings): Promise<Result<Credentials, string>> => {
	const otherwise = settings.otherwise ?? unsetFix(endpoint);
	const url = urlOf(endpoint, otherwise);
	if (!url.ok) return url;
	const authorization = await authorizationOf(endpoint);
	if (!authorization.ok) return authorization;
	const headers: Record<string, string> = authorization.value === undefined ? {} : {Authorization: authorization.value};
	const request = {method: 'GET', headers, timeoutMs: settings.timeoutMs, stop: settings.stop, ...(settings.httpsAgent ? {agent: settings.httpsAgent} : {})} as const;
	let failure: unknown;
	let answer: LocalAnswer | undefined;
	for (let attempt = 0; attempt < 2 && retryable(answer) && !settings.stop.aborted; attempt++) {
		try {
			answer = await localRequest(url.value, request);
		} catch (error) {
			failure = error;
			answer = undefined;
			if ((error as Error).name === answerTooLargeName) break;
		}
	}
	return answer ? credentialsOf(endpoint, answer, otherwise) : err(unreachableLine(endpoint, failure, settings.timeoutMs, otherwise));
};
