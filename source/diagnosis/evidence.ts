import type {Evaluation, LayerVerdict, StatementTrace} from '../engine/evaluation.js';
import type {DenialEvidence} from '../snapshot/provenance.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {ActionSpec} from './required-actions.js';
import {where} from '../engine/layer-words.js';
import {legOfEvidence} from './evidence-legs.js';
import {principalEntity} from './policy-inputs.js';
import {agreeing, capitalised, denyNotSettled, eitherWaySource, evidenceSource, evidenceWords, isGuardrail, isImplicit, isLayerEvidence, keyNotKnownSource, keyNotKnownWords, kindOf, lowerFirst, namedPolicyDeny, namedPolicyWording, notReadWords, ownPolicyCause, readWord, scpEitherWay, scpWordedAlike, scpWording, settlingRead, type LayerEvidence, type ReadHolds} from './evidence-words.js';

/**
 * The same holds of a message that names the caller's identity-based policies or the resource's policy (the bucket
 * policy, the key policy): AWS words their explicit and implicit denies as it words every type's ("with an explicit deny
 * in a type policy", "because no type policy allows the action action", IAM User Guide, "Troubleshooting access denied
 * error messages"), with no SCP-like exception, and they have no levels: the row names the read that shows them where
 * they were not read, and the same policy read again where what was read contradicts the message. So of a message naming
 * the caller's permissions boundary or session policy (one policy each): where the boundary was not read, the row names
 * the reads that show it; where it was read to be none, or a session policy said to be none, the row is unknown. A
 * session policy cannot be read from AWS at all, so a message naming one makes it unknown (policy-inputs.ts) rather than
 * assumed away, and the row names the one way to settle it: its creator pasting it.
 *
 * A pasted AccessDenied message that says an SCP or RCP explicitly denied an action is evidence of what denied it: AWS's
 * own word on what it decided. Where those policies were not read, the layer they make is then denied by that evidence,
 * never "may allow or deny" beside a verdict that is denied because of it; the row names the message as its source and
 * says the policy was not read. An RCP's is ⛔; an SCP's is ✘, not ⛔, as AWS words an SCP's implicit deny as explicit
 * too (scpWording): it says an SCP denies, by a Deny or by a level where none allows it, and names the reads that tell
 * which (scpEitherWay). Where a Deny of the same type was read whose condition is undecided ("may deny"), the
 * message settles it: the layer is denied by the message, naming that statement (its policy and Sid) as the likely one,
 * never "may deny" beside it; not where the message names another policy ARN than that statement's: then the statement
 * that denied was not read, and the row says so. Where what was read holds no Deny that may apply, it is not what AWS
 * applied (a policy at the root or an OU not read, one changed since, another account's), and the row names the read
 * that settles it: read to allow, or none applying, the row is unknown, never ✔ beside a message that says denied; read
 * to allow nowhere at some level (✘, an implicit deny) it stays ✘, which does deny: for an SCP message that names no
 * policy it says the two agree (AWS words an SCP's implicit deny as explicit, scpWording); for one that names a policy,
 * that it may report that implicit deny or a Deny in the policy it names (AWS does not say whether such a message names
 * a policy), which that policy's text tells; for an RCP's, that the explicit deny it reports is not in what was read.
 * Read with an undecided Allow, it stays unknown and says so (an SCP's message: either that Allow did not apply, or a
 * Deny not read).
 *
 * A message that says the denial was implicit ("because no service control policy allows the ACTION action") is AWS's
 * word that at some level no policy of that type allowed the action: no Allow, not a Deny. Where those policies were not
 * read, the layer is missing (✘) by that evidence, never ⛔ (nothing is known to deny explicitly) and never "may allow
 * or deny"; where an Allow read is undecided, the message settles that it did not apply (✘, naming it as the likely one);
 * where a level read allows the action nowhere, the row already says what the message says (✘) and only adds that they
 * agree; where they were read to allow it, or none applies, what was read is not what AWS applied (a level not read, an
 * Allow changed since, another account's): the row is unknown, never ✔ beside the message, and names the read that
 * settles it. It settles no Deny read as "may deny" (see denyNotSettled in evidence-words.ts).
 *
 * Where the KMS key S3 used is not known, the policies read were evaluated for no key at all: what they say of the
 * action neither agrees with the message nor contradicts it (a statement may name the key), so the message, AWS's word
 * on the key it used, decides the row as where they were not read (✘, an RCP's explicit deny ⛔), and says the key is
 * not known; the key's own rows keep the read that finds it. What holds whatever the key stays: a Deny read that
 * applies, a Deny read as "may deny" that an explicit message settles, none applying.
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

/** The accounts the policy types apply to: an SCP and identity policies the caller's, an RCP and resource policies the resource's. */
export type EvidenceAccounts = {readonly caller?: string; readonly resource?: string};

