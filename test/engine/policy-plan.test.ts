import {describe, expect, it} from 'vitest';
import {generateWorkload, prepareWorkload} from '../../bench/workload.js';
import {evaluate, parsePolicy} from '../../source/index.js';
import type {Evaluation, EvaluationInput, PolicySet, PolicySlot} from '../../source/index.js';

/*
 * A policy set evaluated again and again gets a plan: its policies' statements for the action, found without reading
 * the policies. These tests hold a planned set to the same set given afresh (no plan), and check that a set changed
 * in place is read again rather than answered from its plan.
 */

const inputs = prepareWorkload(generateWorkload({sets: 120}), parsePolicy);

const answer = (evaluation: Evaluation) => ({
	decision: evaluation.decision,
	layers: evaluation.layers.map(layer => [layer.layer, layer.status, layer.decidedBy.map(trace => `${trace.policy} #${trace.statementIndex}`)]),
});

/** The same request against a copy of its policy set: a set seen for the first time, so without a plan. */
const fresh = (input: EvaluationInput) => answer(evaluate({...input, policies: {...input.policies}}));

const parsed = (statement: Record<string, unknown>, name: string) => {
	const result = parsePolicy({Version: '2012-10-17', Statement: [statement]}, name);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

describe('a policy set evaluated again and again', () => {
	it('answers every generated request as the same set given afresh, each time it is asked', () => {
		for (const input of inputs) {
			const expected = fresh(input);
			for (let time = 0; time < 3; time++) expect(answer(evaluate(input)), `${input.request.action}, time ${time + 1}`).toEqual(expected);
		}
	});

	it('reads a policy replaced in place, in any layer, again', () => {
		const input = inputs.find(candidate => evaluate(candidate).decision === 'allowed')!;
		const identity = [...(input.policies.identity as readonly PolicySlot[])];
		const policies: {-readonly [K in keyof PolicySet]: PolicySet[K]} = {...input.policies, identity};
		const request = {request: input.request, policies};
		expect(evaluate(request).decision).toBe('allowed');
		expect(evaluate(request).decision).toBe('allowed');

		const denyAll = parsed({Sid: 'DenyAll', Effect: 'Deny', Action: '*', Resource: '*'}, 'deny everything');
		identity[0] = denyAll;
		expect(answer(evaluate(request))).toEqual(fresh(request));
		expect(evaluate(request).decision).toBe('denied');

		identity[0] = (input.policies.identity as readonly PolicySlot[])[0]!;
		expect(evaluate(request).decision).toBe('allowed');

		const scp = (input.policies.scp as readonly (readonly PolicySlot[])[]).map(level => [...level]);
		policies.scp = scp;
		scp[0]![0] = denyAll;
		expect(evaluate(request).decision).toBe('denied');

		policies.scp = input.policies.scp;
		policies.resource = parsed({Sid: 'DenyAll', Effect: 'Deny', Principal: '*', Action: '*', Resource: '*'}, 'resource policy');
		expect(answer(evaluate(request))).toEqual(fresh(request));
		expect(evaluate(request).decision).toBe('denied');
	});

	it('reads a set whose policies changed places, or whose lists grew, again', () => {
		const input = inputs.find(candidate => candidate.policies.boundary && evaluate(candidate).decision === 'allowed')!;
		const policies: {-readonly [K in keyof PolicySet]: PolicySet[K]} = {...input.policies};
		const request = {request: input.request, policies};
		evaluate(request);
		evaluate(request);
		const identity = [...(input.policies.identity as readonly PolicySlot[])];
		policies.identity = identity;
		identity.push(parsed({Sid: 'DenyAll', Effect: 'Deny', Action: '*', Resource: '*'}, 'added'));
		expect(evaluate(request).decision).toBe('denied');
		identity.pop();
		policies.boundary = identity[0]!;
		expect(answer(evaluate(request))).toEqual(fresh(request));
	});
});
