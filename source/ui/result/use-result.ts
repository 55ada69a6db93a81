import {useKeys} from '../keys/use-keys.js';
import {matches} from '../keymap.js';
import type {ResultAction, ResultState} from './use-result-state.js';

export type ResultCommands = {
	readonly rowCount: number;
	/** Lines the explanation can scroll, and a page of them. */
	readonly scrollMaximum: number;
	readonly page: number;
	readonly copy: () => void;
	/** Write the shown fix's policy to a file in the current folder. */
	readonly writePolicy: () => void;
	readonly rerun: () => void;
	readonly nameCheck: () => void;
	readonly back: () => void;
	readonly quit: () => void;
};

/** Binds the result screen's keys (see keymap.ts) to its reducer and commands; inactive while a dialog asks. */
export const useResult = (state: ResultState, dispatch: (action: ResultAction) => void, commands: ResultCommands): void => {
	const {dialog, view} = state;
	useKeys(
		(input, key) => {
			if (dialog.kind === 'help') {
				if (matches('help', input, key) || matches('back', input, key)) dispatch({type: 'dialog', dialog: {kind: 'none'}});
				else if (matches('quit', input, key)) commands.quit();
				return;
			}
			if (matches('quit', input, key)) commands.quit();
			else if (matches('help', input, key)) dispatch({type: 'dialog', dialog: {kind: 'help'}});
			else if (view !== 'verdict' && matches('copy', input, key)) commands.copy();
			else if (view === 'detail' && matches('writePolicy', input, key)) commands.writePolicy();
			else if (matches('exportReport', input, key)) dispatch({type: 'dialog', dialog: {kind: 'file', purpose: 'report'}});
			else if (matches('saveSnapshot', input, key)) dispatch({type: 'dialog', dialog: {kind: 'file', purpose: 'snapshot'}});
			else if (matches('rerun', input, key)) commands.rerun();
			else if (matches('nameCheck', input, key)) commands.nameCheck();
			else if (view === 'table') {
				if (matches('up', input, key)) dispatch({type: 'move', by: -1, rowCount: commands.rowCount});
				else if (matches('down', input, key)) dispatch({type: 'move', by: 1, rowCount: commands.rowCount});
				else if (matches('choose', input, key)) dispatch({type: 'open'});
				else if (matches('verdict', input, key)) dispatch({type: 'open-verdict'});
				else if (matches('back', input, key)) commands.back();
			} else {
				if (matches('up', input, key)) dispatch({type: 'scroll', by: -1, maximum: commands.scrollMaximum});
				else if (matches('down', input, key)) dispatch({type: 'scroll', by: 1, maximum: commands.scrollMaximum});
				else if (matches('pageUp', input, key)) dispatch({type: 'scroll', by: -commands.page, maximum: commands.scrollMaximum});
				else if (matches('pageDown', input, key)) dispatch({type: 'scroll', by: commands.page, maximum: commands.scrollMaximum});
				else if (view === 'detail' && matches('nextTab', input, key)) dispatch({type: 'tab', by: 1});
				else if (view === 'detail' && matches('previousTab', input, key)) dispatch({type: 'tab', by: -1});
				else if (matches('back', input, key) || matches('choose', input, key) || (view === 'verdict' && matches('verdict', input, key))) dispatch({type: 'close'});
			}
		},
		{isActive: dialog.kind === 'none' || dialog.kind === 'help'},
	);
};
