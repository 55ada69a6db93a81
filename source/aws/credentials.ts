import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fromIni} from '@aws-sdk/credential-providers';
import {formatSize} from '../shared/format-size.js';
import {err, ok, type Result} from '../shared/result.js';
import {describeFailure, networkWords, type Failure} from './aws-error.js';
import {answerTooLargeName, answerTooLargeText, maxAnswerBytes} from './bounded-body.js';
import {tlsOptions, type CaBundle} from './ca-bundle.js';
import {containerCredentials, containerEndpoint, type ContainerSettings} from './container-credentials.js';
import {runCredentialProcess} from './credential-process.js';
import {assumeRoles, sourceCredentials, sourcedRolesOf, type SourcedRoles} from './credential-source.js';
import type {Endpoints} from './endpoints.js';
import {AwsHttpHandler} from './http-handler.js';
import {instanceCredentials, instanceEndpoint, instanceEndpointName, type InstanceEndpoint, type InstanceSettings} from './instance-credentials.js';
import {namesCredentials, profileKind, sortProfileNames} from './profiles.js';
import {silentLogger} from './quiet.js';
import type {IniSection, SharedFiles} from './shared-files.js';
import {checkTokenFile} from './token-file.js';
import type {Credentials} from './credential-identity.js';
import {assumeEnvironmentWebIdentity, environmentWebIdentity, webIdentityAssumer} from './web-identity.js';

export type CredentialsErrorKind = 'unknown-profile' | 'no-credentials' | 'sso-expired';
export type CredentialsError = {readonly kind: CredentialsErrorKind; readonly message: string};

/** Which profile, and how the user named it (for messages that say which flag or variable to fix). */
export type ProfileRequest = {
	/** Undefined: no profile named anywhere, so the SDK's default order applies (environment, `[default]`, container, instance). */
	readonly name?: string;
	/** `--profile`, `--bucket-profile`, `AWS_PROFILE`… */
	readonly namedBy: string;
};

export type CredentialsContext = {
	readonly env: NodeJS.ProcessEnv;
	readonly files: SharedFiles;
	readonly region: string;
	readonly endpoints: Endpoints;
	readonly caBundle?: CaBundle;
	/** The deadline or Ctrl+C: ends every request and process the resolution started. */
	readonly stop: AbortSignal;
	/** One attempt of a credentials call (STS, SSO) may take this long, as one of a read. */
	readonly attemptTimeoutMs: number;
};

/** The HTTP handler of the STS and SSO clients behind a profile's credentials: answers bounded, each attempt timed, every request stopped with `stop`. */
const innerRequestHandler = (context: CredentialsContext): AwsHttpHandler =>
	new AwsHttpHandler(
		{
			connectionTimeout: Math.min(context.attemptTimeoutMs, 5000),
			// Without throwOnRequestTimeout the SDK only warns when an attempt outlasts requestTimeout.
			requestTimeout: context.attemptTimeoutMs,
			throwOnRequestTimeout: true,
			...tlsOptions(context.caBundle),
		},
		context.stop,
	);

/** Our settings for a client behind a profile's credentials: the Region, our HTTP handler, the endpoint our settings name. */
type InnerClientConfig = {readonly region: string; readonly logger: typeof silentLogger; readonly requestHandler: AwsHttpHandler; readonly endpoint?: string};

const innerClientConfig = (context: CredentialsContext, region: string, endpoint: string | undefined): InnerClientConfig => ({
	region,
	logger: silentLogger,
	requestHandler: innerRequestHandler(context),
	...(endpoint ? {endpoint} : {}),
});

const firstLine = (error: unknown): string => {
	const text = error instanceof Error ? error.message : String(error);
	return (text.split('\n')[0] ?? '').trim();
};

const knownProfiles = (files: SharedFiles): string => {
	const names = sortProfileNames(Object.keys(files.profiles));
	if (names.length === 0) return `there are no profiles in ${files.configPath} or ${files.credentialsPath} (run aws configure)`;
	const shown = names.slice(0, 8).join(', ');
	return `known profiles: ${shown}${names.length > 8 ? `, and ${names.length - 8} more` : ''}`;
};

