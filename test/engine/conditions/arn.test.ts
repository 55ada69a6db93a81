import {describe, expect, it} from 'vitest';
import {compareArn} from '../../../source/engine/conditions/arn.js';
import {check, result} from './helpers.js';

describe('ArnEquals and ArnLike', () => {
	// IAM guide: SQS queue policy, "ArnEquals": {"aws:SourceArn": "arn:aws:sns:REGION:123456789012:TOPIC-ID"}.
	const topic = 'arn:aws:sns:us-east-2:123456789012:my-topic';

	it('match the same ARN', () => {
		expect(result('ArnEquals', 'aws:SourceArn', topic, {'aws:SourceArn': topic})).toBe('yes');
		expect(result('ArnLike', 'aws:SourceArn', topic, {'aws:SourceArn': topic})).toBe('yes');
	});

	it('do not match another ARN, and say why', () => {
		const trace = check('ArnEquals', 'aws:SourceArn', topic, {'aws:SourceArn': 'arn:aws:sns:us-east-2:123456789012:other'});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe(
			'aws:SourceArn is "arn:aws:sns:us-east-2:123456789012:other", which does not match "arn:aws:sns:us-east-2:123456789012:my-topic"',
		);
	});

	it('fail when aws:SourceArn is missing (a user calling directly)', () => {
		expect(result('ArnEquals', 'aws:SourceArn', topic, {})).toBe('no');
		expect(result('ArnLikeIfExists', 'aws:SourceArn', topic, {})).toBe('yes');
	});

	it('both allow wildcards in each part', () => {
		for (const operator of ['ArnEquals', 'ArnLike']) {
			expect(result(operator, 'aws:SourceArn', 'arn:aws:sns:*:123456789012:*', {'aws:SourceArn': topic}), operator).toBe('yes');
			expect(result(operator, 'aws:SourceArn', 'arn:aws:sns:us-east-?:*:my-topic', {'aws:SourceArn': topic}), operator).toBe('yes');
			expect(result(operator, 'aws:SourceArn', 'arn:aws:sns:*:111122223333:*', {'aws:SourceArn': topic}), operator).toBe('no');
		}
	});

	// IAM guide: StringLike matches across colons where ArnLike, matching part by part, does not.
	it('match part by part where StringLike matches across colons', () => {
		const pattern = 'arn:aws:someservice:*:111122223333:finance/*';
		const value = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';
		expect(result('StringLike', 'aws:SourceArn', pattern, {'aws:SourceArn': value})).toBe('yes');
		expect(result('ArnLike', 'aws:SourceArn', pattern, {'aws:SourceArn': value})).toBe('no');
	});

	it('are case-sensitive', () => {
		expect(result('ArnLike', 'aws:SourceArn', 'arn:aws:SNS:*:123456789012:*', {'aws:SourceArn': topic})).toBe('no');
		expect(result('ArnEquals', 'aws:SourceArn', 'arn:aws:sns:us-east-2:123456789012:My-Topic', {'aws:SourceArn': topic})).toBe('no');
	});

	it('match a resource part holding colons and slashes', () => {
		const role = 'arn:aws:sts::123456789012:assumed-role/Admin/session:1';
		expect(result('ArnLike', 'aws:PrincipalArn', 'arn:aws:sts::123456789012:assumed-role/Admin/*', {'aws:PrincipalArn': role})).toBe('yes');
	});

	it('substitute policy variables', () => {
		const pattern = 'arn:aws:iam::${aws:PrincipalAccount}:role/*';
		const context = {'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/Admin', 'aws:PrincipalAccount': '123456789012'};
		expect(result('ArnLike', 'aws:PrincipalArn', pattern, context)).toBe('yes');
		expect(result('ArnLike', 'aws:PrincipalArn', pattern, {...context, 'aws:PrincipalAccount': '111122223333'})).toBe('no');
		expect(result('ArnLike', 'aws:PrincipalArn', pattern, {'aws:PrincipalArn': context['aws:PrincipalArn']}, 'unknown')).toBe('unknown');
	});

	// IAM User Guide, "IAM JSON policy elements: Condition operators" (Amazon Resource Name (ARN) condition operators).
	const sixParts =
		'Each of the six colon-delimited components of the ARN is checked separately and each can include multi-character match wildcards (*) or single-character match wildcards (?).';

	it(`are unknown for a value that is not an ARN, which AWS does not say how it matches: "${sixParts}"`, () => {
		const trace = check('ArnLike', 'aws:SourceArn', 'arn:aws:sns:*:*:*', {'aws:SourceArn': 'my-topic'});
		expect(trace.result).toBe('unknown');
		expect(trace.unknownKeys).toBeUndefined();
		expect(trace.reason).toBe('aws:SourceArn is "my-topic", which is not an ARN (six parts separated by colons), so whether it matches "arn:aws:sns:*:*:*" is not known');
		expect(result('ArnNotLike', 'aws:SourceArn', 'arn:aws:sns:*:*:*', {'aws:SourceArn': 'my-topic'})).toBe('unknown');
		// A pattern with fewer parts: a `*` there may or may not reach across colons.
		expect(result('ArnLike', 'aws:SourceArn', 'arn:aws:sns:*', {'aws:SourceArn': topic})).toBe('unknown');
		expect(result('ArnNotEquals', 'aws:SourceArn', 'arn:aws:sns:*', {'aws:SourceArn': topic})).toBe('unknown');
		expect(result('ArnLike', 'aws:SourceArn', '${aws:PrincipalTag/topic}', {'aws:SourceArn': topic, 'aws:PrincipalTag/topic': 'my-topic'})).toBe('unknown');
		// A lone `*` is every ARN, and another pattern that matches decides the clause.
		expect(result('ArnLike', 'aws:SourceArn', '*', {'aws:SourceArn': topic})).toBe('yes');
		expect(result('ArnLike', 'aws:SourceArn', ['arn:aws:sns:*', topic], {'aws:SourceArn': topic})).toBe('yes');
	});
});

describe('ArnNotEquals and ArnNotLike', () => {
	const bucket = 'arn:aws:s3:::amzn-s3-demo-bucket';

	it('hold when no pattern matches, fail when one does', () => {
		for (const operator of ['ArnNotEquals', 'ArnNotLike']) {
			expect(result(operator, 'aws:SourceArn', 'arn:aws:s3:::other-*', {'aws:SourceArn': bucket}), operator).toBe('yes');
			expect(result(operator, 'aws:SourceArn', ['arn:aws:s3:::other', 'arn:aws:s3:::amzn-*'], {'aws:SourceArn': bucket}), operator).toBe('no');
		}
	});

	it('hold when the key is missing', () => {
		const trace = check('ArnNotLike', 'aws:SourceArn', bucket, {});
		expect(trace.result).toBe('yes');
		expect(trace.reason).toBe('aws:SourceArn is not in the request, and ArnNotLike counts a missing key as a match');
	});
});

describe('compareArn', () => {
	it('compares one ARN with one pattern', () => {
		expect(compareArn('arn:aws:s3:::b/k', 'arn:aws:s3:::b/*')).toBe(true);
		expect(compareArn('arn:aws:s3:::b/k', '*')).toBe(true);
		expect(compareArn('arn:aws:s3:::b/k', 'arn:aws:s3:::c/*')).toBe(false);
	});
});
