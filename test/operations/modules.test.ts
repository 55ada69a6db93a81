import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {copy} from '../../source/operations/copy.js';
import {download} from '../../source/operations/download.js';
import {multipartRequiresDecrypt} from '../../source/operations/multipart-upload.js';
import {allOperations, legsInRequestOrder} from '../../source/operations/registry.js';
import {whyDecrypt} from '../../source/operations/recognise.js';
import {actionId, type Leg, type RequestFacts} from '../../source/operations/types.js';
import {upload} from '../../source/operations/upload.js';
import {MiB, buildSnapshot, keyArn} from '../diagnosis/support/build-snapshot.js';

/** What each operation means, as its module says it: legs, who asks, actions, facts, words. */

const actionsOf = (leg: Leg): string[] => leg.actions.map(action => `${action.action} ${action.when}`);

const inParts: RequestFacts = {sizeBytes: 100 * MiB, multipart: 'yes', multipartThresholdBytes: 8 * MiB};
const inOne: RequestFacts = {sizeBytes: 1 * MiB, multipart: 'no', multipartThresholdBytes: 8 * MiB};

describe('upload', () => {
	const leg = upload.legs.destination;

	it('writes one object: s3:PutObject, kms:GenerateDataKey, and kms:Decrypt only when it goes in parts', () => {
		expect(upload.legs.source).toBeUndefined();
		expect(actionsOf(leg)).toEqual(['s3:PutObject always', 'kms:GenerateDataKey always', 'kms:Decrypt multipart']);
	});

	it('sends the SSE-KMS headers of the key it names; the key is the request\'s, else the bucket default\'s', () => {
		expect(leg.actions.find(action => action.service === 's3')).toMatchObject({sendsKeyHeaders: true});
		expect(leg.facts).toEqual({object: false, key: 'request-or-bucket-default'});
		expect(leg.questions.objectKmsKey).toBeUndefined();
	});

	it('names the API calls of the request it makes, in one part or in many', () => {
		const purpose = leg.actions[0]!.purpose;
		expect(purpose(inOne)).toBe('PutObject writes the object (of 1 MiB)');
		expect(purpose(inParts)).toBe('CreateMultipartUpload, UploadPart and CompleteMultipartUpload write the object (of 100 MiB, multipart above 8 MiB)');
		expect(upload.multipart).toMatchObject({inParts: true, noun: 'a multipart upload'});
	});

	it('says what it does', () => {
		const question = {bucket: 'b', objectKey: 'k'};
		expect(upload.wording.doing(question)).toBe('Uploading to s3://b/k');
		expect(upload.wording.request(question)).toBe('the upload of s3://b/k');
		expect(upload.wording.phrase).toBe('upload to');
	});
});

describe('download', () => {
	const leg = download.legs.destination;

	it('reads one existing object: s3:GetObject and kms:Decrypt on the key that encrypted it', () => {
		expect(download.legs.source).toBeUndefined();
		expect(actionsOf(leg)).toEqual(['s3:GetObject always', 'kms:Decrypt always']);
		expect(leg.facts).toEqual({object: true, key: 'object'});
	});

	it('names no key in its request and never goes in parts', () => {
		expect(leg.actions.find(action => action.service === 's3')).toMatchObject({sendsKeyHeaders: false});
		expect(download.multipart).toEqual({inParts: false, why: 'a download is a single GetObject (ranged reads need the same permissions)'});
		expect(download.findings).toEqual([]);
	});

	it("asks offline for the object's key, the one thing nothing can read then", () => {
		expect(leg.questions.objectKmsKey?.title).toBe("Object's key");
		expect(download.wording.doing({bucket: 'b', objectKey: 'k'})).toBe('Downloading s3://b/k');
	});
});

describe('copy', () => {
	it('reads its source as a download does, then writes its destination as an upload does', () => {
		expect(legsInRequestOrder('copy').map(leg => leg.side)).toEqual(['source', 'destination']);
		expect(actionsOf(copy.legs.source!)).toEqual(['s3:GetObject always', 'kms:Decrypt always']);
		expect(copy.legs.source!.facts).toEqual(download.legs.destination.facts);
		expect(actionsOf(copy.legs.destination)).toEqual(actionsOf(upload.legs.destination));
		expect(copy.legs.destination.facts).toEqual(upload.legs.destination.facts);
	});

	it('is one CopyObject, or UploadPartCopy in parts: it reads the source and writes the destination', () => {
		expect(copy.legs.source!.actions[0]!.purpose(inOne)).toBe('CopyObject reads the source object');
		expect(copy.legs.destination.actions[0]!.purpose(inOne)).toBe('CopyObject writes the destination object');
		expect(copy.legs.destination.actions[0]!.purpose(inParts)).toBe(
			'CreateMultipartUpload, UploadPartCopy and CompleteMultipartUpload write the destination object (of 100 MiB, copied in parts above 8 MiB)',
		);
	});

	it('says what it copies where, and only what it writes when its source is not known', () => {
		const question = {bucket: 'b', objectKey: 'k', source: {bucket: 's', objectKey: 'o'}};
		expect(copy.wording.doing(question)).toBe('Copying s3://s/o to s3://b/k');
		expect(copy.wording.request(question)).toBe('the copy of s3://s/o to s3://b/k');
		expect(copy.wording.doing({bucket: 'b', objectKey: 'k'})).toBe('Uploading to s3://b/k');
	});
});