/** The ARN of the read policy a statement is of, when the snapshot holds it. */
export type PolicyArnOf = (trace: StatementTrace) => string | undefined;

export type EvidenceApplied = {
	readonly evaluation: Evaluation;
	/** The evidence decided the layer: denied by the message. */
	readonly evidence?: LayerEvidence;
	/**
	 * With `evidence`: the read statements that may deny it, likely the one that did ('SCP "RegionLock", Sid "DenyOutsideEU"');
	 * for an implicit deny, the read Allows that may allow it, likely not applying.
	 */
	readonly likely?: readonly string[];
	/** With `evidence`: what its denied (for an implicit deny, missing) row shows as deciding it. */
	readonly source?: string;
	/** The evidence contradicts the policies read (they allow, none applies, they deny only implicitly, an Allow undecided). */
	readonly againstRead?: LayerEvidence;
	/** With `againstRead`: what was read. */
	readonly readHolds?: ReadHolds;
	/**
	 * With `againstRead`: the reads that settle it, for a row that keeps its status (✘), which the engine gives none. With
	 * an implicit `evidence`: the reads that find the level where none allows it, for its ✘ row.
	 */
	readonly resolveWith?: string;
};

// The engine's answers read their sentences through getters: copied field by field, never spread.
export const withLayer = (evaluation: Evaluation, changed: LayerVerdict, index: number, decision: Evaluation['decision'], summary: string): Evaluation => {
	const {crossAccount, service, unknownContextKeys, readings} = evaluation;
	// A layer that was not shown (none applies) goes where the engine puts it: the SCPs before the RCPs.
	const at = index !== -1 ? index : changed.layer === 'scp' ? evaluation.layers.findIndex(layer => layer.layer === 'rcp') : -1;
	const layers = index !== -1 ? evaluation.layers.with(index, changed) : at === -1 ? [...evaluation.layers, changed] : evaluation.layers.toSpliced(at, 0, changed);
	return {decision, summary, crossAccount, service, layers, unknownContextKeys, ...(readings ? {readings} : {})};
};

/** The read statements of the layer with this effect that apply (`yes`) or may (`unknown`). */
const tracesOf = (layer: LayerVerdict, effect: StatementTrace['effect'], applies: StatementTrace['applies']): StatementTrace[] =>
	layer.policies.flatMap(policy => policy.relevant).filter(trace => trace.effect === effect && trace.applies === applies);

/** A read Deny of the layer whose condition (or resource, or principal) is undecided: it may deny. */
const mayDenyOf = (layer: LayerVerdict): StatementTrace[] => (layer.deny === 'unknown' ? tracesOf(layer, 'Deny', 'unknown') : []);

