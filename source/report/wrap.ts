/** Terminal layout: display width (wide marks such as ⛔ take two columns), padding and word wrapping. */

const isWide = (codePoint: number): boolean =>
	codePoint === 0x26d4 ||
	(codePoint >= 0x1100 && codePoint <= 0x115f) ||
	(codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
	(codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
	(codePoint >= 0xf900 && codePoint <= 0xfaff) ||
	(codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
	(codePoint >= 0xff00 && codePoint <= 0xff60) ||
	(codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
	(codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
	(codePoint >= 0x20000 && codePoint <= 0x3fffd);

// eslint-disable-next-line no-control-regex -- ANSI escape sequences are what this strips.
const ansiPattern = /\u001B\[[0-9;]*m/g;

/** Columns the text takes in a terminal, ignoring ANSI colour codes. */
export const displayWidth = (text: string): number => {
	// Most text is plain ASCII: one column a character, no need to look at each one.
	if (/^[\x20-\x7e]*$/.test(text)) return text.length;
	let width = 0;
	for (const character of text.replace(ansiPattern, '')) {
		const codePoint = character.codePointAt(0)!;
		// Combining marks and the emoji variation selector take no column of their own.
		if ((codePoint >= 0x300 && codePoint <= 0x36f) || codePoint === 0xfe0f || codePoint === 0x200d) continue;
		width += isWide(codePoint) ? 2 : 1;
	}
	return width;
};

export const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/**
 * Word-wrap `text` to `width` columns, each line starting with `indent` (the first with `firstIndent`, which
 * may hold a label or a mark). A word longer than a line (an ARN) keeps a line to itself rather than being
 * cut, so it can still be copied whole. Existing newlines are kept.
 */
export const wrap = (text: string, width: number, indent = '', firstIndent = indent): string[] => {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		let lineWidth = 0;
		for (const word of paragraph.split(/\s+/).filter(part => part !== '')) {
			const prefix = lines.length === 0 ? firstIndent : indent;
			const room = Math.max(20, width - displayWidth(prefix));
			const wordWidth = displayWidth(word);
			if (line === '') {
				line = word;
				lineWidth = wordWidth;
			} else if (lineWidth + 1 + wordWidth <= room) {
				line += ` ${word}`;
				lineWidth += 1 + wordWidth;
			} else {
				lines.push(prefix + line);
				line = word;
				lineWidth = wordWidth;
			}
		}
		lines.push((lines.length === 0 ? firstIndent : indent) + line);
	}
	return lines.map(line => line.trimEnd());
};
