import {where} from '../engine/layer-words.js';
import {tracesOf, withLayer, type EvidenceApplied, type EvidenceCase} from './evidence-layer.js';
import {agreeing, capitalised, evidenceSource, evidenceWords, isGuardrail, lowerFirst, scpWordedAlike, scpWording} from './evidence-words.js';

/**
 * A message that settles what was read left open, or agrees with it: an explicit deny settles a Deny read as "may deny",
 * an implicit one an Allow read as "may allow"; a level read to allow nowhere already says what the message says.
 */

/** An explicit deny's message beside a read Deny of its type that may deny: that Deny, or one not read, did. */
export const settlingReadDeny = (denial: EvidenceCase): EvidenceApplied | undefined => {
	const {evidence, evaluation, layer, index, onWhich, implicit, kind, read, mayDeny, copied} = denial;
	if (implicit || !layer || mayDeny.length === 0) return undefined;
	// AWS's word that this type of policy explicitly denied settles a Deny of that type read as "may deny".
	const reasons = mayDeny.map(trace => `${where(trace)} may deny it: ${trace.reason}`).join('; ');
	if (onWhich !== undefined) {
		const why = `${layer.why} ${capitalised(evidenceWords(evidence))} ${onWhich}.`;
		return {evaluation: withLayer(evaluation, copied(layer.status, layer.deny, layer.decidedBy, why), index, evaluation.decision, evaluation.summary)};
	}
	// A statement of another policy than the one the message names is not the one that denied.
	const likely = [...new Set(mayDeny.filter(trace => !evidence.policyArn || (denial.arnOf(trace) ?? evidence.policyArn) === evidence.policyArn).map(where))];
	const besides = layer.status === 'missing' ? ` Besides, ${lowerFirst(layer.why)}` : '';
	const why =
		likely.length > 0
			? `${capitalised(evidenceWords(evidence))}. Of the ${kind.all} ${read}, ${reasons}. The message settles that ${kind.one} did deny it, so likely ${likely.join(' or ')} did.${besides}`
			: `${capitalised(evidenceWords(evidence))}. Of the ${kind.all} ${read}, ${reasons}. None of them is of the policy the message names, so the statement that denied was not ${read}.${besides}`;
	const applied = withLayer(evaluation, copied('denied', 'yes', [], why, undefined), index, 'denied', why);
	return likely.length > 0 ? {evaluation: applied, evidence, likely, source: evidenceSource(evidence, likely, read)} : {evaluation: applied, evidence, source: evidenceSource(evidence)};
};

/**
 * A level read to allow the action nowhere (✘) is what AWS's "no … allows" says, and what an SCP's message naming no
 * policy may say (scpWording); one that names a policy points at a Deny in it (evidence-against-read.ts).
 */
export const agreeingWithRead = (denial: EvidenceCase): EvidenceApplied | undefined => {
	const {evidence, evaluation, layer, index, onWhich, implicit, read, unsettled, copied} = denial;
	if (layer?.status !== 'missing' || !(implicit || scpWordedAlike(evidence))) return undefined;
	const why = `${layer.why} ${capitalised(evidenceWords(evidence))}${onWhich !== undefined ? ` ${onWhich}` : ''}, which agrees with what was ${read}${implicit ? '' : `: ${scpWording}`}.${unsettled}`;
	return {evaluation: withLayer(evaluation, copied(layer.status, layer.deny, layer.decidedBy, why), index, evaluation.decision, evaluation.summary)};
};

/** An implicit deny's message beside an Allow read that is not surely there: AWS's "no … allows" agrees with it. */
export const settlingReadAllow = (denial: EvidenceCase): EvidenceApplied | undefined => {
	const {evidence, evaluation, layer, index, onWhich, implicit, kind, read, unsettled, copied} = denial;
	if (!implicit || layer?.status !== 'unknown' || layer.allow === 'yes') return undefined;
	if (onWhich !== undefined) {
		const why = `${layer.why} ${capitalised(evidenceWords(evidence))} ${onWhich}.${unsettled}`;
		return {evaluation: withLayer(evaluation, copied(layer.status, layer.deny, layer.decidedBy, why), index, evaluation.decision, evaluation.summary)};
	}
	// An Allow read whose condition (or resource) is undecided: the message settles that at some level none applied.
	const mayAllow = tracesOf(layer, 'Allow', 'unknown');
	const likely = [...new Set(mayAllow.map(where))];
	const why =
		likely.length > 0
			? `${capitalised(evidenceWords(evidence))}. Of the ${kind.all} ${read}, ${mayAllow.map(trace => `${where(trace)} may allow it: ${trace.reason}`).join('; ')}. The message settles that at some level none allowed it, so likely ${likely.join(' or ')} did not apply.${unsettled}`
			: `${capitalised(evidenceWords(evidence))}, which settles what the ${kind.all} ${read} ${agreeing(kind, 'leave', 'leaves')} undecided: ${isGuardrail(evidence) ? 'at some level none allowed it' : agreeing(kind, 'none allowed it', 'it did not allow it')}.${unsettled}`;
	const applied = withLayer(evaluation, copied('missing', layer.deny, [], why, undefined, 'no'), index, 'denied', why);
	return {evaluation: applied, evidence, ...(likely.length > 0 ? {likely} : {}), source: evidenceSource(evidence, likely, read), resolveWith: denial.settles};
};
