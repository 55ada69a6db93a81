import type {StatementTrace} from '../../../engine/evaluation.js';
import type {Analysis} from '../../analyse.js';
import type {Requirement} from '../../diagnosis.js';
import {placeOfLayer} from '../../requirements.js';
import {draftOf, type Draft, type FixKind} from '../draft.js';
import {exemptCaller, replaceStatement} from '../policy-document.js';

/**
 * An explicit Deny: never outweighed by an Allow, so the fix rewrites the denying statement, in the
 * policy it is in, so that it no longer applies to the caller.
 */

/** The statement that denies a row: the first deciding one of the layer the row was made from. */
const denyingStatement = (analysis: Analysis, requirement: Requirement): StatementTrace | undefined => {
	const action = analysis.actions.find(candidate => candidate.spec.id === requirement.actionId);
	const layer = action?.evaluation.layers.find(candidate => candidate.status === 'denied' && placeOfLayer(candidate.layer, action.spec.service) === requirement.place);
	return layer?.decidedBy[0];
};

export const narrowDeny: FixKind = (context, places) => {
	const {analysis, caller} = context;
	if (!caller) return [];
	return analysis.requirements
		.filter(requirement => requirement.status === 'denied')
		.flatMap((requirement): Draft[] => {
			const trace = denyingStatement(analysis, requirement);
			const ref = trace ? analysis.book.refOf(trace) : undefined;
			const into = ref ? places.find(place => place.place === ref.place)?.rewritable?.(context, ref, requirement) : undefined;
			if (!trace || !into?.document) return [];
			const statement = exemptCaller(trace.source, caller.arn);
			return [
				draftOf(into, {
					kind: 'narrow-deny',
					statement,
					policy: replaceStatement(into.document, trace.statementIndex, statement),
					resolves: [requirement],
					mustAllow: [],
					summary: `${trace.policy}, ${trace.label} denies ${requirement.action}. Narrow it so it no longer applies to ${caller.arn} (or change the request so the Deny's conditions do not match).`,
				}),
			];
		});
};
