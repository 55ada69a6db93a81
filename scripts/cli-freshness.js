// Whether dist/cli.js is older than what it is built from: the sources, the bundler script and the
// dependency manifests. `npm start` and `npm install` (prepare) rebuild only then, so a start with
// nothing changed goes straight to the program.
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

/** What the CLI bundle is made from, relative to the project root. */
export const bundleInputs = ['source', 'scripts/bundle-cli.js', 'package.json', 'package-lock.json', 'tsconfig.json'];

const newestIn = path => {
	if (!existsSync(path)) return 0;
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.mtimeMs;
	return readdirSync(path).reduce((newest, name) => Math.max(newest, newestIn(join(path, name))), stats.mtimeMs);
};

/** Why dist/cli.js must be (re)built, or undefined when it is up to date. */
export const staleReason = root => {
	const cli = join(root, 'dist', 'cli.js');
	if (!existsSync(cli)) return 'dist/cli.js does not exist yet';
	const built = statSync(cli).mtimeMs;
	const changed = bundleInputs.find(input => newestIn(join(root, input)) > built);
	return changed === undefined ? undefined : `${changed} changed since the last build`;
};
