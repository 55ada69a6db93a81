import {describe, expect, it} from 'vitest';
import {evaluateCondition} from '../../../source/engine/conditions/evaluate-condition.js';
import {atLeast, createContextLookup} from '../../../source/engine/context.js';
import {check, clause, result} from './helpers.js';

describe('ForAllValues', () => {
	// IAM guide (set operators): "ForAllValues:StringLike": {"dynamodb:requestedAttributes": ["PostDateTime", "Message", "Tags"]}.
	const allowed = ['PostDateTime', 'Message', 'Tags'];
	const key = 'dynamodb:requestedAttributes';

	it('holds when every request value matches a policy value', () => {
		expect(result('ForAllValues:StringLike', key, allowed, {[key]: ['PostDateTime', 'Message']})).toBe('yes');
	});

	it('fails when one request value matches none (UserName)', () => {
		const trace = check('ForAllValues:StringLike', key, allowed, {[key]: ['PostDateTime', 'UserName']});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe(
			'dynamodb:requestedAttributes is ["PostDateTime", "UserName"] and "UserName" does not match any of "PostDateTime", "Message", "Tags", so ForAllValues:StringLike does not match',
		);
	});

	it('holds for a missing key or an empty set', () => {
		const missing = check('ForAllValues:StringLike', 'aws:TagKeys', ['key1*', 'key2*', 'key3*'], {});
		expect(missing.result).toBe('yes');
		expect(missing.reason).toBe('aws:TagKeys is not in the request, and ForAllValues:StringLike counts an empty set as a match');
		expect(result('ForAllValues:StringLike', 'aws:TagKeys', ['key1*'], {'aws:TagKeys': []})).toBe('yes');
	});

	// IAM User Guide, "IAM JSON policy elements: Condition operators" (ARN condition operators).
	const nullDataset =
		'The ForAllValues qualifier returns true if there are no context keys in the request or if the context key value resolves to a null dataset, such as an empty string.';

	it(`holds for a key whose value is an empty string: "${nullDataset}"`, () => {
		const trace = check('ForAllValues:StringLike', 'aws:TagKeys', ['key1*'], {'aws:TagKeys': ''});
		expect(trace.result).toBe('yes');
		expect(trace.reason).toBe('aws:TagKeys is an empty string in the request, and ForAllValues:StringLike counts an empty set as a match');
		expect(result('ForAllValues:StringEquals', 'aws:TagKeys', ['a'], {'aws:TagKeys': ['']})).toBe('yes');
		// Only ForAllValues reads it so: an empty string is still a value for a plain operator and for ForAnyValue.
		expect(result('ForAllValues:StringEquals', 'aws:TagKeys', ['a'], {'aws:TagKeys': ['', 'b']})).toBe('no');
		expect(result('StringLike', 's3:prefix', ['home/*'], {'s3:prefix': ''})).toBe('no');
		expect(result('ForAnyValue:StringLike', 'aws:TagKeys', ['*'], {'aws:TagKeys': ''})).toBe('yes');
	});

	// IAM guide: "Null": {"aws:TagKeys": "false"} alongside "ForAllValues:StringLike": {"aws:TagKeys": ["key1*", "key2*", "key3*"]}.
	it('is guarded by Null "false" against a missing key', () => {
		expect(result('Null', 'aws:TagKeys', 'false', {})).toBe('no');
		expect(result('ForAllValues:StringLike', 'aws:TagKeys', ['key1*', 'key2*', 'key3*'], {'aws:TagKeys': ['key1:a', 'key3:b']})).toBe('yes');
		expect(result('ForAllValues:StringLike', 'aws:TagKeys', ['key1*', 'key2*', 'key3*'], {'aws:TagKeys': ['key1:a', 'key4:b']})).toBe('no');
	});

	// IAM guide: "ForAllValues:StringNotLike": {"aws:TagKeys": "key1*"} — the table of results.
	it.each([
		[['key1:legal'], 'no'],
		[['key1:hr', 'key1:personnel'], 'no'],
		[['key2:audit'], 'yes'],
		[null, 'yes'],
	] as const)('ForAllValues:StringNotLike key1* with aws:TagKeys %j → %s', (tags, expected) => {
		expect(result('ForAllValues:StringNotLike', 'aws:TagKeys', 'key1*', {'aws:TagKeys': tags})).toBe(expected);
	});

	it('negates per request value: ForAllValues:StringNotLike needs every value to match no pattern', () => {
		expect(result('ForAllValues:StringNotLike', 'aws:TagKeys', ['key1*', 'key2*'], {'aws:TagKeys': ['key3:a', 'key4:b']})).toBe('yes');
		expect(result('ForAllValues:StringNotLike', 'aws:TagKeys', ['key1*', 'key2*'], {'aws:TagKeys': ['key3:a', 'key2:b']})).toBe('no');
		expect(check('ForAllValues:StringNotLike', 'aws:TagKeys', ['key1*', 'key2*'], {'aws:TagKeys': ['key3:a', 'key4:b']}).reason).toBe(
			'aws:TagKeys is ["key3:a", "key4:b"] and none of them matches one of "key1*", "key2*", so ForAllValues:StringNotLike matches',
		);
	});

	it('works with the other operator families', () => {
		expect(result('ForAllValues:ArnLike', 'aws:PrincipalServiceNamesList', 'arn:aws:iam::*:role/*', {'aws:PrincipalServiceNamesList': ['arn:aws:iam::1:role/a', 'arn:aws:iam::2:role/b']})).toBe('yes');
		expect(result('ForAllValues:NumericLessThan', 'k', '10', {k: [1, 5, 9]})).toBe('yes');
		expect(result('ForAllValues:NumericLessThan', 'k', '10', {k: [1, 5, 10]})).toBe('no');
		expect(result('ForAllValues:IpAddress', 'k', '10.0.0.0/8', {k: ['10.1.1.1', '10.2.2.2']})).toBe('yes');
		expect(result('ForAllValues:StringEqualsIgnoreCase', 'k', ['a', 'b'], {k: ['A', 'B']})).toBe('yes');
	});
});

