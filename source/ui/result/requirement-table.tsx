import {Box, Text} from 'ink';
import {placeHeading, statusStyles} from '../../report/marks.js';
import {displayWidth, padEnd} from '../../shared/display-width.js';
import {truncate} from '../text/truncate.js';
import {shortenArn} from '../text/shorten-arn.js';
import {theme} from '../theme.js';
import type {RowGroup} from './rows.js';

type TableLine = {readonly kind: 'heading'; readonly group: RowGroup} | {readonly kind: 'row'; readonly group: RowGroup; readonly index: number};

const tableLines = (groups: readonly RowGroup[]): TableLine[] =>
	groups.flatMap(group => [{kind: 'heading' as const, group}, ...group.rows.map((_row, offset) => ({kind: 'row' as const, group, index: group.firstIndex + offset}))]);

/** Lines the whole table takes: a heading per group and a line per row. */
export const tableLineCount = (groups: readonly RowGroup[]): number => tableLines(groups).length;

/** The lines in view (room for the ↑/↓ markers kept): the selected row, under its group's heading when it fits. */
const windowOf = (lines: readonly TableLine[], selected: number, height: number): {from: number; to: number} => {
	if (lines.length <= height) return {from: 0, to: lines.length};
	const room = Math.max(height - 2, 1);
	const at = Math.max(lines.findIndex(line => line.kind === 'row' && line.index === selected), 0);
	const heading = lines.findLastIndex((line, index) => index <= at && line.kind === 'heading');
	const wanted = heading !== -1 && at - heading < room ? heading : at - room + 1;
	const from = Math.min(Math.max(wanted, 0), lines.length - room);
	return {from, to: from + room};
};

/** Requirements grouped by place: mark, action, why; the arrow on the selected row. */
export const RequirementTable = ({groups, selected, width, height}: {readonly groups: readonly RowGroup[]; readonly selected: number; readonly width: number; readonly height: number}) => {
	const lines = tableLines(groups);
	const {from, to} = windowOf(lines, selected, height);
	const actionWidth = Math.min(Math.max(...groups.flatMap(group => group.rows.map(row => displayWidth(row.requirement.action))), 10), 26);
	return (
		<Box flexDirection="column">
			{from > 0 && <Text color={theme.muted}>{`  ↑ ${from} more`}</Text>}
			{lines.slice(from, to).map(line => {
				if (line.kind === 'heading') {
					const heading = `${placeHeading(line.group.place)}${line.group.side ? ` (${line.group.side})` : ''}`;
					// The ARN's end says which key or object: its front gives way on a narrow terminal.
					const room = width - heading.length - 3;
					const resource = line.group.sharedResource && room >= 16 ? ` · ${shortenArn(line.group.sharedResource, room)}` : '';
					return (
						<Text key={`h-${line.group.place}-${line.group.side ?? ''}`} bold wrap="truncate">
							{truncate(`${heading}${resource}`, width)}
						</Text>
					);
				}
				const row = line.group.rows[line.index - line.group.firstIndex]!;
				const {requirement} = row;
				const style = statusStyles[requirement.status];
				const isSelected = line.index === selected;
				const why = truncate(requirement.why, Math.max(width - actionWidth - 8, 10));
				return (
					<Text key={`r-${line.index}`} wrap="truncate">
						<Text color={isSelected ? theme.accent : undefined}>{isSelected ? `${theme.pointer} ` : '  '}</Text>
						{/* ⛔ takes two columns: pad every mark to two so the actions line up. */}
						<Text {...(style.color ? {color: style.color} : {})} dimColor={style.dim ?? false}>
							{`${padEnd(style.mark, 2)} `}
						</Text>
						<Text bold={isSelected}>{padEnd(requirement.action, actionWidth)}</Text>
						{'  '}
						<Text dimColor={style.dim ?? false}>{why}</Text>
					</Text>
				);
			})}
			{to < lines.length && <Text color={theme.muted}>{`  ↓ ${lines.length - to} more`}</Text>}
		</Box>
	);
};
