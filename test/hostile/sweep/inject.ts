import {validateSnapshotSchema as validate} from '../../../source/snapshot/snapshot-schema.js';
import {parseSnapshot} from '../../../source/snapshot/parse-snapshot.js';
import type {Snapshot} from '../../../source/snapshot/snapshot.js';

/**
 * A seeded generator of hostile snapshots: every string a customer controls in a snapshot (values, and the names of
 * tags, condition keys and context keys) gets terminal and markdown tricks written into it, wherever the snapshot
 * format lets such a string through. Seeded, so a failure names the seed that reproduces it.
 */

/** A small seeded generator (mulberry32): the same seed, the same snapshots. */
export const seededRandom = (seed: number): ((below: number) => number) => {
	let state = seed >>> 0;
	return below => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * below >>> 0;
	};
};

/** Sequences a terminal would act on: CSI, OSC 52 (clipboard), OSC 8 (hyperlink), C1 controls, line breaks. */
const terminalTricks = [
	'\u001b[2J\u001b[H',
	'\u001b]52;c;ZWNobyBwd25lZA==\u0007',
	'\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\',
	'\u009b31m',
	'\u009d52;c;eA==\u009c',
	'\u0085',
	'\r✔ ALLOWED ',
	'\n',
	'\t',
	'\b\u0000\u007f',
	'\u0007',
];

/** Characters that reorder or hide text: bidi overrides, isolates and marks, zero-width and invisible format characters. */
const invisibleTricks = ['\u202e', '\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\ufeff', '\u2028', '\u2029', '\u2060', '\u{e0041}'];

/**
 * Markup that would change a markdown report. Every trick puts the word `evil` where the element it would make
 * starts (a heading's text, a link's text or address, an item, a tag's name), so the rendered report shows at once
 * whether one became an element.
 */
const markupTricks = [
	'\n# evil heading\n',
	'\n## evil\n',
	'\n> evil quote\n',
	'\n- evil item\n',
	'\n1. evil item\n',
	'\n    evil indented\n',
	'\nevil setext\n===\n',
	'\n---\n',
	'<x-evil>',
	'<script>evil()</script>',
	'<img src="https://evil.example/i.png">',
	'<!-- evil',
	'[evil](https://evil.example/)',
	'![evil](https://evil.example/i.png)',
	'<https://evil.example/auto>',
	'www.evil.example',
	'https://evil.example/bare',
	'evil@evil.example',
	'| evil | cell |',
	'|',
	'\\',
	'\\|',
	'`',
	'``',
	'```',
	// Each with markup of its own, for when the backtick or pipe ends a code span or a cell early.
	'`<x-evil>',
	'<x-evil>`',
	'``<x-evil> ',
	'\\|<x-evil>',
	'\\\\|<x-evil>',
	'\n```evil\n',
	'*evil* _evil_ **evil** ~~evil~~',
	'&lt;x-evil&gt; &#60;x-evil&#62;',
	'[evil]: https://evil.example/ref',
	'<div>evil</div>',
	' ',
	'',
];

const families = [terminalTricks, invisibleTricks, markupTricks];

/** A few tricks from any family, run together. */
const tricksOf = (count: number, random: (below: number) => number): string =>
	Array.from({length: count}, () => {
		const family = families[random(families.length)]!;
		return family[random(family.length)]!;
	}).join('');

/** One hostile string: tricks before, inside and after the original text (an edge is where a code span or a cell breaks). */
const hostileOf = (original: string, random: (below: number) => number): string => {
	const middle = random(original.length + 1);
	const shown = tricksOf(random(3), random) + original.slice(0, middle) + tricksOf(random(2), random) + original.slice(middle) + tricksOf(random(3), random);
	return shown === original ? original + tricksOf(1 + random(2), random) : shown;
};

/** Objects whose own names are a customer's words (tag keys, condition keys and operators, context keys), not the format's. */
const namesAreCustomers = new Set(['tags', 'sessionTags', 'requestContext', 'encryptionContextEquals', 'encryptionContextSubset', 'Condition']);

type Json = string | number | boolean | null | Json[] | {[key: string]: Json};

/** The snapshot's format marker, which no customer writes (an enum they could write is given back when the schema refuses it). */
const isFormatWord = (path: readonly (string | number)[]): boolean => path.length === 1 && path[0] === 'format';

/** Where in the JSON the hostile strings went: a path (JSON pointer) per injected value or name. */
export type Injected = {readonly snapshot: Snapshot; readonly paths: readonly string[]};

