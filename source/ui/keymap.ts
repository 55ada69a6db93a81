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
	copy: {label: 'c', description: 'copy the fix shown (OSC 52: works over SSH)', match: letter('c')},
	exportReport: {label: 'e', description: 'export the report as Markdown', match: letter('e')},
	saveSnapshot: {label: 's', description: 'save the snapshot (to re-check later or send to support)', match: letter('s')},
	rerun: {label: 'r', description: 're-run the reads (after applying a fix)', match: letter('r')},
	nameCheck: {label: 'n', description: 'name this check, to re-run it with --saved NAME', match: letter('n')},
	help: {label: '?', description: 'show or hide the keys', match: letter('?')},
	quit: {label: 'q', description: 'quit', match: (input, key) => letter('q')(input, key) || ctrl('c')(input, key)},
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
export const resultScreenKeys: readonly KeyName[] = ['up', 'down', 'choose', 'back', 'nextTab', 'previousTab', 'pageUp', 'pageDown', 'copy', 'exportReport', 'saveSnapshot', 'rerun', 'nameCheck', 'help', 'quit'];
