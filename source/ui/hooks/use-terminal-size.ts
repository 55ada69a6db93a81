import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {readonly columns: number; readonly rows: number};

/** The smallest terminal the wizard is designed for; also what a stream without a size reports. */
export const minimumSize: TerminalSize = {columns: 80, rows: 24};

/** Clear the visible screen and go home (the scrollback stays). */
const clearScreen = '\u001B[2J\u001B[H';

const read = (stdout: NodeJS.WriteStream): TerminalSize => ({
	columns: stdout.columns > 0 ? stdout.columns : minimumSize.columns,
	rows: stdout.rows > 0 ? stdout.rows : minimumSize.rows,
});

/**
 * Columns and rows of the terminal, updated on resize so every view can budget its lines. When the
 * terminal gets narrower it re-wraps the last frame into more rows than Ink erases, leaving torn lines
 * above the new frame; clearing the visible screen first lets the frame be drawn whole.
 */
export const useTerminalSize = (): TerminalSize => {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		let last = read(stdout);
		const update = (): void => {
			const next = read(stdout);
			if (next.columns < last.columns && stdout.isTTY) stdout.write(clearScreen);
			last = next;
			setSize(next);
		};
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout]);
	return size;
};
