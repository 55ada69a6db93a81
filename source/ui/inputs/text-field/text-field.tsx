import {Box, Text} from 'ink';
import {visible} from '../../../report/sanitize.js';
import {Hanging} from '../../text/hanging.js';
import {colourless, theme} from '../../theme.js';
import {fieldLine} from './one-line.js';
import {useTextFieldState} from './use-text-field-state.js';
import {useTextField, type TextFieldHandlers} from './use-text-field.js';

export type TextFieldProps = TextFieldHandlers & {
	readonly initial?: string;
	readonly placeholder?: string;
	readonly isActive?: boolean;
	/** A problem to show before any key is pressed (e.g. a file that could not be read). */
	readonly problem?: string;
	/** Columns to wrap the problem in (ARNs break after `:` or `/`); without it Ink wraps it beside its mark. */
	readonly width?: number;
	/** Columns for the value on one line, its middle cut with `…` where it is wider (a file path); without it a long value wraps. */
	readonly lineWidth?: number;
};

/**
 * A one-line input with a cursor, a placeholder and the reason a value was refused. The value may start as a customer's
 * text (a path, a suggestion read from a paste): it is drawn made visible, and kept as typed.
 */
export const TextField = ({initial = '', placeholder, isActive = true, problem, width, lineWidth, ...handlers}: TextFieldProps) => {
	const state = useTextFieldState(initial);
	useTextField(state, handlers, isActive);
	const shownProblem = state.problem ?? (state.value === initial ? problem : undefined);
	const {before, atCursor, after} =
		lineWidth === undefined
			? {before: state.value.slice(0, state.cursor), atCursor: state.value[state.cursor], after: state.value.slice(state.cursor + 1)}
			: fieldLine(state.value, state.cursor, lineWidth);
	return (
		<Box flexDirection="column">
			<Box>
				<Text>
					{'  '}
					<Text color={theme.accent}>{theme.pointer} </Text>
				</Text>
				{/* A long value wraps under its own first character, not back to column 0. */}
				<Box flexShrink={1}>
					<Text wrap="wrap">
						{state.value === '' && placeholder ? (
							<>
								{isActive && <Cursor />}
								<Text color={theme.muted}>{visible(placeholder)}</Text>
							</>
						) : (
							<>
								{visible(before)}
								{isActive ? <Cursor {...(atCursor === undefined ? {} : {character: visible(atCursor)})} /> : visible(atCursor ?? '')}
								{visible(after)}
							</>
						)}
					</Text>
				</Box>
			</Box>
			{shownProblem !== undefined && <Hanging prefix="    ✘ " text={shownProblem} color={theme.failure} {...(width === undefined ? {} : {width})} />}
		</Box>
	);
};

const Cursor = ({character}: {readonly character?: string}) =>
	colourless ? (
		<Text>
			{theme.cursorBar}
			{character ?? ''}
		</Text>
	) : (
		<Text inverse>{character ?? ' '}</Text>
	);
