import {fail, param, type FakeCall, type Handler, type World} from './call.js';
import type {FakeGroup, FakeManagedPolicy, FakeRole, FakeUser, PolicyDoc} from './scenario.js';
import {queryAnswer, type FakeResponse, type XmlTree, type XmlValue} from './wire.js';

const created = '2024-01-15T10:00:00Z';

/** IAM answers with documents URL-encoded, as the real service does (RFC 3986). */
const encode = (document: PolicyDoc): string => encodeURIComponent(JSON.stringify(document));

const noSuchEntity = (call: FakeCall, what: string): FakeResponse => fail(call, {status: 404, code: 'NoSuchEntity', message: `The ${what} cannot be found.`});

const arnOf = (kind: 'role' | 'user' | 'group', holder: {account: string; name: string; path?: string}): string =>
	`arn:aws:iam::${holder.account}:${kind}${holder.path ?? '/'}${holder.name}`;

/** IAM is account-local: names resolve in the caller's account. */
const inAccount = <T extends {account: string; name: string}>(items: readonly T[] | undefined, call: FakeCall, name: string | undefined): T | undefined =>
	(items ?? []).find(item => item.account === call.caller.account && item.name === name);

/** One page of a list, with IsTruncated/Marker as IAM writes them. */
const paged = (call: FakeCall, world: World, items: readonly XmlValue[]): {items: readonly XmlValue[]; IsTruncated: boolean; Marker?: string} => {
	const size = world.scenario.iamPageSize ?? 100;
	const start = Number(param(call, 'Marker') ?? '0');
	const end = start + size;
	return {items: items.slice(start, end), IsTruncated: end < items.length, ...(end < items.length ? {Marker: String(end)} : {})};
};

const listAnswer = (call: FakeCall, world: World, field: string, items: readonly XmlValue[]): FakeResponse => {
	const page = paged(call, world, items);
	return queryAnswer('iam', call.operation, {[field]: page.items, IsTruncated: page.IsTruncated, ...(page.Marker ? {Marker: page.Marker} : {})});
};

const attachedList = (world: World, arns: readonly string[] | undefined): XmlTree[] =>
	(arns ?? []).map(arn => ({PolicyName: findPolicy(world, arn)?.name ?? arn.split('/').pop()!, PolicyArn: arn}));

const findPolicy = (world: World, arn: string | undefined): FakeManagedPolicy | undefined => (world.scenario.managedPolicies ?? []).find(policy => policy.arn === arn);

/** AWS managed policies are visible to every account; customer managed ones only to their own. */
const visiblePolicy = (call: FakeCall, world: World): FakeManagedPolicy | undefined => {
	const arn = param(call, 'PolicyArn');
	const policy = findPolicy(world, arn);
	if (!policy) return undefined;
	const account = policy.arn.split(':')[4];
	return account === 'aws' || account === call.caller.account ? policy : undefined;
};

const boundaryOf = (holder: FakeRole | FakeUser): XmlTree | undefined =>
	holder.boundary ? {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: holder.boundary} : undefined;

const tagsOf = (tags: Readonly<Record<string, string>> | undefined): XmlTree[] | undefined =>
	tags ? Object.entries(tags).map(([Key, Value]) => ({Key, Value})) : undefined;

type HolderKind = 'Role' | 'User' | 'Group';

const holderOf = (call: FakeCall, world: World, kind: HolderKind): FakeRole | FakeUser | FakeGroup | undefined => {
	const {roles, users, groups} = world.scenario;
	if (kind === 'Role') return inAccount(roles, call, param(call, 'RoleName'));
	if (kind === 'User') return inAccount(users, call, param(call, 'UserName'));
	return inAccount(groups, call, param(call, 'GroupName'));
};

