import {afterEach, describe, expect, it} from 'vitest';
import {errorFixture} from './helpers/error-fixture.js';
import {everShown, keys, type Rendered} from './helpers/render.js';
import {renderRecordingWizard} from './helpers/recording-wizard.js';
import {walkThrough} from './helpers/walk-through.js';

/**
 * A CloudTrail event of the KMS call holds the encryption context S3 sent. S3 User Guide, "Configuring your bucket to use an
 * S3 Bucket Key": "When an S3 Bucket Key is enabled for the source or destination bucket, the encryption context will be
 * the bucket Amazon Resource Name (ARN) and not the object ARN". So the event's object ARN settles that no Bucket Key was
 * used, and the question about it, which a key policy testing kms:EncryptionContext would raise, is not asked.
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const role = 'arn:aws:iam::111122223333:role/Uploader';
const keyPolicy = JSON.stringify({
	Version: '2012-10-17',
	Statement: [{Effect: 'Allow', Principal: {AWS: role}, Action: 'kms:GenerateDataKey', Resource: '*', Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::amzn-s3-demo-bucket/*'}}}],
});
const bucketKeyPrompt = 'was the object written with an S3 Bucket Key?';

describe('a pasted CloudTrail event of a refused kms:Decrypt, and a key policy testing the encryption context', () => {
	it('takes the S3 Bucket Key from the event (off: the context is the object ARN), asks no question about it, and the result uses it', async () => {
		const {rendered, diagnosed} = renderRecordingWizard({columns: 120, rows: 60});
		app = rendered;
		await walkThrough(rendered, [
			['How shall we look', [], errorFixture('cloudtrail-decrypt-denied.json').replace(/\n/g, '\r')],
			['recognised', [keys.enter]],
			['What fails?', [keys.down, keys.enter]],
			["in the caller's account", [keys.enter]],
			['The key policy:', [keys.enter]],
			['Paste the key policy', [keys.enter], keyPolicy],
			["The caller's identity policies", [keys.down, keys.enter]],
			['The bucket policy:', [keys.down, keys.enter]],
			['permissions boundary, a session policy or an SCP', [keys.enter]],
		]);
		// The old conversation stopped here to ask it; now the result comes.
		await rendered.waitFor(frame => frame.includes(bucketKeyPrompt) || diagnosed.length > 0, 'the result or the Bucket Key question');
		expect(everShown(rendered, bucketKeyPrompt)).toBe(false);
		expect(everShown(rendered, "S3 Bucket Key: off (the pasted CloudTrail event's encryption context is the object ARN)")).toBe(true);
		expect(diagnosed.at(-1)?.object?.encryption?.bucketKeyEnabled).toBe(false);
	});
});
