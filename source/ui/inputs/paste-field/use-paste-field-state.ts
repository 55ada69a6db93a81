import {useReducer} from 'react';
import type {PasteCheck} from '../../conversation/question.js';
import {editorOf, eraseBack, eraseForward, insert, move, type Editor, type Movement} from './editor.js';

/**
 * A multi-line text being pasted or typed, with a cursor (editor.ts): a paste is inserted whole where the
 * cursor is, Backspace and Delete work across lines, the arrows, Home and End move, Ctrl+U starts over.
 * Enter finishes once the text is acceptable, decided here so it always sees the latest text.
 */

type State = Editor & {
	/** Set when the user asked to finish while the text was not acceptable: the problem is then shown loudly. */
	readonly insisted: boolean;
	readonly submitted?: string;
	/** Counts Esc presses; the hook reports each one. */
	readonly backRequests: number;
};

type Check = (text: string) => PasteCheck;

type Action =
	| {readonly type: 'insert'; readonly text: string}
	| {readonly type: 'erase'}
	| {readonly type: 'erase-forward'}
	| {readonly type: 'move'; readonly movement: Movement}
	| {readonly type: 'clear'}
	| {readonly type: 'enter'; readonly check: Check}
	| {readonly type: 'finish'; readonly check: Check}
	| {readonly type: 'back'};

const acceptable = (text: string, check: Check): boolean => text.trim() !== '' && check(text.trim()).ok;

const edited = (state: State, editor: Editor): State => ({...state, ...editor, insisted: false});

const reducer = (state: State, action: Action): State => {
	if (state.submitted !== undefined) return state;
	switch (action.type) {
		case 'insert':
			return edited(state, insert(state, action.text));
		case 'erase':
			return edited(state, eraseBack(state));
		case 'erase-forward':
			return edited(state, eraseForward(state));
		case 'move':
			return {...state, ...move(state, action.movement)};
		case 'clear':
			return edited(state, {text: '', cursor: 0});
		case 'enter':
			return acceptable(state.text, action.check) ? {...state, submitted: state.text.trim()} : edited(state, insert(state, '\n'));
		case 'finish':
			return acceptable(state.text, action.check) ? {...state, submitted: state.text.trim()} : {...state, insisted: true};
		case 'back':
			return {...state, backRequests: state.backRequests + 1};
	}
};

export type PasteFieldState = ReturnType<typeof usePasteFieldState>;

export const usePasteFieldState = (initial: string) => {
	const [state, dispatch] = useReducer(reducer, {...editorOf(initial), insisted: false, backRequests: 0});
	return {
		...state,
		insert: (text: string) => dispatch({type: 'insert', text}),
		erase: () => dispatch({type: 'erase'}),
		eraseForward: () => dispatch({type: 'erase-forward'}),
		move: (movement: Movement) => dispatch({type: 'move', movement}),
		clear: () => dispatch({type: 'clear'}),
		enter: (check: Check) => dispatch({type: 'enter', check}),
		finish: (check: Check) => dispatch({type: 'finish', check}),
		back: () => dispatch({type: 'back'}),
	};
};
