import {Ajv2020} from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import {snapshotAjvOptions, snapshotSchema} from '../source/snapshot/snapshot-schema.js';

/** The files generated from snapshotSchema, by path. `npm run generate` writes them; a test fails when they drift. */

const validatorHeader = [
	'/* eslint-disable */',
	'// @ts-nocheck',
	'// Generated from snapshot-schema.ts by ajv standalone code generation: do not edit.',
	'// Regenerate: npm run generate',
].join('\n');

export const generateValidatorSource = (): string => {
	// The meta-schema check happens here: Ajv validates the schema against draft 2020-12 before compiling.
	const ajv = new Ajv2020(snapshotAjvOptions);
	const validate = ajv.compile(snapshotSchema);
	return `${validatorHeader}\n${standalone.default(ajv, validate)}\n`;
};

export const generateSchemaDocument = (): string => `${JSON.stringify(snapshotSchema, null, 2)}\n`;

export const generatedFiles = (): Readonly<Record<string, () => string>> => ({
	'source/snapshot/snapshot-validator.generated.ts': generateValidatorSource,
	'docs/snapshot.schema.json': generateSchemaDocument,
});
