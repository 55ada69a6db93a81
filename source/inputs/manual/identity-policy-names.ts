import {parsePrincipalArn, type InlinePolicyName} from '../../names/index.js';
import type {PolicyJson} from '../../snapshot/snapshot.js';

/**
 * A pasted identity policy is named in the snapshot only where the pasted AWS CLI output names it (get-role-policy,
 * get-user-policy, get-group-policy) and that name fits the caller being diagnosed: then it is named as live reads name
 * an inline policy ("POLICY" for the caller's own, "group GROUP: POLICY" for a group's; fixes/inline-owner.ts), so a
 * Deny in it is narrowed in place like a collected one's. Anything else stays "pasted identity policy N", which no
 * command can write. Nothing is guessed: no name without that output, no group membership beyond what was given.
 */

/** A pasted identity policy: the document and, when the paste was get-*-policy output, the inline policy it names. */
export type PastedIdentityPolicy = {readonly document: PolicyJson; readonly inline?: InlinePolicyName; readonly inlineProblem?: string};

export type IdentityPolicyName = {
	/** As the snapshot lists it. */
	readonly name: string;
	/** One line for the wizard: what was recognised and kept, or why it was not; none for a plain document. */
	readonly said?: {readonly tone: 'found' | 'warning'; readonly text: string};
};

const unnamed = (index: number): string => `pasted identity policy ${index + 1}`;

const commandOf = (inline: InlinePolicyName): string => `aws iam get-${inline.owner}-policy`;

/** Who the caller is, as a pasted policy's owner must be: its IAM role or user, or why it has no inline policies. */
type CallerEntity = {readonly kind: 'role' | 'user'; readonly name: string} | {readonly kind: 'none'; readonly words: string};

const callerEntityOf = (principalArn: string): CallerEntity => {
	const parsed = parsePrincipalArn(principalArn);
	if (!parsed.ok) return {kind: 'none', words: `the caller ${principalArn} is no IAM role or user`};
	const caller = parsed.value;
	if (caller.kind === 'user' || caller.kind === 'role') return {kind: caller.kind, name: caller.name};
	if (caller.kind === 'assumed-role') return {kind: 'role', name: caller.roleName};
	return {kind: 'none', words: caller.kind === 'root' ? "the caller is the account's root user, which has no inline policies" : 'the caller is a federated user, which has no inline policies of its own'};
};

// IAM: "Names are not distinguished by case. For example, you cannot create resources named both "MyResource" and
// "myresource"": a name that differs from the caller's only in case can be no other role or user than the caller.
const sameName = (one: string, other: string): boolean => one.toLowerCase() === other.toLowerCase();

type Fit = {readonly name: string; readonly what: string; readonly given?: string} | {readonly against: string};

/** Whether the inline policy the output names is one of the caller's: its own, or (a user's) a group's it is given to be in. */
const fitOf = (caller: CallerEntity, inline: InlinePolicyName): Fit => {
	const {owner, ownerName, policyName} = inline;
	const what = `inline policy ${policyName} of ${owner} ${ownerName}`;
	if (caller.kind === 'none') return {against: caller.words};
	if (owner === 'group') {
		// A paste cannot show membership: the group's policy was given as the caller's, and is taken so, said as given.
		if (caller.kind === 'user') return {name: `group ${ownerName}: ${policyName}`, what, given: `that user ${caller.name} is in group ${ownerName} is as given (a paste cannot show it)`};
		return {against: `the caller is role ${caller.name}, and a role belongs to no group`};
	}
	if (owner === caller.kind && sameName(ownerName, caller.name)) return {name: policyName, what};
	return {against: `the caller is ${caller.kind} ${caller.name}`};
};

/**
 * The snapshot's name of each pasted identity policy, in order, with the line the wizard shows for it. The same inline
 * policy pasted twice is named once: IAM holds one policy of that name, so a later paste of it stays unnamed.
 */
export const identityPolicyNames = (principalArn: string, policies: readonly PastedIdentityPolicy[]): IdentityPolicyName[] => {
	const caller = callerEntityOf(principalArn);
	const taken = new Map<string, number>();
	return policies.map(({inline, inlineProblem}, index): IdentityPolicyName => {
		const label = `Identity policy ${index + 1}`;
		if (inlineProblem) return {name: unnamed(index), said: {tone: 'warning', text: `${label}: ${inlineProblem}; kept as an unnamed pasted policy`}};
		if (!inline) return {name: unnamed(index)};
		const from = `from the pasted ${commandOf(inline)} output`;
		const fit = fitOf(caller, inline);
		if ('against' in fit) {
			const text = `${label}: the pasted ${commandOf(inline)} output names ${inline.owner} ${inline.ownerName}, but ${fit.against}; kept as an unnamed pasted policy, which no fix can name`;
			return {name: unnamed(index), said: {tone: 'warning', text}};
		}
		const earlier = taken.get(fit.name.toLowerCase());
		if (earlier !== undefined) {
			return {name: unnamed(index), said: {tone: 'warning', text: `${label} is ${fit.what} again (identity policy ${earlier + 1}): IAM holds one, so this one is kept unnamed`}};
		}
		taken.set(fit.name.toLowerCase(), index);
		return {name: fit.name, said: {tone: 'found', text: `${label}: ${fit.what}, ${from}${fit.given ? `; ${fit.given}` : ''}`}};
	});
};
