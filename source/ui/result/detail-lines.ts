import type {Diagnosis, Fix} from '../../diagnosis/diagnosis.js';
import type {PolicyJson} from '../../snapshot/snapshot.js';
import {actualWords} from '../../report/describe.js';
import {conditionStyles, placeHeading, placeLabels, statusStyles} from '../../report/marks.js';
import {visible, visibleJson} from '../../report/sanitize.js';
import type {Line} from '../conversation/transcript-lines.js';
import {wrapText} from '../text/wrap.js';
import {theme} from '../theme.js';
import {actionWithSide, sideOf} from './copy-sides.js';
import type {ResultRow} from './rows.js';

/** A row's explanation and fix as lines, so the panel can scroll them at any terminal size. */

export type FixTab = 'statement' | 'policy' | 'command';

export const fixTabs: readonly FixTab[] = ['statement', 'policy', 'command'];
export const fixTabLabels: Readonly<Record<FixTab, string>> = {statement: 'Statement', policy: 'Merged policy', command: 'CLI command'};

/** What `c` copies on each tab: no control character of a customer's reaches the clipboard (JSON escapes mean the same). */
export const fixText = (fix: Fix, tab: FixTab): string => {
	switch (tab) {
		case 'statement':
			return visibleJson(fix.statement);
		case 'policy':
			return visibleJson(fix.policy);
		case 'command':
			return visible(fix.command);
	}
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

const codeBlock = (text: string, width: number): Line[] => text.split('\n').flatMap(line => wrapText(line, width - 4, '  ')).map(line => ({text: `    ${line}`}));

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
			const mark = conditionStyles[condition.result];
			lines.push({mark: `   ${mark.mark} `, ...(mark.color ? {markColour: mark.color} : {}), text: `${condition.operator} ${condition.key} — ${mark.label}`});
			lines.push(...labelled('  expected', condition.expected.join(', ') || '(nothing)', width));
			lines.push({...labelled('  actual  ', actualWords(condition), width)[0]!, ...(condition.result === 'no' ? {colour: 'red' as const} : {})});
			if (condition.reason) lines.push(...paragraph(condition.reason, width, '      '));
		}
	}
	if (requirement.resolveWith) lines.push({text: ''}, ...labelled('What would decide it:', requirement.resolveWith, width));
	return lines;
};

export const fixLines = (fix: Fix, tab: FixTab, width: number): Line[] => {
	const tabs = fixTabs.map(candidate => (candidate === tab ? `[${fixTabLabels[candidate]}]` : ` ${fixTabLabels[candidate]} `)).join(' ');
	const lines: Line[] = [
		{text: ''},
		{mark: '  Fix ', markColour: 'green', text: `${placeHeading(fix.place)}: ${tabs}`},
		...paragraph(fix.summary, width),
		{
			...(fix.proven ? {mark: '  ✔ ', markColour: 'green' as const} : {mark: '  ? ', markColour: 'yellow' as const}),
			text: fix.proven ? 'proven: re-evaluated with this change, the rows it targets turn ✔' : 'not proven: something the check could not read may still refuse it',
		},
		{text: ''},
	];
	if (tab === 'command') lines.push(...codeBlock(fix.command, width));
	else lines.push(...jsonBlock(tab === 'statement' ? fix.statement : fix.policy, width, false));
	return lines;
};

export const detailLines = (row: ResultRow, diagnosis: Diagnosis, tab: FixTab, width: number): Line[] => [
	...explanationLines(row, diagnosis, width),
	...(row.fix ? fixLines(row.fix, tab, width) : []),
];