/**
 * The evidence that decides this action's SCP or RCP layer, and the evaluation with it applied. A layer whose policies
 * were not read (no statement decided it) is denied by it (an SCP's ✘, which way not known; an RCP's ⛔); so is one read
 * with a Deny that may apply, that Deny named as the likely one. A layer read to allow, or none read to apply (the
 * caller is no service: SCPs and RCPs are the organization's), becomes unknown, and the action is no longer allowed;
 * one read to allow nowhere at some level keeps ✘, one read with an undecided Allow keeps ?, and both say the message's
 * explicit deny is not in what was read. An implicit deny's message makes an unread layer missing, settles an undecided
 * Allow as not applying (missing), agrees with a level that allows nowhere (✘ stays), and makes a layer read to allow,
 * or none applying, unknown. With the key not known, a layer read (neither denied, nor with a Deny that may apply
 * beside an explicit message) is decided by the message alone, as if not read. Where two legs need the action (a copy's
 * kms:Decrypt on the source and the destination key), the message named one resource: where the evidence keeps it and it
 * is the resource of one leg alone, that leg is decided as the only one and the other keeps its own evaluation
 * (evidence-legs.ts); otherwise both stay (or become) unknown, or keep ✘, and say so. A message whose resource is clearly
 * none of those this request needs the action on never gets here: diagnose() sets it aside (evidenceOfThisRequest).
 */
