import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {applyAllFixes, decisions, expectFixesHold, statusTable} from '../diagnosis/support/fix-checks.js';

/** examples/cloudfront-oac-missing-key-policy.json: the wizard's built-in CloudFront scenario. */

const text = readFileSync(new URL('../../examples/cloudfront-oac-missing-key-policy.json', import.meta.url), 'utf8');

describe('examples/cloudfront-oac-missing-key-policy.json', () => {
	const parsed = parseSnapshot(text, 'example');
	if (!parsed.ok) throw new Error(parsed.error.message);
	const snapshot = parsed.value;

	it('reads, and shows the bucket policy allowing CloudFront and the key policy not', () => {
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@destination': 'allowed', 'kms:Decrypt@destination': 'denied'});
		expect(statusTable(diagnosis)).toEqual({'s3:GetObject@destination#bucket-policy': 'ok', 'kms:Decrypt@destination#key-policy': 'missing'});
		// Bucket Keys on: S3 sends the bucket ARN as encryption context.
		expect(diagnosis.actions[1]!.context['kms:EncryptionContext:aws:s3:arn']).toBe('arn:aws:s3:::example-site-assets');
	});

	it('offers one proven key policy fix that makes it allowed', () => {
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.fixes.map(fix => [fix.place, fix.proven])).toEqual([['key-policy', true]]);
		expectFixesHold(snapshot, diagnosis);
		expect(diagnose(applyAllFixes(snapshot, diagnosis)).verdict).toBe('allowed');
	});
});
