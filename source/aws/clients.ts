import {IAMClient} from '@aws-sdk/client-iam';
import {KMSClient} from '@aws-sdk/client-kms';
import {OrganizationsClient} from '@aws-sdk/client-organizations';
import {S3Client} from '@aws-sdk/client-s3';
import {STSClient} from '@aws-sdk/client-sts';
import {tlsOptions, type CaBundle} from './ca-bundle.js';
import type {Credentials} from './credential-identity.js';
import type {AwsService, Endpoints} from './endpoints.js';
import {AwsHttpHandler} from './http-handler.js';
import {silenceSdk, silentLogger} from './quiet.js';

silenceSdk();

export type ClientSettings = {
	readonly credentials: Credentials;
	/** The profile's Region (S3 follows a bucket elsewhere; KMS clients take the key's). */
	readonly region: string;
	readonly endpoints: Endpoints;
	readonly profile?: string;
	/** One attempt may take this long; the whole call (with retries) is bounded by the caller's abort signal. */
	readonly attemptTimeoutMs: number;
	readonly maxAttempts: number;
	/** AWS_CA_BUNDLE or the profile's ca_bundle, when one is set. */
	readonly caBundle?: CaBundle;
};

/** The SDK clients of one profile, made on first use and destroyed together (they hold sockets). */
export type Clients = {
	readonly sts: () => STSClient;
	readonly iam: () => IAMClient;
	readonly kms: (region: string) => KMSClient;
	/** The profile's Region, or the one S3 named for a bucket (bucket-region.ts). */
	readonly s3: (region?: string) => S3Client;
	readonly organizations: () => OrganizationsClient;
	readonly destroy: () => void;
};

export const createClients = (settings: ClientSettings): Clients => {
	const made = new Map<string, {destroy: () => void}>();
	const common = (service: AwsService, region: string) => {
		const endpoint = settings.endpoints[service];
		return {
			region,
			credentials: settings.credentials,
			logger: silentLogger,
			// Adaptive: backs off on throttling and paces later calls; bounded so a throttled read gives up and says so.
			retryMode: 'adaptive',
			maxAttempts: settings.maxAttempts,
			requestHandler: new AwsHttpHandler({connectionTimeout: Math.min(settings.attemptTimeoutMs, 5000), requestTimeout: settings.attemptTimeoutMs, ...tlsOptions(settings.caBundle)}),
			...(settings.profile ? {profile: settings.profile} : {}),
			...(endpoint ? {endpoint} : {}),
		};
	};
	const once = <T extends {destroy: () => void}>(key: string, make: () => T): T => {
		const existing = made.get(key) as T | undefined;
		if (existing) return existing;
		const client = make();
		made.set(key, client);
		return client;
	};
	const {region} = settings;
	return {
		sts: () => once('sts', () => new STSClient(common('sts', region))),
		iam: () => once('iam', () => new IAMClient(common('iam', region))),
		kms: (keyRegion: string) => once(`kms:${keyRegion}`, () => new KMSClient(common('kms', keyRegion))),
		// A custom endpoint (LocalStack, our tests) has no bucket.host names: path-style, or `localhost` resolves to bucket.localhost.
		// The SDK's redirects stay off: bucket-region.ts follows every answer that names the bucket's Region, in one place.
		s3: (bucketRegion = region) =>
			once(`s3:${bucketRegion}`, () => new S3Client({...common('s3', bucketRegion), forcePathStyle: settings.endpoints.s3 !== undefined, followRegionRedirects: false})),
		organizations: () => once('organizations', () => new OrganizationsClient(common('organizations', region))),
		destroy: () => {
			for (const client of made.values()) client.destroy();
			made.clear();
		},
	};
};
