import {displayWidth} from '../shared/display-width.js';

/**
 * Word-wrap `text` to `width` columns (counted as the wizard counts them: shared/display-width.ts), each
 * line starting with `indent` (the first with `firstIndent`, which may hold a label or a mark). A word
 * longer than a line (an ARN) keeps a line to itself rather than being cut, so it can still be copied
 * whole. Existing newlines are kept.
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