/** List{Kind}Policies, Get{Kind}Policy, ListAttached{Kind}Policies for roles, users and groups alike. */
const handlePolicyHolder = (call: FakeCall, world: World): FakeResponse | undefined => {
	const match = /^(List|Get|ListAttached)(Role|User|Group)(Policies|Policy)$/.exec(call.operation);
	if (!match) return undefined;
	const [, verb, kind] = match as unknown as [string, 'List' | 'Get' | 'ListAttached', HolderKind];
	const holder = holderOf(call, world, kind);
	if (!holder) return noSuchEntity(call, `${kind.toLowerCase()} with name ${param(call, `${kind}Name`)}`);
	if (verb === 'List') return listAnswer(call, world, 'PolicyNames', Object.keys(holder.inline ?? {}));
	if (verb === 'ListAttached') return listAnswer(call, world, 'AttachedPolicies', attachedList(world, holder.attached));
	const name = param(call, 'PolicyName') ?? '';
	const document = holder.inline?.[name];
	if (!document) return noSuchEntity(call, `${kind.toLowerCase()} policy with name ${name}`);
	return queryAnswer('iam', call.operation, {[`${kind}Name`]: holder.name, PolicyName: name, PolicyDocument: encode(document)});
};

export const handleIam: Handler = (call, world) => {
	const holderAnswer = handlePolicyHolder(call, world);
	if (holderAnswer) return holderAnswer;
	switch (call.operation) {
		case 'GetRole': {
			const role = inAccount(world.scenario.roles, call, param(call, 'RoleName'));
			if (!role) return noSuchEntity(call, `role with name ${param(call, 'RoleName')}`);
			return queryAnswer('iam', 'GetRole', {
				Role: {
					Path: role.path ?? '/',
					RoleName: role.name,
					RoleId: role.id,
					Arn: arnOf('role', role),
					CreateDate: created,
					AssumeRolePolicyDocument: encode(role.trust ?? {Version: '2012-10-17', Statement: []}),
					PermissionsBoundary: boundaryOf(role),
					Tags: tagsOf(role.tags),
				},
			});
		}
		case 'GetUser': {
			const user = inAccount(world.scenario.users, call, param(call, 'UserName'));
			if (!user) return noSuchEntity(call, `user with name ${param(call, 'UserName')}`);
			return queryAnswer('iam', 'GetUser', {
				User: {Path: user.path ?? '/', UserName: user.name, UserId: user.id, Arn: arnOf('user', user), CreateDate: created, PermissionsBoundary: boundaryOf(user), Tags: tagsOf(user.tags)},
			});
		}
		case 'ListGroupsForUser': {
			const user = inAccount(world.scenario.users, call, param(call, 'UserName'));
			if (!user) return noSuchEntity(call, `user with name ${param(call, 'UserName')}`);
			const groups = (user.groups ?? []).map(name => inAccount(world.scenario.groups, call, name)).filter(group => group !== undefined);
			return listAnswer(
				call,
				world,
				'Groups',
				groups.map(group => ({Path: group.path ?? '/', GroupName: group.name, GroupId: group.id, Arn: arnOf('group', group), CreateDate: created})),
			);
		}
		case 'GetPolicy': {
			const policy = visiblePolicy(call, world);
			if (!policy) return noSuchEntity(call, `policy ${param(call, 'PolicyArn')}`);
			return queryAnswer('iam', 'GetPolicy', {
				Policy: {PolicyName: policy.name, PolicyId: `ANPA${policy.name.toUpperCase().slice(0, 12)}`, Arn: policy.arn, Path: '/', DefaultVersionId: policy.defaultVersion, AttachmentCount: 1, IsAttachable: true, CreateDate: created, UpdateDate: created},
			});
		}
		case 'GetPolicyVersion': {
			const policy = visiblePolicy(call, world);
			const versionId = param(call, 'VersionId') ?? '';
			const document = policy?.versions[versionId];
			if (!policy || !document) return noSuchEntity(call, `policy version ${versionId} of ${param(call, 'PolicyArn')}`);
			return queryAnswer('iam', 'GetPolicyVersion', {
				PolicyVersion: {Document: encode(document), VersionId: versionId, IsDefaultVersion: versionId === policy.defaultVersion, CreateDate: created},
			});
		}
		default:
			return fail(call, {status: 400, code: 'InvalidAction', message: `Could not find operation ${call.operation} for version 2010-05-08`});
	}
};
