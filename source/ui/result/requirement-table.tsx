import {Box, Text} from 'ink';
import {placeHeading, statusStyles} from '../../report/marks.js';
import {displayWidth, padEnd} from '../../shared/display-width.js';
import {actionNameLines} from '../text/action-name.js';
import {truncate} from '../text/truncate.js';
import {shortenArn} from '../text/shorten-arn.js';
import {theme} from '../theme.js';
import type {RowGroup} from './rows.js';

/** A row's `part`: which line of its action's name (0, the first, has the mark and the reason; a long name goes on). */
type TableLine = {readonly kind: 'heading'; readonly group: RowGroup} | {readonly kind: 'row'; readonly group: RowGroup; readonly index: number; readonly part: number};

/** The reason keeps at least this many columns; a longer action name goes on a line of its own under itself. */
const reasonLeast = 24;
/** Before the action: the arrow (2), the mark padded to two and a space (3); after it, two spaces and one spare column. */
const besideAction = 8;

/** The action column: as wide as the widest action, where the reason keeps its columns beside it. */
const actionColumn = (groups: readonly RowGroup[], width: number): number =>
	Math.min(Math.max(...groups.flatMap(group => group.rows.map(row => displayWidth(row.requirement.action))), 10), Math.max(width - besideAction - reasonLeast, 10));

const tableLines = (groups: readonly RowGroup[], actionWidth: number): TableLine[] =>
	groups.flatMap(group => [
		{kind: 'heading' as const, group},
		...group.rows.flatMap((row, offset) => actionNameLines(row.requirement.action, actionWidth).map((_line, part) => ({kind: 'row' as const, group, index: group.firstIndex + offset, part}))),
	]);

/** Lines the whole table takes at `width`: a heading per group and a line per row (more for an action name wider than its column). */
export const tableLineCount = (groups: readonly RowGroup[], width: number): number => tableLines(groups, actionColumn(groups, width)).length;

const continues = (line: TableLine | undefined): boolean => line?.kind === 'row' && line.part > 0;

/** The lines in view (room for the ↑/↓ markers kept): the selected row whole, under its group's heading when it fits; no row cut in two at either end. */
const windowOf = (lines: readonly TableLine[], selected: number, height: number): {from: number; to: number} => {
	if (lines.length <= height) return {from: 0, to: lines.length};
	const room = Math.max(height - 2, 1);
	const at = Math.max(lines.findIndex(line => line.kind === 'row' && line.index === selected), 0);
	let end = at;
	while (continues(lines[end + 1])) end++;
	const heading = lines.findLastIndex((line, index) => index <= at && line.kind === 'heading');
	const wanted = heading !== -1 && end - heading < room ? heading : Math.min(at, end - room + 1);
	let from = Math.min(Math.max(wanted, 0), lines.length - room);
	let to = from + room;
	while (from < at && continues(lines[from])) from++;
	while (to - 1 > end && continues(lines[to])) to--;
	return {from, to};
};

/** Requirements grouped by place: mark, action, why; the arrow on the selected row. */
export const RequirementTable = ({groups, selected, width, height}: {readonly groups: readonly RowGroup[]; readonly selected: number; readonly width: number; readonly height: number}) => {
	const actionWidth = actionColumn(groups, width);
	const lines = tableLines(groups, actionWidth);
	const {from, to} = windowOf(lines, selected, height);
	// The markers count what is out of view as rows and headings, not the lines of a long name.
	const outOfView = (shown: readonly TableLine[]): number => shown.filter(line => !continues(line)).length;
	return (
		<Box flexDirection="column">
			{from > 0 && <Text color={theme.muted}>{`  ↑ ${outOfView(lines.slice(0, from))} more`}</Text>}
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
				const name = actionNameLines(requirement.action, actionWidth)[line.part]!;
				if (line.part > 0)
					return (
						<Text key={`r-${line.index}-${line.part}`} wrap="truncate">
							{'     '}
							<Text bold={isSelected}>{name}</Text>
						</Text>
					);
				const why = truncate(requirement.why, Math.max(width - actionWidth - besideAction, 10));
				return (
					<Text key={`r-${line.index}`} wrap="truncate">
						<Text color={isSelected ? theme.accent : undefined}>{isSelected ? `${theme.pointer} ` : '  '}</Text>
						{/* ⛔ takes two columns: pad every mark to two so the actions line up. */}
						<Text {...(style.color ? {color: style.color} : {})} dimColor={style.dim ?? false}>
							{`${padEnd(style.mark, 2)} `}
						</Text>
						<Text bold={isSelected}>{padEnd(name, actionWidth)}</Text>
						{'  '}
						<Text dimColor={style.dim ?? false}>{why}</Text>
					</Text>
				);
			})}
			{to < lines.length && <Text color={theme.muted}>{`  ↓ ${outOfView(lines.slice(to))} more`}</Text>}
		</Box>
	);
};
