import type {Fix} from '../../diagnosis/diagnosis.js';
import {compactJson} from '../../diagnosis/fixes/commands.js';
import {shellQuote} from '../../shared/shell.js';
import {displayWidth} from '../../shared/display-width.js';
import {visibleJson} from '../../report/sanitize.js';

/**
 * The CLI command as the fix view shows it, so that a mouse copy from the terminal is still a command the
 * shell runs: never wrapped inside a JSON string. A policy goes one statement per line (a newline between
 * JSON tokens is still valid JSON, and the shell keeps it inside the quotes); when a line would still be too
 * wide, the view offers to write the policy to a file and shows the short command that reads it.
 */

export type CommandLayout =
	| {readonly kind: 'lines'; readonly lines: readonly string[]}
	| {readonly kind: 'file'; readonly fileName: string; readonly policyText: string; readonly shortCommand: (fileName: string) => readonly string[]};

const safeName = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'policy';

/** The file a policy is written to, named after the policy: `key-policy-1234abcd….json`, `bucket-policy-reports.json`, `Guardrail.json`. */
export const policyFileName = (fix: Pick<Fix, 'place' | 'target' | 'policyName'>): string => {
	const last = (fix.target ?? '').split(/[/:]/).pop() ?? '';
	switch (fix.place) {
		case 'key-policy':
			return `key-policy-${safeName(last)}.json`;
		case 'bucket-policy':
			return `bucket-policy-${safeName(last)}.json`;
		case 'identity-policy':
			return `${safeName(fix.policyName ?? last)}.json`;
		case 'permissions-boundary':
			return `permissions-boundary-${safeName(last)}.json`;
		default:
			return `${safeName(fix.place ?? 'policy')}.json`;
	}
};

/** `aws kms put-key-policy --key-id 'K'`: the words of a command, each option with its value, for one per line. */
const optionLines = (command: string): string[] => command.split(/ (?=--)/);

const continued = (lines: readonly string[]): string[] => lines.map((line, index) => (index === 0 ? line : `  ${line}`)).map((line, index, all) => (index < all.length - 1 ? `${line} \\` : line));

const quotedPart = (text: string): string => text.replace(/'/g, `'\\''`);

/** The policy argument one statement per line, inside the one pair of quotes the command already has. */
const policyLines = (policy: NonNullable<Fix['policy']>): string[] => {
	const statements = policy['Statement'];
	const list = Array.isArray(statements) ? statements : [statements];
	const {Statement: _statement, ...rest} = policy;
	const head = Object.keys(rest).length > 0 ? `${compactJson(rest).slice(0, -1)},"Statement":[` : '{"Statement":[';
	return [`'${quotedPart(head)}`, ...list.map((statement, index) => `${quotedPart(compactJson(statement))}${index < list.length - 1 ? ',' : ''}`), `]}'`];
};

/**
 * A line still wider than the view (a long key ARN after its flag) is folded with the shell's line continuation,
 * which it removes before reading words: inside a single-quoted value as `'arn:aws:kms:…:'\` then, at column 0,
 * `'111122223333:key/…'` (the two quoted halves join into one word); elsewhere as a bare `\`. A mouse copy still
 * runs; an indent on the next line would split the word.
 */
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

const folded = (lines: readonly string[], width: number): string[] => lines.flatMap(line => foldLine(line, width));

export const commandLayout = (fix: Pick<Fix, 'command' | 'policy' | 'place' | 'target' | 'policyName'>, width: number): CommandLayout => {
	const fits = (lines: readonly string[]): boolean => lines.every(line => displayWidth(line) <= width);
	const quoted = fix.policy ? shellQuote(compactJson(fix.policy)) : undefined;
	const at = quoted ? fix.command.indexOf(quoted) : -1;
	if (!fix.policy || !quoted || at === -1) {
		if (fits([fix.command])) return {kind: 'lines', lines: [fix.command]};
		return {kind: 'lines', lines: folded(continued(optionLines(fix.command)), width)};
	}
	if (fits([fix.command])) return {kind: 'lines', lines: [fix.command]};
	const before = fix.command.slice(0, at).trimEnd();
	const after = fix.command.slice(at + quoted.length).trim();
	const [first, ...statements] = policyLines(fix.policy);
	const options = continued(optionLines(before));
	// The last option line ends with the flag; the JSON's opening quote goes on the same line, without the backslash.
	const lines = [...options.slice(0, -1), `${options.at(-1)!} ${first!}`, ...statements.slice(0, -1), `${statements.at(-1)!}${after ? ` ${after}` : ''}`];
	if (fits(lines)) return {kind: 'lines', lines};
	const fileName = policyFileName(fix);
	return {
		kind: 'file',
		fileName,
		policyText: `${visibleJson(fix.policy)}\n`,
		shortCommand: name => {
			const short = `${before} file://${name}${after ? ` ${after}` : ''}`;
			return fits([short]) ? [short] : folded(continued(optionLines(short)), width);
		},
	};
};
