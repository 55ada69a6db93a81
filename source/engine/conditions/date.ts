import {boundedMemo} from '../memo.js';
import {type OrderComparison, orderSatisfies} from './numeric.js';

/*
 * Dates: the W3C profile of ISO 8601 the IAM guide names (`2019`, `2019-07`, `2019-07-16`, `2019-07-16T12:00Z`,
 * `2019-07-16T12:00:00.5+02:00`: a time always with its zone, `Z` or `±hh:mm`), or epoch seconds (`1563278400`). Any
 * other form (ISO 8601's basic `20190716T120000Z`, a time without a zone) is not one AWS documents: not read here.
 * A date without a time is UTC, as AWS evaluates `aws:CurrentTime` in UTC. A string of digits is always epoch
 * seconds, so a bare year like `2019` is read as 2019 seconds after the epoch.
 */

const w3c = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2}))?)?$/;
const epoch = /^-?\d+(?:\.\d+)?$/;

const offsetMinutes = (zone: string | undefined): number | undefined => {
	if (zone === undefined || zone === 'Z') return 0;
	const hours = Number(zone.slice(1, 3));
	const minutes = Number(zone.slice(4, 6));
	if (hours > 23 || minutes > 59) return undefined;
	return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
};

/** The instant a date value names, in milliseconds since the epoch; `undefined` if it is not a date. */
export const parseDate = (text: string): number | undefined => {
	if (epoch.test(text)) return Number(text) * 1000;
	const match = w3c.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s, fraction, zone] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d ?? '1');
	const hour = Number(h ?? '0');
	const minute = Number(mi ?? '0');
	const second = Number(s ?? '0');
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
	const offset = offsetMinutes(zone);
	if (offset === undefined) return undefined;
	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	// Date.UTC rolls 2019-02-30 over to March: refuse days the month does not have.
	if (new Date(utc).getUTCDate() !== day) return undefined;
	return utc + Number(`0.${fraction ?? '0'}`) * 1000 - offset * 60_000;
};

const knownDate = boundedMemo(parseDate);

/** A value that is not a date matches nothing. */
export const compareDate = (comparison: OrderComparison, actual: string, expected: string): boolean => {
	const left = knownDate(actual);
	const right = knownDate(expected);
	return left !== undefined && right !== undefined && orderSatisfies(comparison, left - right);
};

/** `compareDate` with the policy's date parsed once. */
export const dateTest = (comparison: OrderComparison, expected: string): ((actual: string) => boolean) => {
	const right = parseDate(expected);
	return actual => {
		const left = knownDate(actual);
		return left !== undefined && right !== undefined && orderSatisfies(comparison, left - right);
	};
};

export const dateProblem = (actual: string): string | undefined =>
	knownDate(actual) === undefined ? 'is not a W3C ISO 8601 date or epoch time' : undefined;