describe('ForAnyValue', () => {
	// IAM guide: deny snapshots tagged with "environment" or "webserver", "ForAnyValue:StringEquals": {"aws:TagKeys": ["environment", "webserver"]}.
	const tags = ['environment', 'webserver'];

	it('holds when at least one request value matches', () => {
		expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', tags, {'aws:TagKeys': ['environment']})).toBe('yes');
		expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', tags, {'aws:TagKeys': ['cost-center', 'webserver']})).toBe('yes');
		expect(check('ForAnyValue:StringEquals', 'aws:TagKeys', tags, {'aws:TagKeys': ['cost-center', 'webserver']}).reason).toBe(
			'aws:TagKeys is ["cost-center", "webserver"] and "webserver" is one of "environment", "webserver", so ForAnyValue:StringEquals matches',
		);
	});

	it('fails when no request value matches', () => {
		const trace = check('ForAnyValue:StringEquals', 'aws:TagKeys', tags, {'aws:TagKeys': ['cost-center', 'owner']});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe(
			'aws:TagKeys is ["cost-center", "owner"] and none of them is one of "environment", "webserver", so ForAnyValue:StringEquals does not match',
		);
	});

	it('fails for a missing key or an empty set', () => {
		const trace = check('ForAnyValue:StringEquals', 'aws:TagKeys', tags, {});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe('aws:TagKeys is not in the request, so ForAnyValue:StringEquals has no value to match');
		expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', tags, {'aws:TagKeys': []})).toBe('no');
		// The negation does not turn a missing key into a match for ForAnyValue.
		expect(result('ForAnyValue:StringNotEquals', 'aws:TagKeys', tags, {})).toBe('no');
	});

	// IAM guide: deny PutItem on ["ID", "PostDateTime"] with ForAnyValue:StringLike.
	it('follows the DynamoDB PutItem example', () => {
		const forbidden = ['ID', 'PostDateTime'];
		const key = 'dynamodb:requestedAttributes';
		expect(result('ForAnyValue:StringLike', key, forbidden, {[key]: ['UserName', 'Message', 'PostDateTime']})).toBe('yes');
		expect(result('ForAnyValue:StringLike', key, forbidden, {[key]: ['UserName']})).toBe('no');
	});

	it('negates per request value: ForAnyValue:StringNotEquals holds if one value is not listed', () => {
		expect(result('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['a', 'b'], {'aws:TagKeys': ['a', 'c']})).toBe('yes');
		expect(result('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['a', 'b'], {'aws:TagKeys': ['a', 'b']})).toBe('no');
		expect(check('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['a', 'b'], {'aws:TagKeys': ['a', 'b']}).reason).toBe(
			'aws:TagKeys is ["a", "b"] and each of them is one of "a", "b", so ForAnyValue:StringNotEquals does not match',
		);
	});

	it('treats a single-valued key as a set of one', () => {
		expect(result('ForAnyValue:StringEquals', 'aws:PrincipalTag/team', 'blue', {'aws:PrincipalTag/team': 'blue'})).toBe('yes');
		const trace = check('ForAllValues:StringNotEquals', 'aws:PrincipalTag/team', 'blue', {'aws:PrincipalTag/team': 'blue'});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe('aws:PrincipalTag/team is "blue", which is one of "blue", so ForAllValues:StringNotEquals does not match');
	});
});

describe('a multi-valued key without a qualifier', () => {
	it('holds for a positive operator when any request value matches', () => {
		expect(result('StringEquals', 'aws:PrincipalServiceNamesList', 'ec2.amazonaws.com', {'aws:PrincipalServiceNamesList': ['ec2.amazonaws.com', 'ssm.amazonaws.com']})).toBe('yes');
		expect(result('StringEquals', 'aws:PrincipalServiceNamesList', 'lambda.amazonaws.com', {'aws:PrincipalServiceNamesList': ['ec2.amazonaws.com', 'ssm.amazonaws.com']})).toBe('no');
	});

	it('holds for a negated operator only when no request value matches', () => {
		expect(result('StringNotEquals', 'aws:PrincipalServiceNamesList', 'ec2.amazonaws.com', {'aws:PrincipalServiceNamesList': ['ec2.amazonaws.com', 'ssm.amazonaws.com']})).toBe('no');
		expect(result('StringNotEquals', 'aws:PrincipalServiceNamesList', 'lambda.amazonaws.com', {'aws:PrincipalServiceNamesList': ['ec2.amazonaws.com', 'ssm.amazonaws.com']})).toBe('yes');
	});

	it('counts an empty set as missing', () => {
		expect(result('StringEquals', 'aws:TagKeys', 'a', {'aws:TagKeys': []})).toBe('no');
		expect(result('StringNotEquals', 'aws:TagKeys', 'a', {'aws:TagKeys': []})).toBe('yes');
		expect(check('StringNotEquals', 'aws:TagKeys', 'a', {'aws:TagKeys': []}).reason).toBe(
			'aws:TagKeys has no values in the request, and StringNotEquals counts a missing key as a match',
		);
	});

	it('shortens a long list of request values', () => {
		const values = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
		expect(check('StringEquals', 'k', 'z', {k: values}).reason).toBe(
			'k is ["a", "b", "c", "d", "e" and 2 more] and none of them is one of "z", so StringEquals does not match',
		);
	});
});

describe('…IfExists', () => {
	// IAM guide: "StringLikeIfExists": {"ec2:InstanceType": ["t1.*", "t2.*", "m3.*"]}.
	const types = ['t1.*', 't2.*', 'm3.*'];

	it('holds when the key is missing (an image, a key pair, a security group)', () => {
		const trace = check('StringLikeIfExists', 'ec2:InstanceType', types, {});
		expect(trace.result).toBe('yes');
		expect(trace.reason).toBe('ec2:InstanceType is not in the request, and StringLikeIfExists counts a missing key as a match');
		expect(result('StringLike', 'ec2:InstanceType', types, {})).toBe('no');
	});

	it('tests the value when the key is there', () => {
		expect(result('StringLikeIfExists', 'ec2:InstanceType', types, {'ec2:InstanceType': 't2.micro'})).toBe('yes');
		expect(result('StringLikeIfExists', 'ec2:InstanceType', types, {'ec2:InstanceType': 'c5.large'})).toBe('no');
	});

	it('holds for a negated operator when the key is missing, and tests it when present', () => {
		expect(result('StringNotEqualsIfExists', 'aws:ResourceTag/team', 'blue', {})).toBe('yes');
		expect(result('StringNotEqualsIfExists', 'aws:ResourceTag/team', 'blue', {'aws:ResourceTag/team': 'blue'})).toBe('no');
		expect(result('StringNotEqualsIfExists', 'aws:ResourceTag/team', 'blue', {'aws:ResourceTag/team': 'red'})).toBe('yes');
	});

	it('overrides ForAnyValue for a missing key and an empty set', () => {
		expect(result('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', 'a', {})).toBe('yes');
		expect(result('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', 'a', {'aws:TagKeys': []})).toBe('yes');
		expect(result('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', 'a', {'aws:TagKeys': ['b']})).toBe('no');
	});
});

describe('unknown values', () => {
	it('make every operator unknown, IfExists and negated ones included', () => {
		for (const operator of ['StringEquals', 'StringNotEquals', 'StringLikeIfExists', 'StringNotEqualsIfExists', 'ForAllValues:StringLike', 'ForAnyValue:StringNotLike', 'NumericLessThan', 'DateGreaterThan', 'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnLike', 'ArnNotEquals', 'Null']) {
			const trace = check(operator, 'aws:SourceVpce', 'vpce-1a2b3c4d', {}, 'unknown');
			expect(trace.result, operator).toBe('unknown');
			expect(trace.actual).toEqual({state: 'unknown'});
			expect(trace.reason, operator).toBe('aws:SourceVpce is not known for this request');
		}
	});

	it('are distinct from absent keys', () => {
		expect(result('StringNotEquals', 'aws:SourceVpce', 'vpce-1a2b3c4d', {'aws:SourceVpce': null}, 'unknown')).toBe('yes');
		expect(check('StringNotEquals', 'aws:SourceVpce', 'vpce-1a2b3c4d', {}).reason).toBe(
			'aws:SourceVpce is not in the request, and StringNotEquals counts a missing key as a match',
		);
	});

	it('from a policy variable leave the result open unless another value decides it', () => {
		const values = ['team-a', '${aws:PrincipalTag/team}'];
		// ForAllValues: one value certainly fails → no; otherwise unknown.
		expect(result('ForAllValues:StringEquals', 'aws:TagKeys', values, {'aws:TagKeys': ['team-a', 'zzz']}, 'unknown')).toBe('unknown');
		expect(result('ForAllValues:StringEquals', 'aws:TagKeys', ['x'], {'aws:TagKeys': ['team-a', 'zzz']}, 'unknown')).toBe('no');
		// ForAnyValue: one value certainly matches → yes.
		expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', values, {'aws:TagKeys': ['team-a', 'zzz']}, 'unknown')).toBe('yes');
		expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', values, {'aws:TagKeys': ['zzz']}, 'unknown')).toBe('unknown');
		// Negated: unknown stays unknown.
		expect(result('StringNotEquals', 'aws:ResourceTag/team', '${aws:PrincipalTag/team}', {'aws:ResourceTag/team': 'blue'}, 'unknown')).toBe('unknown');
	});

	it('from a policy variable are explained for a multi-valued key', () => {
		const trace = check('ForAllValues:StringEquals', 'aws:TagKeys', ['team-a', '${aws:PrincipalTag/team}'], {'aws:TagKeys': ['team-a', 'zzz']}, 'unknown');
		expect(trace.reason).toBe(
			'aws:TagKeys is ["team-a", "zzz"] and whether "zzz" is one of "team-a", "${aws:PrincipalTag/team}" depends on aws:PrincipalTag/team, which is not known for this request, so ForAllValues:StringEquals may or may not match',
		);
	});
});

describe('the clause itself', () => {
	it('is returned in the trace with the context entry', () => {
		const condition = clause('StringEquals', 'aws:SourceVpce', 'vpce-1');
		const trace = evaluateCondition(condition, createContextLookup({'aws:sourcevpce': 'vpce-1'}));
		expect(trace.clause).toBe(condition);
		expect(trace.result).toBe('yes');
		expect(trace.actual).toEqual({state: 'present', values: ['vpce-1'], multiValued: false});
	});

	it('is unknown for an operator IAM does not have', () => {
		const trace = evaluateCondition(
			{operator: 'StringEqualz', baseOperator: 'StringEqualz', ifExists: false, key: 'k', values: ['v']},
			createContextLookup({k: 'v'}),
		);
		expect(trace.result).toBe('unknown');
		expect(trace.reason).toBe('"StringEqualz" is not an IAM condition operator, so this condition cannot be evaluated');
	});

	it('accepts the base operator in any case', () => {
		const trace = evaluateCondition(
			{operator: 'stringequals', baseOperator: 'stringequals', ifExists: false, key: 'k', values: ['v']},
			createContextLookup({k: 'v'}),
		);
		expect(trace.result).toBe('yes');
	});
});

// S3 API Reference, PutObject (x-amz-server-side-encryption-context): "This value is stored as object metadata and
// automatically gets passed on to AWS KMS for future GetObject operations on this object." A read's context keys are
// aws:s3:arn and perhaps pairs its writer added: only what those known values already settle is settled.
describe('a key known to hold some values and perhaps more', () => {
	const stored = {'kms:EncryptionContextKeys': atLeast(['aws:s3:arn'])};
	const run = (operator: string, values: string | readonly string[]) => evaluateCondition(clause(operator, 'kms:EncryptionContextKeys', values), createContextLookup(stored));

	it('settles ForAnyValue where a known value passes, and ForAllValues where one fails', () => {
		expect(run('ForAnyValue:StringEquals', 'aws:s3:arn').result).toBe('yes');
		expect(run('ForAllValues:StringEquals', 'team').result).toBe('no');
		expect(run('StringEquals', 'aws:s3:arn').result).toBe('yes');
		expect(run('Null', 'false').result).toBe('yes');
	});

	it('leaves unknown what the values it may also hold could change, and says why', () => {
		const all = run('ForAllValues:StringEquals', 'aws:s3:arn');
		expect(all.result).toBe('unknown');
		expect(all.reason).toBe(
			'kms:EncryptionContextKeys holds ["aws:s3:arn"] and perhaps more not known here, and those could change the answer, so ForAllValues:StringEquals may or may not match',
		);
		expect(run('ForAnyValue:StringEquals', 'team').result).toBe('unknown');
		expect(run('StringNotEquals', 'aws:s3:arn').result).toBe('no');
		expect(run('StringNotEquals', 'team').result).toBe('unknown');
	});
});
