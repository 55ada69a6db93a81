/**
 * A finding's message cut to its first clause, for a headline or a fix's `remains`: "The key … is disabled: every use
 * fails …" → "the key … is disabled". A parenthesis stays whole: "a resource control policy (arn:…) explicitly denied".
 */
export const firstClause = (message: string): string => {
	const clause = message.split(/: (?![^(]*\))|; | — |\. /)[0]!.replace(/\.$/, '');
	return clause.charAt(0).toLowerCase() + clause.slice(1);
};
