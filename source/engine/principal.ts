import {parseArn, type Arn} from './arn.js';
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

// Callers are parsed on every evaluation, and a diagnosis evaluates the same caller many times.
const callers = new Map<string, Caller>();

export const parseCaller = (principal: string): Caller => {
	let caller = callers.get(principal);
	if (caller === undefined) {
		caller = readCaller(principal);
		if (callers.size >= 1_000) callers.clear();
		callers.set(principal, caller);
	}
	return caller;
};

const readCaller = (principal: string): Caller => {
	if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(principal)) return {arn: principal, kind: 'service', partition: 'aws'};
	const arn = parseArn(principal);
	if (!arn) return {arn: principal, kind: 'other', partition: 'aws'};
	// Built without `{...base, more}`, which V8 (Node 20) copies slowly.
	const {account, partition} = arn;
	if (arn.service === 'sts' && arn.resource.startsWith('assumed-role/')) {
		const [, roleName, ...session] = arn.resource.split('/');
		return {arn: principal, account, partition, kind: 'session', roleName, sessionName: session.join('/'), name: roleName};
	}
	if (arn.service === 'iam' && arn.resource === 'root') return {arn: principal, account, partition, kind: 'root'};
	if (arn.service === 'iam' && arn.resource.startsWith('user/')) return {arn: principal, account, partition, kind: 'user', name: arn.resource.split('/').pop()};
	if (arn.service === 'iam' && arn.resource.startsWith('role/')) return {arn: principal, account, partition, kind: 'role', name: arn.resource.split('/').pop()};
	return {arn: principal, account, partition, kind: 'other'};
};

/** The IAM role ARN behind a session, as policies usually name it (path unknown: assumed none). */
export const roleArnOfCaller = (caller: Caller): string | undefined => {
	if (caller.kind === 'role') return caller.arn;
	if (caller.kind === 'session' && caller.account) return `arn:${caller.partition}:iam::${caller.account}:role/${caller.roleName}`;
	return undefined;
};

/** `arn:aws:iam::ACCT:root` */
export const accountRootArn = (account: string, partition = 'aws'): string => `arn:${partition}:iam::${account}:root`;

/** What matching needs from one `AWS` entry of a Principal, worked out once per distinct entry. */
type AwsEntry = {
	readonly any: boolean;
	readonly arn?: Arn;
	/** The account an `arn:…:iam::ACCT:root` entry names. */
	readonly rootOf?: string;
	/** The role name of an IAM role ARN, without its path. */
	readonly roleName?: string;
};

const awsEntries = new Map<string, AwsEntry>();

const awsEntry = (text: string): AwsEntry => {
	let entry = awsEntries.get(text);
	if (entry === undefined) {
		const arn = parseArn(text);
		const isIam = arn !== undefined && arn.service === 'iam';
		entry = {
			any: text === '*',
			...(arn ? {arn} : {}),
			...(isIam && arn.resource === 'root' ? {rootOf: arn.account} : {}),
			...(isIam && arn.resource.startsWith('role/') ? {roleName: arn.resource.split('/').pop()!} : {}),
		};
		if (awsEntries.size >= 10_000) awsEntries.clear();
		awsEntries.set(text, entry);
	}
	return entry;
};

const isAccountEntry = (text: string, account: string | undefined): boolean =>
	account !== undefined && account !== '' && (text === account || awsEntry(text).rootOf === account);

/** How one `AWS` entry of a Principal names the caller, if it does. */
const matchAwsEntry = (text: string, caller: Caller): PrincipalMatch | 'none' => {
	const entry = awsEntry(text);
	if (entry.any) return 'anyone';
	if (isAccountEntry(text, caller.account)) return 'account';
	if (text === caller.arn) return caller.kind === 'role' ? 'role' : 'exact';
	if (!entry.arn || entry.arn.account !== caller.account) return 'none';
	// A role ARN matches every session of that role; IAM resolves it by the role's unique ID, so its path does not matter.
	if (caller.kind === 'session' && entry.roleName !== undefined) return entry.roleName === caller.roleName ? 'role' : 'none';
	return 'none';
};

/** From most to least specific: the most specific way a Principal names the caller wins. */
const strongest: readonly PrincipalMatch[] = ['exact', 'role', 'service', 'anyone', 'account'];

/** How a Principal element names the caller; the most specific way wins. */
export const matchPrincipal = (element: PrincipalElement, caller: Caller): PrincipalMatch | 'none' => {
	if (element.kind === 'any') return 'anyone';
	let best = strongest.length;
	for (const entry of element.aws) {
		const match = matchAwsEntry(entry, caller);
		if (match !== 'none') best = Math.min(best, strongest.indexOf(match));
	}
	if (caller.kind === 'service' && element.service.includes(caller.arn)) best = Math.min(best, strongest.indexOf('service'));
	return strongest[best] ?? 'none';
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
