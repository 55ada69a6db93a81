/** JSON nested deeper than this is refused before it is parsed: no policy or snapshot comes near it. */
export const maxJsonDepth = 64;

const quote = 0x22;
const backslash = 0x5c;
const openers = new Set([0x5b, 0x7b]);
const closers = new Set([0x5d, 0x7d]);

/**
 * The offset of the first bracket that goes deeper than `limit`, or undefined: one pass over the text,
 * so a document nested 100,000 levels deep is refused before anything walks it recursively.
 */
export const tooDeepAt = (text: string, limit = maxJsonDepth): number | undefined => {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (inString) {
			if (code === backslash) index++;
			else if (code === quote) inString = false;
		} else if (code === quote) inString = true;
		else if (openers.has(code)) {
			if (++depth > limit) return index;
		} else if (closers.has(code)) depth--;
	}
	return undefined;
};

/** The depth of an already parsed value is over `limit` (a value built in code rather than parsed). */
export const deeperThan = (value: unknown, limit = maxJsonDepth): boolean => {
	const stack: Array<{value: unknown; depth: number}> = [{value, depth: 0}];
	while (stack.length > 0) {
		const {value: item, depth} = stack.pop()!;
		if (typeof item !== 'object' || item === null) continue;
		if (depth + 1 > limit) return true;
		for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push({value: child, depth: depth + 1});
	}
	return false;
};
