import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fromIni} from '@aws-sdk/credential-providers';
import {err, ok, type Result} from '../shared/result.js';
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
import {describeProviderError, needsMfa, ssoLogin, ssoProfileBehind, type CredentialsError} from './credentials-error.js';
import type {Credentials} from './credential-identity.js';
import {assumeEnvironmentWebIdentity, environmentWebIdentity, webIdentityAssumer} from './web-identity.js';

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

const knownProfiles = (files: SharedFiles): string => {
	const names = sortProfileNames(Object.keys(files.profiles));
	if (names.length === 0) return `there are no profiles in ${files.configPath} or ${files.credentialsPath} (run aws configure)`;
	const shown = names.slice(0, 8).join(', ');
	return `known profiles: ${shown}${names.length > 8 ? `, and ${names.length - 8} more` : ''}`;
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
