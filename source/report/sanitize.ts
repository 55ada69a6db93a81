import {shellWords} from '../shared/shell.js';

/**
 * The one sanitizing step of every human-facing output (text report, markdown, the wizard, notes on
 * stderr, explain-error): characters that can steer a terminal or hide text are shown as JSON escapes
 * (`\u001b`, `\n`), so a customer's Sid can neither clear the screen, write the clipboard (OSC 52),
 * overwrite the verdict (CR) nor reorder what is read (U+202E). Inside JSON text the escapes mean the
 * same characters, so a policy shown this way still parses to the customer's exact policy.
 */

// C0 controls, DEL and C1 controls; bidi marks and embeddings (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069);
// zero-width and invisible format characters; line and paragraph separators; interlinear annotations.
const unsafeClass = String.raw`\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb`;
// Tag characters (U+E0000–U+E007F) are invisible text unless they spell a flag after a black flag emoji.
const tagCharacter = String.raw`[\u{e0000}-\u{e007f}]`;
const emojiBefore = String.raw`[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]`;
/** Legitimate emoji sequences first (kept whole), then any unsafe character on its own. */
const pattern = new RegExp(
	String.raw`(?<=${emojiBefore})\u200d(?=\p{Extended_Pictographic})|\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f}|([${unsafeClass}]|${tagCharacter})`,
	'gu',
);
const quickTest = new RegExp(`[${unsafeClass}]|${tagCharacter}`, 'u');

const shortEscapes: Readonly<Record<string, string>> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'};

/** `\u001b`; astral characters as their JSON surrogate pair, so the result is valid inside a JSON string. */
const escapeOf = (character: string): string => {
	const short = shortEscapes[character];
	if (short !== undefined) return short;
	let escaped = '';
	for (let index = 0; index < character.length; index++) escaped += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
	return escaped;
};

/** Does the text hold a character that `visible` would escape? */
export const hasUnsafeCharacters = (text: string): boolean => quickTest.test(text) && visible(text) !== text;

/** Text with every terminal-steering or invisible character shown as its escape; idempotent. */
export const visible = (text: string): string => {
	if (!quickTest.test(text)) return text;
	return text.replace(pattern, (match: string, unsafe: string | undefined) => (unsafe === undefined ? match : escapeOf(unsafe)));
};

/** JSON for people: pretty-printed, each line made visible (the escapes keep the JSON's meaning). */
export const visibleJson = (value: unknown, indent = 2): string =>
	JSON.stringify(value, null, indent)
		.split('\n')
		.map(visible)
		.join('\n');

/**
 * Text laid out in lines by us (stderr notes, JSON for machines) made visible line by line: in JSON the
 * values stay exact, with the unsafe characters JSON-escaped.
 */
export const visibleLines = (json: string): string => json.split('\n').map(visible).join('\n');

/** How many characters of all the strings (keys included) in a JSON value would be shown escaped. */
export const unsafeCharacterCount = (value: unknown): number => {
	if (typeof value === 'string') {
		if (!quickTest.test(value)) return 0;
		let count = 0;
		value.replace(pattern, (match: string, unsafe: string | undefined) => {
			if (unsafe !== undefined) count++;
			return match;
		});
		return count;
	}
	if (Array.isArray(value)) return value.reduce((sum: number, item: unknown) => sum + unsafeCharacterCount(item), 0);
	if (typeof value === 'object' && value !== null) {
		return Object.entries(value).reduce((sum, [key, item]) => sum + unsafeCharacterCount(key) + unsafeCharacterCount(item), 0);
	}
	return 0;
};

/**
 * Every string in a plain-data value made visible, keys included; objects are copied only where something
 * changed. Fields named in `asJson` are left exact: they are shown as JSON (with `visibleJson`), where the
 * escapes must be JSON's own rather than a string's.
 */
export const visibleDeep = <T>(value: T, asJson: ReadonlySet<string> = new Set(), show: (text: string) => string = visible): T => {
	if (typeof value === 'string') return show(value) as T;
	if (Array.isArray(value)) {
		const mapped = value.map(item => visibleDeep(item, asJson, show) as unknown);
		return (mapped.some((item, index) => item !== value[index]) ? mapped : value) as T;
	}
	if (typeof value !== 'object' || value === null) return value;
	let changed = false;
	const entries = Object.entries(value).map(([key, item]): [string, unknown] => {
		const shownKey = visible(key);
		// A fix's whole command is held back by `commandsNotShownExactly`, which matches it by its `visible` form.
		const shownItem = asJson.has(key) ? item : visibleDeep(item, asJson, key === 'command' ? visible : show);
		if (shownKey !== key || shownItem !== item) changed = true;
		return [shownKey, shownItem];
	});
	return changed ? (Object.fromEntries(entries) as T) : value;
};

