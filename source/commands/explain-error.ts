import {denialJson, explainDenial, parseAccessDenied, renderDenialText, type ParsedDenial} from '../inputs/error-message/index.js';
import {visibleDeep, visibleLines} from '../report/sanitize.js';
import {CliError, exitCodes} from './cli-error.js';
import {readTextInput} from './io.js';

export type ExplainErrorOptions = {
	readonly format?: 'text' | 'json';
};

/** Where the text comes from: the words given, or standard input for none or `-`. */
const errorText = async (words: readonly string[]): Promise<string> => {
	if (words.length === 0 || (words.length === 1 && words[0] === '-')) {
		if (process.stdin.isTTY) {
			throw new CliError('give the error text as an argument (quoted), or pipe it in: s3-kms-doctor explain-error < error.txt');
		}
		return readTextInput('-', 'the error text from', 'an error message or CloudTrail file');
	}
	return words.join(' ');
};

/** explain-error: read an AccessDenied (or CloudTrail event), say what it means and what to check next. */
export const runExplainError = async (words: readonly string[], options: ExplainErrorOptions = {}): Promise<number> => {
	const text = await errorText(words);
	const parsed = parseAccessDenied(text);
	if (!parsed.ok) {
		const problem = parsed.error.message.replace(/^not recognised: /, '');
		throw new CliError(`not recognised: ${problem}; expected ${parsed.error.expected}`, exitCodes.usage);
	}
	process.stdout.write(explanationOutput(parsed.value, options.format));
	return 0;
};

/** What explain-error prints: explained from the exact text; what is printed quotes the customer, so it is made visible. */
export const explanationOutput = (denial: ParsedDenial, format: ExplainErrorOptions['format']): string =>
	format === 'json' ? `${visibleLines(JSON.stringify(denialJson(denial), null, 2))}\n` : renderDenialText(visibleDeep(denial), visibleDeep(explainDenial(denial)));
