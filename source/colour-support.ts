/**
 * Whether the terminal gets colours, decided here and told to chalk (Ink's colours) as FORCE_COLOR:
 * chalk's supports-color turns colours off whenever CI is in the environment, even CI=false, which is
 * the documented way to force the wizard in a CI-like shell. Decided from the terminal alone:
 * FORCE_COLOR when given, NO_COLOR, TERM=dumb, and whether standard output is a terminal.
 */

export type ColourLevel = '0' | '1' | '2' | '3';

/** The FORCE_COLOR to set, or undefined to leave the environment as it is. */
export const decideColourLevel = (env: NodeJS.ProcessEnv, stdoutIsTerminal: boolean): ColourLevel | undefined => {
	// The user's own FORCE_COLOR (any value, even empty) is theirs to decide.
	if (env['FORCE_COLOR'] !== undefined) return undefined;
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return '0';
	if (env['TERM'] === 'dumb') return '0';
	if (!stdoutIsTerminal) return undefined;
	if (env['COLORTERM'] === 'truecolor' || env['COLORTERM'] === '24bit') return '3';
	if (/-256(color)?$/i.test(env['TERM'] ?? '')) return '2';
	return '1';
};
