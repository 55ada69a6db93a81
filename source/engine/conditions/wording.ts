import type {Relation} from './operators.js';

/** Helpers for the one-sentence reasons of condition traces. */

const shown = 5;

// Printable ASCII without `"` or `\` needs no escaping: skip JSON.stringify on this hot path.
const plain = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** `"text"`, escaped as JSON escapes it. */
export const quote = (text: string): string => (plain.test(text) ? `"${text}"` : JSON.stringify(text));

/** `"a", "b", "c"` — at most five, then `and 3 more`. */
export const quoteList = (values: readonly string[]): string => {
	if (values.length === 1) return quote(values[0]!);
	const head = values.slice(0, shown).map(quote).join(', ');
	return values.length > shown ? `${head} and ${values.length - shown} more` : head;
};

/** A request value as people read it: `"x"` for a single value, `["a", "b"]` for a multi-valued key. */
export const formatActual = (values: readonly string[], multiValued: boolean): string =>
	multiValued || values.length !== 1 ? `[${quoteList(values)}]` : quote(values[0]!);

/** `is one of "a", "b"`, `does not match any of "a*", "b*"`, `is less than "10"`. */
export const relationPhrase = (relation: Relation, holds: boolean, expected: readonly string[]): string => {
	const verb = holds ? relation.holds : relation.fails;
	const quantifier =
		relation.list === 'oneOf' || (expected.length > 1 && holds) ? 'one of ' : expected.length > 1 ? 'any of ' : '';
	return `${verb} ${quantifier}${quoteList(expected)}${relation.note ?? ''}`;
};
