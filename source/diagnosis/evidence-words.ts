import type {Evaluation, StatementTrace} from '../engine/evaluation.js';
import {where} from '../engine/layer-words.js';
import {isPastedBoundary} from '../snapshot/pasted-boundary.js';
import type {DenialEvidence} from '../snapshot/provenance.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {Place} from './diagnosis.js';
import {isNamed} from './policy-inputs.js';
import {placeOfLayer} from './requirements.js';

/**
 * How the diagnosis words a pasted AccessDenied message's evidence (evidence.ts applies it): what the message says, what
 * a row it decides names as its source, what was read that it contradicts, and the reads that settle it. The message
 * names one policy type: an SCP or RCP (the organization's guardrails), an identity-based policy (the caller's), a
 * resource-based policy (the bucket policy for an s3: action, the key policy for a kms: one), or the caller's permissions
 * boundary or session policy (one policy each, so `single`: its words say "it", not "they").
 */

export type EvidenceKind = {readonly one: string; readonly all: string; readonly noun: string; readonly single?: true};

/** The verb (or pronoun) that agrees with `all`: "allow" for the policies, "allows" for the one boundary. */
export const agreeing = (kind: EvidenceKind, plural: string, singular: string): string => (kind.single ? singular : plural);

/** SCPs and RCPs: the organization's, at levels (root, OUs, the account), read only from its management account. */
export const isGuardrail = (evidence: DenialEvidence): evidence is DenialEvidence & {readonly deniedBy: 'scp' | 'rcp'} =>
	evidence.deniedBy === 'scp' || evidence.deniedBy === 'rcp';

/** The policy AWS means by "a resource-based policy" for this action: S3's bucket policy, KMS's key policy. */
export const resourcePolicyOf = (action: string): string => (action.toLowerCase().startsWith('kms:') ? 'key policy' : 'bucket policy');

/** A message naming a type the diagnosis has a layer for: every type but a VPC endpoint policy (evidence-endpoint.ts). */
export type LayerEvidence = DenialEvidence & {readonly deniedBy: Exclude<DenialEvidence['deniedBy'], 'vpc-endpoint'>};

export const isLayerEvidence = (evidence: DenialEvidence): evidence is LayerEvidence => evidence.deniedBy !== 'vpc-endpoint';

/**
 * The rows the message speaks of: its type's place for its action (a resource-based policy: the bucket's or the key's);
 * none for a VPC endpoint policy, which no row shows.
 */
export const placeOfEvidence = (evidence: DenialEvidence): Place | undefined =>
	isLayerEvidence(evidence) ? placeOfLayer(evidence.deniedBy, evidence.action.toLowerCase().startsWith('kms:') ? 'kms' : 's3') : undefined;

/** The words for the type the message names, as AWS names it ("identity-based policy"), the resource's policy named too. */
export const kindOf = (evidence: DenialEvidence): EvidenceKind & {readonly filter?: string} => {
	switch (evidence.deniedBy) {
		case 'scp':
			return {one: 'a service control policy', all: 'service control policies', noun: 'service control policy', filter: 'SERVICE_CONTROL_POLICY'};
		case 'rcp':
			return {one: 'a resource control policy', all: 'resource control policies', noun: 'resource control policy', filter: 'RESOURCE_CONTROL_POLICY'};
		case 'identity':
			return {one: 'an identity-based policy', all: "caller's identity-based policies", noun: 'identity-based policy'};
		case 'resource':
			return {one: `a resource-based policy (the ${resourcePolicyOf(evidence.action)})`, all: `resource-based policies (the ${resourcePolicyOf(evidence.action)})`, noun: 'resource-based policy'};
		case 'boundary':
			return {one: 'a permissions boundary', all: "caller's permissions boundary", noun: 'permissions boundary', single: true};
		case 'session':
			return {one: 'a session policy', all: 'session policy', noun: 'session policy', single: true};
		case 'vpc-endpoint':
			return {one: 'a VPC endpoint policy', all: 'VPC endpoint policy', noun: 'VPC endpoint policy', single: true};
	}
};

