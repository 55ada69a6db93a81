import {parseAccessKeyId, parseS3ObjectUrl, valueOf} from '../../names/index.js';
import type {PresignedUrlInfo} from '../../snapshot/operation-facts.js';
import type {Result} from '../../shared/result.js';

/**
 * A pasted presigned URL → only what the diagnosis needs: its bucket, object key, Region, expiry, signature version,
 * signed headers and the access key ID of its signer. The URL holds live credentials (X-Amz-Signature, Signature,
 * X-Amz-Security-Token): they are never copied into the result, and no message quotes the URL.
 */

export type PresignedUrlFacts = {
	readonly bucket: string;
	readonly objectKey: string;
	readonly region?: string;
	readonly presignedUrl: PresignedUrlInfo;
};

/** Long enough for any real presigned URL (a session token makes them a few KiB), short enough to refuse a dump. */
export const maxPresignedUrlLength = 16_384;

// The query parameter names are case-sensitive in SigV4; SDKs write them exactly so.
const param = (query: URLSearchParams, name: string): string | undefined => query.get(name) ?? undefined;

/** `20260102T030405Z` (SigV4's basic ISO 8601) → `2026-01-02T03:04:05Z`. */
const isoOfAmzDate = (text: string | undefined): string | undefined => {
	const match = text === undefined ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
	return match ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z` : undefined;
};

const addSeconds = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString().replace('.000Z', 'Z');

const sigV4 = (query: URLSearchParams): Result<PresignedUrlInfo, {readonly message: string}> => {
	const algorithm = param(query, 'X-Amz-Algorithm');
	if (algorithm !== 'AWS4-HMAC-SHA256') return {ok: false, error: {message: `its X-Amz-Algorithm is not AWS4-HMAC-SHA256`}};
	// X-Amz-Credential is ACCESS_KEY_ID/DATE/REGION/s3/aws4_request: only its first part is kept.
	const accessKeyId = valueOf(parseAccessKeyId(param(query, 'X-Amz-Credential')?.split('/')[0] ?? ''))?.id;
	const signedAt = isoOfAmzDate(param(query, 'X-Amz-Date'));
	const expiresText = param(query, 'X-Amz-Expires');
	const expiresSeconds = expiresText !== undefined && /^\d{1,6}$/.test(expiresText) ? Number(expiresText) : undefined;
	const validExpiry = expiresSeconds !== undefined && expiresSeconds >= 1 && expiresSeconds <= 604_800 ? expiresSeconds : undefined;
	const signedHeaders = param(query, 'X-Amz-SignedHeaders')
		?.split(';')
		.map(header => header.trim().toLowerCase())
		.filter(header => /^[a-z0-9-]+$/.test(header))
		.slice(0, 64);
	return {
		ok: true,
		value: {
			signatureVersion: 4,
			...(accessKeyId ? {accessKeyId} : {}),
			...(signedAt ? {signedAt} : {}),
			...(validExpiry === undefined ? {} : {expiresSeconds: validExpiry}),
			...(signedAt && validExpiry !== undefined ? {expiresAt: addSeconds(signedAt, validExpiry)} : {}),
			...(signedHeaders ? {signedHeaders} : {}),
		},
	};
};

const sigV2 = (query: URLSearchParams): PresignedUrlInfo => {
	const accessKeyId = valueOf(parseAccessKeyId(param(query, 'AWSAccessKeyId') ?? ''))?.id;
	const expires = param(query, 'Expires');
	// SigV2's Expires is seconds since the epoch.
	const expiresAt = expires !== undefined && /^\d{1,11}$/.test(expires) ? new Date(Number(expires) * 1000).toISOString().replace('.000Z', 'Z') : undefined;
	return {signatureVersion: 2, ...(accessKeyId ? {accessKeyId} : {}), ...(expiresAt ? {expiresAt} : {})};
};

const refused = (why: string): Result<PresignedUrlFacts, {readonly message: string}> => ({ok: false, error: {message: `the pasted text is not an S3 presigned URL: ${why}`}});

export const parsePresignedUrl = (text: string): Result<PresignedUrlFacts, {readonly message: string}> => {
	const trimmed = text.trim();
	if (trimmed.length > maxPresignedUrlLength) return refused(`it is longer than ${maxPresignedUrlLength} characters`);
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return refused('paste the whole URL, starting with https://');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return refused('paste the whole URL, starting with https://');
	const object = parseS3ObjectUrl(url.hostname, url.pathname);
	if (!object) return refused('its host is not an S3 endpoint with a bucket and an object key (BUCKET.s3.REGION.amazonaws.com/KEY)');
	const query = url.searchParams;
	let info: PresignedUrlInfo;
	if (query.has('X-Amz-Algorithm')) {
		const parsed = sigV4(query);
		if (!parsed.ok) return refused(parsed.error.message);
		info = parsed.value;
	} else if (query.has('AWSAccessKeyId') && query.has('Signature')) {
		info = sigV2(query);
	} else {
		return refused('it carries no signature (X-Amz-Algorithm, or AWSAccessKeyId and Signature)');
	}
	return {ok: true, value: {bucket: object.bucket, objectKey: object.objectKey, ...(object.region ? {region: object.region} : {}), presignedUrl: info}};
};
