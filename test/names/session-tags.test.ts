import {describe, expect, it} from 'vitest';
import {parseTagList} from '../../source/names/index.js';

// IAM API Reference, Tag: Key "Length Constraints: Minimum length of 1. Maximum length of 128", Value "Maximum length of
// 256", both of the pattern [\p{L}\p{Z}\p{N}_.:/=+\-@]*.
describe('a list of session tags', () => {
	it('reads KEY=VALUE pairs, the first = separating, spaces around them dropped; none is null', () => {
		expect(parseTagList(' team = data , url=a=b , empty=')).toEqual({ok: true, value: {team: 'data', url: 'a=b', empty: ''}});
		expect(parseTagList('None')).toEqual({ok: true, value: null});
	});

	it('refuses what IAM would, naming the pair', () => {
		const hint = (text: string): string | undefined => {
			const result = parseTagList(text);
			return result.ok ? undefined : result.error.hint;
		};
		expect(hint('k'.repeat(129) + '=v')).toContain('is not a tag key');
		expect(hint(`k=${'v'.repeat(257)}`)).toContain('the value of k is not a tag value');
		expect(hint('team=da$ta')).toContain('is not a tag value');
		expect(hint('AWS:team=x')).toContain('starts with aws:');
		expect(hint('=x')).toContain('has no KEY=VALUE');
		expect(hint('team=a, Team=b')).toBe('the key "Team" is given twice');
	});
});
