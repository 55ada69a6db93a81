import {parseArn, type Arn} from './arn.js';
import type {PrincipalMatch} from './evaluation.js';
import type {PrincipalElement} from './policy.js';
import type {Tri} from './tri.js';

/** Who is calling, in the forms a policy's Principal can name. */
export type Caller = {
	readonly arn: string;
	/** `unknown`: the request was made by someone not named (an empty principal): no Principal but `*` can be said to name it. */
	readonly kind: 'user' | 'role' | 'session' | 'root' | 'service' | 'other' | 'unknown';
	readonly account?: string;
	readonly partition: string;
	/** For a session: the role's name (the role's path is not in the session ARN). */
	readonly roleName?: string;
	readonly sessionName?: string;
	/** The user's or role's name, for `aws:username` (users only) and explanations. */
	readonly name?: string;
	/** For a session whose role's ARN is known (read or given): that ARN, path included, which a Principal must name. */
	readonly roleArn?: string;
};

// Callers are parsed on every evaluation, and a diagnosis evaluates the same caller many times.
const callers = new Map<string, Caller>();
// By principal, then role ARN: two lookups of strings the request already holds, not a key joined on every evaluation.
const sessionsByRole = new Map<string, Map<string, Caller>>();

/**
 * `roleArn`: for a session, its role's ARN where it is known (aws:PrincipalArn read or given). It counts only as that
 * session's role (same partition, account and role name); then a Principal naming the role by another path names
 * another role (IAM maps a Principal to the role's unique ID when the policy is saved).
 */
export const parseCaller = (principal: string, roleArn?: string): Caller => {
	let caller = callers.get(principal);
	if (caller === undefined) {
		caller = readCaller(principal);
		if (callers.size >= 1_000) callers.clear();
		callers.set(principal, caller);
	}
	if (roleArn === undefined || caller.kind !== 'session') return caller;
	let byRole = sessionsByRole.get(principal);
	if (byRole === undefined) {
		if (sessionsByRole.size >= 1_000) sessionsByRole.clear();
		sessionsByRole.set(principal, (byRole = new Map()));
	}
	let session = byRole.get(roleArn);
	if (session === undefined) {
		session = withRoleArn(caller, roleArn);
		if (byRole.size >= 16) byRole.clear();
		byRole.set(roleArn, session);
	}
	return session;
};

// Every caller has every field, in one order: evaluation reads them all the time, and one shape keeps that fast.
const caller = (arn: string, kind: Caller['kind'], account: string | undefined, partition: string, roleName?: string, sessionName?: string, name?: string, roleArn?: string): Caller => ({
	arn,
	kind,
	account,
	partition,
	roleName,
	sessionName,
	name,
	roleArn,
});

const withRoleArn = (session: Caller, roleArn: string | undefined): Caller => {
	if (roleArn === undefined || session.kind !== 'session') return session;
	const role = parseArn(roleArn);
	const isSessionsRole =
		role !== undefined && role.service === 'iam' && role.resource.startsWith('role/') && role.account === session.account && role.partition === session.partition && role.resource.split('/').pop() === session.roleName;
	return isSessionsRole ? caller(session.arn, session.kind, session.account, session.partition, session.roleName, session.sessionName, session.name, roleArn) : session;
};

const readCaller = (principal: string): Caller => {
	if (principal === '') return caller(principal, 'unknown', undefined, 'aws');
	if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(principal)) return caller(principal, 'service', undefined, 'aws');
	const arn = parseArn(principal);
	if (!arn) return caller(principal, 'other', undefined, 'aws');
	const {account, partition} = arn;
	if (arn.service === 'sts' && arn.resource.startsWith('assumed-role/')) {
		const [, roleName, ...session] = arn.resource.split('/');
		return caller(principal, 'session', account, partition, roleName, session.join('/'), roleName);
	}
	if (arn.service === 'iam' && arn.resource === 'root') return caller(principal, 'root', account, partition);
	if (arn.service === 'iam' && arn.resource.startsWith('user/')) return caller(principal, 'user', account, partition, undefined, undefined, arn.resource.split('/').pop());
	if (arn.service === 'iam' && arn.resource.startsWith('role/')) return caller(principal, 'role', account, partition, undefined, undefined, arn.resource.split('/').pop());
	return caller(principal, 'other', account, partition);
};

/** `arn:PARTITION:iam::ACCT:root`: the partition always given, never taken as aws. */
export const accountRootArn = (account: string, partition: string): string => `arn:${partition}:iam::${account}:root`;

/** What matching needs from one `AWS` entry of a Principal, worked out once per distinct entry. */
type AwsEntry = {
	readonly text: string;
	readonly any: boolean;
	readonly arn?: Arn;
	/** The account an `arn:…:iam::ACCT:root` entry names. */
	readonly rootOf?: string;
	/** The role name of an IAM role ARN, without its path. */
	readonly roleName?: string;
};

const awsEntry = (text: string): AwsEntry => {
	const arn = parseArn(text);
	const isIam = arn !== undefined && arn.service === 'iam';
	return {
		text,
		any: text === '*',
		arn,
		rootOf: isIam && arn.resource === 'root' ? arn.account : undefined,
		roleName: isIam && arn.resource.startsWith('role/') ? arn.resource.split('/').pop()! : undefined,
	};
};

/**
 * A Principal or NotPrincipal element ready for matching: its entries parsed once. A policy is evaluated for the
 * same caller again and again (one caller's actions, a diagnosis' proofs): the last caller's answer is kept.
 */
