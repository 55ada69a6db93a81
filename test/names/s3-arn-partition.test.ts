import {describe, expect, it} from 'vitest';
import {parseS3Arn, partitionOfRegion, s3Arn, s3ArnOrUrl} from '../../source/names/index.js';

/**
 * AWS General Reference, "Amazon Resource Names (ARNs)", ARN format: "partition - The partition in which the resource is
 * located. A partition is a group of AWS Regions. Each AWS account is scoped to one partition. The following are the
 * supported partitions: aws - AWS Regions, aws-cn - China Regions, aws-us-gov - AWS GovCloud (US) Regions".
 * AWS in China, "ARNs for Amazon Web Services in China": "In the Beijing and Ningxia Regions, the Amazon Resource Name
 * (ARN) syntax includes a cn." … "For the Beijing Region, use cn-north-1."
 * AWS GovCloud (US) User Guide: "In the AWS GovCloud (US) Regions, ARNs begin with: arn:aws-us-gov" … "For the AWS
 * GovCloud (US-West) Region, use us-gov-west-1."
 */
describe('the partition of a Region', () => {
	it('China Regions are aws-cn, GovCloud (US) Regions aws-us-gov, the other AWS Regions aws', () => {
		expect(partitionOfRegion('cn-north-1')).toBe('aws-cn');
		expect(partitionOfRegion('cn-northwest-1')).toBe('aws-cn');
		expect(partitionOfRegion('us-gov-west-1')).toBe('aws-us-gov');
		expect(partitionOfRegion('us-gov-east-1')).toBe('aws-us-gov');
		for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-7', 'il-central-1', 'mx-central-1', 'ca-west-1']) expect(partitionOfRegion(region), region).toBe('aws');
	});

	it('is not known for a Region of a partition the ARN page does not list, nor for text that is no Region', () => {
		for (const text of ['us-iso-east-1', 'us-isob-east-1', 'eusc-de-east-1', 'Ireland', '']) expect(partitionOfRegion(text), text).toBeUndefined();
		expect(partitionOfRegion(undefined)).toBeUndefined();
	});
});

describe('s3Arn: the one way a bucket or object ARN is written', () => {
	it('in the partition it is given, and parseS3Arn reads it back', () => {
		expect(s3Arn('aws-cn', 'reports-bucket')).toBe('arn:aws-cn:s3:::reports-bucket');
		expect(s3Arn('aws-us-gov', 'reports-bucket', 'a/b.csv')).toBe('arn:aws-us-gov:s3:::reports-bucket/a/b.csv');
		expect(parseS3Arn(s3Arn('aws-cn', 'reports-bucket', 'a/b.csv'))).toEqual({partition: 'aws-cn', bucket: 'reports-bucket', objectKey: 'a/b.csv'});
	});

	it('names the s3:// URL, never an arn:aws guess, where the partition is not known', () => {
		expect(s3ArnOrUrl(undefined, 'reports-bucket', 'a/b.csv')).toBe('s3://reports-bucket/a/b.csv');
		expect(s3ArnOrUrl(undefined, 'reports-bucket')).toBe('s3://reports-bucket');
		expect(s3ArnOrUrl('aws-cn', 'reports-bucket')).toBe('arn:aws-cn:s3:::reports-bucket');
	});
});
