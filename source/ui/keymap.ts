import type {Key} from 'ink';

/**
 * Every key binding of the wizard, in one place: the views ask `matches('copy', input, key)` and the
 * help overlay lists the same table, so what `?` shows is what the keys do.
 */

export type Binding = {
	/** As shown to people: `↑`, `Enter`, `Ctrl+D`. */
	readonly label: string;
	readonly description: string;
	readonly match: (input: string, key: Key) => boolean;
};

const letter = (character: string) => (input: string, key: Key): boolean => input === character && !key.ctrl && !key.meta;
const ctrl = (character: string) => (input: string, key: Key): boolean => key.ctrl && input === character;

export const keymap = {
	up: {label: '↑', description: 'previous row or option', match: (input, key) => key.upArrow || (key.ctrl && input === 'p')},
	down: {label: '↓', description: 'next row or option', match: (input, key) => key.downArrow || (key.ctrl && input === 'n')},
	pageUp: {label: 'PgUp', description: 'scroll up a page', match: (_input, key) => key.pageUp},
	pageDown: {label: 'PgDn', description: 'scroll down a page', match: (_input, key) => key.pageDown},
	choose: {label: 'Enter', description: 'choose, confirm, open the explanation', match: (_input, key) => key.return},
	back: {label: 'Esc', description: 'back: close the panel, or edit the previous answer', match: (_input, key) => key.escape},
	nextTab: {label: 'Tab →', description: 'next fix view: statement, merged policy, CLI command', match: (_input, key) => (key.tab && !key.shift) || key.rightArrow},
	previousTab: {label: '←', description: 'previous fix view', match: (_input, key) => (key.tab && key.shift) || key.leftArrow},
	verdict: {label: 'v', description: 'the whole verdict: every assumption and finding', match: letter('v')},
	copy: {label: 'c', description: 'copy the fix shown (OSC 52: works over SSH)', match: letter('c')},
	exportReport: {label: 'e', description: 'export the report as Markdown', match: letter('e')},
	saveSnapshot: {label: 's', description: 'save the snapshot (to re-check later or send to support)', match: letter('s')},
	rerun: {label: 'r', description: 're-run the reads (after applying a fix)', match: letter('r')},
	nameCheck: {label: 'n', description: 'name this check, to re-run it with --saved NAME', match: letter('n')},
	writePolicy: {label: 'w', description: "write the fix's policy to a file here, for the short command", match: letter('w')},
	help: {label: '?', description: 'show or hide the keys', match: letter('?')},
	quit: {label: 'q', description: 'quit', match: (input, key) => letter('q')(input, key) || ctrl('c')(input, key)},
	interrupt: {label: 'Ctrl+C', description: 'quit from anywhere, also while typing (exit code 130)', match: ctrl('c')},
	cursorLeft: {label: '←', description: 'move the cursor left', match: (_input, key) => key.leftArrow},
	cursorRight: {label: '→', description: 'move the cursor right', match: (_input, key) => key.rightArrow},
	lineStart: {label: 'Home', description: 'to the start of the line', match: (input, key) => key.home || (key.ctrl && input === 'a')},
	lineEnd: {label: 'End', description: 'to the end of the line', match: (input, key) => key.end || (key.ctrl && input === 'e')},
	// The key router tells Backspace (DEL, which Ink calls `delete`) from the Delete key (ESC [3~).
	erase: {label: 'Backspace', description: 'erase the character before the cursor (at a line start: join it to the line above)', match: (_input, key) => key.backspace},
	eraseForward: {label: 'Delete', description: 'erase the character under the cursor (at a line end: join the next line)', match: (_input, key) => key.delete},
	finishPaste: {label: 'Ctrl+D', description: 'done pasting (Enter also finishes once the text is valid)', match: ctrl('d')},
	clearField: {label: 'Ctrl+U', description: 'clear the field', match: ctrl('u')},
	yes: {label: 'y', description: 'yes', match: (input, key) => letter('y')(input, key) || letter('Y')(input, key)},
	no: {label: 'n', description: 'no', match: (input, key) => letter('n')(input, key) || letter('N')(input, key)},
} as const satisfies Record<string, Binding>;

export type KeyName = keyof typeof keymap;

export const matches = (name: KeyName, input: string, key: Key): boolean => keymap[name].match(input, key);

/** `↑↓ move · Enter explain`: a footer line from bindings and what they do on this screen. */
export const hintLine = (hints: ReadonlyArray<readonly [label: string, what: string]>): string =>
	hints.map(([label, what]) => `${label} ${what}`).join(' · ');

/** The bindings the result screen's help overlay lists, in order. */
export const resultScreenKeys: readonly KeyName[] = ['up', 'down', 'choose', 'verdict', 'back', 'nextTab', 'previousTab', 'pageUp', 'pageDown', 'copy', 'writePolicy', 'exportReport', 'saveSnapshot', 'rerun', 'nameCheck', 'help', 'quit', 'interrupt'];

/** What `?` lists while a question is asked or work runs: where typing owns the letters, q is text and Ctrl+C quits. */
export const conversationKeys = {
	choice: ['up', 'down', 'pageUp', 'pageDown', 'choose', 'back', 'help', 'quit', 'interrupt'],
	text: ['choose', 'cursorLeft', 'cursorRight', 'lineStart', 'lineEnd', 'erase', 'eraseForward', 'clearField', 'back', 'help', 'interrupt'],
	paste: ['choose', 'finishPaste', 'up', 'down', 'cursorLeft', 'cursorRight', 'lineStart', 'lineEnd', 'erase', 'eraseForward', 'clearField', 'back', 'help', 'interrupt'],
	wait: ['back', 'help', 'quit', 'interrupt'],
} as const satisfies Record<string, readonly KeyName[]>;

/** Pairs that read as one line of help: `↑ ↓ previous or next`. */
const pairs: ReadonlyArray<readonly [KeyName, KeyName, string, string]> = [
	['up', 'down', '↑ ↓', 'previous or next row, option or line'],
	['pageUp', 'pageDown', 'PgUp PgDn', 'scroll a page up or down'],
	['nextTab', 'previousTab', 'Tab ← →', 'switch the fix view: statement, merged policy, CLI command'],
	['cursorLeft', 'cursorRight', '← →', 'move the cursor'],
	['lineStart', 'lineEnd', 'Home End', 'to the start or end of the line (also Ctrl+A, Ctrl+E)'],
];

/** Help lines for bindings: pairs merged, and extra words where typing owns the letters. */
export const helpEntries = (names: readonly KeyName[], typing = false): Array<readonly [label: string, description: string]> => {
	const entries: Array<readonly [string, string]> = [];
	for (const name of names) {
		const pair = pairs.find(([first, second]) => (first === name || second === name) && names.includes(first) && names.includes(second));
		if (pair) {
			if (pair[0] === name) entries.push([pair[2], pair[3]]);
			continue;
		}
		const {label, description} = keymap[name];
		entries.push([label, name === 'help' && typing ? `${description} (in an empty field; otherwise ? is text)` : description]);
	}
	return entries;
};
