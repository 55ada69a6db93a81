import {isIamName} from '../names/index.js';
import {formatSize} from '../shared/format-size.js';
import {err, ok, type Result} from '../shared/result.js';
import {networkWords} from './aws-error.js';
import {answerTooLargeName, maxAnswerBytes} from './bounded-body.js';
import type {Credentials} from './credential-identity.js';
import {localRequest, type LocalAnswer} from './local-request.js';
import type {IniSection} from './shared-files.js';

/**
 * Credentials of an EC2 instance's IAM role from the instance metadata service (IMDS), read as the AWS SDKs and Tools
 * reference guide's "IMDS credential provider" reads them: IMDSv2's session token (PUT /latest/api/token), then the
 * role's name and its credentials under /latest/meta-data/iam/security-credentials/ (the EC2 User Guide's
 * iam/security-credentials/role-name). Ours so that every answer is read bounded, the deadline and Ctrl+C stop it, and
 * a failure is one line naming the endpoint and the fix. The PUT goes to the instance's own metadata service, not to
 * AWS: it asks for a session token and changes nothing.
 */

export type InstanceEndpoint = {
	/** As given, or the default for the endpoint mode. */
	readonly address: string;
	/** The setting that chose it; none: the default, http://169.254.169.254. */
	readonly namedBy?: string;
	/** The setting that turns the IMDSv1 fallback off, if one does. */
	readonly v1DisabledBy?: string;
	/** `metadata_service_timeout`, if set: seconds a request may wait for an answer (the SDKs' default: 1). */
	readonly timeout?: {readonly seconds: number; readonly namedBy: string};
	/** `metadata_service_num_attempts`, if set: how many times a request that got no answer is sent (the SDKs' default: 1). */
	readonly attempts?: {readonly count: number; readonly namedBy: string};
};

const defaultAddresses = {ipv4: 'http://169.254.169.254', ipv6: 'http://[fd00:ec2::254]'} as const;

type Setting = {readonly value: string; readonly namedBy: string};

/** How a setting's profile is named: `the [default] profile`, `profile box`. */
const profileWords = (profile: string): string => (profile === 'default' ? 'the [default] profile' : `profile ${profile}`);

/** A setting as the SDKs read it: the environment variable, else the key in the profile's section of the config file. */
const settingOf = (env: NodeJS.ProcessEnv, section: IniSection | undefined, profile: string, variable: string, key: string): Setting | undefined => {
	const fromEnvironment = env[variable]?.trim();
	if (fromEnvironment) return {value: fromEnvironment, namedBy: variable};
	const fromFile = section?.[key]?.trim();
	return fromFile ? {value: fromFile, namedBy: `${key} of ${profileWords(profile)}`} : undefined;
};

const isTrue = (value: string | undefined): boolean => value !== undefined && value !== '' && value.toLowerCase() !== 'false';

/** As the SDK reads it: the variable, when set at all, decides; only then the config file. */
const v1DisabledBy = (env: NodeJS.ProcessEnv, section: IniSection | undefined, profile: string): string | undefined => {
	const fromEnvironment = env['AWS_EC2_METADATA_V1_DISABLED'];
	if (fromEnvironment !== undefined) return isTrue(fromEnvironment) ? 'AWS_EC2_METADATA_V1_DISABLED' : undefined;
	return isTrue(section?.['ec2_metadata_v1_disabled']) ? `ec2_metadata_v1_disabled of ${profileWords(profile)}` : undefined;
};

/**
 * The reference guide's IMDS retry settings, as `setting` reads them: "Valid values: Number greater than or equal to
 * 1" for both; the number of attempts is a count, so whole. A value outside that is one line naming the setting.
 */
const retrySettings = (env: NodeJS.ProcessEnv, section: IniSection | undefined, profile: string): Result<Pick<InstanceEndpoint, 'timeout' | 'attempts'>, string> => {
	const timeout = settingOf(env, section, profile, 'AWS_METADATA_SERVICE_TIMEOUT', 'metadata_service_timeout');
	const attempts = settingOf(env, section, profile, 'AWS_METADATA_SERVICE_NUM_ATTEMPTS', 'metadata_service_num_attempts');
	const seconds = timeout ? Number(timeout.value) : 1;
	if (timeout && !(Number.isFinite(seconds) && seconds >= 1)) return err(`${timeout.namedBy} is ${JSON.stringify(timeout.value)}: it takes a number of seconds, 1 or more — fix it, or remove it`);
	const count = attempts ? Number(attempts.value) : 1;
	if (attempts && !(Number.isInteger(count) && count >= 1)) return err(`${attempts.namedBy} is ${JSON.stringify(attempts.value)}: it takes a whole number of attempts, 1 or more — fix it, or remove it`);
	return ok({...(timeout ? {timeout: {seconds, namedBy: timeout.namedBy}} : {}), ...(attempts ? {attempts: {count, namedBy: attempts.namedBy}} : {})});
};

