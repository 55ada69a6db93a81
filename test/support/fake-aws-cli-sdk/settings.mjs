// Which profile, Region and endpoint a call uses, decided in the AWS CLI's order, and the SDK client made from them.
import {createRequire} from 'node:module';
import {loadSharedConfigFiles} from '@smithy/shared-ini-file-loader';
import {CliFailure} from './cli-failure.mjs';

// Each `aws` call is a fresh process: the SDK's single-file CommonJS build loads a third faster than its ES modules.
const require = createRequire(import.meta.url);

const packages = {
	sts: ['@aws-sdk/client-sts', 'STSClient'],
	iam: ['@aws-sdk/client-iam', 'IAMClient'],
	s3api: ['@aws-sdk/client-s3', 'S3Client'],
	kms: ['@aws-sdk/client-kms', 'KMSClient'],
	organizations: ['@aws-sdk/client-organizations', 'OrganizationsClient'],
};

/** The `AWS_ENDPOINT_URL_<ID>` and `[services]` names of each service. */
const serviceIds = {sts: ['STS', 'sts'], iam: ['IAM', 'iam'], s3api: ['S3', 's3'], kms: ['KMS', 'kms'], organizations: ['ORGANIZATIONS', 'organizations']};

/** IAM, STS, S3 and Organizations have a global endpoint, so the CLI needs no Region for them. */
const globalServices = new Set(['sts', 'iam', 's3api', 'organizations']);

const isTrue = value => typeof value === 'string' && value.toLowerCase() === 'true';

const silentLogger = {trace() {}, debug() {}, info() {}, warn() {}, error() {}};

/**
 * The settings of one call: `--profile`, else AWS_PROFILE (AWS_DEFAULT_PROFILE), else `default`; `--region`,
 * else AWS_REGION / AWS_DEFAULT_REGION, else the profile's `region`; `--endpoint-url`, else the configured endpoints.
 */
export const resolveSettings = async (service, options, env) => {
	const named = options['--profile'] ?? (env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || undefined);
	const profileName = named ?? 'default';
	const {configFile, credentialsFile} = await loadSharedConfigFiles();
	const profile = configFile[profileName] ?? {};
	if (named !== undefined && !(named in configFile) && !(named in credentialsFile)) {
		throw new CliFailure(`\nThe config profile (${named}) could not be found\n`, 255);
	}
	let region = options['--region'] ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || profile.region || undefined);
	if (!region) {
		if (!globalServices.has(service)) throw new CliFailure('\nYou must specify a region. You can also configure your region by running "aws configure".\n', 253);
		region = 'us-east-1';
	}
	return {profile: named, region, endpoint: options['--endpoint-url'] ?? configuredEndpoint(service, profile, configFile, env)};
};

const configuredEndpoint = (service, profile, configFile, env) => {
	if (isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || isTrue(profile.ignore_configured_endpoint_urls)) return undefined;
	const [envId, configId] = serviceIds[service];
	// The shared-ini loader files a `[services NAME]` section as `services.NAME`.
	const servicesSection = profile.services ? configFile[`services.${profile.services}`] : undefined;
	const candidates = [env[`AWS_ENDPOINT_URL_${envId}`], env.AWS_ENDPOINT_URL, servicesSection?.[`${configId}.endpoint_url`], profile.endpoint_url];
	return candidates.find(value => typeof value === 'string' && value.trim() !== '')?.trim();
};

/** The real SDK client for a service, loaded only when a command needs it. */
export const createClient = (service, settings) => {
	const [name, className] = packages[service];
	const sdk = require(name);
	const Client = sdk[className];
	const client = new Client({
		region: settings.region,
		logger: silentLogger,
		...(settings.profile ? {profile: settings.profile} : {}),
		...(settings.endpoint ? {endpoint: settings.endpoint} : {}),
		// The CLI goes path-style to a configured endpoint that is an IP address, as every test endpoint is.
		...(service === 's3api' && settings.endpoint ? {forcePathStyle: true} : {}),
	});
	return {sdk, client};
};
