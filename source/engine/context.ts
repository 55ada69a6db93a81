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

const toText = (value: ContextScalar): string => (typeof value === 'string' ? value : JSON.stringify(value));

export const contextEntry = (value: ContextValue | undefined, missing: MissingKeyPolicy): ContextEntry => {
	if (value === undefined) return {state: missing};
	if (value === null) return {state: 'absent'};
	if (Array.isArray(value)) return {state: 'present', values: value.map(toText), multiValued: true};
	return {state: 'present', values: [toText(value as ContextScalar)], multiValued: false};
};

/** Build a case-insensitive lookup over a plain object of context values. */
export const createContextLookup = (
	values: Readonly<Record<string, ContextValue>>,
	missing: MissingKeyPolicy = 'unknown',
): ContextLookup => {
	const byKey = new Map<string, ContextEntry>();
	for (const [key, value] of Object.entries(values)) byKey.set(key.toLowerCase(), contextEntry(value, missing));
	return key => byKey.get(key.toLowerCase()) ?? {state: missing};
};
