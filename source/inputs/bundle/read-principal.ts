import type {UnreadNote} from '../../snapshot/provenance.js';
import type {NamedPolicy, PrincipalInfo} from '../../snapshot/snapshot.js';
import {mappedAnswer, noteOf, type BundleFiles, type CallResult} from './bundle-files.js';
import {calls, principalCalls, stems, type CallSpec} from './bundle-layout.js';
import {groupPolicyAnswerNote, groupPolicyNamingIn} from './group-policy-answer.js';
import {
	attachedPoliciesPageOf,
	groupsPageOf,
	iamEntityOf,
	inlinePolicyOf,
	policyNamesPageOf,
	policyVersionDocumentOf,
	type CallerIdentity,
	type IamEntity,
} from '../../snapshot/aws-answers/index.js';
import {isObject, type Mutable} from '../../shared/json.js';
import {isResourceArn, parsePrincipalArn, valueOf} from '../../names/index.js';


export type ReadContext = {
	readonly files: BundleFiles;
	readonly notes: UnreadNote[];
	/** The partition the script ran in (aws-cn, aws-us-gov, …), for the ARNs notes name; undefined: the bundle does not say. */
	readonly partition?: string;
};

export type {CallerIdentity} from '../../snapshot/aws-answers/index.js';

/** What the script derived from the ARN, the same way: role (and session) or user name, in the ARN's partition. */
export type PrincipalName =
	| {readonly kind: 'role'; readonly name: string; readonly session?: string; readonly partition: string}
	| {readonly kind: 'user'; readonly name: string; readonly partition: string}
	| {readonly kind: 'other'};

export const principalNameOf = (arn: string): PrincipalName => {
	const principal = valueOf(parsePrincipalArn(arn));
	if (principal?.kind === 'assumed-role') return {kind: 'role', name: principal.roleName, session: principal.sessionName, partition: principal.partition};
	if (principal?.kind === 'role' || principal?.kind === 'user') return {kind: principal.kind, name: principal.name, partition: principal.partition};
	return {kind: 'other'};
};

type PolicyRead = {readonly policies: NamedPolicy[]; readonly complete: boolean};

/** The ARN iam get-policy answered for, if the answer has one. */
const answeredPolicyArn = (result: CallResult): string | undefined => {
	if (result.state !== 'ok' || !isObject(result.answer) || !isObject(result.answer['Policy'])) return undefined;
	const arn = result.answer['Policy']['Arn'];
	return typeof arn === 'string' ? arn : undefined;
};

/** The stems of a managed policy's two answers: by ARN and checksum, or, in a bundle of an older script, by safe name alone. */
const managedPolicyStems = (files: BundleFiles, arn: string): {readonly policy: string; readonly version: string} => {
	const current = {policy: stems.managedPolicy(arn), version: stems.managedPolicyVersion(arn)};
	if (files.call(current.policy).state !== 'absent' || files.call(current.version).state !== 'absent') return current;
	return {policy: stems.legacyManagedPolicy(arn), version: stems.legacyManagedPolicyVersion(arn)};
};

/** Reads one managed policy's default version; a note when it cannot. */
const readManagedPolicy = (context: ReadContext, arn: string, name: string, notePath: string): NamedPolicy | undefined => {
	const stem = managedPolicyStems(context.files, arn);
	const policy = context.files.call(stem.policy);
	// In an older bundle two ARNs can share a file name (a/b and a_b): an answer that names another policy is that one's.
	const answered = answeredPolicyArn(policy);
	if (answered !== undefined && answered !== arn) {
		context.notes.push({
			path: notePath,
			reason: `the bundle's answer for ${arn} is that of ${answered} (the two share a file name), so its document is not known`,
			resolveWith: `${calls.getPolicyVersion.permission} on ${arn} (aws iam get-policy-version, pasted)`,
		});
		return undefined;
	}
	const version = context.files.call(stem.version);
	const document = version.state === 'ok' ? policyVersionDocumentOf(version.answer) : undefined;
	if (document?.ok) return {name, arn, document: document.value};
	const [spec, result] = policy.state === 'ok' ? [calls.getPolicyVersion, version] : [calls.getPolicy, policy];
	context.notes.push(noteOf(notePath, spec, result, arn));
	return undefined;
};

/** Where a role's, user's or group's policies are in the bundle. */
type PolicySetSource = {
	readonly listInline: {readonly spec: CallSpec; readonly stem: string};
	readonly getInline: {
		readonly spec: CallSpec;
		readonly stem: (policyName: string) => string;
		/** Why an answer in that file is not this policy's (another's that shares the file name); undefined when it is. */
		readonly notThisOne?: (policyName: string, answer: unknown) => UnreadNote | undefined;
	};
	readonly listAttached: {readonly spec: CallSpec; readonly stem: string};
	/** Put before inline policy names: `group Admins/`. */
	readonly namePrefix: string;
	/** The role, user or group ARN, for the notes. */
	readonly resource: string;
};

