import {describe, expect, it} from 'vitest';
import {evaluate, parsePolicy} from '../../source/index.js';
import type {EvaluationInput, Layer, Policy, PolicySet} from '../../source/index.js';

const policy = (name: string, ...statements: Record<string, unknown>[]): Policy => {
	const result = parsePolicy({Version: '2012-10-17', Statement: statements}, name);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

const session = 'arn:aws:sts::111122223333:assumed-role/App/s1';
const object = 'arn:aws:s3:::bkt/a.txt';
const get = {principal: session, action: 's3:GetObject', resource: object, resourceAccount: '111122223333'} as const;

const allowAll = (name: string) => policy(name, {Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*'});
const allowAllTo = (name: string) => policy(name, {Sid: 'All', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*'});
const denyGet = (name: string, principal = false) =>
	policy(name, {Sid: 'NoGet', Effect: 'Deny', ...(principal ? {Principal: '*'} : {}), Action: 's3:GetObject', Resource: '*'});

const layerOf = (input: EvaluationInput, layer: Layer) => evaluate(input).layers.find(verdict => verdict.layer === layer);

describe('explicit deny wins in every kind of policy', () => {
	const everythingAllows: PolicySet = {
		identity: [allowAll('identity')],
		resource: policy('bucket policy', {Sid: 'Session', Effect: 'Allow', Principal: {AWS: session}, Action: '*', Resource: '*'}),
		boundary: allowAll('boundary'),
		session: allowAll('session policy'),
		scp: [[allowAll('FullAWSAccess')]],
		rcp: [[allowAllTo('RCPFullAWSAccess')]],
	};

	it('allows when nothing denies', () => {
		expect(evaluate({request: get, policies: everythingAllows}).decision).toBe('allowed');
	});

	const denials: readonly [Layer, PolicySet][] = [
		['identity', {identity: [allowAll('identity'), denyGet('identity deny')]}],
		[
			'resource',
			{
				resource: policy(
					'bucket policy',
					{Sid: 'Session', Effect: 'Allow', Principal: {AWS: session}, Action: '*', Resource: '*'},
					{Sid: 'NoGet', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*'},
				),
			},
		],
		['boundary', {boundary: policy('boundary', {Effect: 'Allow', Action: '*', Resource: '*'}, {Sid: 'NoGet', Effect: 'Deny', Action: 's3:GetObject', Resource: '*'})}],
		['session', {session: policy('session policy', {Effect: 'Allow', Action: '*', Resource: '*'}, {Sid: 'NoGet', Effect: 'Deny', Action: 's3:GetObject', Resource: '*'})}],
		['scp', {scp: [[allowAll('FullAWSAccess')], [allowAll('FullAWSAccess'), denyGet('OU deny')]]}],
		['rcp', {rcp: [[allowAllTo('RCPFullAWSAccess'), denyGet('RCP deny', true)]]}],
	];

	it.each(denials)('denies when the %s layer denies, and names the statement', (layer, override) => {
		const evaluation = evaluate({request: get, policies: {...everythingAllows, ...override}});
		expect(evaluation.decision).toBe('denied');
		const verdict = evaluation.layers.find(candidate => candidate.layer === layer)!;
		expect(verdict.status).toBe('denied');
		expect(verdict.deny).toBe('yes');
		expect(verdict.decidedBy.map(trace => trace.label)).toContain('Sid "NoGet"');
		expect(verdict.why).toContain('denies s3:GetObject explicitly');
		expect(evaluation.summary).toContain('is denied:');
	});
});

describe('the evaluation output', () => {
	it('shows only the layers that exist or that a path needs', () => {
		const evaluation = evaluate({request: get, policies: {identity: [allowAll('identity')]}});
		expect(evaluation.layers.map(layer => layer.layer)).toEqual(['identity', 'resource']);
	});

	it('does not show KMS grants for an S3 request, even when some are given', () => {
		const evaluation = evaluate({
			request: get,
			policies: {identity: [allowAll('identity')], grants: [{name: 'g', granteePrincipal: 'arn:aws:iam::111122223333:role/App', operations: ['Decrypt']}]},
		});
		expect(evaluation.layers.map(layer => layer.layer)).not.toContain('grant');
	});

	it('keeps each policy\'s verdict and relevant statements under its layer', () => {
		const verdict = layerOf({request: get, policies: {identity: [allowAll('first'), denyGet('second')]}}, 'identity')!;
		expect(verdict.policies.map(entry => [entry.policy, entry.allow, entry.deny])).toEqual([
			['first', 'yes', 'no'],
			['second', 'no', 'yes'],
		]);
		expect(verdict.policies[1]!.relevant[0]!.source).toEqual({Sid: 'NoGet', Effect: 'Deny', Action: 's3:GetObject', Resource: '*'});
	});

	it('says what would read a policy that could not be read', () => {
		const verdict = layerOf(
			{request: get, policies: {identity: [allowAll('identity')], resource: {unread: true, reason: 's3:GetBucketPolicy was denied', resolveWith: 's3:GetBucketPolicy on bkt'}}},
			'resource',
		)!;
		expect(verdict.status).toBe('unknown');
		expect(verdict.resolveWith).toBe('s3:GetBucketPolicy on bkt');
		expect(verdict.policies[0]!.unread?.reason).toBe('s3:GetBucketPolicy was denied');
	});

	it('chooses the service model from the action, unless told', () => {
		expect(evaluate({request: get, policies: {}}).service).toBe('s3');
		expect(evaluate({request: {...get, action: 'kms:Decrypt'}, policies: {}}).service).toBe('kms');
		expect(evaluate({request: {...get, action: 'sqs:SendMessage'}, policies: {}}).service).toBe('default');
		expect(evaluate({request: get, policies: {}, service: 'default'}).service).toBe('default');
	});

	it('words the summary for each decision', () => {
		expect(evaluate({request: get, policies: {identity: [allowAll('identity')]}}).summary).toBe('s3:GetObject on arn:aws:s3:::bkt/a.txt is allowed.');
		expect(evaluate({request: get, policies: {identity: []}}).summary).toBe(
			's3:GetObject on arn:aws:s3:::bkt/a.txt is denied: No identity-based policy of role App (session s1) allows s3:GetObject on arn:aws:s3:::bkt/a.txt.',
		);
		expect(evaluate({request: get, policies: {identity: {unread: true, reason: 'iam:ListRolePolicies was denied'}}}).summary).toBe(
			's3:GetObject on arn:aws:s3:::bkt/a.txt cannot be decided: The identity-based policies could not be read (iam:ListRolePolicies was denied), so it may allow or deny s3:GetObject.',
		);
	});

	it('reports whether the request crosses accounts', () => {
		expect(evaluate({request: get, policies: {}}).crossAccount).toBe(false);
		expect(evaluate({request: {...get, resourceAccount: '444455556666'}, policies: {}}).crossAccount).toBe(true);
	});
});

describe('the request context', () => {
	const conditional = (operator: string, key: string, value: string) =>
		policy('conditional', {Sid: 'If', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: {[operator]: {[key]: value}}});

	it('knows aws:PrincipalAccount and aws:PrincipalType from the caller, and aws:PrincipalArn from an IAM user\'s or role\'s own ARN', () => {
		const user = {...get, principal: 'arn:aws:iam::111122223333:user/alice'};
		expect(evaluate({request: user, policies: {identity: [conditional('ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:user/alice')]}}).decision).toBe('allowed');
		const role = {...get, principal: 'arn:aws:iam::111122223333:role/team/App'};
		expect(evaluate({request: role, policies: {identity: [conditional('ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:role/team/App')]}}).decision).toBe('allowed');
		expect(evaluate({request: get, policies: {identity: [conditional('StringEquals', 'aws:PrincipalAccount', '111122223333')]}}).decision).toBe('allowed');
		expect(evaluate({request: get, policies: {identity: [conditional('StringEquals', 'aws:PrincipalType', 'AssumedRole')]}}).decision).toBe('allowed');
		expect(evaluate({request: user, policies: {identity: [conditional('StringEquals', 'aws:username', 'alice')]}}).decision).toBe('allowed');
		expect(evaluate({request: user, policies: {identity: [conditional('StringEquals', 'aws:PrincipalType', 'User')]}}).decision).toBe('allowed');
	});

	// IAM User Guide, "AWS global condition context keys", aws:PrincipalArn: "For IAM roles, the request context returns the
	// ARN of the role, not the ARN of the user that assumed the role." and "Do not specify the assumed role session ARN as
	// a value for this condition key." IAM identifiers: a role's ARN is "arn:aws:iam::account:role/role-name-with-path"
	// (e.g. "arn:aws:iam::123456789012:role/application_abc/component_xyz/RDSAccess"), a session's
	// "arn:aws:sts::account:assumed-role/role-name/role-session-name": the path is not in the session's ARN.
	describe("a session's aws:PrincipalArn is its role's ARN, whose path the session ARN does not carry", () => {
		const onlyRole = (arn: string) => policy('bucket policy', {Sid: 'OnlyApp', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: {ArnNotLike: {'aws:PrincipalArn': arn}}});
		const policies = (arn: string): PolicySet => ({identity: [allowAll('identity')], resource: onlyRole(arn)});

		it('is not known from the session ARN: a condition on it is undecided, never matched against role/NAME', () => {
			// The role may be arn:aws:iam::111122223333:role/team/App: then this Deny applies, so "allowed" would be a guess.
			const answer = evaluate({request: get, policies: policies('arn:aws:iam::111122223333:role/App')});
			expect(answer.decision).toBe('unknown');
			expect(answer.unknownContextKeys).toEqual(['aws:PrincipalArn']);
			expect(evaluate({request: get, policies: {identity: [conditional('ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:role/App')]}}).decision).toBe('unknown');
		});

		it('is in every signed request: unknown even when missing keys are read as absent', () => {
			const answer = evaluate({request: {...get, missingContextKeys: 'absent'}, policies: policies('arn:aws:iam::111122223333:role/App')});
			expect(answer.decision).toBe('unknown');
			expect(answer.unknownContextKeys).toEqual(['aws:PrincipalArn']);
		});

		it('is the role ARN given in the context, path included', () => {
			const given = {...get, context: {'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/team/App'}};
			expect(evaluate({request: given, policies: policies('arn:aws:iam::111122223333:role/App')}).decision).toBe('denied');
			expect(evaluate({request: given, policies: policies('arn:aws:iam::111122223333:role/team/App')}).decision).toBe('allowed');
		});

		it('leaves a Principal naming the role by its ARN matching every session of it, path or not (IAM saves it as the role\'s unique ID)', () => {
			// IAM: a role ARN in a Principal "transforms to the role's unique principal ID when you save the policy", and
			// "a friendly name for a user, user group, role, or policy must be unique" in an account.
			const grant = (arn: string) => policy('bucket policy', {Sid: 'App', Effect: 'Allow', Principal: {AWS: arn}, Action: 's3:GetObject', Resource: '*'});
			const crossAccount = {...get, resourceAccount: '444455556666'};
			for (const arn of ['arn:aws:iam::111122223333:role/App', 'arn:aws:iam::111122223333:role/team/App']) {
				expect(layerOf({request: crossAccount, policies: {identity: [allowAll('identity')], resource: grant(arn)}}, 'resource')?.status, arn).toBe('ok');
			}
		});
	});

	// IAM User Guide, "AWS global condition context keys", aws:PrincipalIsAWSService: "The request context key is set to
	// true when a service uses a service principal to perform a direct action on your resources. The context key is set
	// to false if the service uses the credentials of an IAM principal to make a request on the principal's behalf. It
	// is also set to false if the service uses a service role or service-linked role to make a call on the principal's
	// behalf." Availability: "This key is present in the request context for all signed API requests that use AWS credentials."
	it('knows aws:PrincipalIsAWSService: false for IAM principals and the root user, true for a service principal, unknown for a caller not named', () => {
		const perimeter = policy(
			'perimeter',
			{Sid: 'Read', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*'},
			{Sid: 'OnlyServices', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*', Condition: {BoolIfExists: {'aws:PrincipalIsAWSService': 'false'}}},
		);
		const ask = (principal: string) => evaluate({request: {...get, principal, resourceAccount: '111122223333'}, policies: {resource: perimeter}});
		for (const principal of ['arn:aws:sts::111122223333:assumed-role/App/s1', 'arn:aws:iam::111122223333:role/App', 'arn:aws:iam::111122223333:user/alice', 'arn:aws:iam::111122223333:root']) {
			const answer = ask(principal);
			expect(answer.decision, principal).toBe('denied');
			expect(answer.unknownContextKeys, principal).toEqual([]);
		}
		expect(ask('cloudtrail.amazonaws.com').decision).toBe('allowed');
		// A caller nobody named: whether it is a service is not known, and the Deny may apply.
		const unnamed = ask('');
		expect(unnamed.decision).toBe('unknown');
		expect(unnamed.unknownContextKeys).toContain('aws:PrincipalIsAWSService');
		// The given context still wins.
		expect(evaluate({request: {...get, resourceAccount: '111122223333', context: {'aws:PrincipalIsAWSService': true}}, policies: {resource: perimeter}}).decision).toBe('allowed');
	});

	it('lets the given context override what is derived', () => {
		const request = {...get, context: {'aws:PrincipalAccount': '999999999999'}};
		expect(evaluate({request, policies: {identity: [conditional('StringEquals', 'aws:PrincipalAccount', '111122223333')]}}).decision).toBe('denied');
	});

	it('treats a key that is not given as unknown by default, and as absent when asked', () => {
		const identity = [conditional('StringEquals', 'aws:SourceVpce', 'vpce-1a2b3c4d')];
		const unknown = evaluate({request: get, policies: {identity}});
		expect(unknown.decision).toBe('unknown');
		expect(unknown.unknownContextKeys).toEqual(['aws:SourceVpce']);
		const absent = evaluate({request: {...get, missingContextKeys: 'absent'}, policies: {identity}});
		expect(absent.decision).toBe('denied');
		expect(absent.unknownContextKeys).toEqual([]);
	});

	it('accepts numbers, booleans, lists and null as context values', () => {
		const identity = [
			policy('typed', {
				Effect: 'Allow',
				Action: 's3:GetObject',
				Resource: '*',
				Condition: {
					NumericLessThanEquals: {'s3:max-keys': '10'},
					Bool: {'aws:SecureTransport': 'true'},
					'ForAllValues:StringEquals': {'aws:TagKeys': ['team', 'env']},
					Null: {'aws:SourceVpce': 'true'},
				},
			}),
		];
		const context = {'s3:max-keys': 5, 'aws:SecureTransport': true, 'aws:TagKeys': ['team'], 'aws:SourceVpce': null};
		expect(evaluate({request: {...get, context}, policies: {identity}}).decision).toBe('allowed');
		expect(evaluate({request: {...get, context: {...context, 'aws:TagKeys': ['team', 'owner']}}, policies: {identity}}).decision).toBe('denied');
	});
});

describe('decisions never rest on a guess', () => {
	it('is never allowed when any layer is unknown and may deny', () => {
		const unread = {unread: true as const, reason: 'not readable'};
		for (const policies of [
			{identity: [allowAll('identity')], boundary: unread},
			{identity: [allowAll('identity')], session: unread},
			{identity: [allowAll('identity')], scp: unread},
			{identity: [allowAll('identity')], rcp: unread},
			{identity: [allowAll('identity')], scp: [[allowAll('FullAWSAccess'), unread]]},
			{identity: [allowAll('identity'), unread]},
		] satisfies PolicySet[]) {
			expect(evaluate({request: get, policies}).decision).toBe('unknown');
		}
	});

	it('is denied, not unknown, when something unread could only allow and a deny is certain', () => {
		const evaluation = evaluate({request: get, policies: {identity: [denyGet('identity')], resource: {unread: true, reason: 'x'}}});
		expect(evaluation.decision).toBe('denied');
	});
});

describe('evaluating again and again', () => {
	const identity = [policy('identity', {Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/${aws:PrincipalTag/team}/*'})];
	const resource = policy('bucket policy', {Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bkt'});
	const requests = [
		{...get, resource: 'arn:aws:s3:::bkt/blue/a.txt', context: {'aws:PrincipalTag/team': 'blue'}},
		{...get, resource: 'arn:aws:s3:::bkt/red/a.txt', context: {'aws:PrincipalTag/team': 'blue'}},
		{...get, action: 's3:ListBucket', resource: 'arn:aws:s3:::bkt'},
		{...get, principal: 'arn:aws:iam::111122223333:user/alice', resource: 'arn:aws:s3:::bkt/red/a.txt', context: {'aws:PrincipalTag/team': 'red'}},
		{...get, resource: 'arn:aws:s3:::bkt/blue/a.txt'},
	];
	const expected = ['allowed', 'denied', 'allowed', 'allowed', 'unknown'];

	it('gives each request its own answer when the same parsed policies are reused in any order', () => {
		for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [1, 1, 0, 0, 4, 2, 3]]) {
			for (const index of order) expect(evaluate({request: requests[index]!, policies: {identity, resource}}).decision, `request ${index}`).toBe(expected[index]);
		}
	});

	it('answers as a freshly parsed copy of the policies does', () => {
		const copy = {identity: [policy('identity', ...(identity[0]!.document['Statement'] as Record<string, unknown>[]))], resource: policy('bucket policy', ...(resource.document['Statement'] as Record<string, unknown>[]))};
		for (const request of requests) expect(evaluate({request, policies: {identity, resource}})).toEqual(evaluate({request, policies: copy}));
	});
});
