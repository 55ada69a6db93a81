import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {ChoiceOption} from '../../conversation/question.js';
import {visible} from '../../../report/sanitize.js';
import {displayWidth, padEnd} from '../../../shared/display-width.js';
import {truncate} from '../../text/truncate.js';
import {hangingLines} from '../../text/hanging.js';
import {theme} from '../../theme.js';
import {useChoiceState} from './use-choice-state.js';
import {useChoice, type ChoiceHandlers} from './use-choice.js';

export type ChoiceProps = ChoiceHandlers & {
	readonly options: readonly ChoiceOption[];
	readonly defaultValue?: string;
	readonly visibleCount: number;
	readonly width: number;
	readonly isActive?: boolean;
};

/** An option as drawn: its label and hint may name a customer's profile, bucket or key, so they are made visible here, once for every list. */
const shownOption = (option: ChoiceOption): ChoiceOption => {
	const label = visible(option.label);
	const hint = option.hint === undefined ? undefined : visible(option.hint);
	return label === option.label && hint === option.hint ? option : {...option, label, ...(hint === undefined ? {} : {hint})};
};

const shownOptions = (options: readonly ChoiceOption[]): readonly ChoiceOption[] => options.map(shownOption);

const labelWidthOf = (options: readonly ChoiceOption[], width: number): number =>
	Math.min(Math.max(...options.map(option => displayWidth(option.label) + (option.hotkey ? 4 : 0)), 10), Math.floor(width * 0.6));
const hintRoomOf = (options: readonly ChoiceOption[], width: number): number => Math.max(width - labelWidthOf(options, width) - 8, 0);

/** Hints much longer than their column (example descriptions) leave the rows: the focused one is shown whole below. */
const hintsBelow = (options: readonly ChoiceOption[], width: number): boolean => options.some(option => displayWidth(option.hint ?? '') > 2 * hintRoomOf(options, width));

/** The most lines a focused option's hint takes below the list. */
const detailRoom = 8;

/** The focused option's hint in full, under the list, when its row cannot show it whole. */
const detailLines = (options: readonly ChoiceOption[], focused: ChoiceOption | undefined, width: number): string[] => {
	const hint = focused?.hint;
	if (!hint || (!hintsBelow(options, width) && displayWidth(hint) <= hintRoomOf(options, width))) return [];
	return hangingLines('    ', hint, width).slice(0, detailRoom);
};

/** Lines the focused option's hint may take below the list (the most any option needs), for the height budget. */
export const choiceDetailHeight = (written: readonly ChoiceOption[], width: number): number => {
	const options = shownOptions(written);
	return Math.max(0, ...options.map(option => detailLines(options, option, width).length));
};

/** A list of options: arrows and Enter, type-ahead filtering, optional one-key hotkeys. */
export const Choice = ({options: written, defaultValue, visibleCount, width, isActive = true, ...handlers}: ChoiceProps) => {
	// Values and `sets` stay as written: only what is drawn (and measured) changes.
	const options = useMemo(() => shownOptions(written), [written]);
	const state = useChoiceState({options, defaultValue, visibleCount});
	useChoice(state, options, handlers, isActive);
	const labelWidth = labelWidthOf(options, width);
	const below = hintsBelow(options, width);
	return (
		<Box flexDirection="column">
			{state.filter !== '' && (
				<Text color={theme.muted}>
					{'  '}filter: <Text color={theme.accent}>{visible(state.filter)}</Text>
					{state.filtered.length === 0 ? ' — nothing matches (Backspace to erase, Esc to clear)' : ''}
				</Text>
			)}
			{state.hiddenAbove > 0 && <Text color={theme.muted}>{`    ↑ ${state.hiddenAbove} more`}</Text>}
			{state.visible.map(option => {
				const focused = option.value === state.focusedOption?.value;
				const label = `${option.hotkey ? `[${option.hotkey}] ` : ''}${option.label}`;
				const hint = option.hint && !below ? truncate(option.hint, hintRoomOf(options, width)) : '';
				return (
					<Text key={option.value} wrap="truncate">
						{'  '}
						<Text color={focused ? theme.accent : undefined}>{focused ? theme.pointer : ' '} </Text>
						<Text color={focused ? theme.accent : undefined} bold={focused}>
							{hint ? padEnd(label, labelWidth) : label}
						</Text>
						{hint && <Text color={theme.muted}>{`  ${hint}`}</Text>}
					</Text>
				);
			})}
			{state.hiddenBelow > 0 && <Text color={theme.muted}>{`    ↓ ${state.hiddenBelow} more`}</Text>}
			{detailLines(options, state.focusedOption, width).map((line, index) => (
				<Text key={`detail-${index}`} color={theme.muted} wrap="truncate">
					{line}
				</Text>
			))}
		</Box>
	);
};

/** How many lines a choice takes, for the conversation's height budget. */
export const choiceHeight = (optionCount: number, visibleCount: number): number =>
	Math.min(optionCount, visibleCount) + (optionCount > visibleCount ? 2 : 0) + 1;
