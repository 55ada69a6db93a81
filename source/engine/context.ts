/**
 * The request context: condition keys and their values. Keys are case-insensitive.
 * A key can be present (with one or more values), known to be absent, or unknown — and
 * unknown is never treated as absent, because a negated operator would then guess "allowed".
 */

export type ContextScalar = string | number | boolean;
/** A value, a list of values for a multi-valued key, or `null` when the key is known to be absent. */
export type ContextValue = ContextScalar | readonly ContextScalar[] | null;

export type ContextEntry =
	| {readonly state: 'present'; readonly values: readonly string[]; readonly multiValued: boolean; readonly partial?: true}
	| {readonly state: 'absent'}
	| {readonly state: 'unknown'};

export type ContextLookup = (key: string) => ContextEntry;

/** What a key missing from the context means: `unknown` (honest default) or `absent` (closed world). */
export type MissingKeyPolicy = 'unknown' | 'absent';

const toText = (value: ContextScalar): string =>
	typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 'true' : 'false') : JSON.stringify(value);

const unknownEntry: ContextEntry = {state: 'unknown'};
const absentEntry: ContextEntry = {state: 'absent'};
// A branch, not `{unknown, absent}[missing]`: a lookup by a variable name is slow on the hot path.
const missingEntry = (missing: MissingKeyPolicy): ContextEntry => (missing === 'unknown' ? unknownEntry : absentEntry);

/** Lists made by `atLeast`: known to hold these values, and perhaps others not known. */
const partialLists = new WeakSet<readonly ContextScalar[]>();

/**
 * A multi-valued key known to hold `values` and perhaps more (an object's stored encryption context): still a plain list
 * to whoever reads the context, while conditions and grants treat the values it may also hold as unknown.
 */
export const atLeast = (values: readonly ContextScalar[]): readonly ContextScalar[] => {
	const list = [...values];
	partialLists.add(list);
	return list;
};

export const contextEntry = (value: ContextValue | undefined, missing: MissingKeyPolicy): ContextEntry => {
	if (value === undefined) return missingEntry(missing);
	if (value === null) return absentEntry;
	if (Array.isArray(value)) return partialLists.has(value) ? {state: 'present', values: value.map(toText), multiValued: true, partial: true} : {state: 'present', values: value.map(toText), multiValued: true};
	return {state: 'present', values: [toText(value as ContextScalar)], multiValued: false};
};

type Values = Readonly<Record<string, ContextValue>>;

/*
 * Condition keys get small numbers, once per distinct key (in lower case), so evaluation finds a key's entry by
 * number rather than by hashing its name; past the bound, keys are looked up by name as before.
 */
const keyIds = new Map<string, number>();
const keyLimit = 1024;

/** The number of a condition key given in lower case; -1 when the bound is reached. */
export const keyIdOf = (lower: string): number => {
	let id = keyIds.get(lower);
	if (id === undefined) {
		if (keyIds.size >= keyLimit) return -1;
		keyIds.set(lower, (id = keyIds.size));
	}
	return id;
};

/** A key the engine knows every such request carries but whose value it does not know: unknown even in a closed world. */
export const valueNotKnown: unique symbol = Symbol('value not known');

/** Marks a key that is there with the value `undefined` (which means what a missing key means). */
const heldUndefined: ContextEntry = {state: 'unknown'};
/** Marks, by number, a key the object does not hold. */
const notHeld: ContextEntry = {state: 'absent'};

/**
 * A context object's entries by their keys' lower-case form. Kept per object, as callers evaluate many
 * requests with the same context; `matches` checks the object still holds what the index was built from
 * (same keys, same values, same array items), so a context changed in place is read again. Entries are
 * made when a condition first asks for their key: most keys of a request are never asked for.
 */
class ContextIndex {
	/** Per key, three places: its name, its value, and (for a list) a copy of its items; one list, few cache lines. */
	readonly #held: readonly unknown[];
	readonly #count: number;
	/** The keys in lower case, made at the first lookup; kept small, as every request's context has one. */
	#lower: readonly string[] | undefined;
	/** Entries by lower-case key, for lookups by name (explanations, policy variables): made when first needed. */
	#entries: Map<string, ContextEntry> | undefined;
	readonly #byId: ContextEntry[] = [];

	constructor(values: Values, names: readonly string[]) {
		const held: unknown[] = new Array<unknown>(names.length * 3);
		for (let index = 0; index < names.length; index++) {
			const value = values[names[index]!];
			held[index * 3] = names[index];
			held[index * 3 + 1] = value;
			held[index * 3 + 2] = Array.isArray(value) ? [...(value as unknown[])] : undefined;
		}
		this.#held = held;
		this.#count = names.length;
	}

	/**
	 * Whether `values` still holds what the index was built from. A `for…in` walk allocates nothing (V8 walks the
	 * object's own key cache); a key it meets that the index does not hold, inherited ones included, is a mismatch.
	 */
	matches(values: Values): boolean {
		const held = this.#held;
		const count = this.#count;
		let index = 0;
		for (const name in values) {
			if (index >= count || name !== held[index * 3]) return false;
			const value = values[name];
			if (value !== held[index * 3 + 1]) return false;
			const items = held[index * 3 + 2] as readonly unknown[] | undefined;
			if (items && !sameItems(value as readonly unknown[], items)) return false;
			index++;
		}
		return index === count;
	}

