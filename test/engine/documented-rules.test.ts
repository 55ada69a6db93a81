import {describe, expect, it} from 'vitest';
import {evaluate, parsePolicy} from '../../source/index.js';
import type {EvaluationInput, GrantInput, Layer, Policy, PolicySet} from '../../source/index.js';

/** Edge rules AWS documents, each quoted where it is tested. */

const policy = (name: string, ...statements: Record<string, unknown>[]): Policy => {
	const result = parsePolicy({Version: '2012-10-17', Statement: statements}, name);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

const account = '111122223333';
const session = `arn:aws:sts::${account}:assumed-role/App/s1`;
const roleArn = `arn:aws:iam::${account}:role/App`;
const user = `arn:aws:iam::${account}:user/alice`;
const object = 'arn:aws:s3:::bkt/a.txt';
const keyArn = `arn:aws:kms:eu-west-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const allowAll = (name: string) => policy(name, {Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*'});
const statusOf = (input: EvaluationInput, layer: Layer) => evaluate(input).layers.find(verdict => verdict.layer === layer)?.status;

describe('NotPrincipal in a Deny does not spare a principal with a permissions boundary', () => {
	// IAM User Guide, "Permissions boundaries for IAM entities" and "AWS JSON policy elements: NotPrincipal".
	const quote =
		'The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions boundary policy attached, regardless of the values specified in the NotPrincipal element.';

	const bucketPolicy = (...listed: string[]) =>
		policy(
			'bucket policy',
			{Sid: 'AppReads', Effect: 'Allow', Principal: {AWS: roleArn}, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*'},
			{Sid: 'OnlyApp', Effect: 'Deny', NotPrincipal: {AWS: listed}, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*'},
		);
	const sessionListed = bucketPolicy(`arn:aws:iam::${account}:root`, roleArn, session);
	const get = (principal: string) => ({principal, action: 's3:GetObject', resource: object, resourceAccount: account});

	it(`denies a session listed in full once its role has a boundary: "${quote}"`, () => {
		const withoutBoundary = evaluate({request: get(session), policies: {identity: [], resource: sessionListed}});
		expect(withoutBoundary.decision).toBe('allowed');

		const withBoundary = evaluate({request: get(session), policies: {identity: [], resource: sessionListed, boundary: allowAll('boundary')}});
		expect(withBoundary.decision).toBe('denied');
		const resource = withBoundary.layers.find(layer => layer.layer === 'resource')!;
		expect(resource.status).toBe('denied');
		expect(resource.decidedBy.map(trace => trace.label)).toEqual(['Sid "OnlyApp"']);
		expect(resource.decidedBy[0]!.reason).toContain('has a permissions boundary');
	});

	it('denies an IAM user listed in full that has a boundary, and a key policy Deny works the same', () => {
		const listedUser = bucketPolicy(`arn:aws:iam::${account}:root`, user);
		expect(evaluate({request: get(user), policies: {identity: [allowAll('user policy')], resource: listedUser}}).decision).toBe('allowed');
		expect(evaluate({request: get(user), policies: {identity: [allowAll('user policy')], resource: listedUser, boundary: allowAll('boundary')}}).decision).toBe('denied');

		const keyPolicy = policy(
			'key policy',
			{Sid: 'EnableIAM', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${account}:root`}, Action: 'kms:*', Resource: '*'},
			{Sid: 'OnlyApp', Effect: 'Deny', NotPrincipal: {AWS: [`arn:aws:iam::${account}:root`, roleArn, session]}, Action: 'kms:Decrypt', Resource: '*'},
		);
		const decrypt = {principal: session, action: 'kms:Decrypt', resource: keyArn};
		const policies: PolicySet = {identity: [allowAll('role policy')], resource: keyPolicy};
		expect(evaluate({request: decrypt, policies}).decision).toBe('allowed');
		expect(statusOf({request: decrypt, policies: {...policies, boundary: allowAll('boundary')}}, 'resource')).toBe('denied');
	});

	it('is unknown, never allowed, when whether the caller has a boundary is not known', () => {
		const unread = {unread: true, reason: 'iam:GetRole was denied'} as const;
		const evaluation = evaluate({request: get(session), policies: {identity: [], resource: sessionListed, boundary: unread}});
		expect(evaluation.decision).toBe('unknown');
		const resource = evaluation.layers.find(layer => layer.layer === 'resource')!;
		expect(resource.status).toBe('unknown');
		expect(resource.why).toContain('whether the caller has one is not known');
	});

	it('leaves a Deny with Principal, and a caller NotPrincipal does not list, as they were', () => {
		const plainDeny = policy('bucket policy', {Sid: 'AppReads', Effect: 'Allow', Principal: {AWS: session}, Action: 's3:GetObject', Resource: '*'});
		expect(evaluate({request: get(session), policies: {identity: [], resource: plainDeny, boundary: allowAll('boundary')}}).decision).toBe('allowed');
		const other = `arn:aws:sts::${account}:assumed-role/Other/s2`;
		expect(evaluate({request: get(other), policies: {identity: [allowAll('other policy')], resource: sessionListed}}).decision).toBe('denied');
	});
});

