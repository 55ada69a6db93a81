import {isObject, type JsonObject} from '../../shared/json.js';

/**
 * Defensive reads of AWS answers, which arrive as `unknown`: SDK output objects from live collection, or the
 * AWS CLI's JSON from a support bundle (someone else's machine, perhaps edited). Nothing here trusts a shape.
 */

export type {JsonObject} from '../../shared/json.js';

export const asObject = (value: unknown): JsonObject | undefined => (isObject(value) ? value : undefined);

export const field = (value: unknown, ...path: string[]): unknown => {
	let current: unknown = value;
	for (const name of path) current = asObject(current)?.[name];
	return current;
};

export const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export const asBoolean = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

export const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

export const strings = (value: unknown): string[] => asArray(value).filter((item): item is string => typeof item === 'string');

/** A map of strings (an encryption context): other values are dropped. */
export const stringMap = (value: unknown): Record<string, string> | undefined => {
	const object = asObject(value);
	if (!object) return undefined;
	return Object.fromEntries(Object.entries(object).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
};
