/**
 * A bounded memo of a pure function of a string: cleared when full. Policies and requests repeat the same few
 * texts (IP addresses, numbers, dates, patterns), and parsing them again on every evaluation is the cost.
 */
export const boundedMemo = <T>(compute: (key: string) => T, limit = 10_000): ((key: string) => T) => {
	const cache = new Map<string, T>();
	return key => {
		let value = cache.get(key);
		if (value === undefined && !cache.has(key)) {
			value = compute(key);
			if (cache.size >= limit) cache.clear();
			cache.set(key, value);
		}
		return value as T;
	};
};
