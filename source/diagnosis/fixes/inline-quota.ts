import {inlinePoliciesQuota, policySize} from '../../snapshot/policy-limits.js';
import {commandInAccount} from '../../snapshot/profiles.js';
import type {NamedPolicy, Snapshot} from '../../snapshot/snapshot.js';
import {groupBy, iamEntityOf} from './context.js';
import type {Draft, IamEntity} from './draft.js';
import {inlineOwnerOf, type InlineOwner} from './inline-owner.js';

/**
 * IAM counts a user's (or role's, or group's) inline policies together against one quota: a fix that adds or edits one can
 * fit alone and still be refused. Only policies the snapshot surely tells to be the entity's own inline ones count
 * towards a refusal; where others may be too, or the list was not read, whether it fits is said to be unknown.
 */

export type InlineQuota = {readonly refused: string} | {readonly unknown: string} | undefined;

const number = (value: number): string => value.toLocaleString('en-US');

/**
 * Whether the snapshot tells the entity's own inline policies apart: a role has no groups, and live and bundle reads
 * name a group's inline policies "group Admins: …" or "group Admins/…", which AWS's inline policy names cannot be
 * (they hold neither white space nor "/"). A pasted policy carries no ARN, whatever it is: nothing is told apart.
 */
const tellsOwnApart = (snapshot: Snapshot, kind: InlineOwner['kind']): boolean => {
	const collectedBy = snapshot.metadata?.collectedBy;
	return collectedBy !== 'manual' && (kind === 'role' || collectedBy === 'live' || collectedBy === 'bundle');
};

const isOwnInline = (entry: NamedPolicy, kind: 'user' | 'role'): boolean => entry.arn === undefined && (kind === 'role' || !/[\s/]/.test(entry.name));

/** Whether `entry` is one of `owner`'s inline policies: a group's are those listed under its name. */
const isInlineOf = (entry: NamedPolicy, owner: InlineOwner, entity: IamEntity): boolean => {
	if (owner.kind !== 'group') return isOwnInline(entry, owner.kind);
	const listed = inlineOwnerOf(entry, entity);
	return listed?.kind === 'group' && listed.name === owner.name;
};

// Where they are not told apart, any policy without an ARN (any pasted one) may be one of them.
const mayBeOwnInline = (snapshot: Snapshot, entry: NamedPolicy): boolean => entry.arn === undefined || snapshot.metadata?.collectedBy === 'manual';

const sizeOf = (entries: readonly NamedPolicy[]): number => entries.reduce((total, entry) => total + policySize(entry.document, 'IAM inline policy'), 0);

/** The inline policy a draft writes, as the applied snapshot lists it, and whose it is; `undefined`: it writes none. */
type InlineWrite = {readonly written: NamedPolicy; readonly at: number; readonly owner: InlineOwner; readonly listed: readonly NamedPolicy[]; readonly entity: IamEntity};

const inlineWriteOf = (draft: Pick<Draft, 'ref' | 'policyName'>, before: Snapshot, applied: Snapshot): InlineWrite | undefined => {
	const entity = iamEntityOf(before);
	if (!entity) return undefined;
	const listed = applied.principal?.identityPolicies ?? [];
	// A rewrite names the policy as IAM does ("Guardrail" for "group Admins: Guardrail"): its ref finds it.
	const atRef = draft.ref?.place === 'identity-policy' ? draft.ref.index : -1;
	const atEntry = listed[atRef];
	const rewritten = atEntry !== undefined && (atEntry.arn === undefined ? inlineOwnerOf(atEntry, entity)?.policyName : atEntry.name) === draft.policyName;
	// A policy drafted in a later round has its index among the earlier rounds' too: applied alone, it is found by name.
	const at = atRef === -1 ? -1 : rewritten ? atRef : listed.findIndex(entry => entry.name === draft.policyName && entry.arn === undefined);
	const written = listed[at];
	if (!written || written.arn !== undefined) return undefined;
	// The quota is its owner's: a group's inline policy counts with that group's others, not with the user's.
	const owner = inlineOwnerOf(written, entity) ?? {kind: entity.kind, name: entity.name, policyName: written.name};
	return {written, at, owner, listed, entity};
};

const quotaWords = (kind: InlineOwner['kind']): string =>
	`the ${number(inlinePoliciesQuota[kind])} characters AWS allows for all of a ${kind}'s inline policies together (IAM quotas; white space not counted)`;

