import {containerEndpoint, containerEndpointName} from './container-credentials.js';
import {sourceAwaited, sourcedRolesOf} from './credential-source.js';
import type {ProfileRequest} from './credentials.js';
import {instanceEndpoint, instanceEndpointName} from './instance-credentials.js';
import {namesCredentials, profileKind} from './profiles.js';
import type {IniSection, SharedFiles} from './shared-files.js';
import {environmentWebIdentity, webIdentityName} from './web-identity.js';

/** What a profile's credentials wait on, and what to do when it does not answer: its credential_process, SSO, or STS (a credential_source, or a source profile's credential_process: credential-source.ts). */
const awaitedBy = (name: string, files: SharedFiles): {readonly what: string; readonly fix: string} => {
	const network = 'check the network connection and any proxy (HTTPS_PROXY), then try again';
	const seen = new Set<string>();
	let current: string | undefined = name;
	while (current !== undefined && !seen.has(current)) {
		seen.add(current);
		const section: IniSection = files.profiles[current] ?? {};
		// Past the first profile, fromIni takes a profile's keys before its role_arn: the chain ends there, at STS.
		if (current !== name && section['aws_access_key_id'] && section['aws_secret_access_key']) break;
		const kind = profileKind(section);
		// One behind a source_profile is credential-source.ts's: reached here, keys on the way come first, as in fromIni.
		if (kind === 'process') {
			if (current !== name) break;
			return {what: 'its credential_process did not finish', fix: 'run it on its own to see what it waits for (a login, a prompt)'};
		}
		if (kind === 'sso') return {what: 'the AWS SSO portal did not answer', fix: `${network}, or run aws sso login --profile ${current}`};
		if (kind !== 'assume-role' || !section['source_profile'] || section['web_identity_token_file']) break;
		current = section['source_profile'];
	}
	return {what: 'AWS STS did not answer', fix: network};
};

/** One line for credentials still not there at the deadline, naming the profile and what it waits on. */
export const notReadyLine = (request: ProfileRequest, files: SharedFiles, env: NodeJS.ProcessEnv, deadlineMs: number): string => {
	const seconds = `${Math.round(deadlineMs / 100) / 10} s`;
	const defaultProfile = files.profiles['default'];
	// The default chain waits on what comes after [default] only when [default] names no credentials (environment keys never wait).
	const pastDefault = request.name === undefined && !(defaultProfile && namesCredentials(defaultProfile));
	const webIdentity = pastDefault ? environmentWebIdentity(env) : undefined;
	if (webIdentity) return `the default credentials were not ready before the ${seconds} deadline: AWS STS did not answer for ${webIdentityName(webIdentity)} — check the network connection and any proxy (HTTPS_PROXY), then try again`;
	const container = pastDefault ? containerEndpoint(env) : undefined;
	if (container) return `the default credentials were not ready before the ${seconds} deadline: ${containerEndpointName(container)} did not answer — run where that endpoint is (the ECS task or EKS pod it belongs to), or unset ${container.namedBy} to use other credentials`;
	const instance = pastDefault ? instanceEndpoint(env, defaultProfile) : undefined;
	if (instance?.ok) return `the default credentials were not ready before the ${seconds} deadline: ${instanceEndpointName(instance.value)} did not answer — run on an EC2 instance with an IAM role, or pass --profile NAME`;
	if (request.name === undefined) return `the default credentials were not ready before the ${seconds} deadline — check the network connection and any proxy (HTTPS_PROXY), or name a profile with --profile`;
	const sourced = sourcedRolesOf(request.name, files);
	const {what, fix} = sourced?.ok ? sourceAwaited(request.name, sourced.value, env, files) : awaitedBy(request.name, files);
	return `the credentials of profile ${request.name} were not ready before the ${seconds} deadline: ${what} — ${fix}`;
};
