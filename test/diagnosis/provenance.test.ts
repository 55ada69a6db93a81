import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucketArn, buildSnapshot, customerKey, enableIam, keyArn, keyArnOf, MiB, objectArn, otherAccount, policy, region, userArn, without} from './support/build-snapshot.js';

/** Issue: "Every fact has a provenance: read, given or assumed. What is none of these is unknown, and keeps every requirement it decides." */

const kmsRows = (diagnosis: Diagnosis) => diagnosis.actions.filter(action => action.action.startsWith('kms:'));

/** A 100 MiB upload naming no key, whose bucket default encryption was not read (GetBucketEncryption denied across accounts). */
const unreadDefault = (): Snapshot =>
	without(
		buildSnapshot({
			question: {sizeBytes: 100 * MiB},
			unread: [{path: 'bucket.defaultEncryption', reason: 's3:GetEncryptionConfiguration was denied', resolveWith: `s3:GetEncryptionConfiguration on ${bucketArn}`}],
		}),
		'question.kmsKeyId',
		'bucket.defaultEncryption',
		'key',
	);

describe('an upload whose bucket default encryption was not read', () => {
	it('keeps both KMS actions, unknown, naming s3:GetEncryptionConfiguration, and is never allowed', () => {
		const diagnosis = diagnose(unreadDefault());
		expect(kmsRows(diagnosis).map(action => [action.action, action.decision])).toEqual([
			['kms:GenerateDataKey', 'unknown'],
			['kms:Decrypt', 'unknown'],
		]);
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.findings.map(finding => finding.id)).not.toContain('not-sse-kms');
		expect(diagnosis.unknowns.some(note => note.resolveWith?.includes('s3:GetEncryptionConfiguration'))).toBe(true);
	});

	it('names the key by what is known, never as a placeholder ARN', () => {
		const diagnosis = diagnose(unreadDefault());
		const text = renderText(diagnosis, {color: false, width: 100});
		expect(text).not.toContain('unknown-account');
		expect(text).not.toContain('unknown-region');
		expect(kmsRows(diagnosis)[0]!.resource).toBe(`the key of s3://${objectArn.replace('arn:aws:s3:::', '')} (not read)`);
	});

	it('says "no KMS permission is needed" only when the default encryption was read (or given) as SSE-S3', () => {
		const read = diagnose({...unreadDefault(), bucket: {...unreadDefault().bucket, defaultEncryption: {algorithm: 'AES256'}}});
		expect(kmsRows(read)).toEqual([]);
		expect(read.findings.map(finding => finding.id)).toContain('not-sse-kms');
		expect(read.verdict).toBe('allowed');
	});
});

describe('a download whose object encryption was not read', () => {
	it('keeps kms:Decrypt unknown and names the read of the object that settles it', () => {
		const snapshot = without(buildSnapshot({question: {operation: 'download'}}), 'question.kmsKeyId', 'question.sizeBytes', 'question.tool', 'object', 'key');
		const diagnosis = diagnose(snapshot);
		expect(kmsRows(diagnosis).map(action => [action.action, action.decision])).toEqual([['kms:Decrypt', 'unknown']]);
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.unknowns.some(note => note.resolveWith?.includes(`s3:GetObject on ${objectArn}`))).toBe(true);
		expect(renderText(diagnosis, {color: false, width: 100})).toContain("the object's own key decides");
	});
});

describe("an upload naming an alias of another account while the snapshot describes a different key", () => {
	it('never comes out allowed: no KMS action, and not the verdict', () => {
		// The snapshot's key (in `account`) allows everything; the request names an alias in `otherAccount`.
		const snapshot = buildSnapshot({
			question: {kmsKeyId: `arn:aws:kms:${region}:${otherAccount}:alias/partner`},
			principal: {identityPolicies: [{name: 'All', document: policy(allow(['s3:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt'], '*'))}]},
			key: customerKey(keyArn, policy(enableIam(account), allow(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Principal: {AWS: '*'}}))),
		});
		const diagnosis = diagnose(snapshot);
		for (const action of kmsRows(diagnosis)) expect(action.decision).not.toBe('allowed');
		expect(diagnosis.verdict).not.toBe('allowed');
		expect(diagnosis.requirements.filter(row => row.action.startsWith('kms:')).every(row => row.status !== 'ok')).toBe(true);
	});
});

