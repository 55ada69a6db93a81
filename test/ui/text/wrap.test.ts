import {describe, expect, it} from 'vitest';
import {displayWidth} from '../../../source/shared/display-width.js';
import {truncate} from '../../../source/ui/text/truncate.js';
import {wrapText} from '../../../source/ui/text/wrap.js';

describe('wrapText', () => {
	it('breaks a long ARN after a colon or slash, not in the middle of a word', () => {
		const text = 'Key arn:aws:kms:ap-northeast-1:111122223333:key/111aa2bb-333c-4d44-5555-a111bb2c33dd is disabled';
		const lines = wrapText(text, 40);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
		expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
		expect(lines[0]).toMatch(/^Key arn:aws:kms:ap-northeast-1:[\d:]*$/);
		expect(lines.at(-1)).toMatch(/is disabled$/);
	});

	it('keeps indentation of JSON lines and indents continuation lines', () => {
		expect(wrapText('    "Sid": "Allow"', 80)).toEqual(['    "Sid": "Allow"']);
		const lines = wrapText('one two three four five six', 12, '  ');
		expect(lines).toEqual(['one two', '  three four', '  five six']);
	});

	it('never loops on a width smaller than an indent', () => {
		expect(wrapText('x'.repeat(50), 3).join('')).toBe('x'.repeat(50));
	});

	it('truncates with an ellipsis', () => {
		expect(truncate('abcdef', 4)).toBe('abc…');
		expect(truncate('abc', 4)).toBe('abc');
	});

	it('counts columns as Ink draws them: ⛔ takes two', () => {
		const lines = wrapText('⛔ denied ⛔ denied ⛔ denied ⛔ denied', 20);
		expect(lines).toEqual(['⛔ denied ⛔ denied', '⛔ denied ⛔ denied']);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
		expect(wrapText('⛔⛔⛔⛔⛔⛔⛔⛔⛔⛔⛔⛔', 10).map(displayWidth)).toEqual([10, 10, 4]);
		expect(truncate('⛔ denied by an SCP', 8)).toBe('⛔ deni…');
	});
});
