import {homedir} from 'node:os';
import {join} from 'node:path';
import {loadSharedConfigFiles} from '@smithy/shared-ini-file-loader';

/** One section of `~/.aws/config` or `~/.aws/credentials`: `key = value` lines (sub-sections as `s3.endpoint_url`). */
export type IniSection = Readonly<Record<string, string | undefined>>;

/** The user's AWS files, as the SDK reads them, with the paths `env` points at. */
export type SharedFiles = {
	/** Every profile of both files; a profile in both has the credentials file's values on top. */
	readonly profiles: Readonly<Record<string, IniSection>>;
	/** `[sso-session NAME]` sections of the config file. */
	readonly ssoSessions: Readonly<Record<string, IniSection>>;
	/** `[services NAME]` sections of the config file (per-service `endpoint_url`). */
	readonly services: Readonly<Record<string, IniSection>>;
	readonly home: string;
	readonly configPath: string;
	readonly credentialsPath: string;
};

/** The home directory the SDK would use, from `env` rather than the process (tests pass a temporary one). */
export const homeOf = (env: NodeJS.ProcessEnv): string => {
	if (env['HOME']) return env['HOME'];
	if (env['USERPROFILE']) return env['USERPROFILE'];
	if (env['HOMEPATH']) return `${env['HOMEDRIVE'] ?? 'C:\\'}${env['HOMEPATH']}`;
	return homedir();
};

const expandHome = (path: string, home: string): string => (path.startsWith('~/') ? join(home, path.slice(2)) : path);

const sectionPrefixes = {ssoSession: 'sso-session.', services: 'services.'} as const;

const withPrefix = (data: Readonly<Record<string, IniSection>>, prefix: string): Record<string, IniSection> =>
	Object.fromEntries(Object.entries(data).filter(([name]) => name.startsWith(prefix)).map(([name, section]) => [name.slice(prefix.length), section]));

/**
 * Read both files fresh (`ignoreCache`: the wizard lists profiles again after the user edits them).
 * A missing or unreadable file counts as empty, as it does for the SDK and the AWS CLI.
 */
export const loadSharedFiles = async (env: NodeJS.ProcessEnv): Promise<SharedFiles> => {
	const home = homeOf(env);
	const configPath = expandHome(env['AWS_CONFIG_FILE'] || join(home, '.aws', 'config'), home);
	const credentialsPath = expandHome(env['AWS_SHARED_CREDENTIALS_FILE'] || join(home, '.aws', 'credentials'), home);
	const {configFile, credentialsFile} = await loadSharedConfigFiles({filepath: credentialsPath, configFilepath: configPath, ignoreCache: true});
	const isSpecial = (name: string): boolean => name.startsWith(sectionPrefixes.ssoSession) || name.startsWith(sectionPrefixes.services);
	const profiles: Record<string, IniSection> = {};
	for (const [name, section] of Object.entries(configFile)) if (!isSpecial(name)) profiles[name] = {...section};
	for (const [name, section] of Object.entries(credentialsFile)) profiles[name] = {...profiles[name], ...section};
	return {
		profiles,
		ssoSessions: withPrefix(configFile, sectionPrefixes.ssoSession),
		services: withPrefix(configFile, sectionPrefixes.services),
		home,
		configPath,
		credentialsPath,
	};
};
