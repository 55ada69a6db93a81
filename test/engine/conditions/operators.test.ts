import {describe, expect, it} from 'vitest';
import {baseOperators} from '../../../source/engine/conditions/operator-name.js';
import {operatorSpecs} from '../../../source/engine/conditions/operators.js';
import {result} from './helpers.js';

/** For every base operator: a policy value, a request value that matches it and one that does not. */
const samples: Record<Exclude<(typeof baseOperators)[number], 'Null'>, readonly [policy: string, match: string, miss: string]> = {
	StringEquals: ['a', 'a', 'b'],
	StringNotEquals: ['a', 'b', 'a'],
	StringEqualsIgnoreCase: ['a', 'A', 'b'],
	StringNotEqualsIgnoreCase: ['a', 'b', 'A'],
	StringLike: ['a*', 'abc', 'bac'],
	StringNotLike: ['a*', 'bac', 'abc'],
	NumericEquals: ['5', '5.0', '6'],
	NumericNotEquals: ['5', '6', '5'],
	NumericLessThan: ['5', '4', '5'],
	NumericLessThanEquals: ['5', '5', '6'],
	NumericGreaterThan: ['5', '6', '5'],
	NumericGreaterThanEquals: ['5', '5', '4'],
	DateEquals: ['2020-01-01T00:00:00Z', '2020-01-01T01:00:00+01:00', '2020-01-02T00:00:00Z'],
	DateNotEquals: ['2020-01-01T00:00:00Z', '2020-01-02T00:00:00Z', '2020-01-01T01:00:00+01:00'],
	DateLessThan: ['2020-01-01T00:00:00Z', '2019-12-31T23:59:59Z', '2020-01-01T00:00:00Z'],
	DateLessThanEquals: ['2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', '2020-01-01T00:00:01Z'],
	DateGreaterThan: ['2020-01-01T00:00:00Z', '2020-01-01T00:00:01Z', '2020-01-01T00:00:00Z'],
	DateGreaterThanEquals: ['2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', '2019-12-31T23:59:59Z'],
	Bool: ['true', 'true', 'false'],
	BinaryEquals: ['QQ==', 'QQ==', 'Qg=='],
	IpAddress: ['10.0.0.0/8', '10.1.2.3', '11.1.2.3'],
	NotIpAddress: ['10.0.0.0/8', '11.1.2.3', '10.1.2.3'],
	ArnEquals: ['arn:aws:s3:::b', 'arn:aws:s3:::b', 'arn:aws:s3:::c'],
	ArnLike: ['arn:aws:s3:::b*', 'arn:aws:s3:::bb', 'arn:aws:s3:::c'],
	ArnNotEquals: ['arn:aws:s3:::b', 'arn:aws:s3:::c', 'arn:aws:s3:::b'],
	ArnNotLike: ['arn:aws:s3:::b*', 'arn:aws:s3:::c', 'arn:aws:s3:::bb'],
};

const negated = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'NumericNotEquals', 'DateNotEquals', 'NotIpAddress', 'ArnNotEquals', 'ArnNotLike']);

describe('every IAM condition operator', () => {
	it('has an evaluator', () => {
		expect(Object.keys(operatorSpecs).sort()).toEqual([...baseOperators].sort());
	});

	describe.each(baseOperators.filter(name => name !== 'Null'))('%s', name => {
		const [policy, match, miss] = samples[name];

		it('holds for a matching request value and fails for another', () => {
			expect(result(name, 'k', policy, {k: match})).toBe('yes');
			expect(result(name, 'k', policy, {k: miss})).toBe('no');
		});

		it(`${negated.has(name) ? 'holds' : 'fails'} when the key is missing; the IfExists form holds`, () => {
			expect(result(name, 'k', policy, {})).toBe(negated.has(name) ? 'yes' : 'no');
			expect(result(`${name}IfExists`, 'k', policy, {})).toBe('yes');
			expect(result(`${name}IfExists`, 'k', policy, {k: miss})).toBe('no');
		});

		it('keeps the set qualifiers on a missing key: ForAllValues holds, ForAnyValue fails', () => {
			expect(result(`ForAllValues:${name}`, 'k', policy, {})).toBe('yes');
			expect(result(`ForAnyValue:${name}`, 'k', policy, {})).toBe('no');
		});

		it('is unknown when the key is unknown', () => {
			expect(result(name, 'k', policy, {}, 'unknown')).toBe('unknown');
		});
	});

	it('is marked negated exactly for the Not operators', () => {
		for (const name of baseOperators) {
			const spec = operatorSpecs[name];
			expect(spec.kind === 'value' && spec.negated, name).toBe(negated.has(name));
		}
	});
});
