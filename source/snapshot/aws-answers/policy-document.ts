import {parseJson} from '../../engine/json.js';
import {ok} from '../../shared/result.js';
import type {PolicyJson} from '../snapshot.js';
import type {AnswerProblem, Mapped} from './answer.js';
import {asObject} from './json-access.js';

const problem = (message: string): {readonly ok: false; readonly error: AnswerProblem} => ({ok: false, error: {kind: 'policy-document', message}});

/** `decodeURIComponent`, or the text itself when it is not URL-encoded after all (a stray `%`). */
const decoded = (text: string): string => {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
};

/** Through parseJson, so a document nested past the limit is refused like any other JSON we read. */
const parsed = (text: string): {readonly value: unknown} | undefined => {
	const json = parseJson(text);
	return json.ok ? {value: json.value} : undefined;
};

/**
 * A policy document as AWS answers it → the JSON object the engine reads. S3, KMS and Organizations send a
 * JSON string; IAM sends it URL-encoded (RFC 3986) through the SDK, and the AWS CLI prints it decoded, as an
 * object. The text is read as it is first, then decoded: a plain document's `%` is never decoded away.
 */
export const policyDocumentOf = (value: unknown): Mapped<PolicyJson> => {
	const object = asObject(value);
	if (object) return ok(object);
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return problem('AWS returned an empty policy document');
	if (typeof value !== 'string') return problem('the policy document AWS returned is not a JSON object');
	const text = decoded(value);
	const json = parsed(value) ?? parsed(text);
	if (json === undefined) {
		// Only for the message: where the JSON breaks (parseJson loads a parser to say so).
		const broken = parseJson(text);
		return problem(`the policy document AWS returned is not valid JSON (${broken.ok ? 'unreadable' : broken.error.message})`);
	}
	const document = asObject(json.value);
	return document ? ok(document) : problem('the policy document AWS returned is not a JSON object');
};
