// Builds dist/cli.js (the esbuild bundle only: the library's tsc output is `npm run build`'s job) when it
// is missing or older than its sources. Run by `npm start` and, as `prepare`, by `npm install`, so
// `npx s3-kms-doctor` works right after a clone.
import {rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {staleReason} from './cli-freshness.js';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** Rebuilds when needed; says so on stderr (one line) so a user knows why this start is slower. */
export const ensureCli = async () => {
	const reason = staleReason(root);
	if (reason === undefined) return false;
	process.stderr.write(`s3-kms-doctor: building the CLI (${reason})…\n`);
	// Chunk names carry hashes: old ones would pile up next to the new ones.
	rmSync(join(root, 'dist', 'chunks'), {recursive: true, force: true});
	await import('./bundle-cli.js');
	return true;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await ensureCli();
