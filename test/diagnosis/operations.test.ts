import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderText} from '../../source/report/render-text.js';
import type {Diagnosis, RequiredAction} from '../../source/diagnosis/diagnosis.js';
import type {UploadTool} from '../../source/snapshot/question.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {
	MiB,
	account,
	bucket,
	bucketArn,
	buildSnapshot,
	crossAccountDownload,
	customerKey,
	fullIdentityPolicy,
	keyArn,
	keyArnOf,
	objectArn,
	otherAccount,
	region,
	without,
} from './support/build-snapshot.js';

/** Which actions each operation needs, on which resource, with the context each call really carries. */

const actionOf = (diagnosis: Diagnosis, id: string): RequiredAction => {
	const found = diagnosis.actions.find(action => action.id === id);
	if (!found) throw new Error(`no action ${id}; actions: ${diagnosis.actions.map(action => action.id).join(', ')}`);
	return found;
};

const actionList = (diagnosis: Diagnosis): [string, string][] => diagnosis.actions.map(action => [action.action, action.resource]);

const upload = (sizeBytes: number, tool: UploadTool = 'aws-cli', extra: Partial<Snapshot['question']> = {}): Snapshot =>
	buildSnapshot({question: {sizeBytes, tool, ...extra}});

describe('single-part upload', () => {
	const diagnosis = diagnose(upload(1 * MiB));

	it('needs s3:PutObject on the object and kms:GenerateDataKey on the key, nothing else', () => {
		expect(diagnosis.question.multipart).toBe('no');
		expect(actionList(diagnosis)).toEqual([
			['s3:PutObject', objectArn],
			['kms:GenerateDataKey', keyArn],
		]);
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('still needs no kms:Decrypt when the key policy lacks it', () => {
		const snapshot = buildSnapshot({
			question: {sizeBytes: 1 * MiB},
			principal: {identityPolicies: []},
			key: {policy: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${account}:user/alice`}, Action: 'kms:GenerateDataKey', Resource: '*'}]}},
			bucket: {policy: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${account}:user/alice`}, Action: 's3:PutObject', Resource: `${bucketArn}/*`}]}},
		});
		expect(diagnose(snapshot).verdict).toBe('allowed');
	});

	it('carries S3\'s KMS context: ViaService, CallerAccount, the object ARN as encryption context', () => {
		const {context} = actionOf(diagnosis, 'kms:GenerateDataKey@destination');
		expect(context['kms:ViaService']).toBe(`s3.${region}.amazonaws.com`);
		expect(context['kms:CallerAccount']).toBe(account);
		expect(context['kms:EncryptionContext:aws:s3:arn']).toBe(objectArn);
		expect(context['aws:ViaAWSService']).toBe(true);
	});

	it('sends the SSE headers when the request names a key', () => {
		const {context} = actionOf(diagnosis, 's3:PutObject@destination');
		expect(context['s3:x-amz-server-side-encryption']).toBe('aws:kms');
		expect(context['s3:x-amz-server-side-encryption-aws-kms-key-id']).toBe(keyArn);
	});

	it('sends no SSE header when it relies on the bucket default, and uses the default key', () => {
		const diagnosisByDefault = diagnose(without(upload(1 * MiB), 'question.kmsKeyId'));
		const {context} = actionOf(diagnosisByDefault, 's3:PutObject@destination');
		expect(context['s3:x-amz-server-side-encryption']).toBeNull();
		expect(context['s3:x-amz-server-side-encryption-aws-kms-key-id']).toBeNull();
		expect(actionOf(diagnosisByDefault, 'kms:GenerateDataKey@destination').resource).toBe(keyArn);
		expect(diagnosisByDefault.verdict).toBe('allowed');
	});

	it('uses the bucket ARN as encryption context with S3 Bucket Keys on', () => {
		const snapshot = buildSnapshot({bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}}});
		expect(actionOf(diagnose(snapshot), 'kms:GenerateDataKey@destination').context['kms:EncryptionContext:aws:s3:arn']).toBe(bucketArn);
	});

	it('needs no KMS permission when neither the request nor the bucket uses SSE-KMS', () => {
		const snapshot = without(buildSnapshot({bucket: {defaultEncryption: {algorithm: 'AES256'}}}), 'question.kmsKeyId', 'key');
		const sseS3 = diagnose(snapshot);
		expect(actionList(sseS3)).toEqual([['s3:PutObject', objectArn]]);
		expect(sseS3.findings.map(finding => finding.id)).toContain('not-sse-kms');
		expect(sseS3.verdict).toBe('allowed');
	});
});

