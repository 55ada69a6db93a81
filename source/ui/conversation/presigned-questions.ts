import {credentialFreeUrl} from '../../inputs/presigned-url/credential-free-url.js';
import {parsePresignedUrl} from '../../inputs/presigned-url/parse-presigned-url.js';
import type {TextQuestion} from './question.js';

/** The question presigned-flow.ts asks of a presigned download or upload: the URL, kept without its credentials. */

export type PresignedQuestionId = 'presigned-url';

/** The stored answer is the URL rebuilt from its facts: the pasted signature and token are dropped on Enter. */
export const presignedUrlQuestion: TextQuestion = {
	kind: 'text',
	id: 'presigned-url',
	title: 'Presigned URL',
	prompt: 'Paste the presigned URL (its signature and token are dropped at once, never kept or shown; empty: not at hand)',
	placeholder: 'https://BUCKET.s3.REGION.amazonaws.com/KEY?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=…',
	validate: text => {
		if (text.trim() === '') return undefined;
		const parsed = parsePresignedUrl(text);
		return parsed.ok ? undefined : parsed.error.message;
	},
	interpret: text => {
		const parsed = parsePresignedUrl(text);
		return parsed.ok ? credentialFreeUrl(parsed.value) : '';
	},
	display: text => {
		const parsed = parsePresignedUrl(text);
		if (!parsed.ok) return '(none)';
		const {bucket, objectKey, presignedUrl: url} = parsed.value;
		const signer = url.accessKeyId ? `, signed with ${url.accessKeyId}` : '';
		return `s3://${bucket}/${objectKey} (Signature Version ${url.signatureVersion}${signer}${url.expiresAt ? `, expires ${url.expiresAt}` : ''})`;
	},
};
