import type {StatementTrace} from '../../../engine/evaluation.js';
import type {Analysis} from '../../analyse.js';
import type {Requirement} from '../../diagnosis.js';
import {placeOfLayer} from '../../requirements.js';
import {draftOf, type Draft, type FixKind} from '../draft.js';
import {exemptCaller} from '../policy-document.js';
import {byStatement, rewriteStatement, type StatementFind} from '../statement-rewrite.js';
import {weakensOf} from '../weakens.js';

/**
 * The last resort for an explicit Deny: never outweighed by an Allow, so the fix rewrites the denying
 * statement, in the policy it is in, so that it no longer applies to the caller — and says what that
 * gives up. One fix per statement, whatever number of rows it denies.
 */

/** The statement that denies a row: the first deciding one of the layer the row was made from. */
export const denyingStatement = (analysis: Analysis, requirement: Requirement): StatementTrace | undefined => {
	const action = analysis.actions.find(candidate => candidate.spec.id === requirement.actionId);
	const layer = action?.evaluation.layers.find(candidate => candidate.status === 'denied' && placeOfLayer(candidate.layer, action.spec.service) === requirement.place);
	return layer?.decidedBy[0];
};

export const narrowDeny: FixKind = (context, places) => {
	const {analysis, caller} = context;
	if (!caller) return [];
	const finds = analysis.requirements
		.filter(requirement => requirement.status === 'denied')
		.flatMap((requirement): StatementFind<undefined>[] => {
			const trace = denyingStatement(analysis, requirement);
			const ref = trace ? analysis.book.refOf(trace) : undefined;
			return trace && ref ? [{trace, ref, requirement, found: undefined}] : [];
		});
	return byStatement(finds).flatMap((found): Draft[] => {
		const {trace, requirements} = found;
		const statement = exemptCaller(trace.source, caller.arn);
		const rewrite = rewriteStatement(context, places, found, statement);
		if (!rewrite) return [];
		const actions = [...new Set(requirements.map(requirement => requirement.action))];
		return [
			draftOf(rewrite.into, {
				kind: 'narrow-deny',
				statement,
				policy: rewrite.policy,
				resolves: requirements,
				summary: `${trace.policy}, ${trace.label} denies ${actions.join(' and ')}. Narrow it so it no longer applies to ${caller.arn}.${rewrite.note}`,
				weakens: weakensOf(trace, caller, actions),
			}),
		];
	});
};