export type CompiledPrincipal = {
	readonly any: boolean;
	readonly aws: readonly AwsEntry[];
	readonly service: readonly string[];
	lastCaller: Caller | undefined;
	lastMatch: PrincipalMatch | 'none';
	lastExcluded: Caller | undefined;
	lastExcludes: Tri;
};

const compiledPrincipals = new WeakMap<PrincipalElement, CompiledPrincipal>();

export const compilePrincipal = (element: PrincipalElement): CompiledPrincipal => {
	let compiled = compiledPrincipals.get(element);
	if (!compiled) {
		const set = element.kind === 'set';
		compiled = {
			any: !set,
			aws: set ? element.aws.map(awsEntry) : [],
			service: set ? element.service : [],
			lastCaller: undefined,
			lastMatch: 'none',
			lastExcluded: undefined,
			lastExcludes: 'no',
		};
		compiledPrincipals.set(element, compiled);
	}
	return compiled;
};

const isAccountEntry = (entry: AwsEntry, account: string | undefined): boolean =>
	account !== undefined && account !== '' && (entry.text === account || entry.rootOf === account);

/** How one `AWS` entry of a Principal names the caller, if it does. */
const matchAwsEntry = (entry: AwsEntry, caller: Caller): PrincipalMatch | 'none' => {
	if (entry.any) return 'anyone';
	if (isAccountEntry(entry, caller.account)) return 'account';
	if (entry.text === caller.arn) return caller.kind === 'role' ? 'role' : 'exact';
	if (!entry.arn || entry.arn.account !== caller.account) return 'none';
	// A role ARN matches every session of that role. Role names are unique in an account, so the name tells the role; where
	// the role's ARN is known, one naming another path was saved for another role (IAM keeps the role's unique ID).
	if (caller.kind === 'session' && entry.roleName !== undefined) {
		return entry.roleName === caller.roleName && (caller.roleArn === undefined || entry.text === caller.roleArn) ? 'role' : 'none';
	}
	return 'none';
};

/** From most to least specific: the most specific way a Principal names the caller wins. */
const strongest: readonly PrincipalMatch[] = ['exact', 'role', 'service', 'anyone', 'account'];

/** `matchPrincipal` of an element compiled ahead. Callers are shared (`parseCaller`), so one is known by identity. */
export const matchCompiledPrincipal = (principal: CompiledPrincipal, caller: Caller): PrincipalMatch | 'none' => {
	if (principal.any) return 'anyone';
	if (principal.lastCaller !== caller) {
		principal.lastMatch = matchEntries(principal, caller);
		principal.lastCaller = caller;
	}
	return principal.lastMatch;
};

const matchEntries = (principal: CompiledPrincipal, caller: Caller): PrincipalMatch | 'none' => {
	let best = strongest.length;
	for (const entry of principal.aws) {
		const match = matchAwsEntry(entry, caller);
		if (match !== 'none') best = Math.min(best, strongest.indexOf(match));
	}
	if (caller.kind === 'service' && principal.service.includes(caller.arn)) best = Math.min(best, strongest.indexOf('service'));
	return strongest[best] ?? 'none';
};

/** How a Principal element names the caller; the most specific way wins. */
export const matchPrincipal = (element: PrincipalElement, caller: Caller): PrincipalMatch | 'none' =>
	matchCompiledPrincipal(compilePrincipal(element), caller);

/** `notPrincipalExcludes` of an element compiled ahead. */
export const compiledNotPrincipalExcludes = (principal: CompiledPrincipal, caller: Caller): Tri => {
	if (principal.any) return 'yes';
	if (principal.lastExcluded !== caller) {
		principal.lastExcludes = listsCaller(principal, caller);
		principal.lastExcluded = caller;
	}
	return principal.lastExcludes;
};

const listsCaller = (principal: CompiledPrincipal, caller: Caller): Tri => {
	const listed = (predicate: (entry: AwsEntry) => boolean): boolean => principal.aws.some(predicate);
	switch (caller.kind) {
		case 'session': {
			if (!listed(entry => isAccountEntry(entry, caller.account)) || !listed(entry => matchAwsEntry(entry, caller) === 'role')) return 'no';
			// The account and the role listed, the session not: what AWS does then is not documented (see notPrincipalExcludes).
			return listed(entry => entry.text === caller.arn) ? 'yes' : 'unknown';
		}
		case 'user':
		case 'role':
			return listed(entry => isAccountEntry(entry, caller.account)) && listed(entry => entry.text === caller.arn) ? 'yes' : 'no';
		case 'root':
			return listed(entry => isAccountEntry(entry, caller.account)) ? 'yes' : 'no';
		case 'service':
			return principal.service.includes(caller.arn) ? 'yes' : 'no';
		default:
			return listed(entry => entry.text === caller.arn) ? 'yes' : 'no';
	}
};

/**
 * Whether NotPrincipal excludes the caller: `yes` when every identity in its chain is listed (the session, its role and
 * its account). IAM: "When you use NotPrincipal with Deny, you must also specify the account ARN of the not-denied
 * principal", and without the role's ARN "the effect of the policy might be to explicitly deny access to the role";
 * for a session whose account and role are listed and whose own ARN is not, AWS says nothing: `unknown`.
 */
export const notPrincipalExcludes = (element: PrincipalElement, caller: Caller): Tri =>
	compiledNotPrincipalExcludes(compilePrincipal(element), caller);
