import {boundedMemo} from '../memo.js';
import type {Tri} from '../tri.js';
import type {OrderComparison} from './numeric.js';
import {quote} from './wording.js';

/*
 * Dates: the W3C profile of ISO 8601 the IAM guide names (`2019`, `2019-07`, `2019-07-16`, `2019-07-16T12:00Z`,
 * `2019-07-16T12:00:00.5+02:00`: a time always with its zone, `Z` or `±hh:mm`), or epoch seconds (`1563278400`). Any
 * other form (ISO 8601's basic `20190716T120000Z`, a time without a zone) is not one AWS documents: not read here.
 * A date without a time names no zone, so no one instant: it is read as every instant it may be, and a comparison
 * those instants do not all answer alike is unknown. Four digits are both a W3C year and epoch seconds: either.
 */

/** The instants a date value may name: one (`earliest === latest`), or the span a value without a zone leaves open. */
export type DateReading = {readonly earliest: number; readonly latest: number};

const w3c = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const epoch = /^-?\d+(?:\.\d+)?$/;
const hour = 3_600_000;
// UTC offsets in use run from -12:00 to +14:00: a date's midnight in some zone is this far before or after UTC's.
const earliestZone = 14 * hour;
const latestZone = 12 * hour;

const offsetMinutes = (zone: string | undefined): number | undefined => {
	if (zone === undefined || zone === 'Z') return 0;
	const hours = Number(zone.slice(1, 3));
	const minutes = Number(zone.slice(4, 6));
	if (hours > 23 || minutes > 59) return undefined;
	return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
};

const exactly = (instant: number): DateReading => ({earliest: instant, latest: instant});

/** The W3C reading: `undefined` if the text is not one, or names a day the calendar does not have. */
const parseW3c = (text: string): DateReading | undefined => {
	const match = w3c.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s, fraction, zone] = match;
	const month = Number(mo ?? '1');
	const day = Number(d ?? '1');
	const hours = Number(h ?? '0');
	const minute = Number(mi ?? '0');
	const second = Number(s ?? '0');
	if (month < 1 || month > 12 || day < 1 || hours > 23 || minute > 59 || second > 59) return undefined;
	const offset = offsetMinutes(zone);
	if (offset === undefined) return undefined;
	const utc = Date.UTC(Number(y), month - 1, day, hours, minute, second);
	// Date.UTC rolls 2019-02-30 over to March: refuse days the month does not have.
	if (new Date(utc).getUTCDate() !== day) return undefined;
	if (h === undefined) return {earliest: utc - earliestZone, latest: utc + latestZone};
	return exactly(utc + Number(`0.${fraction ?? '0'}`) * 1000 - offset * 60_000);
};

/** The instants a date value may name; `undefined` if it is not a date. */
export const parseDate = (text: string): DateReading | undefined => {
	if (!epoch.test(text)) return parseW3c(text);
	const seconds = Number(text) * 1000;
	const year = text.length === 4 ? parseW3c(text) : undefined;
	return year ? {earliest: Math.min(seconds, year.earliest), latest: Math.max(seconds, year.latest)} : exactly(seconds);
};

/** Why a date value names no one instant, for a reason sentence. */
const imprecision = (text: string): string =>
	epoch.test(text)
		? `${quote(text)} is both the year ${text} and ${text} seconds after 1970, and AWS does not say which it reads`
		: `${quote(text)} names no time zone, and AWS does not say which it is read in`;

/** A comparison of two readings: `unknown` where the instants they may name do not all answer alike. */
const decide = (comparison: OrderComparison, actual: DateReading, expected: DateReading): Tri => {
	const {earliest: a0, latest: a1} = actual;
	const {earliest: b0, latest: b1} = expected;
	switch (comparison) {
		case 'equals':
			return a1 < b0 || a0 > b1 ? 'no' : a0 === a1 && b0 === b1 ? 'yes' : 'unknown';
		case 'lessThan':
			return a1 < b0 ? 'yes' : a0 >= b1 ? 'no' : 'unknown';
		case 'lessThanEquals':
			return a1 <= b0 ? 'yes' : a0 > b1 ? 'no' : 'unknown';
		case 'greaterThan':
			return a0 > b1 ? 'yes' : a1 <= b0 ? 'no' : 'unknown';
		case 'greaterThanEquals':
			return a0 >= b1 ? 'yes' : a1 < b0 ? 'no' : 'unknown';
	}
};

const knownDate = boundedMemo(parseDate);

/** Whether the comparison certainly holds; a value that is not a date matches nothing here (see `dateProblem`). */
export const compareDate = (comparison: OrderComparison, actual: string, expected: string): boolean => {
	const left = knownDate(actual);
	const right = knownDate(expected);
	return left !== undefined && right !== undefined && decide(comparison, left, right) === 'yes';
};

/** `compareDate` with the policy's date parsed once. */
export const dateTest = (comparison: OrderComparison, expected: string): ((actual: string) => boolean) => {
	const right = parseDate(expected);
	return actual => {
		const left = knownDate(actual);
		return left !== undefined && right !== undefined && decide(comparison, left, right) === 'yes';
	};
};

/** Why the comparison of two dates is not known (one names no instant), or `undefined`. */
export const dateUndecided = (comparison: OrderComparison, actual: string, expected: string): string | undefined => {
	const left = knownDate(actual);
	const right = knownDate(expected);
	if (left === undefined || right === undefined || decide(comparison, left, right) !== 'unknown') return undefined;
	return imprecision(right.earliest === right.latest ? actual : expected);
};

export const dateProblem = (actual: string): string | undefined =>
	knownDate(actual) === undefined ? 'is not a W3C ISO 8601 date or epoch time' : undefined;
