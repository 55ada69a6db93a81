import {cliTransfers} from '../../operations/recognise.js';

/*
 * Several errors pasted at once (a script's output, two attempts): each is read on its own, so that what the second
 * says (its policy ARN, its account) is never taken for the first's. An error starts at the CLI's "An error occurred
 * (" or, just before it, at the `aws s3` transfer line that wraps it ("upload failed: A to B An error occurred …").
 */

const errorStart = /An error occurred \(/g;
const transferStart = new RegExp(`\\b(?:${cliTransfers.map(transfer => transfer.verb).join('|')}) failed: `, 'gi');

/** Where the error that starts at `at` really begins: at its transfer line, if one stands between `after` and `at`. */
const beginningOf = (text: string, after: number, at: number): number => {
	let begins = at;
	transferStart.lastIndex = after;
	for (let match = transferStart.exec(text); match !== null && match.index < at; match = transferStart.exec(text)) begins = match.index;
	return begins;
};

/** The errors in `text` (whitespace collapsed), in order; the text itself when it holds at most one. */
export const splitErrors = (text: string): readonly string[] => {
	const starts = [...text.matchAll(errorStart)].map(match => match.index);
	if (starts.length < 2) return [text];
	const cuts = [0];
	for (let index = 1; index < starts.length; index++) cuts.push(beginningOf(text, starts[index - 1]! + 1, starts[index]!));
	return cuts.map((cut, index) => text.slice(cut, cuts[index + 1] ?? text.length).trim()).filter(part => part !== '');
};
