import {micromark} from 'micromark';
import {gfm, gfmHtml} from 'micromark-extension-gfm';
import {visible} from '../../../source/report/sanitize.js';
import {shellQuote} from '../../../source/shared/shell.js';

/**
 * What the sweep asserts of every human-facing output, independent of the sanitizer it tests: the characters
 * docs/hostile-input.md lists, and the markup a markdown reader (GitHub's GFM, as micromark reads it) would act on.
 */

/**
 * C0 controls (our own line breaks aside), DEL, C1 controls, the bidi controls and marks, zero-width and invisible
 * format characters, line and paragraph separators, interlinear annotations and tag characters.
 */
// eslint-disable-next-line no-control-regex -- these are what the sweep looks for.
const forbidden = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/u;

/** Each forbidden character left in `text`, with the line it stands on, to show where it leaked. */
export const leaks = (text: string): string[] => {
	const found: string[] = [];
	for (const line of text.split('\n')) {
		const characters = [...line].filter(character => forbidden.test(character));
		if (characters.length > 0) found.push(`${characters.map(character => `U+${character.codePointAt(0)!.toString(16).padStart(4, '0')}`).join(' ')} in ${JSON.stringify(line.slice(0, 300))}`);
	}
	return found;
};

export const html = (markdown: string): string => micromark(markdown, {allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()]});

/**
 * The elements a hostile value made of the report: every markup trick starts its element's content, name or address
 * with `evil`, and nothing the report writes does. A table row with another number of cells than its header means a
 * pipe (or a backslash before one) split a cell.
 */
export const markupLeaks = (rendered: string): string[] => {
	const found: string[] = [];
	const patterns: readonly [string, RegExp][] = [
		['an element started by a hostile value', /<(?!code\b|td\b|th\b|p\b|li\b)[a-z][a-z0-9-]*>(?:\s|<p>)*evil/gi],
		['a heading, item or paragraph of theirs', /<(h[1-6]|li|p)>(?:\s|<p>)*evil/gi],
		['a tag of theirs', /<\/?(x-evil|script|img|div|iframe|del|input)\b/gi],
		['a link or image', /<(a|img)\s[^>]*>/gi],
		['an HTML comment', /<!--/g],
		['a code block of theirs', /<pre><code(?! class="language-(json|sh)")[^>]*>/g],
	];
	for (const [what, pattern] of patterns) {
		for (const match of rendered.matchAll(pattern)) found.push(`${what}: ${rendered.slice(Math.max(0, match.index - 80), match.index + 120)}`);
	}
	for (const table of rendered.split('<table>').slice(1)) {
		const body = table.slice(0, table.indexOf('</table>'));
		const columns = (body.match(/<th[ >]/g) ?? []).length;
		for (const row of body.split('<tr>').slice(2)) {
			const cells = (row.match(/<td[ >]/g) ?? []).length;
			if (cells !== columns) found.push(`a table row of ${cells} cells under ${columns} headers: ${row.slice(0, 300)}`);
		}
	}
	return found;
};

/** The text a reader of the rendered markdown sees: tags removed, entities decoded. */
export const readable = (rendered: string): string =>
	rendered
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
		.replace(/&amp;/g, '&');

/** Every string of a JSON value, names included. */
const stringsOf = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: Array.isArray(value)
			? value.flatMap(stringsOf)
			: typeof value === 'object' && value !== null
				? Object.entries(value).flatMap(([name, item]) => [name, ...stringsOf(item)])
				: [];

/**
 * A customer's value that holds a control or invisible character, shown as a shell word ready to paste: escaped, it is
 * another word (`'a\nb'` is a backslash and an n to a shell), so a command holding it would act on something else.
 */
export const inexactShellWords = (snapshot: unknown, report: string): string[] =>
	[...new Set(stringsOf(snapshot))].filter(value => leaks(value).length > 0 && report.includes(visible(shellQuote(value)))).map(value => visible(shellQuote(value)));
