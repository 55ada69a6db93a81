import type {PolicyJson} from '../snapshot/snapshot.js';
import {parseJson} from '../engine/json.js';
import {err, ok, type Result} from '../shared/result.js';

/** IAM returns policy documents URL-encoded (RFC 3986); KMS, S3 and Organizations return them as they are. */
export const decodeIamDocument = (text: string): string => {
	try {
		return decodeURIComponent(text);
	} catch {
		// Not encoded after all (a stray `%`): the text is the document.
		return text;
	}
};

/** A policy document's text → the JSON object the engine reads; an error says where the JSON breaks. */
export const parsePolicyDocument = (text: string | undefined, encoding: 'url-encoded' | 'plain'): Result<PolicyJson, string> => {
	if (text === undefined || text.trim() === '') return err('AWS returned an empty policy document');
	const parsed = parseJson(encoding === 'url-encoded' ? decodeIamDocument(text) : text);
	if (!parsed.ok) return err(`the policy document AWS returned is not valid JSON (${parsed.error.message})`);
	const value = parsed.value;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('the policy document AWS returned is not a JSON object');
	return ok(value as PolicyJson);
};
