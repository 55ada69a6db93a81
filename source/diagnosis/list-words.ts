/** "a", "a and b", "a, b and c": several names in one sentence. */
export const listWords = (items: readonly string[]): string =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
