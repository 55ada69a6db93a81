import {err, ok, type Result} from '../shared/result.js';
import type {IniSection, SharedFiles} from './shared-files.js';

export type AwsService = 's3' | 'sts' | 'iam' | 'kms' | 'organizations' | 'sso';

/** The SDK's service identifiers, as the `AWS_ENDPOINT_URL_<ID>` variables and `[services]` sections spell them. */
const serviceIds: Readonly<Record<AwsService, {readonly env: string; readonly config: string}>> = {
	s3: {env: 'S3', config: 's3'},
	sts: {env: 'STS', config: 'sts'},
	iam: {env: 'IAM', config: 'iam'},
	kms: {env: 'KMS', config: 'kms'},
	organizations: {env: 'ORGANIZATIONS', config: 'organizations'},
	sso: {env: 'SSO', config: 'sso'},
};

export const awsServices: readonly AwsService[] = ['s3', 'sts', 'iam', 'kms', 'organizations', 'sso'];

export type Endpoints = Readonly<Partial<Record<AwsService, string>>>;

const isTrue = (value: string | undefined): boolean => value?.toLowerCase() === 'true';

/**
 * The endpoint each service should use, as the AWS SDKs' "service-specific endpoints" settings decide it:
 * `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the profile's `[services]` section, then its
 * `endpoint_url`; none when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or `ignore_configured_endpoint_urls` is true.
 * Absent: the SDK's own endpoint for the Region.
 */
export const configuredEndpoints = (env: NodeJS.ProcessEnv, profile: IniSection, files: SharedFiles): Result<Endpoints, string> => {
	if (isTrue(env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']) || isTrue(profile['ignore_configured_endpoint_urls'])) return ok({});
	const servicesName = profile['services'];
	const services = servicesName ? files.services[servicesName] : undefined;
	const endpoints: Partial<Record<AwsService, string>> = {};
	for (const service of awsServices) {
		const id = serviceIds[service];
		const candidates: readonly [string, string | undefined][] = [
			[`AWS_ENDPOINT_URL_${id.env}`, env[`AWS_ENDPOINT_URL_${id.env}`]],
			['AWS_ENDPOINT_URL', env['AWS_ENDPOINT_URL']],
			[`[services ${servicesName}] ${id.config}.endpoint_url`, services?.[`${id.config}.endpoint_url`]],
			['endpoint_url', profile['endpoint_url']],
		];
		const found = candidates.find(([, value]) => value !== undefined && value.trim() !== '');
		if (!found) continue;
		const [setting, value] = found;
		const url = parseEndpoint(value!.trim());
		if (!url) return err(`${setting} is not an http(s) URL: "${value}" (expected e.g. http://localhost:4566)`);
		endpoints[service] = url;
	}
	return ok(endpoints);
};

const parseEndpoint = (text: string): string | undefined => {
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:' ? text : undefined;
	} catch {
		return undefined;
	}
};
