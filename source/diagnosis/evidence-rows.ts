import type {Requirement} from './diagnosis.js';
import type {DenialEvidence} from '../snapshot/provenance.js';
import type {EvidenceApplied} from './evidence-layer.js';
import {isImplicit, placeOfEvidence, scpEitherWay} from './evidence-words.js';

/** A status the evidence gives the row it decides: an explicit deny's ⛔, an implicit one's ✘, an SCP's either (scpEitherWay). */
const madeBy = (evidence: DenialEvidence, status: Requirement['status']): boolean =>
	status === 'missing' ? isImplicit(evidence) || scpEitherWay(evidence) : status === 'denied' && !isImplicit(evidence);

/**
 * The rows of a layer the evidence decided (denied, or for an implicit deny missing) name the message as what decided
 * them (and the statements read that may deny it, likely the one that did, or may allow it, likely not applying), an
 * implicit deny's with the read that finds the level; a row the message contradicts and that keeps ✘ names the read
 * that settles it.
 */
export const withEvidence = (rows: readonly Requirement[], applied: Omit<EvidenceApplied, 'evaluation'>): Requirement[] =>
	rows.map(row => {
		const {evidence, source, againstRead, resolveWith} = applied;
		if (evidence && source && row.place === placeOfEvidence(evidence) && madeBy(evidence, row.status) && row.decidedBy === undefined) {
			return {...row, decidedBy: source, ...(resolveWith && row.resolveWith === undefined ? {resolveWith} : {})};
		}
		if (againstRead && resolveWith && row.place === placeOfEvidence(againstRead) && row.resolveWith === undefined) return {...row, resolveWith};
		return row;
	});
