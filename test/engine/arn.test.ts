import {describe, expect, it} from 'vitest';
import {accountOfArn, arnMatches, formatArn, isArnShaped, parseArn, resourcePartStart} from '../../source/engine/arn.js';

describe('parseArn', () => {
	it('splits the five fixed parts and keeps colons and slashes in the resource part', () => {
		expect(parseArn('arn:aws:kms:us-east-1:111122223333:key/1234abcd')).toEqual({
			partition: 'aws',
			service: 'kms',
			region: 'us-east-1',
			account: '111122223333',
			resource: 'key/1234abcd',
		});
		expect(parseArn('arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/fn:*')?.resource).toBe('log-group:/aws/lambda/fn:*');
		expect(parseArn('arn:aws:s3:::bucket/a:b/c')).toMatchObject({region: '', account: '', resource: 'bucket/a:b/c'});
	});

	it('refuses text that is not an ARN', () => {
		expect(parseArn('bucket/key')).toBeUndefined();
		expect(parseArn('arn:aws:s3::bucket')).toBeUndefined();
		expect(parseArn('urn:aws:s3:::bucket')).toBeUndefined();
	});

	it('formats what it parsed back to the same text', () => {
		const text = 'arn:aws-cn:sts::111122223333:assumed-role/App/s:1';
		expect(formatArn(parseArn(text)!)).toBe(text);
	});

	it('finds the account, which S3 ARNs do not carry', () => {
		expect(accountOfArn('arn:aws:kms:eu-west-1:444455556666:key/x')).toBe('444455556666');
		expect(accountOfArn('arn:aws:s3:::bucket/key')).toBeUndefined();
		expect(accountOfArn('*')).toBeUndefined();
	});

	it('finds where the resource part starts', () => {
		expect(resourcePartStart('arn:aws:s3:::bucket/${aws:username}')).toBe('arn:aws:s3:::'.length);
		expect(resourcePartStart('arn:aws:s3::')).toBe(-1);
		expect(resourcePartStart('bucket')).toBe(-1);
		expect(isArnShaped('arn:aws:s3:::b')).toBe(true);
		expect(isArnShaped('arn:aws:s3::b')).toBe(false);
	});
});

describe('arnMatches: segment by segment, as IAM matches Resource', () => {
	const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

	it('matches an ARN to itself and "*" to everything', () => {
		expect(arnMatches(key, key)).toBe(true);
		expect(arnMatches('*', key)).toBe(true);
		expect(arnMatches('*', 'not-an-arn')).toBe(true);
	});

	it('keeps a wildcard in region or account within that segment', () => {
		expect(arnMatches('arn:aws:kms:*:111122223333:key/*', key)).toBe(true);
		expect(arnMatches('arn:aws:kms:us-*:*:key/*', key)).toBe(true);
		// `*` in the region segment must not swallow the account's colon.
		expect(arnMatches('arn:aws:kms:*:111122223333:key/*', 'arn:aws:kms:us-east-1:extra:111122223333:key/x')).toBe(false);
		expect(arnMatches('arn:aws:kms:us-east-1:*:key/*', 'arn:aws:kms:us-east-1:111122223333:alias:key/x')).toBe(false);
		expect(arnMatches('arn:aws:kms:us-east-?:111122223333:key/*', key)).toBe(true);
		expect(arnMatches('arn:aws:kms:us-east-?:111122223333:key/*', 'arn:aws:kms:us-east-10:111122223333:key/x')).toBe(false);
	});

	it('lets a wildcard in the resource part cross "/" and ":"', () => {
		expect(arnMatches('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c.txt')).toBe(true);
		expect(arnMatches('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/dir:with:colons/x')).toBe(true);
		expect(arnMatches('arn:aws:logs:*:*:log-group:/aws/lambda/*', 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/fn:log-stream:x')).toBe(true);
		expect(arnMatches('arn:aws:s3:::*log*', 'arn:aws:s3:::carlossalazar-logs/app.txt')).toBe(true);
	});

	it('does not let a bucket pattern cover its objects, or another bucket with the same prefix', () => {
		expect(arnMatches('arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key')).toBe(false);
		expect(arnMatches('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket-other/key')).toBe(false);
		expect(arnMatches('arn:aws:s3:::bucket*', 'arn:aws:s3:::bucket-other/key')).toBe(true);
	});

	it('compares every segment case-sensitively', () => {
		expect(arnMatches('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/key')).toBe(false);
		expect(arnMatches('arn:aws:KMS:us-east-1:111122223333:key/*', key)).toBe(false);
	});

	it('does not let an empty segment match a filled one, unless it is a wildcard', () => {
		expect(arnMatches('arn:aws:kms::111122223333:key/*', key)).toBe(false);
		expect(arnMatches('arn:aws:s3:*:*:bucket/*', 'arn:aws:s3:::bucket/k')).toBe(true);
	});

	it('matches the partition and service too', () => {
		expect(arnMatches('arn:aws-cn:kms:us-east-1:111122223333:key/*', key)).toBe(false);
		expect(arnMatches('arn:*:kms:us-east-1:111122223333:key/*', key)).toBe(true);
		expect(arnMatches('arn:aws:s3:us-east-1:111122223333:key/*', key)).toBe(false);
	});

	it('reads a backslash in the pattern as itself', () => {
		expect(arnMatches('arn:aws:s3:::bucket/dir\\*', 'arn:aws:s3:::bucket/dir\\file')).toBe(true);
		expect(arnMatches('arn:aws:s3:::bucket/dir\\*', 'arn:aws:s3:::bucket/dir*')).toBe(false);
		expect(arnMatches('arn:aws:s3:::bucket/a\\b', 'arn:aws:s3:::bucket/a\\b')).toBe(true);
	});

	it('matches a pattern or value that is not an ARN as a whole', () => {
		expect(arnMatches('bucket/*', 'bucket/key')).toBe(true);
		expect(arnMatches('arn:aws:s3:::bucket/*', 'bucket/key')).toBe(false);
	});
});