const ssoLogin = (profile: string): string => `run aws sso login --profile ${profile}`;

/** The profile whose SSO token a profile's credentials come from: itself, or a `source_profile` it chains to. */
export const ssoProfileBehind = (name: string, files: SharedFiles): string | undefined => {
	const seen = new Set<string>();
	let current: string | undefined = name;
	while (current !== undefined && !seen.has(current)) {
		seen.add(current);
		const section: IniSection | undefined = files.profiles[current];
		if (!section) return undefined;
		if (profileKind(section) === 'sso') return current;
		current = section['role_arn'] ? section['source_profile'] : undefined;
	}
	return undefined;
};

/**
 * Say "log in again" before the SDK is asked, from the token cache's expiry alone: an expired token with no
 * refresh token cannot be renewed, and the SDK would otherwise be the one to find out (a legacy SSO profile
 * never refreshes). A token that can be refreshed is left to the SDK.
 */
const checkSsoToken = async (name: string, files: SharedFiles): Promise<CredentialsError | undefined> => {
	const ssoProfile = ssoProfileBehind(name, files);
	if (ssoProfile === undefined) return undefined;
	const section = files.profiles[ssoProfile] ?? {};
	const session = section['sso_session'];
	const cacheId = session ?? section['sso_start_url'];
	if (!cacheId) return undefined;
	const path = join(files.home, '.aws', 'sso', 'cache', `${createHash('sha1').update(cacheId).digest('hex')}.json`);
	let token: {expiresAt?: unknown; refreshToken?: unknown};
	try {
		token = JSON.parse(await readFile(path, 'utf8')) as typeof token;
	} catch {
		return {kind: 'sso-expired', message: `profile ${name} is not logged in to AWS SSO: ${ssoLogin(ssoProfile)}`};
	}
	const expiresAt = typeof token.expiresAt === 'string' ? Date.parse(token.expiresAt) : Number.NaN;
	const refreshable = session !== undefined && typeof token.refreshToken === 'string';
	if ((Number.isNaN(expiresAt) || expiresAt <= Date.now()) && !refreshable) {
		return {kind: 'sso-expired', message: `the AWS SSO session of profile ${name} has expired: ${ssoLogin(ssoProfile)}`};
	}
	return undefined;
};

const needsMfa = (name: string): CredentialsError => ({
	kind: 'no-credentials',
	message: `profile ${name} needs an MFA code, which s3-kms-doctor does not ask for: export temporary credentials (aws sts get-session-token) or use a profile without mfa_serial`,
});

/**
 * The provider's error as a read's failure: STS's errors come as they are; the SSO provider rewraps its client's error
 * as "Name: message", so the name is taken back from the text (and a system error code from it).
 */
const providerFailure = (error: unknown): Failure => {
	// An AWS service's own error (STS's) carries its metadata, and its message may well start "User: arn:…".
	if (typeof (error as {$metadata?: unknown} | undefined)?.$metadata === 'object') return describeFailure(error);
	const text = error instanceof Error ? error.message : String(error);
	const rewrapped = /^(\w+): /.exec(text);
	if (!rewrapped) return describeFailure(error);
	const code = /\b(E[A-Z_]{3,})\b/.exec(text)?.[1];
	const failure = describeFailure({name: rewrapped[1], message: text.slice(rewrapped[0].length), ...(code ? {code} : {})});
	// A JSON parser's own error without the SDK's words for it: still an answer that is not AWS's.
	return failure.kind === 'other' && rewrapped[1] === 'SyntaxError' ? {...failure, kind: 'not-aws'} : failure;
};

