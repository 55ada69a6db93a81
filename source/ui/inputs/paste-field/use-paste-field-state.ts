import {useReducer} from 'react';
import type {PasteCheck} from '../../conversation/question.js';

/**
 * A multi-line text being pasted: text is only ever added at the end (a paste arrives in chunks, each
 * with its line breaks as `\r`), Backspace takes the last character back, Ctrl+U starts over. Enter
 * finishes once the text is acceptable, decided here so it always sees the latest text.
 */

type State = {
	readonly text: string;
	/** Set when the user asked to finish while the text was not acceptable: the problem is then shown loudly. */
	readonly insisted: boolean;
	readonly submitted?: string;
	/** Counts Esc presses; the hook reports each one. */
	readonly backRequests: number;
};

type Check = (text: string) => PasteCheck;

type Action =
	| {readonly type: 'append'; readonly text: string}
	| {readonly type: 'erase'}
	| {readonly type: 'clear'}
	| {readonly type: 'enter'; readonly check: Check}
	| {readonly type: 'finish'; readonly check: Check}
	| {readonly type: 'back'};

const bracketedPasteMarks = ['\u001B[200~', '\u001B[201~'];

/** Terminals send Enter as `\r`; tmux and some terminals send pasted line breaks the same way. */
export const normaliseLineBreaks = (text: string): string =>
	bracketedPasteMarks
		.reduce((result, mark) => result.split(mark).join(''), text)
		.replace(/\r\n|\r/g, '\n');

const acceptable = (text: string, check: Check): boolean => text.trim() !== '' && check(text.trim()).ok;

const reducer = (state: State, action: Action): State => {
	if (state.submitted !== undefined) return state;
	switch (action.type) {
		case 'append':
			return {...state, text: state.text + normaliseLineBreaks(action.text), insisted: false};
		case 'erase':
			return {...state, text: state.text.slice(0, -1), insisted: false};
		case 'clear':
			return {...state, text: '', insisted: false};
		case 'enter':
			return acceptable(state.text, action.check) ? {...state, submitted: state.text.trim()} : {...state, text: `${state.text}\n`};
		case 'finish':
			return acceptable(state.text, action.check) ? {...state, submitted: state.text.trim()} : {...state, insisted: true};
		case 'back':
			return {...state, backRequests: state.backRequests + 1};
	}
};

export type PasteFieldState = ReturnType<typeof usePasteFieldState>;

export const usePasteFieldState = (initial: string) => {
	const [state, dispatch] = useReducer(reducer, {text: normaliseLineBreaks(initial), insisted: false, backRequests: 0});
	return {
		...state,
		append: (text: string) => dispatch({type: 'append', text}),
		erase: () => dispatch({type: 'erase'}),
		clear: () => dispatch({type: 'clear'}),
		enter: (check: Check) => dispatch({type: 'enter', check}),
		finish: (check: Check) => dispatch({type: 'finish', check}),
		back: () => dispatch({type: 'back'}),
	};
};
