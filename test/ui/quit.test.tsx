import {afterEach, describe, expect, it} from 'vitest';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';

/** Quitting leaves nothing of the wizard behind (no question, dialog or footer), and Ctrl+C exits 130 from anywhere. */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const toResult = async (rendered: Rendered): Promise<void> => {
	await rendered.waitFor(frame => frame.includes('How shall we look at the failing request?'), 'the first question');
	await rendered.press(keys.down, keys.down, keys.down, keys.enter);
	await rendered.waitFor(frame => frame.includes('Which example?'), 'the example list');
	await rendered.press(keys.enter);
	await rendered.waitFor(frame => frame.includes('✘ Denied'), 'the result screen');
};

describe('quitting the wizard', () => {
	it('Ctrl+C in the middle of typing exits 130 and leaves an empty screen', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />);
		await app.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await app.press(keys.enter, keys.enter);
		await app.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		await app.press('my-bu', keys.ctrlC);
		expect(await app.exited()).toBe(130);
		expect(app.lastFrame().trim()).toBe('');
	});

	it('Ctrl+C with the help overlay open on the result screen exits 130 and leaves no dialog behind', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />);
		await toResult(app);
		await app.press('?');
		await app.waitFor(frame => frame.includes('Keys'), 'the help overlay');
		await app.press(keys.ctrlC);
		expect(await app.exited()).toBe(130);
		expect(app.lastFrame().trim()).toBe('');
	});

	it('q on the result screen exits 0', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />);
		await toResult(app);
		await app.press('q');
		expect(await app.exited()).toBe(0);
		expect(app.lastFrame().trim()).toBe('');
	});
});
