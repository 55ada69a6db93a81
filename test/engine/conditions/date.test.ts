import {describe, expect, it} from 'vitest';
import {compareDate, parseDate} from '../../../source/engine/conditions/date.js';
import {check, result} from './helpers.js';

describe('Date operators', () => {
	// IAM User Guide, "IAM JSON policy elements: Condition operators" (Date condition operators).
	const dateFormats = 'You must specify date/time values with one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time.';

	// IAM guide: "DateGreaterThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}.
	it('DateGreaterThan accepts credentials issued after the date', () => {
		const key = 'aws:TokenIssueTime';
		expect(result('DateGreaterThan', key, '2020-01-01T00:00:01Z', {[key]: '2020-06-15T08:30:00Z'})).toBe('yes');
		expect(result('DateGreaterThan', key, '2020-01-01T00:00:01Z', {[key]: '2020-01-01T00:00:01Z'})).toBe('no');
		expect(result('DateGreaterThan', key, '2020-01-01T00:00:01Z', {[key]: '2019-12-31T23:59:59Z'})).toBe('no');
	});

	it('DateGreaterThan fails when aws:TokenIssueTime is missing (long-term access keys)', () => {
		const trace = check('DateGreaterThan', 'aws:TokenIssueTime', '2020-01-01T00:00:01Z', {});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe('aws:TokenIssueTime is not in the request, so DateGreaterThan does not match');
	});

	// IAM guide: allow between 2020-04-01 and 2020-06-30 with aws:CurrentTime.
	it('brackets aws:CurrentTime with DateGreaterThan and DateLessThan', () => {
		const inside = {'aws:CurrentTime': '2020-05-10T12:00:00Z'};
		const after = {'aws:CurrentTime': '2020-07-01T00:00:00Z'};
		expect(result('DateGreaterThan', 'aws:CurrentTime', '2020-04-01T00:00:00Z', inside)).toBe('yes');
		expect(result('DateLessThan', 'aws:CurrentTime', '2020-06-30T23:59:59Z', inside)).toBe('yes');
		expect(result('DateLessThan', 'aws:CurrentTime', '2020-06-30T23:59:59Z', after)).toBe('no');
		expect(check('DateLessThan', 'aws:CurrentTime', '2020-06-30T23:59:59Z', after).reason).toBe(
			'aws:CurrentTime is "2020-07-01T00:00:00Z", which is not before "2020-06-30T23:59:59Z"',
		);
	});

	it.each([
		['DateEquals', '2019-07-16T12:00:00Z', 'yes'],
		['DateEquals', '2019-07-16T12:00:01Z', 'no'],
		['DateNotEquals', '2019-07-16T12:00:01Z', 'yes'],
		['DateNotEquals', '2019-07-16T12:00:00Z', 'no'],
		['DateLessThan', '2019-07-16T12:00:01Z', 'yes'],
		['DateLessThan', '2019-07-16T12:00:00Z', 'no'],
		['DateLessThanEquals', '2019-07-16T12:00:00Z', 'yes'],
		['DateLessThanEquals', '2019-07-16T11:59:59Z', 'no'],
		['DateGreaterThan', '2019-07-16T11:59:59Z', 'yes'],
		['DateGreaterThan', '2019-07-16T12:00:00Z', 'no'],
		['DateGreaterThanEquals', '2019-07-16T12:00:00Z', 'yes'],
		['DateGreaterThanEquals', '2019-07-16T12:00:01Z', 'no'],
	] as const)('%s %s for a request at 2019-07-16T12:00:00Z → %s', (operator, policy, expected) => {
		expect(result(operator, 'aws:CurrentTime', policy, {'aws:CurrentTime': '2019-07-16T12:00:00Z'})).toBe(expected);
	});

	it('compares instants across formats and time zones', () => {
		const noon = {'aws:CurrentTime': '2019-07-16T12:00:00Z'};
		for (const same of [
			'2019-07-16T14:00:00+02:00',
			'2019-07-16T07:00:00-05:00',
			'2019-07-16T12:00Z',
			'2019-07-16T12:00:00.000Z',
			'1563278400',
		]) {
			expect(result('DateEquals', 'aws:CurrentTime', same, noon), same).toBe('yes');
		}
		expect(result('DateLessThan', 'aws:CurrentTime', '2019-07-16T12:00:00.5Z', noon)).toBe('yes');
	});

	// The W3C note the IAM guide links writes a time in UTC (`Z`) or in local time with its offset; a date alone has no
	// zone designator, and AWS does not say which zone it reads one in.
	it(`reads a date without a time in every zone, and is unknown only where the zone would decide: "${dateFormats}"`, () => {
		const key = 'aws:CurrentTime';
		expect(result('DateLessThan', key, '2020-06-30', {[key]: '2020-05-10T12:00:00Z'})).toBe('yes');
		expect(result('DateLessThan', key, '2020-06-30', {[key]: '2020-07-02T00:00:00Z'})).toBe('no');
		expect(result('DateGreaterThanEquals', key, '2019-07', {[key]: '2019-08-01T00:00:00Z'})).toBe('yes');
		const trace = check('DateLessThan', key, '2020-06-30', {[key]: '2020-06-30T06:00:00Z'});
		expect(trace.result).toBe('unknown');
		expect(trace.unknownKeys).toBeUndefined();
		expect(trace.reason).toBe('aws:CurrentTime is "2020-06-30T06:00:00Z", but whether it is before "2020-06-30" is not known: "2020-06-30" names no time zone, and AWS does not say which it is read in');
		expect(result('DateEquals', key, '2019-07-16', {[key]: '2019-07-16T00:00:00Z'})).toBe('unknown');
		expect(result('DateNotEquals', key, '2019-07-16', {[key]: '2019-07-16T00:00:00Z'})).toBe('unknown');
		expect(result('DateNotEquals', key, '2019-07-16', {[key]: '2019-08-16T00:00:00Z'})).toBe('yes');
	});

	it(`is unknown for four digits, a W3C year and epoch seconds at once, where the two readings disagree: "${dateFormats}"`, () => {
		const key = 'aws:CurrentTime';
		expect(result('DateGreaterThan', key, '2019', {[key]: '2020-05-10T12:00:00Z'})).toBe('yes');
		expect(result('DateLessThan', key, '2019', {[key]: '2020-05-10T12:00:00Z'})).toBe('no');
		expect(check('DateGreaterThan', key, '2019', {[key]: '2000-01-01T00:00:00Z'}).reason).toBe(
			'aws:CurrentTime is "2000-01-01T00:00:00Z", but whether it is after "2019" is not known: "2019" is both the year 2019 and 2019 seconds after 1970, and AWS does not say which it reads',
		);
	});

	// The W3C note ("Date and Time Formats") the IAM guide links writes a time always with its zone ("TZD"), and has no
	// ISO 8601 basic form. Any other spelling is not one AWS documents.
	it(`is unknown for an ISO 8601 form outside the W3C profile: "${dateFormats}"`, () => {
		const noon = {'aws:CurrentTime': '2019-07-16T12:00:00Z'};
		for (const other of ['2019-07-16T12:00:00', '20190716T120000Z', '2019-07-16 12:00:00Z', '2019-07-16t12:00:00z', '2019-07-16T07:00:00-0500', '2019-07-16T12:00:00,5Z']) {
			expect(result('DateEquals', 'aws:CurrentTime', other, noon), other).toBe('unknown');
			expect(result('DateLessThan', 'aws:CurrentTime', other, noon), other).toBe('unknown');
		}
		expect(check('DateLessThan', 'aws:CurrentTime', '2019-07-16T12:00:00', noon).reason).toBe(
			'aws:CurrentTime is "2019-07-16T12:00:00Z", but whether it is before "2019-07-16T12:00:00" is not known: "2019-07-16T12:00:00" is not a W3C ISO 8601 date or epoch time',
		);
	});

	it('compares aws:EpochTime with an ISO date and with epoch seconds', () => {
		expect(result('DateGreaterThan', 'aws:EpochTime', '2019-07-16T00:00:00Z', {'aws:EpochTime': 1563278400})).toBe('yes');
		expect(result('DateLessThan', 'aws:EpochTime', '1563278401', {'aws:EpochTime': '1563278400'})).toBe('yes');
	});

	it(`is unknown for a value that is not a date, which AWS does not say how it reads: "${dateFormats}"`, () => {
		const trace = check('DateLessThan', 'aws:CurrentTime', '2030-01-01T00:00:00Z', {'aws:CurrentTime': 'yesterday'});
		expect(trace.result).toBe('unknown');
		expect(trace.unknownKeys).toBeUndefined();
		expect(trace.reason).toBe('aws:CurrentTime is "yesterday", which is not a W3C ISO 8601 date or epoch time, so whether it is before "2030-01-01T00:00:00Z" is not known');
		expect(result('DateLessThan', 'aws:CurrentTime', 'soon', {'aws:CurrentTime': '2019-07-16T12:00:00Z'})).toBe('unknown');
		expect(result('DateNotEquals', 'aws:CurrentTime', 'soon', {'aws:CurrentTime': '2019-07-16T12:00:00Z'})).toBe('unknown');
		// A readable value that matches still decides the clause.
		expect(result('DateLessThan', 'aws:CurrentTime', ['soon', '2030-01-01T00:00:00Z'], {'aws:CurrentTime': '2019-07-16T12:00:00Z'})).toBe('yes');
		expect(check('DateLessThan', 'aws:CurrentTime', 'soon', {'aws:CurrentTime': '2019-07-16T12:00:00Z'}).reason).toBe(
			'aws:CurrentTime is "2019-07-16T12:00:00Z", but whether it is before "soon" is not known: "soon" is not a W3C ISO 8601 date or epoch time',
		);
	});

	it('holds for DateNotEquals when the key is missing', () => {
		expect(result('DateNotEquals', 'aws:TokenIssueTime', '2020-01-01T00:00:00Z', {})).toBe('yes');
	});
});

