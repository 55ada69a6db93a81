import {isBucketName} from './bucket-name.js';
import {regionSource} from './region.js';

/**
 * An object's HTTPS URL on an S3 endpoint, as presigned URLs use them (S3 User Guide, "Virtual hosting of buckets"):
 * virtual-hosted `BUCKET.s3.REGION.amazonaws.com/KEY` (or `BUCKET.s3.amazonaws.com`, `BUCKET.s3-REGION…`), and
 * path-style `s3.REGION.amazonaws.com/BUCKET/KEY`. The key is the path, percent-decoded.
 */

export type S3ObjectUrl = {readonly bucket: string; readonly objectKey: string; readonly region?: string};

const endpoint = new RegExp(`^(?:(.+)\\.)?s3(?:[.-](?:dualstack\\.)?(${regionSource}))?\\.amazonaws\\.com(?:\\.cn)?$`);

const decode = (text: string): string | undefined => {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
};

/** The bucket, key and Region of an S3 object URL's host and path (`pathname` as the URL class gives it); undefined for anything else. */
export const parseS3ObjectUrl = (host: string, pathname: string): S3ObjectUrl | undefined => {
	const match = endpoint.exec(host.toLowerCase());
	if (!match) return undefined;
	const [, virtualBucket, region] = match;
	const path = pathname.replace(/^\//, '');
	const [bucket, encodedKey] = virtualBucket ? [virtualBucket, path] : [path.slice(0, path.indexOf('/')), path.slice(path.indexOf('/') + 1)];
	const objectKey = encodedKey === undefined ? undefined : decode(encodedKey);
	if (!bucket || !objectKey || (!virtualBucket && !path.includes('/')) || !isBucketName(bucket, 'legacy')) return undefined;
	return {bucket, objectKey, ...(region ? {region} : {})};
};