const describeProviderError = (name: string, error: unknown, files: SharedFiles): CredentialsError => {
	const message = firstLine(error);
	// The SSO provider rewraps the error: its first line is all that is left of it.
	if ((error as {name?: unknown} | undefined)?.name === answerTooLargeName || message === answerTooLargeText) {
		return {
			kind: 'no-credentials',
			message: `could not get credentials for profile ${name}: an answer of the AWS STS or SSO endpoint behind it was over ${formatSize(maxAnswerBytes)}, the most one answer may hold — check the endpoint it uses (endpoint_url, AWS_ENDPOINT_URL) and any proxy`,
		};
	}
	const ssoProfile = ssoProfileBehind(name, files);
	// The SSO portal's answer to a token it no longer takes ("an invalid access token in the request"), rewrapped as "UnauthorizedException: …".
	const portalRefused = ssoProfile !== undefined && /^UnauthorizedException\b/.test(message);
	if (portalRefused || (/\bsso\b/i.test(message) && /expired|invalid|not found|refresh|login/i.test(message))) {
		return {kind: 'sso-expired', message: `the AWS SSO session of profile ${name} has expired or is invalid: ${ssoLogin(ssoProfile ?? name)}`};
	}
	if (/Could not resolve credentials using profile/i.test(message)) {
		return {
			kind: 'no-credentials',
			message: `profile ${name} has no credentials: it names no keys, role_arn, SSO or credential_process (in ${files.configPath} or ${files.credentialsPath})`,
		};
	}
	if ((error as {name?: unknown} | undefined)?.name === 'TimeoutError' || /did not complete within|timed? ?out/i.test(message)) {
		return {
			kind: 'no-credentials',
			message: `could not get credentials for profile ${name}: AWS STS or SSO did not answer in time — check the network connection and any proxy (HTTPS_PROXY), then try again`,
		};
	}
	if (/multi-factor/i.test(message)) return needsMfa(name);
	const behind = ssoProfile === undefined ? 'AWS STS' : ssoProfile === name ? 'the AWS SSO portal' : 'AWS STS or the AWS SSO portal';
	const failure = providerFailure(error);
	const line = (what: string): CredentialsError => ({kind: 'no-credentials', message: `could not get credentials for profile ${name}: ${what}`});
	switch (failure.kind) {
		case 'network':
			return line(`${behind} could not be reached (${networkWords[failure.code] ?? 'network error'}, ${failure.code}) — check the network connection and any proxy (HTTPS_PROXY), then try again`);
		case 'throttled':
			return line(`${behind} throttled the request (${failure.code}) — wait a minute, then try again`);
		case 'server':
			return line(`${behind} failed (${failure.code}) — wait a minute, then try again`);
		case 'not-aws':
			return line(`the answer of ${behind} was not AWS's (it could not be parsed) — check the endpoint it uses (endpoint_url, AWS_ENDPOINT_URL) and any proxy`);
		case 'denied':
			if (ssoProfile !== undefined) break;
			return line(
				`AWS STS refused to let it assume its role (${failure.code}: ${failure.message}) — check the role's trust policy (it must let the source credentials' identity call sts:AssumeRole) and that identity's own policies`,
			);
		default:
			break;
	}
	return {kind: 'no-credentials', message: `could not get credentials for profile ${name}: ${message || 'the credential provider failed'}`};
};

/** The web_identity_token_file a profile's credentials read: its own, or that of a `source_profile` it chains to. */
const webIdentityFileBehind = (name: string, files: SharedFiles): {readonly profile: string; readonly path: string} | undefined => {
	const seen = new Set<string>();
	let current: string | undefined = name;
	while (current !== undefined && !seen.has(current)) {
		seen.add(current);
		const section: IniSection | undefined = files.profiles[current];
		const path = section?.['web_identity_token_file'];
		if (path && section['role_arn']) return {profile: current, path};
		current = section?.['role_arn'] ? section['source_profile'] : undefined;
	}
	return undefined;
};

