import {statusStyles} from '../../report/marks.js';
import {displayWidth, padEnd} from '../../shared/display-width.js';
import type {Line} from '../conversation/transcript-lines.js';
import {wrapText} from '../text/wrap.js';
import {actionWithSide, type Side} from './copy-sides.js';
import type {ResultRow} from './rows.js';

/**
 * Under the table, the selected row's explanation in full: in the table it is cut to one line (about 35
 * columns at 80), which is not enough to read it. Enter still opens the whole explanation and the fix.
 */

/** At most this many lines; fewer when the table would keep too little room (60×20). */
export const paneRoom = 4;

export const rowPaneLines = (row: ResultRow | undefined, width: number, side?: Side, room = paneRoom): Line[] => {
	if (!row) return [];
	const style = statusStyles[row.requirement.status];
	const more = row.fix ? ' (Enter: the fix)' : ' (Enter: more)';
	// As in the table: the mark padded to two columns (⛔ takes two), then a space; the text under the table's actions.
	const mark = `  ${padEnd(style.mark, 2)} `;
	const indent = ' '.repeat(displayWidth(mark));
	const lines = wrapText(`${actionWithSide(row.requirement.action, side)}: ${row.requirement.why}${more}`, width - indent.length, '');
	const kept = lines.length <= room ? lines : [...lines.slice(0, room - 1), `${lines[room - 1]!.slice(0, Math.max(width - 20, 10))}… Enter reads on`];
	return kept.map((text, index) => (index === 0 ? {mark, ...(style.color ? {markColour: style.color} : {}), text, dim: style.dim ?? false} : {text: `${indent}${text}`, dim: style.dim ?? false}));
};
