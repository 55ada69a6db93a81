/** Short plain names for the ARNs a message holds, for sentences. */

export const principalWords = (arn: string | undefined): string => {
	if (!arn) return 'The caller';
	if (arn === 'anonymous') return 'An anonymous (unsigned) request';
	const assumed = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/([^/]+)\/(.+)$/.exec(arn);
	if (assumed) return `The role ${assumed[1]} (session ${assumed[2]})`;
	const role = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(arn);
	if (role) return `The role ${role[1]}`;
	const user = /^arn:aws[a-z-]*:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
	if (user) return `The IAM user ${user[1]}`;
	if (/^arn:aws[a-z-]*:iam::\d{12}:root$/.test(arn)) return 'The account root user';
	return arn;
};

/** The role's or user's name, for "the role's IAM policies". */
export const principalKind = (arn: string | undefined): 'role' | 'user' | 'other' => {
	if (!arn) return 'other';
	if (/:assumed-role\/|:role\//.test(arn)) return 'role';
	if (/:user\//.test(arn)) return 'user';
	return 'other';
};

export const resourceWords = (arn: string | undefined): string | undefined => {
	if (!arn) return undefined;
	const object = /^arn:aws[a-z-]*:s3:::([^/]+)\/(.+)$/.exec(arn);
	if (object) return `s3://${object[1]}/${object[2]}`;
	const bucket = /^arn:aws[a-z-]*:s3:::([^/]+)$/.exec(arn);
	if (bucket) return `the bucket ${bucket[1]}`;
	if (/^arn:aws[a-z-]*:kms:/.test(arn)) return `the KMS key ${arn}`;
	return arn;
};

/** The bucket of an S3 ARN. */
export const bucketOfArn = (arn: string | undefined): string | undefined => (arn ? /^arn:aws[a-z-]*:s3:::([^/]+)/.exec(arn)?.[1] : undefined);
