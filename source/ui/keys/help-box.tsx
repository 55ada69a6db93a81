import {Box, Text} from 'ink';
import {theme} from '../theme.js';
import {truncate} from '../text/truncate.js';

/**
 * The keys (and a legend), boxed when there is room: on a small terminal the border, then the legend
 * give way, then the list is cut with a note, so `?` never pushes the screen past its rows.
 */

export type HelpBoxProps = {
	readonly entries: ReadonlyArray<readonly [label: string, description: string]>;
	readonly legend?: string;
	readonly closeHint?: string;
	readonly width: number;
	/** Lines the box may take. */
	readonly room: number;
};

type Layout = {readonly border: boolean; readonly legend: boolean; readonly shown: number};

const layoutOf = ({entries, legend, room}: HelpBoxProps): Layout => {
	const lines = (layout: Omit<Layout, 'shown'>, shown: number): number => 2 + shown + (layout.legend ? 1 : 0) + (layout.border ? 2 : 0);
	for (const candidate of [{border: true, legend: legend !== undefined}, {border: false, legend: legend !== undefined}, {border: false, legend: false}]) {
		if (lines(candidate, entries.length) <= room) return {...candidate, shown: entries.length};
	}
	return {border: false, legend: false, shown: Math.max(room - 3, 1)};
};

export const helpBoxHeight = (props: HelpBoxProps): number => {
	const layout = layoutOf(props);
	return 2 + layout.shown + (layout.shown < props.entries.length ? 1 : 0) + (layout.legend ? 1 : 0) + (layout.border ? 2 : 0);
};

export const HelpBox = (props: HelpBoxProps) => {
	const {entries, legend, closeHint = '? or Esc to close', width} = props;
	const layout = layoutOf(props);
	const inner = width - (layout.border ? 4 : 2);
	const labelWidth = Math.min(Math.max(...entries.map(([label]) => label.length)) + 2, 18);
	return (
		<Box flexDirection="column" {...(layout.border ? {borderStyle: 'round' as const, borderColor: theme.accent, paddingX: 1} : {paddingLeft: 2})}>
			<Text bold>Keys</Text>
			{entries.slice(0, layout.shown).map(([label, description]) => (
				<Text key={label} wrap="truncate">
					<Text color={theme.accent}>{label.padEnd(labelWidth)}</Text>
					{truncate(description, Math.max(inner - labelWidth, 10))}
				</Text>
			))}
			{layout.shown < entries.length && <Text color={theme.muted}>{`… ${entries.length - layout.shown} more (a taller terminal shows them)`}</Text>}
			{layout.legend && legend && <Text wrap="truncate">{legend}</Text>}
			<Text color={theme.muted}>{closeHint}</Text>
		</Box>
	);
};
