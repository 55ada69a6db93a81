/** Exit codes of every command: documented in docs/exit-codes.md. */
export const exitCodes = {
	allowed: 0,
	denied: 1,
	usage: 2,
	unknown: 3,
} as const;

/**
 * An error the user can act on: printed as one line (never a stack trace) and turned into an exit
 * code by cli.tsx. Only the command layer throws it; the core returns errors as values.
 */
export class CliError extends Error {
	readonly exitCode: number;
	constructor(message: string, exitCode: number = exitCodes.usage) {
		super(message);
		this.name = 'CliError';
		this.exitCode = exitCode;
	}
}
