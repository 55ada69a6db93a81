import {Ajv2020} from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import {snapshotAjvOptions, snapshotSchema} from '../../source/diagnosis/snapshot-schema.js';

/** The files generated from snapshotSchema, by path; `UPDATE_GENERATED=1` makes the schema test write them. */

const validatorHeader = [
	'/* eslint-disable */',
	'// @ts-nocheck',
	'// Generated from snapshot-schema.ts by ajv standalone code generation: do not edit.',
	'// Regenerate: UPDATE_GENERATED=1 npx vitest run test/diagnosis/snapshot-schema.test.ts (twice: the first run still tests the old file).',
].join('\n');

export const generateValidatorSource = (): string => {
	// The meta-schema check happens here: Ajv validates the schema against draft 2020-12 before compiling.
	const ajv = new Ajv2020(snapshotAjvOptions);
	const validate = ajv.compile(snapshotSchema);
	return `${validatorHeader}\n${standalone.default(ajv, validate)}\n`;
};

export const generateSchemaDocument = (): string => `${JSON.stringify(snapshotSchema, null, 2)}\n`;

export const generatedFiles = (): Readonly<Record<string, () => string>> => ({
	'source/diagnosis/snapshot-validator.generated.ts': generateValidatorSource,
	'docs/snapshot.schema.json': generateSchemaDocument,
});
