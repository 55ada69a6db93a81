import {parsePrincipalArn, parseS3Arn, startsWithKmsArn, valueOf} from '../../names/index.js';

/** Short plain names for the ARNs a message holds, for sentences. */

export const principalWords = (arn: string | undefined): string => {
	if (!arn) return 'The caller';
	if (arn === 'anonymous') return 'An anonymous (unsigned) request';
	const principal = valueOf(parsePrincipalArn(arn));
	if (principal?.kind === 'assumed-role') return `The role ${principal.roleName} (session ${principal.sessionName})`;
	if (principal?.kind === 'role') return `The role ${principal.name}`;
	if (principal?.kind === 'user') return `The IAM user ${principal.name}`;
	if (principal?.kind === 'root') return 'The account root user';
	return arn;
};

/** The role's or user's name, for "the role's IAM policies". */
export const principalKind = (arn: string | undefined): 'role' | 'user' | 'other' => {
	if (!arn) return 'other';
	const kind = valueOf(parsePrincipalArn(arn))?.kind;
	if (kind === 'assumed-role' || kind === 'role') return 'role';
	return kind === 'user' ? 'user' : 'other';
};

export const resourceWords = (arn: string | undefined): string | undefined => {
	if (!arn) return undefined;
	const s3 = parseS3Arn(arn);
	if (s3) return s3.objectKey ? `s3://${s3.bucket}/${s3.objectKey}` : `the bucket ${s3.bucket}`;
	if (startsWithKmsArn(arn)) return `the KMS key ${arn}`;
	return arn;
};

/** The bucket of an S3 ARN. */
export const bucketOfArn = (arn: string | undefined): string | undefined => (arn ? parseS3Arn(arn)?.bucket : undefined);
