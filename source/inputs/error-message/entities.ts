/** XML and HTML character references: what an S3 error body holds, and what a web page or ticket makes of a pasted error. */

const named: Readonly<Record<string, string>> = {quot: '"', amp: '&', lt: '<', gt: '>', apos: "'"};

/** A numeric reference's character, or `undefined` when it names no character (past U+10FFFF, a surrogate, NUL). */
const character = (code: number): string | undefined =>
	Number.isInteger(code) && code > 0 && code <= 0x10_ff_ff && (code < 0xd8_00 || code > 0xdf_ff) ? String.fromCodePoint(code) : undefined;

/** `&quot;`, `&amp;`, `&#34;`, `&#x22;` … as their characters; a reference to no character stays as written. */
export const decodeEntities = (text: string): string =>
	text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,9}|quot|amp|lt|gt|apos);/gi, (whole, name: string) => {
		if (name[0] !== '#') return named[name.toLowerCase()] ?? whole;
		const hex = name[1] === 'x' || name[1] === 'X';
		return character(Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10)) ?? whole;
	});

/** Quotes escaped as HTML does (`&quot;`, `&#34;`, `&#39;` …): the text went through a web page, not a terminal. */
export const looksHtmlEscaped = (text: string): boolean => /&(?:quot|apos|lt|gt|#3[49]|#x2[27]);/i.test(text);
