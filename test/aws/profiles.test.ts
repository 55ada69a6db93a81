import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {configuredEndpoints} from '../../source/aws/endpoints.js';
import {listProfiles} from '../../source/aws/profiles.js';
import {loadSharedFiles} from '../../source/aws/shared-files.js';
import {createAwsHome, type AwsHome} from '../support/fake-aws/home.js';

const config = `
[default]
region = eu-west-1

[profile dev]
region = eu-central-1
endpoint_url = http://localhost:4566

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = dev

[profile corp]
sso_session = corp-sso
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = us-east-1

[profile legacy-sso]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = ReadOnly

[profile vault]
credential_process = /usr/local/bin/vault-aws --account 1111

[profile region-only]
region = ap-southeast-2

[sso-session corp-sso]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[services local]
s3 =
  endpoint_url = http://localhost:9000
`;

const credentials = `
[default]
aws_access_key_id = AKIADEFAULT
aws_secret_access_key = default-secret

[dev]
aws_access_key_id = AKIADEV
aws_secret_access_key = dev-secret

[keys-only]
aws_access_key_id = AKIAKEYSONLY
aws_secret_access_key = keys-only-secret
`;

let home: AwsHome | undefined;
afterEach(async () => {
	await home?.remove();
	home = undefined;
});

describe('listProfiles', () => {
	it('lists the union of both files with each profile kind, default first, without sso-session or services sections', async () => {
		home = await createAwsHome({config, credentials});
		const profiles = await listProfiles(home.env);
		expect(profiles.map(profile => profile.name)).toEqual(['default', 'admin', 'corp', 'dev', 'keys-only', 'legacy-sso', 'region-only', 'vault']);
		const byName = Object.fromEntries(profiles.map(profile => [profile.name, profile]));
		expect(byName['default']).toEqual({name: 'default', kind: 'static', region: 'eu-west-1'});
		expect(byName['dev']).toEqual({name: 'dev', kind: 'static', region: 'eu-central-1'});
		expect(byName['admin']).toEqual({name: 'admin', kind: 'assume-role', roleArn: 'arn:aws:iam::111122223333:role/Admin'});
		expect(byName['corp']).toEqual({name: 'corp', kind: 'sso', region: 'us-east-1', ssoStartUrl: 'https://corp.awsapps.com/start'});
		expect(byName['legacy-sso']).toEqual({name: 'legacy-sso', kind: 'sso', ssoStartUrl: 'https://legacy.awsapps.com/start'});
		expect(byName['vault']).toEqual({name: 'vault', kind: 'process'});
		expect(byName['region-only']).toEqual({name: 'region-only', kind: 'other', region: 'ap-southeast-2'});
		expect(byName['keys-only']).toEqual({name: 'keys-only', kind: 'static'});
		// Secrets are never part of what is listed.
		expect(JSON.stringify(profiles)).not.toMatch(/secret|AKIA/);
	});

	it('reads the files AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name, and sees edits made since the last call', async () => {
		home = await createAwsHome({});
		const configPath = join(home.dir, 'elsewhere-config');
		const credentialsPath = join(home.dir, 'elsewhere-credentials');
		await writeFile(configPath, '[profile first]\nregion = eu-west-3\n');
		const env = {...home.env, AWS_CONFIG_FILE: configPath, AWS_SHARED_CREDENTIALS_FILE: credentialsPath};
		expect(await listProfiles(env)).toEqual([{name: 'first', kind: 'other', region: 'eu-west-3'}]);
		await writeFile(configPath, '[profile first]\nregion = eu-west-3\n\n[profile second]\ncredential_process = echo\n');
		await writeFile(credentialsPath, '[third]\naws_access_key_id = A\naws_secret_access_key = B\n');
		expect((await listProfiles(env)).map(profile => `${profile.name}:${profile.kind}`)).toEqual(['first:other', 'second:process', 'third:static']);
	});

	it('lists nothing when there are no AWS files', async () => {
		home = await createAwsHome({});
		expect(await listProfiles(home.env)).toEqual([]);
	});
});

describe('configuredEndpoints', () => {
	it('takes AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the [services] section, then endpoint_url', async () => {
		home = await createAwsHome({config: `${config}\n[profile with-services]\nservices = local\nendpoint_url = http://profile.example:1\n`});
		const files = await loadSharedFiles(home.env);
		const profile = files.profiles['with-services']!;
		expect(configuredEndpoints({}, profile, files)).toEqual({
			ok: true,
			value: {s3: 'http://localhost:9000', sts: 'http://profile.example:1', iam: 'http://profile.example:1', kms: 'http://profile.example:1', organizations: 'http://profile.example:1', sso: 'http://profile.example:1'},
		});
		const fromEnv = configuredEndpoints({AWS_ENDPOINT_URL: 'http://all.example:2', AWS_ENDPOINT_URL_KMS: 'http://kms.example:3'}, profile, files);
		expect(fromEnv.ok && fromEnv.value).toMatchObject({kms: 'http://kms.example:3', s3: 'http://all.example:2', sts: 'http://all.example:2'});
	});

	it('honours AWS_IGNORE_CONFIGURED_ENDPOINT_URLS and rejects an endpoint that is not a URL, naming the setting', async () => {
		home = await createAwsHome({config});
		const files = await loadSharedFiles(home.env);
		expect(configuredEndpoints({AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://x:1'}, files.profiles['dev']!, files)).toEqual({ok: true, value: {}});
		expect(configuredEndpoints({}, files.profiles['default']!, files)).toEqual({ok: true, value: {}});
		expect(configuredEndpoints({AWS_ENDPOINT_URL_S3: 'localhost:4566'}, files.profiles['default']!, files)).toEqual({
			ok: false,
			error: 'AWS_ENDPOINT_URL_S3 is not an http(s) URL: "localhost:4566" (expected e.g. http://localhost:4566)',
		});
	});
});