/** The message said no policy of the type allows the action; absent `deny` is explicit, what snapshots before it meant. */
export const isImplicit = (evidence: DenialEvidence): boolean => evidence.deny === 'implicit';

/**
 * "the pasted AccessDenied message says no service control policy allows s3:PutObject" for an implicit deny (no policy
 * denied, so none is named); for an SCP's explicit-deny message, AWS's own words quoted, not taken for a Deny (AWS says
 * them of an SCP's implicit deny too, scpWording): "the pasted AccessDenied message says s3:PutObject was denied "with an
 * explicit deny in a service control policy" (arn:…)"; for an RCP's, "… says a resource control policy (arn:…)
 * explicitly denied s3:PutObject".
 */
export const evidenceWords = (evidence: DenialEvidence): string => {
	const kind = kindOf(evidence);
	const named = evidence.policyArn ? ` (${evidence.policyArn})` : '';
	if (isImplicit(evidence)) return `the pasted AccessDenied message says no ${kind.noun} allows ${evidence.action}`;
	return scpEitherWay(evidence)
		? `the pasted AccessDenied message says ${evidence.action} was denied "with an explicit deny in a ${kind.noun}"${named}`
		: `the pasted AccessDenied message says ${kind.one}${named} explicitly denied ${evidence.action}`;
};

/**
 * What a row decided by the message shows as deciding it: no statement was read, or those read that may deny it (may
 * allow it, for an implicit deny) are the likely ones.
 */
export const evidenceSource = (evidence: DenialEvidence, likely: readonly string[] = [], read = 'read'): string => {
	const kind = kindOf(evidence);
	if (isImplicit(evidence)) {
		return likely.length > 0
			? `the pasted AccessDenied message (likely ${likely.join(' or ')} did not apply, which may allow it as ${read})`
			: `the pasted AccessDenied message (no ${kind.noun} allows it, ${agreeing(kind, 'their', 'its')} text not read)`;
	}
	return likely.length > 0 ? `the pasted AccessDenied message (likely ${likely.join(' or ')}, which may deny it as ${read})` : `the pasted AccessDenied message (${kind.one}, its text not read)`;
};

/**
 * The key S3 used not known: the policies read were evaluated for no key at all, so only the message speaks of it.
 * "Which KMS key S3 uses is not known, so what the service control policies read say of kms:Decrypt on it cannot be told; …"
 */
export const keyNotKnownWords = (evidence: DenialEvidence, action: string, read: string): string =>
	`Which KMS key S3 uses is not known, so what the ${kindOf(evidence).all} ${read} ${agreeing(kindOf(evidence), 'say', 'says')} of ${action} on it cannot be told; the message is AWS's word on the key it used.`;

/** What a row the message decided shows as deciding it, beside policies read while the key S3 used is not known. */
export const keyNotKnownSource = (evidence: DenialEvidence, read: string): string => {
	const kind = kindOf(evidence);
	const said = isImplicit(evidence) ? `no ${kind.noun} allows it` : scpEitherWay(evidence) ? `${kind.one} denies it, by a Deny or by no Allow` : kind.one;
	return `the pasted AccessDenied message (${said}; with the key not known, the ${kind.all} ${read} cannot tell ${isImplicit(evidence) ? 'at which level' : 'which'})`;
};

export const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
export const lowerFirst = (text: string): string => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

/**
 * "read" for what collection read, "given" for what the wizard's user pasted or answered. Of the type a message names, in
 * a snapshot otherwise read: a session policy held was given (AWS cannot show one), and so was a boundary pasted.
 */
export const readWord = (snapshot: Snapshot, evidence?: DenialEvidence): string =>
	snapshot.metadata?.collectedBy === 'manual' || (evidence !== undefined && givenOfType(snapshot, evidence)) ? 'given' : 'read';

const givenOfType = (snapshot: Snapshot, evidence: DenialEvidence): boolean => {
	const principal = snapshot.principal;
	if (evidence.deniedBy === 'session') return principal?.sessionPolicy !== undefined && principal.sessionPolicy !== null;
	return evidence.deniedBy === 'boundary' && isPastedBoundary(principal?.permissionsBoundary);
};

