import {GetRoleCommand, GetUserCommand, ListGroupsForUserCommand} from '@aws-sdk/client-iam';
import {groupsPageOf, iamEntityOf, type IamEntity} from '../snapshot/aws-answers/index.js';
import type {NamedPolicy, PrincipalInfo} from '../snapshot/snapshot.js';
import {parseCaller} from '../engine/principal.js';
import {parsePrincipalArn} from '../names/index.js';
import {answerFailure} from './answer-failure.js';
import {combine, readAttachedPolicies, readInlinePolicies, readManagedPolicy, type Gathered, type Missing, type PolicyOwner} from './read-iam.js';
import {pageOrFail, readAllPages} from './read-pages.js';
import type {Reader} from './reader.js';
import {readIdentity, sessionInAccount, sessionLabel, type Identity, type Session} from './session.js';

const noteMissing = (reader: Reader, path: string, missing: readonly Missing[]): void => {
	for (const item of missing) reader.note(path, `${item.action}: ${reader.explain(item.failure)}`, item.permission);
};

/** Managed policies can be attached twice (to the user and to a group): one copy is enough to evaluate. */
const distinct = (policies: readonly NamedPolicy[]): NamedPolicy[] => {
	const seen = new Set<string>();
	return policies.filter(policy => {
		if (policy.arn === undefined) return true;
		if (seen.has(policy.arn)) return false;
		seen.add(policy.arn);
		return true;
	});
};

/** GetRole / GetUser: the permissions boundary, the tags and the ARN with its path. */
const readEntity = async (reader: Reader, session: Session, owner: PolicyOwner): Promise<{entity?: IamEntity; missing?: Missing}> => {
	const iam = session.clients.iam();
	const label = `${owner.kind === 'role' ? 'iam:GetRole' : 'iam:GetUser'} ${owner.name} (${sessionLabel(session)})`;
	const outcome =
		owner.kind === 'role'
			? await reader.call(`${session.name}:iam:GetRole:${owner.name}`, label, signal =>
					iam.send(new GetRoleCommand({RoleName: owner.name}), {abortSignal: signal}).then(answer => iamEntityOf(answer, 'role')),
				)
			: await reader.call(`${session.name}:iam:GetUser:${owner.name}`, label, signal =>
					iam.send(new GetUserCommand({UserName: owner.name}), {abortSignal: signal}).then(answer => iamEntityOf(answer, 'user')),
				);
	const action = owner.kind === 'role' ? 'iam:GetRole' : 'iam:GetUser';
	if (!outcome.ok) return {missing: {action, permission: `${action} on ${owner.arn}`, failure: outcome.failure}};
	if (!outcome.value.ok) return {missing: {action, permission: `${action} on ${owner.arn}`, failure: answerFailure(outcome.value.error)}};
	return {entity: outcome.value.value};
};

/** A user's groups' inline and attached policies (iam:ListGroupsForUser first). */
const readGroupPolicies = async (reader: Reader, session: Session, user: PolicyOwner, account: string, partition: string): Promise<Gathered<NamedPolicy[]>> => {
	const iam = session.clients.iam();
	const groups = await readAllPages(reader, `${session.name}:iam:ListGroupsForUser:${user.name}`, `iam:ListGroupsForUser ${user.name} (${sessionLabel(session)})`, (marker, signal) =>
		iam.send(new ListGroupsForUserCommand({UserName: user.name, Marker: marker}), {abortSignal: signal}).then(answer => pageOrFail(groupsPageOf(answer))),
	);
	if (!groups.ok) return {missing: [{action: 'iam:ListGroupsForUser', permission: `iam:ListGroupsForUser on ${user.arn}`, failure: groups.failure}]};
	const owners = groups.value.map((group): PolicyOwner => ({kind: 'group', name: group.name, arn: group.arn ?? `arn:${partition}:iam::${account}:group/${group.name}`}));
	return combine(await Promise.all(owners.flatMap(owner => [readInlinePolicies(reader, session, owner), readAttachedPolicies(reader, session, owner)])));
};

const readBoundary = async (reader: Reader, session: Session, entity: IamEntity | undefined): Promise<Gathered<NamedPolicy | null>> => {
	if (!entity) return {missing: []};
	if (!entity.boundaryArn) return {value: null, missing: []};
	return readManagedPolicy(reader, session, entity.boundaryArn);
};

/**
 * A role session or an IAM user: identity policies (the user's groups' too), boundary, tags. `acting`: a role read
 * by its ARN because a service makes the request as it (a Glue job's role, replication's role): the principal is the
 * role itself, with its trust policy, and no session policy.
 */
