import type {ActionCatalogue} from '../action-catalogue.js';
import type {Analysis} from '../analyse.js';
import type {Fix} from '../diagnosis.js';
import {withProfile} from '../../snapshot/profiles.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import {applyingProfile} from './applies-in.js';
import {contextOf} from './context.js';
import type {Draft} from './draft.js';
import {addAllow} from './kinds/add-allow.js';
import {changeRequest} from './kinds/change-request.js';
import {correctAction} from './kinds/correct-action.js';
import {correctCondition} from './kinds/correct-condition.js';
import {exemptServiceRequests} from './kinds/exempt-service-requests.js';
import {fitGrant} from './kinds/fit-grant.js';
import {keepToServicePrincipals} from './kinds/keep-to-service-principals.js';
import {narrowDeny} from './kinds/narrow-deny.js';
import {inlineQuotaTogether} from './inline-quota.js';
import {isLeastPrivilege, proves, remainsAfter, type Proof} from './proof.js';
import {fixPlaces} from './places/index.js';
import {draftsInRounds, withDraft} from './rounds.js';
import {analyse} from '../analyse.js';

/**
 * Fixes for every missing grant and explicit Deny, best first, each proven: applied to a copy of the
 * snapshot and re-diagnosed, the requirements it targets must turn ✔. Two chains are drafted: the fixes
 * that keep every guardrail (Allows), and the last resort, the narrowed Denies, which say what they give up.
 * See docs/fixes.md for how the modules here fit together.
 */

/** Best first: what loses the least protection. A narrowed Deny is never listed before another kind that solves its rows. */
const rank: Readonly<Record<Fix['kind'], number>> = {'change-request': 0, 'correct-condition': 1, 'correct-action': 1, 'add-allow': 2, 'narrow-deny': 3};

const proofRank = (fix: Fix): number => (fix.proven ? 0 : fix.blockedBy ? 1 : 2);

const toFix = (snapshot: Snapshot, draft: Draft, proof: Proof, analysis: Analysis, together: string | undefined): Fix => {
	const {apply: _apply, ref: _ref, corrected, acceptanceUnknown: _acceptance, ...fix} = draft;
	const requested = analysis.requirements.filter(requirement => draft.resolves.includes(`${requirement.actionId}#${requirement.place}`)).map(requirement => requirement.resource);
	const rowsProven = proof.proven && isLeastPrivilege({...fix, corrected}, requested);
	// Proven for its own rows only where a pasted message's denial still stands: never called proven then.
	const blockedBy = rowsProven ? proof.blockedBy : undefined;
	const summary = proof.leftBehind ? `${fix.summary} ${proof.leftBehind}` : fix.summary;
	const command = withProfile(fix.command, applyingProfile(snapshot, fix.appliesIn));
	return {...fix, command, summary, proven: rowsProven && !blockedBy, ...(blockedBy ? {blockedBy} : {}), remains: remainsAfter(draft, proof, together)};
};

export const fixesFor = (snapshot: Snapshot, analysis: Analysis, catalogue?: ActionCatalogue): Fix[] => {
	const proofs = new Map<Draft, Proof>();
	const proofOf = (draft: Draft): Proof => proofs.get(draft) ?? proofs.set(draft, proves(draft, snapshot, analysis)).get(draft)!;
	// Better than an Allow or a narrowed Deny, where they apply: change the request, correct what a policy meant.
	const first = contextOf(snapshot, analysis, catalogue);
	// Corrections in rounds too: two in one policy are one fix, as each command puts the whole policy.
	const better = [...changeRequest(first), ...draftsInRounds(snapshot, analysis, [correctCondition, exemptServiceRequests, keepToServicePrincipals, correctAction], (state, current) => contextOf(state, current, catalogue))];
	// A row a proven correction turns ✔ gets no parallel Allow; a changed request claims none (a missing grant is fixed where it belongs).
	const corrections = better.filter(draft => draft.kind !== 'change-request' && proofOf(draft).proven);
	const claimed = new Set(corrections.flatMap(draft => draft.resolves));
	// An Allow for a policy a proven correction rewrites joins that fix: two commands each writing the whole policy as it
	// was would undo each other.
	const seeds = corrections.filter(draft => draft.ref !== undefined);
	const allows = draftsInRounds(snapshot, analysis, [addAllow], (state, current) => contextOf(state, current, catalogue, claimed), seeds);
	// A key-policy statement fitting a grant's context goes into the key policy the Allows write: drafted on top of them, one fix.
	const misfit = analysis.requirements.some(row => row.place === 'key-grant' && row.status === 'missing' && row.decidedBy !== undefined);
	const withAllows = misfit ? allows.reduce((state, draft) => draft.apply(state), snapshot) : snapshot;
	const fits = misfit ? fitGrant(allows.length > 0 ? contextOf(withAllows, analyse(withAllows), catalogue) : first, fixPlaces) : [];
	// The last resort only where something denies: narrowed Denies, with the Allows they uncover in the same policy.
	const lastResort = analysis.requirements.some(requirement => requirement.status === 'denied')
		? draftsInRounds(snapshot, analysis, [narrowDeny, addAllow], (state, current) => contextOf(state, current, catalogue)).filter(draft => draft.kind === 'narrow-deny')
		: [];
	const drafts = [...better.filter(draft => !seeds.includes(draft)), ...fits.reduce(withDraft, allows), ...lastResort];
	// Each fix is proven alone; the inline policies several of them write to one entity are also measured together.
	const together = inlineQuotaTogether(drafts, snapshot);
	const fixes = drafts.map(draft => toFix(snapshot, draft, proofOf(draft), analysis, together.get(draft)));
	return fixes
		.map((fix, index) => ({fix, index}))
		// What gives protection up comes last, proven or not; then proven first (then proven for its own rows), then the least costly kind.
		.sort((a, b) => Number(a.fix.weakens !== null) - Number(b.fix.weakens !== null) || proofRank(a.fix) - proofRank(b.fix) || rank[a.fix.kind] - rank[b.fix.kind] || a.index - b.index)
		.map(({fix}) => fix);
};
