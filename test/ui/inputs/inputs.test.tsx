import {afterEach, describe, expect, it, vi} from 'vitest';
import type {ChoiceOption, PasteCheck} from '../../../source/ui/conversation/question.js';
import {Choice} from '../../../source/ui/inputs/choice/choice.js';
import {PasteField, pasteFieldHeight} from '../../../source/ui/inputs/paste-field/paste-field.js';
import {TextField} from '../../../source/ui/inputs/text-field/text-field.js';
import {KeyRouter} from '../../../source/ui/keys/key-router.js';
import {keys, renderApp, type Rendered} from '../helpers/render.js';

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const profiles: ChoiceOption[] = ['default', 'dev', 'prod-eu', 'prod-us', 'sandbox', 'shared-services', 'storage'].map(name => ({value: name, label: `Profile ${name}`}));

describe('Choice', () => {
	const show = (options: readonly ChoiceOption[], extra: {defaultValue?: string; visibleCount?: number} = {}) => {
		const onChoose = vi.fn();
		const onBack = vi.fn();
		app = renderApp(
			<KeyRouter>
				<Choice options={options} visibleCount={extra.visibleCount ?? 4} width={80} onChoose={onChoose} onBack={onBack} {...(extra.defaultValue ? {defaultValue: extra.defaultValue} : {})} />
			</KeyRouter>,
		);
		return {onChoose, onBack, app};
	};

	it('moves with the arrows, scrolls to keep the focus in view, and chooses with Enter', async () => {
		const {app, onChoose} = show(profiles);
		expect(app.lastFrame()).toContain('› Profile default');
		expect(app.lastFrame()).toContain('↓ 3 more');
		await app.press(keys.down, keys.down, keys.down, keys.down);
		expect(app.lastFrame()).toContain('› Profile sandbox');
		expect(app.lastFrame()).toContain('↑ 1 more');
		expect(app.lastFrame()).not.toContain('Profile default');
		await app.press(keys.enter);
		expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({value: 'sandbox'}));
	});

	it('starts on the default value', () => {
		const {app} = show(profiles, {defaultValue: 'storage'});
		expect(app.lastFrame()).toContain('› Profile storage');
	});

	it('filters as you type; Esc clears the filter first, then goes back', async () => {
		const {app, onChoose, onBack} = show(profiles);
		await app.press('p', 'r', 'o', 'd', ' ', 'u', 's');
		expect(app.lastFrame()).toContain('filter: prod us');
		expect(app.lastFrame()).toContain('› Profile prod-us');
		expect(app.lastFrame()).not.toContain('Profile dev');
		await app.press('x');
		expect(app.lastFrame()).toContain('nothing matches');
		await app.press(keys.backspace, keys.escape);
		expect(app.lastFrame()).not.toContain('filter:');
		expect(onBack).not.toHaveBeenCalled();
		await app.press(keys.escape);
		expect(onBack).toHaveBeenCalledOnce();
		expect(onChoose).not.toHaveBeenCalled();
		// Nothing went back (the caller ignored it): the list still works.
		await app.press(keys.escape, keys.down, keys.enter);
		expect(onBack).toHaveBeenCalledTimes(2);
		// Clearing the filter keeps the focus on prod-us; one down is sandbox.
		expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({value: 'sandbox'}));
	});

	it('takes keys that arrive in one chunk in order (arrows, then Enter)', async () => {
		const {app, onChoose} = show(profiles);
		await app.paste(`${keys.down}${keys.down}${keys.enter}`);
		expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({value: 'prod-eu'}));
	});

	it('chooses an option by its hotkey', async () => {
		const {app, onChoose} = show([
			{value: 'a', label: 'upload s3://b/a', hotkey: '1'},
			{value: 'b', label: 'download s3://b/b', hotkey: '2'},
		]);
		await app.press('2');
		expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({value: 'b'}));
	});
});

describe('TextField', () => {
	const show = (validate?: (text: string) => string | undefined, initial?: string) => {
		const onSubmit = vi.fn();
		app = renderApp(
			<KeyRouter>
				<TextField onSubmit={onSubmit} placeholder="bucket name" {...(validate ? {validate} : {})} {...(initial ? {initial} : {})} />
			</KeyRouter>,
		);
		return {onSubmit, app};
	};

	it('refuses a value with the reason and submits once it is fixed', async () => {
		const {app, onSubmit} = show(text => (text.length < 3 ? 'at least 3 characters' : undefined));
		expect(app.lastFrame()).toContain('bucket name');
		await app.press('a', 'b', keys.enter);
		expect(app.lastFrame()).toContain('✘ at least 3 characters');
		expect(onSubmit).not.toHaveBeenCalled();
		await app.press('c');
		expect(app.lastFrame()).not.toContain('✘');
		await app.press(keys.enter);
		expect(onSubmit).toHaveBeenCalledWith('abc');
	});

	it('edits at the cursor and trims what it submits', async () => {
		const {app, onSubmit} = show(undefined, 'bucket ');
		await app.press(keys.left, keys.left, keys.backspace, 'X', keys.enter);
		// "bucket " with the cursor two to the left of the end: Backspace takes the "e", X goes in its place.
		expect(onSubmit).toHaveBeenCalledWith('buckXt');
	});

	it('submits pasted text that ends with a line break', async () => {
		const {app, onSubmit} = show();
		await app.paste('reports-bucket\r');
		expect(onSubmit).toHaveBeenCalledWith('reports-bucket');
	});
});