/**
 * The endpoint the settings name (the reference guide's `ec2_metadata_service_endpoint`, else the default of
 * `ec2_metadata_service_endpoint_mode`: IPv4 http://169.254.169.254, IPv6 http://[fd00:ec2::254]); undefined when
 * `AWS_EC2_METADATA_DISABLED` is true. `section`: the profile they are read from (`profile` names it): [default] in the
 * default chain, the profile named for a profile's credential_source.
 */
export const instanceEndpoint = (env: NodeJS.ProcessEnv, section: IniSection | undefined, profile = 'default'): Result<InstanceEndpoint, string> | undefined => {
	if (isTrue(env['AWS_EC2_METADATA_DISABLED'])) return undefined;
	const retry = retrySettings(env, section, profile);
	if (!retry.ok) return retry;
	const disabledBy = v1DisabledBy(env, section, profile);
	const v1 = {...(disabledBy ? {v1DisabledBy: disabledBy} : {}), ...retry.value};
	const given = settingOf(env, section, profile, 'AWS_EC2_METADATA_SERVICE_ENDPOINT', 'ec2_metadata_service_endpoint');
	if (given) {
		let url: URL | undefined;
		try {
			url = new URL(given.value);
		} catch {
			url = undefined;
		}
		if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
			return err(`${given.namedBy} is not an http(s) URL: ${JSON.stringify(given.value)} — set it to the instance metadata service's address (http://169.254.169.254, or http://[fd00:ec2::254] over IPv6), or remove it`);
		}
		return ok({address: given.value, namedBy: given.namedBy, ...v1});
	}
	const mode = settingOf(env, section, profile, 'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE', 'ec2_metadata_service_endpoint_mode');
	if (!mode) return ok({address: defaultAddresses.ipv4, ...v1});
	const address = defaultAddresses[mode.value.toLowerCase() as keyof typeof defaultAddresses] as string | undefined;
	if (!address) return err(`${mode.namedBy} is ${JSON.stringify(mode.value)}: it takes IPv4 or IPv6 — fix it, or remove it`);
	return ok({address, namedBy: mode.namedBy, ...v1});
};

/** How lines name it: `the EC2 instance metadata service http://169.254.169.254`, with the setting that chose it. */
export const instanceEndpointName = (endpoint: InstanceEndpoint): string =>
	`the EC2 instance metadata service ${endpoint.address}${endpoint.namedBy ? ` (${endpoint.namedBy})` : ''}`;

export type InstanceFailure =
	/** The first request got no answer at all: most often, this is not an EC2 instance. */
	| {readonly kind: 'unreachable'; readonly reason: string}
	| {readonly kind: 'failed'; readonly line: string};

const tokenPath = '/latest/api/token';
const rolesPath = '/latest/meta-data/iam/security-credentials/';
// The reference guide's example asks for six hours, the most IMDS gives; the token is used once, within seconds.
const tokenTtlSeconds = '21600';
// The reference guide: "If that fails due to a non-retryable condition (HTTP error codes 403, 404, 405), IMDSv1 is used as a fallback."
const v1FallbackStatuses = new Set([403, 404, 405]);

const failed = (line: string): Result<never, InstanceFailure> => err({kind: 'failed', line});

const field = (value: unknown, name: string): string | undefined => {
	const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
	return typeof found === 'string' ? found : undefined;
};

/** A field of the answer's JSON, on one line and short: it is shown in a message. */
const said = (value: unknown, name: string): string | undefined => {
	const line = (field(value, name)?.split(/[\r\n]/)[0] ?? '').trim();
	return line.length > 200 ? `${line.slice(0, 199)}…` : line || undefined;
};

const parseJson = (text: string): unknown => {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
};

/** The credentials an answer holds, all four fields as the SDK requires them; undefined if one is missing. */
const credentialsIn = (answer: unknown): Credentials | undefined => {
	const [accessKeyId, secretAccessKey, sessionToken, expiration] = ['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration'].map(key => field(answer, key));
	const expires = expiration === undefined ? Number.NaN : Date.parse(expiration);
	if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(expires)) return undefined;
	const accountId = field(answer, 'AccountId');
	return {accessKeyId, secretAccessKey, sessionToken, expiration: new Date(expires), ...(accountId ? {accountId} : {})};
};

export type InstanceSettings = {
	readonly stop: AbortSignal;
	/** The most any one request may wait, whatever metadata_service_timeout says: the collection's own bound. */
	readonly attemptTimeoutMs: number;
	/** The fix that is not about the instance: `pass --profile NAME` unless a profile already chose the instance. */
	readonly otherwise?: string;
};

