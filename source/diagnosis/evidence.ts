import type {Evaluation, LayerVerdict} from '../engine/evaluation.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {ActionSpec} from './required-actions.js';
import {againstRead} from './evidence-against-read.js';
import {mayDenyOf, type CopiedLayer, type EvidenceAccounts, type EvidenceApplied, type EvidenceCase, type PolicyArnOf} from './evidence-layer.js';
import {legOfEvidence} from './evidence-legs.js';
import {agreeingWithRead, settlingReadAllow, settlingReadDeny} from './evidence-settles.js';
import {whereKeyNotKnown, whereNotRead} from './evidence-unread.js';
import {principalEntity} from './policy-inputs.js';
import {denyNotSettled, isGuardrail, isImplicit, isLayerEvidence, kindOf, readWord} from './evidence-words.js';
import {settlingRead} from './evidence-reads.js';

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
 * none of those this request needs the action on never gets here: diagnose() sets it aside (evidenceOfThisRequest). Each
 * kind of evidence has its module: evidence-unread.ts, evidence-settles.ts, evidence-against-read.ts.
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
		const copied: CopiedLayer = (status, deny, decidedBy, why, resolveWith = layer?.resolveWith, allow = layer?.allow ?? 'unknown'): LayerVerdict => ({
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
		const mayDeny = layer && layer.status !== 'denied' ? mayDenyOf(layer) : [];
		const denial: EvidenceCase = {
			snapshot,
			spec,
			evaluation,
			evidence,
			implicit,
			index,
			layer,
			onWhich: which.leg === 'unknown' ? which.onWhich : undefined,
			kind: kindOf(evidence),
			read,
			account,
			entity,
			whose,
			// An SCP or RCP: the organization's reads, at every level. The caller's or the resource's own policy: the read the
			// engine names where it was not read (which finds it), the same policy read again as it is now where it was.
			settles: isGuardrail(evidence) ? settlingRead(snapshot, evidence, account) : (layer?.resolveWith ?? settlingRead(snapshot, evidence, account, spec.resource, entity)),
			everyLevel: isGuardrail(evidence) ? ' at every level' : '',
			mayDeny,
			unsettled: implicit ? denyNotSettled(mayDeny, evidence, read) : '',
			arnOf,
			copied,
		};
		// In this order: a layer not read, a read Deny an explicit message settles, the key not known, a level that agrees,
		// a read Allow an implicit message settles, and what was read contradicting the message; none of them: the next.
		const applied = whereNotRead(denial) ?? settlingReadDeny(denial) ?? whereKeyNotKnown(denial) ?? agreeingWithRead(denial) ?? settlingReadAllow(denial) ?? againstRead(denial);
		if (applied) return applied;
	}
	return {evaluation};
};
