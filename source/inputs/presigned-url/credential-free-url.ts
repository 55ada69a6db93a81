import type {PresignedUrlFacts} from './parse-presigned-url.js';

/**
 * A presigned URL rebuilt from its facts alone: what the wizard keeps for an answer, shows when the user goes back,
 * and reads again, so the pasted URL's signature and security token are never stored. Path-style, so any bucket name
 * fits; `parsePresignedUrl` reads it back to the same facts. A SigV2 URL keeps an empty `Signature` to stay one.
 */
export const credentialFreeUrl = ({bucket, objectKey, region, presignedUrl: url}: PresignedUrlFacts): string => {
	const path = `/${encodeURIComponent(bucket)}/${objectKey.split('/').map(encodeURIComponent).join('/')}`;
	const host = region ? `s3.${region}.amazonaws.com` : 's3.amazonaws.com';
	const query = new URLSearchParams();
	if (url.signatureVersion === 4) {
		query.set('X-Amz-Algorithm', 'AWS4-HMAC-SHA256');
		if (url.accessKeyId) query.set('X-Amz-Credential', url.accessKeyId);
		if (url.signedAt) query.set('X-Amz-Date', url.signedAt.replace(/[-:]/g, ''));
		if (url.expiresSeconds !== undefined) query.set('X-Amz-Expires', String(url.expiresSeconds));
		if (url.signedHeaders) query.set('X-Amz-SignedHeaders', url.signedHeaders.join(';'));
	} else {
		if (url.accessKeyId) query.set('AWSAccessKeyId', url.accessKeyId);
		if (url.expiresAt) query.set('Expires', String(Math.floor(Date.parse(url.expiresAt) / 1000)));
		query.set('Signature', '');
	}
	return `https://${host}${path}?${query.toString()}`;
};
