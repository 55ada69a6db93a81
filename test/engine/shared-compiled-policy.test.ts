import {describe, expect, it} from 'vitest';
import {evaluate, parsePolicy} from '../../source/index.js';
import type {EvaluationInput, Policy} from '../../source/index.js';

/*
 * Equal policies (same name, Version and statements) share one compiled form, as the same SCP does for every account
 * of an organization. Sharing must not leak from one to the other: each trace shows its own policy's statement (a
 * diagnosis finds a statement's place by that very object), and a policy that differs in anything is compiled apart.
 */

const scpDocument = () => ({
	Version: '2012-10-17',
	Statement: [
		{Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*'},
		{Sid: 'DenyInsecure', Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}},
	],
});

const parsed = (document: unknown, name: string): Policy => {
	const result = parsePolicy(document, name);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

const request = (account: string, secure: boolean): EvaluationInput['request'] => ({
	principal: `arn:aws:iam::${account}:role/App`,
	action: 's3:GetObject',
	resource: 'arn:aws:s3:::bucket/key',
	resourceAccount: account,
	context: {'aws:SecureTransport': secure},
});

const identity = (name: string) => parsed({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}]}, name);

/** Each set evaluated three times (a plan is made at the second), the SCP layer's deciding statements of the last. */
const scpTraces = (scp: Policy, input: EvaluationInput['request']) => {
	const set = {identity: [identity('identity policy')], scp: [[scp]]};
	for (let time = 0; time < 2; time++) evaluate({request: input, policies: set});
	const evaluation = evaluate({request: input, policies: set});
	return {evaluation, traces: evaluation.layers.find(layer => layer.layer === 'scp')!.decidedBy};
};

describe('equal policies parsed apart', () => {
	it("answer alike, and each trace's source is its own policy's statement", () => {
		const first = parsed(scpDocument(), 'SCP 1 at level 1');
		const second = parsed(scpDocument(), 'SCP 1 at level 1');
		expect(first.statements[0]!.source).not.toBe(second.statements[0]!.source);

		const one = scpTraces(first, request('111122223333', true));
		const two = scpTraces(second, request('444455556666', true));
		expect(one.evaluation.decision).toBe('allowed');
		expect(two.evaluation.decision).toBe('allowed');
		expect(one.traces.map(trace => trace.statementIndex)).toEqual([0]);
		expect(two.traces.map(trace => trace.statementIndex)).toEqual([0]);
		expect(one.traces[0]!.source).toBe(first.statements[0]!.source);
		expect(two.traces[0]!.source).toBe(second.statements[0]!.source);
	});

	it("a Deny's trace, too, names the policy that was read, whichever was compiled first", () => {
		const first = parsed(scpDocument(), 'SCP 1 at level 1');
		const second = parsed(scpDocument(), 'SCP 1 at level 1');
		scpTraces(first, request('111122223333', false));
		const {evaluation, traces} = scpTraces(second, request('444455556666', false));
		expect(evaluation.decision).toBe('denied');
		expect(traces[0]!.source).toBe(second.statements[1]!.source);
		expect(evaluation.layers.find(layer => layer.layer === 'scp')!.policies[0]!.relevant.map(trace => trace.source)).toEqual(
			second.statements.map(statement => statement.source),
		);
	});

	it('a policy that differs only in its name or Version is not answered from the other', () => {
		const allow = parsed(scpDocument(), 'SCP 1 at level 1');
		scpTraces(allow, request('111122223333', true));
		const renamed = parsed(scpDocument(), 'SCP 2 at level 1');
		expect(scpTraces(renamed, request('111122223333', true)).traces[0]!.policy).toBe('SCP 2 at level 1');

		// Without Version 2012-10-17, ${aws:username} is plain text, not a policy variable.
		const withVariable = (version?: string) =>
			parsed({...(version ? {Version: version} : {}), Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:username}'}]}, 'identity policy');
		const input = {...request('111122223333', true), principal: 'arn:aws:iam::111122223333:user/alice', resource: 'arn:aws:s3:::bucket/alice'};
		expect(evaluate({request: input, policies: {identity: [withVariable('2012-10-17')]}}).decision).toBe('allowed');
		expect(evaluate({request: input, policies: {identity: [withVariable()]}}).decision).toBe('denied');
	});
});
