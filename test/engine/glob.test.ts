import {describe, expect, it} from 'vitest';
import {arnGlobMatcher, arnMatches} from '../../source/engine/arn.js';
import {globMatch, globMatcher, globOf, joinGlobs, literalGlob} from '../../source/engine/glob.js';

const like = (pattern: string, value: string, ignoreCase = false): boolean => globMatch(globOf(pattern), value, {ignoreCase});

describe('globMatch on policy text (globOf)', () => {
	it('reads * as any run of characters and ? as exactly one', () => {
		expect(like('s3:Get*', 's3:GetObject')).toBe(true);
		expect(like('s3:Get*', 's3:Get')).toBe(true);
		expect(like('s3:Get*', 's3:PutObject')).toBe(false);
		expect(like('s3:?etObject', 's3:GetObject')).toBe(true);
		expect(like('s3:?etObject', 's3:etObject')).toBe(false);
		expect(like('*', '')).toBe(true);
		expect(like('a*b*c', 'a-b-b-c')).toBe(true);
	});

	it('matches the whole value, not a part of it', () => {
		expect(like('Object', 's3:GetObject')).toBe(false);
		expect(like('s3:Get', 's3:GetObject')).toBe(false);
	});

	it('treats regular expression characters literally', () => {
		expect(like('a.b', 'axb')).toBe(false);
		expect(like('a+(b)[c]{1}|^$', 'a+(b)[c]{1}|^$')).toBe(true);
		expect(like('a/b', 'a/b')).toBe(true);
	});

	it('treats a backslash in policy text as a literal backslash, never as an escape', () => {
		expect(like('C:\\temp\\*', 'C:\\temp\\file')).toBe(true);
		expect(like('a\\*', 'a*')).toBe(false);
		expect(like('a\\*', 'a\\anything')).toBe(true);
		expect(like('a\\?', 'a\\x')).toBe(true);
		expect(like('a\\?', 'a?')).toBe(false);
		expect(like('end\\', 'end\\')).toBe(true);
		expect(like('a\\\\b', 'a\\\\b')).toBe(true);
		expect(like('a\\\\b', 'a\\b')).toBe(false);
	});

	it('compares case-sensitively unless asked not to', () => {
		expect(like('kms:decrypt', 'kms:Decrypt')).toBe(false);
		expect(like('kms:decrypt', 'kms:Decrypt', true)).toBe(true);
		expect(like('KMS:GENERATE*', 'kms:GenerateDataKey', true)).toBe(true);
		expect(like('kms:Gen?rate*', 'KMS:GENERATEDATAKEY', true)).toBe(true);
	});

	it('matches across line breaks like any other character', () => {
		expect(like('a*b', 'a\nb')).toBe(true);
		expect(like('a?b', 'a\nb')).toBe(true);
	});
});

describe('literalGlob and joinGlobs', () => {
	it('makes every character literal, so text from a policy variable cannot act as a wildcard', () => {
		expect(globMatch(literalGlob('b*'), 'b*')).toBe(true);
		expect(globMatch(literalGlob('b*'), 'bob')).toBe(false);
		expect(globMatch(literalGlob('?'), 'x')).toBe(false);
		expect(globMatch(literalGlob('a\\b'), 'a\\b')).toBe(true);
	});

	it('joins written wildcards with literal text', () => {
		const glob = joinGlobs([globOf('home/'), literalGlob('b*'), globOf('/*')]);
		expect(globMatch(glob, 'home/b*/x')).toBe(true);
		expect(globMatch(glob, 'home/bob/x')).toBe(false);
	});
});

describe('compiled matchers agree with globMatch and arnMatches', () => {
	const patterns = ['*', 'a*', '*b', 'a?c', 'a\\*', 'x/*/y', 'arn:aws:s3:::b/*', 'arn:aws:kms:*:1111:key/*', 'arn:*:s3:::*log*', 'arn:aws:s3:::b'];
	const values = ['', 'a', 'abc', 'a*', 'a\\z', 'x/1/y', 'arn:aws:s3:::b/k', 'arn:aws:s3:::b', 'arn:aws:kms:eu-west-1:1111:key/9', 'arn:aws:kms:eu:west:1111:key/9', 'arn:aws:s3:::logs/x'];

	it('globMatcher', () => {
		for (const pattern of patterns) {
			const matcher = globMatcher(globOf(pattern));
			for (const value of values) expect(matcher(value), `${pattern} ~ ${value}`).toBe(globMatch(globOf(pattern), value));
		}
	});

	it('arnGlobMatcher', () => {
		for (const pattern of patterns) {
			const matcher = arnGlobMatcher(globOf(pattern));
			for (const value of values) expect(matcher(value), `${pattern} ~ ${value}`).toBe(arnMatches(pattern, value));
		}
	});

	// A pattern with several `*` is matched without backtracking: the answer is the regular expression's, the time linear.
	it('with several wildcards, matches exactly as the regular expression would (seeded random patterns and values)', () => {
		let state = 7;
		const random = (below: number): number => {
			state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
			return state % below;
		};
		const alphabet = ['a', 'b', 'A', ':', '/', '*', '?', '\\', '.'];
		const reference = (pattern: string, ignoreCase: boolean): RegExp => {
			const body = [...pattern].map(char => (char === '*' ? '[\\s\\S]*' : char === '?' ? '[\\s\\S]' : char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
			return new RegExp(`^${body}$`, ignoreCase ? 'iu' : 'u');
		};
		for (let round = 0; round < 3000; round++) {
			const pattern = Array.from({length: 2 + random(8)}, () => alphabet[random(alphabet.length)]!).join('');
			const value = Array.from({length: random(12)}, () => alphabet[random(alphabet.length)]!).join('');
			for (const ignoreCase of [false, true]) {
				expect(globMatch(globOf(pattern), value, {ignoreCase}), `${pattern} ~ ${value}${ignoreCase ? ' (ignoring case)' : ''}`).toBe(reference(pattern, ignoreCase).test(value));
			}
		}
	});

	it('a hostile pattern against a long value answers at once instead of backtracking for minutes', () => {
		expect(globMatch(globOf('*a*a*a*a*a*a*a*b'), 'a'.repeat(20_000))).toBe(false);
		const key = `logs/${'x/'.repeat(5_000)}file.csv`;
		expect(arnGlobMatcher(globOf('arn:aws:s3:::bucket/*/*/*/*/*/*/*/*.parquet'))(`arn:aws:s3:::bucket/${key}`)).toBe(false);
		expect(arnGlobMatcher(globOf('arn:aws:s3:::bucket/*/*/*/*/*/*/*/*.csv'))(`arn:aws:s3:::bucket/${key}`)).toBe(true);
		// Before the fifth colon a wildcard stays in its segment, with several of them too.
		expect(arnGlobMatcher(globOf('arn:aws:*:*:*:key/*'))('arn:aws:kms:eu-west-1:111122223333:key/k')).toBe(true);
		expect(arnGlobMatcher(globOf('arn:aws:k*s:*:*1*:key/*'))('arn:aws:kms:eu-west-1:111122223333:key/k')).toBe(true);
		expect(arnGlobMatcher(globOf('arn:aws:*s*:*:*:key/*'))('arn:aws:kms:eu:west-1:111122223333:key/k')).toBe(false);
	});
});
