import type {Page} from '../snapshot/aws-answers/index.js';
import type {Outcome, Reader} from './reader.js';

const maxPages = 50;

/** Follow the markers to the end; one failed page makes the whole list unknown. */
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
		if (marker === undefined) break;
	}
	return {ok: true, value: items};
};
