import {analyse, type Analysis} from '../analyse.js';
import {sameRef} from '../policy-ref.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import type {Draft, FixContext, FixKind} from './draft.js';
import {fixPlaces} from './places/index.js';

/** The order of loss of protection: a merged fix is of its most costly kind, the one a reviewer must weigh. */
const cost: Readonly<Record<Draft['kind'], number>> = {'change-request': 0, 'correct-condition': 1, 'correct-action': 1, 'add-allow': 2, 'narrow-deny': 3};

const distinctStatements = (statements: readonly Draft['statements'][number][]): Draft['statements'] =>
	statements.filter((statement, index) => statements.findIndex(other => JSON.stringify(other) === JSON.stringify(statement)) === index);

/** The statements a correction wrote: the owner's own, which least privilege does not judge (proof.ts). */
const correctedBy = (draft: Draft): readonly Draft['statements'][number][] =>
	draft.kind === 'correct-condition' || draft.kind === 'correct-action' ? draft.statements : (draft.corrected ?? []);

/** Two changes to one policy are one fix; the later draft was computed on top of the earlier one, so its policy holds both. */
const mergeInto = (earlier: Draft, later: Draft): Draft => {
	const leading = cost[later.kind] > cost[earlier.kind] ? later : earlier;
	const corrected = [...correctedBy(earlier), ...correctedBy(later)];
	// Named by all it does: a correction folded into an Allow is not "add an allow" alone.
	const kinds = [earlier, later].flatMap(draft => [draft.kind, ...(draft.alsoKinds ?? [])]);
	const alsoKinds = [...new Set(kinds)].filter(kind => kind !== leading.kind).sort((a, b) => cost[a] - cost[b]);
	const {alsoKinds: _laterKinds, ...rest} = later;
	return {
		...rest,
		...(corrected.length > 0 ? {corrected} : {}),
		...(alsoKinds.length > 0 ? {alsoKinds} : {}),
		kind: leading.kind,
		statement: leading.statement,
		// Each statement changed is shown, the leading one first: a fix that narrows two Denies shows both.
		statements: distinctStatements([...leading.statements, ...earlier.statements, ...later.statements]),
		// Each protection given up is said: a fix that narrows two Denies names both.
		weakens: earlier.weakens && later.weakens && earlier.weakens !== later.weakens ? `${earlier.weakens} Also: ${later.weakens}` : (earlier.weakens ?? later.weakens),
		resolves: [...new Set([...earlier.resolves, ...later.resolves])],
		summary: earlier.summary === later.summary ? later.summary : `${earlier.summary} Then: ${later.summary}`,
	};
};

const sameDraft = (a: Draft, b: Draft): boolean => a.ref !== undefined && b.ref !== undefined && sameRef(a.ref, b.ref) && JSON.stringify(a.policy) === JSON.stringify(b.policy);

/** `drafts` with one more: folded into the fix that already changes its policy (drafted on top of it), else after them. */
export const withDraft = (drafts: readonly Draft[], draft: Draft): Draft[] => {
	const index = draft.ref === undefined ? -1 : drafts.findIndex(earlier => earlier.ref !== undefined && sameRef(earlier.ref, draft.ref!));
	return index === -1 ? [...drafts, draft] : drafts.map((earlier, position) => (position === index ? mergeInto(earlier, draft) : earlier));
};

/** One change per policy per round: a second change to the same policy is drafted next round, on top of the first. */
const onePerPolicy = (drafts: readonly Draft[]): Draft[] =>
	drafts.filter((draft, index) => draft.ref === undefined || drafts.findIndex(other => other.ref !== undefined && sameRef(other.ref, draft.ref!)) === index);

/**
 * Fixes in rounds: apply the first round to a copy of the snapshot and look again, because a narrowed
 * Deny can uncover a missing Allow in the same policy (and two Denies in one policy need one merged
 * policy). Follow-up changes to a policy already being fixed are folded into that fix. `seeds` are fixes
 * already drafted (a corrected condition): applied first, so a change to the same policy folds into them
 * rather than writing the policy as it was before them.
 */
export const draftsInRounds = (
	snapshot: Snapshot,
	analysis: Analysis,
	kinds: readonly FixKind[],
	contextOf: (snapshot: Snapshot, analysis: Analysis) => FixContext,
	seeds: readonly Draft[] = [],
): Draft[] => {
	let drafts: Draft[] = [...seeds];
	let patched = seeds.reduce((state, draft) => draft.apply(state), snapshot);
	let current = seeds.length > 0 ? analyse(patched) : analysis;
	for (let round = 0; round < 4; round++) {
		const context = contextOf(patched, current);
		const fresh = onePerPolicy(kinds.flatMap(kind => kind(context, fixPlaces)).filter(draft => !drafts.some(earlier => sameDraft(earlier, draft))));
		if (fresh.length === 0) break;
		drafts = fresh.reduce(withDraft, drafts);
		patched = fresh.reduce((state, draft) => draft.apply(state), patched);
		current = analyse(patched);
	}
	return drafts;
};
