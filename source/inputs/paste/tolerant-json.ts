import {createRequire} from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import type {ParseError} from 'jsonc-parser';
import {lineAndColumn, parseJson, type JsonSyntaxError} from '../../engine/json.js';
import {err, ok, type Result} from '../../shared/result.js';

/**
 * JSON as people paste it from documentation and consoles: a statement cut out of a policy keeps its
 * trailing comma (`{ "Sid": … },`), several statements come comma-separated without brackets, a
 * `"Statement": [ … ]` fragment lacks its braces. Each repair is named in a note the user sees; what
 * cannot be repaired is the strict parser's error, with its line and column in the text as pasted.
 */

export type TolerantJson = {readonly value: unknown; readonly notes: readonly string[]};

// Loaded only when strict JSON fails, as engine/json.ts does.
const loadJsonc = (): typeof Jsonc => createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;

/** Parses with trailing commas allowed, and says where they were; undefined when other errors remain. */
const withTrailingCommas = (text: string): TolerantJson | undefined => {
	const jsonc = loadJsonc();
	const loose: ParseError[] = [];
	const value: unknown = jsonc.parse(text, loose, {disallowComments: true, allowTrailingComma: true, allowEmptyContent: false});
	if (loose.length > 0) return undefined;
	const strict: ParseError[] = [];
	jsonc.parse(text, strict, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false});
	const lines = [...new Set(strict.map(error => lineAndColumn(text, error.offset).line))];
	const where = lines.length === 0 ? '' : ` (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`;
	return {value, notes: lines.length === 0 ? [] : [`ignored ${lines.length === 1 ? 'a trailing comma' : `${lines.length} trailing commas`}${where}`]};
};

const parsed = (text: string): TolerantJson | undefined => {
	try {
		return {value: JSON.parse(text) as unknown, notes: []};
	} catch {
		return withTrailingCommas(text);
	}
};

export const parseTolerantJson = (pasted: string): Result<TolerantJson, JsonSyntaxError> => {
	let text = pasted.trim();
	const notes: string[] = [];
	if (text.endsWith(',')) {
		text = text.slice(0, -1).trimEnd();
		notes.push('ignored the trailing comma at the end');
	}
	if (/^"Statement"\s*:/.test(text)) {
		text = `{${text}}`;
		notes.push('added the braces around "Statement"');
	}
	const whole = parsed(text);
	if (whole) return ok({value: whole.value, notes: [...notes, ...whole.notes]});
	// `{…}, {…}`: statements separated by commas, as they sit inside a policy's Statement list.
	if (text.startsWith('{')) {
		const list = parsed(`[${text}]`);
		if (list && Array.isArray(list.value)) return ok({value: list.value, notes: [...notes, ...list.notes]});
	}
	const strict = parseJson(pasted.trim());
	return strict.ok ? ok({value: strict.value, notes: []}) : err(strict.error);
};
