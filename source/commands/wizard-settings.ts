import {readFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import envPaths from 'env-paths';
import type {SettingsStore, WizardSettings} from '../ui/services.js';
import {emptySettings} from '../ui/session/remember.js';
import {settingsFromStore} from '../ui/session/settings-shape.js';

const settingsProject = 's3-kms-doctor';

/**
 * The file conf keeps the settings in: `cwd`, or the config folder env-paths gives conf (with conf's
 * default suffix, `nodejs`), then `config.json`. Computed here so the first frame reads it without loading conf.
 */
export const settingsFilePath = (options: {readonly cwd?: string} = {}): string =>
	resolve(options.cwd || envPaths(settingsProject, {suffix: 'nodejs'}).config, 'config.json');

/**
 * Remembered settings in conf's file (0600). `cwd` moves it (tests, and S3_KMS_DOCTOR_CONFIG_DIR); a
 * file that cannot be read leaves the wizard without memory rather than broken, and is never overwritten.
 * Reading is a plain JSON read (conf with ajv is a 430 KB chunk, too slow for the first frame); conf loads
 * only to write, which keeps its atomic writes and file mode.
 */
export const createSettingsStore = (options: {readonly cwd?: string} = {}): SettingsStore => {
	type Store = {store: Record<string, unknown>};
	let opened: Promise<Store> | undefined;
	const open = (): Promise<Store> => {
		opened ??= import('conf').then(({default: Conf}) => new Conf({projectName: settingsProject, configFileMode: 0o600, ...(options.cwd ? {cwd: options.cwd} : {})}) as unknown as Store);
		return opened;
	};
	return {
		load: async (): Promise<WizardSettings> => {
			let text: string;
			try {
				text = await readFile(settingsFilePath(options), 'utf8');
			} catch (error) {
				// No file yet is a first run, as for conf; anything else is a file that cannot be read.
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptySettings;
				throw error;
			}
			return settingsFromStore(JSON.parse(text));
		},
		save: async (settings: WizardSettings): Promise<void> => {
			const conf = await open();
			conf.store = {...settings} as Record<string, unknown>;
		},
	};
};
