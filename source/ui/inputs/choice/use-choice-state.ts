import {useReducer} from 'react';
import type {ChoiceOption} from '../../conversation/question.js';

/**
 * Arrow keys move the focus; typing filters the options (type-ahead); the list scrolls to keep the focus
 * in view. Choosing goes through the reducer too: keys that arrive in one chunk (a fast typist, tmux)
 * are handled before React renders again, so a handler must never act on the last render's focus.
 */

type State = {
	readonly filter: string;
	/**
	 * The focused option's value: it survives filtering, and options arriving late (the profiles), when it
	 * still matches. Undefined until the user moves: the default (or first) option of the options as they are now.
	 */
	readonly focused?: string;
	/** First visible row of the filtered list. */
	readonly from: number;
	readonly chosen?: string;
	/** Counts Esc presses that asked to go back; the hook reports each one (at the first question nothing happens). */
	readonly backRequests: number;
};

type Action =
	| {readonly type: 'move'; readonly by: number}
	| {readonly type: 'type'; readonly text: string}
	| {readonly type: 'erase'}
	| {readonly type: 'choose'; readonly value?: string}
	| {readonly type: 'escape'};

export const matchesFilter = (option: ChoiceOption, filter: string): boolean => {
	const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
	const text = `${option.label} ${option.hint ?? ''}`.toLowerCase();
	return words.every(word => text.includes(word));
};

const keepInView = (index: number, from: number, visibleCount: number): number => {
	if (index < from) return index;
	if (index >= from + visibleCount) return index - visibleCount + 1;
	return from;
};

/** What has the focus: the user's pick, else the default while it is offered, else the first option. */
const focusOf = (state: State, options: readonly ChoiceOption[], defaultValue: string | undefined): string | undefined =>
	state.focused ?? (options.some(option => option.value === defaultValue) ? defaultValue : options[0]?.value);

const createReducer =
	(options: readonly ChoiceOption[], defaultValue: string | undefined, visibleCount: number) =>
	(state: State, action: Action): State => {
		if (state.chosen !== undefined) return state;
		const values = options.filter(option => matchesFilter(option, state.filter)).map(option => option.value);
		const focused = focusOf(state, options, defaultValue);
		switch (action.type) {
			case 'move': {
				if (values.length === 0) return state;
				const current = Math.max(values.indexOf(focused ?? ''), 0);
				const index = Math.min(Math.max(current + action.by, 0), values.length - 1);
				return {...state, focused: values[index], from: keepInView(index, state.from, visibleCount)};
			}
			case 'type':
			case 'erase': {
				const filter = action.type === 'erase' ? state.filter.slice(0, -1) : state.filter + action.text;
				const matching = options.filter(option => matchesFilter(option, filter)).map(option => option.value);
				const stillThere = focused !== undefined && matching.includes(focused);
				return {...state, filter, focused: stillThere ? focused : matching[0], from: 0};
			}
			case 'choose': {
				const value = action.value ?? (values.includes(focused ?? '') ? focused : values[0]);
				return value === undefined ? state : {...state, chosen: value};
			}
			case 'escape':
				return state.filter === '' ? {...state, backRequests: state.backRequests + 1} : {...state, filter: '', from: 0};
		}
	};

export type ChoiceState = ReturnType<typeof useChoiceState>;

export const useChoiceState = ({options, defaultValue, visibleCount}: {readonly options: readonly ChoiceOption[]; readonly defaultValue?: string; readonly visibleCount: number}) => {
	// React runs actions through the reducer of the latest render, so options that arrive late (the
	// profiles) are seen by every key pressed after they are drawn.
	const [state, dispatch] = useReducer(createReducer(options, defaultValue, visibleCount), undefined, (): State => {
		const start = Math.max(options.findIndex(option => option.value === defaultValue), 0);
		return {filter: '', from: keepInView(start, 0, visibleCount), backRequests: 0};
	});
	const filtered = options.filter(option => matchesFilter(option, state.filter));
	const focused = focusOf(state, options, defaultValue);
	const focusedIndex = Math.max(
		filtered.findIndex(option => option.value === focused),
		0,
	);
	// A resize can shrink the window below the focus: keep the focus visible without a state change.
	const from = keepInView(focusedIndex, Math.min(state.from, Math.max(filtered.length - visibleCount, 0)), visibleCount);
	return {
		filter: state.filter,
		filtered,
		focusedOption: filtered[focusedIndex],
		chosen: state.chosen === undefined ? undefined : options.find(option => option.value === state.chosen),
		backRequests: state.backRequests,
		visible: filtered.slice(from, from + visibleCount),
		hiddenAbove: from,
		hiddenBelow: Math.max(filtered.length - from - visibleCount, 0),
		move: (by: number) => dispatch({type: 'move', by}),
		type: (text: string) => dispatch({type: 'type', text}),
		erase: () => dispatch({type: 'erase'}),
		choose: (value?: string) => dispatch(value === undefined ? {type: 'choose'} : {type: 'choose', value}),
		escape: () => dispatch({type: 'escape'}),
	};
};
