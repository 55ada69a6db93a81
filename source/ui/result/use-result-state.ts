import {useReducer} from 'react';
import {fixTabs, type FixTab} from './detail-lines.js';

/** The result screen's state: which row, table, explanation or the whole verdict, which fix view, scroll, dialogs, the last notice. */

export type Dialog =
	| {readonly kind: 'none'}
	| {readonly kind: 'help'}
	| {readonly kind: 'file'; readonly purpose: 'report' | 'snapshot'}
	| {readonly kind: 'name-check'};

export type Notice = {readonly tone: 'success' | 'failure' | 'info'; readonly text: string};

export type ResultState = {
	readonly selected: number;
	readonly view: 'table' | 'detail' | 'verdict';
	readonly tab: FixTab;
	/** First line shown of the explanation's or the verdict's panel. */
	readonly scroll: number;
	readonly dialog: Dialog;
	readonly notice?: Notice;
};

export type ResultAction =
	| {readonly type: 'move'; readonly by: number; readonly rowCount: number}
	| {readonly type: 'open'}
	| {readonly type: 'open-verdict'}
	| {readonly type: 'close'}
	| {readonly type: 'tab'; readonly by: number}
	| {readonly type: 'scroll'; readonly by: number; readonly maximum: number}
	| {readonly type: 'dialog'; readonly dialog: Dialog}
	| {readonly type: 'notice'; readonly notice: Notice};

/** A notice is about what was just done: the next step on the screen clears it. */
const withoutNotice = (state: ResultState): ResultState => {
	const {notice: _notice, ...rest} = state;
	return rest;
};

export const resultReducer = (current: ResultState, action: ResultAction): ResultState => {
	const state = action.type === 'notice' ? current : withoutNotice(current);
	switch (action.type) {
		case 'move': {
			const selected = Math.min(Math.max(state.selected + action.by, 0), Math.max(action.rowCount - 1, 0));
			return {...state, selected, scroll: 0};
		}
		case 'open':
			return {...state, view: 'detail', scroll: 0};
		case 'open-verdict':
			return {...state, view: 'verdict', scroll: 0};
		case 'close':
			return {...state, view: 'table', scroll: 0};
		case 'tab': {
			const index = (fixTabs.indexOf(state.tab) + action.by + fixTabs.length) % fixTabs.length;
			return {...state, tab: fixTabs[index]!};
		}
		case 'scroll':
			return {...state, scroll: Math.min(Math.max(state.scroll + action.by, 0), Math.max(action.maximum, 0))};
		case 'dialog':
			return {...state, dialog: action.dialog};
		case 'notice':
			return {...state, notice: action.notice, dialog: {kind: 'none'}};
	}
};

export const useResultState = (firstRow: number) => {
	const [state, dispatch] = useReducer(resultReducer, {selected: firstRow, view: 'table', tab: 'statement', scroll: 0, dialog: {kind: 'none'}});
	return {state, dispatch};
};
