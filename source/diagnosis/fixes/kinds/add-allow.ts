import {draftOf, type Draft, type FixKind} from '../draft.js';
import {knownActionsOnly} from '../known-actions.js';
import {mergeStatement} from '../policy-document.js';
import {requirementId} from '../../requirement-id.js';

/** Multipart needs kms:Decrypt; only a single PUT or CopyObject (at most 5 GB) avoids it: worth saying, as a workaround and never as the fix. */
const multipartNote = (context: Parameters<FixKind>[0], grant: {readonly requirements: readonly {readonly actionId: string}[]}): string => {
	const {question} = context.analysis.facts;
	if (question.operation === 'download' || question.multipart === 'no' || !grant.requirements.some(requirement => requirement.actionId === 'kms:Decrypt@destination')) return '';
	return question.operation === 'copy'
		? ' (A single CopyObject of at most 5 GB needs no kms:Decrypt on the destination key: a workaround for small enough objects, not the fix.)'
		: ' (A single PUT of at most 5 GB needs no kms:Decrypt: a workaround for small enough files, not the fix.)';
};

/** A missing grant: a new Allow statement in the place that lacks it, after the statements already there. */
export const addAllow: FixKind = (context, places) =>
	places.flatMap((place): Draft[] => {
		const missing = context.analysis.requirements.filter(
			requirement => requirement.place === place.place && requirement.status === 'missing' && !requirement.alternative && !context.claimed.has(requirementId(requirement)),
		);
		if (missing.length === 0) return [];
		return place.grantsFor(context, missing).map(grant => {
			// Every statement the grant adds, `statement` first, after those already there.
			const added = grant.statements ?? [grant.statement];
			const merged = added.slice(1).reduce((document, statement) => mergeStatement(document, statement), mergeStatement(grant.into.document, grant.statement));
			const cleaned = knownActionsOnly(merged, context.catalogue);
			return draftOf(grant.into, {
				kind: 'add-allow',
				statement: grant.statement,
				statements: added,
				policy: cleaned.policy,
				resolves: grant.requirements,
				summary: `${grant.summary}${multipartNote(context, grant)}${cleaned.note}`,
				...(grant.weakens === undefined ? {} : {weakens: grant.weakens}),
			});
		});
	});
