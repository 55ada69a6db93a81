/**
 * Wrap text to a width for the terminal, breaking long ARNs after `:` or `/` rather than anywhere, so
 * `arn:aws:kms:eu-west-1:111122223333:key/…` stays readable on 80 columns. Returns one string per line;
 * the views draw each line on its own, which also tells them exactly how tall a block is.
 */

const breakAfter = new Set([':', '/', '-', ',', '.']);
/** An ARN breaks only between its parts, never inside a key ID (whose hyphens would otherwise be taken). */
const arnBreaks = new Set([':', '/']);

/** How much of a too-long token fits in `room`: up to the last separator, or all of the room when there is none. */
const fittingPiece = (token: string, room: number, separators: ReadonlySet<string>): string => {
	for (let index = room; index > room / 3; index--) {
		if (separators.has(token[index - 1]!)) return token.slice(0, index);
	}
	return token.slice(0, room);
};

const wrapParagraph = (paragraph: string, width: number, indent: string): string[] => {
	const lines: string[] = [];
	let line = '';
	const isFresh = (): boolean => line === '' || line === indent;
	const flush = (): void => {
		lines.push(line);
		line = indent;
	};
	for (const word of paragraph.split(' ')) {
		const separator = isFresh() ? '' : ' ';
		if ((line + separator + word).length <= width) {
			line += separator + word;
			continue;
		}
		// A word that fits on a line of its own starts one; a longer one (an ARN) fills this line first.
		if (word.length <= width - indent.length) {
			flush();
			line += word;
			continue;
		}
		if (width - (line + separator).length < 8) flush();
		else line += separator;
		let rest = word;
		const separators = word.startsWith('arn:') ? arnBreaks : breakAfter;
		while (line.length + rest.length > width) {
			const piece = fittingPiece(rest, Math.max(width - line.length, 1), separators);
			line += piece;
			rest = rest.slice(piece.length);
			flush();
		}
		line += rest;
	}
	lines.push(line);
	return lines;
};

/** `indent` starts every continuation line (e.g. two spaces under a mark). */
export const wrapText = (text: string, width: number, indent = ''): string[] => {
	const usable = Math.max(width, 10);
	// Leading spaces are kept (indented JSON), and continuation lines start under them.
	return text.split('\n').flatMap(paragraph => {
		const lead = /^ */.exec(paragraph)![0];
		return wrapParagraph(paragraph.slice(lead.length), Math.max(usable - lead.length, 10), indent).map(line => lead + line);
	});
};

/** One line, cut with `…` when it is longer than the width. */
export const truncate = (text: string, width: number): string =>
	text.length <= width ? text : `${text.slice(0, Math.max(width - 1, 0))}…`;
