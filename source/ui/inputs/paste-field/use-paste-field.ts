import {useKeys} from '../../keys/use-keys.js';
import type {PasteCheck} from '../../conversation/question.js';
import {matches} from '../../keymap.js';
import {useDecision} from '../use-decision.js';
import type {PasteFieldState} from './use-paste-field-state.js';

export type PasteFieldHandlers = {
	readonly onSubmit: (text: string) => void;
	/** Esc, with the text in the field then (the session keeps an unfinished paste). */
	readonly onBack?: (text: string) => void;
	/** `?` in an empty field shows the keys (no paste starts with it); elsewhere it is text. */
	readonly onHelp?: () => void;
};

/**
 * Enter finishes once the text is acceptable and otherwise starts a new line (people also type JSON);
 * Ctrl+D finishes now, or says why it cannot. Arrows, Home and End move the cursor; Backspace and
 * Delete erase either way, across lines.
 */
export const usePasteField = (state: PasteFieldState, check: (text: string) => PasteCheck, {onSubmit, onBack, onHelp}: PasteFieldHandlers, isActive: boolean): void => {
	useDecision(state.submitted, state.backRequests, onSubmit, onBack && (() => onBack(state.text)));
	useKeys(
		(input, key) => {
			if (onHelp && state.text === '' && matches('help', input, key)) onHelp();
			else if (matches('finishPaste', input, key)) state.finish(check);
			else if (matches('choose', input, key)) state.enter(check);
			else if (matches('back', input, key)) state.back();
			else if (matches('erase', input, key)) state.erase();
			else if (matches('eraseForward', input, key)) state.eraseForward();
			else if (matches('clearField', input, key)) state.clear();
			else if (matches('cursorLeft', input, key)) state.move('left');
			else if (matches('cursorRight', input, key)) state.move('right');
			else if (matches('up', input, key)) state.move('up');
			else if (matches('down', input, key)) state.move('down');
			else if (matches('lineStart', input, key)) state.move('line-start');
			else if (matches('lineEnd', input, key)) state.move('line-end');
			else if (key.tab) state.insert('  ');
			else if (input.length > 0 && !key.ctrl && !key.meta) state.insert(input);
		},
		{isActive, typing: true},
	);
};
