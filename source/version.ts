import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The package's version, from the nearest package.json above this module (dist/, or a bundle chunk below it). */
const findVersion = (): string => {
	let folder = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		try {
			const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {name?: string; version?: string};
			if (manifest.name === 's3-kms-doctor' && manifest.version) return manifest.version;
		} catch {
			// No package.json here: keep walking up.
		}
		const parent = dirname(folder);
		if (parent === folder) return 'unknown';
		folder = parent;
	}
};

export const packageVersion: string = findVersion();
