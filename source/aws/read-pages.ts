import type {Outcome, Reader} from './reader.js';

/** One page of a listing, and the marker of the next when there is one. */
export type Page<T> = {readonly items: readonly T[]; readonly next?: string};

const maxPages = 50;

/** A page from a Marker-style answer (IAM's IsTruncated, KMS's Truncated): the marker counts only when truncated. */
export const page = <T>(items: readonly T[] | undefined, truncated: boolean | undefined, marker: string | undefined): Page<T> => ({
	items: items ?? [],
	...(truncated && marker ? {next: marker} : {}),
});

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
