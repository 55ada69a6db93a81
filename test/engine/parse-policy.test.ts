import {describe, expect, it} from 'vitest';
import {parsePolicy} from '../../source/engine/parse-policy.js';
import type {Policy} from '../../source/engine/policy.js';

const parsed = (input: unknown, name = 'test policy'): Policy => {
	const result = parsePolicy(input, name);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

const failure = (input: unknown, name = 'key policy') => {
	const result = parsePolicy(input, name);
	if (result.ok) throw new Error('expected a parse error');
	return result.error;
};

const policy = (...statements: unknown[]) => ({Version: '2012-10-17', Statement: statements});

describe('parsePolicy: documents', () => {
	it('reads JSON text and keeps the document, Version and Id', () => {
		const value = parsed('{"Version": "2012-10-17", "Id": "key-default-1", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}');
		expect(value.version).toBe('2012-10-17');
		expect(value.id).toBe('key-default-1');
		expect(value.name).toBe('test policy');
		expect(value.statements).toHaveLength(1);
		expect(value.document['Id']).toBe('key-default-1');
	});

	it('reads an already parsed object the same as its text', () => {
		const document = policy({Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*'});
		expect(parsed(document).statements).toEqual(parsed(JSON.stringify(document)).statements);
	});

	it('accepts Statement as a single object', () => {
		const value = parsed({Version: '2012-10-17', Statement: {Effect: 'Deny', Action: 's3:*', Resource: '*'}});
		expect(value.statements).toHaveLength(1);
		expect(value.statements[0]!.effect).toBe('Deny');
		expect(value.statements[0]!.index).toBe(0);
	});

	it('accepts strings or arrays wherever IAM does', () => {
		const [one, many] = parsed(
			policy(
				{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Principal: {AWS: '111122223333'}},
				{
					Effect: 'Allow',
					Action: ['s3:GetObject', 's3:PutObject'],
					Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
					Principal: {AWS: ['111122223333', 'arn:aws:iam::444455556666:root'], Service: 's3.amazonaws.com'},
				},
			),
		).statements;
		expect(one!.action).toEqual(['s3:GetObject']);
		expect(one!.resource).toEqual(['arn:aws:s3:::b/*']);
		expect(many!.action).toEqual(['s3:GetObject', 's3:PutObject']);
		expect(many!.principal).toEqual({
			kind: 'set',
			aws: ['111122223333', 'arn:aws:iam::444455556666:root'],
			service: ['s3.amazonaws.com'],
			federated: [],
			canonicalUser: [],
		});
	});

	it('reads Principal "*" as anyone, and NotAction, NotResource and NotPrincipal', () => {
		const [statement] = parsed(
			policy({Effect: 'Deny', NotPrincipal: {AWS: 'arn:aws:iam::111122223333:root'}, NotAction: 's3:Get*', NotResource: 'arn:aws:s3:::b/*'}),
		).statements;
		expect(statement!.notAction).toEqual(['s3:Get*']);
		expect(statement!.notResource).toEqual(['arn:aws:s3:::b/*']);
		expect(statement!.notPrincipal?.kind).toBe('set');
		expect(parsed(policy({Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*'})).statements[0]!.principal).toEqual({kind: 'any'});
	});

	it('reads Federated principals', () => {
		const [statement] = parsed(
			policy({Effect: 'Allow', Principal: {Federated: 'cognito-identity.amazonaws.com'}, Action: 'sts:AssumeRoleWithWebIdentity', Resource: '*'}),
		).statements;
		expect(statement!.principal).toMatchObject({kind: 'set', federated: ['cognito-identity.amazonaws.com']});
	});

	it('splits condition operators into qualifier, base and IfExists, and turns numbers and booleans into text', () => {
		const [statement] = parsed(
			policy({
				Effect: 'Allow',
				Action: 's3:GetObject',
				Resource: '*',
				Condition: {
					'ForAnyValue:StringLikeIfExists': {'aws:TagKeys': ['team*', 'env']},
					Bool: {'aws:SecureTransport': true},
					NumericLessThan: {'s3:max-keys': 10},
				},
			}),
		).statements;
		expect(statement!.conditions).toEqual([
			{operator: 'ForAnyValue:StringLikeIfExists', baseOperator: 'StringLike', qualifier: 'ForAnyValue', ifExists: true, key: 'aws:TagKeys', values: ['team*', 'env']},
			{operator: 'Bool', baseOperator: 'Bool', ifExists: false, key: 'aws:SecureTransport', values: ['true']},
			{operator: 'NumericLessThan', baseOperator: 'NumericLessThan', ifExists: false, key: 's3:max-keys', values: ['10']},
		]);
	});

	it('keeps each statement exactly as written, for display', () => {
		const raw = {Sid: 'Keep', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*'};
		expect(parsed(policy(raw)).statements[0]!.source).toEqual(raw);
	});

	it('accepts the old Version 2008-10-17 and a missing Version', () => {
		expect(parsed({Version: '2008-10-17', Statement: []}).version).toBe('2008-10-17');
		expect(parsed({Statement: []}).version).toBeUndefined();
	});
});

describe('parsePolicy: errors name the policy and the statement', () => {
	it('gives the line and column of a JSON syntax error', () => {
		const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}';
		const error = failure(text, 'bucket policy');
		expect(error.line).toBe(4);
		expect(error.column).toBe(24);
		expect(error.policyName).toBe('bucket policy');
		expect(error.message).toMatch(/^bucket policy: not valid JSON: .* at line 4, column 24$/);
	});

	it('says so when the text is empty', () => {
		expect(failure('   ').message).toBe('key policy: not valid JSON: the text is empty; expected a JSON document');
	});

	it('refuses a document that is not an object or has no Statement', () => {
		expect(failure('[]').message).toBe('key policy: a policy must be a JSON object with a "Statement"');
		expect(failure({Version: '2012-10-17'}).message).toBe('key policy: the policy has no "Statement"');
	});

	it('refuses an unknown Version', () => {
		expect(failure({Version: '2012-10-18', Statement: []}).message).toBe(
			'key policy: Version must be "2012-10-17" (or the old "2008-10-17"), not "2012-10-18"',
		);
	});

	it('refuses an unknown Effect, naming the Sid', () => {
		const error = failure(policy({Sid: 'Use', Effect: 'allow', Action: 'kms:Decrypt', Resource: '*'}));
		expect(error.statement).toBe('Sid "Use"');
		expect(error.message).toBe('key policy, Sid "Use": Effect must be "Allow" or "Deny", not "allow"');
	});

	it('refuses a missing Effect, naming the statement by its 1-based position when it has no Sid', () => {
		const error = failure(policy({Effect: 'Allow', Action: 'kms:*', Resource: '*'}, {Action: 'kms:Decrypt', Resource: '*'}));
		expect(error.statement).toBe('statement #2');
		expect(error.message).toBe('key policy, statement #2: Effect is missing; it must be "Allow" or "Deny"');
	});

	it('refuses an action without a service prefix', () => {
		const error = failure(policy({Sid: 'Bad', Effect: 'Allow', Action: ['kms:Decrypt', 'Decrypt'], Resource: '*'}));
		expect(error.message).toBe('key policy, Sid "Bad": Action "Decrypt" is not of the form service:Action (e.g. "kms:Decrypt")');
	});

	it('refuses a NotAction without a service prefix', () => {
		expect(failure(policy({Effect: 'Deny', NotAction: 'GetObject', Resource: '*'})).message).toContain('NotAction "GetObject" is not of the form service:Action');
	});

	it('refuses a condition operator that does not exist', () => {
		const error = failure(
			policy({Sid: 'Cond', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: {StringEqualsAny: {'s3:prefix': 'a'}}}),
		);
		expect(error.statement).toBe('Sid "Cond"');
		expect(error.message).toBe(
			'key policy, Sid "Cond": Condition operator "StringEqualsAny" does not exist (e.g. StringEquals, ArnLike, Bool, IpAddress, ForAnyValue:StringLike)',
		);
	});

	it('refuses NullIfExists and an unknown set qualifier', () => {
		expect(failure(policy({Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: {NullIfExists: {'aws:TagKeys': 'true'}}})).message).toContain(
			'Condition operator "NullIfExists" does not exist',
		);
		expect(failure(policy({Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: {'ForSomeValues:StringLike': {k: 'v'}}})).message).toContain(
			'Condition operator "ForSomeValues:StringLike" does not exist',
		);
	});

	it('refuses a statement with both Action and NotAction, or neither', () => {
		expect(failure(policy({Effect: 'Allow', Action: 's3:*', NotAction: 's3:Get*', Resource: '*'})).message).toBe(
			'key policy, statement #1: a statement needs exactly one of Action or NotAction',
		);
		expect(failure(policy({Effect: 'Allow', Resource: '*'})).message).toContain('exactly one of Action or NotAction');
	});

	it('refuses a statement without Resource, or with both Resource and NotResource', () => {
		expect(failure(policy({Effect: 'Allow', Action: 'kms:*'})).message).toContain('a statement needs Resource or NotResource');
		expect(failure(policy({Effect: 'Allow', Action: 'kms:*', Resource: '*', NotResource: 'x'})).message).toContain('Resource or NotResource, not both');
	});

	it('refuses a misspelt element', () => {
		expect(failure(policy({Effect: 'Allow', Actions: 'kms:*', Resource: '*'})).message).toMatch(/statement #1: unknown element "Actions"/);
	});

	it('refuses a principal that is neither "*" nor an object, or names an unknown type or a malformed account', () => {
		expect(failure(policy({Effect: 'Allow', Principal: 'arn:aws:iam::111122223333:root', Action: 'kms:*', Resource: '*'})).message).toContain(
			'Principal must be "*" or an object',
		);
		expect(failure(policy({Effect: 'Allow', Principal: {User: 'bob'}, Action: 'kms:*', Resource: '*'})).message).toContain(
			'Principal has an unknown type "User"',
		);
		expect(failure(policy({Effect: 'Allow', Principal: {AWS: '1111'}, Action: 'kms:*', Resource: '*'})).message).toContain(
			'Principal.AWS "1111" is not an account ID, an ARN or "*"',
		);
	});

	it('refuses empty lists and values of the wrong type', () => {
		expect(failure(policy({Effect: 'Allow', Action: [], Resource: '*'})).message).toContain('Action must not be empty');
		expect(failure(policy({Effect: 'Allow', Action: 'kms:*', Resource: 42})).message).toContain('Resource must be a string or an array of strings, found 42');
		expect(failure(policy({Effect: 'Allow', Action: 'kms:*', Resource: '*', Condition: {StringEquals: {k: {}}}})).message).toContain(
			'Condition "StringEquals" "k" must be a string, number or boolean, found {}',
		);
	});
});
