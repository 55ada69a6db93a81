/**
 * The paste field's text and cursor, as pure functions: insert where the cursor is (a paste arrives in
 * chunks, each inserted whole, so pasting stays instantaneous), erase either way across line breaks,
 * move by character, line, or to either end of a line. The cursor is an offset into the text.
 */

export type Editor = {
	readonly text: string;
	/** 0 … text.length. */
	readonly cursor: number;
};

const bracketedPasteMarks = ['\u001B[200~', '\u001B[201~'];

/**
 * Terminals send Enter as `\r`; tmux and some terminals send pasted line breaks the same way. Tabs become
 * two spaces: JSON does not care, and columns then match what is drawn (and the line:column of an error).
 */
export const normaliseLineBreaks = (text: string): string =>
	bracketedPasteMarks
		.reduce((result, mark) => result.split(mark).join(''), text)
		.replace(/\r\n|\r/g, '\n')
		.replace(/\t/g, '  ');

export const editorOf = (text: string): Editor => {
	const normal = normaliseLineBreaks(text);
	return {text: normal, cursor: normal.length};
};

/** Where the cursor is: 0-based line and column. */
export const cursorPosition = ({text, cursor}: Editor): {readonly line: number; readonly column: number} => {
	const before = text.slice(0, cursor);
	const lineStart = before.lastIndexOf('\n') + 1;
	return {line: before.split('\n').length - 1, column: cursor - lineStart};
};

const isLowSurrogate = (text: string, index: number): boolean => {
	const code = text.charCodeAt(index);
	return code >= 0xdc00 && code <= 0xdfff;
};

/** One character back or on, never splitting an emoji's surrogate pair. */
const previousBoundary = (text: string, cursor: number): number => Math.max(cursor - (cursor > 1 && isLowSurrogate(text, cursor - 1) ? 2 : 1), 0);
const nextBoundary = (text: string, cursor: number): number => Math.min(cursor + (isLowSurrogate(text, cursor + 1) ? 2 : 1), text.length);

export const insert = (editor: Editor, typed: string): Editor => {
	const text = normaliseLineBreaks(typed);
	return {text: editor.text.slice(0, editor.cursor) + text + editor.text.slice(editor.cursor), cursor: editor.cursor + text.length};
};

/** Backspace: at a line's start it joins the line to the one above. */
export const eraseBack = (editor: Editor): Editor => {
	if (editor.cursor === 0) return editor;
	const from = previousBoundary(editor.text, editor.cursor);
	return {text: editor.text.slice(0, from) + editor.text.slice(editor.cursor), cursor: from};
};

/** Delete: at a line's end it joins the next line to this one. */
export const eraseForward = (editor: Editor): Editor => {
	if (editor.cursor === editor.text.length) return editor;
	return {text: editor.text.slice(0, editor.cursor) + editor.text.slice(nextBoundary(editor.text, editor.cursor)), cursor: editor.cursor};
};

export type Movement = 'left' | 'right' | 'up' | 'down' | 'line-start' | 'line-end';

const lineStartOf = (text: string, cursor: number): number => text.lastIndexOf('\n', cursor - 1) + 1;
const lineEndOf = (text: string, cursor: number): number => {
	const end = text.indexOf('\n', cursor);
	return end === -1 ? text.length : end;
};

export const move = (editor: Editor, movement: Movement): Editor => {
	const {text, cursor} = editor;
	const start = lineStartOf(text, cursor);
	const column = cursor - start;
	switch (movement) {
		case 'left':
			return {text, cursor: previousBoundary(text, cursor)};
		case 'right':
			return {text, cursor: nextBoundary(text, cursor)};
		case 'line-start':
			return {text, cursor: start};
		case 'line-end':
			return {text, cursor: lineEndOf(text, cursor)};
		case 'up': {
			if (start === 0) return {text, cursor: 0};
			const above = lineStartOf(text, start - 1);
			return {text, cursor: Math.min(above + column, start - 1)};
		}
		case 'down': {
			const end = lineEndOf(text, cursor);
			if (end === text.length) return {text, cursor: text.length};
			return {text, cursor: Math.min(end + 1 + column, lineEndOf(text, end + 1))};
		}
	}
};
