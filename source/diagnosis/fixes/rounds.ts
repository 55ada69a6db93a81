import {analyse, type Analysis} from '../analyse.js';
import {sameRef} from '../policy-ref.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import {contextOf} from './context.js';
import type {Draft, FixKind} from './draft.js';
import {addAllow} from './kinds/add-allow.js';
import {narrowDeny} from './kinds/narrow-deny.js';
import {fixPlaces} from './places/index.js';

/** Every kind of fix, in the order its fixes are listed. */
const fixKinds: readonly FixKind[] = [addAllow, narrowDeny];

/** The fixes the analysis asks for, each computed from `snapshot` as it stands. */
const draftsFor = (snapshot: Snapshot, analysis: Analysis): Draft[] => {
	const context = contextOf(snapshot, analysis);
	return fixKinds.flatMap(kind => kind(context, fixPlaces));
};

/** Two changes to one policy are one fix; the later draft was computed on top of the earlier one, so its policy holds both. */
const mergeInto = (earlier: Draft, later: Draft): Draft => ({
	...later,
	kind: earlier.kind === 'narrow-deny' ? 'narrow-deny' : later.kind,
	statement: earlier.kind === 'narrow-deny' ? earlier.statement : later.statement,
	resolves: [...new Set([...earlier.resolves, ...later.resolves])],
	mustAllow: [...new Set([...earlier.mustAllow, ...later.mustAllow])],
	summary: earlier.summary === later.summary ? later.summary : `${earlier.summary} Then: ${later.summary}`,
});

/**
 * Fixes in rounds: apply the first round to a copy of the snapshot and look again, because a narrowed
 * Deny can uncover a missing Allow in the same policy (and two Denies in one policy need one merged
 * policy). Follow-up changes to a policy already being fixed are folded into that fix.
 */
export const draftsInRounds = (snapshot: Snapshot, analysis: Analysis): Draft[] => {
	let drafts: Draft[] = [];
	let patched = snapshot;
	let current = analysis;
	for (let round = 0; round < 3; round++) {
		const fresh = draftsFor(patched, current).filter(
			draft => !drafts.some(earlier => sameRef(earlier.ref, draft.ref) && JSON.stringify(earlier.policy) === JSON.stringify(draft.policy)),
		);
		if (fresh.length === 0) break;
		for (const draft of fresh) {
			const index = drafts.findIndex(earlier => sameRef(earlier.ref, draft.ref));
			drafts = index === -1 ? [...drafts, draft] : drafts.map((earlier, position) => (position === index ? mergeInto(earlier, draft) : earlier));
		}
		patched = fresh.reduce((state, draft) => draft.apply(state), patched);
		current = analyse(patched);
	}
	return drafts;
};
