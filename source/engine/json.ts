import {createRequire} from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import type {ParseError} from 'jsonc-parser';
import {err, ok, type Result} from '../shared/result.js';
import {maxJsonDepth, tooDeepAt} from './json-depth.js';

// Loaded only when the JSON is broken: most runs never pay for it.
const loadJsonc = (): typeof Jsonc => createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;

export type JsonSyntaxError = {
	readonly message: string;
	/** 1-based. */
	readonly line: number;
	readonly column: number;
};

/** Line and column (1-based) of a character offset. */
export const lineAndColumn = (text: string, offset: number): {line: number; column: number} => {
	let line = 1;
	let lineStart = 0;
	for (let index = 0; index < offset && index < text.length; index++) {
		if (text[index] === '\n') {
			line++;
			lineStart = index + 1;
		}
	}
	return {line, column: offset - lineStart + 1};
};

const describeCode = (error: ParseError, jsonc: typeof Jsonc): string =>
	jsonc.printParseErrorCode(error.error)
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase();

/**
 * Strict JSON.parse, and on failure an error that says where: "value expected at line 4, column 3".
 * (Node 20's JSON.parse does not give a position for most errors; jsonc-parser does.)
 */
export const parseJson = (text: string): Result<unknown, JsonSyntaxError> => {
	const deep = tooDeepAt(text);
	if (deep !== undefined) {
		const where = lineAndColumn(text, deep);
		return err({message: `nested more than ${maxJsonDepth} levels deep (the limit) at line ${where.line}, column ${where.column}`, ...where});
	}
	try {
		return ok(JSON.parse(text) as unknown);
	} catch {
		if (text.trim() === '') return err({message: 'the text is empty; expected a JSON document', line: 1, column: 1});
		const jsonc = loadJsonc();
		const errors: ParseError[] = [];
		jsonc.parse(text, errors, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false});
		const first = errors[0];
		const where = lineAndColumn(text, first ? first.offset : text.length);
		const what = first ? describeCode(first, jsonc) : 'unexpected text after the JSON value';
		return err({message: `${what} at line ${where.line}, column ${where.column}`, ...where});
	}
};
