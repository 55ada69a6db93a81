import {afterEach, describe, expect, it} from 'vitest';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {everShown, keys, renderApp, type Rendered} from './helpers/render.js';
import {manualUploadWithKeyPolicy} from './helpers/manual-upload.js';
import {walkThrough} from './helpers/walk-through.js';

/**
 * In the wizard: a 200 MB upload whose key policy allows role Uploader kms:GenerateDataKey and kms:Decrypt for any
 * object of the bucket (StringLike arn:aws:s3:::amzn-s3-demo-bucket*, the object ARN and the bucket ARN alike), and an
 * identity policy without s3:PutObject. Neither a grant nor the Bucket Key could change the result: neither is asked.
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const role = 'arn:aws:iam::111122223333:role/Uploader';
const keyPolicy = (pattern: string): string =>
	JSON.stringify({
		Version: '2012-10-17',
		Statement: [{Effect: 'Allow', Principal: {AWS: role}, Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*', Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': pattern}}}],
	});
const identity = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}]});

const toTheGuardrails = (pattern: string) => [
	...manualUploadWithKeyPolicy(role, keyPolicy(pattern)),
	["The caller's identity policies", [keys.enter]],
	['Paste identity policy 1', [keys.enter], identity],
	['another identity policy', [keys.enter]],
	['The bucket policy:', [keys.down, keys.enter]],
	['Does a permissions boundary', [keys.enter]],
] as const;

describe('the wizard asks only what can change the answer', () => {
	it('neither the grants nor the Bucket Key where no answer could change the result: the transcript says so, and the fix is proven', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 120, rows: 60});
		await walkThrough(app, toTheGuardrails('arn:aws:s3:::amzn-s3-demo-bucket*'));
		const result = await app.waitFor(frame => frame.includes('✘ Denied'), 'the result');
		expect(everShown(app, 'Grants on the key can allow')).toBe(false);
		expect(everShown(app, 'are S3 Bucket Keys on')).toBe(false);
		const transcript = app.frames().join('\n');
		expect(transcript).toContain('KMS grants: not asked (a grant only adds an Allow, and no grant could change this result)');
		expect(transcript).toContain('S3 Bucket Key: not asked (on or off, the policies give the same result)');
		expect(result).toMatch(/✘ +s3:PutObject/);
		await app.press(keys.enter);
		const fix = await app.waitFor(frame => frame.includes('"s3:PutObject"'), 'the fix');
		expect(fix).toContain('✔ proven');
	});

	it('both, once the condition matches only the object ARN', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 120, rows: 60});
		await walkThrough(app, [...toTheGuardrails('arn:aws:s3:::amzn-s3-demo-bucket/*'), ['Grants on the key can allow', [keys.enter]]]);
		await app.waitFor(frame => frame.includes('are S3 Bucket Keys on for the bucket?'), 'the Bucket Key question');
	});
});
