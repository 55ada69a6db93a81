import {parseArn} from './arn.js';
import type {PrincipalMatch} from './evaluation.js';
import type {PrincipalElement} from './policy.js';

/** Who is calling, in the forms a policy's Principal can name. */
export type Caller = {
	readonly arn: string;
	readonly kind: 'user' | 'role' | 'session' | 'root' | 'service' | 'other';
	readonly account?: string;
	readonly partition: string;
	/** For a session: the role's name (the role's path is not in the session ARN). */
	readonly roleName?: string;
	readonly sessionName?: string;
	/** The user's or role's name, for `aws:username` (users only) and explanations. */
	readonly name?: string;
};

export const parseCaller = (principal: string): Caller => {
	if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(principal)) return {arn: principal, kind: 'service', partition: 'aws'};
	const arn = parseArn(principal);
	if (!arn) return {arn: principal, kind: 'other', partition: 'aws'};
	const base = {arn: principal, account: arn.account, partition: arn.partition};
	if (arn.service === 'sts' && arn.resource.startsWith('assumed-role/')) {
		const [, roleName, ...session] = arn.resource.split('/');
		return {...base, kind: 'session', roleName, sessionName: session.join('/'), name: roleName};
	}
	if (arn.service === 'iam' && arn.resource === 'root') return {...base, kind: 'root'};
	if (arn.service === 'iam' && arn.resource.startsWith('user/')) return {...base, kind: 'user', name: arn.resource.split('/').pop()};
	if (arn.service === 'iam' && arn.resource.startsWith('role/')) return {...base, kind: 'role', name: arn.resource.split('/').pop()};
	return {...base, kind: 'other'};
};

/** The IAM role ARN behind a session, as policies usually name it (path unknown: assumed none). */
export const roleArnOfCaller = (caller: Caller): string | undefined => {
	if (caller.kind === 'role') return caller.arn;
	if (caller.kind === 'session' && caller.account) return `arn:${caller.partition}:iam::${caller.account}:role/${caller.roleName}`;
	return undefined;
};

/** `arn:aws:iam::ACCT:root` */
export const accountRootArn = (account: string, partition = 'aws'): string => `arn:${partition}:iam::${account}:root`;

const isAccountEntry = (entry: string, account: string | undefined): boolean => {
	if (!account) return false;
	if (entry === account) return true;
	const arn = parseArn(entry);
	return arn !== undefined && arn.service === 'iam' && arn.account === account && arn.resource === 'root';
};

/** How one `AWS` entry of a Principal names the caller, if it does. */
const matchAwsEntry = (entry: string, caller: Caller): PrincipalMatch | 'none' => {
	if (entry === '*') return 'anyone';
	if (isAccountEntry(entry, caller.account)) return 'account';
	if (entry === caller.arn) return caller.kind === 'role' ? 'role' : 'exact';
	const arn = parseArn(entry);
	if (!arn || arn.account !== caller.account) return 'none';
	// A role ARN matches every session of that role; IAM resolves it by the role's unique ID, so its path does not matter.
	if (caller.kind === 'session' && arn.service === 'iam' && arn.resource.startsWith('role/')) {
		return arn.resource.split('/').pop() === caller.roleName ? 'role' : 'none';
	}
	return 'none';
};

const strongest: readonly PrincipalMatch[] = ['exact', 'role', 'service', 'anyone', 'account'];

/** How a Principal element names the caller; the most specific way wins. */
export const matchPrincipal = (element: PrincipalElement, caller: Caller): PrincipalMatch | 'none' => {
	if (element.kind === 'any') return 'anyone';
	const matches = new Set<PrincipalMatch>();
	for (const entry of element.aws) {
		const match = matchAwsEntry(entry, caller);
		if (match !== 'none') matches.add(match);
	}
	if (caller.kind === 'service' && element.service.includes(caller.arn)) matches.add('service');
	return strongest.find(match => matches.has(match)) ?? 'none';
};

/**
 * NotPrincipal excludes the caller only when every identity in its chain is listed: the session,
 * its role and its account (as the IAM docs require for Deny with NotPrincipal).
 */
export const notPrincipalExcludes = (element: PrincipalElement, caller: Caller): boolean => {
	if (element.kind === 'any') return true;
	const listed = (predicate: (entry: string) => boolean): boolean => element.aws.some(predicate);
	const accountListed = listed(entry => isAccountEntry(entry, caller.account));
	switch (caller.kind) {
		case 'session':
			return (
				accountListed &&
				listed(entry => entry === caller.arn) &&
				listed(entry => matchAwsEntry(entry, caller) === 'role')
			);
		case 'user':
		case 'role':
			return accountListed && listed(entry => entry === caller.arn);
		case 'root':
			return accountListed;
		case 'service':
			return element.service.includes(caller.arn);
		default:
			return listed(entry => entry === caller.arn);
	}
};
