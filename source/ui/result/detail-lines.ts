import type {Diagnosis, Fix} from '../../diagnosis/diagnosis.js';
import type {PolicyJson} from '../../snapshot/snapshot.js';
import {actualWords, appliesInWords, blockedProof, commandNotShownWords, fixHeading} from '../../report/describe.js';
import {conditionStyleOf, placeLabels, statusStyles} from '../../report/marks.js';
import {visible, visibleJson} from '../../report/sanitize.js';
import {displayWidth} from '../../shared/display-width.js';
import type {Line} from '../conversation/transcript-lines.js';
import {commandBlock, indentCommand, isOneCommand} from '../text/command-lines.js';
import {wrapText} from '../text/wrap.js';
import {theme} from '../theme.js';
import {commandLayout} from './command-layout.js';
import {actionWithSide, sideOf} from './copy-sides.js';
import type {ResultRow} from './rows.js';

/** A row's explanation and fix as lines, so the panel can scroll them at any terminal size. */

export type FixTab = 'statement' | 'policy' | 'command';

export const fixTabs: readonly FixTab[] = ['statement', 'policy', 'command'];
export const fixTabLabels: Readonly<Record<FixTab, string>> = {statement: 'Statement', policy: 'Merged policy', command: 'CLI command'};

/** What `c` copies on each tab: no control character of a customer's reaches the clipboard (JSON escapes mean the same). */
export const fixText = (fix: Fix, tab: FixTab): string => {
	switch (tab) {
		// A fix that writes no policy (a changed request, a grant) copies its command on every tab.
		// Several statements changed (two Denies narrowed) copy as one JSON list of them.
		case 'statement':
			return fix.statements.length === 0 ? visible(fix.command) : visibleJson(fix.statements.length === 1 ? fix.statements[0] : fix.statements);
		case 'policy':
			return fix.policy === null ? visible(fix.command) : visibleJson(fix.policy);
		case 'command':
			return visible(fix.command);
	}
};

/** What `fixText` copies, in words for the notice: "the 2 statements", or the command where a tab has nothing of its own. */
export const fixTextWords = (fix: Fix, tab: FixTab): string => {
	const count = fix.statements.length;
	if (tab === 'statement' && count > 0) return count === 1 ? 'the statement' : `the ${count} statements`;
	if (tab === 'policy' && fix.policy !== null) return 'the merged policy';
	return 'the CLI command';
};

const paragraph = (text: string, width: number, indent = '  '): Line[] => wrapText(text, width - indent.length, '').map(line => ({text: `${indent}${line}`}));

const labelled = (label: string, text: string, width: number): Line[] =>
	wrapText(`${label} ${text}`, width - 2, '    ').map(line => ({text: `  ${line}`}));

/** JSON with a gutter: the statement that decided, shown as it is written in the policy. */
const jsonBlock = (document: PolicyJson, width: number, highlighted: boolean): Line[] =>
	visibleJson(document)
		.split('\n')
		.flatMap(line => wrapText(line, width - 6, '    '))
		.map(text => (highlighted ? {mark: `  ${theme.gutter} `, markColour: theme.accent, text, colour: theme.accent} : {text: `    ${text}`}));

/** A command that settles the row (`aws kms get-key-policy …`) whole on lines of its own, to be copied as it is. */
const resolveLines = (resolveWith: string, width: number): Line[] =>
	isOneCommand(resolveWith)
		? [{text: '  What would decide it:'}, ...commandBlock(resolveWith, width, '    ').map((text): Line => ({text}))]
		: labelled('What would decide it:', resolveWith, width);

export const explanationLines = (row: ResultRow, diagnosis: Diagnosis, width: number): Line[] => {
	const {requirement} = row;
	const style = statusStyles[requirement.status];
	const action = diagnosis.actions.find(candidate => candidate.id === requirement.actionId);
	const lines: Line[] = [
		{mark: `${style.mark} `, ...(style.color ? {markColour: style.color} : {}), text: `${actionWithSide(requirement.action, sideOf(diagnosis.question.operation, requirement))} · ${placeLabels[requirement.place]} · ${style.label}`},
		...labelled('on', requirement.resource, width),
	];
	if (action?.purpose) lines.push(...labelled('Needed for:', action.purpose, width));
	lines.push({text: ''}, ...paragraph(requirement.why, width));
	if (requirement.decidedBy) lines.push({text: ''}, ...labelled('Decided by:', requirement.decidedBy, width));
	if (requirement.statement) lines.push(...jsonBlock(requirement.statement, width, true));
	const conditions = requirement.conditions ?? [];
	if (conditions.length > 0) {
		lines.push({text: ''}, {text: '  Conditions of that statement:'});
		for (const condition of conditions) {
			const mark = conditionStyleOf(condition);
			lines.push({mark: `   ${mark.mark} `, ...(mark.color ? {markColour: mark.color} : {}), text: `${condition.operator} ${condition.key} — ${mark.label}`});
			lines.push(...labelled('  expected', condition.expected.join(', ') || '(nothing)', width));
			lines.push({...labelled('  actual  ', actualWords(condition), width)[0]!, ...(condition.result === 'no' ? {colour: 'red' as const} : {})});
			if (condition.reason) lines.push(...paragraph(condition.reason, width, '      '));
		}
	}
	if (requirement.resolveWith) lines.push({text: ''}, ...resolveLines(requirement.resolveWith, width));
	return lines;
};

