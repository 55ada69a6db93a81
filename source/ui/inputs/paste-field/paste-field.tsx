import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {PasteCheck} from '../../conversation/question.js';
import {truncate} from '../../text/truncate.js';
import {visible} from '../../../report/sanitize.js';
import {colourless, theme} from '../../theme.js';
import {usePasteFieldState} from './use-paste-field-state.js';
import {usePasteField, type PasteFieldHandlers} from './use-paste-field.js';

export type PasteFieldProps = PasteFieldHandlers & {
	readonly check: (text: string) => PasteCheck;
	readonly initial?: string;
	/** How many lines of the text to show (the last ones, plus the line of a syntax error). */
	readonly height: number;
	readonly width: number;
	readonly placeholder: string;
	readonly isActive?: boolean;
};

type Shown = {readonly number: number; readonly text: string; readonly isError: boolean};
type Row = Shown | 'gap' | {readonly caret: number};

/** The lines to draw: the end of the text, and the line a syntax error points at (with a caret) when it is further up. */
const linesToShow = (lines: readonly string[], height: number, errorLine: number | undefined, errorColumn: number | undefined): Row[] => {
	const tailStart = Math.max(lines.length - height, 0);
	const shown: Row[] = [];
	const push = (index: number): void => {
		const isError = index + 1 === errorLine;
		shown.push({number: index + 1, text: lines[index] ?? '', isError});
		if (isError && errorColumn !== undefined) shown.push({caret: errorColumn});
	};
	if (errorLine !== undefined && errorLine - 1 < tailStart && errorLine >= 1) {
		push(errorLine - 1);
		shown.push('gap');
	} else if (tailStart > 0) shown.push('gap');
	for (let index = tailStart; index < lines.length; index++) push(index);
	return shown;
};

/** A multi-line paste area, validated as the text arrives, pointing at the line and column of a problem. */
export const PasteField = ({check, initial = '', height, width, placeholder, isActive = true, ...handlers}: PasteFieldProps) => {
	const state = usePasteFieldState(initial);
	const result = useMemo(() => (state.text.trim() === '' ? undefined : check(state.text.trim())), [check, state.text]);
	usePasteField(state, check, handlers, isActive);
	const lines = state.text === '' ? [] : state.text.split('\n');
	// Line numbers refer to the trimmed text; count the blank lines trimmed off the top back in.
	const leadingBlank = state.text.slice(0, state.text.length - state.text.trimStart().length).split('\n').length - 1;
	const errorLine = result && !result.ok && result.line !== undefined ? result.line + leadingBlank : undefined;
	const errorColumn = result && !result.ok ? result.column : undefined;
	const numberWidth = String(Math.max(lines.length, 1)).length;
	const textWidth = Math.max(width - numberWidth - 7, 10);
	return (
		<Box flexDirection="column">
			{lines.length === 0 ? (
				<Text color={theme.muted}>
					{'  '}
					<Text color={theme.accent}>{theme.pointer} </Text>
					{colourless ? theme.cursorBar : <Text inverse> </Text>}
					{placeholder}
				</Text>
			) : (
				linesToShow(lines, height, errorLine, errorColumn).map((line, index) =>
					line === 'gap' ? (
						<Text key={`gap-${index}`} color={theme.muted}>{`  ${' '.repeat(numberWidth)} ┆ …`}</Text>
					) : 'caret' in line ? (
						<Text key={`caret-${index}`} color={theme.failure}>{`  ${' '.repeat(numberWidth)}   ${' '.repeat(Math.min(Math.max(line.caret - 1, 0), textWidth - 1))}^`}</Text>
					) : (
						<Text key={line.number} wrap="truncate" color={line.isError ? theme.failure : undefined}>
							{`  ${String(line.number).padStart(numberWidth)} ${line.isError ? '▶' : '│'} `}
							{truncate(visible(line.text.replace(/\t/g, '  ')), textWidth)}
						</Text>
					),
				)
			)}
			{result && <Status check={result} insisted={state.insisted} />}
		</Box>
	);
};

const Status = ({check, insisted}: {readonly check: PasteCheck; readonly insisted: boolean}) =>
	check.ok ? (
		<Text color={theme.success} wrap="wrap">{`    ✔ ${check.summary} — Enter to continue`}</Text>
	) : (
		<Text color={insisted ? theme.failure : theme.warning} wrap="wrap">
			{`    ${insisted ? '✘' : '…'} ${check.message}`}
		</Text>
	);

/** Lines the paste field takes at most. */
export const pasteFieldHeight = (height: number): number => height + 4;
