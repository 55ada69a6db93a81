import {afterEach, describe, expect, it} from 'vitest';
import {copiedCommand} from './helpers/copied-command.js';
import {argvOf} from '../diagnosis/support/fix-checks.js';
import {errorFixture} from './helpers/error-fixture.js';
import {explainDenial, parseAccessDenied, renderDenialText} from '../../source/inputs/error-message/index.js';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';
import {pasteErrorSteps} from './helpers/paste-error.js';
import {walkThrough, type Step} from './helpers/walk-through.js';

/** After a pasted error, the wizard says what it means, as explain-error does. */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const fixture = errorFixture('cli-upload-part-kms-decrypt.txt');

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
		expect(asked).toContain('$ aws cloudtrail lookup-events');
		expect(argvOf(copiedCommand(asked, 'aws cloudtrail lookup-events'))).toEqual(['cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=Decrypt', '--max-results', '5']);
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

/**
 * IAM User Guide, "Troubleshooting access denied error messages": "When an SCP denies access, the error message always
 * includes the phrase due to an explicit deny in a Service Control Policy, even if the denial is implicit." An SCP reached
 * "transitively through" a VPC endpoint is worded the same way: the wizard says what explain-error says, a Deny or no Allow.
 */
describe('a pasted denial in a VPC endpoint policy transitively through an SCP', () => {
	it("says an SCP refused, by a Deny or by no Allow, as explain-error's Policy line does: never an explicit Deny in the endpoint policy", async () => {
		const text = errorFixture('vpce-transitive-scp.txt');
		const parsed = parseAccessDenied(text);
		if (!parsed.ok) throw new Error('the fixture is not recognised');
		const policyLine = /^ {2}Policy +(.+)$/m.exec(renderDenialText(parsed.value, explainDenial(parsed.value)))?.[1];
		expect(policyLine).toContain('a Deny, or no Allow at some level');
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 200, rows: 60});
		await walkThrough(app, pasteErrorSteps(text));
		const frame = await app.waitFor(frame => frame.includes('What fails?'), 'the next question');
		expect(frame).toContain(`✔ Policy: ${policyLine}`);
		expect(frame).not.toMatch(/explicit Deny in VPC endpoint policy/);
	});
});

describe('the result of a pasted KMS refusal at 80×24', () => {
	const role = 'arn:aws:iam::111122223333:role/Uploader';
	const keyPolicy = JSON.stringify({Version: '2012-10-17', Statement: [{Sid: 'Allow use of the key', Effect: 'Allow', Principal: {AWS: role}, Action: 'kms:GenerateDataKey', Resource: '*'}]});
	const identity = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['s3:PutObject', 'kms:GenerateDataKey'], Resource: '*'}]});
	const steps: readonly Step[] = [
		["in the caller's account", [keys.enter]],
		['The key policy:', [keys.enter]],
		['Paste the key policy', [keys.enter], keyPolicy],
		["The caller's identity policies", [keys.enter]],
		['Paste identity policy 1', [keys.enter], identity],
		['another identity policy', [keys.enter]],
		['The bucket policy:', [keys.down, keys.enter]],
		['permissions boundary, a session policy or an SCP', [keys.enter]],
	];

	it('shows the "no grants" assumption whole in two lines, saying what settles it, and the table keeps its rows', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 80, rows: 24});
		await walkThrough(app, [...pasteErrorSteps(fixture), ...steps]);
		const frame = await app.waitFor(frame => frame.includes('✘ Denied'), 'the result');
		const lines = frame.split('\n');
		const assumed = lines.findIndex(line => line.startsWith('≈ Assumed: no KMS grant'));
		expect(assumed).toBeGreaterThan(0);
		// Two lines, the second the sentence's end: the next line is the next assumption.
		expect(lines[assumed + 1]).toMatch(/^ {2}\S.*aws kms list-grants settles it\.$/);
		expect(lines[assumed + 2]).toMatch(/^≈ Assumed: the KMS key/);
		expect(`${lines[assumed]!.slice(2)} ${lines[assumed + 1]!.trim()}`).toBe(
			'Assumed: no KMS grant on the key allows these actions — the pasted error shows kms:Decrypt refused on this key; aws kms list-grants settles it.',
		);
		// The table keeps its heading, its ✘ row and the next place's heading.
		expect(frame).toMatch(/^Key policy · …eu-west-1:111122223333:key\/1234abcd/m);
		expect(frame).toMatch(/› ✘ +kms:Decrypt/);
		expect(frame).toMatch(/^IAM identity policies$/m);
		expect(lines.length).toBeLessThanOrEqual(24);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
	});
});
