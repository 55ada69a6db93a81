import {draftOf, type Draft, type FixKind} from '../draft.js';
import {mergeStatement} from '../policy-document.js';

/** A missing grant: a new Allow statement in the place that lacks it, after the statements already there. */
export const addAllow: FixKind = (context, places) =>
	places.flatMap((place): Draft[] => {
		const missing = context.analysis.requirements.filter(requirement => requirement.place === place.place && requirement.status === 'missing');
		if (missing.length === 0) return [];
		return place.grantsFor(context, missing).map(grant =>
			draftOf(grant.into, {
				kind: 'add-allow',
				statement: grant.statement,
				policy: mergeStatement(grant.into.document, grant.statement),
				resolves: grant.requirements,
				mustAllow: grant.requirements,
				summary: grant.summary,
			}),
		);
	});