/** Fields of a Diagnosis shown as JSON (policy statements) or never shown (the engine's full evaluation). */
const diagnosisJsonFields = new Set(['statement', 'statements', 'policy', 'evaluation']);

/** An assumption's `statement` is prose, not a policy statement: it may quote an object key or an AWS error's text. */
const visibleAssumptions = <T>(diagnosis: T): T => {
	const assumptions = (diagnosis as {assumptions?: unknown}).assumptions;
	if (!Array.isArray(assumptions)) return diagnosis;
	const shown = assumptions.map((assumption: unknown) => {
		const statement = (assumption as {statement?: unknown}).statement;
		return typeof statement === 'string' && visibleText(statement) !== statement ? {...(assumption as object), statement: visibleText(statement)} : assumption;
	});
	return shown.some((assumption, index) => assumption !== assumptions[index]) ? {...diagnosis, assumptions: shown} : diagnosis;
};

/** A diagnosis whose every customer-written string is visible; statements and policies stay exact for `visibleJson`. */
export const visibleDiagnosis = <T>(diagnosis: T): T => visibleAssumptions(visibleDeep(diagnosis, diagnosisJsonFields, visibleText));

const sameJson = (exact: string, shown: string): boolean => {
	try {
		return JSON.stringify(JSON.parse(exact)) === JSON.stringify(JSON.parse(shown));
	} catch {
		return false;
	}
};

/**
 * Does the command, shown with `visible`, still give a shell the exact words? A policy's JSON does (its escapes read
 * back as the same characters); an object key with a line break outside JSON does not (`'a\nb'` is a backslash and n).
 */
export const shownCommandIsExact = (command: string): boolean => {
	if (!hasUnsafeCharacters(command)) return true;
	const exact = shellWords(command);
	const shown = shellWords(visible(command));
	if (!exact.ok || !shown.ok || exact.value.length !== shown.value.length) return false;
	return exact.value.every((word, index) => word === shown.value[index] || sameJson(word, shown.value[index]!));
};

/** The fixes' commands, as shown, that would not run as the exact command: never offered to paste or copy. */
export const commandsNotShownExactly = (fixes: readonly {readonly command: string}[]): ReadonlySet<string> =>
	new Set(fixes.filter(fix => !shownCommandIsExact(fix.command)).map(fix => visible(fix.command)));

/** Said in a sentence in place of a command that, shown escaped, would not be the exact command. */
export const commandWithheldWords =
	'its command is not shown here: a value in it holds a line break or another control or invisible character, which can only be shown escaped, and escaped it would name something else; check --format json has the exact command';

/** Where an `aws …` command written in a sentence may start: the text's start, or after `(`, `: ` or `; `. */
const commandStart = /(?<=^|\(|: |; )aws\s/g;

/** Where a command that starts at `start` ends: at an unquoted `)` or the text's end, quotes read as `shellWords` reads them. */
const commandEnd = (text: string, start: number): number => {
	let quote: "'" | '"' | undefined;
	for (let index = start; index < text.length; index++) {
		const char = text[index];
		if (quote === "'") {
			if (char === "'") quote = undefined;
		} else if (quote === '"') {
			if (char === '\\') index++;
			else if (char === '"') quote = undefined;
		} else if (char === "'" || char === '"') quote = char;
		else if (char === '\\') index++;
		else if (char === ')') return index;
	}
	return text.length;
};

/**
 * Prose made visible, where an `aws …` command written in it (a read that settles an unknown: `s3:GetObjectAcl on …
 * (aws s3api get-object-acl --bucket 'b' --key 'k')`) that would not paste as the exact command (an object key with a
 * line break: `'a\nb'` is a backslash and an n to a shell) is replaced by words saying where the exact one is.
 */
export const visibleText = (text: string): string => {
	if (!quickTest.test(text)) return text;
	let shown = '';
	let from = 0;
	for (const match of text.matchAll(commandStart)) {
		if (match.index < from) continue;
		const end = commandEnd(text, match.index);
		if (shownCommandIsExact(text.slice(match.index, end))) continue;
		shown += visible(text.slice(from, match.index)) + commandWithheldWords;
		from = end;
	}
	return shown + visible(text.slice(from));
};
