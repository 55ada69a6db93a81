// Bundles the command-line program into dist/cli.js (commands stay lazy, as split chunks in dist/chunks/).
// Why: Node 20 spends most of start-up opening and lexing hundreds of small modules (Ink alone is
// ~400 ms unbundled); one bundle starts check in about 100 ms and the wizard's first question in
// under half a second. tsc still emits dist/ for the library (index.js) and its types.
import {build} from 'esbuild';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

await build({
	// Paths below are the project's, wherever this is run from (npm start, prepare, npx from a subfolder).
	absWorkingDir: dirname(dirname(fileURLToPath(import.meta.url))),
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	// React and its reconciler pick their development builds unless told otherwise: slower, and twice the code.
	define: {'process.env.NODE_ENV': '"production"'},
	// The AWS SDK is loaded from node_modules, only by live collection; react-devtools-core only in Ink's DEV mode.
	external: ['@aws-sdk/*', '@smithy/*', 'react-devtools-core'],
	// Bundled CommonJS packages call require(); give the ES module bundle one.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	logLevel: 'warning',
});