	/** The entry of a key given in lower case, or `notHeld`; a later key wins over an earlier one that differs only in case. */
	#find(lower: string): ContextEntry {
		const names = (this.#lower ??= Array.from({length: this.#count}, (_, index) => (this.#held[index * 3] as string).toLowerCase()));
		let position = names.length - 1;
		while (position >= 0 && names[position] !== lower) position--;
		if (position < 0) return notHeld;
		const value = this.#held[position * 3 + 1] as ContextValue | typeof valueNotKnown | undefined;
		if (value === valueNotKnown) return unknownEntry;
		return value === undefined ? heldUndefined : contextEntry(value, 'unknown');
	}

	/** The entry of a key given in lower case; `null` when the object does not hold it. */
	entry(lower: string, missing: MissingKeyPolicy): ContextEntry | null {
		const entries = (this.#entries ??= new Map());
		let entry = entries.get(lower);
		if (entry === undefined) entries.set(lower, (entry = this.#find(lower)));
		return entry === notHeld ? null : entry === heldUndefined ? missingEntry(missing) : entry;
	}

	/** `entry` by the key's number (`keyIdOf`); -1 looks it up by name. */
	entryById(id: number, lower: string, missing: MissingKeyPolicy): ContextEntry | null {
		if (id < 0) return this.entry(lower, missing);
		let entry = this.#byId[id];
		if (entry === undefined) this.#byId[id] = entry = this.#find(lower);
		return entry === notHeld ? null : entry === heldUndefined ? missingEntry(missing) : entry;
	}
}

const sameItems = (value: readonly unknown[], items: readonly unknown[]): boolean => {
	if (value.length !== items.length) return false;
	for (let index = 0; index < items.length; index++) if (value[index] !== items[index]) return false;
	return true;
};

const indexes = new WeakMap<Values, ContextIndex>();

const indexOf = (values: Values): ContextIndex => {
	let index = indexes.get(values);
	if (!index || !index.matches(values)) indexes.set(values, (index = new ContextIndex(values, Object.keys(values))));
	return index;
};

// Policies name the same keys again and again: lower-case each written form once.
const lowerNames = new Map<string, string>();
const lowerCase = (key: string): string => {
	let lower = lowerNames.get(key);
	if (lower === undefined) {
		lower = key.toLowerCase();
		if (lowerNames.size >= 10_000) lowerNames.clear();
		lowerNames.set(key, lower);
	}
	return lower;
};

/** Context values the engine itself derived and never changes (from the caller): indexed once, never checked again. */
export type FixedContext = ContextIndex;

export const fixedContext = (values: Readonly<Record<string, ContextValue | typeof valueNotKnown>>): FixedContext => new ContextIndex(values as Values, Object.keys(values));

/** Where condition clauses read the request's context: by the key's number on the hot path, or by name. */
export type ContextSource = {
	/** The entry of a key: `id` from `keyIdOf(lower)`. */
	entryOf(id: number, lower: string): ContextEntry;
	readonly lookup: ContextLookup;
};

/** A request's context: what it gives, then what the engine derived from the caller, then `missing`. */
export class RequestContext implements ContextSource {
	readonly #given: ContextIndex;
	readonly #derived: ContextIndex | undefined;
	readonly #missing: MissingKeyPolicy;
	readonly #absentPrefixes: readonly string[] | undefined;
	#lookup: ContextLookup | undefined;

	/** `absentPrefixes`: lower-case prefixes of keys the request never carries, absent where not listed (never unknown). */
	constructor(values: Values, missing: MissingKeyPolicy, defaults: Values | FixedContext | undefined, absentPrefixes?: readonly string[]) {
		this.#given = indexOf(values);
		this.#derived = defaults === undefined ? undefined : defaults instanceof ContextIndex ? defaults : indexOf(defaults);
		this.#missing = missing;
		this.#absentPrefixes = absentPrefixes !== undefined && absentPrefixes.length > 0 ? absentPrefixes : undefined;
	}

	/** What a key listed nowhere means: absent where the request never carries its kind, else `missing`. */
	#notListed(lower: string): ContextEntry {
		const prefixes = this.#absentPrefixes;
		if (prefixes !== undefined) for (const prefix of prefixes) if (lower.startsWith(prefix)) return absentEntry;
		return missingEntry(this.#missing);
	}

	/** By name, in any case; made when first asked for (conditions on the hot path use `entryOf`). */
	get lookup(): ContextLookup {
		return (this.#lookup ??= this.#makeLookup());
	}

	#makeLookup(): ContextLookup {
		const given = this.#given;
		const derived = this.#derived;
		const missing = this.#missing;
		const find = (lower: string): ContextEntry | null => given.entry(lower, missing) ?? derived?.entry(lower, missing) ?? null;
		return key => {
			const entry = find(key);
			if (entry !== null) return entry;
			const lower = lowerCase(key);
			return (lower === key ? null : find(lower)) ?? this.#notListed(lower);
		};
	}

	entryOf(id: number, lower: string): ContextEntry {
		const missing = this.#missing;
		return this.#given.entryById(id, lower, missing) ?? this.#derived?.entryById(id, lower, missing) ?? this.#notListed(lower);
	}
}

/** A `ContextSource` over any lookup (a clause evaluated on its own). */
export const lookupSource = (lookup: ContextLookup): ContextSource => ({entryOf: (_id, lower) => lookup(lower), lookup});

/**
 * Build a case-insensitive lookup over a plain object of context values, and optionally `defaults`
 * for keys that `values` does not hold (in any case). A key given in lower case is found at once.
 */
export const createContextLookup = (values: Values, missing: MissingKeyPolicy = 'unknown', defaults?: Values | FixedContext): ContextLookup =>
	new RequestContext(values, missing, defaults).lookup;