const pointer = (path: readonly (string | number)[]): string => path.map(part => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/**
 * Write hostile strings into every string of `original` (each with probability `rate`), then give back the
 * originals wherever the snapshot format itself refuses them (an ARN, a bucket name, an enum): those never reach a
 * report, and a snapshot that does not parse tests nothing.
 */
export const injectHostile = (original: unknown, seed: number, rate: number): Injected => {
	const random = seededRandom(seed);
	const edits = new Map<string, {readonly path: readonly (string | number)[]; readonly kind: 'value' | 'name'; readonly from: string}>();
	const walk = (value: Json, path: (string | number)[], namesAreTheirs: boolean): Json => {
		if (typeof value === 'string') {
			if (isFormatWord(path) || random(1000) >= rate * 1000) return value;
			edits.set(pointer(path), {path, kind: 'value', from: value});
			return hostileOf(value, random);
		}
		if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index], false));
		if (value === null || typeof value !== 'object') return value;
		const entries = Object.entries(value).map(([name, item]): [string, Json] => {
			let shown = name;
			if (namesAreTheirs && random(1000) < rate * 1000) {
				shown = hostileOf(name, random);
				edits.set(pointer([...path, shown]), {path: [...path, shown], kind: 'name', from: name});
			}
			const parentKey = path.at(-1);
			return [shown, walk(item, [...path, shown], namesAreCustomers.has(name) || (parentKey === 'Condition' && typeof item === 'object'))];
		});
		return Object.fromEntries(entries);
	};
	const hostile = walk(original as Json, [], false) as {[key: string]: Json};

	const restore = (at: string): boolean => {
		// The edits at, above or under the path the schema named.
		const candidates = [...edits.keys()].filter(path => at === path || at.startsWith(`${path}/`) || path.startsWith(`${at}/`));
		if (candidates.length === 0) return false;
		for (const found of candidates) {
			const edit = edits.get(found)!;
			edits.delete(found);
			const parentPath = edit.path.slice(0, -1);
			let parent: Json = hostile;
			for (const part of parentPath) parent = (parent as {[key: string]: Json})[part as string]!;
			const last = edit.path.at(-1)!;
			if (edit.kind === 'value') (parent as {[key: string]: Json})[last as string] = edit.from;
			else {
				const object = parent as {[key: string]: Json};
				const renamed = Object.fromEntries(Object.entries(object).map(([name, item]) => [name === last ? edit.from : name, item]));
				for (const name of Object.keys(object)) delete object[name];
				Object.assign(object, renamed);
				// Values under a renamed name moved with it.
				for (const [path, other] of [...edits]) {
					if (path.startsWith(`${found}/`)) {
						edits.delete(path);
						const moved = [...edit.path.slice(0, -1), edit.from, ...other.path.slice(edit.path.length)];
						edits.set(pointer(moved), {...other, path: moved});
					}
				}
			}
		}
		return true;
	};

	for (let round = 0; round < 200; round++) {
		if (validate(hostile)) {
			const parsed = parseSnapshot(JSON.stringify(hostile), 'hostile');
			if (parsed.ok) return {snapshot: parsed.value, paths: [...edits.keys()]};
			// A policy grown past its size limit, or owners that contradict: give back edits one by one, deepest first.
			const longest = [...edits.keys()].sort((a, b) => b.length - a.length)[0];
			if (longest === undefined) throw new Error(`the original snapshot does not parse: ${parsed.error.message}`);
			restore(longest);
			continue;
		}
		const paths = (validate.errors ?? []).map(error => error.instancePath + (error.keyword === 'additionalProperties' ? pointer([String((error.params as {additionalProperty: string}).additionalProperty)]) : ''));
		if (!paths.some(restore)) {
			// An `if`/`then` or `required` error names a parent: give back everything under it.
			const parents = paths.map(path => path.split('/').slice(0, -1).join('/'));
			if (!parents.some(restore)) throw new Error(`no injected value explains ${JSON.stringify(validate.errors?.slice(0, 3))}`);
		}
	}
	throw new Error('the hostile snapshot never parsed');
};

/**
 * An error message or a CloudTrail file a customer pasted, with hostile strings in it: in a JSON file every string
 * (each with probability `rate`), in text between words (at about `rate` of the gaps).
 */
export const injectText = (text: string, seed: number, rate: number): string => {
	const random = seededRandom(seed);
	const hit = (): boolean => random(1000) < rate * 1000;
	if (/^\s*[{[]/.test(text)) {
		const walk = (value: Json): Json => {
			if (typeof value === 'string') return hit() ? hostileOf(value, random) : value;
			if (Array.isArray(value)) return value.map(walk);
			if (value === null || typeof value !== 'object') return value;
			return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, walk(item)]));
		};
		return JSON.stringify(walk(JSON.parse(text) as Json), null, 2);
	}
	return text.replace(/ +/g, gap => (hit() ? ` ${tricksOf(1 + random(3), random)} ` : gap));
};
