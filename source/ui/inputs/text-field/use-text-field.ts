import {useKeys} from '../../keys/use-keys.js';
import {matches} from '../../keymap.js';
import {useDecision} from '../use-decision.js';
import type {TextFieldState} from './use-text-field-state.js';

export type TextFieldHandlers = {
	readonly validate?: (text: string) => string | undefined;
	readonly onSubmit: (text: string) => void;
	/** Esc, with the text in the field then (the session keeps an unfinished edit). */
	readonly onBack?: (text: string) => void;
	/** `?` in an empty field shows the keys (no answer starts with it); elsewhere it is text. */
	readonly onHelp?: () => void;
};

/** Binds keys to the field; Enter submits only an acceptable value, otherwise the field shows why not. */
export const useTextField = (state: TextFieldState, {validate, onSubmit, onBack, onHelp}: TextFieldHandlers, isActive: boolean): void => {
	useDecision(state.submitted, state.backRequests, onSubmit, onBack && (() => onBack(state.value)));
	useKeys(
		(input, key) => {
			if (onHelp && state.value === '' && matches('help', input, key)) onHelp();
			else if (matches('choose', input, key)) state.submit(validate);
			else if (matches('back', input, key)) state.back();
			else if (matches('cursorLeft', input, key)) state.move('left');
			else if (matches('cursorRight', input, key)) state.move('right');
			else if (matches('lineStart', input, key)) state.move('home');
			else if (matches('lineEnd', input, key)) state.move('end');
			else if (matches('erase', input, key)) state.eraseBack();
			else if (matches('eraseForward', input, key)) state.eraseForward();
			else if (matches('clearField', input, key)) state.clear();
			else if (input.length > 0 && !key.ctrl && !key.meta && !key.upArrow && !key.downArrow && !key.tab) {
				// A line break inside a chunk is Enter typed right after the text (or a pasted line): submit there.
				// Several lines are a pasted document (CLI output): kept on one line, for the question to read.
				const [text = '', ...rest] = input.split(/\r\n|\r|\n/);
				if (rest.some(line => line.trim() !== '')) state.insert(input.split(/\r\n|\r|\n/).map(line => line.trim()).join(' ').trim());
				else {
					if (text !== '') state.insert(text);
					if (rest.length > 0) state.submit(validate);
				}
			}
		},
		{isActive, typing: true},
	);
};