describe('S3 Bucket Keys', () => {
	// The key policy allows use only under the object-ARN encryption context: with Bucket Keys on, S3 sends the bucket ARN.
	const pinned = (): Snapshot =>
		buildSnapshot({
			bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn}},
			principal: {identityPolicies: [{name: 'Objects', document: policy(allow('s3:PutObject', `${bucketArn}/*`))}]},
			key: customerKey(
				keyArn,
				policy(allow(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Principal: {AWS: userArn}, Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': `${bucketArn}/*`}}})),
			),
		});

	it('not given: the encryption-context condition is unknown, and the report says the Bucket Key state is not known', () => {
		const diagnosis = diagnose(pinned());
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.question.bucketKeyEnabled).toBeUndefined();
		expect(diagnosis.unknowns.some(note => note.what.includes('kms:EncryptionContext:aws:s3:arn') && note.resolveWith?.includes('BucketKeyEnabled'))).toBe(true);
		expect(renderMarkdown(diagnosis)).toContain('S3 Bucket Keys not known');
		expect(renderMarkdown(diagnosis)).not.toContain('S3 Bucket Keys off');
	});

	it('the answer changes the verdict, and the report says it was assumed', () => {
		const off = diagnose({...pinned(), assumptions: [{id: 'bucket-key=off'}]});
		const on = diagnose({...pinned(), assumptions: [{id: 'bucket-key=on'}]});
		expect(off.verdict).toBe('allowed');
		expect(on.verdict).toBe('denied');
		expect(off.assumptions.map(assumption => assumption.id)).toEqual(['bucket-key=off']);
		expect(renderText(off, {color: false, width: 100})).toContain('Assumed: S3 Bucket Keys are off');
	});

	it('read or given, it is not an assumption, and a given answer wins over an assumed one', () => {
		const given = diagnose({...pinned(), bucket: {...pinned().bucket, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}}, assumptions: [{id: 'bucket-key=off'}]});
		expect(given.verdict).toBe('denied');
		expect(given.assumptions).toEqual([]);
	});

	it('with no policy depending on it, the report says it is not known and does not matter', () => {
		const diagnosis = diagnose(buildSnapshot({bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn}}}));
		expect(diagnosis.verdict).toBe('allowed');
		expect(renderMarkdown(diagnosis)).toContain('S3 Bucket Keys not known — no policy depends on it');
	});
});

describe('assumptions', () => {
	const ungranted = (): Snapshot =>
		without(
			buildSnapshot({
				question: {sizeBytes: 200 * MiB},
				principal: {identityPolicies: [{name: 'Uploads', document: policy(allow(['s3:PutObject'], `${bucketArn}/*`), allow(['kms:GenerateDataKey'], keyArn))}]},
				key: customerKey(keyArn, policy(allow('kms:GenerateDataKey', '*', {Principal: {AWS: userArn}}))),
			}),
			'key.grants',
		);

	it('grants not given: kms:Decrypt depends on them; assumed none: a denial with the fix, and the assumption listed in every format', () => {
		expect(diagnose(ungranted()).verdict).toBe('unknown');
		const assumed = diagnose({...ungranted(), assumptions: [{id: 'no-grants'}]});
		expect(assumed.verdict).toBe('denied');
		expect(assumed.fixes[0]?.place).toBe('key-policy');
		const sentence = 'Assumed: no KMS grant on the key allows these actions.';
		expect(renderText(assumed, {color: false, width: 120})).toContain(sentence);
		expect(renderMarkdown(assumed)).toContain(sentence);
		expect(JSON.parse(renderJson(assumed)).assumptions).toEqual([{id: 'no-grants', statement: 'no KMS grant on the key allows these actions'}]);
	});

	it('an assumption never overrides a fact that was read: read grants are not "assumed"', () => {
		const diagnosis = diagnose({...buildSnapshot(), assumptions: [{id: 'no-grants'}, {id: 'guardrails-allow'}]});
		expect(diagnosis.assumptions).toEqual([]);
	});

	it('guardrails-allow fills only unread SCPs and RCPs, and is said', () => {
		const snapshot = without(buildSnapshot(), 'organization');
		expect(diagnose(snapshot).verdict).toBe('unknown');
		const assumed = diagnose({...snapshot, assumptions: [{id: 'guardrails-allow'}]});
		expect(assumed.verdict).toBe('allowed');
		expect(assumed.assumptions.map(assumption => assumption.statement)).toEqual(["the organization's SCPs and RCPs deny none of these actions"]);
	});

	it('a key in another account is still named in full when it is known', () => {
		const foreign = keyArnOf(otherAccount);
		const diagnosis = diagnose(buildSnapshot({question: {kmsKeyId: foreign}, key: customerKey(foreign)}));
		expect(kmsRows(diagnosis).every(action => action.resource === foreign)).toBe(true);
	});
});
