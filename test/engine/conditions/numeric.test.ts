import {describe, expect, it} from 'vitest';
import {compareNumeric, parseDecimal} from '../../../source/engine/conditions/numeric.js';
import {check, result} from './helpers.js';

describe('Numeric operators', () => {
	// IAM User Guide, "IAM JSON policy elements: Condition operators" (Numeric condition operators).
	const numbers = 'Numeric condition operators let you construct Condition elements that restrict access based on comparing a key to an integer or decimal value.';

	// IAM guide: "NumericLessThanEquals": {"s3:max-keys": "10"}.
	it('NumericLessThanEquals lets a user list up to 10 objects', () => {
		expect(result('NumericLessThanEquals', 's3:max-keys', '10', {'s3:max-keys': '10'})).toBe('yes');
		expect(result('NumericLessThanEquals', 's3:max-keys', '10', {'s3:max-keys': '5'})).toBe('yes');
		expect(result('NumericLessThanEquals', 's3:max-keys', '10', {'s3:max-keys': '11'})).toBe('no');
		expect(result('NumericLessThanEquals', 's3:max-keys', '10', {})).toBe('no');
	});

	it('explains a failed comparison', () => {
		expect(check('NumericLessThanEquals', 's3:max-keys', '10', {'s3:max-keys': '20'}).reason).toBe(
			's3:max-keys is "20", which is not less than or equal to "10"',
		);
	});

	it.each([
		['NumericEquals', '10', '10', 'yes'],
		['NumericEquals', '10', '10.0', 'yes'],
		['NumericEquals', '10', '11', 'no'],
		['NumericNotEquals', '10', '11', 'yes'],
		['NumericNotEquals', '10', '10', 'no'],
		['NumericLessThan', '10', '9', 'yes'],
		['NumericLessThan', '10', '10', 'no'],
		['NumericLessThanEquals', '10', '10', 'yes'],
		['NumericLessThanEquals', '10', '10.5', 'no'],
		['NumericGreaterThan', '10', '10.01', 'yes'],
		['NumericGreaterThan', '10', '10', 'no'],
		['NumericGreaterThanEquals', '10', '10', 'yes'],
		['NumericGreaterThanEquals', '10', '9.99', 'no'],
	] as const)('%s %s against request %s → %s', (operator, policy, request, expected) => {
		expect(result(operator, 'aws:MultiFactorAuthAge', policy, {'aws:MultiFactorAuthAge': request})).toBe(expected);
	});

	it('compares decimals and negative numbers', () => {
		expect(result('NumericGreaterThan', 'k', '2.25', {k: '2.5'})).toBe('yes');
		expect(result('NumericLessThan', 'k', '-1', {k: '-1.5'})).toBe('yes');
		expect(result('NumericEquals', 'k', '.5', {k: '0.50'})).toBe('yes');
	});

	it(`is unknown for a number in exponent notation, neither an integer nor a decimal as written: "${numbers}"`, () => {
		expect(result('NumericEquals', 'k', '1e3', {k: '1000'})).toBe('unknown');
		expect(result('NumericLessThan', 'k', '10', {k: '1E1'})).toBe('unknown');
		expect(check('NumericEquals', 'k', '1e3', {k: '1000'}).reason).toBe('k is "1000", but whether it is equal to "1e3" is not known: "1e3" is not a number');
	});

	it('compares large integers exactly', () => {
		expect(result('NumericGreaterThan', 'k', '9007199254740992', {k: '9007199254740993'})).toBe('yes');
		expect(result('NumericEquals', 'k', '0.3', {k: '0.30000000000000001'})).toBe('no');
	});

	it('reads a JSON number in the context', () => {
		expect(result('NumericLessThan', 'aws:MultiFactorAuthAge', '3600', {'aws:MultiFactorAuthAge': 120})).toBe('yes');
	});

	it('ORs the policy values', () => {
		expect(result('NumericEquals', 'k', ['1', '2', '3'], {k: '2'})).toBe('yes');
		expect(result('NumericNotEquals', 'k', ['1', '2', '3'], {k: '2'})).toBe('no');
		expect(result('NumericNotEquals', 'k', ['1', '2', '3'], {k: '4'})).toBe('yes');
		expect(check('NumericLessThan', 'k', ['1', '2'], {k: '5'}).reason).toBe('k is "5", which is not less than any of "1", "2"');
	});

	it(`is unknown for a value that is not a number, which AWS does not say how it reads: "${numbers}"`, () => {
		const trace = check('NumericLessThanEquals', 's3:max-keys', '10', {'s3:max-keys': 'ten'});
		expect(trace.result).toBe('unknown');
		expect(trace.unknownKeys).toBeUndefined();
		expect(trace.reason).toBe('s3:max-keys is "ten", which is not a number, so whether it is less than or equal to "10" is not known');
		expect(result('NumericEquals', 'k', 'abc', {k: '1'})).toBe('unknown');
		expect(result('NumericNotEquals', 'k', 'abc', {k: '1'})).toBe('unknown');
		expect(result('NumericEquals', 'k', '1', {k: ''})).toBe('unknown');
		expect(result('NumericEquals', 'k', '0x10', {k: '16'})).toBe('unknown');
		expect(result('ForAllValues:NumericLessThan', 'k', '10', {k: ['1', 'ten']})).toBe('unknown');
		expect(result('ForAllValues:NumericLessThan', 'k', '10', {k: ['11', 'ten']})).toBe('no');
	});

	// "Policy variables – Not supported": the text stays as written, and it is not a number.
	it('does not substitute policy variables', () => {
		expect(result('NumericEquals', 'k', '${aws:username}', {k: '5', 'aws:username': '5'})).toBe('unknown');
	});

	it('holds for NumericNotEquals when the key is missing', () => {
		expect(result('NumericNotEquals', 's3:max-keys', '10', {})).toBe('yes');
	});
});

describe('parseDecimal and compareNumeric', () => {
	it('accept integers and decimals only', () => {
		expect(parseDecimal('42')).toEqual({units: 42n, scale: 0});
		expect(parseDecimal('-2.50')).toEqual({units: -250n, scale: 2});
		expect(parseDecimal('1.')).toEqual({units: 1n, scale: 0});
		for (const text of ['', ' 1', '1 ', 'NaN', 'Infinity', '1,5', '--1', '.', '1e', '1e99999', '1.5e2']) {
			expect(parseDecimal(text), text).toBeUndefined();
		}
	});

	it('compare one value with one policy value', () => {
		expect(compareNumeric('lessThan', '1', '2')).toBe(true);
		expect(compareNumeric('greaterThanEquals', '2', '2.0')).toBe(true);
		expect(compareNumeric('equals', 'x', 'x')).toBe(false);
	});
});
