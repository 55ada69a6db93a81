/** Which lines of the pasted text the field shows: the cursor's line always, and the line of a syntax error. */

export type Shown = {readonly number: number; readonly text: string; readonly isError: boolean};
export type Row = Shown | {readonly gap: number} | {readonly caret: number};

/**
 * The lines in a window of `height` that holds the cursor: the end of the text while the cursor is there
 * (pasting), otherwise centred on the cursor. A syntax error above the window is shown first, with a caret.
 */
export const visibleLines = (lines: readonly string[], height: number, cursorLine: number, errorLine?: number, errorColumn?: number): Row[] => {
	const room = Math.max(height, 1);
	const tailStart = Math.max(lines.length - room, 0);
	const start = cursorLine >= tailStart ? tailStart : Math.max(cursorLine - Math.floor(room / 2), 0);
	const end = Math.min(start + room, lines.length);
	const rows: Row[] = [];
	const push = (index: number): void => {
		const isError = index + 1 === errorLine;
		rows.push({number: index + 1, text: lines[index] ?? '', isError});
		if (isError && errorColumn !== undefined) rows.push({caret: errorColumn});
	};
	if (errorLine !== undefined && errorLine >= 1 && errorLine - 1 < start) {
		push(errorLine - 1);
		if (start > errorLine) rows.push({gap: start - errorLine});
	} else if (start > 0) rows.push({gap: start});
	for (let index = start; index < end; index++) push(index);
	if (end < lines.length) rows.push({gap: lines.length - end});
	return rows;
};

/**
 * The part of a line that fits in `width` columns, scrolled so the cursor stays in view: `…` marks what
 * is cut at either end. `cursor` is where the cursor falls in the shown text.
 */
export const visibleSlice = (text: string, width: number, cursorColumn = 0): {readonly text: string; readonly cursor: number} => {
	const room = Math.max(width - 1, 2);
	const start = cursorColumn < room ? 0 : cursorColumn - room + 1;
	let shown = text.slice(start, start + room);
	if (start > 0) shown = `…${shown.slice(1)}`;
	if (start + room < text.length) shown = `${shown}…`;
	return {text: shown, cursor: cursorColumn - start};
};
