import {accountIdSource} from './account-id.js';

/**
 * IAM User Guide, IAM ARNs: "For standard AWS regions, the partition is aws. If you have resources in other
 * partitions, the partition is aws-partitionname."
 */
export const partitionSource = 'aws[a-z-]*';

const partitionOfArnPattern = new RegExp(`^arn:(${partitionSource}):`);

/** The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`); undefined when the text is not one. */
export const partitionOfArn = (arn: string | undefined): string | undefined => (arn === undefined ? undefined : partitionOfArnPattern.exec(arn)?.[1]);

const accountOfArn = new RegExp(`^arn:${partitionSource}:[a-z0-9-]+:[a-z0-9-]*:(${accountIdSource}):`);

/** The 12-digit account of any ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:…`); undefined when it names none. */
export const accountIdOfArn = (arn: string): string | undefined => accountOfArn.exec(arn)?.[1];

/**
 * The partition of a Region, as the AWS SDKs' partition table (partitions.json's regionRegex) assigns them, for the
 * partitions the ARN documentation lists ("aws - AWS Regions", "aws-cn - China Regions", "aws-us-gov - AWS GovCloud
 * (US) Regions"); undefined for any other Region (us-iso-east-1, …) or text: its partition is not known here.
 */
const regionPartitions: readonly (readonly [RegExp, string])[] = [
	[/^cn-\w+-\d+$/, 'aws-cn'],
	[/^us-gov-\w+-\d+$/, 'aws-us-gov'],
	[/^(?:us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, 'aws'],
];

export const partitionOfRegion = (region: string | undefined): string | undefined =>
	region === undefined ? undefined : regionPartitions.find(([pattern]) => pattern.test(region))?.[1];
