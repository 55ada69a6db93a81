import {describe, expect, it} from 'vitest';
import {code, prose, table} from '../../source/report/markdown.js';
import {shellQuote} from '../../source/shared/shell.js';
import {commandWithheldWords, shownCommandIsExact, unsafeCharacterCount, visible, visibleDeep, visibleDiagnosis, visibleJson, visibleText} from '../../source/report/sanitize.js';

const osc52 = 'A\u001b]52;c;ZWNobyBwd25lZA==\u0007B';

describe('visible', () => {
	it('shows C0, DEL and C1 controls as JSON escapes', () => {
		expect(visible(osc52)).toBe('A\\u001b]52;c;ZWNobyBwd25lZA==\\u0007B');
		expect(visible('ok\r✔ ALLOWED\nnext\tcol')).toBe('ok\\r✔ ALLOWED\\nnext\\tcol');
		expect(visible('del\u007f csi\u009b2J nel\u0085')).toBe('del\\u007f csi\\u009b2J nel\\u0085');
	});

	it('shows bidi controls and zero-width characters', () => {
		expect(visible('invoice\u202Efdp.exe')).toBe('invoice\\u202efdp.exe');
		for (const character of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C', '\u200E', '\u2060', '\uFEFF']) {
			expect(visible(`a${character}b`), character.codePointAt(0)!.toString(16)).toMatch(/^a\\u[0-9a-f]{4}b$/);
		}
		// Tag characters spell hidden ASCII unless they close a flag.
		expect(visible('x\u{E0041}y')).toBe('x\\udb40\\udc41y');
	});

	it('keeps legitimate emoji sequences, accents and other scripts as they are', () => {
		for (const text of ['👩‍💻 dev', '👨‍👩‍👧', '🏳️‍🌈', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', 'café', 'Größe', 'データ', 'مرحبا']) {
			expect(visible(text)).toBe(text);
		}
		// A joiner between letters is not part of an emoji: shown.
		expect(visible('a\u200Db')).toBe('a\\u200db');
	});

	it('is idempotent, and its escapes inside JSON mean the original characters', () => {
		expect(visible(visible(osc52))).toBe(visible(osc52));
		const policy = {Statement: [{Sid: osc52, Condition: {StringEquals: {'s3:prefix\u202E': 'x\u0085\u200B'}}}]};
		const shown = visibleJson(policy);
		expect([...shown].filter(character => character !== '\n' && visible(character) !== character)).toEqual([]);
		expect(JSON.parse(shown)).toEqual(policy);
	});

	it('maps every string and key of a value, copying only what changed, and counts what it would show', () => {
		const clean = {a: ['x', {b: 'y'}]};
		expect(visibleDeep(clean)).toBe(clean);
		expect(visibleDeep({['k\u001b']: ['v\u0007'], keep: {statement: 's\u001b'}}, new Set(['statement']))).toEqual({'k\\u001b': ['v\\u0007'], keep: {statement: 's\u001b'}});
		expect(unsafeCharacterCount({Statement: [{Sid: osc52, ['x\u202e']: 1}]})).toBe(3);
		expect(unsafeCharacterCount({Statement: [{Sid: '👩‍💻'}]})).toBe(0);
	});
});

describe('markdown escaping of customer values', () => {
	it('keeps a value on its line and out of block syntax', () => {
		expect(prose('x\n# heading\n<script>alert(1)</script>')).toBe('x\\\\n# heading\\\\n&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(prose('# not a heading')).toBe('\\# not a heading');
		expect(prose('> quote')).toBe('&gt; quote');
		expect(prose('- item')).toBe('\\- item');
		expect(prose('1. item')).toBe('1\\. item');
		expect(prose('    indented code')).toBe('&#32;&#32;&#32;&#32;indented code');
		expect(prose('| a | b |')).toBe('\\| a | b |');
	});

	it('leaves no link, autolink or entity', () => {
		expect(prose('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
		expect(prose('see https://evil.example and www.evil.example')).toBe('see https\\://evil.example and www\\.evil.example');
		expect(prose('&#x1b; &lt;')).toBe('&amp;#x1b; &amp;lt;');
		// IAM names may hold `_` and `.`; GFM still links `www.` and `https:` after an underscore.
		expect(prose('ops_www.evil.example')).toBe('ops_www\\.evil.example');
		expect(prose('a_https://evil.example')).toBe('a_https\\://evil.example');
	});

	it("keeps a code span's edge spaces, and says an empty value is empty", () => {
		expect(code(' key ')).toBe('`  key  `');
		expect(code('trailing ')).toBe('` trailing  `');
		expect(code('  ')).toBe('`  `');
		expect(code('')).toBe('*(empty)*');
	});

	it('keeps code spans and table rows intact whatever the value holds', () => {
		expect(code('a\rb`c')).toBe('``a\\rb`c``');
		const rows = table(['A', 'B'], [[code('x|y\r\nz'), prose('p\rq')]]);
		expect(rows).toEqual(['| A | B |', '|---|---|', String.raw`| ${'`'}x\|y\r\nz${'`'} | p\\rq |`]);
	});
});

describe('visibleDiagnosis', () => {
	it("shows an assumption's statement escaped (prose that may quote an object key), and keeps a fix's statement exact", () => {
		const fixStatement = {Sid: osc52, Effect: 'Allow'};
		const diagnosis = {
			assumptions: [{id: 'object-owned-by-bucket-owner', statement: `the object read is owned by the bucket's account (s3:GetObjectAcl on arn:aws:s3:::b/${osc52})`}],
			fixes: [{statement: fixStatement}],
		};
		const shown = visibleDiagnosis(diagnosis);
		expect(shown.assumptions[0]!.statement).toBe("the object read is owned by the bucket's account (s3:GetObjectAcl on arn:aws:s3:::b/A\\u001b]52;c;ZWNobyBwd25lZA==\\u0007B)");
		expect(shown.fixes[0]!.statement).toBe(fixStatement);
		const clean = {assumptions: [{id: 'https', statement: 'aws:SecureTransport is true'}]};
		expect(visibleDiagnosis(clean)).toBe(clean);
	});
});

describe('shownCommandIsExact', () => {
	it('a policy whose Sid holds a bidi control or a line break is still the exact policy once shown: JSON reads the escapes back', () => {
		const command = `aws s3api put-bucket-policy --bucket b --policy ${shellQuote(JSON.stringify({Statement: [{Sid: 'A\u202eB\u0085', Effect: 'Allow'}]}))}`;
		expect(visible(command)).not.toBe(command);
		expect(shownCommandIsExact(command)).toBe(true);
	});

	it('an object key holding a line break, a carriage return or a bidi control is not: the shell reads `\\n` as two characters', () => {
		for (const key of ['a\nb', 'a\rb', 'invoice\u202efdp']) expect(shownCommandIsExact(`aws s3 cp f ${shellQuote(`s3://b/${key}`)}`)).toBe(false);
		expect(shownCommandIsExact(`aws s3 cp f ${shellQuote('s3://b/reports/é 日本.csv')}`)).toBe(true);
	});
});

describe('visibleText: a command written in a sentence', () => {
	const aclRead = (key: string): string => `s3:GetObjectAcl on arn:aws:s3:::b/${key} (aws s3api get-object-acl --bucket ${shellQuote('b')} --key ${shellQuote(key)})`;

	it('is withheld where a value in it holds a control character: shown escaped, the key would be another object', () => {
		expect(visibleText(aclRead('in/a\nb'))).toBe(`s3:GetObjectAcl on arn:aws:s3:::b/in/a\\nb (${commandWithheldWords})`);
		expect(visibleText(aclRead(`x${osc52}`))).not.toContain('get-object-acl');
	});

	it('is kept whole where shown it is still the exact command', () => {
		expect(visibleText(aclRead('reports/é 日本.csv'))).toBe(aclRead('reports/é 日本.csv'));
		// A policy's JSON reads its escapes back as the same characters.
		const put = `aws s3api put-bucket-policy --bucket 'b' --policy ${shellQuote(JSON.stringify({Statement: [{Sid: osc52}]}))}`;
		expect(visibleText(put)).toBe(visible(put));
	});

	it('a sentence with no command is made visible as any text', () => {
		expect(visibleText(`the key (${osc52})`)).toBe(visible(`the key (${osc52})`));
	});

	it('visibleDiagnosis withholds it in a requirement and an unknown, keeping a fix command for commandsNotShownExactly', () => {
		const resolveWith = aclRead('a\rb');
		const command = `aws s3 cp ${shellQuote('s3://b/a\rb')} ${shellQuote('s3://b/a\rb')}`;
		const shown = visibleDiagnosis({requirements: [{resolveWith}], unknowns: [{what: 'the bucket policy', reason: 'r', resolveWith}], fixes: [{command}]});
		expect(shown.requirements[0]!.resolveWith).toContain(commandWithheldWords);
		expect(shown.unknowns[0]!.resolveWith).toContain(commandWithheldWords);
		expect(shown.fixes[0]!.command).toBe(visible(command));
	});
});
