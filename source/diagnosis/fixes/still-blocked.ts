import type {Analysis} from '../analyse.js';
import type {FixBlock} from '../diagnosis.js';
import {evidenceWords, isImplicit, placeOfEvidence} from '../evidence-words.js';
import type {Snapshot} from '../../snapshot/snapshot.js';

/**
 * A denial a pasted AccessDenied message evidences (an SCP's, RCP's, identity, resource, boundary or session policy's, evidence.ts; a VPC endpoint policy's, evidence-endpoint.ts) that, with
 * a fix applied, still leaves the request denied or not known to be allowed: the fix is proven for its own rows only. (A
 * fix that turns the message's own row ✔ has answered it: its proof runs without it, proof.ts.)
 */
export const blockedByEvidence = (snapshot: Snapshot, after: Analysis): FixBlock | undefined => {
	const standing = (snapshot.evidence ?? []).flatMap(evidence => {
		// A VPC endpoint policy's message has no row, and no fix changes the endpoint: it stands while the action is needed.
		if (placeOfEvidence(evidence) === undefined) {
			return after.actions.some(action => action.spec.action === evidence.action && action.evaluation.decision !== 'allowed') ? [{evidence, denied: true, explicit: !isImplicit(evidence)}] : [];
		}
		const rows = after.requirements.filter(
			row => row.place === placeOfEvidence(evidence) && row.action === evidence.action && !row.alternative && row.status !== 'ok' && row.status !== 'not-needed',
		);
		return rows.length === 0 ? [] : [{evidence, denied: rows.some(row => row.status !== 'unknown'), explicit: rows.some(row => row.status === 'denied')}];
	});
	if (standing.length === 0) return undefined;
	const status = standing.some(each => each.denied) ? 'denied' : 'unknown';
	// ⛔ only beside a row ⛔ (an explicit Deny); the rest deny for want of an Allow, or AWS's words do not tell which (✘).
	return {status, by: [...new Set(standing.map(each => evidenceWords(each.evidence)))].join('; '), ...(status === 'denied' && standing.some(each => each.explicit) ? {explicitDeny: true} : {})};
};
