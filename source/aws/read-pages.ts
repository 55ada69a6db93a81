import type {Mapped, Page} from '../snapshot/aws-answers/index.js';
import type {Expected, Outcome, Reader} from './reader.js';

const maxPages = 50;

/**
 * Follow the markers to the end; one failed page makes the whole list unknown, and so does a list longer than
 * `maxPages` pages: cut short, it would hide what its later pages hold (a Deny in the 51st inline policy). A
 * marker given twice would only fetch the same pages again: the list is unknown at once, not after `maxPages` calls.
 */
export const readAllPages = async <T>(
	reader: Reader,
	id: string,
	label: string,
	fetch: (marker: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
	/** An error that stands for a page (Organizations' PolicyTypeNotEnabledException: none). */
	expected?: Expected<Page<T>>,
): Promise<Outcome<T[]>> => {
	const items: T[] = [];
	let marker: string | undefined;
	const seen = new Set<string>();
	for (let count = 0; count < maxPages; count++) {
		const outcome = await reader.call(id, label, signal => fetch(marker, signal), expected);
		if (!outcome.ok) return outcome;
		items.push(...outcome.value.items);
		marker = outcome.value.next;
		if (marker === undefined) return {ok: true, value: items};
		if (seen.has(marker)) return {ok: false, failure: {kind: 'other', code: 'RepeatedMarker', message: `page ${count + 1} gave as the next page's marker one already followed (the list would loop), so it was not read to its end`}};
		seen.add(marker);
	}
	return {ok: false, failure: {kind: 'other', code: 'TooManyPages', message: `the list goes on past ${maxPages} pages, so it was not read to its end`}};
};

/** A page an answer did not give (its list missing): the call fails with the reason, as an incomplete answer. */
export const pageOrFail = <T>(mapped: Mapped<Page<T>>): Page<T> => {
	if (mapped.ok) return mapped.value;
	throw Object.assign(new Error(mapped.error.message), {name: 'IncompleteAnswer'});
};
