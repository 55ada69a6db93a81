import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';

/** A copy's pasted error, offline: what it settles is not asked. */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'errors', name), 'utf8').trim();
const everShown = (rendered: Rendered, text: string): boolean => rendered.frames().some(frame => frame.includes(text));

/** Pasted into the first question, as people do. */
const pasteError = async (rendered: Rendered, text: string): Promise<void> => {
	await rendered.waitFor(frame => frame.includes('How shall we look'), 'the first question');
	await rendered.paste(text);
	await rendered.waitFor(frame => frame.includes('recognised'), 'the recognised error');
	await rendered.press(keys.enter);
};

describe('"copy failed: s3://SOURCE to s3://DESTINATION"', () => {
	it('names the source: it is said, not asked', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await pasteError(app, fixture('cli-copy-uploadpartcopy-decrypt.txt'));
		// The walk draws the line and the question after it in one frame: a source question would have come before.
		await app.waitFor(frame => frame.includes('✔ Source object: s3://src-bucket/in/a.bin (the error names it)'), 'the source, said');
		expect(everShown(app, 'Which bucket does it copy from?')).toBe(false);
		expect(everShown(app, 'Which object key in src-bucket?')).toBe(false);
	});
});