/**
 * What was read that the message contradicts: they allow the action, none applies, a level allows it nowhere (an
 * implicit deny, not the explicit one AWS reports), or an Allow is undecided, and no Deny that may apply to it in any case.
 */
export type ReadHolds = 'allow' | 'none' | 'implicit-deny' | 'undecided';

/**
 * What the snapshot holds that the message contradicts, as a clause: "the service control policies read allow it";
 * none applying, "as read, no service control policy applies"; a level allowing nowhere, "… deny it only implicitly …";
 * an Allow undecided, "no statement of the service control policies read may deny it".
 */
export const contradictedWords = (snapshot: Snapshot, evidence: DenialEvidence, holds: ReadHolds): string => {
	const kind = kindOf(evidence);
	const read = readWord(snapshot);
	switch (holds) {
		case 'none':
			return `as ${read}, no ${kind.noun} applies`;
		case 'allow':
			return `the ${kind.all} ${read} ${agreeing(kind, 'allow', 'allows')} it`;
		case 'implicit-deny':
			return `the ${kind.all} ${read} ${agreeing(kind, 'deny', 'denies')} it only implicitly (a level allows it nowhere, no Deny applies)`;
		case 'undecided':
			return `no statement of the ${kind.all} ${read} may deny it`;
	}
};

/**
 * What the headline says of a denial by a pasted message that what was read contradicts: AWS decided it, so the
 * request is denied; SCPs and RCPs say it through their finding (guardrail-findings.ts), the other types here.
 */
export const deniedAgainstReadWords = (snapshot: Snapshot, evidence: DenialEvidence, holds: ReadHolds): string | undefined =>
	isGuardrail(evidence) ? undefined : `${evidenceWords(evidence)}, yet ${contradictedWords(snapshot, evidence, holds)}`;

/**
 * IAM User Guide, "Troubleshooting access denied error messages" (github.com/awsdocs/iam-user-guide): "When an SCP denies
 * access, the error message always includes the phrase due to an explicit deny in a Service Control Policy, even if the
 * denial is implicit."
 */
export const scpWording =
	'AWS words the denial of a service control policy as an explicit deny even when it is implicit, no SCP allowing the action (IAM User Guide, "Troubleshooting access denied error messages")';

/**
 * An SCP's explicit-deny message: by scpWording it tells that an SCP denied, not whether by a Deny or by no Allow. AWS
 * documents no exception for a message that names a policy ARN (its note says "always"), so a named one is no different.
 */
export const scpEitherWay = (evidence: DenialEvidence): boolean => evidence.deniedBy === 'scp' && !isImplicit(evidence);

/**
 * An SCP's explicit-deny message that names no policy: beside SCPs read, it may as well be an implicit deny (scpWording),
 * and beside a level read that allows the action nowhere it agrees with them. One that names a policy may be that too, or
 * point at a Deny in that policy, which AWS's pages neither state nor rule out: the rows say either (namedPolicyDeny).
 */
export const scpWordedAlike = (evidence: DenialEvidence): boolean => scpEitherWay(evidence) && !evidence.policyArn;

/**
 * Beside SCPs read that deny the action only implicitly, or hold only an undecided Allow for it, an SCP message naming a
 * policy may report that (scpWording: AWS's pages do not say whether such a message names a policy) or a Deny in the
 * policy it names: that policy, where it was read with no Deny that applies here, changed since; where it was not read,
 * it holds one. Which, describe-policy on it tells (settlingRead).
 */
export const namedPolicyWording = 'and does not say whether such a message names a policy';

export const namedPolicyDeny = (snapshot: Snapshot, evidence: DenialEvidence): string => {
	const read = readWord(snapshot);
	const levels = evidence.deniedBy === 'scp' ? snapshot.organization?.serviceControlPolicies : snapshot.organization?.resourceControlPolicies;
	const wasRead = evidence.policyArn !== undefined && (levels ?? []).some(level => level.some(entry => isNamed(entry) && entry.arn === evidence.policyArn));
	return wasRead
		? `the policy it names, ${read} with no Deny that applies here, changed since it was ${read}`
		: `the policy it names, not ${read}, holds a Deny for ${evidence.action} (attached at the root or an OU not ${read}, attached since, or another account's)`;
};

