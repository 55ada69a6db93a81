import {describe, expect, it} from 'vitest';
import {readAllPages} from '../../source/aws/read-pages.js';
import type {Outcome, Reader} from '../../source/aws/reader.js';

/** A reader that makes every call at once, as the real one does when nothing fails. */
const reader = {
	call: async <T>(_id: string, _label: string, run: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T>> => ({ok: true, value: await run(new AbortController().signal)}),
} as unknown as Reader;

describe('readAllPages', () => {
	it('follows the markers to the end', async () => {
		const pages = [{items: ['a'], next: 'm1'}, {items: ['b'], next: 'm2'}, {items: ['c']}];
		let index = 0;
		const result = await readAllPages(reader, 'id', 'label', async () => pages[index++]!);
		expect(result).toEqual({ok: true, value: ['a', 'b', 'c']});
	});

	it('never returns a list cut short as if it were whole: one that goes on past 50 pages is not known', async () => {
		// The 51st page would name the inline policy with the Deny: reading 50 and stopping would lose it.
		let calls = 0;
		const result = await readAllPages(reader, 'id', 'label', async () => ({items: [`policy-${calls++}`], next: `marker-${calls}`}));
		expect(calls).toBe(50);
		expect(result).toEqual({ok: false, failure: {kind: 'other', code: 'TooManyPages', message: 'the list goes on past 50 pages, so it was not read to its end'}});
	});

	it('stops at the first marker it has already followed, instead of asking for the same pages until the page limit', async () => {
		// A broken or hostile endpoint's NextMarker loop: m1 → m2 → m1 → … would cost 50 calls and be called "too long".
		const markers: (string | undefined)[] = [];
		const result = await readAllPages(reader, 'id', 'label', async marker => {
			markers.push(marker);
			return {items: ['grant'], next: marker === 'm1' ? 'm2' : 'm1'};
		});
		expect(markers).toEqual([undefined, 'm1', 'm2']);
		expect(result).toEqual({
			ok: false,
			failure: {kind: 'other', code: 'RepeatedMarker', message: "page 3 gave as the next page's marker one already followed (the list would loop), so it was not read to its end"},
		});
	});
});
