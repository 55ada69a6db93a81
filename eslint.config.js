import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The architecture's boundaries (see docs/architecture.md): the core is pure, only source/aws talks to AWS.
const pureCore = {
	patterns: [
		{group: ['ink', 'ink/*', '@inkjs/*', 'react', 'react/*'], message: 'The pure core must not import the UI.'},
		{group: ['@aws-sdk/*', '@smithy/*'], message: 'Only source/aws may talk to AWS.'},
		{group: ['../aws/*', '../ui/*', '../cli*'], message: 'The pure core must not depend on I/O layers.'},
	],
	paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https'].map(name => ({
		name,
		message: 'The pure core does no I/O.',
	})),
};

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: {...globals.node}},
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'@typescript-eslint/consistent-type-imports': 'error',
			'no-restricted-syntax': ['error', {selector: 'TSEnumDeclaration', message: 'Use string-literal unions, not enums.'}],
		},
	},
	{
		files: ['source/engine/**', 'source/operations/**', 'source/diagnosis/**', 'source/report/**'],
		rules: {'no-restricted-imports': ['error', pureCore]},
	},
	{
		files: ['source/ui/**'],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					{group: ['@aws-sdk/*', '@smithy/*'], message: 'The UI reaches AWS only through source/aws.'},
				],
			}],
		},
	},
);