describe('multipart upload', () => {
	it('adds kms:Decrypt on the same key, in the same context', () => {
		const diagnosis = diagnose(upload(100 * MiB));
		expect(diagnosis.question.multipart).toBe('yes');
		expect(actionList(diagnosis)).toEqual([
			['s3:PutObject', objectArn],
			['kms:GenerateDataKey', keyArn],
			['kms:Decrypt', keyArn],
		]);
		const decrypt = actionOf(diagnosis, 'kms:Decrypt@destination');
		expect(decrypt.purpose).toMatch(/UploadPart/);
		expect(decrypt.context['kms:ViaService']).toBe(`s3.${region}.amazonaws.com`);
		expect(decrypt.context['kms:EncryptionContext:aws:s3:arn']).toBe(objectArn);
	});

	// Each tool's switch point: at the threshold the upload is multipart, one byte below it is not.
	it.each([
		['aws-cli', 8 * MiB],
		['boto3', 8 * MiB],
		// TransferUtility's MinSizeBeforePartUpload: "16 MB" in its docs, 16 * 2^20 bytes in its source.
		['dotnet', 16 * MiB],
	] as const)('%s switches to multipart at %d bytes', (tool, threshold) => {
		const at = diagnose(upload(threshold, tool));
		expect(at.question.multipartThresholdBytes).toBe(threshold);
		expect(at.question.multipart).toBe('yes');
		expect(at.actions.map(action => action.action)).toContain('kms:Decrypt');
		const below = diagnose(upload(threshold - 1, tool));
		expect(below.question.multipart).toBe('no');
		expect(below.actions.map(action => action.action)).not.toContain('kms:Decrypt');
	});

	// @aws-sdk/lib-storage, Upload.ts: "Use put instead of multi-part for one chunk uploads". A Buffer of exactly the part
	// size is one chunk; a stream of that size yields a full first part before its end, so it goes in parts.
	it('sdk-js: below 5 MiB one PutObject, above it in parts, at exactly 5 MiB the body decides, and the report says so', () => {
		expect(diagnose(upload(5 * MiB - 1, 'sdk-js')).question.multipart).toBe('no');
		expect(diagnose(upload(5 * MiB + 1, 'sdk-js')).question.multipart).toBe('yes');
		const at = diagnose(upload(5 * MiB, 'sdk-js'));
		expect(at.question.multipart).toBe('unknown');
		const decrypt = actionOf(at, 'kms:Decrypt@destination');
		expect(decrypt.purpose).toBe('needed if the upload goes in parts (at exactly its 5 MiB part size, @aws-sdk/lib-storage sends a Buffer as one PutObject but a stream in parts)');
		expect(renderText(at, {color: false, width: 200})).toContain('Multipart       unknown: at exactly its 5 MiB part size, @aws-sdk/lib-storage sends a Buffer as one PutObject but a stream in parts');
	});

	it('tells the tools apart: 10 MiB is multipart for the CLI and sdk-js, single-part for .NET', () => {
		expect(diagnose(upload(10 * MiB, 'aws-cli')).question.multipart).toBe('yes');
		expect(diagnose(upload(10 * MiB, 'sdk-js')).question.multipart).toBe('yes');
		expect(diagnose(upload(10 * MiB, 'dotnet')).question.multipart).toBe('no');
		expect(diagnose(upload(6 * MiB, 'sdk-js')).question.multipart).toBe('yes');
		expect(diagnose(upload(6 * MiB, 'aws-cli')).question.multipart).toBe('no');
	});

	it('defaults to the AWS CLI\'s 8 MiB when neither tool nor threshold is given', () => {
		const snapshot = without(upload(9 * MiB), 'question.tool');
		expect(diagnose(snapshot).question).toMatchObject({multipartThresholdBytes: 8 * MiB, multipart: 'yes'});
	});

	it('lets an explicit multipartThresholdBytes win over the tool', () => {
		const diagnosis = diagnose(upload(20 * MiB, 'aws-cli', {multipartThresholdBytes: 64 * MiB}));
		expect(diagnosis.question).toMatchObject({multipartThresholdBytes: 64 * MiB, multipart: 'no'});
	});

	it('checks kms:Decrypt when the size is unknown, and says why', () => {
		const diagnosis = diagnose(without(upload(1), 'question.sizeBytes'));
		expect(diagnosis.question.multipart).toBe('unknown');
		const decrypt = actionOf(diagnosis, 'kms:Decrypt@destination');
		expect(decrypt.purpose).toMatch(/size is not known/);
		expect(decrypt.decision).toBe('allowed');
	});

	it('checks kms:Decrypt for a tool with no documented threshold once the file could be multipart', () => {
		expect(diagnose(upload(50 * MiB, 'console')).question.multipart).toBe('unknown');
		expect(diagnose(upload(50 * MiB, 'console')).actions.map(action => action.action)).toContain('kms:Decrypt');
		// S3 sets no minimum size for a single part: without a documented threshold, a small file may be multipart too.
		expect(diagnose(upload(1 * MiB, 'console')).question.multipart).toBe('unknown');
	});

	it('blames the threshold, not a missing size, when the tool documents none (the wizard then does not ask the size)', () => {
		const byConsole = diagnose(without(upload(1, 'console'), 'question.sizeBytes'));
		expect(byConsole.question).toMatchObject({multipart: 'unknown', thresholdUnknown: true});
		expect(actionOf(byConsole, 'kms:Decrypt@destination').purpose).toBe('needed if the upload is multipart (when the tool switches to multipart is not known)');
		const text = renderText(byConsole, {color: false, width: 200});
		expect(text).toMatch(/Multipart +unknown: the tool's multipart threshold is not known, so both/);
		expect(text).not.toMatch(/size is not known/);
		// A threshold given for it makes the size decide again: then a missing size is the reason.
		const given = diagnose(without(upload(1, 'console', {multipartThresholdBytes: 8 * MiB}), 'question.sizeBytes'));
		expect(given.question).not.toHaveProperty('thresholdUnknown');
		expect(actionOf(given, 'kms:Decrypt@destination').purpose).toMatch(/size is not known/);
	});

	// S3 User Guide, "Amazon S3 multipart upload limits".
	const noMinimum = 'There is no minimum size limit on the last part of your multipart upload';
	it(`lets the threshold alone decide, below 5 MiB too: "${noMinimum}"`, () => {
		// `aws configure set default.s3.multipart_threshold 1MB`: the CLI uploads 4 MiB as one part of a multipart upload.
		const diagnosis = diagnose(upload(4 * MiB, 'aws-cli', {multipartThresholdBytes: 1 * MiB}));
		expect(diagnosis.question).toMatchObject({multipart: 'yes', multipartThresholdBytes: 1 * MiB});
		expect(actionOf(diagnosis, 'kms:Decrypt@destination').purpose).toMatch(/UploadPart/);
		expect(diagnose(upload(4 * MiB, 'aws-cli')).question.multipart).toBe('no');
	});
});

describe('download', () => {
	const snapshot = without(
		buildSnapshot({
			question: {operation: 'download'},
			object: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: false}, ownerAccountId: account},
		}),
		'question.kmsKeyId',
		'question.sizeBytes',
	);
	const diagnosis = diagnose(snapshot);

	it('needs s3:GetObject on the object and kms:Decrypt on the object\'s key, never GenerateDataKey', () => {
		expect(actionList(diagnosis)).toEqual([
			['s3:GetObject', objectArn],
			['kms:Decrypt', keyArn],
		]);
		expect(diagnosis.question.multipart).toBe('no');
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('sends no SSE header: S3 knows the object\'s key', () => {
		const {context} = actionOf(diagnosis, 's3:GetObject@destination');
		expect(context['s3:x-amz-server-side-encryption']).toBeNull();
		expect(context['s3:x-amz-server-side-encryption-aws-kms-key-id']).toBeNull();
	});

	it('sends no SSE header even when the snapshot records the object\'s key in the question', () => {
		const named = diagnose(buildSnapshot({...snapshot, question: {...snapshot.question, kmsKeyId: keyArn}}));
		expect(actionOf(named, 's3:GetObject@destination').context['s3:x-amz-server-side-encryption']).toBeNull();
	});

	it('uses the object\'s key even when the bucket default is another key', () => {
		const newDefault = keyArnOf(account, region, '99999999-aaaa-bbbb-cccc-dddddddddddd');
		const changed = diagnose({...snapshot, bucket: {...snapshot.bucket, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: newDefault}}});
		expect(actionOf(changed, 'kms:Decrypt@destination').resource).toBe(keyArn);
	});

	it('uses the object\'s Bucket Key flag for the encryption context', () => {
		const withBucketKey = diagnose({...snapshot, object: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}}});
		expect(actionOf(withBucketKey, 'kms:Decrypt@destination').context['kms:EncryptionContext:aws:s3:arn']).toBe(bucketArn);
	});

	it('carries the caller\'s account as kms:CallerAccount when the key is another account\'s', () => {
		const cross = diagnose(crossAccountDownload());
		const decrypt = actionOf(cross, 'kms:Decrypt@destination');
		expect(decrypt.resource).toBe(keyArnOf(otherAccount));
		expect(decrypt.context['kms:CallerAccount']).toBe(account);
		expect(decrypt.context['kms:ViaService']).toBe(`s3.${region}.amazonaws.com`);
	});

	it('needs no KMS permission for an SSE-S3 object', () => {
		const sseS3 = diagnose(without({...snapshot, object: {encryption: {algorithm: 'AES256'}}}, 'key'));
		expect(actionList(sseS3)).toEqual([['s3:GetObject', objectArn]]);
	});
});