/** Whether the inline policy the draft writes, with the entity's others, fits IAM's quota; `undefined`: it fits, or it is no inline policy. */
export const inlineQuotaOf = (draft: Pick<Draft, 'ref' | 'policyName'>, before: Snapshot, applied: Snapshot): InlineQuota => {
	const write = inlineWriteOf(draft, before, applied);
	if (!write) return undefined;
	const {written, at, owner, listed, entity} = write;
	const others = listed.filter((_entry, index) => index !== at);
	const unread = before.principal?.identityPolicies === undefined || (before.unread ?? []).some(note => note.path === 'principal.identityPolicies');
	const limit = inlinePoliciesQuota[owner.kind];
	const own = policySize(written.document, 'IAM inline policy');
	const toldApart = tellsOwnApart(before, owner.kind);
	const least = own + (toldApart ? sizeOf(others.filter(entry => isInlineOf(entry, owner, entity))) : 0);
	const who = `${owner.kind} ${owner.name}`;
	const quota = quotaWords(owner.kind);
	if (least > limit) return {refused: `${who}'s inline policies would hold ${number(least)} characters with it, more than ${quota}`};
	const most = toldApart ? least : own + sizeOf(others.filter(entry => mayBeOwnInline(before, entry)));
	if (!unread && most <= limit) return undefined;
	// Run in the entity's account, as the fix that writes the policy is, with its profile.
	const read = `${commandInAccount(before, `aws iam list-${owner.kind}-policies --${owner.kind}-name ${owner.name}`, entity.account, 'caller')}, then get-${owner.kind}-policy for each`;
	const which = unread ? `${who}'s other inline policies were not read` : `which of the other identity policies are ${who}'s own inline ones is not known`;
	return {unknown: `with it ${who}'s inline policies hold at least ${number(least)} of ${quota}, and ${which} (${read})`};
};

/**
 * Fixes that each write an inline policy of the same user, role or group count against one quota: each may fit alone and
 * the last one put still be refused. For each draft whose policy, with the others' and what the entity surely has, is over
 * it: the sentence its `remains` says. Two drafts rewriting one policy are alternatives: the larger is counted.
 */
export const inlineQuotaTogether = <D extends Pick<Draft, 'ref' | 'policyName' | 'apply'>>(drafts: readonly D[], before: Snapshot): Map<D, string> => {
	const writes = drafts.flatMap(draft => {
		const write = inlineWriteOf(draft, before, draft.apply(before));
		return write ? [{draft, write}] : [];
	});
	const sentences = new Map<D, string>();
	for (const group of groupBy(writes, ({write}) => `${write.owner.kind} ${write.owner.name}`).values()) {
		const {owner, entity} = group[0]!.write;
		const names = new Set(group.map(({write}) => write.written.name));
		if (names.size < 2) continue;
		// What the entity has, each written policy in place of the one it rewrites (the larger of two alternatives).
		const together = new Map((before.principal?.identityPolicies ?? []).map(entry => [entry.name, entry] as const));
		const size = (entry: NamedPolicy | undefined): number => (entry ? policySize(entry.document, 'IAM inline policy') : -1);
		const drafted = new Map<string, NamedPolicy>();
		for (const {write} of group) if (size(write.written) > size(drafted.get(write.written.name))) drafted.set(write.written.name, write.written);
		for (const [name, entry] of drafted) together.set(name, entry);
		// Where the snapshot does not tell the entity's own apart, only the drafted ones surely count.
		const counted = tellsOwnApart(before, owner.kind) ? [...together.values()].filter(entry => isInlineOf(entry, owner, entity)) : [...drafted.values()];
		const total = sizeOf(counted);
		if (total <= inlinePoliciesQuota[owner.kind]) continue;
		const existing = new Set((before.principal?.identityPolicies ?? []).map(entry => entry.name));
		const fixWords = new Map(group.map(({write}) => [write.written.name, `the fix that ${existing.has(write.written.name) ? 'rewrites' : 'adds'} ${write.owner.policyName}`]));
		for (const {draft, write} of group) {
			const others = [...fixWords].filter(([name]) => name !== write.written.name).map(([, words]) => words);
			sentences.set(
				draft,
				`With ${others.join(' and ')} also applied, ${owner.kind} ${owner.name}'s inline policies would hold ${number(total)} characters, ` +
					`more than ${quotaWords(owner.kind)}: AWS would refuse whichever is put last.`,
			);
		}
	}
	return sentences;
};
