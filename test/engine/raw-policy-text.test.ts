import {describe, expect, it} from 'vitest';
import {createContextLookup, type ContextValue} from '../../source/engine/context.js';
import {evaluatePolicy} from '../../source/engine/evaluate-policy.js';
import {parsePolicy} from '../../source/engine/parse-policy.js';
import {parseCaller} from '../../source/engine/principal.js';

/*
 * IAM has no escape character: a backslash in a policy is a backslash. Only `${*}`, `${?}` and text put in
 * by a policy variable are literal. The same pattern must mean the same thing in Resource, in
 * StringLike and in ArnLike, with and without policy variables.
 */

type Place = 'Resource' | 'StringLike' | 'ArnLike';

const allows = (place: Place, pattern: string, value: string, context: Readonly<Record<string, ContextValue>> = {}): boolean => {
	const statement =
		place === 'Resource'
			? {Effect: 'Allow', Action: 's3:GetObject', Resource: pattern}
			: {Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: {[place]: {'test:value': pattern}}};
	const policy = parsePolicy({Version: '2012-10-17', Statement: [statement]}, 'p');
	if (!policy.ok) throw new Error(policy.error.message);
	const lookup = createContextLookup({'test:value': value, ...context}, 'absent');
	const resource = place === 'Resource' ? value : 'arn:aws:s3:::unrelated/x';
	return evaluatePolicy(policy.value, {caller: parseCaller('arn:aws:iam::111122223333:user/alice'), action: 's3:GetObject', resource, lookup}, false).allow === 'yes';
};

const places: readonly Place[] = ['Resource', 'StringLike', 'ArnLike'];

describe.each(places)('%s reads raw policy text literally', place => {
	it('keeps a backslash before * as a backslash, and * as a wildcard', () => {
		expect(allows(place, 'arn:aws:s3:::b/dir\\*', 'arn:aws:s3:::b/dir\\file')).toBe(true);
		expect(allows(place, 'arn:aws:s3:::b/dir\\*', 'arn:aws:s3:::b/dir*')).toBe(false);
	});

	it('keeps a backslash before ? as a backslash, and ? as a wildcard', () => {
		expect(allows(place, 'arn:aws:s3:::b/a\\?', 'arn:aws:s3:::b/a\\z')).toBe(true);
		expect(allows(place, 'arn:aws:s3:::b/a\\?', 'arn:aws:s3:::b/a?')).toBe(false);
	});

	it('keeps a doubled backslash as two backslashes', () => {
		expect(allows(place, 'arn:aws:s3:::b/a\\\\b', 'arn:aws:s3:::b/a\\\\b')).toBe(true);
		expect(allows(place, 'arn:aws:s3:::b/a\\\\b', 'arn:aws:s3:::b/a\\b')).toBe(false);
	});

	it('makes ${*} and ${?} literal', () => {
		expect(allows(place, 'arn:aws:s3:::b/${*}', 'arn:aws:s3:::b/*')).toBe(true);
		expect(allows(place, 'arn:aws:s3:::b/${*}', 'arn:aws:s3:::b/x')).toBe(false);
		expect(allows(place, 'arn:aws:s3:::b/${?}', 'arn:aws:s3:::b/?')).toBe(true);
		expect(allows(place, 'arn:aws:s3:::b/${?}', 'arn:aws:s3:::b/x')).toBe(false);
	});

	it('makes wildcards in a variable\'s value literal, next to a backslash written in the policy', () => {
		const context = {'aws:username': 'b*'};
		expect(allows(place, 'arn:aws:s3:::b/${aws:username}\\*', 'arn:aws:s3:::b/b*\\x', context)).toBe(true);
		expect(allows(place, 'arn:aws:s3:::b/${aws:username}\\*', 'arn:aws:s3:::b/bob\\x', context)).toBe(false);
		expect(allows(place, 'arn:aws:s3:::b/${aws:username}\\*', 'arn:aws:s3:::b/b*x', context)).toBe(false);
	});
});
