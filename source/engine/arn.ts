import {arnGlobMatch, globMatch, globMatcher, globOf, hasWildcard, plainPrefix, type Glob} from './glob.js';
import {startsWith} from './starts-with.js';

/** An ARN split into its parts: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` (the resource may hold `:` and `/`). */
export type Arn = {
	readonly partition: string;
	readonly service: string;
	readonly region: string;
	readonly account: string;
	readonly resource: string;
};

const split = (text: string): Arn | undefined => {
	const parts = text.split(':');
	if (parts.length < 6 || parts[0] !== 'arn') return undefined;
	return {
		partition: parts[1]!,
		service: parts[2]!,
		region: parts[3]!,
		account: parts[4]!,
		resource: parts.slice(5).join(':'),
	};
};

// Principals and callers are parsed on every evaluation, and policies repeat the same few ARNs.
const parsed = new Map<string, Arn | null>();

export const parseArn = (text: string): Arn | undefined => {
	let arn = parsed.get(text);
	if (arn === undefined) {
		arn = split(text) ?? null;
		if (parsed.size >= 10_000) parsed.clear();
		parsed.set(text, arn);
	}
	return arn ?? undefined;
};

export const formatArn = (arn: Arn): string =>
	`arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;

// The request's resource is tested against every Resource entry: remember the last answer.
let lastText = '';
let lastShaped = false;

/** Has `text` the six parts of an ARN (five colons after `arn`)? */
export const isArnShaped = (text: string): boolean => {
	if (text === lastText) return lastShaped;
	// Four more colons after `arn:`, found by indexOf (a scan the engine does natively), not character by character.
	let at = text.startsWith('arn:') ? 3 : -1;
	for (let colons = 1; colons < 5 && at >= 0; colons++) at = text.indexOf(':', at + 1);
	lastText = text;
	lastShaped = at >= 0;
	return lastShaped;
};

/** Where the resource part of an ARN-shaped text starts (after the fifth colon); -1 if it is not ARN-shaped. */
export const resourcePartStart = (text: string): number => {
	if (!text.startsWith('arn:')) return -1;
	let colons = 0;
	for (let index = 0; index < text.length; index++) {
		if (text[index] === ':' && ++colons === 5) return index + 1;
	}
	return -1;
};

/**
 * Match an ARN against a glob segment by segment, as IAM does for Resource and the Arn* operators:
 * wildcards work within each of the first five segments and across the resource part. A bare `*`
 * matches every resource; a pattern or value that is not ARN-shaped is matched as a whole.
 */
export const arnGlobMatches = (pattern: Glob, value: string): boolean => {
	if (pattern === '*') return true;
	if (!isArnShaped(pattern) || !isArnShaped(value)) return globMatch(pattern, value);
	return arnGlobMatch(pattern, value);
};

/** `arnGlobMatches` with the pattern compiled ahead: for Resource entries matched on every evaluation. */
export const arnGlobMatcher = (pattern: Glob): ((value: string) => boolean) => {
	if (pattern === '*') return () => true;
	// A literal, or a literal ARN prefix then `*`, matches the same whether the value is ARN-shaped or not.
	if (!hasWildcard(pattern) || plainPrefix(pattern, true) !== undefined) return globMatcher(pattern, true);
	if (!isArnShaped(pattern)) return globMatcher(pattern);
	const segments = segmentMatcher(pattern) ?? globMatcher(pattern, true);
	// Made when a value that is no ARN first asks (rare): kept from the start, it held one object per character.
	let whole: ((value: string) => boolean) | undefined;
	return value => (isArnShaped(value) ? segments(value) : (whole ??= globMatcher(pattern))(value));
};

/**
 * The usual ARN pattern with a wildcard before its resource part (`arn:aws:kms:*:111122223333:key/*`) matched
 * segment by segment without a regular expression: each of the first five segments written out or `*`, the
 * resource part written out, `*`, or a prefix then `*`. `undefined` for any other pattern (`?`, a `*` inside a
 * segment): the regular expression handles it. Only for ARN-shaped values.
 */
const segmentMatcher = (pattern: Glob): ((value: string) => boolean) | undefined => {
	if (pattern.includes('?') || pattern.includes('\\')) return undefined;
	const start = resourcePartStart(pattern);
	const heads = pattern.slice(0, start - 1).split(':');
	if (heads.some(segment => segment !== '*' && segment.includes('*'))) return undefined;
	const resource = pattern.slice(start);
	const star = resource.indexOf('*');
	if (star >= 0 && star !== resource.length - 1) return undefined;
	// Literal runs (segments written out, with their colons) between the segments written `*`: each `*` skips one segment.
	const runs = [''];
	for (const segment of heads) {
		if (segment === '*') runs.push('');
		else runs[runs.length - 1] += `${segment}:`;
	}
	runs[runs.length - 1] += star < 0 ? resource : resource.slice(0, -1);
	const exact = star < 0;
	const [first, second] = runs as [string, string];
	if (runs.length === 2) {
		// The usual case (a Region or account written `*`): one run, one skipped segment, one run.
		return value => {
			if (!startsWith(value, first)) return false;
			const from = value.indexOf(':', first.length) + 1;
			return from > 0 && value.startsWith(second, from) && (!exact || value.length === from + second.length);
		};
	}
	return value => {
		if (!startsWith(value, first)) return false;
		let from = first.length;
		for (let index = 1; index < runs.length; index++) {
			from = value.indexOf(':', from) + 1;
			const run = runs[index]!;
			if (from === 0 || !value.startsWith(run, from)) return false;
			from += run.length;
		}
		return !exact || value.length === from;
	};
};

/** `arnGlobMatches` for a pattern as written in a policy (IAM has no escape character). */
export const arnMatches = (pattern: string, value: string): boolean => arnGlobMatches(globOf(pattern), value);

export const accountOfArn = (text: string): string | undefined => {
	const account = parseArn(text)?.account;
	return account ? account : undefined;
};
