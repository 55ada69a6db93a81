// `npm run generate`: writes the files generated from the snapshot schema (the standalone validator and
// docs/snapshot.schema.json). The generator is TypeScript, so esbuild compiles it to a temporary module first.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';

// Inside the project, so the compiled module resolves ajv from node_modules.
mkdirSync('node_modules/.cache', {recursive: true});
const folder = mkdtempSync(path.join('node_modules/.cache', 'generate-'));
try {
	const outfile = path.join(folder, 'snapshot-files.mjs');
	// The validator it imports calls require() (ajv's standalone code): an ES module has none until one is made.
	const banner = {js: "import {createRequire} from 'node:module'; const require = createRequire(import.meta.url);"};
	await build({entryPoints: ['scripts/snapshot-files.ts'], outfile, bundle: true, format: 'esm', platform: 'node', packages: 'external', logLevel: 'warning', banner});
	const {generatedFiles} = await import(pathToFileURL(path.resolve(outfile)).href);
	for (const [file, generate] of Object.entries(generatedFiles())) {
		writeFileSync(file, generate());
		console.log(`wrote ${file}`);
	}
} finally {
	rmSync(folder, {recursive: true, force: true});
}