const readIamPrincipal = async (reader: Reader, session: Session, identity: Identity, owner: PolicyOwner, acting = false): Promise<PrincipalInfo> => {
	const entityRead = readEntity(reader, session, owner);
	const boundaryRead = entityRead.then(read => readBoundary(reader, session, read.entity));
	const [entityResult, inline, attached, groups, boundary] = await Promise.all([
		entityRead,
		readInlinePolicies(reader, session, owner),
		readAttachedPolicies(reader, session, owner),
		owner.kind === 'user' ? readGroupPolicies(reader, session, owner, identity.account, identity.partition) : Promise.resolve<Gathered<NamedPolicy[]>>({value: [], missing: []}),
		boundaryRead,
	]);
	const policies = combine([inline, attached, groups]);
	// GetRole knows the role's path, which a permission's resource must include: name the real ARN when known.
	const realArn = entityResult.entity?.arn;
	const withRealArn = (missing: readonly Missing[]): Missing[] =>
		missing.map(item => (realArn && item.permission.endsWith(` on ${owner.arn}`) ? {...item, permission: `${item.permission.slice(0, -owner.arn.length)}${realArn}`} : item));
	noteMissing(reader, 'principal.identityPolicies', withRealArn(policies.missing));
	if (entityResult.missing) {
		const {action, permission, failure} = entityResult.missing;
		reader.note('principal.permissionsBoundary', `${action}: ${reader.explain(failure)} (the ${owner.kind}'s tags are unknown too)`, permission);
	}
	noteMissing(reader, 'principal.permissionsBoundary', boundary.missing);
	const entity = entityResult.entity;
	// A role a service acts as is diagnosed as the role itself: no session of ours, so no session policy to ask for.
	const isSession = owner.kind === 'role' && !acting;
	if (isSession) {
		reader.note(
			'principal.sessionPolicy',
			'a session policy (passed to AssumeRole, if any) cannot be read from AWS',
			'paste the session policy, if the session was created with one',
		);
	}
	return {
		// GetRole names the role's path, which a policy's ARN must match.
		arn: acting ? (entity?.arn ?? identity.arn) : identity.arn,
		...(isSession && entity?.arn ? {roleArn: entity.arn} : {}),
		...(identity.userId ? {userId: identity.userId} : {}),
		...(policies.value ? {identityPolicies: distinct(policies.value)} : {}),
		...(boundary.value !== undefined ? {permissionsBoundary: boundary.value} : {}),
		// GetRole/GetUser named the boundary but its document was not read: the ARN is still a fact a paste and a fix use.
		...(boundary.value === undefined && entity?.boundaryArn ? {permissionsBoundaryArn: entity.boundaryArn} : {}),
		// A user's own keys carry no session policy; a role session's cannot be read.
		...(isSession ? {} : {sessionPolicy: null}),
		...(entity?.tags ? {tags: entity.tags} : {}),
		// Only a role a service assumes needs its trust policy: does it let the service assume it?
		...(acting && entity?.trustPolicy ? {trustPolicy: entity.trustPolicy} : {}),
	};
};

/**
 * Who the caller is and which identity policies apply: for an assumed-role session the role behind it, for a
 * user its own and its groups' policies; the permissions boundary of either. `organizationId` is added by the caller.
 */
export const readPrincipal = async (reader: Reader, session: Session): Promise<PrincipalInfo | undefined> => {
	const identity = await readIdentity(reader, session);
	if (!identity.ok) {
		reader.note(
			'principal',
			`sts:GetCallerIdentity: ${reader.explain(identity.failure)}`,
			"working credentials for the caller's profile (sts:GetCallerIdentity needs no permission)",
		);
		return undefined;
	}
	const {arn, account, partition, userId} = identity.value;
	const caller = parseCaller(arn);
	if (caller.kind === 'session' && caller.roleName) {
		return readIamPrincipal(reader, session, identity.value, {kind: 'role', name: caller.roleName, arn: `arn:${partition}:iam::${account}:role/${caller.roleName}`});
	}
	if (caller.kind === 'user' && caller.name) {
		return readIamPrincipal(reader, session, identity.value, {kind: 'user', name: caller.name, arn});
	}
	if (caller.kind === 'root') {
		reader.note('principal.identityPolicies', "the caller is the account's root user, which IAM policies do not govern", 'use a profile of an IAM user or role');
		return {arn, ...(userId ? {userId} : {}), permissionsBoundary: null, sessionPolicy: null};
	}
	reader.note('principal.identityPolicies', `the caller ${arn} is not an IAM user or role session, so its policies cannot be listed`, 'paste the policies that apply to it');
	return {arn, ...(userId ? {userId} : {})};
};

/**
 * A role an AWS service acts as (a Glue job's role, a Lambda function's execution role, the role replication
 * assumes): its identity policies, boundary and trust policy, read with a profile of the role's account (IAM is
 * account-local). Only read calls; nothing is assumed.
 */
export const readActingRole = async (reader: Reader, sessions: readonly Session[], caller: Session, roleArn: string): Promise<PrincipalInfo | undefined> => {
	const role = parsePrincipalArn(roleArn);
	if (!role.ok || role.value.kind !== 'role') return undefined;
	const {account, partition, name} = role.value;
	const session = (await sessionInAccount(reader, sessions, account)) ?? caller;
	return readIamPrincipal(reader, session, {arn: roleArn, account, partition, userId: ''}, {kind: 'role', name, arn: roleArn}, true);
};
