import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {buildSnapshot, MiB, without} from '../diagnosis/support/build-snapshot.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';

/**
 * AWS re:Post, "Why can't I upload a large file to Amazon S3 with KMS key encryption?": "To use an AWS KMS key to
 * encrypt a multipart upload, you must have kms:GenerateDataKey and kms:Decrypt permissions." Where whether kms:Decrypt
 * is allowed is not known, that need is still said: it is the question that decides whether large uploads fail.
 */

const unreadKeyPolicy = {unread: [{path: 'key.policy', reason: 'kms:GetKeyPolicy: denied (AccessDeniedException)', resolveWith: 'kms:GetKeyPolicy on the key'}]};
// The key policy could not be read: absent, with the note that says why.
const keyPolicyUnread = (snapshot: Snapshot): Snapshot => without(snapshot, 'key.policy');

describe('a large upload whose kms:Decrypt is not known', () => {
	it('says multipart needs kms:Decrypt, as information, without claiming the large-file symptom', () => {
		const diagnosis = diagnose(keyPolicyUnread(buildSnapshot({question: {sizeBytes: 200 * MiB, tool: 'aws-cli'}, ...unreadKeyPolicy})));
		expect(diagnosis.actions.find(action => action.action === 'kms:Decrypt')?.decision).toBe('unknown');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'multipart-decrypt-unknown');
		expect(finding).toMatchObject({severity: 'info'});
		expect(finding?.message).toBe(
			'A 200 MiB file is uploaded in parts (multipart from 8 MiB; S3 has no minimum size for a single part), and multipart upload with SSE-KMS needs kms:Decrypt as well as kms:GenerateDataKey: whether kms:Decrypt is allowed is not known yet.',
		);
		expect(diagnosis.findings.map(candidate => candidate.id)).not.toContain('multipart-requires-decrypt');
	});

	it('says it in a copy\'s words for a large copy', () => {
		const snapshot = buildSnapshot({question: {operation: 'copy', sizeBytes: 200 * MiB, tool: 'aws-cli', source: {bucket: 'example-bucket', objectKey: 'a.csv'}}, ...unreadKeyPolicy});
		const finding = diagnose(keyPolicyUnread(snapshot)).findings.find(candidate => candidate.id === 'multipart-decrypt-unknown');
		expect(finding?.message).toContain("a copy in parts to an SSE-KMS destination needs kms:Decrypt as well as kms:GenerateDataKey on the destination's key: whether kms:Decrypt is allowed is not known yet.");
	});

	it('is silent for a small upload (one PutObject), and when kms:Decrypt is allowed', () => {
		const small = diagnose(keyPolicyUnread(buildSnapshot({question: {sizeBytes: 1 * MiB, tool: 'aws-cli'}, ...unreadKeyPolicy})));
		const allowed = diagnose(buildSnapshot({question: {sizeBytes: 200 * MiB, tool: 'aws-cli'}}));
		for (const diagnosis of [small, allowed]) expect(diagnosis.findings.map(candidate => candidate.id)).not.toContain('multipart-decrypt-unknown');
	});
});
