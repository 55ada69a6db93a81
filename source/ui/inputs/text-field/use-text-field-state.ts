import {useReducer} from 'react';

/**
 * A one-line editable value with a cursor, and the problem found when it was last submitted. Submitting
 * is decided in the reducer, so text and Enter arriving in one chunk submit the whole text.
 */

type State = {
	readonly value: string;
	readonly cursor: number;
	readonly problem?: string;
	readonly submitted?: string;
	/** Counts Esc presses; the hook reports each one. */
	readonly backRequests: number;
};

type Action =
	| {readonly type: 'insert'; readonly text: string}
	| {readonly type: 'erase-back'}
	| {readonly type: 'erase-forward'}
	| {readonly type: 'move'; readonly to: 'left' | 'right' | 'home' | 'end'}
	| {readonly type: 'clear'}
	| {readonly type: 'submit'; readonly validate?: (text: string) => string | undefined}
	| {readonly type: 'back'};

const reducer = (state: State, action: Action): State => {
	if (state.submitted !== undefined) return state;
	const {value, cursor} = state;
	switch (action.type) {
		case 'insert': {
			const text = action.text.replace(/\t/g, ' ');
			return {...state, value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length, problem: undefined};
		}
		case 'erase-back':
			if (cursor === 0) return state;
			return {...state, value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1, problem: undefined};
		case 'erase-forward':
			if (cursor === value.length) return state;
			return {...state, value: value.slice(0, cursor) + value.slice(cursor + 1), problem: undefined};
		case 'move': {
			const to = {left: cursor - 1, right: cursor + 1, home: 0, end: value.length}[action.to];
			return {...state, cursor: Math.min(Math.max(to, 0), value.length)};
		}
		case 'clear':
			return {...state, value: '', cursor: 0, problem: undefined};
		case 'submit': {
			const text = value.trim();
			const problem = action.validate?.(text);
			return problem === undefined ? {...state, submitted: text} : {...state, problem};
		}
		case 'back':
			return {...state, backRequests: state.backRequests + 1};
	}
};

export type TextFieldState = ReturnType<typeof useTextFieldState>;

export const useTextFieldState = (initial: string) => {
	const [state, dispatch] = useReducer(reducer, {value: initial, cursor: initial.length, backRequests: 0});
	return {
		...state,
		insert: (text: string) => dispatch({type: 'insert', text}),
		eraseBack: () => dispatch({type: 'erase-back'}),
		eraseForward: () => dispatch({type: 'erase-forward'}),
		move: (to: 'left' | 'right' | 'home' | 'end') => dispatch({type: 'move', to}),
		clear: () => dispatch({type: 'clear'}),
		submit: (validate?: (text: string) => string | undefined) => dispatch(validate ? {type: 'submit', validate} : {type: 'submit'}),
		back: () => dispatch({type: 'back'}),
	};
};
