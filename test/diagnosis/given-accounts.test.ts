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

describe("the bucket's account neither read nor given, and the two readings disagree", () => {
	// Same account, the IAM allow is enough; across accounts the (absent) bucket policy would have to allow too.
	const snapshot = without(buildSnapshot({bucket: {policy: null}}), 'bucket.accountId');
	const diagnosis = diagnose(snapshot);

	it('is unknown, and the unknowns name the bucket\'s account: never "Unknowns: none" beside an unknown verdict', () => {
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.unknowns.map(note => note.what)).toEqual(['the account of bucket example-bucket']);
		expect(diagnosis.summary).toMatch(/depends on the account of bucket example-bucket/);
	});

	it('marks the bucket policy ? (needed only across accounts), not ✘ missing', () => {
		const row = diagnosis.requirements.find(requirement => requirement.place === 'bucket-policy');
		expect(row).toMatchObject({status: 'unknown'});
		expect(row?.why).toMatch(/^Needed only if the resource is in another account than the caller's, which is not known: there is no bucket policy/);
	});
});
