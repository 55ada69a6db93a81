import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {PasteCheck} from '../../conversation/question.js';
import {visible} from '../../../report/sanitize.js';
import {hangingLines} from '../../text/hanging.js';
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
	const rows = lines.length === 0 ? [] : visibleLines(lines, height, cursor.line, errorLine, errorColumn);
	// The status may use the rows a short text leaves free: the field's height stays what the layout reserved.
	const room = statusRoom + Math.max(height + textChrome - rows.length, 0);
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
				rows.map((line, index) => {
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
									{visible(shown.text.slice(0, shown.cursor))}
									<Cursor character={shown.text[shown.cursor]} />
									{visible(shown.text.slice(shown.cursor + 1))}
								</>
							) : (
								visible(shown.text)
							)}
						</Text>
					);
				})
			)}
			{result && <Status check={result} insisted={state.insisted} width={width} room={room} />}
		</Box>
	);
};

/** At least this many lines of status under the text: the verdict, then warnings, then what was done to read it. */
export const statusRoom = 4;
/** Rows the text may take beyond its window: an error line above it with its caret, and a gap above and below. */
const textChrome = 4;

/**
 * The status lines: ✔/…/✘ with the summary or problem, then `!` warnings and `•` notes, each hanging under its mark;
 * at most `room` of them, the last saying how many more there are.
 */
export const statusLines = (check: PasteCheck, insisted: boolean, width: number, room = statusRoom): ReadonlyArray<{readonly text: string; readonly colour: string}> => {
	// Usable, but with what its author surely did not mean (an action AWS does not know): `!`, never ✔.
	const warned = check.ok && (check.warnings ?? []).length > 0;
	const main = check.ok
		? hangingLines(`    ${warned ? '!' : '✔'} `, `${check.summary} — Enter to continue`, width).map(text => ({text, colour: warned ? theme.warning : theme.success}))
		: hangingLines(`    ${insisted ? '✘' : '…'} `, check.message, width).map(text => ({text, colour: insisted ? theme.failure : theme.warning}));
	const extra = check.ok
		? [
				...(check.warnings ?? []).flatMap(warning => hangingLines('      ! ', warning, width).map(text => ({text, colour: theme.warning}))),
				...(check.notes ?? []).flatMap(note => hangingLines('      • ', note, width).map(text => ({text, colour: theme.muted}))),
			]
		: [];
	const lines = [...main, ...extra];
	if (lines.length <= room) return lines;
	return [...lines.slice(0, room - 1), {text: `      … ${lines.length - room + 1} more lines`, colour: theme.muted}];
};

const Status = ({check, insisted, width, room}: {readonly check: PasteCheck; readonly insisted: boolean; readonly width: number; readonly room: number}) => (
	<Box flexDirection="column">
		{statusLines(check, insisted, width, room).map((line, index) => (
			<Text key={index} color={line.colour} wrap="truncate">
				{line.text}
			</Text>
		))}
	</Box>
);

/** Lines the paste field takes at most: the window, an error line with its caret, a gap above and below, the status. */
export const pasteFieldHeight = (height: number): number => height + textChrome + statusRoom;
