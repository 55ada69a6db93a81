import {afterEach, describe, expect, it, vi} from 'vitest';
import type {PasteCheck} from '../../../source/ui/conversation/question.js';
import {editorOf, eraseBack, eraseForward, insert, move} from '../../../source/ui/inputs/paste-field/editor.js';
import {PasteField} from '../../../source/ui/inputs/paste-field/paste-field.js';
import {KeyRouter} from '../../../source/ui/keys/key-router.js';
import {keys, renderApp, type Rendered} from '../helpers/render.js';

/** The paste field is an editor: fix a one-character mistake without pasting everything again. */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('the editor', () => {
	it('inserts where the cursor is and moves by character, line and line end', () => {
		let editor = editorOf('{\n  "a": 1\n}');
		editor = move(move(editor, 'up'), 'line-end');
		expect(editor.cursor).toBe('{\n  "a": 1'.length);
		editor = insert(editor, ',');
		expect(editor.text).toBe('{\n  "a": 1,\n}');
		editor = move(move(editor, 'up'), 'line-start');
		expect(editor.cursor).toBe(0);
		editor = move(editor, 'right');
		expect(insert(editor, '!').text.startsWith('{!')).toBe(true);
	});

	it('keeps the column when moving up and down, clamped to shorter lines', () => {
		const editor = move(editorOf('abcdef\nab\nabcdef'), 'left');
		expect(move(editor, 'up').cursor).toBe('abcdef\nab'.length);
		expect(move(move(move(editor, 'up'), 'up'), 'down').cursor).toBe('abcdef\nab'.length);
	});

	it('Backspace at the start of a line joins it to the line above; Delete at the end joins the next', () => {
		const start = move(move(editorOf('{ "a": 1,\n}'), 'line-start'), 'line-start');
		expect(eraseBack(start)).toEqual({text: '{ "a": 1,}', cursor: '{ "a": 1,'.length});
		const end = move(move(editorOf('{ "a": 1,\n}'), 'up'), 'line-end');
		expect(eraseForward(end).text).toBe('{ "a": 1,}');
	});

	it('never splits an emoji in two', () => {
		const editor = editorOf('a😀');
		expect(eraseBack(editor).text).toBe('a');
		expect(move(editor, 'left').cursor).toBe(1);
	});

	it('turns pasted line breaks (\\r, \\r\\n, bracketed paste) and tabs into what it draws', () => {
		expect(insert(editorOf(''), '\u001B[200~{\r\n\t"a": 1\r}\u001B[201~').text).toBe('{\n  "a": 1\n}');
	});
});

const json = (text: string): PasteCheck => {
	try {
		JSON.parse(text);
		return {ok: true, summary: 'valid JSON'};
	} catch {
		return {ok: false, message: 'not valid JSON'};
	}
};

describe('the paste field', () => {
	const show = () => {
		const onSubmit = vi.fn();
		app = renderApp(
			<KeyRouter>
				<PasteField check={json} height={8} width={80} placeholder="paste here" onSubmit={onSubmit} />
			</KeyRouter>,
		);
		return {onSubmit, app};
	};

	it('fixes a trailing comma with the arrows and Delete, then Enter submits', async () => {
		const {app, onSubmit} = show();
		await app.paste('{\r  "Version": "2012-10-17",\r  "Statement": [],\r}');
		expect(app.lastFrame()).toContain('… not valid JSON');
		await app.press(keys.up, keys.end, keys.backspace);
		expect(app.lastFrame()).toContain('✔ valid JSON');
		await app.press(keys.enter);
		expect(onSubmit).toHaveBeenCalledWith('{\n  "Version": "2012-10-17",\n  "Statement": []\n}');
	});

	it('joins two lines with Backspace at the start of the second, and pastes in the middle', async () => {
		const {app, onSubmit} = show();
		await app.paste('{"a":\r1}');
		await app.press(keys.home, keys.backspace);
		expect(app.lastFrame()).toMatch(/1 │ \{"a":1\}/);
		await app.press(keys.end, keys.left);
		await app.paste(', "b": [1, 2]');
		await app.press(keys.enter);
		expect(onSubmit).toHaveBeenCalledWith('{"a":1, "b": [1, 2]}');
	});

	it('Delete erases under the cursor', async () => {
		const {app} = show();
		await app.paste('{{"b": 2}');
		await app.press(keys.home, keys.delete);
		expect(app.lastFrame()).toMatch(/1 │ \{"b": 2\}/);
		expect(app.lastFrame()).toContain('✔ valid JSON');
	});

	it('handles a burst of Backspace presses as one press each', async () => {
		const {app} = show();
		await app.paste('{"abc": 1}xyz');
		await app.paste('\u007F\u007F\u007F');
		// Waited for, not read at once: on a loaded machine Ink may draw the frame after the paste's pause.
		const frame = await app.waitFor(text => text.includes('✔ valid JSON'), 'the three presses to erase "xyz"');
		expect(frame).toMatch(/1 │ \{"abc": 1\}\s*$/m);
	});
});
