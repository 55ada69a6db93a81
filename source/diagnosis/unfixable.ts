import type {Finding, Fix, Requirement} from './diagnosis.js';
import {placeWords} from './place-words.js';
import {requirementId} from './requirement-id.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {isAwsManagedPolicyArn} from '../names/index.js';
import {iamEntityOf} from './fixes/context.js';
import {inlineOwnerOf} from './fixes/inline-owner.js';

/**
 * Every ✘ or ⛔ row gets a fix, or a sentence saying why no policy change can fix it. Guardrails that deny
 * have their own finding (blocked-by-*); the rest are named here, one finding per reason.
 */

const guardrailFindings = new Set(['blocked-by-scp', 'blocked-by-rcp', 'blocked-by-permissions-boundary', 'blocked-by-session-policy', 'denied-by-scp-per-error', 'denied-by-rcp-per-error']);

const isAwsManaged = (snapshot: Snapshot, keyArn: string): boolean =>
	[snapshot.key, snapshot.source?.keyInfo].some(key => key?.arn === keyArn && key.keyManager === 'AWS');

/** The AWS managed policy (by ARN) whose statement decided a denied identity-policy row, if one did. */
const awsManagedDenying = (snapshot: Snapshot, row: Requirement): string | undefined =>
	snapshot.principal?.identityPolicies?.find(named => isAwsManagedPolicyArn(named.arn) && row.decidedBy?.includes(`"${named.name}"`) === true)?.arn;

/** The inline policy (no ARN) whose statement decided a denied identity-policy row, where its name does not say whose it is. */
const unownedDenying = (snapshot: Snapshot, row: Requirement): string | undefined => {
	const caller = iamEntityOf(snapshot);
	if (!caller) return undefined;
	return snapshot.principal?.identityPolicies?.find(named => named.arn === undefined && row.decidedBy?.includes(`"${named.name}"`) === true && !inlineOwnerOf(named, caller))?.name;
};

const reasonFor = (snapshot: Snapshot, row: Requirement): string => {
	if (row.place === 'key-policy' && isAwsManaged(snapshot, row.resource)) {
		return `the key ${row.resource} is an AWS managed key: its key policy cannot be changed, so only re-encrypting the object with a customer managed key (and granting that key) helps`;
	}
	if (row.place === 'session-policy') return 'a session policy is passed by whoever assumes the role: assume it again with one that allows it, or with none';
	if (row.place === 'scp' || row.place === 'rcp') return "only the organization's management account or a delegated administrator can change it";
	const managed = row.place === 'identity-policy' && row.status === 'denied' ? awsManagedDenying(snapshot, row) : undefined;
	if (managed) {
		return `the Deny is in the AWS managed policy ${managed}, which only AWS can change: detach it from the caller (aws iam detach-role-policy or detach-user-policy) if it is not meant to apply`;
	}
	const unowned = row.place === 'identity-policy' && row.status === 'denied' ? unownedDenying(snapshot, row) : undefined;
	if (unowned !== undefined) {
		// Pasted in the wizard: the whole get-role-policy (get-user-policy) output names it, and the fix then writes it.
		const paste = snapshot.metadata?.collectedBy === 'manual' ? ', or paste it again as all that aws iam get-role-policy (get-user-policy) prints, which names it' : '';
		return `the Deny is in the identity policy "${unowned}", and the snapshot does not say which IAM policy that is (whose inline policy, and its name in IAM), so no command can write it: narrow that statement where the policy is, read the principal's policies with a profile or the collection script${paste}`;
	}
	const caller = iamEntityOf(snapshot);
	if (caller && caller.arn === undefined && row.status === 'missing' && (row.place === 'bucket-policy' || row.place === 'key-policy' || row.place === 'key-grant')) {
		return `its statement would name the caller's role in a Principal by the role's ARN, path included, which the session's ARN leaves out: iam:GetRole on role ${caller.name} (or principal.roleArn in the snapshot) gives it`;
	}
	if (row.status === 'denied') return 'the Deny could not be rewritten (its policy is not in the snapshot as a document a fix can write)';
	return "no least-privilege change was found that the snapshot can prove (the policy to change, or the caller's IAM entity, is not known)";
};

export const unfixableFindings = (snapshot: Snapshot, requirements: readonly Requirement[], fixes: readonly Fix[], findings: readonly Finding[]): Finding[] => {
	const fixed = new Set(fixes.flatMap(fix => fix.resolves));
	const explained = new Set(findings.filter(finding => guardrailFindings.has(finding.id)).length > 0 ? ['scp', 'rcp', 'permissions-boundary', 'session-policy'] : []);
	const byReason = new Map<string, Requirement[]>();
	for (const row of requirements) {
		if ((row.status !== 'missing' && row.status !== 'denied') || row.alternative || fixed.has(requirementId(row))) continue;
		if (row.status === 'denied' && explained.has(row.place)) continue;
		// An SCP or RCP row ✘ that names what decided it was decided by a pasted message (no policy of the type allows the
		// action): its finding says who can change that.
		if (row.status === 'missing' && (row.place === 'scp' || row.place === 'rcp') && row.decidedBy !== undefined && explained.has(row.place)) continue;
		const reason = reasonFor(snapshot, row);
		byReason.set(reason, [...(byReason.get(reason) ?? []), row]);
	}
	return [...byReason.entries()].map(([reason, rows]) => ({
		id: 'no-policy-fix',
		severity: 'info',
		message: `No policy change fixes ${[...new Set(rows.map(row => `${row.action} in the ${placeWords[row.place]}`))].join(', ')}: ${reason}.`,
	}));
};
