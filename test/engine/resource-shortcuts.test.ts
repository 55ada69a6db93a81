import {describe, expect, it} from 'vitest';
import {arnGlobMatcher, arnMatches} from '../../source/engine/arn.js';
import {createContextLookup} from '../../source/engine/context.js';
import {evaluateStatement} from '../../source/engine/evaluate-policy.js';
import {parseCaller} from '../../source/engine/principal.js';
import {parsePolicy} from '../../source/engine/parse-policy.js';
import {globOf} from '../../source/engine/glob.js';

/*
 * Two ways the engine settles a Resource entry faster, and the tests that hold them to the slow way: a pattern with a
 * wildcard in an ARN segment is matched segment by segment without a regular expression, and a pattern with a policy
 * variable is settled by its literal head when the resource cannot start with it. A key whose value is not known is
 * asked for only where some value of it could make the entry cover the resource.
 */

const patterns = [
	'arn:aws:kms:*:111122223333:key/*',
	'arn:aws:kms:*:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
	'arn:aws:kms:eu-west-1:*:key/*',
	'arn:*:s3:::bucket/*',
	'arn:aws:s3:*:*:bucket',
	'arn:aws:kms:*:111122223333:*',
	'arn:aws:kms:*:111122223333:alias/app:part/*',
	'arn:aws:kms:eu-*:111122223333:key/*',
	'arn:aws:kms:*:111122223333:key/*-abc',
	'arn:aws:kms:?u-west-1:111122223333:key/*',
];
const values = [
	'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
	'arn:aws:kms:eu-west-1:111122223334:key/1234abcd-12ab-34cd-56ef-1234567890ab',
	'arn:aws:kms:us-east-1:111122223333:alias/app:part/x',
	'arn:aws:kms::111122223333:key/',
	'arn:aws:kms:eu-west-1:111122223333:key',
	'arn:aws:kms:eu-west-1:111122223333:keys/1',
	'arn:aws-cn:s3:::bucket/a:b',
	'arn:aws:s3:::bucket',
	'arn:aws:s3:eu-west-1:111122223333:bucket',
	'arn:aws:kms:eu-west-1:111122223333:key/x-abc',
	'arn:aws:kms:eu-west-1:111122223333:key/x-abc-abc',
	'not-an-arn',
	'arn:aws:kms:eu-west-1',
];

describe('an ARN pattern with a wildcard in a segment', () => {
	// IAM User Guide, "IAM JSON policy elements: Resource": "You can use wildcard characters (* and ?) within the
	// individual segments of an ARN (the parts separated by colons)". The compiled matcher must agree with the engine's
	// general reading of a pattern, whatever that reading is.
	it('matches exactly what the pattern read segment by segment matches', () => {
		for (const pattern of patterns) {
			const compiled = arnGlobMatcher(globOf(pattern));
			for (const value of values) expect(compiled(value), `${pattern} against ${value}`).toBe(arnMatches(pattern, value));
		}
	});
	// Patterns and values built from a few segments each, seeded: every way a `*` segment, an empty one or a resource
	// prefix can meet a value (more or fewer colons, a segment cut short or run long) against the general reading.
	it('agrees with the general reading on seeded random segments', () => {
		let state = 14;
		const pick = <T>(list: readonly T[]): T => {
			state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
			return list[Math.floor((state / 2_147_483_648) * list.length)]!;
		};
		const parts = ['', 'aws', 'kms', 'eu-west-1', '111', '1111', 'x:y'];
		const resources = ['key/k', 'key/k:z', 'a:b', '', 'key', 'key/kk'];
		let matched = 0;
		for (let round = 0; round < 4000; round++) {
			const value = ['arn', pick(parts), pick(parts), pick(parts), pick(parts), pick(resources)];
			// Each pattern segment mostly the value's own or `*`, so that many patterns come close to matching.
			const heads = value.slice(1, 5).map(part => pick(['*', part, part, pick(parts)]));
			const resource = pick(['*', 'key/*', 'key/k', 'key/k:*', 'a:b', '', value[5]!]);
			const pattern = ['arn', ...heads, resource].join(':');
			const expected = arnMatches(pattern, value.join(':'));
			if (expected) matched++;
			expect(arnGlobMatcher(globOf(pattern))(value.join(':')), `${pattern} against ${value.join(':')}`).toBe(expected);
		}
		expect(matched).toBeGreaterThan(400);
	});
});

const statement = (resource: string) => {
	const parsed = parsePolicy({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: resource}]}, 'identity policy');
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.value.statements[0]!;
};

const covers = (resource: string, object: string, context: Record<string, string | null>, missing: 'unknown' | 'absent' = 'unknown') => {
	const request = {caller: parseCaller('arn:aws:iam::111122223333:user/alice'), action: 's3:GetObject', resource: object, lookup: createContextLookup(context, missing)};
	const trace = evaluateStatement(statement(resource), 'identity policy', request, false);
	return trace ? {applies: trace.applies, unknownKeys: trace.unknownKeys ?? []} : 'does not cover';
};

