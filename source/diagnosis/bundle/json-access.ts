import {parseJson} from '../../engine/json.js';
import type {PolicyJson} from '../snapshot.js';

/** Defensive reads of AWS CLI answers: a bundle comes from someone else's machine and may have been edited. */

export type JsonObject = Readonly<Record<string, unknown>>;

export const asObject = (value: unknown): JsonObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;

export const field = (value: unknown, ...path: string[]): unknown => {
	let current: unknown = value;
	for (const name of path) current = asObject(current)?.[name];
	return current;
};

export const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export const asBoolean = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

export const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

export const strings = (value: unknown): string[] => asArray(value).filter((item): item is string => typeof item === 'string');

/**
 * A policy document as the CLI gives it: already an object for IAM (the CLI decodes it), a JSON
 * string for S3, KMS and Organizations, URL-encoded JSON when another tool made the call.
 */
export const policyDocument = (value: unknown): PolicyJson | undefined => {
	const object = asObject(value);
	if (object) return object;
	if (typeof value !== 'string') return undefined;
	for (const text of [value, safeDecode(value)]) {
		if (text === undefined) continue;
		// Not JSON in this encoding (or nested past the limit): try the next.
		const json = parseJson(text);
		const parsed = json.ok ? asObject(json.value) : undefined;
		if (parsed) return parsed;
	}
	return undefined;
};

const safeDecode = (text: string): string | undefined => {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
};
