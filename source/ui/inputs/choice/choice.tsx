import {Box, Text} from 'ink';
import type {ChoiceOption} from '../../conversation/question.js';
import {displayWidth, padEnd} from '../../../shared/display-width.js';
import {truncate} from '../../text/truncate.js';
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

/** A list of options: arrows and Enter, type-ahead filtering, optional one-key hotkeys. */
export const Choice = ({options, defaultValue, visibleCount, width, isActive = true, ...handlers}: ChoiceProps) => {
	const state = useChoiceState({options, defaultValue, visibleCount});
	useChoice(state, options, handlers, isActive);
	const labelWidth = Math.min(Math.max(...options.map(option => displayWidth(option.label) + (option.hotkey ? 4 : 0)), 10), Math.floor(width * 0.6));
	return (
		<Box flexDirection="column">
			{state.filter !== '' && (
				<Text color={theme.muted}>
					{'  '}filter: <Text color={theme.accent}>{state.filter}</Text>
					{state.filtered.length === 0 ? ' — nothing matches (Backspace to erase, Esc to clear)' : ''}
				</Text>
			)}
			{state.hiddenAbove > 0 && <Text color={theme.muted}>{`    ↑ ${state.hiddenAbove} more`}</Text>}
			{state.visible.map(option => {
				const focused = option.value === state.focusedOption?.value;
				const label = `${option.hotkey ? `[${option.hotkey}] ` : ''}${option.label}`;
				const hint = option.hint ? truncate(option.hint, Math.max(width - labelWidth - 8, 0)) : '';
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
		</Box>
	);
};

/** How many lines a choice takes, for the conversation's height budget. */
export const choiceHeight = (optionCount: number, visibleCount: number): number =>
	Math.min(optionCount, visibleCount) + (optionCount > visibleCount ? 2 : 0) + 1;
