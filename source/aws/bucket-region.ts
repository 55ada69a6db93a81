import type {S3Client} from '@aws-sdk/client-s3';
import {parseRegion} from '../names/index.js';
import type {Session} from './session.js';

type S3ErrorLike = {
	readonly Region?: unknown;
	readonly $metadata?: {readonly httpStatusCode?: number};
	readonly $response?: {readonly headers?: Readonly<Record<string, string | undefined>>};
};

/** A redirect, or the 400 S3 sends for a request signed for the wrong Region (AuthorizationHeaderMalformed, or a HEAD's bare 400). */
const wrongRegionStatuses = new Set([301, 307, 400]);

/**
 * The Region S3 says a bucket is in when it refused a request for being sent to another: `x-amz-bucket-region`
 * (all a HEAD can carry, having no body), else the error's `Region` element. Undefined for any other failure, or a
 * name that is no Region (it would become a host name).
 */
export const regionS3Names = (error: unknown): string | undefined => {
	if (typeof error !== 'object' || error === null) return undefined;
	const {Region, $metadata, $response} = error as S3ErrorLike;
	if (!wrongRegionStatuses.has($metadata?.httpStatusCode ?? 0)) return undefined;
	const named = $response?.headers?.['x-amz-bucket-region'] ?? (typeof Region === 'string' ? Region : undefined);
	return named !== undefined && parseRegion(named).ok ? named : undefined;
};

/**
 * The one rule for every S3 read of a bucket: sent with the profile's Region, and once more in the Region S3
 * names when it says the bucket is elsewhere (the SDK's own redirect covers only some of these answers).
 */
export const sendToBucket = async <T>(session: Session, send: (s3: S3Client) => Promise<T>): Promise<T> => {
	try {
		return await send(session.clients.s3());
	} catch (error) {
		const region = regionS3Names(error);
		if (region === undefined || region === session.region) throw error;
		return send(session.clients.s3(region));
	}
};
