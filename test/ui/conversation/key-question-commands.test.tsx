import {afterEach, describe, expect, it} from 'vitest';
import {WizardApp} from '../../../source/ui/app.js';
import {argvOf} from '../../diagnosis/support/fix-checks.js';
import {copiedCommand} from '../helpers/copied-command.js';
import {fakeServices} from '../helpers/fake-services.js';
import {keys, renderApp, type Rendered} from '../helpers/render.js';
import {walkThrough} from '../helpers/walk-through.js';

/**
 * Without credentials, the questions for a key point at the read that shows it: the command is written out for the
 * bucket and object already given, on a line of its own, so a mouse copy of it runs as it is (a key with a space and a
 * quote included).
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const objectKey = "reports/big file's.csv";

describe('the key questions of the paste path', () => {
	it("a download's object key question shows head-object for that object", async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 80, rows: 24});
		await walkThrough(app, [
			['How shall we look', [keys.enter]],
			['What fails?', [keys.down, keys.enter]],
			['Which bucket?', [keys.enter], `s3://my-bucket/${objectKey}`],
		]);
		const frame = await app.waitFor(frame => frame.includes('Which KMS key encrypts the object?'), 'the key question');
		expect(argvOf(copiedCommand(frame, 'aws s3api head-object --bucket'))).toEqual(['s3api', 'head-object', '--bucket', 'my-bucket', '--key', objectKey]);
	});

	it("an upload's default key question shows get-bucket-encryption for that bucket", async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 80, rows: 24});
		await walkThrough(app, [
			['How shall we look', [keys.enter]],
			['What fails?', [keys.enter]],
			['Which bucket?', [keys.enter], `s3://my-bucket/${objectKey}`],
			['name a KMS key', [keys.enter]],
		]);
		const frame = await app.waitFor(frame => frame.includes("Which key is the bucket's default?"), 'the key question');
		expect(argvOf(copiedCommand(frame, 'aws s3api get-bucket-encryption --bucket'))).toEqual(['s3api', 'get-bucket-encryption', '--bucket', 'my-bucket']);
	});

	it("a copy's source key question shows head-object for the source object", async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 80, rows: 24});
		await walkThrough(app, [
			['How shall we look', [keys.enter]],
			['What fails?', [keys.down, keys.down, keys.enter]],
			['copy to?', [keys.enter], 's3://dst-bucket/out/a.bin'],
			['copy from?', [keys.enter], `s3://src-bucket/${objectKey}`],
		]);
		const frame = await app.waitFor(frame => frame.includes('Which KMS key encrypts the source object?'), 'the key question');
		expect(argvOf(copiedCommand(frame, 'aws s3api head-object --bucket'))).toEqual(['s3api', 'head-object', '--bucket', 'src-bucket', '--key', objectKey]);
	});
});
