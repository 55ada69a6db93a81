import {afterEach, describe, expect, it} from 'vitest';
import {copiedCommand} from './helpers/copied-command.js';
import {argvOf} from '../diagnosis/support/fix-checks.js';
import {errorFixture} from './helpers/error-fixture.js';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {everShown, keys, renderApp, type Rendered} from './helpers/render.js';
import {renderRecordingWizard} from './helpers/recording-wizard.js';
import {walkThrough} from './helpers/walk-through.js';

/**
 * A copy's pasted error, offline: what it settles is not asked, and what it does not settle is never taken from it. A
 * copy has two keys: its kms:Decrypt is the source object's ("S3 decrypts the source object's data key to read it"), or
 * the destination's only when the copy goes in parts (UploadPartCopy).
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const errorKey = 'arn:aws:kms:eu-central-1:777788889999:key/aaaabbbb-1111-2222-3333-444455556666';
const destinationKey = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
/** An ARN as the wizard wraps it: it may break after any `:` or `/`. */
const wrapped = (arn: string): RegExp => new RegExp(arn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/([:/])/g, '$1\\s*'));

const start = renderRecordingWizard;

/** Pasted into the first question, as people do. */
const pasteError = async (rendered: Rendered, text: string): Promise<void> => {
	await rendered.waitFor(frame => frame.includes('How shall we look'), 'the first question');
	await rendered.paste(text);
	await rendered.waitFor(frame => frame.includes('recognised'), 'the recognised error');
	await rendered.press(keys.enter);
};

/** Every policy and the guardrails left unknown, from the destination key's policy to the result. */
const leaveTheRestUnknown = async (rendered: Rendered): Promise<string> => {
	await walkThrough(rendered, [
		["The destination key's policy:", [keys.down, keys.enter]],
		["The caller's identity policies", [keys.down, keys.down, keys.enter]],
		["The destination bucket's policy:", [keys.down, keys.down, keys.enter]],
		["The source key's policy:", [keys.down, keys.enter]],
		["The source bucket's policy:", [keys.down, keys.down, keys.enter]],
		['a permissions boundary or an SCP apply', [keys.down, keys.down, keys.enter]],
	]);
	return rendered.waitFor(frame => frame.includes('Denied') || frame.includes('Unknown'), 'the result');
};

describe('a copy whose single CopyObject was refused kms:Decrypt, at 80×24', () => {
	it("takes the error's key as the source object's, and neither the destination's key nor its bucket's Region from it", async () => {
		const {rendered, diagnosed} = start({columns: 80, rows: 24});
		app = rendered;
		await pasteError(rendered, errorFixture('cli-copy-copyobject-decrypt.txt'));
		let frame = await rendered.waitFor(frame => frame.includes('for the destination object?'), "the destination key's question");
		expect(frame).toMatch(new RegExp(`✔ Source object's key: ${wrapped(errorKey).source} \\(the key the error names\\)`));
		expect(everShown(rendered, 'Which KMS key encrypts the source object?')).toBe(false);
		await rendered.press(keys.enter);
		await walkThrough(rendered, [
			["Which key is the destination bucket's default?", [keys.enter], destinationKey],
			["in the caller's account", [keys.enter]],
		]);
		// The destination bucket's Region is asked: the error's key is the source's, in the source bucket's Region.
		frame = await rendered.waitFor(frame => frame.includes('Which Region is the destination bucket in?'), "the destination bucket's Region");
		expect(everShown(rendered, 'eu-central-1 (S3 used the key the error names')).toBe(false);
		await rendered.press(keys.enter);
		await walkThrough(rendered, [
			['Which account owns the source bucket src-bucket?', [keys.down, keys.enter]],
			['Which account owns src-bucket?', [keys.enter], '777788889999'],
		]);
		frame = await rendered.waitFor(frame => frame.includes("The destination key's policy:"), "the destination key's policy");
		expect(frame).toContain("✔ Destination bucket's Region: eu-west-1");
		// The key policy asked for is the destination key's, the one given, never the error's.
		await rendered.press(keys.enter);
		frame = await rendered.waitFor(frame => frame.includes("Paste the destination key's policy"), 'the paste field');
		// The destination key's, whole on lines the shell joins at 80 columns: a mouse copy of them runs it.
		expect(argvOf(copiedCommand(frame, 'aws kms get-key-policy'))).toEqual(['kms', 'get-key-policy', '--key-id', destinationKey, '--region', 'eu-west-1', '--policy-name', 'default', '--query', 'Policy', '--output', 'text']);
		expect(frame).not.toContain('key-id arn:aws:kms:eu-central-1:777788889999');
		await rendered.press(keys.escape);
		await leaveTheRestUnknown(rendered);
		rendered.resize(140, 60);
		frame = await rendered.waitFor(frame => frame.includes('Key policy (destination)'), 'the table at full size');
		expect(frame).toMatch(/^Key policy \(source\) · .*aaaabbbb-1111-2222-3333-444455556666$/m);
		expect(frame).toMatch(/^Key policy \(destination\) · .*1234abcd-12ab-34cd-56ef-1234567890ab$/m);
		expect(diagnosed.at(-1)).toMatchObject({key: {arn: destinationKey}, bucket: {region: 'eu-west-1'}, source: {keyInfo: {arn: errorKey}}});
	});
});

