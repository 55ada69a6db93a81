import {visible} from './sanitize.js';

/**
 * Markdown escaping: prose, code spans, table cells and fenced blocks that their content cannot break.
 * Every value is made visible first: no control character, and no line break that could start a block.
 */

const longestRun = (text: string, character: string): number => {
	let longest = 0;
	let run = 0;
	for (const each of text) {
		run = each === character ? run + 1 : 0;
		longest = Math.max(longest, run);
	}
	return longest;
};


/**
 * Text from policies and AWS (Sids, reasons, ARNs) as inert markdown: no emphasis, links, autolinks, entities,
 * raw HTML, or block that it could start. Underscores inside words stay as they are (they never emphasise),
 * so `SYMMETRIC_DEFAULT` stays readable.
 */
export const prose = (text: string): string =>
	visible(text)
		.replace(/[\\`*[\]~]/g, match => `\\${match}`)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (match, before: string | undefined) => (before === undefined ? '\\_' : `${before}\\_`))
		// GFM's extended autolinks start at these schemes and at `www.`; an escaped `:` or `.` stops them. An email
		// address is one too (a policy named ops@example.com): an escaped `@` stops it. Escaped wherever they stand, not
		// only after a word boundary: GFM links `www.` after `_` too, and IAM names may hold `_` (role ops_www.evil.example).
		.replace(/(https?|ftp|mailto|xmpp):/gi, '$1\\:')
		.replace(/@/g, '\\@')
		.replace(/www\./gi, match => `${match.slice(0, -1)}\\.`)
		// Nothing at the start may open a block: indented code, a heading, quote, list, setext line or table.
		.replace(/^ +/, spaces => '&#32;'.repeat(spaces.length))
		.replace(/^[#>+\-=|]/, '\\$&')
		.replace(/^(\d{1,9})([.)])/, '$1\\$2');

/**
 * A code span that holds any text, backticks and edge spaces included (an object key may start or end with a space).
 * An empty value is `*(empty)*`: no code span can be empty, and two bare fences would pair with the next ones.
 */
export const code = (written: string): string => {
	const text = visible(written);
	if (text === '') return '*(empty)*';
	const fence = '`'.repeat(longestRun(text, '`') + 1);
	// GFM strips one space from each side of a span that has both and is not all spaces: a pad of our own is what it strips.
	const padded = /^[` ]|[` ]$/.test(text) && !/^ +$/.test(text) ? ` ${text} ` : text;
	return `${fence}${padded}${fence}`;
};

/**
 * Content for a table cell: pipes escaped (GFM honours `\|` even inside code spans), lines joined. GFM splits a
 * row at a pipe after an even run of backslashes (`\\` is an escaped backslash), so the escape makes the run odd:
 * a key such as `a\|<img …>` cannot end its cell and put markup in the next.
 */
export const cell = (markdown: string): string =>
	markdown.replace(/(\\*)\|/g, (_match, backslashes: string) => `${backslashes}${backslashes.length % 2 === 0 ? '\\' : '\\\\'}|`).replace(/\r?\n|\r/g, '<br>');

export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => [
	`| ${header.map(cell).join(' | ')} |`,
	`|${header.map(() => '---').join('|')}|`,
	...rows.map(row => `| ${row.map(each => (each === '' ? ' ' : cell(each))).join(' | ')} |`),
];

/** A fenced block longer than any backtick run inside, so the content cannot close it early. */
export const fenced = (language: string, content: string): string[] => {
	const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
	return [`${fence}${language}`, ...content.replace(/\n$/, '').split('\n').map(visible), fence];
};
