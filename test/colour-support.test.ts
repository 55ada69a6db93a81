import {describe, expect, it} from 'vitest';
import {decideColourLevel} from '../source/colour-support.js';

describe('colour in the terminal', () => {
	it('is on in a terminal even when CI=false is set (chalk alone would turn it off)', () => {
		expect(decideColourLevel({CI: 'false', TERM: 'xterm'}, true)).toBe('1');
		expect(decideColourLevel({CI: 'false', TERM: 'xterm-256color'}, true)).toBe('2');
		expect(decideColourLevel({CI: 'false', COLORTERM: 'truecolor'}, true)).toBe('3');
	});

	it('is off with NO_COLOR or TERM=dumb, terminal or not', () => {
		expect(decideColourLevel({NO_COLOR: '1', TERM: 'xterm-256color'}, true)).toBe('0');
		expect(decideColourLevel({TERM: 'dumb'}, true)).toBe('0');
	});

	it("leaves the user's own FORCE_COLOR alone, and a pipe to the library's own rule", () => {
		expect(decideColourLevel({FORCE_COLOR: '0', TERM: 'xterm'}, true)).toBeUndefined();
		expect(decideColourLevel({FORCE_COLOR: '1', NO_COLOR: '1'}, false)).toBeUndefined();
		expect(decideColourLevel({TERM: 'xterm'}, false)).toBeUndefined();
	});

	it('ignores an empty NO_COLOR, as no-color.org says', () => {
		expect(decideColourLevel({NO_COLOR: '', TERM: 'xterm'}, true)).toBe('1');
	});
});
