import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {explainDenial, parseAccessDenied} from '../../source/inputs/error-message/index.js';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';

/** After a pasted error, the wizard says what it means, as explain-error does. */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const fixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'errors', 'cli-upload-part-kms-decrypt.txt'), 'utf8').trim();

describe('a pasted AccessDenied error', () => {
	it('is followed by its summary and what it means, each point hanging under its mark', async () => {
		const parsed = parseAccessDenied(fixture);
		if (!parsed.ok) throw new Error('the fixture is not recognised');
		const {summary, meaning} = explainDenial(parsed.value);
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 60});
		await app.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await app.press(keys.down, keys.enter);
		const asked = await app.waitFor(frame => frame.includes('Paste the AccessDenied error message'), 'the error question');
		// The command that prints a CloudTrail event of the refusal is under the question.
		expect(asked).toContain('$ aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=Decrypt');
		await app.paste(fixture.replace(/\n/g, '\r'));
		await app.waitFor(frame => frame.includes('recognised'), 'the recognised error');
		await app.press(keys.enter);
		// No profiles: pasting is the only way on; the error names the object, the key and UploadPart, so the bucket's account comes next.
		const frame = await app.waitFor(frame => frame.includes("in the caller's account"), 'the next question');
		const flat = frame.replace(/\n {4}/g, ' ');
		expect(flat).toContain(summary);
		expect(flat).toContain(`What it means: ${meaning[0]}`);
		for (const point of meaning.slice(1)) expect(flat).toContain(point);
		expect(flat).toContain('UploadPart needs kms:Decrypt, not only kms:GenerateDataKey');
		for (const line of frame.split('\n')) if (line.trim() !== '' && !/^[✔?s]/.test(line)) expect(line).toMatch(/^ /);
	});
});
