import {err, ok, type Result} from './result.js';

/** One shell word, single-quoted: nothing inside is expanded (`'` becomes `'\''`). For every command a user may paste. */
export const shellQuote = (value: string): string => `'${value.replaceAll("'", "'\\''")}'`;

/** One shell word, left bare where a shell reads it as it is (an ARN, a policy ID), else single-quoted: for commands in prose. */
export const shellWord = (value: string): string => (/^[\w@%+=:,./-]+$/.test(value) ? value : shellQuote(value));

/**
 * A command line split into words as a POSIX shell splits it, without expanding anything (Python's
 * shlex.split, which the AWS CLI uses for credential_process): whitespace separates words, '…' is literal,
 * "…" keeps spaces (a backslash in it escapes only " and \), a backslash outside quotes escapes any character.
 */
export const shellWords = (line: string): Result<string[], string> => {
	const words: string[] = [];
	// `undefined` between words: "" is a word (empty), whitespace is not.
	let word: string | undefined;
	let quote: "'" | '"' | undefined;
	const add = (text: string): void => {
		word = (word ?? '') + text;
	};
	for (let index = 0; index < line.length; index++) {
		const char = line[index]!;
		const next = line[index + 1];
		if (quote === "'") {
			if (char === "'") quote = undefined;
			else add(char);
		} else if (quote === '"') {
			if (char === '"') quote = undefined;
			else if (char === '\\' && (next === '"' || next === '\\')) add(line[++index]!);
			else add(char);
		} else if (char === "'" || char === '"') {
			quote = char;
			add('');
		} else if (char === '\\') {
			if (next === undefined) return err('it ends with a lone backslash');
			add(line[++index]!);
		} else if (/\s/.test(char)) {
			if (word !== undefined) words.push(word);
			word = undefined;
		} else {
			add(char);
		}
	}
	if (quote) return err(`a ${quote === '"' ? 'double' : 'single'} quote is not closed`);
	if (word !== undefined) words.push(word);
	return ok(words);
};
