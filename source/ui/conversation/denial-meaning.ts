import {explainDenial, isNotAccessDenial} from '../../inputs/error-message/index.js';
import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import type {Note} from './question.js';

/** What a pasted error means, as explain-error says it: its one-sentence summary, then each point of "What it means". */
export const denialMeaning = (denial: ParsedDenial): Note[] => {
	const {summary, meaning} = explainDenial(denial);
	return [{tone: 'info', text: summary}, ...meaning.map((text, index): Note => ({tone: 'info', text: index === 0 ? `What it means: ${text}` : text}))];
};

/**
 * A pasted error that is no access denial (SignatureDoesNotMatch), in explain-error's words: its summary is the paste's
 * `!` warning (errorQuestion), then what it means and what to check instead. Undefined for an access denial.
 */
export const notADenial = (denial: ParsedDenial): {readonly warning: string; readonly notes: Note[]} | undefined => {
	if (!isNotAccessDenial(denial)) return undefined;
	const {summary, meaning, checkNext} = explainDenial(denial);
	const said = (label: string, texts: readonly string[]): Note[] => texts.map((text, index): Note => ({tone: 'info', text: index === 0 ? `${label}: ${text}` : text}));
	return {warning: summary, notes: [...said('What it means', meaning), ...said('Check next', checkNext)]};
};
