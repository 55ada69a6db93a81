import {Box, Text} from 'ink';
import {hangingLines} from '../text/hanging.js';
import {theme} from '../theme.js';
import {truncate} from '../text/truncate.js';
import {displayWidth} from '../../shared/display-width.js';

/**
 * The keys (and a legend), boxed when there is room, each description wrapped under itself: on a small
 * terminal the border gives way, then the legend, then descriptions are cut to one line, then the list
 * is cut with a note, so `?` never pushes the screen past its rows.
 */

export type HelpBoxProps = {
	readonly entries: ReadonlyArray<readonly [label: string, description: string]>;
	/** The marks and what they mean (`✔ ok`), as many to a line as fit. */
	readonly legend?: readonly string[];
	readonly closeHint?: string;
	readonly width: number;
	/** Lines the box may take. */
	readonly room: number;
};

type Layout = {readonly border: boolean; readonly legend: boolean; readonly wrap: boolean; readonly shown: number};

const labelWidthOf = (props: HelpBoxProps): number => Math.min(Math.max(...props.entries.map(([label]) => label.length)) + 2, 18);

/** Each entry's lines: the label, then its description, continuation lines under the description. */
const entryLines = (props: HelpBoxProps, layout: Omit<Layout, 'shown'>): string[][] => {
	const inner = props.width - (layout.border ? 4 : 2);
	const labelWidth = labelWidthOf(props);
	return props.entries.map(([label, description]) =>
		layout.wrap ? hangingLines(label.padEnd(labelWidth), description, inner) : [`${label.padEnd(labelWidth)}${truncate(description, Math.max(inner - labelWidth, 10))}`],
	);
};

const legendSeparator = '   ';

/** The legend's entries packed into lines of the box's inner width, never one cut. */
const legendLines = (props: HelpBoxProps, layout: Omit<Layout, 'shown'>): string[] => {
	const inner = props.width - (layout.border ? 4 : 2);
	const lines: string[] = [];
	for (const entry of props.legend ?? []) {
		const last = lines.at(-1);
		if (last !== undefined && displayWidth(last) + legendSeparator.length + displayWidth(entry) <= inner) lines[lines.length - 1] = `${last}${legendSeparator}${entry}`;
		else lines.push(entry);
	}
	return lines;
};

const heightOf = (props: HelpBoxProps, layout: Layout): number =>
	2 +
	entryLines(props, layout)
		.slice(0, layout.shown)
		.reduce((sum, lines) => sum + lines.length, 0) +
	(layout.shown < props.entries.length ? 1 : 0) +
	(layout.legend ? legendLines(props, layout).length : 0) +
	(layout.border ? 2 : 0);

const layoutOf = (props: HelpBoxProps): Layout => {
	const legend = props.legend !== undefined;
	const candidates: Array<Omit<Layout, 'shown'>> = [
		{border: true, legend, wrap: true},
		{border: false, legend, wrap: true},
		{border: false, legend: false, wrap: true},
		{border: false, legend: false, wrap: false},
	];
	for (const candidate of candidates) {
		const layout = {...candidate, shown: props.entries.length};
		if (heightOf(props, layout) <= props.room) return layout;
	}
	return {border: false, legend: false, wrap: false, shown: Math.max(props.room - 3, 1)};
};

export const helpBoxHeight = (props: HelpBoxProps): number => heightOf(props, layoutOf(props));

export const HelpBox = (props: HelpBoxProps) => {
	const {entries, closeHint = '? or Esc to close'} = props;
	const layout = layoutOf(props);
	const labelWidth = labelWidthOf(props);
	return (
		<Box flexDirection="column" {...(layout.border ? {borderStyle: 'round' as const, borderColor: theme.accent, paddingX: 1} : {paddingLeft: 2})}>
			<Text bold>Keys</Text>
			{entryLines(props, layout)
				.slice(0, layout.shown)
				.flatMap((lines, entry) =>
					lines.map((line, index) => (
						<Text key={`${entry}-${index}`} wrap="truncate">
							{index === 0 ? <Text color={theme.accent}>{line.slice(0, labelWidth)}</Text> : line.slice(0, labelWidth)}
							{line.slice(labelWidth)}
						</Text>
					)),
				)}
			{layout.shown < entries.length && <Text color={theme.muted}>{`… ${entries.length - layout.shown} more (a taller terminal shows them)`}</Text>}
			{layout.legend &&
				legendLines(props, layout).map(line => (
					<Text key={line} wrap="truncate">
						{line}
					</Text>
				))}
			<Text color={theme.muted}>{closeHint}</Text>
		</Box>
	);
};
