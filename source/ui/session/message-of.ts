/** What a rejected promise says, for a line on screen. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
