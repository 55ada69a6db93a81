import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

/**
 * Terminal columns, one model for the reports and the wizard: string-width, which Ink lays text out with,
 * so a line measured here is the line Ink draws (⛔ and other emoji take two columns, ANSI colours none).
 */

/** Columns the text takes in a terminal, ignoring ANSI colour codes. */
export const displayWidth = (text: string): number => stringWidth(text);

export const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** One line, cut with `…` when it takes more columns than `width` (Ink's own truncation, cli-truncate). */
export const truncate = (text: string, width: number): string => cliTruncate(text, Math.max(width, 1));
