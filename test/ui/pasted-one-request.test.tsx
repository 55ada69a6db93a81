import {afterEach, describe, expect, it} from 'vitest';
import {errorFixture} from './helpers/error-fixture.js';
import {everShown, keys, type Rendered} from './helpers/render.js';
import {renderRecordingWizard} from './helpers/recording-wizard.js';
import {walkThrough} from './helpers/walk-through.js';

/**
 * A refused PutObject or CopyObject is a request that did not go in parts, as a refused UploadPart is one that did. The S3
 * User Guide ("Uploading objects"): "Upload an object in a single operation by using the AWS SDKs, REST API, or AWS CLI –
 * With a single PUT operation, you can upload a single object up to 5 GB in size", beside "Multipart upload allows you to
 * upload a single object as a set of parts" ("Amazon S3 multipart upload limits"); and for a copy ("Copying an object
 * using multipart upload"): "You can copy objects less than 5 GB in a single operation without using the multipart upload
 * API". So neither the tool nor the size can change whether it went in parts: they are not asked, and the result holds no
 * kms:Decrypt for parts.
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const flat = (frame: string): string => frame.replace(/\n\s+/g, ' ');

const start = (): ReturnType<typeof renderRecordingWizard> => renderRecordingWizard({columns: 100, rows: 40});

/** The error pasted into the first question, then the request's key: the bucket default, `keyArn`. */
const pasteErrorAndKey = async (rendered: Rendered, error: string, defaultKeyPrompt: string): Promise<string> => {
	await walkThrough(rendered, [
		['How shall we look', [], error],
		['recognised', [keys.enter]],
		['name a KMS key', [keys.enter]],
		[defaultKeyPrompt, [keys.enter], keyArn],
	]);
	return rendered.waitFor(frame => frame.includes("in the caller's account"), "the bucket's account");
};

describe('a refused PutObject (the held-out permissions-boundary error)', () => {
	it('asks neither the tool nor the size, says why, and the result checks one PutObject: no kms:Decrypt', async () => {
		const {rendered, diagnosed} = start();
		app = rendered;
		const frame = await pasteErrorAndKey(rendered, errorFixture('putobject-boundary-implicit.txt'), "Which key is the bucket's default?");
		expect(flat(frame)).toContain('• PutObject is a single request, never a part of a multipart upload: it did not go in parts, so the size and the tool are not asked.');
		expect(everShown(rendered, 'What uploads it?')).toBe(false);
		expect(everShown(rendered, 'How big is the file?')).toBe(false);
		expect(everShown(rendered, 'goes up in parts')).toBe(false);
		await walkThrough(rendered, [
			["in the caller's account", [keys.enter]],
			['Which Region is the bucket in?', [keys.enter]],
			['The key policy:', [keys.down, keys.enter]],
			["The caller's identity policies", [keys.down, keys.down, keys.enter]],
			['The bucket policy:', [keys.down, keys.down, keys.enter]],
			['no permissions boundary allows s3:PutObject', [keys.down, keys.enter]],
			["The service control policies (SCPs) of the caller's account:", [keys.down, keys.down, keys.down, keys.enter]],
		]);
		rendered.resize(140, 60);
		const result = await rendered.waitFor(frame => frame.includes('kms:GenerateDataKey') && frame.includes('s3:PutObject'), 'the result');
		expect(result).not.toContain('kms:Decrypt');
		expect(diagnosed.at(-1)?.question).toMatchObject({operation: 'upload', bucket: 'my-bucket', objectKey: 'path/file.csv', multipart: false});
	});
});

describe('a refused CopyObject, as `aws s3 cp` printed it', () => {
	it('asks neither what copies it nor the size, says why, and the result checks one CopyObject: no kms:Decrypt for parts', async () => {
		const {rendered, diagnosed} = start();
		app = rendered;
		const frame = await pasteErrorAndKey(rendered, errorFixture('cli-copy-copyobject-decrypt.txt'), "Which key is the destination bucket's default?");
		expect(flat(frame)).toContain('• CopyObject is a single request, never a part of a multipart copy: it did not go in parts, so the size and the tool are not asked.');
		expect(everShown(rendered, 'What copies it?')).toBe(false);
		expect(everShown(rendered, 'How big is the source object?')).toBe(false);
		await walkThrough(rendered, [
			["in the caller's account", [keys.enter]],
			['Which Region is the destination bucket in?', [keys.enter]],
			['Which account owns the source bucket', [keys.enter]],
			["The destination key's policy:", [keys.down, keys.enter]],
			["The caller's identity policies", [keys.down, keys.down, keys.enter]],
			["The destination bucket's policy:", [keys.down, keys.down, keys.enter]],
			["The source key's policy:", [keys.down, keys.enter]],
			["The source bucket's policy:", [keys.down, keys.down, keys.enter]],
			['an SCP apply to the caller?', [keys.down, keys.down, keys.enter]],
		]);
		rendered.resize(140, 60);
		const result = await rendered.waitFor(frame => frame.includes('Key policy (destination)'), 'the result');
		expect(result).toMatch(/kms:Decrypt \(source\)/);
		expect(result).not.toMatch(/kms:Decrypt \(destination\)/);
		// `copy failed: …` is how the AWS CLI reports: the tool is settled with the rest.
		expect(diagnosed.at(-1)?.question).toMatchObject({operation: 'copy', multipart: false, tool: 'aws-cli'});
	});
});
