import {draftOf, type Draft, type FixKind} from '../draft.js';
import {knownActionsOnly} from '../known-actions.js';
import {mergeStatement} from '../policy-document.js';
import {requirementId} from '../../requirement-id.js';

/** A missing grant: a new Allow statement in the place that lacks it, after the statements already there. */
export const addAllow: FixKind = (context, places) =>
	places.flatMap((place): Draft[] => {
		const missing = context.analysis.requirements.filter(
			requirement => requirement.place === place.place && requirement.status === 'missing' && !context.claimed.has(requirementId(requirement)),
		);
		if (missing.length === 0) return [];
		return place.grantsFor(context, missing).map(grant => {
			const cleaned = knownActionsOnly(mergeStatement(grant.into.document, grant.statement), context.catalogue);
			return draftOf(grant.into, {
				kind: 'add-allow',
				statement: grant.statement,
				policy: cleaned.policy,
				resolves: grant.requirements,
				summary: `${grant.summary}${cleaned.note}`,
			});
		});
	});
