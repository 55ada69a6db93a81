import type {Relation} from './operators.js';

/** Helpers for the one-sentence reasons of condition traces. */

const shown = 5;

export const quote = (text: string): string => JSON.stringify(text);

/** `"a", "b", "c"` — at most five, then `and 3 more`. */
export const quoteList = (values: readonly string[]): string => {
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
