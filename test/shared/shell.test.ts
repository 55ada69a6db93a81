import {describe, expect, it} from 'vitest';
import {shellQuote, shellWord, shellWords} from '../../source/shared/shell.js';

describe('shellWords: a credential_process line split as the AWS CLI splits it (shlex), with no shell', () => {
	/**
	 * AWS CLI User Guide, "Sourcing credentials with an external process": "If the path or file name contains a
	 * space, surround the complete path and file name with double-quotation marks (" ")." and "If a parameter name
	 * or a parameter value contains a space, surround that element with double-quotation marks (" ")."
	 */
	it("splits AWS's own examples", () => {
		expect(shellWords('/opt/bin/awscreds-custom --username helen')).toEqual({ok: true, value: ['/opt/bin/awscreds-custom', '--username', 'helen']});
		expect(shellWords('"/Users/Dave/path/to/credentials.sh" parameterWithoutSpaces "parameter with spaces"')).toEqual({
			ok: true,
			value: ['/Users/Dave/path/to/credentials.sh', 'parameterWithoutSpaces', 'parameter with spaces'],
		});
	});

	it('reads quotes and backslashes as shlex.split does, and expands nothing', () => {
		expect(shellWords(`a"b c"d 'e f'\\ g ""`)).toEqual({ok: true, value: ['ab cd', 'e f g', '']});
		expect(shellWords('x "a\\"b\\\\c\\d" y\\z')).toEqual({ok: true, value: ['x', 'a"b\\c\\d', 'yz']});
		expect(shellWords('  tool\t--home $HOME ~ ; rm x  ')).toEqual({ok: true, value: ['tool', '--home', '$HOME', '~', ';', 'rm', 'x']});
	});

	it('says what is wrong with a line it cannot split', () => {
		expect(shellWords('tool "unclosed')).toEqual({ok: false, error: 'a double quote is not closed'});
		expect(shellWords("tool 'unclosed")).toEqual({ok: false, error: 'a single quote is not closed'});
		expect(shellWords('tool \\')).toEqual({ok: false, error: 'it ends with a lone backslash'});
	});
});

describe('shellWord: a value in a command written in prose', () => {
	it('stays bare where a shell reads it as it is, and is quoted where it holds anything a shell would act on', () => {
		for (const value of ['arn:aws:iam::111122223333:policy/DenyKms', 'p-examplescp1', 'a_b@c+d=e,f.g%h']) expect(shellWord(value)).toBe(value);
		for (const value of ['x;rm -rf ~', '$(curl evil)', '`id`', "it's", 'a b', '', 'a|b', 'a\nb']) {
			expect(shellWord(value)).toBe(shellQuote(value));
			expect(shellWords(`aws iam get-policy --policy-arn ${shellWord(value)}`)).toEqual({ok: true, value: ['aws', 'iam', 'get-policy', '--policy-arn', value]});
		}
	});
});
