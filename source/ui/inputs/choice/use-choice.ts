import {useKeys} from '../../keys/use-keys.js';
import {useLayoutEffect} from 'react';
import type {ChoiceOption} from '../../conversation/question.js';
import {matches} from '../../keymap.js';
import type {ChoiceState} from './use-choice-state.js';

export type ChoiceHandlers = {
	readonly onChoose: (option: ChoiceOption) => void;
	readonly onBack?: () => void;
	/** Text pasted instead of a key press (more than one character at once). */
	readonly onPaste?: (text: string) => void;
};

/** Shorter chunks are fast typing (or tmux sending keys at once); an error message is longer. */
const pasteLength = 16;

/** Binds keys to the choice's reducer, and reports a choice or Esc once the reducer has decided. */
export const useChoice = (state: ChoiceState, options: readonly ChoiceOption[], handlers: ChoiceHandlers, isActive: boolean): void => {
	const {chosen, backRequests} = state;
	// A layout effect: the answer is taken in the same commit, before the next key can arrive.
	useLayoutEffect(() => {
		if (chosen) handlers.onChoose(chosen);
		// Only the decision matters; the handlers are new on every render.
	}, [chosen]);
	useLayoutEffect(() => {
		if (backRequests > 0) handlers.onBack?.();
	}, [backRequests]);
	useKeys(
		(input, key) => {
			if (matches('up', input, key)) state.move(-1);
			else if (matches('down', input, key)) state.move(1);
			else if (matches('pageUp', input, key)) state.move(-5);
			else if (matches('pageDown', input, key)) state.move(5);
			else if (matches('choose', input, key)) state.choose();
			else if (matches('back', input, key)) state.escape();
			else if (matches('erase', input, key)) state.erase();
			else if (input.length >= pasteLength && handlers.onPaste) handlers.onPaste(input);
			else if (input.length > 0 && !key.ctrl && !key.meta && !key.tab) {
				// Typed text and Enter can arrive as one chunk: filter with the text, then choose.
				const [text = '', ...rest] = input.split(/\r\n|\r|\n/);
				const hotkeyed = state.filter === '' && text.length === 1 ? options.find(option => option.hotkey === text) : undefined;
				if (hotkeyed) state.choose(hotkeyed.value);
				else {
					if (text !== '') state.type(text);
					if (rest.length > 0) state.choose();
				}
			}
		},
		{isActive},
	);
};
