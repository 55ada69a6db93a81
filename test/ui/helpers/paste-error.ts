import {keys} from './render.js';
import type {Step} from './walk-through.js';

/** The first question's "Paste an AccessDenied error" taken, `text` pasted (a line break sent as Enter) and recognised. */
export const pasteErrorSteps = (text: string): Step[] => [
	['How shall we look', [keys.down, keys.enter]],
	['Paste the AccessDenied error message', [], text.replace(/\n/g, '\r')],
	['recognised', [keys.enter]],
];