const path = 'principal.identityPolicies';

/** Inline policies (list, then get each) and attached managed policies of a role, user or group. */
const readPolicySet = (context: ReadContext, source: PolicySetSource): PolicyRead => {
	const policies: NamedPolicy[] = [];
	let complete = true;
	const inlineNames = mappedAnswer(source.listInline.spec, context.files.call(source.listInline.stem), policyNamesPageOf);
	if (inlineNames.ok) {
		for (const policyName of inlineNames.value.items) {
			const result = context.files.call(source.getInline.stem(policyName));
			const another = result.state === 'ok' ? source.getInline.notThisOne?.(policyName, result.answer) : undefined;
			const document = result.state === 'ok' && !another ? inlinePolicyOf(result.answer) : undefined;
			if (document?.ok) policies.push({name: `${source.namePrefix}${policyName}`, document: document.value});
			else {
				complete = false;
				context.notes.push(another ?? noteOf(path, source.getInline.spec, result, source.resource));
			}
		}
	} else {
		complete = false;
		context.notes.push(noteOf(path, source.listInline.spec, inlineNames.error, source.resource));
	}
	const attachedPolicies = mappedAnswer(source.listAttached.spec, context.files.call(source.listAttached.stem), attachedPoliciesPageOf);
	if (attachedPolicies.ok) {
		for (const {arn, name} of attachedPolicies.value.items) {
			const policy = readManagedPolicy(context, arn, name ?? arn.slice(arn.lastIndexOf('/') + 1), path);
			if (policy) policies.push(policy);
			else complete = false;
		}
	} else {
		complete = false;
		context.notes.push(noteOf(path, source.listAttached.spec, attachedPolicies.error, source.resource));
	}
	return {policies, complete};
};

/** Where a role's or a user's own policies are: the calls of the script's principalCalls. */
const ownPolicySet = (kind: 'role' | 'user', resource: string): PolicySetSource => {
	const {listInline, getInline, listAttached} = principalCalls[kind];
	return {
		listInline: {spec: calls[listInline], stem: calls[listInline].stem},
		getInline: {spec: calls[getInline], stem: policyName => stems.inlinePolicy(kind, policyName)},
		listAttached: {spec: calls[listAttached], stem: calls[listAttached].stem},
		namePrefix: '',
		resource,
	};
};

/** The permissions boundary: `null` when the role or user has none, absent (with a note) when unreadable. */
const readBoundary = (context: ReadContext, entity: IamEntity): NamedPolicy | null | undefined => {
	const {boundaryArn} = entity;
	if (!boundaryArn) return null;
	return readManagedPolicy(context, boundaryArn, boundaryArn.slice(boundaryArn.lastIndexOf('/') + 1), 'principal.permissionsBoundary');
};

/**
 * The boundary get-role or get-user names, as read; where its document was not read, its ARN, as live collection keeps
 * it: a paste is asked for by it, and a fix to it names it. Only an ARN the snapshot may hold (no control character).
 */
const setBoundary = (context: ReadContext, principal: Mutable<PrincipalInfo>, entity: IamEntity): void => {
	const boundary = readBoundary(context, entity);
	if (boundary !== undefined) principal.permissionsBoundary = boundary;
	else if (entity.boundaryArn !== undefined && isResourceArn(entity.boundaryArn)) principal.permissionsBoundaryArn = entity.boundaryArn;
};

