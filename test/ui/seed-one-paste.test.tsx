import {afterEach, describe, expect, it} from 'vitest';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';
import {manualUploadWithKeyPolicy} from './helpers/manual-upload.js';
import {walkThrough, type Step} from './helpers/walk-through.js';

/**
 * The first seed article in the wizard: a 200 MB upload fails with UploadPart; the key policy grants the uploader only
 * kms:GenerateDataKey. Issue: "the seed-1 paste flow with grants 'none' gives ✘ kms:Decrypt at the key policy with the
 * proven fix and the multipart warning; with grants 'don't know' it gives the cause-first headline and still shows the fix."
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const role = 'arn:aws:iam::111122223333:role/Uploader';
const keyPolicy = JSON.stringify({Version: '2012-10-17', Statement: [{Sid: 'Allow use of the key', Effect: 'Allow', Principal: {AWS: role}, Action: 'kms:GenerateDataKey', Resource: '*'}]});
const identity = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['s3:PutObject', 'kms:GenerateDataKey'], Resource: '*'}]});


/** From the first question to the key policy, without credentials and without an error. */
const untilKeyPolicy = manualUploadWithKeyPolicy('arn:aws:sts::111122223333:assumed-role/Uploader/alice', keyPolicy);

const afterKeyPolicy: readonly Step[] = [
	["The caller's identity policies", [keys.enter]],
	['Paste identity policy 1', [keys.enter], identity],
	['another identity policy', [keys.enter]],
	['The bucket policy:', [keys.down, keys.enter]],
	['permissions boundary, a session policy or an SCP', [keys.enter]],
];

describe('the first seed article, pasted', () => {
	it('grants "none": ✘ kms:Decrypt at the key policy, the proven key-policy fix and the multipart warning', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 120, rows: 60});
		await walkThrough(app, [...untilKeyPolicy, ...afterKeyPolicy, ['Grants on the key can allow', [keys.enter]]]);
		const frame = await app.waitFor(frame => frame.includes('✘ Denied'), 'the result');
		expect(frame).toMatch(/✘ +kms:Decrypt/);
		expect(frame.replace(/\n +/g, ' ')).toContain('multipart upload with SSE-KMS needs kms:Decrypt');
		// The cursor starts on the ✘ row: Enter shows its fix.
		await app.press(keys.enter);
		const fix = await app.waitFor(frame => frame.includes('Fix Key policy') && frame.includes('"kms:Decrypt"'), 'the fix');
		expect(fix).toContain('✔ proven');
		expect(fix).toContain("Who applies it: account 111122223333 (the key's owner)");
	});

	it('at 80×24 the assumption that the key is enabled stays, in two lines naming the key, and the table keeps its heading', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 80, rows: 24});
		await walkThrough(app, [...untilKeyPolicy, ...afterKeyPolicy, ['Grants on the key can allow', [keys.enter]]]);
		const frame = await app.waitFor(frame => frame.includes('✘ Denied'), 'the result');
		const lines = frame.split('\n');
		const assumed = lines.findIndex(line => line.startsWith('≈ Assumed: the KMS key'));
		// The key ARN would take a line of its own: its key ID (the end the table's heading shows too) names the key.
		expect(lines[assumed]).toContain('…key/1234abcd-12ab-34cd-56ef-1234567890ab is enabled');
		expect(lines[assumed + 1]).toMatch(/^ {2}\S.*were not read or given\)\.$/);
		expect(lines[assumed + 2]).toMatch(/^! /);
		expect(frame).toMatch(/^Key policy · …eu-west-1:111122223333:key\/1234abcd/m);
		expect(frame).toMatch(/› ✘ +kms:Decrypt/);
		expect(lines.length).toBeLessThanOrEqual(24);
	});

	it('grants "I do not know": the headline leads with the cause, and the key-policy fix is still shown', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 120, rows: 60});
		await walkThrough(app, [...untilKeyPolicy, ...afterKeyPolicy, ['Grants on the key can allow', [keys.down, keys.down, keys.enter]]]);
		const frame = await app.waitFor(frame => frame.includes('most likely fails'), 'the result');
		expect(frame.replace(/\n +/g, ' ')).toContain('kms:Decrypt is not allowed by the key policy — unless a KMS grant allows it (grants not given)');
		await app.press(keys.enter);
		const fix = await app.waitFor(frame => frame.includes('Fix Key policy') && frame.includes('"kms:Decrypt"'), 'the fix');
		expect(fix).toContain('✔ proven');
	});
});
