import type {Diagnosis, Finding, Fix, Requirement, UnknownNote} from '../diagnosis/diagnosis.js';
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
	requirementTitle,
	statementIntro,
	verdictWords,
	whoMustAct,
	type PlaceGroup,
	assumedSentences,
	commandNotShownWords,
} from './describe.js';
import {code, fenced, prose, table} from './markdown.js';
import {actionStyle, conditionStyleOf, decisionStyles, legendEntries, legendEntryText, placeHeading, severityStyles, statusStyles} from './marks.js';
import {commandsNotShownExactly, visibleDiagnosis} from './sanitize.js';

export type MarkdownOptions = {
	/** When the report was made (ISO 8601); left out unless given, so the same diagnosis gives the same report. */
	readonly generatedAt?: string;
	readonly toolVersion?: string;
};

const legend = legendEntries.map(legendEntryText).join(' · ');

/** A remedy or resolution that is a command reads best as code; a sentence as prose. */
const commandOrProse = (text: string): string => (/^aws\s/.test(text) ? code(text) : prose(text));

const questionSection = (diagnosis: Diagnosis): string[] => [
	'## The question',
	'',
	...table(
		['', ''],
		questionFacts(diagnosis.question).map(fact => [
			`**${fact.label}**`,
			`${fact.literal ? code(fact.value) : prose(fact.value)}${fact.note ? ` (${prose(fact.note)})` : ''}`,
		]),
	),
	'',
	'### What the request needs',
	'',
	...table(
		['', 'Action', 'Resource', 'Decision', 'Why it is needed'],
		diagnosis.actions.map(action => [
			actionStyle(action).mark,
			code(action.action),
			code(action.resource),
			actionStyle(action).label,
			prose(action.purpose),
		]),
	),
];

const findingLines = (finding: Finding): string[] => {
	const style = severityStyles[finding.severity];
	const lines = [`- ${style.mark} **${style.label}** ${code(finding.id)}: ${prose(finding.message)}`];
	if (finding.remedy) lines.push(`  - Remedy: ${commandOrProse(finding.remedy)}`);
	return lines;
};

const whyCell = (requirement: Requirement): string =>
	requirement.resolveWith ? `${prose(requirement.why)} Resolve with: ${commandOrProse(requirement.resolveWith)}` : prose(requirement.why);

const placeTable = (group: PlaceGroup): string[] => {
	const withResource = group.sharedResource === undefined;
	const header = withResource ? ['', 'Action', 'Resource', 'Status', 'Decided by', 'Why'] : ['', 'Action', 'Status', 'Decided by', 'Why'];
	const rows = group.requirements.map(requirement => {
		const style = statusStyles[requirement.status];
		const decidedBy = requirement.decidedBy ? prose(requirement.decidedBy) : '—';
		const front = [style.mark, code(requirement.action)];
		const back = [style.label, decidedBy, whyCell(requirement)];
		return withResource ? [...front, code(requirement.resource), ...back] : [...front, ...back];
	});
	return [
		`### ${placeHeading(group.place)}`,
		'',
		...(group.sharedResource === undefined ? [] : [`Resource: ${code(group.sharedResource)}`, '']),
		...table(header, rows),
		'',
	];
};

const requirementsSection = (diagnosis: Diagnosis): string[] => {
	if (diagnosis.requirements.length === 0) return ['## Requirements', '', 'None.', ''];
	return ['## Requirements', '', legend, '', ...groupByPlace(diagnosis.requirements).flatMap(placeTable)];
};

const conditionsSection = (diagnosis: Diagnosis): string[] => {
	const explained = requirementsWithConditions(diagnosis.requirements);
	if (explained.length === 0) return [];
	return [
		'## Conditions that decided',
		'',
		...explained.flatMap(requirement => [
			`### ${statusStyles[requirement.status].mark} ${prose(requirementTitle(requirement))}`,
			'',
			...table(
				['', 'Operator', 'Key', 'Expected', 'Actual', 'Why'],
				(requirement.conditions ?? []).map(condition => [
					`${conditionStyleOf(condition).mark} ${conditionStyleOf(condition).label}`,
					code(condition.operator),
					code(condition.key),
					condition.expected.map(code).join(', '),
					condition.actual === 'absent' || condition.actual === 'unknown' ? `*${actualWords(condition)}*` : condition.actual.map(code).join(', '),
					prose(condition.reason),
				]),
			),
			'',
		]),
	];
};