describe('copy', () => {
	const sourceBucket = 'source-bucket';
	const sourceObjectArn = `arn:aws:s3:::${sourceBucket}/in/q1.csv`;
	const sourceKeyArn = keyArnOf(account, region, 'aaaaaaaa-1111-2222-3333-444444444444');
	const copySnapshot = (sizeBytes: number, bucketKeyEnabled = false): Snapshot =>
		buildSnapshot({
			question: {operation: 'copy', sizeBytes, source: {bucket: sourceBucket, objectKey: 'in/q1.csv', kmsKeyId: sourceKeyArn}},
			principal: {identityPolicies: [fullIdentityPolicy([keyArn, sourceKeyArn], [bucket, sourceBucket])]},
			source: {
				bucketInfo: {accountId: account, region, policy: null, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: sourceKeyArn, bucketKeyEnabled}},
				objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKeyArn, bucketKeyEnabled}},
				keyInfo: customerKey(sourceKeyArn),
			},
		});

	it('reads the source with its key and writes the destination with the destination key', () => {
		const diagnosis = diagnose(copySnapshot(1 * MiB));
		expect(diagnosis.actions.map(action => [action.id, action.resource])).toEqual([
			['s3:GetObject@source', sourceObjectArn],
			['kms:Decrypt@source', sourceKeyArn],
			['s3:PutObject@destination', objectArn],
			['kms:GenerateDataKey@destination', keyArn],
		]);
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('adds kms:Decrypt on the destination key when the copy is multipart', () => {
		const diagnosis = diagnose(copySnapshot(100 * MiB));
		expect(diagnosis.actions.map(action => action.id)).toEqual([
			's3:GetObject@source',
			'kms:Decrypt@source',
			's3:PutObject@destination',
			'kms:GenerateDataKey@destination',
			'kms:Decrypt@destination',
		]);
		expect(actionOf(diagnosis, 'kms:Decrypt@destination').resource).toBe(keyArn);
	});

	it('gives each KMS call its own object (or bucket) as encryption context', () => {
		const diagnosis = diagnose(copySnapshot(1 * MiB, true));
		expect(actionOf(diagnosis, 'kms:Decrypt@source').context['kms:EncryptionContext:aws:s3:arn']).toBe(`arn:aws:s3:::${sourceBucket}`);
		// The destination bucket's Bucket Keys are off in the default snapshot.
		expect(actionOf(diagnosis, 'kms:GenerateDataKey@destination').context['kms:EncryptionContext:aws:s3:arn']).toBe(objectArn);
	});

	it('sends SSE headers on the destination write only', () => {
		const diagnosis = diagnose(copySnapshot(1 * MiB));
		expect(actionOf(diagnosis, 's3:GetObject@source').context['s3:x-amz-server-side-encryption']).toBeNull();
		expect(actionOf(diagnosis, 's3:PutObject@destination').context['s3:x-amz-server-side-encryption-aws-kms-key-id']).toBe(keyArn);
	});

	it('is denied when only the source key is not usable: it is a separate grant', () => {
		const snapshot = copySnapshot(1 * MiB);
		const denied = diagnose({...snapshot, principal: {...snapshot.principal!, identityPolicies: [fullIdentityPolicy([keyArn], [bucket, sourceBucket])]}});
		expect(denied.verdict).toBe('denied');
		expect(Object.fromEntries(denied.actions.map(action => [action.id, action.decision]))).toEqual({
			's3:GetObject@source': 'allowed',
			'kms:Decrypt@source': 'denied',
			's3:PutObject@destination': 'allowed',
			'kms:GenerateDataKey@destination': 'allowed',
		});
	});

	it('needs no source kms:Decrypt when the source object is SSE-S3', () => {
		const snapshot = copySnapshot(1 * MiB);
		const sseS3Source = diagnose({
			...snapshot,
			question: {...snapshot.question, source: {bucket: sourceBucket, objectKey: 'in/q1.csv'}},
			source: {bucketInfo: snapshot.source!.bucketInfo!, objectInfo: {encryption: {algorithm: 'AES256'}}},
		});
		expect(sseS3Source.actions.map(action => action.id)).toEqual(['s3:GetObject@source', 's3:PutObject@destination', 'kms:GenerateDataKey@destination']);
	});
});
