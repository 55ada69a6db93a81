/** One shell word, single-quoted: nothing inside is expanded (`'` becomes `'\''`). For every command a user may paste. */
export const shellQuote = (value: string): string => `'${value.replaceAll("'", "'\\''")}'`;
