import {fromTemporaryCredentials} from '@aws-sdk/credential-providers';
import {err, ok, type Result} from '../shared/result.js';
import {containerCredentials, containerEndpoint, containerEndpointName, type ContainerSettings} from './container-credentials.js';
import type {Credentials} from './credential-identity.js';
import {runCredentialProcess} from './credential-process.js';
import {instanceCredentials, instanceEndpoint, instanceEndpointName, type InstanceSettings} from './instance-credentials.js';
import {profileKind} from './profiles.js';
import {silentLogger} from './quiet.js';
import type {IniSection, SharedFiles} from './shared-files.js';

/**
 * A role profile's `credential_source` (the AWS SDKs and Tools reference guide's assume role credential provider:
 * where to "find credentials that have permission to assume the role that you specify with the role_arn parameter").
 * The source credentials come from our own providers — the instance metadata service, the container's endpoint, the
 * environment's keys — so that every answer is bounded, the deadline and Ctrl+C stop them, and a failure is one line;
 * then each role is assumed (sts:AssumeRole, as the SDK's fromIni assumes a role profile's) through our STS settings.
 * A source_profile chain that ends at a credential_process profile is taken the same way, its process run by
 * credential-process.ts.
 */

/** The reference guide's valid values, spelt as the SDKs match them. */
const credentialSources = ['Ec2InstanceMetadata', 'EcsContainer', 'Environment'] as const;
export type CredentialSource = (typeof credentialSources)[number];

const isCredentialSource = (value: string): value is CredentialSource => (credentialSources as readonly string[]).includes(value);

/** Where the first role's credentials come from: a credential_source, or the credential_process of a source profile. */
export type RoleSource = CredentialSource | 'credential_process';

export type SourcedRoles = {
	/** The profile whose credential_source (or credential_process) it is: the one named, or a source_profile it chains to. */
	readonly owner: string;
	readonly source: RoleSource;
	/** The role profiles to assume, in order: the first with the source's credentials, each next with the one before's. */
	readonly roles: readonly string[];
};

/**
 * The credential_source or credential_process a profile's role credentials start from, following `source_profile` as
 * fromIni does: a source profile with keys gives those (and the SDK resolves the chain, as it does one that ends at
 * SSO or a web identity), a source profile may name credential_source without a role of its own, and one that is not a
 * role profile (nor keys, nor a web identity) gives its credential_process. Undefined: neither behind it. An error:
 * one line naming the profile (a loop: every profile in it) and the fix.
 */
export const sourcedRolesOf = (name: string, files: SharedFiles): Result<SourcedRoles, string> | undefined => {
	const roles: string[] = [];
	const seen: string[] = [];
	let current = name;
	for (;;) {
		const section: IniSection | undefined = files.profiles[current];
		if (!section || (roles.length > 0 && section['aws_access_key_id'] && section['aws_secret_access_key'])) return undefined;
		// After the keys: a role profile that is its own source_profile and holds keys assumes its role with them.
		if (seen.includes(current)) {
			return err(
				`profile ${name} cannot get credentials: its source_profile chain loops (${[...seen, current].join(' → ')}) — point the source_profile of one of them at a profile with credentials (in ${files.configPath} or ${files.credentialsPath})`,
			);
		}
		const role = section['role_arn'];
		const source = section['credential_source'];
		const sourceProfile = section['source_profile'];
		// Only a role profile is read for them; a source profile may give credential_source alone.
		if (!role && roles.length === 0) return undefined;
		if (source !== undefined && sourceProfile !== undefined) {
			return err(
				`profile ${current} has both source_profile and credential_source, which cannot be in the same profile — keep the one its role's credentials come from (in ${files.configPath} or ${files.credentialsPath})`,
			);
		}
		if (source !== undefined) {
			if (!isCredentialSource(source)) {
				return err(`profile ${current} has credential_source = ${JSON.stringify(source)}, which the AWS SDKs do not take — set it to Ec2InstanceMetadata, EcsContainer or Environment (in ${files.configPath} or ${files.credentialsPath})`);
			}
			return ok({owner: current, source, roles: role ? [current, ...roles] : roles});
		}
		// fromIni's order for a source profile: keys (above), a role, a web identity, then its credential_process.
		if (roles.length > 0 && profileKind(section) === 'process') return ok({owner: current, source: 'credential_process', roles});
		seen.push(current);
		// No source profile: the SDK's own error says so.
		if (!role || !sourceProfile) return undefined;
		roles.unshift(current);
		current = sourceProfile;
	}
};

/** How lines name it: `its credential_source Ec2InstanceMetadata`, or that (or the credential_process) of the source profile behind it. */
const sourceWords = (name: string, sourced: SourcedRoles): string => {
	if (sourced.source === 'credential_process') return `the credential_process of profile ${sourced.owner} behind it`;
	return sourced.owner === name ? `its credential_source ${sourced.source}` : `the credential_source ${sourced.source} of profile ${sourced.owner} behind it`;
};

// A profile chose the source: the other fix is another profile, not --profile or unsetting the container's variable.
const otherwise = 'use another profile';

