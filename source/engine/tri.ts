/**
 * Three-valued logic. `unknown` is what we answer when a policy could not be read or a
 * context value is not known: never guess `yes`.
 */
export type Tri = 'yes' | 'no' | 'unknown';

export const triAnd = (...values: readonly Tri[]): Tri =>
	values.includes('no') ? 'no' : values.includes('unknown') ? 'unknown' : 'yes';

export const triOr = (...values: readonly Tri[]): Tri =>
	values.includes('yes') ? 'yes' : values.includes('unknown') ? 'unknown' : 'no';

export const triNot = (value: Tri): Tri => (value === 'yes' ? 'no' : value === 'no' ? 'yes' : 'unknown');

export const fromBoolean = (value: boolean): Tri => (value ? 'yes' : 'no');

/** `triAnd` and `triOr` of two values, without the list: for the evaluation's hot loops. */
export const triBoth = (a: Tri, b: Tri): Tri => (a === 'no' || b === 'no' ? 'no' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'yes');
export const triEither = (a: Tri, b: Tri): Tri => (a === 'yes' || b === 'yes' ? 'yes' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'no');
