import {evaluate} from '../engine/evaluate.js';
import type {Requirement} from './diagnosis.js';
import type {EvaluatedAction} from './findings.js';
import {PolicyBook, policySetFor} from './policy-inputs.js';
import {principalOf, requiredActions} from './required-actions.js';
import {decisionOf, requirementsOf} from './requirements.js';
import {resolveQuestion, type ResolvedFacts} from './resolve-question.js';
import type {Snapshot} from '../snapshot/snapshot.js';

export type Analysis = {
	readonly facts: ResolvedFacts;
	readonly actions: readonly EvaluatedAction[];
	readonly requirements: readonly Requirement[];
	readonly book: PolicyBook;
};

/** Snapshot → resolved question → required actions → one engine evaluation each → requirement rows. */
export const analyse = (snapshot: Snapshot): Analysis => {
	const facts = resolveQuestion(snapshot);
	const book = new PolicyBook();
	const actions = requiredActions(snapshot, facts).map((spec): EvaluatedAction => {
		const bucketAccount = spec.side === 'source' ? facts.sourceBucketAccount : facts.question.bucketAccount;
		const evaluation = evaluate({
			request: {
				// Not known: the engine answers unknown wherever a Principal would have to name it.
				principal: principalOf(snapshot, spec.actor)?.arn ?? '',
				action: spec.action,
				resource: spec.resource,
				...(spec.service === 's3' && bucketAccount ? {resourceAccount: bucketAccount} : {}),
				context: spec.context,
			},
			policies: policySetFor(snapshot, spec, facts, book),
			service: spec.service,
		});
		return {spec, evaluation, decision: decisionOf(spec, evaluation)};
	});
	return {facts, actions, requirements: actions.flatMap(({spec, evaluation}) => requirementsOf(spec, evaluation)), book};
};