const fixLines = (fix: Fix, index: number, notShownExactly: ReadonlySet<string>): string[] => {
	const blocked = fix.blockedBy && blockedProof(fix.blockedBy);
	const proof = fix.proven
		? '✔ proven'
		: blocked
			? `${blocked.style.mark} ${blocked.label}`
			: '**not proven**: re-evaluating with this change did not turn every requirement it targets ✔; review it before applying';
	const statement = fix.statements.length === 0 ? [] : [statementIntro(fix), '', ...fix.statements.flatMap(each => [...fenced('json', JSON.stringify(each, null, 2)), ''])];
	const policy = fix.policy === null ? [] : [`The whole ${prose(fixPolicyNoun(fix))} with it:`, '', ...fenced('json', JSON.stringify(fix.policy, null, 2)), ''];
	return [
		`### ${index + 1}. ${fixHeading(fix)} (${proof})`,
		'',
		...(blocked ? [prose(blocked.sentence), ''] : []),
		`Who applies it: ${prose(appliesInWords(fix.appliesIn))}`,
		'',
		prose(fix.summary),
		'',
		...(fix.weakens ? [`> ⚠ **What it gives up:** ${prose(fix.weakens)}`, ''] : []),
		...(fix.remains ? [`> ${prose(fix.remains)}`, ''] : []),
		...(fix.target === null ? [] : [`Target: ${code(fix.target)}${fix.policyName ? ` · policy name: ${code(fix.policyName)}` : ''}`, '']),
		...statement,
		...policy,
		...(notShownExactly.has(fix.command)
			? [`> ⚠ ${prose(commandNotShownWords(fix))}`, '']
			: [fix.kind === 'change-request' ? 'Send it as:' : 'Apply it:', '', ...fenced('sh', fix.command), '']),
	];
};

/** Every fix's account, so a support engineer sends each fix to the team that can apply it. */
const whoMustActSection = (diagnosis: Diagnosis): string[] =>
	diagnosis.fixes.length === 0
		? []
		: ['## Who must act', '', ...table(['Who', 'Fixes'], whoMustAct(diagnosis.fixes).map(row => [prose(row.who), row.fixes.join(', ')])), ''];

const unknownLines = (note: UnknownNote): string[] => {
	const lines = [`- ${statusStyles.unknown.mark} **${prose(note.what)}**: ${prose(note.reason)}`];
	if (note.resolveWith) lines.push(`  - Resolve with: ${commandOrProse(note.resolveWith)}`);
	return lines;
};

const footer = (options: MarkdownOptions): string[] => {
	const by = `s3-kms-doctor${options.toolVersion ? ` ${options.toolVersion}` : ''}`;
	return ['---', '', `*Generated by ${prose(by)}${options.generatedAt ? ` on ${prose(options.generatedAt)}` : ''}.*`];
};

/** The report a support engineer attaches to a ticket. Deterministic: the same input gives the same text. */
export const renderMarkdown = (written: Diagnosis, options: MarkdownOptions = {}): string => {
	const diagnosis = visibleDiagnosis(written);
	const notShownExactly = commandsNotShownExactly(written.fixes);
	const verdict = decisionStyles[diagnosis.verdict];
	const lines = [
		`# ${verdict.mark} ${verdictWords[diagnosis.verdict]}: ${operationPhrase(diagnosis.question)} ${code(objectUrl(diagnosis.question))}`,
		'',
		prose(diagnosis.summary),
		'',
		...assumedSentences(diagnosis).flatMap(sentence => [`> ${prose(sentence)}`, '']),
		...questionSection(diagnosis),
		'',
		'## Findings',
		'',
		...(diagnosis.findings.length === 0 ? ['None.'] : diagnosis.findings.flatMap(findingLines)),
		'',
		...requirementsSection(diagnosis),
		...conditionsSection(diagnosis),
		'## Fixes',
		'',
		...(diagnosis.fixes.length === 0 ? [noFixWords(diagnosis), ''] : diagnosis.fixes.flatMap((fix, index) => fixLines(fix, index, notShownExactly))),
		'## Unknowns',
		'',
		...(diagnosis.unknowns.length === 0 ? ['None.'] : diagnosis.unknowns.flatMap(unknownLines)),
		'',
		...whoMustActSection(diagnosis),
		...footer(options),
	];
	return `${lines.join('\n')}\n`;
};
