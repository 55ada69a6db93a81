import {partitionOfRegion} from './partition.js';

/**
 * kms:ViaService on the request S3 makes to KMS for a caller: S3 in the bucket's Region, which AWS writes
 * `s3.REGION.amazonaws.com` ("s3.us-east-1.amazonaws.com"). That is the name's form in the aws and aws-us-gov partitions,
 * whose endpoints end in amazonaws.com. The China Regions' endpoints end in amazonaws.com.cn, and AWS documents no
 * value there: neither the KMS Developer Guide (docs.aws.amazon.com or docs.amazonaws.cn) nor the China Regions' notes
 * say whether S3's is `s3.cn-north-1.amazonaws.com` or `s3.cn-north-1.amazonaws.com.cn`; nor for any other partition.
 */
export type ViaService = {readonly value: string} | {readonly undocumented: string};

const documentedIn = new Set(['aws', 'aws-us-gov']);

/** Why no value is stated for S3's requests in `region`'s partition. */
const undocumentedReason = (region: string): string =>
	partitionOfRegion(region) === 'aws-cn'
		? `AWS does not document kms:ViaService's value for S3 in the China Regions (s3.${region}.amazonaws.com or s3.${region}.amazonaws.com.cn)`
		: `AWS does not document kms:ViaService's value for S3 in ${region}, a Region outside the aws and aws-us-gov partitions`;

/** kms:ViaService of S3's requests to KMS in `region`: the value, or why AWS's documentation gives none. */
export const s3ViaService = (region: string): ViaService =>
	documentedIn.has(partitionOfRegion(region) ?? '') ? {value: `s3.${region}.amazonaws.com`} : {undocumented: undocumentedReason(region)};

/**
 * The value in a sentence that names no Region, after "kms:ViaService": `= s3.REGION.amazonaws.com` where the partition
 * is known to be aws or aws-us-gov, else with the China Regions' exception said.
 */
export const s3ViaServiceWords = (partition: string | undefined): string =>
	partition !== undefined && documentedIn.has(partition)
		? '= s3.REGION.amazonaws.com'
		: partition === 'aws-cn'
			? "set by S3 (AWS does not document its value in the China Regions)"
			: '= s3.REGION.amazonaws.com (outside the China Regions, where AWS does not document its value)';