describe('every operation', () => {
	it('makes every request as the caller (for a presigned URL, its signer) except CloudFront, which asks as its service principal, and replication, made by the role S3 assumes', () => {
		for (const module of allOperations) {
			const expected = module.name.startsWith('cloudfront-')
				? {kind: 'service', service: 'cloudfront.amazonaws.com'}
				: module.name === 'replication'
					? {kind: 'assumed-role', assumedBy: 's3.amazonaws.com'}
					: {kind: 'caller'};
			for (const leg of legsInRequestOrder(module.name)) expect(leg.actor).toEqual(expected);
		}
	});

	it('has an S3 action on each leg, and its KMS actions on that leg\'s key', () => {
		for (const module of allOperations) {
			for (const leg of legsInRequestOrder(module.name)) {
				expect(leg.actions[0]!.service).toBe('s3');
				expect(leg.actions.every(action => action.action.startsWith(`${action.service}:`))).toBe(true);
			}
		}
	});

	it('needs kms:Decrypt for one reason an error can tell: to read (download), for parts (upload), or either (copy)', () => {
		expect(allOperations.map(module => [module.name, whyDecrypt(module.name)])).toEqual([
			['upload', 'multipart'],
			['download', 'read'],
			['copy', undefined],
			['cloudfront-download', 'read'],
			['cloudfront-upload', undefined],
			['presigned-download', 'read'],
			// One presigned PutObject never goes in parts: it needs no kms:Decrypt.
			['presigned-upload', undefined],
			['service-read', 'read'],
			// A service's write may go in parts, as an upload's does.
			['service-write', 'multipart'],
			// The source object's key, to read it; the replica key's only with a Bucket Key, which no error tells.
			['replication', 'read'],
		]);
	});

	it('is diagnosed with exactly the actions its legs list, in request order, when it may go in parts', () => {
		for (const module of allOperations) {
			const source = {bucket: 'source-bucket', objectKey: 'source.csv', kmsKeyId: keyArn};
			const snapshot = buildSnapshot({
				question: {operation: module.name, sizeBytes: 100 * MiB, ...(module.legs.source ? {source} : {})},
				object: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn}},
				source: {bucketInfo: {region: 'eu-west-1'}, objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn}}},
			});
			const expected = legsInRequestOrder(module.name).flatMap(leg => leg.actions.map(action => actionId(action.action, leg.side)));
			expect(diagnose(snapshot).actions.map(action => action.id)).toEqual(expected);
		}
	});
});

describe('multipart-requires-decrypt, the finding of operations that write in parts', () => {
	const decisions =
		(generateDataKey: string, decrypt: string) =>
		(id: string): 'allowed' | 'denied' | 'unknown' | undefined =>
			({'kms:GenerateDataKey@destination': generateDataKey, 'kms:Decrypt@destination': decrypt})[id] as 'allowed' | 'denied' | undefined;

	it('is raised when kms:GenerateDataKey is allowed but kms:Decrypt is denied and the request goes in parts', () => {
		const finding = multipartRequiresDecrypt({request: inParts, snapshot: buildSnapshot(), partition: 'aws', decisionOf: decisions('allowed', 'denied')});
		expect(finding?.id).toBe('multipart-requires-decrypt');
		expect(finding?.message).toContain('A 100 MiB file is uploaded in parts (multipart from 8 MiB; S3 has no minimum size for a single part)');
	});

	it('is not raised for one request, nor when kms:GenerateDataKey is denied too, nor when kms:Decrypt is allowed', () => {
		expect(multipartRequiresDecrypt({request: inOne, snapshot: buildSnapshot(), partition: 'aws', decisionOf: decisions('allowed', 'denied')})).toBeUndefined();
		expect(multipartRequiresDecrypt({request: inParts, snapshot: buildSnapshot(), partition: 'aws', decisionOf: decisions('denied', 'denied')})).toBeUndefined();
		expect(multipartRequiresDecrypt({request: inParts, snapshot: buildSnapshot(), partition: 'aws', decisionOf: decisions('allowed', 'allowed')})).toBeUndefined();
	});

	it('is raised by the operations that can write in parts, and only by them, in their own words', () => {
		const raising = allOperations.filter(module =>
			module.findings.some(finding => finding({request: inParts, snapshot: buildSnapshot(), partition: 'aws', decisionOf: decisions('allowed', 'denied')})?.id === 'multipart-requires-decrypt'),
		);
		expect(raising.map(module => module.name)).toEqual(allOperations.filter(module => module.multipart.inParts).map(module => module.name));
		const copyFinding = copy.findings.map(finding => finding({request: inParts, snapshot: buildSnapshot(), partition: 'aws', decisionOf: decisions('allowed', 'denied')})).find(Boolean);
		expect(copyFinding?.message).toContain('A 100 MiB object is copied in parts (UploadPartCopy from 8 MiB; S3 has no minimum size for a single part)');
	});

	it('says "may" for a copy where the tool does not document its threshold', () => {
		const copied = copy.findings.map(finding => finding({request: {sizeBytes: 1 * MiB, multipart: 'unknown', multipartThresholdBytes: 8 * MiB}, snapshot: buildSnapshot(), partition: 'aws', decisionOf: decisions('allowed', 'denied')})).find(Boolean);
		expect(copied?.message).toMatch(/^A 1 MiB object may be copied in parts \(when the tool switches to UploadPartCopy is not known/);
	});
});
