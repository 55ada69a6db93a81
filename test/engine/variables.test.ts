import {describe, expect, it} from 'vitest';
import {createContextLookup} from '../../source/engine/context.js';
import {globMatch} from '../../source/engine/glob.js';
import {hasVariables, substituteGlob, substituteText} from '../../source/engine/variables.js';

const known = createContextLookup({'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue', 'aws:userid': null, 'odd:value': 'b*?\\'}, 'unknown');

describe('substituteText', () => {
	it('replaces a variable by its key, case-insensitively', () => {
		expect(substituteText('home/${aws:username}/', known)).toEqual({ok: true, value: 'home/alice/'});
		expect(substituteText('home/${AWS:UserName}/', known)).toEqual({ok: true, value: 'home/alice/'});
		expect(substituteText('${aws:PrincipalTag/team}-${aws:username}', known)).toEqual({ok: true, value: 'blue-alice'});
	});

	it('writes ${*}, ${?} and ${$} as the characters themselves', () => {
		expect(substituteText('a${*}b${?}c${$}', known)).toEqual({ok: true, value: 'a*b?c$'});
	});

	it('uses the default of a variable whose key is absent', () => {
		expect(substituteText("${aws:userid, 'anonymous'}", known)).toEqual({ok: true, value: 'anonymous'});
		expect(substituteText("${aws:username, 'anonymous'}", known)).toEqual({ok: true, value: 'alice'});
	});

	it('reports an absent key without a default, and an unknown key, by name', () => {
		expect(substituteText('${aws:userid}', known)).toEqual({ok: false, absentKey: 'aws:userid'});
		expect(substituteText('${aws:SourceIdentity}', known)).toEqual({ok: false, unknownKey: 'aws:SourceIdentity'});
	});

	it('leaves text without variables alone', () => {
		expect(hasVariables('plain $ text {x}')).toBe(false);
		expect(substituteText('plain $ text {x}', known)).toEqual({ok: true, value: 'plain $ text {x}'});
		expect(substituteText('a${b', known)).toEqual({ok: true, value: 'a${b'});
	});
});

describe('substituteGlob', () => {
	const matches = (pattern: string, value: string): boolean => {
		const result = substituteGlob(pattern, known);
		if (!result.ok) throw new Error('not substituted');
		return globMatch(result.value, value);
	};

	it('keeps the written wildcards', () => {
		expect(matches('home/${aws:username}/*', 'home/alice/cv.pdf')).toBe(true);
		expect(matches('home/${aws:username}/*', 'home/bob/cv.pdf')).toBe(false);
	});

	it('makes ${*} and ${?} literal', () => {
		expect(matches('a${*}', 'a*')).toBe(true);
		expect(matches('a${*}', 'abc')).toBe(false);
		expect(matches('a${?}', 'a?')).toBe(true);
		expect(matches('a${?}', 'ab')).toBe(false);
	});

	it('makes wildcards and backslashes in a substituted value literal', () => {
		expect(matches('x/${odd:value}', 'x/b*?\\')).toBe(true);
		expect(matches('x/${odd:value}', 'x/bob?\\')).toBe(false);
	});

	it('keeps a backslash written in the policy literal next to a variable', () => {
		expect(matches('C:\\${aws:username}\\*', 'C:\\alice\\notes')).toBe(true);
		expect(matches('C:\\${aws:username}\\*', 'C:\\alice*')).toBe(false);
	});

	it('reports unknown and absent keys like substituteText', () => {
		expect(substituteGlob('a/${aws:PrincipalTag/missing}', known)).toEqual({ok: false, unknownKey: 'aws:PrincipalTag/missing'});
		expect(substituteGlob('a/${aws:userid}', known)).toEqual({ok: false, absentKey: 'aws:userid'});
	});
});
