import {describe, expect, it} from 'vitest';
import {createContextLookup, type ContextValue} from '../../source/engine/context.js';
import {evaluatePolicy, evaluateStatement, type PreparedRequest} from '../../source/engine/evaluate-policy.js';
import {parsePolicy} from '../../source/engine/parse-policy.js';
import type {Policy} from '../../source/engine/policy.js';
import {parseCaller} from '../../source/engine/principal.js';

const request = (
	action: string,
	resource: string,
	context: Readonly<Record<string, ContextValue>> = {},
	principal = 'arn:aws:sts::111122223333:assumed-role/App/s1',
): PreparedRequest => ({caller: parseCaller(principal), action, resource, lookup: createContextLookup(context, 'unknown')});

/** `version: null` leaves Version out. */
const policyOf = (statements: readonly Record<string, unknown>[], version: string | null = '2012-10-17', name = 'test policy'): Policy => {
	const result = parsePolicy(version ? {Version: version, Statement: statements} : {Statement: statements}, name);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

/** Does an identity policy of one Allow statement apply to the request? `undefined`: the statement is not relevant at all. */
const applies = (statement: Record<string, unknown>, prepared: PreparedRequest, version: string | null = '2012-10-17') => {
	const policy = policyOf([{Effect: 'Allow', ...statement}], version);
	return evaluateStatement(policy.statements[0]!, policy.name, prepared, false, policy.version === '2012-10-17')?.applies;
};

const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('Action and NotAction', () => {
	it('matches actions case-insensitively', () => {
		expect(applies({Action: 'KMS:decrypt', Resource: '*'}, request('kms:Decrypt', key))).toBe('yes');
		expect(applies({Action: 'kms:Decrypt', Resource: '*'}, request('KMS:DECRYPT', key))).toBe('yes');
	});

	it('matches * and ? within the action', () => {
		expect(applies({Action: '*', Resource: '*'}, request('kms:Decrypt', key))).toBe('yes');
		expect(applies({Action: 'kms:*', Resource: '*'}, request('kms:Decrypt', key))).toBe('yes');
		expect(applies({Action: 'kms:GenerateDataKey*', Resource: '*'}, request('kms:GenerateDataKeyWithoutPlaintext', key))).toBe('yes');
		expect(applies({Action: 'kms:?ecrypt', Resource: '*'}, request('kms:Decrypt', key))).toBe('yes');
		expect(applies({Action: 'kms:?ecrypt', Resource: '*'}, request('kms:ReEncrypt', key))).toBeUndefined();
		expect(applies({Action: 's3:*', Resource: '*'}, request('kms:Decrypt', key))).toBeUndefined();
	});

	it('does not let a service prefix match another service that starts the same way', () => {
		expect(applies({Action: 's3:*', Resource: '*'}, request('s3express:CreateSession', '*'))).toBeUndefined();
	});

	it('covers every action except the listed ones with NotAction', () => {
		expect(applies({NotAction: 's3:*', Resource: '*'}, request('kms:Decrypt', key))).toBe('yes');
		expect(applies({NotAction: 's3:*', Resource: '*'}, request('s3:GetObject', 'arn:aws:s3:::b/k'))).toBeUndefined();
		expect(applies({NotAction: ['kms:Encrypt', 'kms:Re*'], Resource: '*'}, request('kms:ReEncryptFrom', key))).toBeUndefined();
		expect(applies({NotAction: ['kms:Encrypt', 'kms:Re*'], Resource: '*'}, request('KMS:decrypt', key))).toBe('yes');
	});
});

describe('Resource and NotResource', () => {
	it('matches the resource segment by segment', () => {
		expect(applies({Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:111122223333:key/*'}, request('kms:Decrypt', key))).toBe('yes');
		expect(applies({Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:444455556666:key/*'}, request('kms:Decrypt', key))).toBeUndefined();
		expect(applies({Action: 'kms:Decrypt', Resource: ['arn:aws:kms:*:444455556666:key/*', key]}, request('kms:Decrypt', key))).toBe('yes');
	});

	it('covers everything except the listed resources with NotResource', () => {
		const statement = {Action: 's3:GetObject', NotResource: ['arn:aws:s3:::private/*', 'arn:aws:s3:::secret*']};
		expect(applies(statement, request('s3:GetObject', 'arn:aws:s3:::public/a.txt'))).toBe('yes');
		expect(applies(statement, request('s3:GetObject', 'arn:aws:s3:::private/a.txt'))).toBeUndefined();
		expect(applies(statement, request('s3:GetObject', 'arn:aws:s3:::secrets/a.txt'))).toBeUndefined();
	});

	it('replaces ${aws:username} in the resource part', () => {
		const statement = {Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/home/${aws:username}/*'};
		expect(applies(statement, request('s3:GetObject', 'arn:aws:s3:::bkt/home/alice/x', {'aws:username': 'alice'}))).toBe('yes');
		expect(applies(statement, request('s3:GetObject', 'arn:aws:s3:::bkt/home/bob/x', {'aws:username': 'alice'}))).toBeUndefined();
	});

	it('answers unknown when a variable\'s key is not known, and names the key', () => {
		const policy = policyOf([{Sid: 'Team', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/${aws:PrincipalTag/team}/*'}]);
		const trace = evaluateStatement(policy.statements[0]!, policy.name, request('s3:GetObject', 'arn:aws:s3:::bkt/blue/x'), false);
		expect(trace?.applies).toBe('unknown');
		expect(trace?.resourceMatched).toBe('unknown');
		expect(trace?.unknownKeys).toEqual(['aws:PrincipalTag/team']);
		expect(trace?.reason).toBe(
			'whether its Resource covers arn:aws:s3:::bkt/blue/x depends on a policy variable whose value is not known (aws:PrincipalTag/team)',
		);
	});

	it('matches nothing when a variable\'s key is absent and has no default, and uses the default when there is one', () => {
		expect(applies({Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/${aws:username}/*'}, request('s3:GetObject', 'arn:aws:s3:::bkt/x/y', {'aws:username': null}))).toBeUndefined();
		expect(applies({Action: 's3:GetObject', Resource: "arn:aws:s3:::bkt/${aws:username, 'shared'}/*"}, request('s3:GetObject', 'arn:aws:s3:::bkt/shared/y', {'aws:username': null}))).toBe('yes');
	});

	it('keeps a * from a variable or from ${*} literal', () => {
		const statement = {Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/${aws:username}/${*}'};
		expect(applies(statement, request('s3:GetObject', 'arn:aws:s3:::bkt/b*/*', {'aws:username': 'b*'}))).toBe('yes');
		expect(applies(statement, request('s3:GetObject', 'arn:aws:s3:::bkt/bob/*', {'aws:username': 'b*'}))).toBeUndefined();
		expect(applies(statement, request('s3:GetObject', 'arn:aws:s3:::bkt/b*/x', {'aws:username': 'b*'}))).toBeUndefined();
	});

	it('reads a backslash in Resource as itself', () => {
		const statement = {Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/C:\\data\\*'};
		expect(applies(statement, request('s3:GetObject', 'arn:aws:s3:::bkt/C:\\data\\file'))).toBe('yes');
		expect(applies(statement, request('s3:GetObject', 'arn:aws:s3:::bkt/C:\\data*'))).toBeUndefined();
		const withVariable = {Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/${aws:username}\\*'};
		expect(applies(withVariable, request('s3:GetObject', 'arn:aws:s3:::bkt/alice\\notes', {'aws:username': 'alice'}))).toBe('yes');
		expect(applies(withVariable, request('s3:GetObject', 'arn:aws:s3:::bkt/alice*', {'aws:username': 'alice'}))).toBeUndefined();
	});

	it('replaces variables only after the fifth colon', () => {
		const statement = {Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:${aws:RequestedRegion}:111122223333:${aws:username}-queue'};
		const context = {'aws:RequestedRegion': 'us-east-2', 'aws:username': 'alice'};
		expect(applies(statement, request('sqs:SendMessage', 'arn:aws:sqs:us-east-2:111122223333:alice-queue', context))).toBeUndefined();
		expect(applies(statement, request('sqs:SendMessage', 'arn:aws:sqs:${aws:RequestedRegion}:111122223333:alice-queue', context))).toBe('yes');
		expect(applies({Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-2:*:${aws:username}-queue'}, request('sqs:SendMessage', 'arn:aws:sqs:us-east-2:111122223333:alice-queue', context))).toBe('yes');
	});

	it('reads ${…} as plain text in a policy older than Version 2012-10-17, in Resource and conditions alike', () => {
		const context = {'aws:username': 'alice', 's3:prefix': 'alice/'};
		const statement = {Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bkt/${aws:username}', Condition: {StringLike: {'s3:prefix': '${aws:username}/*'}}};
		expect(applies(statement, request('s3:ListBucket', 'arn:aws:s3:::bkt/alice', context), '2012-10-17')).toBe('yes');
		expect(applies(statement, request('s3:ListBucket', 'arn:aws:s3:::bkt/alice', context), '2008-10-17')).toBeUndefined();
		expect(applies(statement, request('s3:ListBucket', 'arn:aws:s3:::bkt/${aws:username}', context), null)).toBe('no');
		expect(applies(statement, request('s3:ListBucket', 'arn:aws:s3:::bkt/${aws:username}', {'s3:prefix': '${aws:username}/x'}), null)).toBe('yes');
	});
});

describe('conditions in a statement', () => {
	it('needs every condition to hold (AND across keys) and one value per key (OR across values)', () => {
		const statement = {
			Action: 'kms:Decrypt',
			Resource: '*',
			Condition: {
				StringEquals: {'kms:ViaService': ['s3.us-east-1.amazonaws.com', 's3.eu-west-1.amazonaws.com']},
				StringLike: {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bkt/*'},
			},
		};
		const context = {'kms:ViaService': 's3.eu-west-1.amazonaws.com', 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bkt/a'};
		expect(applies(statement, request('kms:Decrypt', key, context))).toBe('yes');
		expect(applies(statement, request('kms:Decrypt', key, {...context, 'kms:ViaService': 'ec2.us-east-1.amazonaws.com'}))).toBe('no');
		expect(applies(statement, request('kms:Decrypt', key, {...context, 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::other/a'}))).toBe('no');
		expect(applies(statement, request('kms:Decrypt', key, {'kms:ViaService': 's3.eu-west-1.amazonaws.com'}))).toBe('unknown');
	});

	it('names the failing condition: operator, key, expected and actual values', () => {
		const policy = policyOf([
			{Sid: 'ViaS3', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: {StringEquals: {'kms:ViaService': 's3.eu-west-1.amazonaws.com'}}},
		]);
		const trace = evaluateStatement(policy.statements[0]!, policy.name, request('kms:Decrypt', key, {'kms:ViaService': 's3.us-east-1.amazonaws.com'}), false)!;
		expect(trace.applies).toBe('no');
		expect(trace.label).toBe('Sid "ViaS3"');
		expect(trace.conditions).toHaveLength(1);
		expect(trace.conditions[0]!.clause).toMatchObject({operator: 'StringEquals', key: 'kms:ViaService', values: ['s3.eu-west-1.amazonaws.com']});
		expect(trace.conditions[0]!.actual).toEqual({state: 'present', values: ['s3.us-east-1.amazonaws.com'], multiValued: false});
		expect(trace.reason).toBe(
			'its condition does not hold: kms:ViaService is "s3.us-east-1.amazonaws.com", which is not one of "s3.eu-west-1.amazonaws.com"',
		);
		expect(trace.unknownKeys).toBeUndefined();
	});

	it('lists the keys that leave a statement undecided, condition keys and policy variables alike', () => {
		const policy = policyOf([
			{
				Effect: 'Deny',
				Action: 's3:*',
				Resource: '*',
				Condition: {StringNotEquals: {'aws:ResourceTag/team': '${aws:PrincipalTag/team}'}, Bool: {'aws:SecureTransport': 'true'}},
			},
		]);
		const trace = evaluateStatement(policy.statements[0]!, policy.name, request('s3:GetObject', 'arn:aws:s3:::b/k', {'aws:ResourceTag/team': 'red'}), false)!;
		expect(trace.applies).toBe('unknown');
		expect([...trace.unknownKeys!].sort()).toEqual(['aws:PrincipalTag/team', 'aws:SecureTransport']);
	});

	it('says "it matches" when a statement applies', () => {
		const policy = policyOf([{Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: {Bool: {'aws:SecureTransport': 'true'}}}]);
		const trace = evaluateStatement(policy.statements[0]!, policy.name, request('kms:Decrypt', key, {'aws:SecureTransport': true}), false)!;
		expect(trace.reason).toBe('it matches, and every condition holds');
		expect(trace.label).toBe('statement #1');
	});
});

describe('evaluatePolicy', () => {
	it('reports deny and allow separately and keeps only the relevant statements', () => {
		const policy = policyOf([
			{Sid: 'Use', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*'},
			{Sid: 'Admin', Effect: 'Allow', Action: 'kms:PutKeyPolicy', Resource: '*'},
			{Sid: 'NoPlaintext', Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}},
		]);
		const verdict = evaluatePolicy(policy, request('kms:Decrypt', key, {'aws:SecureTransport': true}), false);
		expect(verdict.allow).toBe('yes');
		expect(verdict.deny).toBe('no');
		expect(verdict.relevant.map(trace => trace.label)).toEqual(['Sid "Use"', 'Sid "NoPlaintext"']);
		expect(verdict.nearMisses).toEqual([]);
		expect(verdict.allowByPrincipal).toBeUndefined();
	});

	it('lists near misses: Allow statements that cover the resource but not the action', () => {
		const policy = policyOf([{Sid: 'Only', Effect: 'Allow', Action: 'kms:GenerateDataKey', Resource: key}, {Sid: 'Other', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*'}], '2012-10-17', 'role policy');
		const verdict = evaluatePolicy(policy, request('kms:Decrypt', key), false);
		expect(verdict.allow).toBe('no');
		expect(verdict.nearMisses).toEqual(['role policy, Sid "Only" allows kms:GenerateDataKey but not kms:Decrypt']);
	});

	it('in resource policies, sorts the allows by how the Principal names the caller and skips statements for others', () => {
		const policy = policyOf([
			{Sid: 'Account', Effect: 'Allow', Principal: {AWS: '111122223333'}, Action: 'kms:*', Resource: '*'},
			{Sid: 'Role', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:role/App'}, Action: 'kms:Decrypt', Resource: '*', Condition: {StringEquals: {'kms:ViaService': 's3.us-east-1.amazonaws.com'}}},
			{Sid: 'Someone', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:role/Other'}, Action: 'kms:Decrypt', Resource: '*'},
			{Sid: 'Admins', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:role/App'}, Action: 'kms:PutKeyPolicy', Resource: '*'},
		], '2012-10-17', 'key policy');
		const verdict = evaluatePolicy(policy, request('kms:Decrypt', key, {'kms:ViaService': 'ec2.us-east-1.amazonaws.com'}), true);
		expect(verdict.allowByPrincipal).toEqual({account: 'yes', role: 'no'});
		expect(verdict.relevant.map(trace => [trace.label, trace.principalMatch])).toEqual([
			['Sid "Account"', 'account'],
			['Sid "Role"', 'role'],
		]);
		expect(verdict.nearMisses).toEqual([]);
	});

	it('in resource policies, treats a NotPrincipal that does not spare the caller as naming anyone', () => {
		const policy = policyOf([
			{Sid: 'OnlyAdmins', Effect: 'Deny', NotPrincipal: {AWS: ['arn:aws:iam::111122223333:role/Admin', '111122223333']}, Action: 'kms:*', Resource: '*'},
		]);
		const verdict = evaluatePolicy(policy, request('kms:Decrypt', key), true);
		expect(verdict.deny).toBe('yes');
		expect(verdict.relevant[0]!.principalMatch).toBe('anyone');
	});

	it('in resource policies, ignores a statement without Principal or NotPrincipal', () => {
		const policy = policyOf([{Effect: 'Allow', Action: 'kms:*', Resource: '*'}]);
		expect(evaluatePolicy(policy, request('kms:Decrypt', key), true).allow).toBe('no');
	});
});
