import type {Page} from '../snapshot/aws-answers/index.js';
import type {Outcome, Reader} from './reader.js';

const maxPages = 50;

/**
 * Follow the markers to the end; one failed page makes the whole list unknown, and so does a list longer than
 * `maxPages` pages: cut short, it would hide what its later pages hold (a Deny in the 51st inline policy).
 */
export const readAllPages = async <T>(
	reader: Reader,
	id: string,
	label: string,
	fetch: (marker: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
): Promise<Outcome<T[]>> => {
	const items: T[] = [];
	let marker: string | undefined;
	for (let count = 0; count < maxPages; count++) {
		const outcome = await reader.call(id, label, signal => fetch(marker, signal));
		if (!outcome.ok) return outcome;
		items.push(...outcome.value.items);
		marker = outcome.value.next;
		if (marker === undefined) return {ok: true, value: items};
	}
	return {ok: false, failure: {kind: 'other', code: 'TooManyPages', message: `the list goes on past ${maxPages} pages, so it was not read to its end`}};
};
