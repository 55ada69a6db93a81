import {visible} from '../../report/sanitize.js';
import type {ReadProgress} from '../services.js';
import {readColour, readMark, theme, type Colour} from '../theme.js';
import {wrapText} from '../text/wrap.js';
import type {Step} from './flow-types.js';
import {answeredUnknown, answeredWithWarning, displayAnswer, type Note} from './question.js';

/** The transcript as terminal lines, so the conversation can show exactly the last ones that fit. */

export type Line = {
	readonly text: string;
	readonly colour?: Colour;
	readonly dim?: boolean;
	/** The mark at the start of the line, coloured on its own. */
	readonly mark?: string;
	readonly markColour?: Colour;
};

const noteMarks: Readonly<Record<Note['tone'], readonly [string, Colour]>> = {
	found: [theme.answered, 'green'],
	info: [theme.note, 'cyan'],
	warning: ['!', 'yellow'],
	unknown: ['?', 'yellow'],
};

export const noteLines = (notes: readonly Note[], width: number, indent = '  '): Line[] =>
	notes.flatMap(note => {
		const [mark, colour] = noteMarks[note.tone];
		return wrapText(visible(note.text), width - indent.length - 2, '').map((text, index) =>
			index === 0 ? {mark: `${indent}${mark} `, markColour: colour, text} : {text: `${indent}  ${text}`},
		);
	});

export const readLines = (reads: readonly ReadProgress[], width: number): Line[] =>
	reads.flatMap(read => {
		const detail = read.detail ? ` — ${read.detail}` : '';
		return wrapText(visible(`${read.label}${detail}`), width - 6, '').map((text, index) =>
			index === 0 ? {mark: `  ${read.state === 'running' ? '…' : readMark[read.state]} `, markColour: readColour[read.state], text} : {text: `    ${text}`},
		);
	});

const answerLines = (step: Extract<Step, {kind: 'answer'}>, width: number): Line[] => {
	const lines = [...noteLines(step.notes, width)];
	const shown = displayAnswer(step.question, step.answer);
	const wrapped = wrapText(visible(`${step.question.title}: ${shown}`), width - 4, '  ');
	const [mark, markColour]: readonly [string, Colour] = answeredWithWarning(step.question, step.answer)
		? ['! ', 'yellow']
		: answeredUnknown(step.question, step.answer)
			? ['? ', 'yellow']
			: [`${theme.answered} `, 'green'];
	wrapped.forEach((text, index) => lines.push(index === 0 ? {mark, markColour, text} : {text: `  ${text}`, dim: true}));
	return lines;
};

/**
 * Whether an answer's own line would say again what a line of the transcript says: an answer a choice set along with
 * its own (`Target: upload s3://bucket/key` says the operation, bucket and key), or "Paste it" right before the paste's
 * own line (`Key policy: valid policy, 1 statement`).
 */
const saidElsewhere = (step: Extract<Step, {kind: 'answer'}>, next: Step | undefined): boolean =>
	step.setAlong === true || (step.question.kind === 'choice' && step.answer === 'paste' && next?.kind === 'answer' && next.question.kind === 'paste');

export const transcriptLines = (steps: readonly Step[], width: number): Line[] =>
	steps.flatMap((step, index) => {
		switch (step.kind) {
			case 'answer':
				return saidElsewhere(step, steps[index + 1]) ? noteLines(step.notes, width) : answerLines(step, width);
			case 'notes':
				return noteLines(step.notes, width);
			case 'reads':
				return readLines(step.reads, width);
		}
	});

/**
 * The last lines that fit in `room`, with a marker for what scrolled away: whole answers and notes only, so a wrapped
 * answer never shows its second half without the first (its first line is the one with a mark).
 */
export const transcriptTail = (lines: readonly Line[], room: number): Line[] => {
	if (lines.length <= room) return [...lines];
	let start = lines.length - Math.max(room - 1, 0);
	while (start < lines.length && lines[start]!.mark === undefined) start++;
	return [{text: `  ↑ ${start} earlier line${start === 1 ? '' : 's'} (Esc goes back through the answers)`, dim: true}, ...lines.slice(start)];
};
