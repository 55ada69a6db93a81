import {describe, expect, it} from 'vitest';
import {clipboardSequences, osc52} from '../../source/ui/clipboard.js';

describe('OSC 52', () => {
	it('puts the text, base64-encoded, in the clipboard sequence', () => {
		const sequence = osc52('aws kms put-key-policy …');
		expect(sequence.startsWith('\u001B]52;c;')).toBe(true);
		expect(sequence.endsWith('\u0007')).toBe(true);
		expect(Buffer.from(sequence.slice(7, -1), 'base64').toString('utf8')).toBe('aws kms put-key-policy …');
	});

	it('also wraps it for tmux passthrough inside tmux', () => {
		expect(clipboardSequences('x', false)).toBe(osc52('x'));
		const inTmux = clipboardSequences('x', true);
		expect(inTmux.startsWith(osc52('x'))).toBe(true);
		expect(inTmux).toContain('\u001BPtmux;\u001B\u001B]52;c;');
		expect(inTmux.endsWith('\u001B\\')).toBe(true);
	});
});
