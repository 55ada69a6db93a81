import {describe, expect, it} from 'vitest';
import {parseJson} from '../../source/engine/json.js';

describe('parseJson', () => {
	it('parses valid JSON', () => {
		expect(parseJson('{"a": [1, true]}')).toEqual({ok: true, value: {a: [1, true]}});
	});

	it.each([
		['{"a": 1,\n "b": }', 2, 7],
		['{"a": 1', 1, 8],
		['{"a":1,}', 1, 8],
		['{"a":1}}', 1, 8],
		['nope', 1, 1],
	])('says where %j is broken', (text, line, column) => {
		const result = parseJson(text);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error).toMatchObject({line, column});
			expect(result.error.message).toContain(`line ${line}, column ${column}`);
		}
	});

	it('says an empty text is empty', () => {
		const result = parseJson('  ');
		expect(!result.ok && result.error.message).toMatch(/empty/);
	});
});
