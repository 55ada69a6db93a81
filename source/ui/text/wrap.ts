import {displayWidth} from '../../shared/display-width.js';

/**
 * Wrap text to a width for the terminal, breaking long ARNs after `:` or `/` rather than anywhere, so
 * `arn:aws:kms:eu-west-1:111122223333:key/…` stays readable on 80 columns. Returns one string per line;
 * the views draw each line on its own, which also tells them exactly how tall a block is. Widths are
 * columns as Ink counts them (shared/display-width.ts), not characters. The reports wrap differently
 * (report/wrap.ts keeps an ARN whole, to be copied from a file) with the same width model.
 */

const breakAfter = new Set([':', '/', '-', ',', '.']);
/** An ARN breaks only between its parts, never inside a key ID (whose hyphens would otherwise be taken). */
const arnBreaks = new Set([':', '/']);

const graphemes = new Intl.Segmenter();

/** The longest start of `text` that fits in `columns`: at least one character, so a wrap always moves on. */
export const fittingStart = (text: string, columns: number): string => {
	let end = 0;
	let used = 0;
	for (const {segment, index} of graphemes.segment(text)) {
		const width = displayWidth(segment);
		if (end > 0 && used + width > columns) break;
		used += width;
		end = index + segment.length;
	}
	return text.slice(0, end);
};

/** How much of a too-long token fits in `room` columns: up to the last separator, or all of the room when there is none. */
const fittingPiece = (token: string, room: number, separators: ReadonlySet<string>): string => {
	const fits = fittingStart(token, room);
	for (let index = fits.length; displayWidth(fits.slice(0, index)) > room / 3; index--) {
		if (separators.has(fits[index - 1]!)) return fits.slice(0, index);
	}
	return fits;
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
		if (displayWidth(line + separator + word) <= width) {
			line += separator + word;
			continue;
		}
		// A word that fits on a line of its own starts one; a longer one (an ARN) fills this line first.
		if (displayWidth(word) <= width - displayWidth(indent)) {
			flush();
			line += word;
			continue;
		}
		if (width - displayWidth(line + separator) < 8) flush();
		else line += separator;
		let rest = word;
		const separators = word.startsWith('arn:') ? arnBreaks : breakAfter;
		while (displayWidth(line) + displayWidth(rest) > width) {
			const piece = fittingPiece(rest, Math.max(width - displayWidth(line), 1), separators);
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
