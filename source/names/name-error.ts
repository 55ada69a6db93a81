/**
 * Why a text is not the AWS name wanted: the name it should be and, when the text shows it, what to give
 * instead. It reads as one line after the text: `"My Bucket" is not a bucket name: …`.
 */
export type NameError = {
	/** The name wanted, with its article: "a bucket name", "an AWS account ID". */
	readonly expected: string;
	/** What to give instead, when we can tell: "give the bucket name alone, not an ARN: use acme-uploads". */
	readonly hint?: string;
};

/** A parse's answer: shared/result.ts's Result in shape (names/ imports nothing of ours), so callers use it as one. */
export type Parsed<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: NameError};

export const parsed = <T>(value: T): {readonly ok: true; readonly value: T} => ({ok: true, value});

export const notA = (expected: string, hint?: string): {readonly ok: false; readonly error: NameError} => ({
	ok: false,
	error: hint === undefined ? {expected} : {expected, hint},
});

/** `SUBJECT "TEXT" is not EXPECTED: HINT`: the one line a user reads. */
export const describeNameError = (text: string, error: NameError, subject?: string): string =>
	`${subject ? `${subject} ` : ''}"${text}" is not ${error.expected}${error.hint ? `: ${error.hint}` : ''}`;

/** The parsed value, or undefined when the text is not that name. */
export const valueOf = <T>(result: Parsed<T>): T | undefined => (result.ok ? result.value : undefined);
