import {createHash} from 'node:crypto';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** A temporary home with real `~/.aws/config` and `~/.aws/credentials` files, and the environment that points at it. */
export type AwsHome = {
	readonly dir: string;
	/** HOME, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, no instance metadata; plus what the test added. */
	readonly env: NodeJS.ProcessEnv;
	/** Write `~/.aws/sso/cache/<sha1(id)>.json`, as `aws sso login` does (id: the sso-session name or the start URL). */
	readonly writeSsoToken: (id: string, token: Readonly<Record<string, unknown>>) => Promise<void>;
	readonly remove: () => Promise<void>;
};

export const createAwsHome = async (files: {config?: string; credentials?: string; env?: NodeJS.ProcessEnv}): Promise<AwsHome> => {
	const dir = await mkdtemp(join(tmpdir(), 's3-kms-doctor-home-'));
	const aws = join(dir, '.aws');
	await mkdir(join(aws, 'sso', 'cache'), {recursive: true});
	if (files.config !== undefined) await writeFile(join(aws, 'config'), files.config);
	if (files.credentials !== undefined) await writeFile(join(aws, 'credentials'), files.credentials);
	return {
		dir,
		env: {
			HOME: dir,
			AWS_CONFIG_FILE: join(aws, 'config'),
			AWS_SHARED_CREDENTIALS_FILE: join(aws, 'credentials'),
			AWS_EC2_METADATA_DISABLED: 'true',
			...files.env,
		},
		writeSsoToken: async (id, token) => {
			const name = createHash('sha1').update(id).digest('hex');
			await writeFile(join(aws, 'sso', 'cache', `${name}.json`), JSON.stringify(token));
		},
		remove: () => rm(dir, {recursive: true, force: true}),
	};
};

/** The variables that would let the real environment leak into a test (a developer's own profile, Region or keys). */
export const awsVariables = [
	'AWS_PROFILE',
	'AWS_DEFAULT_PROFILE',
	'AWS_REGION',
	'AWS_DEFAULT_REGION',
	'AWS_ACCESS_KEY_ID',
	'AWS_SECRET_ACCESS_KEY',
	'AWS_SESSION_TOKEN',
	'AWS_ENDPOINT_URL',
	'AWS_ENDPOINT_URL_S3',
	'AWS_ENDPOINT_URL_STS',
	'AWS_ENDPOINT_URL_IAM',
	'AWS_ENDPOINT_URL_KMS',
	'AWS_ENDPOINT_URL_ORGANIZATIONS',
	'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
	'AWS_CONTAINER_CREDENTIALS_FULL_URI',
	'AWS_CONTAINER_AUTHORIZATION_TOKEN',
	'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
	'AWS_EC2_METADATA_SERVICE_ENDPOINT',
	'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE',
	'AWS_EC2_METADATA_V1_DISABLED',
	'AWS_WEB_IDENTITY_TOKEN_FILE',
	'AWS_ROLE_ARN',
] as const;
