import {afterEach, describe, expect, it} from 'vitest';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';
import {walkThrough, type Step} from './helpers/walk-through.js';

/**
 * Bad input never loses what the user entered: text left in a field by Esc (an invalid paste, a half-edited ARN) is
 * there again when the user comes back to that field, and Esc back stays in the footer at 80 columns to get there.
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const keyArn = 'arn:aws:kms:us-east-1:444455556666:key/9999abcd-12ab-34cd-56ef-1234567890ab';
const caller = 'arn:aws:sts::111122223333:assumed-role/Analyst/bob';
/** A key policy with a comma missing after line 7's Principal, as typed by hand. */
const malformedKeyPolicy = [
	'{',
	'  "Version": "2012-10-17",',
	'  "Statement": [',
	'    {',
	'      "Sid": "AllowBucketOwner",',
	'      "Effect": "Allow",',
	'      "Principal": {"AWS": "arn:aws:iam::444455556666:root"}',
	'      "Action": "kms:*",',
	'      "Resource": "*"',
	'    }',
	'  ]',
	'}',
].join('\n');

/** A download without credentials, from the first question to the key policy's paste field. */
const untilKeyPolicyPaste: readonly Step[] = [
	['How shall we look', [keys.enter]],
	['What fails?', [keys.down, keys.enter]],
	['Which bucket?', [keys.enter], 's3://data-bucket/reports/q1.csv'],
	['Which KMS key encrypts the object?', [keys.enter], keyArn],
	['Who makes the request?', [keys.enter], caller],
	["in the caller's account", [keys.down, keys.enter]],
	["Which account owns", [keys.enter], '444455556666'],
	['The key policy:', [keys.enter]],
	['Paste the key policy', []],
];

const notValid = 'not valid JSON: comma expected at line 8, column 7';

describe('an unfinished edit', () => {
	it('an invalid paste left with Esc is in the field again when the user comes back to it', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await walkThrough(app, untilKeyPolicyPaste);
		await app.paste(malformedKeyPolicy);
		await app.waitFor(frame => frame.includes(notValid), 'the paste refused');
		await app.press(keys.escape);
		await app.waitFor(frame => frame.includes('› Paste it') && !frame.includes('Paste the key policy'), 'back at the key policy choice');
		await app.press(keys.enter);
		const back = await app.waitFor(frame => frame.includes('Paste the key policy'), 'the paste field again');
		expect(back).toContain('"Principal": {"AWS": "arn:aws:iam::444455556666:root"}');
		expect(back).toContain(notValid);
		expect(back).not.toContain('paste here');
	});

	it('a caller ARN edited to something invalid, left with Esc, is what the caller field shows on the way back', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await walkThrough(app, untilKeyPolicyPaste.slice(0, 5));
		await app.waitFor(frame => frame.includes("in the caller's account"), 'the bucket account question');
		// Back to the caller, then a typo in the account: invalid, so it cannot be answered.
		await app.press(keys.escape);
		await app.waitFor(frame => frame.includes('Who makes the request?'), 'the caller again');
		await app.press(keys.ctrlU);
		await app.paste('arn:aws:sts::11112222333:assumed-role/Analyst/bob');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('✘'), 'the ARN refused');
		await app.press(keys.escape);
		await app.waitFor(frame => frame.includes('Which KMS key encrypts the object?'), 'the key question');
		// Enter keeps the key; the walk comes back to the unfinished caller, not past it with the old answer.
		await app.press(keys.enter);
		const back = await app.waitFor(frame => frame.includes('Who makes the request?'), 'the caller field again');
		expect(back).toContain('arn:aws:sts::11112222333:assumed-role/Analyst/bob');
		expect(back).not.toContain(`✔ Caller: ${caller}`);
		// Answered, the edit is the answer and nothing is left over.
		await app.press(keys.ctrlU);
		await app.paste(caller);
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes("in the caller's account"), 'past the caller');
		await app.press(keys.escape);
		const again = await app.waitFor(frame => frame.includes('Who makes the request?'), 'the caller answered');
		expect(again).toContain(caller);
		expect(again).not.toContain('11112222333:');
	});

	it('at 80 columns the paste field keeps Esc back in its footer', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 80, rows: 24});
		await walkThrough(app, untilKeyPolicyPaste);
		await app.paste(malformedKeyPolicy);
		const frame = await app.waitFor(frame => frame.includes(notValid), 'the paste refused');
		const footer = frame.trimEnd().split('\n').at(-1)!;
		expect(footer).toContain('Esc back');
		expect(footer).toContain('? keys');
		expect(footer).toContain('Ctrl+C quit');
	});
});