describe('a Resource with a policy variable, and a resource its written parts may not cover', () => {
	const home = 'arn:aws:s3:::bucket/home/${aws:username}/*';

	it('does not cover it, whatever the variable holds', () => {
		expect(covers(home, 'arn:aws:s3:::bucket/reports/q1.csv', {'aws:username': 'alice'})).toBe('does not cover');
		expect(covers(home, 'arn:aws:s3:::bucket/reports/q1.csv', {'aws:username': null})).toBe('does not cover');
	});

	it('does not cover it, and does not ask for the key, when the key is not known: no value of it could change that', () => {
		expect(covers(home, 'arn:aws:s3:::bucket/reports/q1.csv', {})).toBe('does not cover');
		const two = 'arn:aws:s3:::bucket/${aws:PrincipalTag/team}/${aws:username}/*';
		expect(covers(two, 'arn:aws:s3:::other/x', {'aws:PrincipalTag/team': 'blue'})).toBe('does not cover');
		expect(covers(two, 'arn:aws:s3:::other/x', {})).toBe('does not cover');
	});

	it('stays unknown, naming the key, where some value of it would make the entry cover the resource', () => {
		expect(covers(home, 'arn:aws:s3:::bucket/home/alice/q1.csv', {})).toEqual({applies: 'unknown', unknownKeys: ['aws:username']});
		expect(covers('arn:aws:s3:::${aws:username}', 'arn:aws:s3:::x', {})).toEqual({applies: 'unknown', unknownKeys: ['aws:username']});
		// A value may hold a colon (aws:userid of a role session is "AROA…:session"): the key is still worth asking for.
		expect(covers('arn:aws:s3:::bucket/home/${aws:userid}/*', 'arn:aws:s3:::bucket/home/AROAEXAMPLE:s1/q1.csv', {})).toEqual({applies: 'unknown', unknownKeys: ['aws:userid']});
	});

	it('names every key not known at once, each once, when together they could make the entry cover the resource', () => {
		const two = 'arn:aws:s3:::bucket/${aws:PrincipalTag/team}/${aws:username}/${aws:username}/*';
		expect(covers(two, 'arn:aws:s3:::bucket/blue/alice/alice/x', {})).toEqual({applies: 'unknown', unknownKeys: ['aws:PrincipalTag/team', 'aws:username']});
		expect(covers(two, 'arn:aws:s3:::bucket/blue/alice/alice/x', {'aws:PrincipalTag/team': 'blue'})).toEqual({applies: 'unknown', unknownKeys: ['aws:username']});
	});

	it('does not cover a resource whose text after the variable cannot match, whatever the variable holds', () => {
		const file = 'arn:aws:s3:::bucket/home/${aws:username}/notes.txt';
		expect(covers(file, 'arn:aws:s3:::bucket/home/alice/cv.pdf', {})).toBe('does not cover');
		expect(covers(file, 'arn:aws:s3:::bucket/home/alice/notes.txt', {})).toEqual({applies: 'unknown', unknownKeys: ['aws:username']});
		// A wildcard before the variable: no literal head to settle it, the written parts still do.
		expect(covers('arn:aws:s3:::bucket/*/${aws:username}/notes.txt', 'arn:aws:s3:::other/a/b/notes.txt', {})).toBe('does not cover');
	});

	it('does not cover it when a key without a default is absent, wherever that variable stands', () => {
		const two = 'arn:aws:s3:::bucket/${aws:username}/${aws:PrincipalTag/team}/*';
		expect(covers(two, 'arn:aws:s3:::bucket/alice/blue/x', {'aws:PrincipalTag/team': null})).toBe('does not cover');
		expect(covers('arn:aws:s3:::bucket/${aws:PrincipalTag/team, \'none\'}/${aws:username}/*', 'arn:aws:s3:::bucket/none/alice/x', {'aws:PrincipalTag/team': null})).toEqual({
			applies: 'unknown',
			unknownKeys: ['aws:username'],
		});
	});

	it('still covers what the replaced pattern covers', () => {
		expect(covers(home, 'arn:aws:s3:::bucket/home/alice/q1.csv', {'aws:username': 'alice'})).toEqual({applies: 'yes', unknownKeys: []});
		expect(covers(home, 'arn:aws:s3:::bucket/home/bob/q1.csv', {'aws:username': 'alice'})).toBe('does not cover');
	});

	it('reads a variable before the fifth colon as plain text, so it never asks for its key', () => {
		expect(covers('arn:aws:iam::${aws:PrincipalAccount}:role/x', 'arn:aws:iam::111122223333:role/x', {})).toBe('does not cover');
	});
});

describe('a Resource that lists exact ARNs and ARN prefixes (a bucket and its objects)', () => {
	const lists = [
		['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/*'],
		['arn:aws:s3:::bucket/reports/*', 'arn:aws:s3:::bucket/tmp/*', 'arn:aws:s3:::other'],
		['arn:aws:s3:::bucket/a', 'arn:aws:s3:::bucket/b'],
	];
	const objects = ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/', 'arn:aws:s3:::bucket/reports/q1.csv', 'arn:aws:s3:::bucket/tmp/x', 'arn:aws:s3:::other', 'arn:aws:s3:::other/x', 'arn:aws:s3:::bucket2', 'arn:aws:s3:::bucket/a', 'arn:aws:s3:::bucket/ab'];

	const matched = (element: 'Resource' | 'NotResource', patterns: string[], object: string) => {
		const parsed = parsePolicy({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', [element]: patterns}]}, 'identity policy');
		if (!parsed.ok) throw new Error(parsed.error.message);
		const request = {caller: parseCaller('arn:aws:iam::111122223333:user/alice'), action: 's3:GetObject', resource: object, lookup: createContextLookup({})};
		return evaluateStatement(parsed.value.statements[0]!, 'identity policy', request, false)?.resourceMatched ?? 'no';
	};

	// IAM User Guide, "IAM JSON policy elements: NotResource": "NotResource is an advanced policy element that explicitly
	// matches every resource except those specified."
	it('covers what any of its entries covers, and NotResource every other resource', () => {
		for (const patterns of lists) {
			for (const object of objects) {
				const any = patterns.some(pattern => arnMatches(pattern, object));
				expect(matched('Resource', patterns, object), `${patterns.join(', ')} against ${object}`).toBe(any ? 'yes' : 'no');
				expect(matched('NotResource', patterns, object), `NotResource ${patterns.join(', ')} against ${object}`).toBe(any ? 'no' : 'yes');
			}
		}
	});
});
