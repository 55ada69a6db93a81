import {withLayer, type EvidenceApplied, type EvidenceCase} from './evidence-layer.js';
import {agreeing, capitalised, eitherWaySource, evidenceSource, evidenceWords, isGuardrail, keyNotKnownSource, keyNotKnownWords, notReadWords, scpEitherWay, scpWording} from './evidence-words.js';

/**
 * A message that decides its layer alone, as nothing read speaks to it: the layer's policies were not read (no statement
 * decided it), or were read for no key at all, the key S3 used not being known (evidence.ts says what each becomes).
 */

/** The layer's policies not read: the message decides it (an unread SCP's ✘ either way, an RCP's ⛔, an implicit deny's ✘). */
export const whereNotRead = (denial: EvidenceCase): EvidenceApplied | undefined => {
	const {evidence, spec, evaluation, layer, index, onWhich, implicit, kind, copied} = denial;
	if (layer?.status !== 'unknown' || layer.decidedBy.length !== 0) return undefined;
	const either = scpEitherWay(evidence);
	const why =
		onWhich !== undefined
			? `${layer.why} ${capitalised(evidenceWords(evidence))} ${onWhich}.`
			: implicit
				? `${capitalised(evidenceWords(evidence))}. ${notReadWords(evidence, isGuardrail(evidence) ? 'at which level none allows it' : `what ${agreeing(kind, 'they hold', 'it holds')}`)}`
				: either
					? `${capitalised(evidenceWords(evidence))}; ${scpWording}. So ${kind.one} denies ${spec.action}, by a Deny statement or by a level where none allows it; the ${kind.all} themselves were not read, so which, and where, is not known.`
					: `${capitalised(evidenceWords(evidence))}. ${notReadWords(evidence, 'which statement denies, and on what condition,')}`;
	const decided = onWhich === undefined;
	// AWS's "no service control policy allows" is a missing Allow (✘), not a Deny (⛔); its "explicit deny in a service
	// control policy" may be either (scpWording): an SCP denies (✘), a Deny not known to be there (never ⛔).
	const changed = !decided
		? copied(layer.status, layer.deny, layer.decidedBy, why)
		: implicit
			? copied('missing', layer.deny, layer.decidedBy, why, undefined, 'no')
			: either
				? copied('missing', layer.deny, layer.decidedBy, why)
				: copied('denied', 'yes', layer.decidedBy, why);
	const applied = withLayer(evaluation, changed, index, decided ? 'denied' : evaluation.decision, decided ? why : evaluation.summary);
	if (!decided) return {evaluation: applied};
	return {evaluation: applied, evidence, source: either ? eitherWaySource : evidenceSource(evidence), ...(implicit || either || !isGuardrail(evidence) ? {resolveWith: denial.settles} : {})};
};

/** The key S3 used not known: what was read neither agrees with the message nor contradicts it, which decides as where not read. */
export const whereKeyNotKnown = (denial: EvidenceCase): EvidenceApplied | undefined => {
	const {evidence, spec, evaluation, layer, index, onWhich, implicit, kind, read, unsettled, copied} = denial;
	if (!spec.unknownKey || !layer || layer.status === 'denied' || layer.status === 'not-applicable') return undefined;
	// The key not known: what was read was evaluated for no key at all, so it neither agrees with the message nor
	// contradicts it (requirements.ts shows none of it as certain); the message is AWS's word on the key S3 used.
	const keyWords = keyNotKnownWords(evidence, spec.action, read);
	const eitherWay = scpEitherWay(evidence);
	if (onWhich !== undefined) {
		const why = `${keyWords} ${capitalised(evidenceWords(evidence))} ${onWhich}.${unsettled}`;
		return {evaluation: withLayer(evaluation, copied('unknown', 'unknown', [], why, undefined, 'unknown'), index, evaluation.decision, evaluation.summary)};
	}
	const why = eitherWay
		? `${capitalised(evidenceWords(evidence))}; ${scpWording}. So ${kind.one} denies ${spec.action}, by a Deny statement or by a level where none allows it. ${keyWords}`
		: `${capitalised(evidenceWords(evidence))}. ${keyWords}${unsettled}`;
	// As where they were not read: no Allow (✘), an SCP denying either way (✘), an RCP's explicit Deny (⛔).
	const changed = implicit || eitherWay ? copied('missing', 'unknown', [], why, undefined, implicit ? 'no' : 'unknown') : copied('denied', 'yes', [], why, undefined, 'unknown');
	return {evaluation: withLayer(evaluation, changed, index, 'denied', why), evidence, source: keyNotKnownSource(evidence, read), ...(implicit || eitherWay || !isGuardrail(evidence) ? {resolveWith: denial.settles} : {})};
};
