import {afterEach, describe, expect, it} from 'vitest';
import {errorFixture} from './helpers/error-fixture.js';
import {explainDenial, parseAccessDenied} from '../../source/inputs/error-message/index.js';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';

/**
 * A pasted error AWS returned that is no access denial (SignatureDoesNotMatch): the wizard marks it `!`, says what it
 * means in explain-error's words, and asks what to do instead of walking a permissions check that cannot answer it.
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const signature =
	'upload failed: ./x.bin to s3://b/k An error occurred (SignatureDoesNotMatch) when calling the PutObject operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.';
const accessDenied = errorFixture('cli-upload-part-kms-decrypt.txt');
/** Wrapped lines joined, as a user reads a sentence. */
const flat = (frame: string): string => frame.replace(/\n +/g, ' ');
const whatNow = 'SignatureDoesNotMatch is not an access denial: checking permissions cannot explain it. What now?';

/** The error pasted into "Paste an AccessDenied error", checked, and Enter pressed. */
const pasteSignatureError = async (rendered: Rendered): Promise<string> => {
	await rendered.waitFor(frame => frame.includes('How shall we look'), 'the first question');
	await rendered.press(keys.down, keys.enter);
	await rendered.waitFor(frame => frame.includes('Paste the AccessDenied error message'), 'the error question');
	await rendered.paste(signature);
	const checked = await rendered.waitFor(frame => frame.includes('recognised an error message'), 'the paste checked');
	await rendered.press(keys.enter);
	await rendered.waitFor(frame => flat(frame).includes(whatNow), 'what now');
	return checked;
};

describe('a pasted error that is no access denial', () => {
	it('is marked !, says what it means as explain-error does, and asks what now instead of the request questions', async () => {
		const parsed = parseAccessDenied(signature);
		if (!parsed.ok) throw new Error('not recognised');
		const {summary, meaning, checkNext} = explainDenial(parsed.value);
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		const checked = await pasteSignatureError(app);
		expect(checked).toContain('! recognised an error message');
		expect(checked).toContain(`! ${summary}`);
		expect(checked).not.toContain('✔ recognised');
		const asked = flat(app.lastFrame());
		// The s3:// URL names no partition, and nothing else in the message does: the object by its URL, not an arn:aws guess.
		expect(asked).toContain(`! Error: recognised an error message: s3://b/k; ${summary}`);
		expect(asked).toContain(`What it means: ${meaning[0]}`);
		expect(asked).toContain(`Check next: ${checkNext[0]}`);
		expect(asked).not.toContain('✔ Error');
		expect(asked).toContain('Go back and paste another error');
		expect(asked).toContain('Start over');
		expect(asked).toContain('Go on anyway');
		expect(app.frames().some(frame => frame.includes('name a KMS key'))).toBe(false);
	});

	it('going back puts the error in its field to replace; an AccessDenied pasted there goes on as usual', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await pasteSignatureError(app);
		await app.press(keys.enter);
		const field = await app.waitFor(frame => frame.includes('Paste the AccessDenied error message'), 'the error field again');
		expect(field).toContain('Check your key and signing method.');
		await app.press(keys.ctrlU);
		await app.paste(accessDenied.replace(/\n/g, '\r'));
		await app.waitFor(frame => frame.includes('✔ recognised an error message'), 'the AccessDenied recognised');
		await app.press(keys.enter);
		const next = await app.waitFor(frame => frame.includes("in the caller's account"), 'the request questions');
		expect(next).not.toContain('not an access denial');
	});

	it('starting over asks the first question; the error waits in its field if that way is taken again', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await pasteSignatureError(app);
		await app.press(keys.down, keys.enter);
		const first = await app.waitFor(frame => frame.includes('How shall we look') && !frame.includes('What now?'), 'the first question');
		expect(first).not.toContain('! Error');
		await app.press(keys.enter);
		const field = await app.waitFor(frame => frame.includes('Paste the AccessDenied error message'), 'the error field');
		expect(field).toContain('Check your key and signing method.');
		expect(field).toContain('! AWS returned SignatureDoesNotMatch, which is not an access denial.');
	});

	it('after starting over, an error pasted at the first question replaces the one left in the field', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await pasteSignatureError(app);
		await app.press(keys.down, keys.enter);
		await app.waitFor(frame => frame.includes('How shall we look') && !frame.includes('What now?'), 'the first question');
		await app.paste(accessDenied.replace(/\n/g, '\r'));
		const field = await app.waitFor(frame => frame.includes('✔ recognised an error message'), 'the new error recognised');
		expect(field).not.toContain('signing method');
		expect(field).not.toContain('not an access denial');
	});

	it('going on anyway asks the request questions, the answer kept', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await pasteSignatureError(app);
		await app.press(keys.down, keys.down, keys.enter);
		const next = await app.waitFor(frame => frame.includes('name a KMS key'), 'the request questions');
		expect(next).toContain('✔ Not an access denial: Go on anyway: check the permissions of the request');
	});
});