/** What an SCP row decided by such a message, the SCPs not read, shows as deciding it: an SCP denies, which way not known. */
export const eitherWaySource = 'the pasted AccessDenied message (a service control policy denies it, by a Deny or by no Allow; their text not read)';

/** Where the message's type was not read, what is not known: a session policy cannot be read from AWS at all. */
export const notReadWords = (evidence: DenialEvidence, what: string): string => {
	const kind = kindOf(evidence);
	if (evidence.deniedBy === 'session') return `The session policy cannot be read from AWS (it is passed when the session is created), so ${what} is not known.`;
	return `The ${kind.all} ${agreeing(kind, 'themselves were', 'itself was')} not read, so ${what} is not known.`;
};

/**
 * An implicit deny's message beside read Denies that may deny: it says no Allow of the type applied, and it does not
 * settle those Denies either way, so the row names them as still undecided. Not "denied" (AWS named no Deny), and not
 * "did not apply" either: AWS evaluates Denies first, so one that applied would most likely have been reported as an
 * explicit deny, but AWS's own guide has said that an SCP's denial was worded as explicit even when it was implicit
 * (an earlier IAM User Guide, "Troubleshooting access denied error messages", github.com/awsdocs/iam-user-guide: "When
 * an SCP denies access, the error message always includes the phrase due to an explicit deny in a Service Control
 * Policy, even if the denial is implicit"), so the wording of the two is not relied on to rule a Deny out. The row's
 * mark does not hang on it: ✘ or ? either way.
 */
export const denyNotSettled = (mayDeny: readonly StatementTrace[], evidence: DenialEvidence, read: string): string =>
	mayDeny.length === 0
		? ''
		: ` Of the ${kindOf(evidence).all} ${read}, ${mayDeny.map(trace => `${where(trace)} may deny it: ${trace.reason}`).join('; ')}. The message speaks of the Allows only, so whether ${mayDeny.length > 1 ? 'those Denies' : 'that Deny'} applied, it does not settle.`;

/**
 * What AWS applied, not what was read, for the caller's own identity-based policies or the resource's policy: one changed
 * since it was read, or one not read. For a KMS key whose key policy was not read, an identity-based Allow counts only if
 * the key policy lets IAM policies count ("Without permission from the key policy, IAM policies that allow permissions
 * have no effect", AWS KMS Developer Guide, "Key policies in AWS KMS"); which message KMS returns then, AWS does not
 * document, so it is named as a possibility, never as the cause.
 */
export const ownPolicyCause = (evidence: DenialEvidence, evaluation: Evaluation, read: string, implicit: boolean, none: boolean): string => {
	// A session policy is fixed when the session is created: what was given is not the one that session carries.
	if (evidence.deniedBy === 'session') return none ? 'a session policy passed when the session was created, which AWS cannot read back' : `the session created with another session policy than the one ${read}`;
	if (evidence.deniedBy === 'boundary' && none) return `a permissions boundary set since it was ${read}`;
	const changed = implicit ? 'an Allow removed or changed since it was ' + read : 'a Deny added or changed since it was ' + read;
	if (evidence.deniedBy === 'resource') return changed;
	if (evidence.deniedBy === 'boundary') return `${changed}, or another policy set as the boundary since`;
	const keyPolicy = evaluation.layers.find(layer => layer.layer === 'resource');
	const delegation =
		implicit && evidence.action.toLowerCase().startsWith('kms:') && keyPolicy?.status === 'unknown' && keyPolicy.decidedBy.length === 0
			? `, or the key policy, not ${read}, not letting identity-based policies count (an Allow in them has no effect without it; which message KMS returns then, AWS does not document)`
			: '';
	return `${changed}, or one not ${read} (an identity-based policy attached since, or a group's)${delegation}`;
};
