import type {AwsServiceName} from '../snapshot/service-names.js';

/**
 * What each AWS service that reads or writes S3 data does with it, from each service's own page: the one table
 * service-read and service-write consult. Two families:
 * - `forward-access-session`: the service makes the S3 request with the caller's own credentials (IAM, "Forward
 *   access sessions"), so it is diagnosed as the caller, with aws:CalledVia naming the service;
 * - `service-role`: the service calls S3 with an IAM role of its own (a Glue job's role, a Lambda function's
 *   execution role …), so it is diagnosed as that role, which the user names.
 */

export type ServiceFamily = 'forward-access-session' | 'service-role';

export type AwsServiceFacts = {
	readonly label: string;
	readonly family: ServiceFamily;
	/** The service principal aws:CalledVia names (forward access sessions only). */
	readonly calledVia?: string;
	/** Whose role it is, in words: "the job's IAM role". */
	readonly roleWords?: string;
	/** The AWS page that says whose credentials the service uses, and its sentence. */
	readonly page: string;
	readonly says: string;
};

export const awsServices: {readonly [Name in AwsServiceName]: AwsServiceFacts} = {
	athena: {
		label: 'Amazon Athena',
		family: 'forward-access-session',
		calledVia: 'athena.amazonaws.com',
		page: 'https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html',
		says: 'When actors interact with Athena, their permissions pass through Athena to determine what Athena can access.',
	},
	glue: {
		label: 'AWS Glue',
		family: 'service-role',
		roleWords: "the job's (or crawler's) IAM role",
		page: 'https://docs.aws.amazon.com/glue/latest/dg/create-an-iam-role.html',
		says: 'You need to grant your IAM role permissions that AWS Glue can assume when calling other services on your behalf. This includes access to Amazon S3 for any sources, targets, scripts, and temporary directories that you use with AWS Glue.',
	},
	emr: {
		label: 'Amazon EMR',
		family: 'service-role',
		roleWords: "the cluster's EC2 instance profile role (or the role an EMRFS role mapping names)",
		page: 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-iam-role-for-ec2.html',
		says: 'Application processes that run on top of the Hadoop ecosystem assume this role for permissions to interact with other AWS services.',
	},
	lambda: {
		label: 'AWS Lambda',
		family: 'service-role',
		roleWords: "the function's execution role",
		page: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
		says: "A Lambda function's execution role is an AWS Identity and Access Management (IAM) role that grants the function permission to access AWS services and resources.",
	},
	'redshift-spectrum': {
		label: 'Amazon Redshift Spectrum',
		family: 'service-role',
		roleWords: 'the IAM role attached to the cluster',
		page: 'https://docs.aws.amazon.com/redshift/latest/dg/c-spectrum-iam-policies.html',
		says: 'You provide that authorization by referencing an AWS Identity and Access Management (IAM) role that is attached to your cluster.',
	},
	sagemaker: {
		label: 'Amazon SageMaker AI',
		family: 'service-role',
		roleWords: "the job's execution role (its RoleArn)",
		page: 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html',
		says: 'The Amazon Resource Name (ARN) of an IAM role that SageMaker can assume to perform tasks on your behalf.',
	},
	firehose: {
		label: 'Amazon Data Firehose',
		family: 'service-role',
		roleWords: "the Firehose stream's IAM role",
		page: 'https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html',
		says: 'They also describe how you can grant Amazon Data Firehose access to your Amazon Simple Storage Service (Amazon S3) bucket',
	},
	// Athena, Redshift Spectrum, EMR or Glue on a table whose S3 location is registered with Lake Formation: the
	// registration role's credentials reach S3, whoever queries.
	'lake-formation': {
		label: 'AWS Lake Formation',
		family: 'service-role',
		roleWords: 'the role the S3 location is registered with',
		page: 'https://docs.aws.amazon.com/lake-formation/latest/dg/register-location.html',
		says: 'Lake Formation assumes that role when it grants temporary credentials to integrated AWS services that access the data in that location.',
	},
};

export const serviceFacts = (name: AwsServiceName): AwsServiceFacts => awsServices[name];