describe('PasteField', () => {
	const jsonCheck = (text: string): PasteCheck => {
		try {
			JSON.parse(text);
			return {ok: true, summary: 'valid JSON'};
		} catch {
			const line = text.split('\n').findIndex(row => row.includes('oops')) + 1;
			return {ok: false, message: `bad JSON at line ${line}`, line, column: 1};
		}
	};
	const show = (height = 3) => {
		const onSubmit = vi.fn();
		app = renderApp(
			<KeyRouter>
				<PasteField check={jsonCheck} height={height} width={80} placeholder="paste here" onSubmit={onSubmit} />
			</KeyRouter>,
		);
		return {onSubmit, app};
	};

	it('shows the last lines with numbers and the line of an error further up', async () => {
		const {app} = show(3);
		await app.paste('{\r"a": oops,\r"b": 2,\r"c": 3,\r"d": 4\r');
		const frame = app.lastFrame();
		expect(frame).toMatch(/2 ▶ "a": oops,\n +\^\n/);
		expect(frame).toContain('┆ …');
		expect(frame).toMatch(/5 │ "d": 4/);
		expect(frame).toContain('… bad JSON at line 2');
	});

	it('starts a new line on Enter until the text is valid, then Enter submits it', async () => {
		const {app, onSubmit} = show(10);
		await app.paste('{"a":');
		await app.press(keys.enter);
		expect(onSubmit).not.toHaveBeenCalled();
		expect(app.lastFrame()).toMatch(/2 │/);
		await app.paste(' 1}');
		expect(app.lastFrame()).toContain('✔ valid JSON');
		await app.press(keys.enter);
		expect(onSubmit).toHaveBeenCalledWith('{"a":\n 1}');
	});

	it('Ctrl+D on invalid text insists on the problem; Ctrl+U clears', async () => {
		const {app, onSubmit} = show(10);
		await app.paste('{oops');
		await app.press(keys.ctrlD);
		expect(app.lastFrame()).toContain('✘ bad JSON at line 1');
		expect(onSubmit).not.toHaveBeenCalled();
		await app.press(keys.ctrlU);
		expect(app.lastFrame()).toContain('paste here');
	});

	it('a valid text with a warning shows ! and the warning, never ✔, and Enter still submits it', async () => {
		const onSubmit = vi.fn();
		const warned = (): PasteCheck => ({ok: true, summary: 'valid policy, 1 statement', warnings: ['s3:GetObjct is no action AWS knows. Did you mean s3:GetObject?']});
		app = renderApp(
			<KeyRouter>
				<PasteField check={warned} height={5} width={100} placeholder="paste here" onSubmit={onSubmit} />
			</KeyRouter>,
		);
		await app.paste('{}');
		expect(app.lastFrame()).toContain('! valid policy, 1 statement — Enter to continue');
		expect(app.lastFrame()).toContain('! s3:GetObjct is no action AWS knows. Did you mean s3:GetObject?');
		expect(app.lastFrame()).not.toContain('✔');
		await app.press(keys.enter);
		expect(onSubmit).toHaveBeenCalledWith('{}');
	});

	const manyWarnings = (): PasteCheck => ({
		ok: true,
		summary: 'valid policy, 3 statements',
		warnings: [
			's3:GetObjct is no action AWS knows. Did you mean s3:GetObject? Without it the statement allows nothing.',
			'kms:GenerateDatakey is no action AWS knows. Did you mean kms:GenerateDataKey?',
			'kms:Decript is no action AWS knows. Did you mean kms:Decrypt? S3 asks for it on every download.',
		],
	});
	const pasteWarned = async (text: string) => {
		app = renderApp(
			<KeyRouter>
				<PasteField check={manyWarnings} height={5} width={60} placeholder="paste here" onSubmit={vi.fn()} />
			</KeyRouter>,
		);
		await app.paste(text);
		return app.lastFrame() ?? '';
	};

	it('a short paste leaves its free rows to the warnings: every warning is read in full', async () => {
		const frame = await pasteWarned('{}');
		expect(frame).toContain('kms:Decript is no action AWS knows');
		expect(frame).toContain('S3 asks for it on every download.');
		expect(frame).not.toMatch(/more lines/);
	});

	it('a paste that fills the window keeps the field within its height and says how many status lines are cut', async () => {
		const frame = await pasteWarned(Array.from({length: 12}, (_, index) => `{"line": ${index}}`).join('\n'));
		expect(frame).toMatch(/… \d+ more lines/);
		expect(frame.split('\n').length).toBeLessThanOrEqual(pasteFieldHeight(5));
	});
});
