import {cliTransfers} from '../../operations/recognise.js';

/*
 * Several errors pasted at once (a script's output, two attempts): each is read on its own, so that what the second
 * says (its policy ARN, its account) is never taken for the first's. An error starts at the CLI's "An error occurred
 * (" or, just before it, at the `aws s3` transfer line that wraps it ("upload failed: A to B An error occurred …").
 */

const errorStart = /An error occurred \(|A client error \(/g;
const transferStart = new RegExp(`\\b(?:${cliTransfers.map(transfer => transfer.verb).join('|')}) failed: `, 'gi');

/** The errors in `text` (whitespace collapsed), in order; the text itself when it holds at most one. */
export const splitErrors = (text: string): readonly string[] => {
	const starts = [...text.matchAll(errorStart)].map(match => match.index);
	if (starts.length < 2) return [text];
	// Each error after the first begins at the last transfer line since the error before it began, else at its own start.
	const transfers = [...text.matchAll(transferStart)].map(match => match.index);
	const cuts = [0];
	let transfer = 0;
	for (let index = 1; index < starts.length; index++) {
		const [after, at] = [starts[index - 1]!, starts[index]!];
		let begins = at;
		for (; transfer < transfers.length && transfers[transfer]! < at; transfer++) if (transfers[transfer]! > after) begins = transfers[transfer]!;
		cuts.push(begins);
	}
	return cuts.map((cut, index) => text.slice(cut, cuts[index + 1] ?? text.length).trim()).filter(part => part !== '');
};
