import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {buildSnapshot, without} from './support/build-snapshot.js';
import {decisions, requirementOf} from './support/fix-checks.js';

/**
 * "Another account", its ID not known, is a fact the user gave: the request is cross-account, so the bucket policy
 * must allow as well as the caller's IAM policy. Without it, the same-account and cross-account readings are both
 * tried and the answer is unknown where they disagree.
 */

const put = 's3:PutObject@destination';
// The caller's IAM policy allows the upload; the bucket has no bucket policy.
const withoutBucketAccount = () => without(buildSnapshot({bucket: {policy: null}}), 'bucket.accountId');

describe("a bucket given as another account's, its ID not known", () => {
	it('is checked across accounts: with no bucket policy the upload is denied, not unknown', () => {
		expect(decisions(diagnose(withoutBucketAccount()))[put]).toBe('unknown');
		const snapshot = withoutBucketAccount();
		const given = diagnose({...snapshot, bucket: {...snapshot.bucket, notCallersAccount: true}});
		expect(given.question.crossAccount.bucket).toBe(true);
		expect(decisions(given)[put]).toBe('denied');
		expect(requirementOf(given, put, 'bucket-policy').status).toBe('missing');
	});
});