/** The SDK reads that file whole, at once: only after it is known to be a small regular file. */
const checkWebIdentityFile = async (name: string, files: SharedFiles): Promise<CredentialsError | undefined> => {
	const behind = webIdentityFileBehind(name, files);
	if (!behind) return undefined;
	const checked = await checkTokenFile({
		path: behind.path,
		named: `the web identity token file ${behind.path} (web_identity_token_file of profile ${behind.profile})`,
		limitWhy: 'AWS STS takes a token of at most 20,000 characters',
		fix: `point web_identity_token_file of profile ${behind.profile} at the file that holds the identity provider's token`,
	});
	return checked.ok ? undefined : {kind: 'no-credentials', message: `could not get credentials for profile ${name}: ${checked.error}`};
};

// A container's endpoint is local to it: an answer takes milliseconds, so a few seconds without one is a fault.
const containerTimeoutMs = 2000;

const containerSettings = (context: CredentialsContext): ContainerSettings => ({
	stop: context.stop,
	timeoutMs: Math.min(context.attemptTimeoutMs, containerTimeoutMs),
	...tlsOptions(context.caBundle),
});
const instanceSettings = (context: CredentialsContext): InstanceSettings => ({stop: context.stop, attemptTimeoutMs: context.attemptTimeoutMs});

/** A role whose credentials start at a credential_source or a source profile's credential_process: the source read by us (credential-source.ts), then each role assumed through our STS settings. */
const resolveSourcedRoles = async (name: string, sourced: Result<SourcedRoles, string>, context: CredentialsContext): Promise<Result<Credentials, CredentialsError>> => {
	if (!sourced.ok) return err({kind: 'no-credentials', message: sourced.error});
	const {env, files, region, endpoints} = context;
	// As fromIni refuses a role that needs an MFA code it has no way to ask for.
	if (sourced.value.roles.some(profile => files.profiles[profile]?.['mfa_serial'])) return err(needsMfa(name));
	const source = await sourceCredentials(name, sourced.value, {env, files, stop: context.stop, instance: instanceSettings(context), container: containerSettings(context)});
	if (!source.ok) return err({kind: 'no-credentials', message: source.error});
	try {
		return ok(await assumeRoles(sourced.value, source.value, files, innerClientConfig(context, files.profiles[name]?.['region'] ?? region, endpoints.sts)));
	} catch (error) {
		return err(describeProviderError(name, error, files));
	}
};

const resolveNamedProfile = async (name: string, context: CredentialsContext): Promise<Result<Credentials, CredentialsError>> => {
	const {files, region, endpoints} = context;
	const section = files.profiles[name]!;
	const ssoProblem = await checkSsoToken(name, files);
	if (ssoProblem) return err(ssoProblem);
	const tokenFileProblem = await checkWebIdentityFile(name, files);
	if (tokenFileProblem) return err(tokenFileProblem);
	const command = section['credential_process'];
	if (profileKind(section) === 'process' && command) {
		const ran = await runCredentialProcess(command, section['aws_account_id'], context.stop);
		return ran.ok ? ran : err({kind: 'no-credentials', message: `could not get credentials for profile ${name}: its credential_process ${ran.error}`});
	}
	const sourced = sourcedRolesOf(name, files);
	if (sourced) return resolveSourcedRoles(name, sourced, context);
	// The STS client behind a role or web-identity profile (and the SSO portal client) honour the same settings as ours.
	const innerRegion = section['region'] ?? region;
	const innerEndpoint = profileKind(section) === 'sso' ? endpoints.sso : endpoints.sts;
	const provider = fromIni({
		profile: name,
		filepath: files.credentialsPath,
		configFilepath: files.configPath,
		ignoreCache: true,
		logger: silentLogger,
		clientConfig: innerClientConfig(context, innerRegion, innerEndpoint),
		roleAssumerWithWebIdentity: webIdentityAssumer(innerClientConfig(context, innerRegion, endpoints.sts)),
	});
	try {
		return ok(await provider());
	} catch (error) {
		return err(describeProviderError(name, error, files));
	}
};

