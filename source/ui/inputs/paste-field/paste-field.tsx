import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {PasteCheck} from '../../conversation/question.js';
import {colourless, theme} from '../../theme.js';
import {cursorPosition} from './editor.js';
import {usePasteFieldState} from './use-paste-field-state.js';
import {usePasteField, type PasteFieldHandlers} from './use-paste-field.js';
import {visibleLines, visibleSlice} from './visible-lines.js';

export type PasteFieldProps = PasteFieldHandlers & {
	readonly check: (text: string) => PasteCheck;
	readonly initial?: string;
	/** How many lines of the text to show (around the cursor, plus the line of a syntax error). */
	readonly height: number;
	readonly width: number;
	readonly placeholder: string;
	readonly isActive?: boolean;
};

const Cursor = ({character}: {readonly character: string | undefined}) =>
	colourless ? (
		<Text>
			{theme.cursorBar}
			{character ?? ''}
		</Text>
	) : (
		<Text inverse>{character ?? ' '}</Text>
	);

/** A multi-line editor for pasted text, validated as the text arrives, pointing at the line and column of a problem. */
export const PasteField = ({check, initial = '', height, width, placeholder, isActive = true, ...handlers}: PasteFieldProps) => {
	const state = usePasteFieldState(initial);
	const result = useMemo(() => (state.text.trim() === '' ? undefined : check(state.text.trim())), [check, state.text]);
	usePasteField(state, check, handlers, isActive);
	const lines = state.text === '' ? [] : state.text.split('\n');
	const cursor = cursorPosition(state);
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
					{isActive && <Cursor character={undefined} />}
					{placeholder}
				</Text>
			) : (
				visibleLines(lines, height, cursor.line, errorLine, errorColumn).map((line, index) => {
					if ('gap' in line) return <Text key={`gap-${index}`} color={theme.muted}>{`  ${' '.repeat(numberWidth)} ┆ … ${line.gap} more line${line.gap === 1 ? '' : 's'}`}</Text>;
					if ('caret' in line) {
						return <Text key={`caret-${index}`} color={theme.failure}>{`  ${' '.repeat(numberWidth)}   ${' '.repeat(Math.min(Math.max(line.caret - 1, 0), textWidth - 1))}^`}</Text>;
					}
					const hasCursor = isActive && line.number === cursor.line + 1;
					const shown = visibleSlice(line.text, textWidth, hasCursor ? cursor.column : 0);
					return (
						<Text key={`line-${index}`} wrap="truncate" color={line.isError ? theme.failure : undefined}>
							{`  ${String(line.number).padStart(numberWidth)} ${line.isError ? '▶' : '│'} `}
							{hasCursor ? (
								<>
									{shown.text.slice(0, shown.cursor)}
									<Cursor character={shown.text[shown.cursor]} />
									{shown.text.slice(shown.cursor + 1)}
								</>
							) : (
								shown.text
							)}
						</Text>
					);
				})
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

/** Lines the paste field takes at most: the window, an error line with its caret, a gap above and below, the status. */
export const pasteFieldHeight = (height: number): number => height + 5;
