import {findKeyArn} from '../../names/index.js';
import type {Line} from '../conversation/transcript-lines.js';
import {wrapText} from '../text/wrap.js';

/** Each key ARN in a sentence down to the end that says which key it is (`…key/1234abcd-…`), as the table's headings show it. */
const withKeyIds = (sentence: string): string => {
	let text = sentence;
	for (let arn = findKeyArn(text); arn !== undefined; arn = findKeyArn(text)) text = text.replace(arn, `…${arn.slice(arn.lastIndexOf(':') + 1)}`);
	return text;
};

/**
 * An assumption under `≈`, always whole: its key ARNs give way to their key IDs only where that saves lines (a key
 * ARN alone fills most of 80 columns), so the verdict's header leaves the table its rows. The exports keep the ARN.
 */
export const assumedLines = (sentence: string, width: number): Line[] => {
	const full = wrapText(sentence, width - 2, '');
	const short = wrapText(withKeyIds(sentence), width - 2, '');
	return (short.length < full.length ? short : full).map((text, index): Line => (index === 0 ? {mark: '≈ ', markColour: 'yellow', text} : {text: `  ${text}`}));
};
