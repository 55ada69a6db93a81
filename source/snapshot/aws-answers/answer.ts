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
const nextMarker = (answer: unknown, truncated: string | undefined, marker: string): string | undefined => {
	if (truncated !== undefined && field(answer, truncated) !== true) return undefined;
	return asString(field(answer, marker));
};

const pageOf = <T>(items: readonly T[], next: string | undefined): Page<T> => ({items, ...(next === undefined ? {} : {next})});

/** How a listing's answer is read: its list's field, what is said where it is missing, and how the next page is marked. */
export type Listing = {readonly list: string; readonly missing: string; readonly truncated: string | undefined; readonly marker: string};

/**
 * One page of a listing: each item of its list read by `itemOf`, left out where it is not one (undefined). The list is there,
 * empty, when there is nothing to list; missing, the answer says nothing of what is there: a problem, not "none" (read
 * as none, it would hide a Deny in a group's policy or an SCP, or an alias that kms:ResourceAliases tests).
 */
export const listPageOf = <T>(answer: unknown, listing: Listing, itemOf: (item: unknown) => T | undefined): Mapped<Page<T>> => {
	const list = field(answer, listing.list);
	if (!Array.isArray(list)) return shapeProblem(`the answer holds no ${listing.list} list, ${listing.missing}`);
	const items = list.flatMap(item => {
		const read = itemOf(item);
		return read === undefined ? [] : [read];
	});
	return ok(pageOf(items, nextMarker(answer, listing.truncated, listing.marker)));
};