describe('a copy in parts (UploadPartCopy) refused kms:Decrypt', () => {
	const toTheQuestion = async (): Promise<string> => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await pasteError(app, errorFixture('cli-copy-uploadpartcopy-decrypt.txt'));
		return app.waitFor(frame => frame.includes('Which object does'), "the question of the key's object");
	};

	it('asks whose key the error names: both legs decrypt in parts', async () => {
		const frame = await toTheQuestion();
		expect(frame.replace(/\n\s+/g, ' ')).toContain(`Which object does ${errorKey} encrypt?`);
		expect(frame).toMatch(/The source object +s3:\/\/src-bucket\/in\/a\.bin/);
		expect(frame).toMatch(/The destination object +s3:\/\/dst-bucket\/out\/a\.bin/);
	});

	it("the source object: the source key is not asked, the destination's is", async () => {
		await toTheQuestion();
		await app!.press(keys.enter);
		const frame = await app!.waitFor(frame => frame.includes('for the destination object?'), "the destination key's question");
		expect(frame.replace(/\n\s+/g, ' ')).toContain(`✔ Source object's key: ${errorKey} (the key the error names)`);
		expect(everShown(app!, 'Which KMS key encrypts the source object?')).toBe(false);
	});

	it("the destination object: the error's key is the destination's, and its Region the destination bucket's", async () => {
		await toTheQuestion();
		await app!.press(keys.down, keys.enter);
		await walkThrough(app!, [
			['Which KMS key encrypts the source object?', [keys.enter], destinationKey],
			["in the caller's account", [keys.enter]],
		]);
		const frame = await app!.waitFor(frame => frame.includes('Which account owns the source bucket'), 'the source account');
		expect(frame.replace(/\n\s+/g, ' ')).toContain("✔ Bucket's Region: eu-central-1 (S3 used the key the error names");
		expect(everShown(app!, 'for the destination object?')).toBe(false);
	});

	it('not known: each key is asked, and the same key given for the source settles nothing of the destination', async () => {
		await toTheQuestion();
		await app!.press(keys.down, keys.down, keys.enter);
		await walkThrough(app!, [['Which KMS key encrypts the source object?', [keys.enter], errorKey]]);
		await app!.waitFor(frame => frame.includes('for the destination object?'), "the destination key's question");
		await app!.press(keys.enter);
		await walkThrough(app!, [
			["Which key is the destination bucket's default?", [keys.enter], destinationKey],
			["in the caller's account", [keys.enter]],
		]);
		await app!.waitFor(frame => frame.includes('Which Region is the destination bucket in?'), "the destination bucket's Region");
		expect(everShown(app!, 'S3 used the key the error names')).toBe(false);
	});
});

describe('"copy failed: s3://SOURCE to s3://DESTINATION"', () => {
	it('names the source: it is said, not asked', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await pasteError(app, errorFixture('cli-copy-uploadpartcopy-decrypt.txt'));
		// The walk draws the line and the question after it in one frame: a source question would have come before.
		await app.waitFor(frame => frame.includes('✔ Source object: s3://src-bucket/in/a.bin (the error names it)'), 'the source, said');
		expect(everShown(app, 'Which bucket does it copy from?')).toBe(false);
		expect(everShown(app, 'Which object key in src-bucket?')).toBe(false);
	});
});
