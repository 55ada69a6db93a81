import type {DenialEvidence} from '../snapshot/provenance.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {where} from '../engine/layer-words.js';
import {tracesOf, withLayer, type EvidenceApplied, type EvidenceCase} from './evidence-layer.js';
import {agreeing, capitalised, evidenceWords, isGuardrail, namedPolicyDeny, namedPolicyWording, ownPolicyCause, scpEitherWay, scpWording, type ReadHolds} from './evidence-words.js';
import {settlingRead} from './evidence-reads.js';

/**
 * A message that what was read contradicts: read to allow, none applying, or (an explicit deny's) read to deny only
 * implicitly or with an Allow undecided. What AWS applied was not read: the row says what likely was, and the read that
 * settles it; never ✔ beside the message.
 */

/**
 * The snapshot says none of the type applies: no SCPs or RCPs (`[]`), no permissions boundary or session policy (`null`).
 * An identity or resource layer is always shown.
 */
const noneRead = (snapshot: Snapshot, evidence: DenialEvidence): boolean => {
	switch (evidence.deniedBy) {
		case 'scp':
			return snapshot.organization?.serviceControlPolicies?.length === 0;
		case 'rcp':
			return snapshot.organization?.resourceControlPolicies?.length === 0;
		case 'boundary':
			return snapshot.principal?.permissionsBoundary === null;
		case 'session':
			return snapshot.principal?.sessionPolicy === null;
		default:
			return false;
	}
};

export const againstRead = (denial: EvidenceCase): EvidenceApplied | undefined => {
	const {snapshot, evidence, spec, evaluation, layer, index, onWhich, implicit, kind, read, unsettled, whose, everyLevel, copied} = denial;
	const noneApplies = layer === undefined && noneRead(snapshot, evidence) && spec.actor.kind !== 'service';
	// An implicit deny's message contradicts only an Allow read at every level (with a Deny that may deny beside it, or
	// not) or none applying: the rest it agrees with (evidence-settles.ts), and a Deny read that applies denies in any case.
	const holds: ReadHolds | undefined = noneApplies
		? 'none'
		: layer?.status === 'ok' || (implicit && layer?.status === 'unknown' && layer.allow === 'yes')
			? 'allow'
			: implicit
				? undefined
				: layer?.status === 'missing'
					? 'implicit-deny'
					: layer?.status === 'unknown'
						? 'undecided'
						: undefined;
	if (holds === undefined) return undefined;
	const allowing = [...new Set((layer?.status === 'ok' ? layer.decidedBy : layer ? tracesOf(layer, 'Allow', 'yes') : []).map(where))];
	const held =
		holds === 'none'
			? `As ${read}, no ${kind.noun} applies to ${whose}`
			: holds === 'allow'
				? `The ${kind.all} ${read} ${agreeing(kind, 'allow', 'allows')} ${spec.action}${everyLevel}${allowing.length > 0 ? ` (${allowing.join('; ')})` : ''}`
				: holds === 'implicit-deny'
					? `${layer!.why} That is an implicit deny, and no statement ${read} denies ${spec.action} explicitly`
					: `${layer!.why} No statement of the ${kind.all} ${read} may deny ${spec.action}`;
	// What AWS applied and was not read: for a Deny, a policy not read; for no Allow, a level not read that allows nowhere.
	const likelyCause = isGuardrail(evidence)
		? implicit
			? `a level not ${read} where no ${kind.noun} allows it (an OU above ${whose}, or the root), an Allow detached or changed since, or the ${kind.all} of another account`
			: `${kind.one} not ${read}, attached at the root or an OU above ${whose}, one attached or changed since, or the ${kind.all} of another account`
		: ownPolicyCause(evidence, evaluation, read, implicit, holds === 'none');
	// An SCP message beside an undecided Allow, or beside a level allowing nowhere (one naming no policy agrees:
	// evidence-settles.ts): as AWS words an SCP's implicit deny as explicit, what was read may explain it as well as a Deny
	// not read; the reads settle it.
	const either = (holds === 'undecided' || holds === 'implicit-deny') && scpEitherWay(evidence);
	const said = `${held}. ${capitalised(evidenceWords(evidence))}${onWhich !== undefined ? ` ${onWhich}` : ''}; ${scpWording}`;
	const named = evidence.policyArn ? namedPolicyDeny(snapshot, evidence) : undefined;
	const orDeny = named ?? `it was denied by ${likelyCause}`;
	const why = !either
		? `${held}, yet ${evidenceWords(evidence)}${onWhich !== undefined ? ` ${onWhich}` : ''}. AWS's message says what AWS decided, so what applies is not what was ${read}: ` +
			`likely ${likelyCause}.${unsettled}`
		: holds === 'implicit-deny'
			? `${said}, ${namedPolicyWording}: so either it reports this implicit deny, or ${orDeny}.`
			: `${said}${named ? `, ${namedPolicyWording}:` : ','} so either an Allow ${read} did not apply here, or ${orDeny}.`;
	const resolveWith = settlingRead(snapshot, evidence, denial.account, spec.resource, denial.entity);
	// Read to allow, or none applying: never ✔ beside the message, unknown. A missing Allow (✘) still denies, and an
	// undecided Allow stays undecided: their status stays, their words and the read that settles it change. A Deny read
	// as "may deny" beside an implicit deny's message stays undecided, and keeps naming that statement.
	const changed =
		holds === 'implicit-deny' || holds === 'undecided'
			? copied(layer!.status, 'unknown', layer!.decidedBy, why, resolveWith)
			: layer?.status === 'unknown'
				? copied('unknown', layer.deny, layer.decidedBy, why, resolveWith)
				: copied('unknown', 'unknown', [], why, resolveWith);
	// AWS's message says what AWS decided for this request: denied, whatever was read (the row says what is open).
	const applied = withLayer(evaluation, changed, index, 'denied', evaluation.decision === 'denied' ? evaluation.summary : why);
	return {evaluation: applied, againstRead: evidence, readHolds: holds, resolveWith};
};
