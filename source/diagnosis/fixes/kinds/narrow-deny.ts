import type {StatementTrace} from '../../../engine/evaluation.js';
import type {Analysis} from '../../analyse.js';
import type {Requirement} from '../../diagnosis.js';
import {sameRef} from '../../policy-ref.js';
import {placeOfLayer} from '../../requirements.js';
import {groupBy} from '../context.js';
import {draftOf, type Draft, type FixKind} from '../draft.js';
import {knownActionsOnly} from '../known-actions.js';
import {exemptCaller, replaceStatement} from '../policy-document.js';
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
	const denied = analysis.requirements
		.filter(requirement => requirement.status === 'denied')
		.flatMap(requirement => {
			const trace = denyingStatement(analysis, requirement);
			const ref = trace ? analysis.book.refOf(trace) : undefined;
			return trace && ref ? [{requirement, trace, ref}] : [];
		});
	const byStatement = groupBy(denied, entry => denied.find(other => sameRef(other.ref, entry.ref) && other.trace.statementIndex === entry.trace.statementIndex)!);
	return [...byStatement.entries()].flatMap(([{trace, ref}, entries]): Draft[] => {
		const requirements = entries.map(entry => entry.requirement);
		const into = places.find(place => place.place === ref.place)?.rewritable?.(context, ref, requirements[0]!);
		if (!into?.document) return [];
		const statement = exemptCaller(trace.source, caller.arn);
		const cleaned = knownActionsOnly(replaceStatement(into.document, trace.statementIndex, statement), context.catalogue);
		const actions = [...new Set(requirements.map(requirement => requirement.action))];
		return [
			draftOf(into, {
				kind: 'narrow-deny',
				statement,
				policy: cleaned.policy,
				resolves: requirements,
				summary: `${trace.policy}, ${trace.label} denies ${actions.join(' and ')}. Narrow it so it no longer applies to ${caller.arn}.${cleaned.note}`,
				weakens: weakensOf(trace, caller, actions),
			}),
		];
	});
};