export type SourceSettings = {
	readonly env: NodeJS.ProcessEnv;
	readonly files: SharedFiles;
	/** The deadline or Ctrl+C: kills a credential_process. */
	readonly stop: AbortSignal;
	readonly instance: InstanceSettings;
	readonly container: ContainerSettings;
};

/** The source credentials, from our own providers; the instance metadata service's settings are the named profile's. */
export const sourceCredentials = async (name: string, sourced: SourcedRoles, settings: SourceSettings): Promise<Result<Credentials, string>> => {
	const {env} = settings;
	if (sourced.source === 'credential_process') {
		const section = settings.files.profiles[sourced.owner] ?? {};
		const ran = await runCredentialProcess(section['credential_process'] ?? '', section['aws_account_id'], settings.stop);
		return ran.ok ? ran : err(`could not get credentials for profile ${name}: ${sourceWords(name, sourced)} ${ran.error}`);
	}
	const failed = (line: string): Result<never, string> => err(`could not get credentials for profile ${name} from ${sourceWords(name, sourced)}: ${line}`);
	if (sourced.source === 'Environment') {
		const accessKeyId = env['AWS_ACCESS_KEY_ID'];
		const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
		if (!accessKeyId || !secretAccessKey) return failed(`AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set — set them to keys that may assume its role, or ${otherwise}`);
		const sessionToken = env['AWS_SESSION_TOKEN'];
		return ok({accessKeyId, secretAccessKey, ...(sessionToken ? {sessionToken} : {})});
	}
	if (sourced.source === 'EcsContainer') {
		const endpoint = containerEndpoint(env);
		if (!endpoint) {
			return failed(`neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set — run it in the ECS task or EKS pod whose role may assume its role, or ${otherwise}`);
		}
		const got = await containerCredentials(endpoint, {...settings.container, otherwise});
		return got.ok ? got : failed(got.error);
	}
	const endpoint = instanceEndpoint(env, settings.files.profiles[name], name);
	if (!endpoint) return failed(`AWS_EC2_METADATA_DISABLED turns the instance metadata service off — unset AWS_EC2_METADATA_DISABLED, or ${otherwise}`);
	if (!endpoint.ok) return failed(endpoint.error);
	const got = await instanceCredentials(endpoint.value, {...settings.instance, otherwise});
	if (got.ok) return got;
	if (got.error.kind === 'failed') return failed(got.error.line);
	const fix = endpoint.value.namedBy ? `, fix ${endpoint.value.namedBy}` : '';
	return failed(`${instanceEndpointName(endpoint.value)} could not be reached (${got.error.reason}) — run it on an EC2 instance with an IAM role${fix}, or ${otherwise}`);
};

/** The settings of the STS client each role is assumed with: fromTemporaryCredentials makes the SDK's STS client from them. */
export type AssumeRoleClientConfig = NonNullable<Parameters<typeof fromTemporaryCredentials>[0]['clientConfig']>;

/** Each role in turn, with the parameters fromIni sends; a failure rejects as the SDK's providers do (credentials.ts words it). */
export const assumeRoles = async (sourced: SourcedRoles, source: Credentials, files: SharedFiles, clientConfig: AssumeRoleClientConfig): Promise<Credentials> => {
	let credentials = source;
	for (const profile of sourced.roles) {
		const section = files.profiles[profile] ?? {};
		const sessionName = section['role_session_name'];
		const externalId = section['external_id'];
		credentials = await fromTemporaryCredentials({
			masterCredentials: credentials,
			params: {
				RoleArn: section['role_arn']!,
				// Absent, it is named as fromIni names it (aws-sdk-js-<time>).
				...(sessionName ? {RoleSessionName: sessionName} : {}),
				...(externalId ? {ExternalId: externalId} : {}),
				// The reference guide's duration_seconds: "Default value: 3600 seconds (one hour)".
				DurationSeconds: Number.parseInt(section['duration_seconds'] || '3600', 10),
			},
			clientConfig,
			logger: silentLogger,
		})();
	}
	return credentials;
};

/** What a credential_source profile waits on at the deadline: its source or AWS STS after it, and what to do. */
export const sourceAwaited = (name: string, sourced: SourcedRoles, env: NodeJS.ProcessEnv, files: SharedFiles): {readonly what: string; readonly fix: string} => {
	const network = 'check the network connection and any proxy (HTTPS_PROXY), then try again';
	if (sourced.source === 'credential_process') {
		return {what: `${sourceWords(name, sourced)} did not finish, or AWS STS after it did not answer`, fix: `run it on its own to see what it waits for (a login, a prompt), ${network}`};
	}
	const instance = sourced.source === 'Ec2InstanceMetadata' ? instanceEndpoint(env, files.profiles[name], name) : undefined;
	if (instance?.ok) {
		return {what: `${instanceEndpointName(instance.value)}, ${sourceWords(name, sourced)}, or AWS STS after it did not answer`, fix: `run it on an EC2 instance with an IAM role, ${network}`};
	}
	const container = sourced.source === 'EcsContainer' ? containerEndpoint(env) : undefined;
	if (container) {
		return {what: `${containerEndpointName(container)}, ${sourceWords(name, sourced)}, or AWS STS after it did not answer`, fix: `run it where that endpoint is (the ECS task or EKS pod it belongs to), ${network}`};
	}
	return {what: 'AWS STS did not answer', fix: network};
};
