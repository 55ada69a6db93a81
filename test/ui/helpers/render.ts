import {EventEmitter} from 'node:events';
import {render as inkRender} from 'ink';
import type {ReactElement} from 'react';

/**
 * ink-testing-library's approach with a terminal size: its stdout has no `rows`, and the wizard budgets
 * lines by rows (and must fit 80×24). Frames come back without ANSI codes, as a user reads them.
 */

// eslint-disable-next-line no-control-regex
const ansi = /\u001B\[[0-9;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007/g;
export const stripAnsi = (text: string): string => text.replace(ansi, '');

class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	frames: string[] = [];
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string): boolean => {
		this.frames.push(frame);
		return true;
	};
}

class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private data: string | null = null;
	write = (data: string): void => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	read = (): string | null => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
	delete: '\u001B[3~',
	home: '\u001B[H',
	end: '\u001B[F',
	ctrlC: '\u0003',
	ctrlD: '\u0004',
	ctrlU: '\u0015',
	pageDown: '\u001B[6~',
} as const;

const tick = (ms = 0): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

export type Rendered = {
	readonly lastFrame: () => string;
	readonly frames: () => readonly string[];
	/** The frames as written to the terminal, escape sequences and all. */
	readonly rawFrames: () => readonly string[];
	/** Write key presses one by one, letting React and Ink settle after each (Esc needs a turn to flush). */
	readonly press: (...sequence: string[]) => Promise<void>;
	/** Write text as one chunk, as a terminal delivers a paste. */
	readonly paste: (text: string) => Promise<void>;
	readonly waitFor: (predicate: (frame: string) => boolean, what: string, timeoutMs?: number) => Promise<string>;
	readonly resize: (columns: number, rows: number) => void;
	readonly unmount: () => void;
	/** What the app ended with (waitUntilExit's value), once it has ended. */
	readonly exited: () => Promise<unknown>;
};

export const renderApp = (tree: ReactElement, size: {columns: number; rows: number} = {columns: 100, rows: 40}): Rendered => {
	const stdout = new FakeStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	const instance = inkRender(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	// Asked for at once: Ink settles only the promise that exists when the app ends.
	const exit = instance.waitUntilExit();
	const lastFrame = (): string => stripAnsi(stdout.frames.at(-1) ?? '');
	// Generous: a busy machine draws late, and a frame that never comes fails all the same.
	const waitFor = async (predicate: (frame: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> => {
		const started = Date.now();
		for (;;) {
			const frame = lastFrame();
			if (predicate(frame)) {
				// Let the commit that drew this frame finish before the test presses the next key.
				await tick(5);
				return frame;
			}
			if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; last frame:\n${frame}`);
			await tick(10);
		}
	};
	return {
		lastFrame,
		frames: () => stdout.frames.map(stripAnsi),
		rawFrames: () => stdout.frames,
		press: async (...sequence) => {
			for (const key of sequence) {
				stdin.write(key);
				await tick(key === keys.escape ? 20 : 5);
			}
			await tick(10);
		},
		paste: async text => {
			stdin.write(text);
			await tick(20);
		},
		waitFor,
		resize: (columns, rows) => {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
		},
		unmount: () => {
			instance.unmount();
			instance.cleanup();
		},
		exited: () => exit,
	};
};

/** Whether any frame drawn so far held the text (a line shown, then scrolled or replaced). */
export const everShown = (rendered: Rendered, text: string): boolean => rendered.frames().some(frame => frame.includes(text));
