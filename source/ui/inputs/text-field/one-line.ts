import {displayWidth} from '../../../shared/display-width.js';

/**
 * A field's value on one line of `columns` (a file path must not break inside a word): whole when it fits; else
 * its middle gives way to `…`, keeping the start and the end (the folder and the file name), or, when the cursor
 * is in the middle, the part around the cursor between two `…`. The cursor, a column of its own at the end,
 * is always in view.
 */

export type FieldLine = {readonly before: string; readonly atCursor: string | undefined; readonly after: string};

const ellipsis = '…';

/** The longest run of `characters` from `from` (forwards) or up to `from` (backwards) that fits in `room` columns. */
const fitting = (characters: readonly string[], from: number, room: number, direction: 1 | -1): number => {
	let used = 0;
	let count = 0;
	for (let index = direction === 1 ? from : from - 1; index >= 0 && index < characters.length; index += direction) {
		used += displayWidth(characters[index]!);
		if (used > room) break;
		count++;
	}
	return count;
};

export const fieldLine = (value: string, cursor: number, columns: number): FieldLine => {
	const characters = [...value];
	const at = [...value.slice(0, cursor)].length;
	const whole = (): FieldLine => ({before: characters.slice(0, at).join(''), atCursor: characters[at], after: characters.slice(at + 1).join('')});
	const atEnd = at >= characters.length;
	if (displayWidth(value) + (atEnd ? 1 : 0) <= columns) return whole();
	const room = Math.max(columns - 1 - (atEnd ? 1 : 0), 2);
	// The end takes the larger share: it holds the file name.
	const tail = fitting(characters, characters.length, room - Math.floor(room / 3), -1);
	const tailStart = characters.length - tail;
	const head = fitting(characters, 0, room - displayWidth(characters.slice(tailStart).join('')), 1);
	if (at < head || at >= tailStart) {
		const shown = [...characters.slice(0, head), ellipsis, ...characters.slice(tailStart)];
		const shownAt = at < head ? at : at - tailStart + head + 1;
		return {before: shown.slice(0, shownAt).join(''), atCursor: shown[shownAt], after: shown.slice(shownAt + 1).join('')};
	}
	// The cursor is in the part cut: the window follows it, cut on both sides.
	const inner = Math.max(columns - 2, 2);
	const left = fitting(characters, at, Math.floor(inner / 2), -1);
	const right = fitting(characters, at, inner - displayWidth(characters.slice(at - left, at).join('')), 1);
	return {before: `${ellipsis}${characters.slice(at - left, at).join('')}`, atCursor: characters[at], after: `${characters.slice(at + 1, at + right).join('')}${ellipsis}`};
};
