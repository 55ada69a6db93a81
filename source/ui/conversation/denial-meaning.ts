import {explainDenial} from '../../inputs/error-message/index.js';
import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import type {Note} from './question.js';

/** What a pasted error means, as explain-error says it: its one-sentence summary, then each point of "What it means". */
export const denialMeaning = (denial: ParsedDenial): Note[] => {
	const {summary, meaning} = explainDenial(denial);
	return [{tone: 'info', text: summary}, ...meaning.map((text, index): Note => ({tone: 'info', text: index === 0 ? `What it means: ${text}` : text}))];
};
