/**
 * The request context: condition keys and their values. Keys are case-insensitive.
 * A key can be present (with one or more values), known to be absent, or unknown — and
 * unknown is never treated as absent, because a negated operator would then guess "allowed".
 */

export type ContextScalar = string | number | boolean;
/** A value, a list of values for a multi-valued key, or `null` when the key is known to be absent. */
export type ContextValue = ContextScalar | readonly ContextScalar[] | null;

export type ContextEntry =
	| {readonly state: 'present'; readonly values: readonly string[]; readonly multiValued: boolean}
	| {readonly state: 'absent'}
	| {readonly state: 'unknown'};

export type ContextLookup = (key: string) => ContextEntry;

/** What a key missing from the context means: `unknown` (honest default) or `absent` (closed world). */
export type MissingKeyPolicy = 'unknown' | 'absent';

const toText = (value: ContextScalar): string =>
	typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 'true' : 'false') : JSON.stringify(value);

export const contextEntry = (value: ContextValue | undefined, missing: MissingKeyPolicy): ContextEntry => {
	if (value === undefined) return {state: missing};
	if (value === null) return {state: 'absent'};
	if (Array.isArray(value)) return {state: 'present', values: value.map(toText), multiValued: true};
	return {state: 'present', values: [toText(value as ContextScalar)], multiValued: false};
};

/** The value of `lower` (a lower-cased key) in `values`, compared case-insensitively; a later key wins over an earlier one. */
const find = (values: Readonly<Record<string, ContextValue>>, names: readonly string[], lower: string): {readonly value: ContextValue | undefined} | undefined => {
	let found: {readonly value: ContextValue | undefined} | undefined;
	// A scan, not an index: a request names a handful of keys and evaluation looks up a few of them.
	for (const name of names) if (name.length === lower.length && name.toLowerCase() === lower) found = {value: values[name]};
	return found;
};

/**
 * Build a case-insensitive lookup over a plain object of context values, and optionally `defaults`
 * for keys that `values` does not hold (in any case). Everything is worked out on first use:
 * evaluation looks up only the few keys its conditions name, and often none.
 */
export const createContextLookup = (
	values: Readonly<Record<string, ContextValue>>,
	missing: MissingKeyPolicy = 'unknown',
	defaults?: Readonly<Record<string, ContextValue>>,
): ContextLookup => {
	let names: readonly string[] | undefined;
	let entries: Map<string, ContextEntry> | undefined;
	return key => {
		entries ??= new Map();
		let entry = entries.get(key);
		if (entry === undefined) {
			const lower = key.toLowerCase();
			names ??= Object.keys(values);
			const found = find(values, names, lower) ?? (defaults ? find(defaults, Object.keys(defaults), lower) : undefined);
			entry = contextEntry(found?.value, missing);
			entries.set(key, entry);
		}
		return entry;
	};
};
