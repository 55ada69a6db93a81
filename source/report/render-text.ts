import type {ConditionExplanation, Diagnosis, Finding, Fix, Requirement, UnknownNote} from '../diagnosis/diagnosis.js';
import {painter, type Painter} from './ansi.js';
import {
	actualWords,
	appliesInWords,
	blockedProof,
	fixHeading,
	fixPolicyNoun,
	groupByPlace,
	noFixWords,
	objectUrl,
	operationPhrase,
	questionFacts,
	requirementsWithConditions,
	statementIntro,
	verdictWords,
	type PlaceGroup,
	assumedSentences,
	commandNotShownWords,
} from './describe.js';
import {actionStyle, conditionStyleOf, decisionStyles, legendEntries, legendEntryText, placeHeading, severityStyles, statusStyles, type MarkStyle} from './marks.js';
import {displayWidth, padEnd} from '../shared/display-width.js';
import {wrap} from './wrap.js';
import {commandsNotShownExactly, visible, visibleDiagnosis} from './sanitize.js';

export type TextOptions = {
	/** ANSI colours: the caller decides (off for NO_COLOR or when stdout is not a terminal). */
	readonly color: boolean;
	/** Columns to wrap prose at; default 100. JSON and commands are never wrapped, so they paste whole. */
	readonly width?: number;
};

type Context = {
	readonly paint: Painter;
	readonly width: number;
	/** Fix commands, as shown, that a shell would read as another command (`commandsNotShownExactly`). */
	readonly notShownExactly: ReadonlySet<string>;
};

/** A mark padded to two columns (⛔ takes two by itself), coloured. */
const mark = (context: Context, style: MarkStyle): string => padEnd(context.paint.style(style.mark, style), 2);

/** `label: value` wrapped, the continuation lines under the value. */
const labelled = (context: Context, indent: string, label: string, value: string, labelWidth = displayWidth(label) + 1): string[] =>
	wrap(value, context.width, indent + ' '.repeat(labelWidth + 1), `${indent}${context.paint.dim(padEnd(`${label}:`, labelWidth))} `);

/** Items laid out on as few lines as fit, two spaces apart (each item kept whole). */
const columns = (items: readonly string[], width: number, indent: string): string[] => {
	const lines: string[] = [];
	let line = '';
	for (const item of items) {
		if (line !== '' && displayWidth(indent + line) + 2 + displayWidth(item) > width) {
			lines.push(indent + line);
			line = '';
		}
		line = line === '' ? item : `${line}  ${item}`;
	}
	return line === '' ? lines : [...lines, indent + line];
};

/** A JSON document or a command, indented but never wrapped. */
const block = (indent: string, text: string): string[] => text.replace(/\n$/, '').split('\n').map(line => `${indent}${visible(line)}`);

const heading = (context: Context, text: string): string[] => ['', context.paint.bold(text)];

const questionLines = (context: Context, diagnosis: Diagnosis): string[] => {
	const facts = questionFacts(diagnosis.question);
	const labelWidth = Math.max(...facts.map(fact => displayWidth(fact.label))) + 2;
	const lines = heading(context, 'Question');
	for (const fact of facts) {
		const value = fact.note ? `${fact.value} (${fact.note})` : fact.value;
		lines.push(...wrap(value, context.width, ' '.repeat(2 + labelWidth), `  ${context.paint.dim(padEnd(fact.label, labelWidth))}`));
	}
	lines.push(...heading(context, 'What the request needs'));
	const actionWidth = Math.max(0, ...diagnosis.actions.map(action => displayWidth(action.action)));
	for (const action of diagnosis.actions) {
		const style = actionStyle(action);
		lines.push(`  ${mark(context, style)} ${padEnd(action.action, actionWidth)}  ${context.paint.style(style.label, style)}`);
		lines.push(...labelled(context, '      ', 'on', action.resource), ...wrap(action.purpose, context.width, '      '));
	}
	return lines;
};

const findingLines = (context: Context, finding: Finding): string[] => {
	const style = severityStyles[finding.severity];
	const lines = [`  ${mark(context, style)} ${context.paint.style(padEnd(style.label, 'warning'.length), style)}  ${finding.id}`, ...wrap(finding.message, context.width, '      ')];
	if (finding.remedy) lines.push(...labelled(context, '      ', 'remedy', finding.remedy));
	return lines;
};

const conditionLines = (context: Context, condition: ConditionExplanation): string[] => {
	const style = conditionStyleOf(condition);
	const indent = '          ';
	// A long label (a Deny's condition: `matches — this is what denies`) takes a line of its own.
	const first =
		displayWidth(style.label) > 8
			? [`        ${mark(context, style)} ${context.paint.style(style.label, style)}`, ...wrap(`${condition.operator} ${condition.key}`, context.width, indent, indent)]
			: wrap(`${condition.operator} ${condition.key}`, context.width, indent, `        ${mark(context, style)}${context.paint.style(padEnd(style.label, 8), style)} `);
	return [
		...first,
		...labelled(context, indent, 'expected', condition.expected.join(', ')),
		...labelled(context, indent, 'actual', actualWords(condition), 'expected:'.length),
		...wrap(condition.reason, context.width, indent),
	];
};

const requirementLines = (context: Context, requirement: Requirement, actionWidth: number, showResource: boolean, explain: boolean): string[] => {
	const style = statusStyles[requirement.status];
	const first = `    ${mark(context, style)} ${padEnd(requirement.action, actionWidth)}  ${context.paint.style(style.label, style)}`;
	const detail = '        ';
	const lines = [first];
	if (showResource) lines.push(...labelled(context, detail, 'on', requirement.resource));
	const why = wrap(requirement.why, context.width, detail);
	lines.push(...(requirement.status === 'not-needed' ? why.map(line => context.paint.dim(line)) : why));
	if (requirement.decidedBy) lines.push(...labelled(context, detail, 'decided by', requirement.decidedBy));
	if (requirement.resolveWith) lines.push(...labelled(context, detail, 'resolve with', requirement.resolveWith));
	if (explain) for (const condition of requirement.conditions ?? []) lines.push(...conditionLines(context, condition));
	return lines;
};

