import type {Fix} from '../../diagnosis/diagnosis.js';
import {compactJson} from '../../diagnosis/fixes/commands.js';
import {shellQuote} from '../../shared/shell.js';
import {displayWidth} from '../../shared/display-width.js';
import {visibleJson} from '../../report/sanitize.js';
import {commandLines, continued, optionLines} from '../text/command-lines.js';

/**
 * The CLI command as the fix view shows it, so that a mouse copy from the terminal is still a command the
 * shell runs: never wrapped inside a JSON string. A policy goes one statement per line (a newline between
 * JSON tokens is still valid JSON, and the shell keeps it inside the quotes); when a line would still be too
 * wide, the view offers to write the policy to a file and shows the short command that reads it. A value still
 * wider than the view is folded as ui/text/command-lines.ts folds it.
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

const quotedPart = (text: string): string => text.replace(/'/g, `'\\''`);

/** The policy argument one statement per line, inside the one pair of quotes the command already has. */
const policyLines = (policy: NonNullable<Fix['policy']>): string[] => {
	const statements = policy['Statement'];
	const list = Array.isArray(statements) ? statements : [statements];
	const {Statement: _statement, ...rest} = policy;
	const head = Object.keys(rest).length > 0 ? `${compactJson(rest).slice(0, -1)},"Statement":[` : '{"Statement":[';
	return [`'${quotedPart(head)}`, ...list.map((statement, index) => `${quotedPart(compactJson(statement))}${index < list.length - 1 ? ',' : ''}`), `]}'`];
};

export const commandLayout = (fix: Pick<Fix, 'command' | 'policy' | 'place' | 'target' | 'policyName'>, width: number): CommandLayout => {
	const fits = (lines: readonly string[]): boolean => lines.every(line => displayWidth(line) <= width);
	const quoted = fix.policy ? shellQuote(compactJson(fix.policy)) : undefined;
	const at = quoted ? fix.command.indexOf(quoted) : -1;
	if (!fix.policy || !quoted || at === -1) return {kind: 'lines', lines: commandLines(fix.command, width)};
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
		shortCommand: name => commandLines(`${before} file://${name}${after ? ` ${after}` : ''}`, width),
	};
};