describe('grant constraints match encryption context keys in any case, values exactly', () => {
	// AWS KMS API Reference, "GrantConstraints".
	const quote = 'In a grant constraint, the key in each key-value pair is not case sensitive, but the value is case sensitive.';
	const decrypt = (context: Record<string, string | string[]>) => ({principal: session, action: 'kms:Decrypt', resource: keyArn, context});
	const keyPolicy = policy('key policy', {Sid: 'EnableIAM', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${account}:root`}, Action: 'kms:*', Resource: '*'});
	const grant = (constraints: Partial<GrantInput>): GrantInput => ({name: 'reader', granteePrincipal: roleArn, operations: ['Decrypt'], ...constraints});
	const context = {'kms:EncryptionContext:aws:s3:arn': object, 'kms:EncryptionContextKeys': ['aws:s3:arn']};

	it(`a key written "AWS:S3:ARN" matches the request's aws:s3:arn: "${quote}"`, () => {
		for (const constraint of [{encryptionContextEquals: {'AWS:S3:ARN': object}}, {encryptionContextSubset: {'AWS:S3:ARN': object}}]) {
			const evaluation = evaluate({request: decrypt(context), policies: {identity: [], resource: keyPolicy, grants: [grant(constraint)]}});
			expect(evaluation.decision, JSON.stringify(constraint)).toBe('allowed');
			expect(evaluation.layers.find(layer => layer.layer === 'grant')?.status).toBe('ok');
		}
	});

	it('a value that differs only in case does not match', () => {
		const upper = object.toUpperCase();
		for (const constraint of [{encryptionContextEquals: {'aws:s3:arn': upper}}, {encryptionContextSubset: {'aws:s3:arn': upper}}]) {
			expect(evaluate({request: decrypt(context), policies: {identity: [], resource: keyPolicy, grants: [grant(constraint)]}}).decision).toBe('denied');
		}
	});

	it('EncryptionContextEquals still refuses a request with a pair beyond the constraint', () => {
		const extra = {...context, 'kms:EncryptionContext:project': 'x', 'kms:EncryptionContextKeys': ['aws:s3:arn', 'project']};
		const evaluation = evaluate({request: decrypt(extra), policies: {identity: [], resource: keyPolicy, grants: [grant({encryptionContextEquals: {'AWS:S3:ARN': object}})]}});
		expect(evaluation.decision).toBe('denied');
	});
});

describe('"Principal": "*" in the same account when a permissions boundary does not allow', () => {
	// IAM User Guide, "Policy evaluation logic": a grant to the role ARN is limited by the boundary, one to the
	// session ARN or the IAM user ARN is not. Nothing says which applies to "*"; the IAM API Reference only says
	// that boundaries "do not define the maximum permissions that a resource-based policy can grant to an entity".
	const quotes = [
		'Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary or session policy.',
		'Permissions granted directly to a session are not limited by an implicit deny in an identity-based policy, a permissions boundary, or session policy.',
	];
	const publicRead = policy('bucket policy', {Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*'});
	const listOnly = policy('boundary', {Sid: 'ListOnly', Effect: 'Allow', Action: 's3:ListBucket', Resource: '*'});
	const get = (principal: string) => ({principal, action: 's3:GetObject', resource: object, resourceAccount: account});

	it(`is unknown, with the reason, for a session and for a user (documented: "${quotes[0]}" and "${quotes[1]}")`, () => {
		for (const principal of [session, user]) {
			const evaluation = evaluate({request: get(principal), policies: {identity: [], resource: publicRead, boundary: listOnly}});
			expect(evaluation.decision, principal).toBe('unknown');
			const boundary = evaluation.layers.find(layer => layer.layer === 'boundary')!;
			expect(boundary.status).toBe('unknown');
			expect(boundary.why).toContain('but not which applies to "Principal": "*"');
			expect(evaluation.layers.find(layer => layer.layer === 'resource')?.status).toBe('ok');
		}
	});

	it('is the same for {"AWS": "*"} and for a session policy that does not allow', () => {
		const awsStar = policy('bucket policy', {Sid: 'PublicRead', Effect: 'Allow', Principal: {AWS: '*'}, Action: 's3:GetObject', Resource: '*'});
		expect(evaluate({request: get(session), policies: {identity: [], resource: awsStar, boundary: listOnly}}).decision).toBe('unknown');
		expect(evaluate({request: get(session), policies: {identity: [], resource: publicRead, session: listOnly}}).decision).toBe('unknown');
	});

	it('stays allowed when the boundary allows, and denied when it explicitly denies or the role is named', () => {
		expect(evaluate({request: get(session), policies: {identity: [], resource: publicRead, boundary: allowAll('boundary')}}).decision).toBe('allowed');
		const denying = policy('boundary', {Sid: 'S3', Effect: 'Allow', Action: 's3:*', Resource: '*'}, {Sid: 'NoReads', Effect: 'Deny', Action: 's3:GetObject', Resource: '*'});
		expect(evaluate({request: get(session), policies: {identity: [], resource: publicRead, boundary: denying}}).decision).toBe('denied');
		const namesRole = policy('bucket policy', {Sid: 'RoleRead', Effect: 'Allow', Principal: {AWS: roleArn}, Action: 's3:GetObject', Resource: '*'});
		expect(evaluate({request: get(session), policies: {identity: [], resource: namesRole, boundary: listOnly}}).decision).toBe('denied');
	});
});
