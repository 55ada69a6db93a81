import {describe, expect, it} from 'vitest';
import {generateWorkload, prepareWorkload} from '../../bench/workload.js';
import {evaluate, parsePolicy} from '../../source/index.js';
import type {Evaluation, EvaluationInput} from '../../source/index.js';

/*
 * The engine puts its explanations into words only when someone reads them. These tests evaluate the bench's
 * generated requests (the same seeded workload `npm run bench` measures) and check that reading the prose, or
 * not, or in another order, never changes a decision, a status or a deciding statement.
 */

const inputs = prepareWorkload(generateWorkload(), parsePolicy);

/** What decides: the decision, and per layer its status, deny, allow and deciding statements. No prose is read. */
const decidingPart = (evaluation: Evaluation) => ({
	decision: evaluation.decision,
	crossAccount: evaluation.crossAccount,
	service: evaluation.service,
	layers: evaluation.layers.map(layer => ({
		layer: layer.layer,
		status: layer.status,
		deny: layer.deny,
		allow: layer.allow,
		decidedBy: layer.decidedBy.map(trace => `${trace.policy} #${trace.statementIndex} ${trace.effect} ${trace.applies}`),
		policies: layer.policies.map(policy => `${policy.policy}: deny ${policy.deny}, allow ${policy.allow}, ${policy.relevant.length} relevant`),
	})),
});

/** Every sentence of the explanation. */
const prose = (evaluation: Evaluation) => ({
	summary: evaluation.summary,
	unknownContextKeys: evaluation.unknownContextKeys,
	layers: evaluation.layers.map(layer => ({
		why: layer.why,
		traces: layer.policies.flatMap(policy => policy.relevant.map(trace => [trace.label, trace.reason, ...trace.conditions.map(condition => condition.reason)])),
		nearMisses: layer.policies.flatMap(policy => policy.nearMisses),
	})),
});

describe('explanations built only when read', () => {
	it('the workload holds a few hundred sets with every kind of decision', () => {
		expect(inputs.length).toBeGreaterThan(600);
		const decisions = new Set(inputs.map(input => evaluate(input).decision));
		expect([...decisions].sort()).toEqual(['allowed', 'denied', 'unknown']);
	});

	it('gives every generated request the same decision, statuses and deciding statements whether its explanation is read or not', () => {
		for (const input of inputs) {
			const quiet = evaluate(input);
			const decided = decidingPart(quiet);
			const explained = evaluate(input);
			const words = prose(explained);
			expect(decidingPart(explained), input.request.action).toEqual(decided);
			// Read late, the words are the same as read early.
			expect(prose(quiet)).toEqual(words);
		}
	});

	it('gives the same answers in any order (nothing kept between evaluations changes one)', () => {
		const forward = inputs.map(input => decidingPart(evaluate(input)));
		const backward = [...inputs].reverse().map(input => decidingPart(evaluate(input))).reverse();
		expect(backward).toEqual(forward);
	});

	it('JSON still carries the explanation, as when it was built up front', () => {
		const evaluation = evaluate(inputs.find(input => evaluate(input).decision === 'denied')!);
		const json = JSON.parse(JSON.stringify(evaluation)) as Evaluation;
		expect(json.summary).toBe(evaluation.summary);
		expect(json.layers.map(layer => layer.why)).toEqual(evaluation.layers.map(layer => layer.why));
		const trace = evaluation.layers.flatMap(layer => layer.decidedBy)[0]!;
		const traceJson = json.layers.flatMap(layer => layer.decidedBy)[0]!;
		expect(traceJson).toMatchObject({label: trace.label, reason: trace.reason, statementIndex: trace.statementIndex, effect: trace.effect});
	});

	it('reads a context changed in place again (the prepared context is checked, not trusted)', () => {
		const input = inputs.find(candidate => evaluate(candidate).decision === 'allowed' && candidate.request.context?.['aws:SecureTransport'] === true)!;
		const context: Record<string, unknown> = {...input.request.context};
		const changed: EvaluationInput = {...input, request: {...input.request, context: context as EvaluationInput['request']['context']}};
		expect(evaluate(changed).decision).toBe('allowed');
		context['aws:SecureTransport'] = false;
		expect(evaluate(changed).decision).toBe('denied');
		delete context['aws:SecureTransport'];
		expect(evaluate(changed).decision).not.toBe('allowed');
	});
});