const placeLines = (context: Context, group: PlaceGroup, explained: ReadonlySet<Requirement>): string[] => {
	const title = context.paint.bold(placeHeading(group.place));
	const lines = [group.sharedResource === undefined ? `  ${title}` : `  ${title}  ${group.sharedResource}`];
	const actionWidth = Math.max(...group.requirements.map(requirement => displayWidth(requirement.action)));
	for (const requirement of group.requirements) {
		lines.push(...requirementLines(context, requirement, actionWidth, group.sharedResource === undefined, explained.has(requirement)));
	}
	return lines;
};

const fixLines = (context: Context, fix: Fix, index: number): string[] => {
	const indent = '     ';
	const title = `  ${context.paint.bold(`${index + 1}. ${fixHeading(fix)}`)}`;
	const blocked = fix.blockedBy && blockedProof(fix.blockedBy);
	const proof = fix.proven
		? [`${title}  ${context.paint.style('✔ proven', statusStyles.ok)}`]
		: blocked
			? [
					`${title}  ${context.paint.style(`${blocked.style.mark} ${blocked.label}`, blocked.style)}`,
					...wrap(blocked.sentence, context.width, indent).map(line => context.paint.style(line, blocked.style)),
				]
			: [
				`${title}  ${context.paint.style('not proven', statusStyles.unknown)}`,
				...wrap('The re-evaluation did not turn every requirement it targets ✔: review it before applying.', context.width, indent).map(line =>
					context.paint.style(line, statusStyles.unknown),
				),
			];
	const warning = (label: string, text: string): string[] =>
		wrap(text, context.width, indent + ' '.repeat(label.length + 1), `${indent}${context.paint.style(label, statusStyles.unknown)} `);
	return [
		...proof,
		...labelled(context, indent, 'who', appliesInWords(fix.appliesIn)),
		...wrap(fix.summary, context.width, indent),
		...(fix.weakens ? warning('! gives up:', fix.weakens) : []),
		...(fix.remains ? warning('! remains:', fix.remains) : []),
		...(fix.target === null ? [] : labelled(context, indent, 'target', `${fix.target}${fix.policyName ? ` (policy name ${fix.policyName})` : ''}`)),
		...(fix.statements.length === 0
			? []
			: [...wrap(statementIntro(fix), context.width, indent).map(line => context.paint.dim(line)), ...fix.statements.flatMap(statement => block(`${indent}  `, JSON.stringify(statement, null, 2)))]),
		...(fix.policy === null ? [] : [`${indent}${context.paint.dim(`The whole ${fixPolicyNoun(fix)} with it:`)}`, ...block(`${indent}  `, JSON.stringify(fix.policy, null, 2))]),
		...(context.notShownExactly.has(fix.command)
			? warning('! command:', commandNotShownWords(fix))
			: [`${indent}${context.paint.dim(fix.kind === 'change-request' ? 'Send it as:' : 'Apply it:')}`, ...block(`${indent}  `, fix.command)]),
	];
};

const unknownLines = (context: Context, note: UnknownNote): string[] => {
	const lines = [`  ${mark(context, statusStyles.unknown)} ${note.what}`, ...wrap(note.reason, context.width, '      ')];
	if (note.resolveWith) lines.push(...labelled(context, '      ', 'resolve with', note.resolveWith));
	return lines;
};

/** The diagnosis for a terminal: the markdown report's content, laid out in columns and coloured. */
export const renderText = (written: Diagnosis, options: TextOptions): string => {
	// Customer text is made visible before any colour of ours is added.
	const diagnosis = visibleDiagnosis(written);
	const context: Context = {paint: painter(options.color), width: options.width ?? 100, notShownExactly: commandsNotShownExactly(written.fixes)};
	const verdict = decisionStyles[diagnosis.verdict];
	const explained = new Set(requirementsWithConditions(diagnosis.requirements));
	const legend = legendEntries.map(entry => context.paint.style(legendEntryText(entry), entry.style));
	const title = `${verdict.mark} ${verdictWords[diagnosis.verdict].toUpperCase()}`;
	const lines = [
		`${context.paint.bold(context.paint.style(title, verdict))}  ${operationPhrase(diagnosis.question)} ${objectUrl(diagnosis.question)}`,
		...wrap(diagnosis.summary, context.width, '  '),
		...assumedSentences(diagnosis).flatMap(sentence => wrap(sentence, context.width, '  ')),
		...questionLines(context, diagnosis),
		...heading(context, 'Findings'),
		...(diagnosis.findings.length === 0 ? ['  None.'] : diagnosis.findings.flatMap(finding => findingLines(context, finding))),
		...heading(context, 'Requirements'),
		...columns(legend, context.width, '  '),
		...(diagnosis.requirements.length === 0 ? ['  None.'] : groupByPlace(diagnosis.requirements).flatMap(group => placeLines(context, group, explained))),
		...heading(context, 'Fixes'),
		...(diagnosis.fixes.length === 0
			? [`  ${noFixWords(diagnosis)}`]
			: diagnosis.fixes.flatMap((fix, index) => [...(index > 0 ? [''] : []), ...fixLines(context, fix, index)])),
		...heading(context, 'Unknowns'),
		...(diagnosis.unknowns.length === 0 ? ['  None.'] : diagnosis.unknowns.flatMap(note => unknownLines(context, note))),
	];
	return `${lines.join('\n')}\n`;
};
