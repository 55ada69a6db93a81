import {afterEach, describe, expect, it} from 'vitest';
import {everShown, keys, type Rendered} from './helpers/render.js';
import {renderRecordingWizard} from './helpers/recording-wizard.js';
import {walkThrough} from './helpers/walk-through.js';

/**
 * An S3 data event names the object by `requestParameters.bucketName` and `key`; its ARN needs a partition, which only the
 * caller's ARN or the event's Region gives. An event with neither (an `AWSAccount` caller, no awsRegion) gets no ARN, but
 * its bucket and key are still the request's: the wizard takes them and does not ask them again.
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const event = JSON.stringify({
	eventSource: 's3.amazonaws.com',
	eventName: 'GetObject',
	errorCode: 'AccessDenied',
	errorMessage: 'Access Denied',
	userIdentity: {type: 'AWSAccount', accountId: '111122223333'},
	requestParameters: {bucketName: 'beijing-reports', key: 'q1/summary.csv'},
});

describe('a pasted CloudTrail event that names neither a caller ARN nor a Region', () => {
	it('says the object by its s3:// URL and prefills the bucket and key, guessing no arn:aws', async () => {
		const {rendered} = renderRecordingWizard({columns: 120, rows: 60});
		app = rendered;
		await walkThrough(rendered, [
			['How shall we look', [], event],
			['recognised a CloudTrail event: s3:GetObject on s3://beijing-reports/q1/summary.csv', [keys.enter]],
		]);
		// The question that comes once the object is known: the bucket and key were never asked.
		await rendered.waitFor(frame => frame.includes('Which KMS key encrypts the object?') || frame.includes('Which bucket'), 'the next question');
		expect(everShown(rendered, 'Which bucket')).toBe(false);
		expect(everShown(rendered, 'Which object key')).toBe(false);
		expect(everShown(rendered, 'arn:aws:s3:::')).toBe(false);
	});
});
