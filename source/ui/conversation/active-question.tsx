import {Box, Text} from 'ink';
import {Choice, choiceHeight} from '../inputs/choice/choice.js';
import {PasteField, pasteFieldHeight} from '../inputs/paste-field/paste-field.js';
import {TextField} from '../inputs/text-field/text-field.js';
import {hintLine} from '../keymap.js';
import {wrapText} from '../text/wrap.js';
import {theme} from '../theme.js';
import type {ChoiceOption, Note, Question} from './question.js';
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
	readonly onAnswer: (question: Question, value: string, option?: ChoiceOption) => void;
	readonly onBack: () => void;
	readonly onPaste?: (text: string) => void;
};

const footers: Readonly<Record<Question['kind'], ReadonlyArray<readonly [string, string]>>> = {
	choice: [['↑↓', 'move'], ['Enter', 'choose'], ['type', 'to filter']],
	text: [['Enter', 'confirm'], ['Ctrl+U', 'clear']],
	paste: [['Enter', 'continue once valid'], ['Ctrl+D', 'done'], ['Ctrl+U', 'clear']],
};

/** How the input is sized for the rows there are: 80×24 keeps 8 options or 8 pasted lines in view. */
export const inputRows = (question: Question, rows: number): number => {
	if (question.kind === 'choice') return Math.min(Math.max(rows - 14, 3), 10);
	if (question.kind === 'paste') return Math.min(Math.max(rows - 16, 3), 14);
	return 1;
};

const inputHeight = (question: Question, rows: number): number => {
	if (question.kind === 'choice') return choiceHeight(question.options.length, inputRows(question, rows)) + (question.loading ? 1 : 0);
	if (question.kind === 'paste') return pasteFieldHeight(inputRows(question, rows));
	return 2;
};

export const activeQuestionHeight = (question: Question, notes: readonly Note[], width: number, rows: number): number =>
	noteLines(notes, width).length + wrapText(question.prompt, width - 2).length + (question.help ? wrapText(question.help, width - 2).length : 0) + inputHeight(question, rows) + 1;

/** The question being asked: its notes, the sentence, the input for its kind and the keys. */
export const ActiveQuestion = ({question, notes, initial, problem, width, rows, canGoBack, onAnswer, onBack, onPaste}: ActiveQuestionProps) => {
	const footer = hintLine([...footers[question.kind], ...(canGoBack ? [['Esc', 'back'] as const] : []), ['Ctrl+C', 'quit']]);
	return (
		<Box flexDirection="column">
			{noteLines(notes, width).map((line, index) => (
				<LineView key={`note-${index}`} line={line} />
			))}
			{wrapText(question.prompt, width - 2).map((text, index) => (
				<Text key={`prompt-${index}`} bold wrap="truncate">
					{index === 0 ? <Text color={theme.accent}>{theme.question} </Text> : '  '}
					{text}
				</Text>
			))}
			{question.help && wrapText(question.help, width - 2).map((text, index) => <Text key={`help-${index}`} color={theme.muted} wrap="truncate">{`  ${text}`}</Text>)}
			<QuestionInput question={question} initial={initial} problem={problem} width={width} rows={rows} onAnswer={onAnswer} onBack={onBack} onPaste={onPaste} />
			<Text color={theme.muted} wrap="truncate">{`  ${footer}`}</Text>
		</Box>
	);
};

const QuestionInput = ({question, initial, problem, width, rows, onAnswer, onBack, onPaste}: Omit<ActiveQuestionProps, 'notes' | 'canGoBack'>) => {
	switch (question.kind) {
		case 'choice':
			return (
				<Box flexDirection="column">
					<Choice
						options={question.options}
						defaultValue={initial ?? question.defaultValue}
						visibleCount={inputRows(question, rows)}
						width={width}
						onChoose={option => onAnswer(question, option.value, option)}
						onBack={onBack}
						{...(question.acceptsPaste && onPaste ? {onPaste} : {})}
					/>
					{question.loading && <Text color={theme.muted} wrap="truncate">{`    ${question.loading}`}</Text>}
					{problem !== undefined && <Text color={theme.failure} wrap="wrap">{`    ✘ ${problem}`}</Text>}
				</Box>
			);
		case 'text':
			return (
				<TextField
					initial={initial ?? question.suggestion ?? ''}
					{...(question.placeholder ? {placeholder: question.placeholder} : {})}
					{...(problem === undefined ? {} : {problem})}
					validate={question.validate}
					onSubmit={value => onAnswer(question, value)}
					onBack={onBack}
				/>
			);
		case 'paste':
			return (
				<PasteField
					check={question.check}
					initial={initial ?? ''}
					height={inputRows(question, rows)}
					width={width}
					placeholder="paste here"
					onSubmit={value => onAnswer(question, value)}
					onBack={onBack}
				/>
			);
	}
};
