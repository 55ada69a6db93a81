import {parseCaller} from '../../engine/principal.js';
import {capitalised, evidenceWords} from '../../diagnosis/evidence-words.js';
import type {DenialEvidence} from '../../snapshot/provenance.js';
import type {PolicyJson, PrincipalInfo, Snapshot} from '../../snapshot/snapshot.js';
import {pastedBoundary} from '../../snapshot/pasted-boundary.js';
import {ask} from './flow-steps.js';
import type {Flow, FlowEnv} from './flow-types.js';
import * as questions from './manual-questions.js';
import {pastedDocument, type PasteHints} from './paste-answers.js';

/**
 * The permissions boundary or session policy a pasted AccessDenied message names as what denied: the one policy that
 * decides the row and against which a fix is proven. Asked only where nothing read or given holds it (a boundary read
 * live is never asked); a session policy cannot be read from AWS at all, so it is only ever pasted.
 */

export type DeniedBy = {readonly kind: questions.DeniedGuardrail; readonly evidence: DenialEvidence};

/** Only IAM users and roles have a boundary; only a role session can carry a session policy (policy-inputs.ts counts no other's). */
export const callerCanHold = (kind: questions.DeniedGuardrail, arn: string): boolean => {
	const caller = parseCaller(arn).kind;
	return kind === 'session' ? caller === 'session' : caller === 'user' || caller === 'role' || caller === 'session';
};

/** The boundary or session policy the message names, when the caller can have it and it was neither read nor given. */
export const deniedByOf = (evidence: readonly DenialEvidence[], principal: Pick<PrincipalInfo, 'arn' | 'permissionsBoundary' | 'sessionPolicy'>): DeniedBy | undefined => {
	for (const each of evidence) {
		const kind = each.deniedBy === 'boundary' || each.deniedBy === 'session' ? each.deniedBy : undefined;
		if (!kind || !callerCanHold(kind, principal.arn)) continue;
		if ((kind === 'boundary' ? principal.permissionsBoundary : principal.sessionPolicy) === undefined) return {kind, evidence: each};
	}
	return undefined;
};

/**
 * Offered to paste, with the same paste question (checks, bound, error lines) as every policy; `undefined`: skipped.
 * `boundaryArn`: the boundary a live read named but could not get the document of, named in the prompt.
 */
export function* deniedPolicyFlow(env: FlowEnv, hints: PasteHints, denied: DeniedBy, principalArn: string, boundaryArn?: string): Flow<PolicyJson | undefined> {
	const id = denied.kind === 'boundary' ? 'boundary-policy' : 'session-policy';
	// The message's words quote a pasted text (a CloudTrail event's name, say): the prompt's view makes them visible.
	const said = capitalised(evidenceWords(denied.evidence));
	const how = questions.deniedPolicyHowQuestion(denied.kind, said, denied.kind === 'boundary' ? boundaryArn : undefined);
	if ((yield* ask({...how, about: principalArn})) !== 'paste') return undefined;
	const {kind, help} = hints(id);
	const text = yield* ask({...questions.policyPasteQuestion(env, id, how.title, `Paste the ${how.title.toLowerCase()} (JSON, or what the command prints).`, kind, help), about: principalArn});
	return pastedDocument(text);
}

/**
 * A read snapshot with the pasted policy in its place: given, no longer unread. A boundary whose ARN the reads found is
 * that policy, pasted: a fix names it. One they found no ARN of, iam:GetRole or iam:GetUser itself could not read, and
 * its note says the role's or user's tags are unknown too: the paste settles the boundary only, so that note stays, the
 * tags' (their conditions stay undecided).
 */
export const withDeniedPolicy = (snapshot: Snapshot, kind: questions.DeniedGuardrail, document: PolicyJson): Snapshot => {
	const path = kind === 'boundary' ? 'principal.permissionsBoundary' : 'principal.sessionPolicy';
	const {permissionsBoundaryArn, ...principal} = snapshot.principal!;
	const tagsUnread = kind === 'boundary' && permissionsBoundaryArn === undefined && principal.tags === undefined;
	const unread = snapshot.unread?.flatMap(note => (note.path !== path ? [note] : tagsUnread ? [{...note, path: 'principal.tags'}] : []));
	return {
		...snapshot,
		principal:
			kind === 'boundary'
				? {...principal, permissionsBoundary: pastedBoundary(document, permissionsBoundaryArn)}
				: {...principal, ...(permissionsBoundaryArn === undefined ? {} : {permissionsBoundaryArn}), sessionPolicy: document},
		...(unread === undefined ? {} : {unread}),
	};
};
