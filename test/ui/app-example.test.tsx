import {afterEach, describe, expect, it} from 'vitest';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const toExampleList = async (rendered: Rendered): Promise<void> => {
	await rendered.waitFor(frame => frame.includes('How shall we look at the failing request?'), 'the first question');
	// Esc at the first question has nowhere to go back to, and must not leave the list stuck.
	await rendered.press(keys.escape, keys.down, keys.down, keys.down, keys.enter);
	await rendered.waitFor(frame => frame.includes('Which example?'), 'the example list');
};

describe('the wizard on a built-in example', () => {
	it('walks from the first question to the result of the large-upload example', async () => {
		const fake = fakeServices();
		app = renderApp(<WizardApp services={fake.services} />, {columns: 80, rows: 24});
		await toExampleList(app);
		expect(app.lastFrame()).toContain('✔ Start with: Try a built-in example');
		await app.press(keys.enter);
		const result = await app.waitFor(frame => frame.includes('Key policy'), 'the result screen');
		expect(result).toContain('✘ Denied');
		expect(result).toMatch(/› ✘ +kms:Decrypt/);
		expect(result).toContain('multipart');
	});

	it('fits every frame in 80×24', async () => {
		const fake = fakeServices();
		app = renderApp(<WizardApp services={fake.services} />, {columns: 80, rows: 24});
		await toExampleList(app);
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Key policy'), 'the result screen');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Fix'), 'the explanation');
		for (const frame of app.frames()) expect(frame.split('\n').length).toBeLessThanOrEqual(24);
	});
});
