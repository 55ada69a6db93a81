import type {ConditionTrace} from '../engine/conditions/trace.js';
import type {StatementTrace} from '../engine/evaluation.js';
import type {EvaluatedAction} from './findings.js';

/**
 * Every condition that breaks its statement, in the order the evaluations name them: an Allow's condition that fails,
 * or a Deny's that holds while the Deny applies (StringNotEquals on an absent header). What condition findings read.
 */
export function* breakingConditions(actions: readonly EvaluatedAction[]): Generator<{readonly trace: StatementTrace; readonly condition: ConditionTrace}> {
	for (const {evaluation} of actions) {
		for (const layer of evaluation.layers) {
			for (const policy of layer.policies) {
				for (const trace of policy.relevant) {
					for (const condition of trace.conditions) {
						const breaks = trace.effect === 'Deny' ? trace.applies === 'yes' && condition.result === 'yes' : condition.result === 'no';
						if (breaks) yield {trace, condition};
					}
				}
			}
		}
	}
}
