import {notA, parsed, type Parsed} from './name-error.js';
import {partitionSource} from './partition.js';

/**
 * `strict`: the rules for a bucket created today. `legacy`: the names AWS still serves, which buckets made in
 * US East (N. Virginia) before March 1, 2018 may have: "up to 255 characters long and included uppercase
 * letters and underscores". Naming an existing bucket takes `legacy`; only creating one needs `strict`.
 */
export type BucketNameMode = 'strict' | 'legacy';

/** A legacy name: 3 to 255 letters of either case, digits, dots, hyphens and underscores, from a letter or digit. */
export const bucketNameSource = '[A-Za-z0-9][A-Za-z0-9._-]{2,254}';

const legacyName = new RegExp(`^${bucketNameSource}$`);
const strictCharacters = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
const ipAddress = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// General purpose bucket naming rules: prefixes and suffixes reserved for AWS's own names.
const reservedPrefixes = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const reservedSuffixes = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** What `s3://bucket/key` or `arn:aws:s3:::bucket/key` names. */
export type S3Location = {readonly bucket: string; readonly objectKey?: string};

const s3UrlPattern = /^s3:\/\/([^/\s]+)(?:\/(.*))?$/i;
const s3ArnPattern = new RegExp(`^arn:(${partitionSource}):s3:::([^/]+)(?:/(.*))?$`, 's');

const location = (bucket: string, objectKey: string | undefined): S3Location => (objectKey ? {bucket, objectKey} : {bucket});

/** `s3://bucket/key` (or `s3://bucket`): the bucket and key; undefined for anything else. */
export const parseS3Url = (text: string): S3Location | undefined => {
	const match = s3UrlPattern.exec(text);
	return match ? location(match[1]!, match[2]) : undefined;
};

/** An S3 bucket or object ARN (`arn:aws:s3:::bucket`, `arn:aws:s3:::bucket/key`), with its partition. */
export const parseS3Arn = (text: string): (S3Location & {readonly partition: string}) | undefined => {
	const match = s3ArnPattern.exec(text);
	return match ? {partition: match[1]!, ...location(match[2]!, match[3])} : undefined;
};

/**
 * The one way an S3 bucket or object ARN is written: `arn:PARTITION:s3:::bucket[/key]`, in the partition of what
 * names it (aws-cn in China, aws-us-gov in GovCloud), which a policy's Resource must match.
 */
export const s3Arn = (partition: string, bucket: string, objectKey?: string): string => `arn:${partition}:s3:::${bucket}${objectKey === undefined ? '' : `/${objectKey}`}`;

/** `s3://bucket[/key]`: a bucket or object named without a partition. */
export const s3Url = (bucket: string, objectKey?: string): string => `s3://${bucket}${objectKey === undefined ? '' : `/${objectKey}`}`;

/** The ARN where the partition is known; else the `s3://` URL, which names the same bucket or object without guessing one. */
export const s3ArnOrUrl = (partition: string | undefined, bucket: string, objectKey?: string): string =>
	partition === undefined ? s3Url(bucket, objectKey) : s3Arn(partition, bucket, objectKey);

/** What people paste for a bucket: an s3:// URL or an S3 ARN. */
export const parseS3Location = (text: string): S3Location | undefined => {
	const arn = parseS3Arn(text);
	return parseS3Url(text) ?? (arn ? location(arn.bucket, arn.objectKey) : undefined);
};

const expected = 'a bucket name';

const legacyProblem = (name: string): string | undefined => {
	if (legacyName.test(name)) return undefined;
	if (name.length < 3 || name.length > 255) return `bucket names have 3 to 255 characters, this has ${name.length}`;
	const slash = name.indexOf('/');
	if (slash > 0 && legacyName.test(name.slice(0, slash))) return `give the bucket alone, without the object key: ${name.slice(0, slash)}`;
	return 'bucket names have letters, digits, dots, hyphens and underscores, and start with a letter or digit';
};

const strictProblem = (name: string): string | undefined => {
	if (name.length < 3 || name.length > 63) return `bucket names have 3 to 63 characters, this has ${name.length}`;
	const legacy = legacyProblem(name);
	if (legacy !== undefined) return legacy;
	if (!strictCharacters.test(name)) return 'new bucket names have lower-case letters, digits, dots and hyphens, and start and end with a letter or digit';
	if (name.includes('..')) return 'it has two dots in a row, which bucket names cannot';
	if (ipAddress.test(name)) return 'it looks like an IP address, which bucket names cannot be';
	const prefix = reservedPrefixes.find(reserved => name.startsWith(reserved));
	if (prefix) return `the prefix ${prefix} is reserved by AWS`;
	const suffix = reservedSuffixes.find(reserved => name.endsWith(reserved));
	if (suffix) return `the suffix ${suffix} is reserved by AWS`;
	return undefined;
};

/** A bucket name, by the rules of `mode` (default `legacy`: any bucket AWS serves). */
export const parseBucketName = (text: string, mode: BucketNameMode = 'legacy'): Parsed<string> => {
	const pasted = parseS3Location(text);
	if (pasted) return notA(expected, `give the bucket name alone, not ${text.startsWith('arn:') ? 'an ARN' : 'an s3:// URL'}: use ${pasted.bucket}`);
	if (/^s3:\/\//i.test(text) || text.startsWith('arn:')) return notA(expected, 'give the bucket name alone, not an ARN or s3:// URL');
	const problem = mode === 'strict' ? strictProblem(text) : legacyProblem(text);
	return problem === undefined ? parsed(text) : notA(expected, problem);
};

export const isBucketName = (text: string, mode: BucketNameMode = 'legacy'): boolean => parseBucketName(text, mode).ok;
