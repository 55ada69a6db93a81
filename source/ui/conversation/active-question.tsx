import {Box, Text} from 'ink';
import {visible} from '../../report/sanitize.js';
import {Choice, choiceDetailHeight, choiceHeight} from '../inputs/choice/choice.js';
import {PasteField, pasteFieldHeight} from '../inputs/paste-field/paste-field.js';
import {TextField} from '../inputs/text-field/text-field.js';
import {fitHints, hints} from '../text/fit-hints.js';
import {Hanging, hangingLines} from '../text/hanging.js';
import {displayWidth} from '../../shared/display-width.js';
import {commandBlock} from '../text/command-lines.js';
import {wrapText} from '../text/wrap.js';
import {theme} from '../theme.js';
import type {Note, Question, QuestionId} from './question.js';
import {LineView} from './line-view.js';
import {noteLines} from './transcript-lines.js';

export type ActiveQuestionProps = {
	readonly question: Question;
	readonly notes: readonly Note[];
	readonly initial?: string;
	readonly problem?: string;
	readonly width: number;
	/** Lines this view may take; the transcript gets the rest. */
	readonly rows: number;
	readonly canGoBack: boolean;
	/** `sets`: other answers the same choice or text gives (a recent target's bucket, a pasted head-object's size). */
	readonly onAnswer: (question: Question, value: string, sets?: Readonly<Partial<Record<QuestionId, string>>>) => void;
	/** Esc; `draft`: the text left in a field, when it is not what the field started with. */
	readonly onBack: (draft?: string) => void;
	readonly onPaste?: (text: string) => void;
	/** `?` (in a list, or in an empty field): the keys. */
	readonly onHelp?: () => void;
	/** `q` in a list. */
	readonly onQuit?: () => void;
};

/** The hints that give way first on a narrow terminal (Esc back and the kept hints stay). */
const footers: Readonly<Record<Question['kind'], ReadonlyArray<readonly [string, string]>>> = {
	choice: [['↑↓', 'move'], ['Enter', 'choose'], ['type', 'to filter']],
	text: [['Enter', 'confirm'], ['Ctrl+U', 'clear']],
	paste: [['Enter', 'continue once valid'], ['Ctrl+D', 'done'], ['Ctrl+U', 'clear']],
};

/** Where typing owns the letters, q is text: Ctrl+C quits, and ? works in an empty field. */
const keptHints: Readonly<Record<Question['kind'], ReadonlyArray<readonly [string, string]>>> = {
	choice: [['?', 'keys'], ['q', 'quit']],
	text: [['?', 'keys'], ['Ctrl+C', 'quit']],
	paste: [['?', 'keys'], ['Ctrl+C', 'quit']],
};

/**
 * A `$ ` line of help: on one line where it fits; else the command one option per line with the shell's line
 * continuation, a word wider than the terminal folded inside it, so a mouse copy still runs (never cut with `…`, never
 * wrapped: a wrapped command is two commands, the first cut short), and its note (`   (then each parent's …)`) under it.
 */
