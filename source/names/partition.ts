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
