import {describe, expect, it} from 'vitest';
import {describeNameError, isBucketName, parseBucketName, parseS3Arn, parseS3Location, parseS3Url} from '../../source/names/index.js';

const problem = (text: string, mode?: 'strict' | 'legacy'): string | undefined => {
	const result = parseBucketName(text, mode);
	return result.ok ? undefined : describeNameError(text, result.error);
};

describe('bucket names, strict: the rules for a bucket created today', () => {
	// S3 User Guide, General purpose bucket naming rules.
	it('"Bucket names must be between 3 (min) and 63 (max) characters long."', () => {
		expect(isBucketName('abc', 'strict')).toBe(true);
		expect(isBucketName('a'.repeat(63), 'strict')).toBe(true);
		expect(problem('ab', 'strict')).toBe('"ab" is not a bucket name: bucket names have 3 to 63 characters, this has 2');
		expect(problem('a'.repeat(64), 'strict')).toMatch(/bucket names have 3 to 63 characters, this has 64$/);
	});

	it('"Bucket names can consist only of lowercase letters, numbers, periods (.), and hyphens (-)." and "must begin and end with a letter or number."', () => {
		expect(isBucketName('docexamplewebsite.com', 'strict')).toBe(true);
		expect(isBucketName('log-delivery-march-2020', 'strict')).toBe(true);
		for (const name of ['doc_example_bucket', 'DocExampleBucket', 'doc-example-bucket-', '.bucket', 'bucket.']) {
			expect(problem(name, 'strict'), name).toMatch(/is not a bucket name: /);
		}
	});

	it('"Bucket names must not contain two adjacent periods." and "must not be formatted as an IP address (for example, 192.168.5.4)."', () => {
		expect(problem('my..examplebucket', 'strict')).toBe('"my..examplebucket" is not a bucket name: it has two dots in a row, which bucket names cannot');
		expect(problem('192.168.5.4', 'strict')).toBe('"192.168.5.4" is not a bucket name: it looks like an IP address, which bucket names cannot be');
	});

	it('"must not start with the prefix xn--", "sthree-", "amzn-s3-demo-"; "must not end with the suffix -s3alias", "--ol-s3", ".mrap"', () => {
		for (const name of ['xn--bucket', 'sthree-bucket', 'amzn-s3-demo-bucket']) expect(problem(name, 'strict'), name).toMatch(/the prefix .* is reserved by AWS$/);
		for (const name of ['bucket-s3alias', 'bucket--ol-s3', 'bucket.mrap', 'bucket--x-s3', 'bucket--table-s3']) {
			expect(problem(name, 'strict'), name).toMatch(/the suffix .* is reserved by AWS$/);
		}
	});
});

describe('bucket names, legacy: every name AWS still serves', () => {
	it('"Before March 1, 2018, buckets created in the US East (N. Virginia) Region could have names that were up to 255 characters long and included uppercase letters and underscores."', () => {
		expect(isBucketName('My_Bucket')).toBe(true);
		expect(isBucketName('MyAWSBucket')).toBe(true);
		expect(isBucketName(`a${'B_'.repeat(127)}`)).toBe(true);
		expect(problem(`a${'b'.repeat(255)}`)).toBe(`"a${'b'.repeat(255)}" is not a bucket name: bucket names have 3 to 255 characters, this has 256`);
	});

	it('"bucket names could contain any combination of uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_)"', () => {
		// Any combination: the strict rules' dots, ends and reserved words do not apply.
		for (const name of ['my..bucket', 'bucket-', 'xn--legacy', '192.168.5.4', 'amzn-s3-demo-bucket']) expect(isBucketName(name), name).toBe(true);
		expect(problem('my bucket')).toBe('"my bucket" is not a bucket name: bucket names have letters, digits, dots, hyphens and underscores, and start with a letter or digit');
		expect(problem('bücket')).toMatch(/is not a bucket name/);
	});

	it('starts with a letter or digit, so no name can pass for a command-line option', () => {
		expect(isBucketName('--debug')).toBe(false);
		expect(isBucketName('_bucket')).toBe(false);
	});

	it('legacy is the default: naming an existing bucket never needs the strict rules', () => {
		expect(parseBucketName('My_Bucket')).toEqual({ok: true, value: 'My_Bucket'});
		expect(parseBucketName('My_Bucket', 'strict').ok).toBe(false);
	});
});

describe('what people paste for a bucket', () => {
	it('says which bucket an s3:// URL or an S3 ARN names', () => {
		expect(problem('s3://acme-uploads/2024/report.csv')).toBe('"s3://acme-uploads/2024/report.csv" is not a bucket name: give the bucket name alone, not an s3:// URL: use acme-uploads');
		expect(problem('arn:aws:s3:::acme-uploads')).toBe('"arn:aws:s3:::acme-uploads" is not a bucket name: give the bucket name alone, not an ARN: use acme-uploads');
		expect(problem('acme-uploads/2024/report.csv')).toBe('"acme-uploads/2024/report.csv" is not a bucket name: give the bucket alone, without the object key: acme-uploads');
		expect(problem('arn:aws:iam::111122223333:root')).toMatch(/give the bucket name alone, not an ARN or s3:\/\/ URL$/);
	});

	it('splits s3:// URLs and S3 ARNs into bucket and key', () => {
		expect(parseS3Url('s3://reports-bucket/exports/big.csv')).toEqual({bucket: 'reports-bucket', objectKey: 'exports/big.csv'});
		expect(parseS3Url('S3://reports-bucket')).toEqual({bucket: 'reports-bucket'});
		expect(parseS3Url('s3://reports-bucket/')).toEqual({bucket: 'reports-bucket'});
		expect(parseS3Arn('arn:aws-cn:s3:::reports-bucket/a/b')).toEqual({partition: 'aws-cn', bucket: 'reports-bucket', objectKey: 'a/b'});
		expect(parseS3Location('arn:aws:s3:::reports-bucket')).toEqual({bucket: 'reports-bucket'});
		expect(parseS3Location('reports-bucket')).toBeUndefined();
		expect(parseS3Location('arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')).toBeUndefined();
	});
});