const commandHelpLines = (paragraph: string, width: number): string[] => {
	if (displayWidth(`  ${paragraph}`) <= width) return [`  ${paragraph}`];
	const [command = '', ...note] = paragraph.split(/ {3}(?=\()/);
	return [...commandBlock(command, width, '  '), ...(note.length > 0 ? hangingLines('    ', note.join('   '), width) : [])];
};

/**
 * The help under a prompt: each paragraph hanging under its first word, a command whole on lines of its own. Its
 * paragraphs are ours; what they quote (a key ARN in a command) is made visible.
 */
export const helpLines = (help: string, width: number): string[] =>
	help.split('\n').flatMap(paragraph => (paragraph.startsWith('$ ') ? commandHelpLines(visible(paragraph), width) : hangingLines('  ', paragraph, width)));

/**
 * The prompt's lines. Flows write customer text into prompts (a profile, a bucket, an error's words): it is made visible
 * here, where every prompt is drawn and measured, so no flow has to remember to.
 */
const promptLines = (question: Question, width: number): string[] => wrapText(visible(question.prompt), width - 2);

/** Lines above the input: notes, the prompt, the help. */
const headHeight = (question: Question, notes: readonly Note[], width: number): number =>
	noteLines(notes, width).length + promptLines(question, width).length + (question.help ? helpLines(question.help, width).length : 0);

/**
 * How the input is sized for the rows there are: 80×24 keeps 8 options in view; a paste field gets what
 * the title, prompt, help, footer and two lines of the conversation above leave.
 */
export const inputRows = (question: Question, rows: number, head = 2): number => {
	if (question.kind === 'choice') return Math.min(Math.max(rows - 14, 3), 10);
	if (question.kind === 'paste') return Math.min(Math.max(rows - head - pasteFieldHeight(0) - 4, 3), 14);
	return 1;
};

const inputHeight = (question: Question, rows: number, head: number, width: number): number => {
	if (question.kind === 'choice') return choiceHeight(question.options.length, inputRows(question, rows)) + choiceDetailHeight(question.options, width) + (question.loading ? 1 : 0);
	if (question.kind === 'paste') return pasteFieldHeight(inputRows(question, rows, head));
	return 2;
};

export const activeQuestionHeight = (question: Question, notes: readonly Note[], width: number, rows: number): number => {
	const head = headHeight(question, notes, width);
	return head + inputHeight(question, rows, head, width) + 1;
};

/** The question being asked: its notes, the sentence, the input for its kind and the keys. */
export const ActiveQuestion = ({question, notes, initial, problem, width, rows, canGoBack, onAnswer, onBack, onPaste, onHelp, onQuit}: ActiveQuestionProps) => {
	// Going back is how a wrong turn is undone: it stays in view at 80 columns, before the lesser hints.
	const footer = fitHints(hints(footers[question.kind], [...(canGoBack ? [['Esc', 'back'] as const] : []), ...keptHints[question.kind]]), width - 2);
	return (
		<Box flexDirection="column">
			{noteLines(notes, width).map((line, index) => (
				<LineView key={`note-${index}`} line={line} />
			))}
			{promptLines(question, width).map((text, index) => (
				<Text key={`prompt-${index}`} bold wrap="truncate">
					{index === 0 ? <Text color={theme.accent}>{theme.question} </Text> : '  '}
					{text}
				</Text>
			))}
			{question.help &&
				helpLines(question.help, width).map((text, index) => (
					<Text key={`help-${index}`} color={theme.muted} wrap="truncate">
						{text}
					</Text>
				))}
			<QuestionInput
				question={question}
				initial={initial}
				problem={problem}
				width={width}
				rows={rows}
				head={headHeight(question, notes, width)}
				onAnswer={onAnswer}
				onBack={onBack}
				onPaste={onPaste}
				onHelp={onHelp}
				onQuit={onQuit}
			/>
			<Text color={theme.muted} wrap="truncate">{`  ${footer}`}</Text>
		</Box>
	);
};

const QuestionInput = ({question, initial, problem, width, rows, head, onAnswer, onBack, onPaste, onHelp, onQuit}: Omit<ActiveQuestionProps, 'notes' | 'canGoBack'> & {readonly head: number}) => {
	const help = onHelp ? {onHelp} : {};
	switch (question.kind) {
		case 'choice':
			return (
				<Box flexDirection="column">
					<Choice
						options={question.options}
						defaultValue={initial ?? question.defaultValue}
						visibleCount={inputRows(question, rows)}
						width={width}
						onChoose={option => onAnswer(question, option.value, option.sets)}
						onBack={onBack}
						{...help}
						{...(onQuit ? {onQuit} : {})}
						{...(question.acceptsPaste && onPaste ? {onPaste} : {})}
					/>
					{question.loading && <Text color={theme.muted} wrap="truncate">{`    ${visible(question.loading)}`}</Text>}
					{problem !== undefined && <Hanging prefix="    ✘ " text={problem} color={theme.failure} width={width} />}
				</Box>
			);
		case 'text': {
			const start = initial ?? question.suggestion ?? '';
			return (
				<TextField
					initial={start}
					{...(question.placeholder ? {placeholder: question.placeholder} : {})}
					{...(problem === undefined ? {} : {problem})}
					width={width}
					validate={question.validate}
					onSubmit={value => {
						const kept = question.interpret ? question.interpret(value) : value;
						const also = question.alsoAnswers?.(value);
						if (also && Object.keys(also).length > 0) onAnswer(question, kept, also);
						else onAnswer(question, kept);
					}}
					onBack={text => onBack(text === start ? undefined : text)}
					{...help}
				/>
			);
		}
		case 'paste':
			return (
				<PasteField
					check={question.check}
					initial={initial ?? ''}
					height={inputRows(question, rows, head)}
					width={width}
					placeholder="paste here"
					onSubmit={value => onAnswer(question, value)}
					onBack={text => onBack(text === (initial ?? '') ? undefined : text)}
					{...help}
				/>
			);
	}
};