describe('parseDate and compareDate', () => {
	const at = (instant: number) => ({earliest: instant, latest: instant});

	it('parse the W3C ISO 8601 profile and epoch seconds', () => {
		expect(parseDate('2019-07-16T12:00:00Z')).toEqual(at(Date.UTC(2019, 6, 16, 12)));
		expect(parseDate('2019-07-16T12:00:00.25Z')).toEqual(at(Date.UTC(2019, 6, 16, 12) + 250));
		expect(parseDate('2019-07-16T12:00:00+05:30')).toEqual(at(Date.UTC(2019, 6, 16, 6, 30)));
		expect(parseDate('1563278400.5')).toEqual(at(1563278400500));
		expect(parseDate('0')).toEqual(at(0));
		expect(parseDate('2020-02-29')).toEqual({earliest: Date.UTC(2020, 1, 28, 10), latest: Date.UTC(2020, 1, 29, 12)});
	});

	it('refuse dates that do not exist and other text', () => {
		for (const text of ['2019-02-30', '2019-13-01', '2019-07-16T24:00:00Z', '2019-07-16T12:60:00Z', '2019-07-16T12:00:00+25:00', '16/07/2019', '', 'now', '2019-07-16T12']) {
			expect(parseDate(text), text).toBeUndefined();
		}
	});

	it('compare one value with one policy value', () => {
		expect(compareDate('lessThan', '2019-01-01', '2020-01-01')).toBe(true);
		expect(compareDate('greaterThan', '2019-01-01', '2020-01-01')).toBe(false);
		expect(compareDate('equals', 'x', 'x')).toBe(false);
	});
});
