import {afterEach, describe, expect, it, vi} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {WizardApp} from '../../source/ui/app.js';
import {KeyRouter} from '../../source/ui/keys/key-router.js';
import {ResultScreen} from '../../source/ui/result/result-screen.js';
import {MiB, account, allow, buildSnapshot, bucket, customerKey, fullIdentityPolicy, keyArn, keyArnOf, policy, region, rootOf} from '../diagnosis/support/build-snapshot.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';

/** A copy has a source and a destination: every screen says which, in copy words. */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const sourceKey = keyArnOf(account, region, 'aaaaaaaa-1111-2222-3333-444444444444');
const copy: Snapshot = buildSnapshot({
	question: {operation: 'copy', sizeBytes: 200 * MiB, source: {bucket: 'source-bucket', objectKey: 'in/q1.csv', kmsKeyId: sourceKey}},
	principal: {identityPolicies: [fullIdentityPolicy([keyArn, sourceKey], [bucket, 'source-bucket'])]},
	key: customerKey(keyArn, policy(allow('kms:GenerateDataKey', '*', {Principal: {AWS: rootOf(account)}}))),
	source: {
		bucketInfo: {accountId: account, region, policy: null, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
		objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
		keyInfo: customerKey(sourceKey),
	},
});

describe('the result of a copy', () => {
	it('labels the groups source and destination, and its title goes from one to the other', async () => {
		app = renderApp(
			<KeyRouter>
				<ResultScreen diagnosis={diagnose(copy)} snapshot={copy} services={fakeServices().services} width={110} rows={40} onRerun={() => undefined} savedCheckNames={[]} onBack={vi.fn()} onQuit={vi.fn()} />
			</KeyRouter>,
			{columns: 110, rows: 40},
		);
		const frame = await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		expect(frame).toContain('copy s3://source-bucket/in/q1.csv → s3://example-bucket/reports/2025/q1.csv');
		expect(frame).toMatch(/^Key policy \(source\) · .*aaaaaaaa-1111-2222-3333-444444444444$/m);
		expect(frame).toMatch(/^Key policy \(destination\) · .*1234abcd-12ab-34cd-56ef-1234567890ab$/m);
		expect(frame).toMatch(/kms:Decrypt \(destination\): /);
		await app.press(keys.enter);
		const detail = await app.waitFor(frame => frame.includes('Needed for:'), 'the explanation');
		expect(detail).toContain('kms:Decrypt (destination) · key policy · missing');
		expect(detail).toContain('UploadPartCopy');
	});
});

/** Without credentials, a copy, up to the question that asks for its destination bucket. */
const startCopy = async (rendered: Rendered): Promise<void> => {
	await rendered.waitFor(frame => frame.includes('How shall we look'), 'the first question');
	await rendered.press(keys.enter);
	await rendered.waitFor(frame => frame.includes('What fails?'), 'the operation question');
	await rendered.press(keys.down, keys.down, keys.enter);
	await rendered.waitFor(frame => frame.includes('Which bucket does it copy to?'), 'the destination bucket');
};

/** From the source object's key question: `answer` for it, then the destination names its key, keyArn. */
const sourceKeyThenDestinationKey = async (rendered: Rendered, answer: string): Promise<string> => {
	await rendered.waitFor(frame => frame.includes('Which KMS key encrypts the source object?'), 'the source key');
	await rendered.paste(answer);
	await rendered.press(keys.enter);
	const frame = await rendered.waitFor(frame => frame.includes('for the destination object?'), 'the key question');
	await rendered.press(keys.down, keys.enter);
	await rendered.waitFor(frame => frame.includes('Which key does the request name?'), 'the key ARN');
	await rendered.paste(keyArn);
	await rendered.press(keys.enter);
	return frame;
};

describe('the copy flow', () => {
	it('asks in copy words: destination, source object, what copies it, UploadPartCopy', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await startCopy(app);
		await app.paste('reports-bucket');
		await app.press(keys.enter);
		let frame = await app.waitFor(frame => frame.includes('Which key does it copy to, in reports-bucket?'), 'the destination key');
		expect(frame).toContain('✔ Destination bucket: reports-bucket');
		await app.paste('copies/big.csv');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Which bucket does it copy from?'), 'the source bucket');
		await app.paste('s3://source-bucket/in/big.csv');
		await app.press(keys.enter);
		frame = await sourceKeyThenDestinationKey(app, sourceKey);
		expect(frame).toContain("No: the destination bucket's default encryption decides");
		frame = await app.waitFor(frame => frame.includes('What copies it?'), 'the tool question');
		expect(frame).not.toContain('What uploads it?');
		expect(frame).toContain('aws s3 cp s3://SOURCE/… s3://DESTINATION/…');
		// Every hint speaks of copying: no "upload in the browser", no "PutObject calls".
		expect(frame).not.toContain('upload in the browser');
		expect(frame).not.toContain('PutObject calls');
		await app.press(keys.enter);
		frame = await app.waitFor(frame => frame.includes('How big is the source object?'), 'the size question');
		expect(frame).toContain('copied in parts, with UploadPartCopy');
		await app.paste('200 MB');
		await app.press(keys.enter);
		frame = await app.waitFor(frame => frame.includes('Who makes the request?'), 'the caller question');
		expect(frame.replace(/\n\s+/g, ' ')).toContain('object is copied in parts with the AWS CLI (UploadPartCopy from 8 MiB)');
		expect(frame).not.toMatch(/UploadPart\b(?!Copy)/);
		await app.paste('arn:aws:iam::111122223333:role/Copier');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes("in the caller's account"), 'the bucket account');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Which Region is the destination bucket in?'), 'the region');
		await app.press(keys.enter);
		// A copy reads the source with the caller's permissions: whose the source bucket is is asked, never assumed.
		frame = await app.waitFor(frame => frame.includes('Which account owns the source bucket source-bucket?'), 'the source account');
		expect(frame).toContain("The caller's account (111122223333)");
		await app.press(keys.enter);
		frame = await app.waitFor(frame => frame.includes("The destination key's policy:"), 'the key policy question');
		expect(frame).toContain("✔ Destination bucket's Region: eu-west-1");
	});
});

describe('the copy flow with head-object output pasted for the source key', () => {
	it('takes the key and the size from it: the size is not asked again', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await startCopy(app);
		await app.paste('s3://reports-bucket/copies/big.csv');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Which bucket does it copy from?'), 'the source bucket');
		await app.paste('s3://source-bucket/in/big.csv');
		await app.press(keys.enter);
		await sourceKeyThenDestinationKey(app, JSON.stringify({AcceptRanges: 'bytes', ContentLength: 734_003_200, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: sourceKey, BucketKeyEnabled: false}));
		await app.waitFor(frame => frame.includes('What copies it?'), 'the tool question');
		await app.press(keys.enter);
		const frame = await app.waitFor(frame => frame.includes('Who makes the request?'), 'the caller question');
		expect(app.frames().some(each => each.includes('How big is the source object?'))).toBe(false);
		expect(frame).toMatch(/✔ Size: .*734,003,200 bytes/);
		expect(frame).toContain(`Source object's key: ${sourceKey}`);
	});
});
