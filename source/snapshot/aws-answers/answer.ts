import {err, ok, type Result} from '../../shared/result.js';
import {asString, field} from './json-access.js';

/**
 * What an AWS answer could not say, though the call worked: the reader turns it into an unread note, as it
 * does a failed call. `shape`: a field the answer must have is missing; `policy-document`: the document is
 * not a JSON object.
 */
export type AnswerProblem = {readonly kind: 'shape' | 'policy-document'; readonly message: string};

/** A snapshot fragment, or why the answer does not give one. */
export type Mapped<T> = Result<T, AnswerProblem>;

export const shapeProblem = (message: string): {readonly ok: false; readonly error: AnswerProblem} => err({kind: 'shape', message});

/**
 * The largest page KMS's ListGrants and ListAliases give (their Limit): "If you include a value, it must be between
 * 1 and 100, inclusive. If you do not include a value, it defaults to 50." Asked for, it halves the calls a list takes.
 */
export const kmsPageLimit = 100;

/** One page of a listing, and the marker of the next when the answer says there is one. */
export type Page<T> = {readonly items: readonly T[]; readonly next?: string};

/**
 * The next page's marker: IAM says `IsTruncated` + `Marker`, KMS `Truncated` + `NextMarker`, Organizations
 * only `NextToken`. The AWS CLI prints every page merged and without these fields, so a bundle's answer is one page.
 */
export const nextMarker = (answer: unknown, truncated: string | undefined, marker: string): string | undefined => {
	if (truncated !== undefined && field(answer, truncated) !== true) return undefined;
	return asString(field(answer, marker));
};

export const pageOf = <T>(items: readonly T[], next: string | undefined): Page<T> => ({items, ...(next === undefined ? {} : {next})});

/**
 * The list a listing's answer holds (an empty one when there is nothing to list). Missing, the answer says nothing
 * of what is there: a problem, not "none" (read as none, it would hide a Deny in a group's policy, an SCP, or an alias
 * that kms:ResourceAliases tests). `what`: what the list would have named, for the message.
 */
export const listIn = (answer: unknown, name: string, what: string): Mapped<readonly unknown[]> => {
	const list = field(answer, name);
	return Array.isArray(list) ? ok(list) : shapeProblem(`the answer holds no ${name} list, so it does not say ${what}`);
};
