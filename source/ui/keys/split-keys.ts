import type {Key} from 'ink';

/**
 * Several keys can arrive in one read (a fast Tab Tab, tmux sending keys at once, Backspace held down),
 * and Ink reports such a chunk as one unparsed string: `\t\t` is neither Tab nor text. Here a chunk
 * becomes the key presses it holds. Text stays together (a paste, fast typing) for the fields that type;
 * screens whose letters are commands get short text one character at a time.
 */

export type KeyPress = {readonly input: string; readonly key: Key};

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** Text longer than this arriving at once is a paste, never a string of commands. */
export const longestKeyBurst = 16;

const isPrintable = (character: string): boolean => character >= ' ' && character !== '\u007F';
/** Line breaks and tabs belong to pasted text; alone they are keys. */
const isTextControl = (character: string): boolean => character === '\r' || character === '\n' || character === '\t';

/** One character as Ink reports it alone (Backspace and Delete told apart, see `withEraseKeys`). */
export const keyOfCharacter = (character: string): KeyPress => {
	switch (character) {
		case '\r':
			return {input: '\r', key: {...noKey, return: true}};
		case '\t':
			return {input: '', key: {...noKey, tab: true}};
		case '\u007F':
		case '\b':
			return {input: '', key: {...noKey, backspace: true}};
		case '\u001B':
			return {input: '', key: {...noKey, escape: true, meta: true}};
		default:
			if (character < ' ' && character !== '\n') return {input: String.fromCharCode(character.charCodeAt(0) + 96), key: {...noKey, ctrl: true}};
			return {input: character, key: {...noKey, shift: /^[A-Z]$/.test(character)}};
	}
};

/**
 * Ink names DEL (what Backspace sends) `delete`, like the real Delete key (`ESC [3~`): from the chunk
 * itself, Backspace erases backwards and Delete forwards.
 */
export const withEraseKeys = (chunk: string, press: KeyPress): KeyPress => {
	if (chunk === '\u007F' || chunk === '\b') return {input: '', key: {...press.key, backspace: true, delete: false}};
	// eslint-disable-next-line no-control-regex -- the Delete key's escape sequence is what this recognises.
	if (/^\u001B\[3(;\d+)?~$/.test(chunk)) return {input: '', key: {...press.key, backspace: false, delete: true}};
	return press;
};

/** A chunk without an escape sequence (Ink splits those off) as key presses; text runs stay whole. */
export const splitChunk = (chunk: string): readonly KeyPress[] => {
	const characters = [...chunk];
	if (!characters.some(isPrintable)) return characters.map(keyOfCharacter);
	const presses: KeyPress[] = [];
	let text = '';
	const flush = (): void => {
		if (text !== '') presses.push(text.length === 1 ? keyOfCharacter(text) : {input: text, key: noKey});
		text = '';
	};
	for (const character of characters) {
		if (isPrintable(character) || isTextControl(character)) text += character;
		else {
			flush();
			presses.push(keyOfCharacter(character));
		}
	}
	flush();
	return presses;
};

/** For screens whose letters are commands: a short run of text is that many key presses. */
export const oneKeyAtATime = (press: KeyPress): readonly KeyPress[] => {
	const characters = [...press.input];
	if (characters.length <= 1 || characters.length > longestKeyBurst || press.key.ctrl || press.key.meta) return [press];
	return characters.map(keyOfCharacter);
};

/** What one Ink input event holds: the key Ink parsed, or, for a chunk of several keys, each of them. */
export const keyPresses = (chunk: string | undefined, input: string, key: Key): readonly KeyPress[] => {
	if (chunk === undefined || chunk.startsWith('\u001B') || [...chunk].length <= 1) return [withEraseKeys(chunk ?? input, {input, key})];
	return splitChunk(chunk);
};