/**
 * The command, never wrapped inside a JSON string (a mouse copy must paste as a working command): one
 * statement per line, or, when even that is too wide, the file to write the policy to and the short command.
 */
const fixCommandLines = (fix: Fix, width: number, writtenFile: string | undefined, notShownExactly: ReadonlySet<string>): Line[] => {
	if (notShownExactly.has(fix.command)) return wrapText(`! ${commandNotShownWords(fix)}`, width - 4, '  ').map((text): Line => ({text: `  ${text}`, colour: 'yellow'}));
	const layout = commandLayout(fix, width - 4);
	if (layout.kind === 'lines') return indentCommand(layout.lines, '    ').map(text => ({text}));
	const name = writtenFile ?? layout.fileName;
	return [
		...paragraph(
			writtenFile
				? `The policy is in ./${writtenFile}. Run:`
				: `Too wide to show one statement per line. c copies the exact command (OSC 52); w writes the policy to ./${layout.fileName} (never over an existing file) for this short command:`,
			width,
		),
		{text: ''},
		...indentCommand(layout.shortCommand(name), '    ').map(text => ({text})),
	];
};

/** Proven ✔; proven for its own rows, a pasted message's denial still standing (⛔ or ?, the report's words); or not proven. */
const proofLine = (fix: Fix): Line => {
	if (fix.proven) return {mark: '  ✔ ', markColour: 'green', text: 'proven: re-evaluated with this change, the rows it targets turn ✔'};
	if (fix.blockedBy) {
		const blocked = blockedProof(fix.blockedBy);
		return {mark: `  ${blocked.style.mark} `, markColour: blocked.style.color ?? 'yellow', text: `${blocked.label}: ${fix.blockedBy.by}`};
	}
	return {mark: '  ? ', markColour: 'yellow', text: 'not proven: something the check could not read may still refuse it'};
};

/** `notShownExactly`: the commands, as shown, a shell would read as another command (`commandsNotShownExactly`). */
export const fixLines = (fix: Fix, tab: FixTab, width: number, writtenFile?: string, notShownExactly: ReadonlySet<string> = new Set()): Line[] => {
	const tabs = fixTabs.map(candidate => (candidate === tab ? `[${fixTabLabels[candidate]}]` : ` ${fixTabLabels[candidate]} `)).join(' ');
	const lines: Line[] = [
		{text: ''},
		// The tabs go on a line of their own where the kind's heading leaves no room for them (60 columns).
		...(displayWidth(`  Fix ${fixHeading(fix)}: ${tabs}`) <= width
			? [{mark: '  Fix ', markColour: 'green', text: `${fixHeading(fix)}: ${tabs}`} as const]
			: [{mark: '  Fix ', markColour: 'green', text: `${fixHeading(fix)}:`} as const, {text: `      ${tabs}`}]),
		...paragraph(`Who applies it: ${appliesInWords(fix.appliesIn)}`, width),
		...paragraph(fix.summary, width),
		...(fix.weakens ? wrapText(`! Gives up: ${fix.weakens}`, width - 4, '  ').map((text): Line => ({text: `  ${text}`, colour: 'yellow'})) : []),
		...(fix.remains ? wrapText(`! ${fix.remains}`, width - 4, '  ').map((text): Line => ({text: `  ${text}`, colour: 'yellow'})) : []),
		proofLine(fix),
		{text: ''},
	];
	const documents = tab === 'statement' ? fix.statements : tab === 'policy' && fix.policy ? [fix.policy] : [];
	if (documents.length > 0) lines.push(...documents.flatMap((document, index) => [...(index > 0 ? [{text: ''}] : []), ...jsonBlock(document, width, false)]));
	else lines.push(...fixCommandLines(fix, width, writtenFile, notShownExactly));
	return lines;
};

export const detailLines = (row: ResultRow, diagnosis: Diagnosis, tab: FixTab, width: number, writtenFile?: string, notShownExactly?: ReadonlySet<string>): Line[] => [
	...explanationLines(row, diagnosis, width),
	...(row.fix ? fixLines(row.fix, tab, width, writtenFile, notShownExactly) : []),
];
