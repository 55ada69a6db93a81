import {afterEach, describe, expect, it} from 'vitest';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices, loadExample} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';

/** `?` works on every screen of the conversation; q quits from a list; typing keeps its letters. */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const start = (size = {columns: 80, rows: 24}) => {
	app = renderApp(<WizardApp services={fakeServices().services} />, size);
	return app;
};

describe('keys while the wizard asks', () => {
	it('? in a list shows its keys instead of filtering, and ? closes them again', async () => {
		const rendered = start();
		await rendered.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await rendered.press('?');
		const help = await rendered.waitFor(frame => frame.includes('Keys'), 'the keys');
		expect(help).not.toContain('filter:');
		expect(help).toContain('type to filter the options');
		expect(help).toContain('Ctrl+C');
		expect(help).toMatch(/q +quit/);
		await rendered.press('?');
		const frame = await rendered.waitFor(frame => frame.includes('How shall we look'), 'the question again');
		expect(frame).not.toContain('Keys');
		expect(frame).not.toContain('nothing matches');
	});

	it('q in a list quits (exit 0); typed after a filter letter it filters', async () => {
		const rendered = start();
		await rendered.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await rendered.press('e', 'q');
		expect(rendered.lastFrame()).toContain('filter: eq');
		await rendered.press(keys.escape, 'q');
		expect(await rendered.exited()).toBe(0);
	});

	it('in a text field ? and q are text, except ? in an empty field; the footer says Ctrl+C quits', async () => {
		const rendered = start();
		await rendered.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await rendered.press(keys.enter, keys.enter);
		let frame = await rendered.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		expect(frame).toMatch(/\? keys · Ctrl\+C quit\s*$/m);
		await rendered.press('?');
		frame = await rendered.waitFor(frame => frame.includes('Keys'), 'the keys');
		expect(frame).toContain('in an empty field; otherwise ? is text');
		await rendered.press(keys.escape);
		await rendered.waitFor(frame => frame.includes('Which bucket?'), 'the question again');
		await rendered.press('q', '?');
		frame = rendered.lastFrame();
		expect(frame).toContain('› q?');
		expect(frame).not.toContain('Keys');
	});

	it('keeps "? keys" in every footer at 60×20 and fits every frame', async () => {
		const rendered = start({columns: 60, rows: 20});
		let frame = await rendered.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		expect(frame).toMatch(/\? keys · q quit\s*$/m);
		await rendered.press(keys.enter, keys.enter);
		frame = await rendered.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		expect(frame).toMatch(/\? keys · Ctrl\+C quit\s*$/m);
		for (const each of rendered.frames()) {
			expect(each.split('\n').length).toBeLessThanOrEqual(20);
			for (const line of each.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
		}
	});
});

describe('the example list', () => {
	for (const size of [{columns: 80, rows: 24}, {columns: 60, rows: 20}]) {
		it(`shows the focused example's description in full at ${size.columns}×${size.rows}`, async () => {
			const rendered = start(size);
			await rendered.waitFor(frame => frame.includes('How shall we look'), 'the first question');
			await rendered.press(keys.down, keys.down, keys.down, keys.enter);
			let frame = await rendered.waitFor(frame => frame.includes('Which example?'), 'the examples');
			const first = loadExample('large-upload-multipart-missing-decrypt').metadata!.description!;
			expect(frame.replace(/\n {4}/g, ' ')).toContain(first);
			await rendered.press(keys.down);
			frame = rendered.lastFrame();
			expect(frame.replace(/\n {4}/g, ' ')).toContain(loadExample('cross-account-download').metadata!.description!);
			for (const each of rendered.frames()) expect(each.split('\n').length).toBeLessThanOrEqual(size.rows);
		});
	}
});