/** The last link found nothing: which links were looked at, and, if it was tried, why the instance metadata service gave nothing. */
const nothingFound = (files: SharedFiles, instance?: {readonly endpoint: InstanceEndpoint; readonly reason: string}): CredentialsError => {
	const noDefault = files.profiles['default'] ? 'no credentials in the [default] profile' : 'no [default] profile';
	const looked = 'no --profile, no AWS_PROFILE, no AWS_ACCESS_KEY_ID';
	const tried = instance ? `, ${noDefault}, and ${instanceEndpointName(instance.endpoint)} could not be reached (${instance.reason})` : ` and ${noDefault}`;
	const fix = instance?.endpoint.namedBy ? `fix ${instance.endpoint.namedBy}, or pass --profile NAME` : 'pass --profile NAME';
	return {kind: 'no-credentials', message: `no AWS credentials found: ${looked}${tried}; ${fix} (${knownProfiles(files)})`};
};

/**
 * No profile named: the SDK's default order without the parts that need one — environment keys,
 * `[default]` (passed over when it names no credentials, as the SDK's chain passes it over), web identity, the
 * container, then the instance metadata service (only now, as the user's chain would, and never when
 * `AWS_EC2_METADATA_DISABLED` is set), with its settings from [default].
 */
const resolveDefaultChain = async (context: CredentialsContext): Promise<Result<Credentials, CredentialsError>> => {
	const {env, files, region, endpoints} = context;
	const accessKeyId = env['AWS_ACCESS_KEY_ID'];
	const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
	if (accessKeyId && secretAccessKey) {
		const sessionToken = env['AWS_SESSION_TOKEN'];
		return ok({accessKeyId, secretAccessKey, ...(sessionToken ? {sessionToken} : {})});
	}
	const defaultProfile = files.profiles['default'];
	if (defaultProfile && namesCredentials(defaultProfile)) return resolveNamedProfile('default', context);
	const webIdentity = environmentWebIdentity(env);
	if (webIdentity) {
		// As in the SDK's chain, its failure ends the chain (its errors do not say tryNextLink): say what failed, not "none found".
		const assumed = await assumeEnvironmentWebIdentity(webIdentity, innerClientConfig(context, region, endpoints.sts));
		return assumed.ok ? assumed : err({kind: 'no-credentials', message: assumed.error});
	}
	const container = containerEndpoint(env);
	if (container) {
		// As in the SDK's chain, a container endpoint set is the one tried: its failure is what to fix, not "none found".
		const got = await containerCredentials(container, containerSettings(context));
		return got.ok ? got : err({kind: 'no-credentials', message: got.error});
	}
	const instance = instanceEndpoint(env, defaultProfile);
	if (!instance) return err(nothingFound(files));
	if (!instance.ok) return err({kind: 'no-credentials', message: instance.error});
	const got = await instanceCredentials(instance.value, instanceSettings(context));
	if (got.ok) return got;
	// Not even the first request answered: most often not an EC2 instance, so say what else was looked for.
	return err(got.error.kind === 'unreachable' ? nothingFound(files, {endpoint: instance.value, reason: got.error.reason}) : {kind: 'no-credentials', message: got.error.line});
};

/**
 * Credentials for one profile, resolved once, by the SDK's own providers; a credential_process profile's
 * process we run ourselves as the SDK would (credential-process.ts), and a role profile's credential_source, or the
 * credential_process of a source profile behind it, we read ourselves (credential-source.ts), so that the deadline and
 * Ctrl+C can stop them.
 */
export const resolveCredentials = async (request: ProfileRequest, context: CredentialsContext): Promise<Result<Credentials, CredentialsError>> => {
	if (request.name === undefined) return resolveDefaultChain(context);
	if (!context.files.profiles[request.name]) {
		return err({kind: 'unknown-profile', message: `unknown AWS profile "${request.name}" (${request.namedBy}): ${knownProfiles(context.files)}`});
	}
	return resolveNamedProfile(request.name, context);
};