const dedupe = (policies: readonly NamedPolicy[]): NamedPolicy[] => {
	const seen = new Set<string>();
	return policies.filter(policy => {
		const key = policy.arn ?? `inline:${policy.name}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
};

/**
 * The principal's ID, tags, identity policies and boundary, as far as the bundle holds them. `acting`: a role an
 * AWS service makes the request as (replication's, a service-read's role), diagnosed as live collection's readActingRole does: the role itself with its
 * trust policy, no session (so no session policy and no session's user ID).
 */
export const readPrincipal = (context: ReadContext, arn: string, caller: CallerIdentity, acting = false): PrincipalInfo => {
	const principal: Mutable<PrincipalInfo> = {arn};
	if (caller.arn === arn && caller.userId) principal.userId = caller.userId;
	const account = arn.split(':')[4] ?? '';
	const name = principalNameOf(arn);
	const actingRole = acting && name.kind === 'role' && name.session === undefined;
	if (actingRole) principal.sessionPolicy = null;
	if (name.kind === 'role' && name.session) {
		context.notes.push({
			path: 'principal.sessionPolicy',
			reason: 'session policies cannot be read from AWS',
			resolveWith: 'paste the session policy, if the code or tool that assumed the role passed one',
		});
	} else if (name.kind === 'user') {
		principal.sessionPolicy = null;
	}
	const skipped = context.files.skipped('iam');
	if (skipped) {
		const resolveWith = `run the collection script with credentials of account ${account}, or paste the principal's policies`;
		context.notes.push({path: 'principal.identityPolicies', reason: skipped.command, resolveWith});
		if (name.kind !== 'other') context.notes.push({path: 'principal.permissionsBoundary', reason: skipped.command, resolveWith});
		return principal;
	}
	if (name.kind === 'role') {
		const mapped = mappedAnswer(calls.getRole, context.files.call(calls.getRole.stem), answer => iamEntityOf(answer, 'role'));
		const role = mapped.ok ? mapped.value : undefined;
		const roleArn = role?.arn ?? `arn:${name.partition}:iam::${account}:role/${name.name}`;
		if (role) {
			if (name.session && role.arn) principal.roleArn = roleArn;
			// GetRole names the role's path, which a policy's ARN must match.
			if (actingRole && role.arn) principal.arn = role.arn;
			if (actingRole && role.trustPolicy) principal.trustPolicy = role.trustPolicy;
			const roleId = role.uniqueId;
			if (!principal.userId && roleId && !actingRole) principal.userId = name.session ? `${roleId}:${name.session}` : roleId;
			if (role.tags) principal.tags = role.tags;
			setBoundary(context, principal, role);
		} else if (!mapped.ok) {
			context.notes.push(noteOf('principal.permissionsBoundary', calls.getRole, mapped.error, roleArn));
		}
		const read = readPolicySet(context, ownPolicySet('role', roleArn));
		if (read.complete) principal.identityPolicies = read.policies;
		return principal;
	}
	if (name.kind === 'user') {
		const mapped = mappedAnswer(calls.getUser, context.files.call(calls.getUser.stem), answer => iamEntityOf(answer, 'user'));
		const user = mapped.ok ? mapped.value : undefined;
		const userArn = user?.arn ?? arn;
		if (user) {
			const userId = user.uniqueId;
			if (!principal.userId && userId) principal.userId = userId;
			if (user.tags) principal.tags = user.tags;
			setBoundary(context, principal, user);
		} else if (!mapped.ok) {
			context.notes.push(noteOf('principal.permissionsBoundary', calls.getUser, mapped.error, userArn));
		}
		const own = readPolicySet(context, ownPolicySet('user', userArn));
		let complete = own.complete;
		const policies = [...own.policies];
		const groups = mappedAnswer(calls.listGroupsForUser, context.files.call(calls.listGroupsForUser.stem), groupsPageOf);
		if (groups.ok) {
			const userGroups = groups.value.items;
			for (const {name: groupName, arn: listedArn} of userGroups) {
				const groupArn = listedArn ?? `arn:${name.partition}:iam::${account}:group/${groupName}`;
				const read = readPolicySet(context, {
					listInline: {spec: calls.listGroupPolicies, stem: stems.groupPolicies(groupName)},
					getInline: {
						spec: calls.getGroupPolicy,
						stem: policyName => groupPolicyNamingIn(context.files, groupName, policyName).stem(groupName, policyName),
						notThisOne: (policyName, answer) =>
							groupPolicyAnswerNote(answer, {group: groupName, policy: policyName, groupArn}, userGroups.map(group => group.name), groupPolicyNamingIn(context.files, groupName, policyName)),
					},
					listAttached: {spec: calls.listAttachedGroupPolicies, stem: stems.groupAttached(groupName)},
					namePrefix: `group ${groupName}/`,
					resource: groupArn,
				});
				complete &&= read.complete;
				policies.push(...read.policies);
			}
		} else {
			complete = false;
			context.notes.push(noteOf(path, calls.listGroupsForUser, groups.error, userArn));
		}
		if (complete) principal.identityPolicies = dedupe(policies);
		return principal;
	}
	if (valueOf(parsePrincipalArn(arn))?.kind === 'root') {
		context.notes.push({path: 'principal.identityPolicies', reason: "the principal is the account's root user, which IAM policies do not govern", resolveWith: 'use an IAM user or role'});
		return {...principal, permissionsBoundary: null, sessionPolicy: null};
	}
	context.notes.push({
		path: 'principal.identityPolicies',
		reason: `${arn} is neither an IAM role nor an IAM user, so the script read no IAM policies`,
		resolveWith: 'paste the principal\'s policies',
	});
	return principal;
};
