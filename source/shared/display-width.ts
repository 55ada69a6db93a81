import stringWidth from 'string-width';

/**
 * Terminal columns, one model for the reports and the wizard: string-width, which Ink lays text out with,
 * so a line measured here is the line Ink draws (⛔ and other emoji take two columns, ANSI colours none).
 * The wizard cuts lines to columns with cli-truncate (ui/text/truncate.ts), which measures the same way.
 */

/** Columns the text takes in a terminal, ignoring ANSI colour codes. */
export const displayWidth = (text: string): number => stringWidth(text);

export const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
