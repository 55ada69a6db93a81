/** How a chosen profile is stored among the answers: `profile:NAME`. Small on purpose: remember.ts loads before the first frame. */

export const profileValue = (name: string): string => `profile:${name}`;

/** The profile an answer names, or undefined for any other answer. */
export const profileOfAnswer = (answer: string | undefined): string | undefined => (answer?.startsWith('profile:') ? answer.slice('profile:'.length) : undefined);