/** The instance role's credentials: the IMDSv2 token (IMDSv1 only where the reference guide falls back to it), the role's name, its credentials. */
export const instanceCredentials = async (endpoint: InstanceEndpoint, settings: InstanceSettings): Promise<Result<Credentials, InstanceFailure>> => {
	const name = instanceEndpointName(endpoint);
	const otherwise = settings.otherwise ?? 'pass --profile NAME';
	const orFix = `${endpoint.namedBy ? `, fix ${endpoint.namedBy}` : ''}, or ${otherwise}`;
	const notIt = `check that it is the instance metadata service${orFix}`;
	// The reference guide's defaults: one second, one attempt.
	const timeoutMs = Math.min(settings.attemptTimeoutMs, (endpoint.timeout?.seconds ?? 1) * 1000);
	const attempts = endpoint.attempts?.count ?? 1;
	const waited = `no answer within ${timeoutMs / 1000} s${endpoint.timeout && timeoutMs === endpoint.timeout.seconds * 1000 ? `, the wait ${endpoint.timeout.namedBy} sets` : ''}`;
	const tried = attempts > 1 ? `; ${attempts} attempts, as ${endpoint.attempts!.namedBy} sets` : '';
	const sendOnce = async (method: 'GET' | 'PUT', path: string, headers: Record<string, string>): Promise<LocalAnswer> =>
		localRequest(new URL(`${endpoint.address.replace(/\/+$/, '')}${path}`), {method, headers, timeoutMs, stop: settings.stop});
	const send = async (method: 'GET' | 'PUT', path: string, headers: Record<string, string>): Promise<Result<LocalAnswer, InstanceFailure>> => {
		for (let attempt = 1; ; attempt++) {
			try {
				return ok(await sendOnce(method, path, headers));
			} catch (error) {
				if ((error as Error | undefined)?.name === answerTooLargeName) {
					return failed(`the answer of ${name} to ${method} ${path} was over ${formatSize(maxAnswerBytes)}, the most one answer may hold — ${notIt}`);
				}
				// Only a request that got no answer is sent again, as metadata_service_num_attempts says; never after Ctrl+C or the deadline.
				if (attempt < attempts && !settings.stop.aborted) continue;
				const code = (error as NodeJS.ErrnoException).code ?? '';
				const reason = `${code === 'ETIMEDOUT' ? waited : `${networkWords[code] ?? (error instanceof Error ? error.message : String(error))}${code ? `, ${code}` : ''}`}${tried}`;
				return path === tokenPath ? err({kind: 'unreachable', reason}) : failed(`${name} stopped answering at ${method} ${path} (${reason}) — try again${orFix}`);
			}
		}
	};
	const refused = (answer: LocalAnswer, request: string, note = ''): Result<never, InstanceFailure> =>
		failed(
			`${name} answered ${answer.status} to ${request}${note} — ${answer.status >= 500 ? 'try again later' : `check the instance's metadata options (aws ec2 describe-instances, MetadataOptions)${orFix}`}`,
		);

	const tokenRequest = `the IMDSv2 token request (PUT ${tokenPath})`;
	const tokenAnswer = await send('PUT', tokenPath, {'X-aws-ec2-metadata-token-ttl-seconds': tokenTtlSeconds});
	if (!tokenAnswer.ok) return tokenAnswer;
	const headers: Record<string, string> = {};
	if (tokenAnswer.value.status === 200) {
		const token = tokenAnswer.value.body.trim();
		// It goes back in a header: printable ASCII, no spaces.
		if (!/^[\x21-\x7e]+$/.test(token)) return failed(`${name} answered ${tokenRequest} without a token — ${notIt}`);
		headers['X-aws-ec2-metadata-token'] = token;
	} else if (!v1FallbackStatuses.has(tokenAnswer.value.status)) {
		return refused(tokenAnswer.value, tokenRequest);
	} else if (endpoint.v1DisabledBy) {
		return refused(tokenAnswer.value, tokenRequest, `, and ${endpoint.v1DisabledBy} turns off the fallback to IMDSv1`);
	}

	const roles = await send('GET', rolesPath, headers);
	if (!roles.ok) return roles;
	const role = roles.value.body.trim();
	if (roles.value.status === 404 || (roles.value.status === 200 && role === '')) {
		return failed(`${name} says this instance has no IAM role (${roles.value.status === 404 ? '404' : 'an empty answer'} to GET ${rolesPath}) — attach one to the instance (an instance profile), or ${otherwise}`);
	}
	if (roles.value.status !== 200) return refused(roles.value, `GET ${rolesPath}`);
	if (!isIamName(role, 'role')) return failed(`${name} answered GET ${rolesPath} with something that is not an IAM role name — ${notIt}`);

	const path = `${rolesPath}${role}`;
	const answer = await send('GET', path, headers);
	if (!answer.ok) return answer;
	if (answer.value.status === 404) return failed(`${name} has no credentials for the instance's role ${role} (404 to GET ${path}) — check the instance profile's role, or ${otherwise}`);
	if (answer.value.status !== 200) return refused(answer.value, `GET ${path}`);
	const parsed = parseJson(answer.value.body);
	if (parsed === undefined) return failed(`${name} answered GET ${path} with something that is not JSON — ${notIt}`);
	const credentials = credentialsIn(parsed);
	if (credentials) return ok(credentials);
	const why = [said(parsed, 'Code'), said(parsed, 'Message')].filter(Boolean).join(': ');
	return failed(`${name} answered GET ${path} without credentials (AccessKeyId, SecretAccessKey, Token and Expiration)${why ? ` (${why})` : ''} — check the instance profile's role, or ${otherwise}`);
};
