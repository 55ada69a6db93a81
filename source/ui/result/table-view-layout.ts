import type {Line} from '../conversation/transcript-lines.js';
import {fitHeader, type Header} from './header-lines.js';

/**
 * How the table view shares the lines the title, footer and notice leave (`available`): the verdict whole first,
 * then the table's first six lines (or all it has) and two lines of the selected row's pane, then the assumptions
 * and findings, then the rest of the pane (up to four lines), and the table takes what is left. A blank line
 * stands under the header and above the pane. An error finding (a disabled key: its remedy is the fix) that would not
 * fit comes before the pane, which Enter still opens in full.
 */

export type TableViewLayout = {readonly header: readonly Line[]; readonly paneRoom: number; readonly tableHeight: number};

const tableFirst = 6;
const paneFirst = 2;
const paneMost = 4;

export const tableViewLayout = ({available, header, tableLines, paneLines}: {readonly available: number; readonly header: Header; readonly tableLines: number; readonly paneLines: number}): TableViewLayout => {
	const tableWanted = Math.min(tableLines, tableFirst);
	const paneWanted = paneLines > 0 ? 1 + Math.min(paneLines, paneFirst) : 0;
	const withPane = fitHeader(header, available - 1 - tableWanted - paneWanted);
	const withoutPane = withPane.decisiveLeftOut ? fitHeader(header, available - 1 - tableWanted) : withPane;
	const fitted = withoutPane.decisiveLeftOut ? withPane.lines : withoutPane.lines;
	const rest = available - fitted.length - 1;
	const room = Math.min(paneLines, paneMost, rest - tableWanted - 1);
	const paneRoom = room >= Math.min(paneLines, paneFirst) ? room : 0;
	return {header: fitted, paneRoom, tableHeight: rest - (paneRoom > 0 ? paneRoom + 1 : 0)};
};