export const applyEvidence = (
	snapshot: Snapshot,
	spec: ActionSpec,
	specs: readonly ActionSpec[],
	evaluation: Evaluation,
	accounts: EvidenceAccounts = {},
	arnOf: PolicyArnOf = () => undefined,
): EvidenceApplied => {
	for (const evidence of snapshot.evidence ?? []) {
		// A VPC endpoint policy has no layer: its finding says what the message does (evidence-endpoint.ts).
		if (evidence.action !== spec.action || !isLayerEvidence(evidence)) continue;
		const implicit = isImplicit(evidence);
		const index = evaluation.layers.findIndex(layer => layer.layer === evidence.deniedBy);
		const layer = index === -1 ? undefined : evaluation.layers[index]!;
		// Where two legs need the action, the resource the message names tells which, if it does: the other keeps its own.
		const which = legOfEvidence(evidence, spec, specs);
		if (which.leg === 'another') continue;
		const onWhich = which.leg === 'unknown' ? which.onWhich : undefined;
		const kind = kindOf(evidence);
		// The message's type as given where it was pasted into a read snapshot (a boundary, a session policy).
		const read = readWord(snapshot, evidence);
		const ofCaller = evidence.deniedBy !== 'rcp' && evidence.deniedBy !== 'resource';
		const account = ofCaller ? accounts.caller : accounts.resource;
		const entity = principalEntity(snapshot);
		// A boundary is the caller's role's or user's own, a session policy the session's: not its account's.
		const whose =
			evidence.deniedBy === 'boundary'
				? entity
				: evidence.deniedBy === 'session'
					? (snapshot.principal?.arn ?? 'the caller')
					: `${ofCaller ? "the caller's account" : "the resource's account"}${account ? ` ${account}` : ''}`;
		// An SCP or RCP: the organization's reads, at every level. The caller's or the resource's own policy: the read the
		// engine names where it was not read (which finds it), the same policy read again as it is now where it was.
		const settles = isGuardrail(evidence) ? settlingRead(evidence, account) : (layer?.resolveWith ?? settlingRead(evidence, account, spec.resource, entity));
		const everyLevel = isGuardrail(evidence) ? ' at every level' : '';
		const copied = (
			status: LayerVerdict['status'],
			deny: LayerVerdict['deny'],
			decidedBy: LayerVerdict['decidedBy'],
			why: string,
			resolveWith = layer?.resolveWith,
			allow: LayerVerdict['allow'] = layer?.allow ?? 'unknown',
		): LayerVerdict => ({
			layer: evidence.deniedBy,
			status,
			deny,
			allow,
			decidedBy,
			why,
			policies: layer?.policies ?? [],
			...(resolveWith === undefined ? {} : {resolveWith}),
			...(layer?.alternative ? {alternative: true} : {}),
		});
		if (layer?.status === 'unknown' && layer.decidedBy.length === 0) {
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
			return {evaluation: applied, evidence, source: either ? eitherWaySource : evidenceSource(evidence), ...(implicit || either || !isGuardrail(evidence) ? {resolveWith: settles} : {})};
		}
		const mayDeny = layer && layer.status !== 'denied' ? mayDenyOf(layer) : [];
		if (!implicit && layer && mayDeny.length > 0) {
			// AWS's word that this type of policy explicitly denied settles a Deny of that type read as "may deny".
			const reasons = mayDeny.map(trace => `${where(trace)} may deny it: ${trace.reason}`).join('; ');
			if (onWhich !== undefined) {
				const why = `${layer.why} ${capitalised(evidenceWords(evidence))} ${onWhich}.`;
				return {evaluation: withLayer(evaluation, copied(layer.status, layer.deny, layer.decidedBy, why), index, evaluation.decision, evaluation.summary)};
			}
			// A statement of another policy than the one the message names is not the one that denied.
			const likely = [...new Set(mayDeny.filter(trace => !evidence.policyArn || (arnOf(trace) ?? evidence.policyArn) === evidence.policyArn).map(where))];
			const besides = layer.status === 'missing' ? ` Besides, ${lowerFirst(layer.why)}` : '';
			const why =
				likely.length > 0
					? `${capitalised(evidenceWords(evidence))}. Of the ${kind.all} ${read}, ${reasons}. The message settles that ${kind.one} did deny it, so likely ${likely.join(' or ')} did.${besides}`
					: `${capitalised(evidenceWords(evidence))}. Of the ${kind.all} ${read}, ${reasons}. None of them is of the policy the message names, so the statement that denied was not ${read}.${besides}`;
			const applied = withLayer(evaluation, copied('denied', 'yes', [], why, undefined), index, 'denied', why);
			return likely.length > 0 ? {evaluation: applied, evidence, likely, source: evidenceSource(evidence, likely, read)} : {evaluation: applied, evidence, source: evidenceSource(evidence)};
		}
		const unsettled = implicit ? denyNotSettled(mayDeny, evidence, read) : '';
		if (spec.unknownKey && layer && layer.status !== 'denied' && layer.status !== 'not-applicable') {
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
			return {evaluation: withLayer(evaluation, changed, index, 'denied', why), evidence, source: keyNotKnownSource(evidence, read), ...(implicit || eitherWay || !isGuardrail(evidence) ? {resolveWith: settles} : {})};
		}
		// A level read to allow the action nowhere (✘) is what AWS's "no … allows" says, and what an SCP's message naming no
		// policy may say (scpWording); one that names a policy points at a Deny in it (below).
		if (layer?.status === 'missing' && (implicit || scpWordedAlike(evidence))) {
			const why = `${layer.why} ${capitalised(evidenceWords(evidence))}${onWhich !== undefined ? ` ${onWhich}` : ''}, which agrees with what was ${read}${implicit ? '' : `: ${scpWording}`}.${unsettled}`;
			return {evaluation: withLayer(evaluation, copied(layer.status, layer.deny, layer.decidedBy, why), index, evaluation.decision, evaluation.summary)};
		}
		if (implicit && layer?.status === 'unknown' && layer.allow !== 'yes') {
			// An Allow read that is not surely there: AWS's "no … allows" agrees with it.
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
			return {evaluation: applied, evidence, ...(likely.length > 0 ? {likely} : {}), source: evidenceSource(evidence, likely, read), resolveWith: settles};
		}
		const noneApplies = layer === undefined && noneRead(snapshot, evidence) && spec.actor.kind !== 'service';
		// An implicit deny's message contradicts only an Allow read at every level (with a Deny that may deny beside it, or
		// not) or none applying: the rest it agrees with (above), and a Deny read that applies denies in any case.
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
		if (holds === undefined) continue;
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
		// An SCP message beside an undecided Allow, or beside a level allowing nowhere (one naming no policy agrees, above): as
		// AWS words an SCP's implicit deny as explicit, what was read may explain it as well as a Deny not read; the reads settle it.
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
		const resolveWith = settlingRead(evidence, account, spec.resource, entity);
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
	}
	return {evaluation};
};
