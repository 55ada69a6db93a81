import {displayWidth} from '../../shared/display-width.js';

/**
 * A shell command laid out for a narrow terminal so that a mouse copy of the lines on screen still runs as the same
 * command: never cut with `…`, never wrapped inside a word. It goes one option per line with the shell's line
 * continuation, and a word still wider than the view (a key ARN at 80 columns) is folded inside it: within a
 * single-quoted value as `'arn:aws:kms:…:'\` then, at column 0, `'111122223333:key/…'` (the two quoted halves join
 * into one word); elsewhere with a bare `\`. An indent before a fold's second half would split the word, so
 * `indentCommand` leaves those lines at column 0.
 */

/**
 * One AWS CLI call and nothing else (`aws kms get-key-policy --key-id ARN --policy-name default --output text`): it can
 * be laid out as a command. A sentence that starts with one (`aws organizations … , and the same for each OU …`) cannot.
 */
export const isOneCommand = (text: string): boolean => /^aws [a-z\d-]+ [a-z\d-]+( --[a-z\d-]+( [^\s,()]+)?)*$/.test(text);

/** `aws kms put-key-policy --key-id 'K'`: the words of a command, each option with its value, for one per line. */
export const optionLines = (command: string): string[] => command.split(/ (?=--)/);

/** Lines joined by the shell's line continuation, every line after the first indented under the command. */
export const continued = (lines: readonly string[]): string[] =>
	lines.map((line, index) => (index === 0 ? line : `  ${line}`)).map((line, index, all) => (index < all.length - 1 ? `${line} \\` : line));

const foldLine = (line: string, width: number): string[] => {
	if (displayWidth(line) <= width || width < 8) return [line];
	const characters = [...line];
	let inQuote = false;
	let used = 0;
	let cut = -1;
	let cutInQuote = false;
	for (let index = 0; index < characters.length - 1; index++) {
		const character = characters[index]!;
		// `'\''` writes a quote: outside quotes a backslash and the character after it stay together.
		const escaped = !inQuote && character === '\\';
		if (escaped) used += displayWidth(characters[++index] ?? '');
		used += displayWidth(character);
		if (!escaped && character === "'") inQuote = !inQuote;
		// A cut after this character leaves `'\` (two columns) inside quotes, `\` (one) outside.
		if (used + (inQuote ? 2 : 1) > width) break;
		cut = index + 1;
		cutInQuote = inQuote;
	}
	// Nothing would be left of the line but its opening quote: it stays as it is.
	if (cut <= (cutInQuote ? 1 : 0)) return [line];
	const head = characters.slice(0, cut).join('');
	const tail = characters.slice(cut).join('');
	return cutInQuote ? [`${head}'\\`, ...foldLine(`'${tail}`, width)] : [`${head}\\`, ...foldLine(tail, width)];
};

/** Each line folded where it is wider than `width` columns. */
export const folded = (lines: readonly string[], width: number): string[] => lines.flatMap(line => foldLine(line, width));

/** The command on one line where it fits in `width` columns, else one option per line, folded where still too wide. */
export const commandLines = (command: string, width: number): string[] =>
	displayWidth(command) <= width ? [command] : folded(continued(optionLines(command)), width);

/** A fold's second half: the line before it ends in a continuation inside a word (no space before the `\`). */
const isFoldTail = (lines: readonly string[], index: number): boolean => index > 0 && /[^ \\]\\$/.test(lines[index - 1]!);

/** The command's lines under `indent`, except a fold's second half, which must start at column 0 to join its word. */
export const indentCommand = (lines: readonly string[], indent: string): string[] =>
	lines.map((line, index) => (isFoldTail(lines, index) ? line : `${indent}${line}`));

/** The command laid out to fit `width` columns under `indent` (as `commandLines`, then `indentCommand`). */
export const commandBlock = (command: string, width: number, indent: string): string[] =>
	indentCommand(commandLines(command, width - displayWidth(indent)), indent);
