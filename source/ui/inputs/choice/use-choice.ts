import {useKeys} from '../../keys/use-keys.js';
import type {ChoiceOption} from '../../conversation/question.js';
import {matches} from '../../keymap.js';
import {useDecision} from '../use-decision.js';
import type {ChoiceState} from './use-choice-state.js';

export type ChoiceHandlers = {
	readonly onChoose: (option: ChoiceOption) => void;
	readonly onBack?: () => void;
	/** Text pasted instead of a key press (more than one character at once). */
	readonly onPaste?: (text: string) => void;
	/** `?`: never a filter (no option has one), so it shows the keys. */
	readonly onHelp?: () => void;
	/** `q` before any filter is typed. */
	readonly onQuit?: () => void;
};

/** Shorter chunks are fast typing (or tmux sending keys at once); an error message is longer. */
const pasteLength = 16;

/** Binds keys to the choice's reducer, and reports a choice or Esc once the reducer has decided. */
export const useChoice = (state: ChoiceState, options: readonly ChoiceOption[], handlers: ChoiceHandlers, isActive: boolean): void => {
	useDecision(state.chosen, state.backRequests, handlers.onChoose, handlers.onBack);
	useKeys(
		(input, key) => {
			if (matches('up', input, key)) state.move(-1);
			else if (matches('down', input, key)) state.move(1);
			else if (matches('pageUp', input, key)) state.move(-5);
			else if (matches('pageDown', input, key)) state.move(5);
			else if (matches('choose', input, key)) state.choose();
			else if (matches('back', input, key)) state.escape();
			else if (matches('erase', input, key)) state.erase();
			else if (handlers.onHelp && matches('help', input, key)) handlers.onHelp();
			else if (handlers.onQuit && state.filter === '' && matches('quit', input, key)) handlers.onQuit();
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
		{isActive, typing: true},
	);
};
