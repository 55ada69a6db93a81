import type {ReadState} from './services.js';

/**
 * Colours and symbols of the wizard, in one place (the marks of a diagnosis come from report/marks.ts,
 * shared with the text and Markdown reports). Colour only ever repeats what a symbol already says,
 * so with NO_COLOR (mapped to FORCE_COLOR=0 in environment.ts, which Ink's chalk honours) nothing is lost.
 */

export type Colour = 'green' | 'red' | 'yellow' | 'cyan' | 'gray' | 'magenta' | 'blue';

/** Read once: environment.ts sets FORCE_COLOR before anything imports the UI. */
export const colourless = process.env['FORCE_COLOR'] === '0';

export const theme = {
	accent: 'cyan',
	muted: 'gray',
	success: 'green',
	failure: 'red',
	warning: 'yellow',
	/** The row or option the arrow keys are on. */
	pointer: '›',
	/** The gutter beside the statement that decided. */
	gutter: '┃',
	/** The text cursor: inverse video, or a visible bar when colours (and so inverse) are off. */
	cursorBar: '▏',
	question: '?',
	answered: '✔',
	note: '•',
} as const;

export const readMark: Readonly<Record<ReadState, string>> = {running: '…', ok: '✔', unknown: '?', failed: '✘'};
export const readColour: Readonly<Record<ReadState, Colour>> = {running: 'cyan', ok: 'green', unknown: 'yellow', failed: 'red'};
