/**
 * The AWS services a snapshot's `service` can name (operations service-read, service-write): the one list the
 * schema's enum, the CLI's --service choices and the guard follow. What each service does with the data (whose
 * credentials it uses, its AWS page) lives in source/operations/aws-services.ts.
 */
export const awsServiceNames = ['athena', 'glue', 'emr', 'lambda', 'redshift-spectrum', 'sagemaker', 'firehose', 'lake-formation'] as const;

export type AwsServiceName = (typeof awsServiceNames)[number];

export const isAwsServiceName = (value: unknown): value is AwsServiceName => typeof value === 'string' && (awsServiceNames as readonly string[]).includes(value);
