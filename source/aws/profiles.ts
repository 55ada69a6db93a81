import {loadSharedFiles, type IniSection, type SharedFiles} from './shared-files.js';

export type ProfileKind = 'static' | 'sso' | 'assume-role' | 'process' | 'other';

export type ProfileSummary = {
	readonly name: string;
	readonly region?: string;
	readonly kind: ProfileKind;
	readonly ssoStartUrl?: string;
	readonly roleArn?: string;
};

/** How a profile gets credentials, in the order the SDK tries them (a role profile may also hold keys). */
export const profileKind = (section: IniSection): ProfileKind => {
	if (section['role_arn'] && (section['source_profile'] || section['credential_source'])) return 'assume-role';
	if (section['aws_access_key_id'] && section['aws_secret_access_key']) return 'static';
	if (section['web_identity_token_file'] && section['role_arn']) return 'assume-role';
	if (section['credential_process']) return 'process';
	if (section['sso_session'] || section['sso_start_url'] || section['sso_account_id'] || section['sso_role_name']) return 'sso';
	return 'other';
};

/**
 * Whether the SDK's profile provider (fromIni) finds a way to credentials in a profile. Its default chain passes over
 * a [default] that names none (only a Region, say: `aws configure set region` on an instance) to the next link.
 */
export const namesCredentials = (section: IniSection): boolean =>
	profileKind(section) !== 'other' || section['sso_region'] !== undefined || section['login_session'] !== undefined;

export const ssoStartUrlOf = (section: IniSection, files: SharedFiles): string | undefined => {
	const sessionName = section['sso_session'];
	return (sessionName ? files.ssoSessions[sessionName]?.['sso_start_url'] : undefined) ?? section['sso_start_url'];
};

export const summarizeProfile = (name: string, files: SharedFiles): ProfileSummary => {
	const section = files.profiles[name] ?? {};
	const kind = profileKind(section);
	const region = section['region'];
	const ssoStartUrl = kind === 'sso' ? ssoStartUrlOf(section, files) : undefined;
	const roleArn = kind === 'assume-role' ? section['role_arn'] : undefined;
	return {name, kind, ...(region ? {region} : {}), ...(ssoStartUrl ? {ssoStartUrl} : {}), ...(roleArn ? {roleArn} : {})};
};

/** `default` first, then by name: the order a picker shows them in. */
export const sortProfileNames = (names: readonly string[]): string[] =>
	[...names].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));

/**
 * The profiles of `~/.aws/config` and `~/.aws/credentials` (or the files `AWS_CONFIG_FILE` and
 * `AWS_SHARED_CREDENTIALS_FILE` name), without their secrets: only what a picker shows.
 */
export const listProfiles = async (env: NodeJS.ProcessEnv = process.env): Promise<ProfileSummary[]> => {
	const files = await loadSharedFiles(env);
	return sortProfileNames(Object.keys(files.profiles)).map(name => summarizeProfile(name, files));
};
