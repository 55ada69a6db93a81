import {notA, parsed, type Parsed} from './name-error.js';

/*
 * Tags as IAM and STS take them (IAM API Reference, Tag: Key 1–128 and Value 0–256 characters of the pattern
 * [\p{L}\p{Z}\p{N}_.:/=+\-@]*; a key may not start with aws:). No comma is allowed in either, so a comma separates
 * pairs; the first = separates a key from its value, which may hold another.
 */
const tagText = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Tags written `KEY=VALUE, KEY=VALUE`, or `none` (null: none were passed). */
export const parseTagList = (text: string): Parsed<Readonly<Record<string, string>> | null> => {
	const wanted = 'a list of tags (KEY=VALUE, KEY=VALUE), or none';
	if (text.trim().toLowerCase() === 'none') return parsed(null);
	const tags: Record<string, string> = {};
	for (const pair of text.split(',')) {
		const at = pair.indexOf('=');
		const key = (at === -1 ? pair : pair.slice(0, at)).trim();
		const value = at === -1 ? '' : pair.slice(at + 1).trim();
		if (at === -1 || key === '') return notA(wanted, `"${pair.trim()}" has no KEY=VALUE`);
		if (key.length > 128 || !tagText.test(key)) return notA(wanted, `the key "${key}" is not a tag key: 1 to 128 letters, digits, spaces and _ . : / = + - @`);
		if (key.toLowerCase().startsWith('aws:')) return notA(wanted, `the key "${key}" starts with aws:, which AWS keeps for itself`);
		if (value.length > 256 || !tagText.test(value)) return notA(wanted, `the value of ${key} is not a tag value: up to 256 letters, digits, spaces and _ . : / = + - @`);
		// Keys are one regardless of case (IAM): two of them are one key given twice.
		if (Object.keys(tags).some(known => known.toLowerCase() === key.toLowerCase())) return notA(wanted, `the key "${key}" is given twice`);
		tags[key] = value;
	}
	return parsed(tags);
};
