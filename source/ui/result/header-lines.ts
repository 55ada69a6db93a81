import type {Diagnosis} from '../../diagnosis/diagnosis.js';
import {assumedSentences, verdictWords} from '../../report/describe.js';
import {decisionStyles, severityStyles} from '../../report/marks.js';
import type {Line} from '../conversation/transcript-lines.js';
import {commandLines, indentCommand, isOneCommand} from '../text/command-lines.js';
import {displayWidth} from '../../shared/display-width.js';
import {truncate} from '../text/truncate.js';
import {wrapText} from '../text/wrap.js';
import {assumedLines} from './assumed-lines.js';

/**
 * What stands above the result table: the verdict, then each assumption (`≈`) and finding with its remedy, each a
 * block of lines. Where they do not all fit, whole blocks give way from the end: each still has its first line, cut
 * with `…`, while those fit, and one line says what is not shown whole and that v shows it.
 */

/**
 * `decisive`: an error finding, a cause of the verdict itself (a disabled key, a Signature Version 2 URL).
 * `headline`: the block on one line, cut with `…`: what stands for it where it does not fit whole.
 */
type Block = {readonly kind: 'assumption' | 'finding'; readonly lines: readonly Line[]; readonly headline: Line; readonly decisive?: boolean};

/** A block's first line, with its mark, holding as much of its text as `width` leaves: `…` where it is cut. */
const headlineOf = (first: Line, text: string, width: number): Line => ({...first, text: truncate(text, width - displayWidth(first.mark ?? ''))});

export type Header = {readonly verdict: readonly Line[]; readonly blocks: readonly Block[]};

/**
 * A finding's remedy under it (`→ …`): a remedy of AWS CLI calls (`aws kms enable-key --key-id ARN`, two joined by `&&`)
 * laid out as commands, so that a mouse copy of its lines runs; any other wrapped as a sentence.
 */
const remedyLines = (remedy: string, width: number): Line[] => {
	// `aws kms cancel-key-deletion … && aws kms enable-key …`: each call laid out, the `&&` ending the one before.
	const calls = remedy.split(' && ');
	if (!calls.every(isOneCommand)) return wrapText(`→ ${remedy}`, width - 4, '  ').map((text): Line => ({text: `  ${text}`, dim: true}));
	const lines = calls.flatMap((call, index) => {
		const laid = commandLines(call, width - 7);
		return index < calls.length - 1 ? [...laid.slice(0, -1), `${laid.at(-1)!} &&`] : laid;
	});
	return indentCommand(lines, '    ').map((text, index): Line => ({text: index === 0 ? `  → ${text.slice(4)}` : text, dim: true}));
};

export const headerOf = (diagnosis: Diagnosis, width: number): Header => {
	const style = decisionStyles[diagnosis.verdict];
	const verdict = wrapText(`${verdictWords[diagnosis.verdict]}: ${diagnosis.summary}`, width - 2, '').map((text, index): Line =>
		index === 0 ? {mark: `${style.mark} `, ...(style.color ? {markColour: style.color, colour: style.color} : {}), text} : {text: `  ${text}`},
	);
	const assumptions = assumedSentences(diagnosis).map((sentence): Block => {
		const lines = assumedLines(sentence, width);
		return {kind: 'assumption', lines, headline: headlineOf(lines[0]!, sentence, width)};
	});
	const findings = diagnosis.findings.map((finding): Block => {
		const mark = severityStyles[finding.severity];
		const message = wrapText(finding.message, width - 2, '').map((text, index): Line => (index === 0 ? {mark: `${mark.mark} `, ...(mark.color ? {markColour: mark.color} : {}), text} : {text: `  ${text}`}));
		const remedy = finding.remedy ? remedyLines(finding.remedy, width) : [];
		// A finding with a remedy is more than its message: its headline ends with `…` even where the message fits.
		const headline = headlineOf(message[0]!, `${finding.message}${remedy.length > 0 ? ' → …' : ''}`, width);
		return {kind: 'finding', lines: [...message, ...remedy], headline, ...(finding.severity === 'error' ? {decisive: true} : {})};
	});
	return {verdict, blocks: [...assumptions, ...findings]};
};

/** The verdict on one line, cut with `…`: what stays on screen over an opened row or the keys, which take the header's place. */
export const verdictLine = (diagnosis: Diagnosis, width: number): Line => {
	const style = decisionStyles[diagnosis.verdict];
	return {mark: `${style.mark} `, ...(style.color ? {markColour: style.color, colour: style.color} : {}), text: truncate(`${verdictWords[diagnosis.verdict]}: ${diagnosis.summary}`, width - 2)};
};

/** Every line of the header: what `v` shows, scrolled like an opened row. */
export const allHeaderLines = (header: Header): Line[] => [...header.verdict, ...header.blocks.flatMap(block => block.lines)];

const counted = (count: number, one: string): string => `${count} ${one}${count === 1 ? '' : 's'}`;

/**
 * `… 2 assumptions, 1 finding not shown: v shows them` (e, in the footer, exports them too); `not shown whole` where
 * each of them still has its line above.
 */
const notShownLine = (left: readonly Block[], headlined: boolean): Line => {
	const assumptions = left.filter(block => block.kind === 'assumption').length;
	const findings = left.length - assumptions;
	const what = [assumptions > 0 && counted(assumptions, 'assumption'), findings > 0 && counted(findings, 'finding')].filter(Boolean).join(', ');
	return {text: `  … ${what} not shown${headlined ? ' whole' : ''}: v shows them`, dim: true};
};

/** The header as it fits: its lines, and whether a decisive finding is among the blocks not shown whole. */
export type FittedHeader = {readonly lines: readonly Line[]; readonly decisiveLeftOut: boolean};

/**
 * The verdict always whole; then whole assumptions and findings, in order, while they fit in `room` lines with the line
 * that says what is left out; then, where there is room for all of them, the headline of each block left, so that no
 * finding is out of sight without a line of its own.
 */
export const fitHeader = (header: Header, room: number): FittedHeader => {
	const all = allHeaderLines(header);
	if (all.length <= room) return {lines: all, decisiveLeftOut: false};
	const kept: Line[] = [...header.verdict];
	let shown = 0;
	for (const block of header.blocks) {
		if (kept.length + block.lines.length + 1 > room) break;
		kept.push(...block.lines);
		shown++;
	}
	const left = header.blocks.slice(shown);
	if (left.length === 0) return {lines: kept, decisiveLeftOut: false};
	const headlined = kept.length + left.length + 1 <= room;
	const headlines = headlined ? left.map(block => block.headline) : [];
	return {lines: [...kept, ...headlines, notShownLine(left, headlined)], decisiveLeftOut: left.some(block => block.decisive === true)};
};
