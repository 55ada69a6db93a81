import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import {layersRule, pureLayers} from './lint/layers.js';

// The architecture's boundaries (docs/architecture.md). Layers: the local rule `architecture/layers`.
// Packages and Node modules: an allow-list for the pure layers, a deny-list for the UI.
const pureCore = {
	patterns: [
		{
			// Everything that is not relative, not one of these packages and not node:module is refused.
			regex: String.raw`^(?!\.|jsonc-parser$|ipaddr\.js$|ajv(/|$)|string-width$|cli-truncate$|slice-ansi$|strip-ansi$|wrap-ansi$|node:module$)`,
			message: 'The pure layers do no I/O and import neither the UI nor the AWS SDK: only jsonc-parser, ipaddr.js, ajv, string-width, cli-truncate, slice-ansi, strip-ansi, wrap-ansi and node:module (add a package here only if it is pure).',
		},
	],
};

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: {...globals.node}},
		plugins: {architecture: {rules: {layers: layersRule}}},
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'@typescript-eslint/consistent-type-imports': 'error',
			'no-restricted-syntax': ['error', {selector: 'TSEnumDeclaration', message: 'Use string-literal unions, not enums.'}],
		},
	},
	{
		files: ['source/**/*.{ts,tsx}'],
		rules: {'architecture/layers': 'error'},
	},
	{
		files: pureLayers.map(layer => `source/${layer}/**`),
		rules: {'no-restricted-imports': ['error', pureCore]},
	},
	{
		files: ['source/ui/**'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process'].map(name => ({name, message: 'The UI reads and writes files through the services commands/wizard.ts hands it.'})),
				patterns: [{group: ['@aws-sdk/*', '@smithy/*'], message: 'The UI reaches AWS only through source/aws, via the services it is handed.'}],
			}],
		},
	},
);
