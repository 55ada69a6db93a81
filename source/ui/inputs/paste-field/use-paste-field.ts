import {useKeys} from '../../keys/use-keys.js';
import {useLayoutEffect} from 'react';
import type {PasteCheck} from '../../conversation/question.js';
import {matches} from '../../keymap.js';
import type {PasteFieldState} from './use-paste-field-state.js';

export type PasteFieldHandlers = {
	readonly onSubmit: (text: string) => void;
	readonly onBack?: () => void;
};

/**
 * Enter finishes once the text is acceptable and otherwise starts a new line (people also type JSON);
 * Ctrl+D finishes now, or says why it cannot.
 */
export const usePasteField = (state: PasteFieldState, check: (text: string) => PasteCheck, {onSubmit, onBack}: PasteFieldHandlers, isActive: boolean): void => {
	const {submitted, backRequests} = state;
	// A layout effect: the answer is taken in the same commit, before the next key can arrive.
	useLayoutEffect(() => {
		if (submitted !== undefined) onSubmit(submitted);
		// Only the decision matters; the handlers are new on every render.
	}, [submitted]);
	useLayoutEffect(() => {
		if (backRequests > 0) onBack?.();
	}, [backRequests]);
	useKeys(
		(input, key) => {
			if (matches('finishPaste', input, key)) state.finish(check);
			else if (matches('choose', input, key)) state.enter(check);
			else if (matches('back', input, key)) state.back();
			else if (matches('erase', input, key)) state.erase();
			else if (matches('clearField', input, key)) state.clear();
			else if (key.tab) state.append('\t');
			else if (input.length > 0 && !key.ctrl && !key.meta) state.append(input);
		},
		{isActive},
	);
};
