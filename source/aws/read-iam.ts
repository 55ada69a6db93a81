import {
	GetGroupPolicyCommand,
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRolePolicyCommand,
	GetUserPolicyCommand,
	ListAttachedGroupPoliciesCommand,
	ListAttachedRolePoliciesCommand,
	ListAttachedUserPoliciesCommand,
	ListGroupPoliciesCommand,
	ListRolePoliciesCommand,
	ListUserPoliciesCommand,
	type IAMClient,
} from '@aws-sdk/client-iam';
import {attachedPoliciesPageOf, inlinePolicyOf, managedPolicyOf, policyNamesPageOf, policyVersionDocumentOf} from '../snapshot/aws-answers/index.js';
import type {NamedPolicy} from '../snapshot/snapshot.js';
import {answerFailure} from './answer-failure.js';
import type {Failure} from './aws-error.js';
import {pageOrFail, readAllPages} from './read-pages.js';
import type {Reader} from './reader.js';
import {sessionLabel, type Session} from './session.js';

/** A read that failed, and the permission that would have made it work. */
export type Missing = {readonly action: string; readonly permission: string; readonly failure: Failure};

/** What a group of reads found: the value only when every read worked (a partial list would look complete). */
export type Gathered<T> = {readonly value?: T; readonly missing: readonly Missing[]};

/** The IAM identity that owns policies, with the ARN its permissions name. */
export type PolicyOwner = {readonly kind: 'role' | 'user' | 'group'; readonly name: string; readonly arn: string};

const inlineApi = {
	role: {
		list: (iam: IAMClient, name: string, marker: string | undefined, signal: AbortSignal) =>
			iam.send(new ListRolePoliciesCommand({RoleName: name, Marker: marker}), {abortSignal: signal}).then(answer => pageOrFail(policyNamesPageOf(answer))),
		get: (iam: IAMClient, name: string, policy: string, signal: AbortSignal) =>
			iam.send(new GetRolePolicyCommand({RoleName: name, PolicyName: policy}), {abortSignal: signal}).then(inlinePolicyOf),
	},
	user: {
		list: (iam: IAMClient, name: string, marker: string | undefined, signal: AbortSignal) =>
			iam.send(new ListUserPoliciesCommand({UserName: name, Marker: marker}), {abortSignal: signal}).then(answer => pageOrFail(policyNamesPageOf(answer))),
		get: (iam: IAMClient, name: string, policy: string, signal: AbortSignal) =>
			iam.send(new GetUserPolicyCommand({UserName: name, PolicyName: policy}), {abortSignal: signal}).then(inlinePolicyOf),
	},
	group: {
		list: (iam: IAMClient, name: string, marker: string | undefined, signal: AbortSignal) =>
			iam.send(new ListGroupPoliciesCommand({GroupName: name, Marker: marker}), {abortSignal: signal}).then(answer => pageOrFail(policyNamesPageOf(answer))),
		get: (iam: IAMClient, name: string, policy: string, signal: AbortSignal) =>
			iam.send(new GetGroupPolicyCommand({GroupName: name, PolicyName: policy}), {abortSignal: signal}).then(inlinePolicyOf),
	},
} as const;

const attachedApi = {
	role: (iam: IAMClient, name: string, marker: string | undefined, signal: AbortSignal) =>
		iam.send(new ListAttachedRolePoliciesCommand({RoleName: name, Marker: marker}), {abortSignal: signal}).then(answer => pageOrFail(attachedPoliciesPageOf(answer))),
	user: (iam: IAMClient, name: string, marker: string | undefined, signal: AbortSignal) =>
		iam.send(new ListAttachedUserPoliciesCommand({UserName: name, Marker: marker}), {abortSignal: signal}).then(answer => pageOrFail(attachedPoliciesPageOf(answer))),
	group: (iam: IAMClient, name: string, marker: string | undefined, signal: AbortSignal) =>
		iam.send(new ListAttachedGroupPoliciesCommand({GroupName: name, Marker: marker}), {abortSignal: signal}).then(answer => pageOrFail(attachedPoliciesPageOf(answer))),
} as const;

const capitalized = {role: 'Role', user: 'User', group: 'Group'} as const;

const missing = (action: string, resource: string, failure: Failure): Missing => ({action, permission: `${action} on ${resource}`, failure});

/** A policy's name in the snapshot: group policies say which group they come from. */
const policyName = (owner: PolicyOwner, name: string): string => (owner.kind === 'group' ? `group ${owner.name}: ${name}` : name);

/** A managed policy's default version: iam:GetPolicy (which version) then iam:GetPolicyVersion (the document). */
export const readManagedPolicy = (reader: Reader, session: Session, arn: string): Promise<Gathered<NamedPolicy>> =>
	reader.once(`managed:${session.name}:${arn}`, async () => {
		const iam = session.clients.iam();
		const label = sessionLabel(session);
		const policy = await reader.call(`${session.name}:iam:GetPolicy:${arn}`, `iam:GetPolicy ${arn} (${label})`, signal =>
			iam.send(new GetPolicyCommand({PolicyArn: arn}), {abortSignal: signal}),
		);
		if (!policy.ok) return {missing: [missing('iam:GetPolicy', arn, policy.failure)]};
		const managed = managedPolicyOf(policy.value);
		if (!managed.ok) return {missing: [missing('iam:GetPolicy', arn, answerFailure(managed.error))]};
		const {defaultVersionId: versionId} = managed.value;
		const name = managed.value.name ?? arn.split('/').pop() ?? arn;
		const version = await reader.call(`${session.name}:iam:GetPolicyVersion:${arn}`, `iam:GetPolicyVersion ${arn} ${versionId} (${label})`, signal =>
			iam.send(new GetPolicyVersionCommand({PolicyArn: arn, VersionId: versionId}), {abortSignal: signal}),
		);
		if (!version.ok) return {missing: [missing('iam:GetPolicyVersion', arn, version.failure)]};
		const document = policyVersionDocumentOf(version.value);
		if (!document.ok) return {missing: [missing('iam:GetPolicyVersion', arn, answerFailure(document.error))]};
		return {value: {name, arn, document: document.value}, missing: []};
	});

/** Every inline policy of a role, user or group: List{Kind}Policies, then Get{Kind}Policy for each. */
export const readInlinePolicies = async (reader: Reader, session: Session, owner: PolicyOwner): Promise<Gathered<NamedPolicy[]>> => {
	const iam = session.clients.iam();
	const api = inlineApi[owner.kind];
	const kind = capitalized[owner.kind];
	const label = sessionLabel(session);
	const names = await readAllPages(reader, `${session.name}:iam:List${kind}Policies:${owner.name}`, `iam:List${kind}Policies ${owner.name} (${label})`, (marker, signal) =>
		api.list(iam, owner.name, marker, signal),
	);
	if (!names.ok) return {missing: [missing(`iam:List${kind}Policies`, owner.arn, names.failure)]};
	const documents = await Promise.all(
		names.value.map(async (name): Promise<Gathered<NamedPolicy>> => {
			const read = await reader.call(`${session.name}:iam:Get${kind}Policy:${owner.name}:${name}`, `iam:Get${kind}Policy ${owner.name} ${name} (${label})`, signal =>
				api.get(iam, owner.name, name, signal),
			);
			if (!read.ok) return {missing: [missing(`iam:Get${kind}Policy`, owner.arn, read.failure)]};
			const document = read.value;
			if (!document.ok) return {missing: [missing(`iam:Get${kind}Policy`, owner.arn, answerFailure({...document.error, message: `${name}: ${document.error.message}`}))]};
			return {value: {name: policyName(owner, name), document: document.value}, missing: []};
		}),
	);
	return combine(documents);
};

/** Every managed policy attached to a role, user or group, at its default version. */
export const readAttachedPolicies = async (reader: Reader, session: Session, owner: PolicyOwner): Promise<Gathered<NamedPolicy[]>> => {
	const iam = session.clients.iam();
	const kind = capitalized[owner.kind];
	const attached = await readAllPages(
		reader,
		`${session.name}:iam:ListAttached${kind}Policies:${owner.name}`,
		`iam:ListAttached${kind}Policies ${owner.name} (${sessionLabel(session)})`,
		(marker, signal) => attachedApi[owner.kind](iam, owner.name, marker, signal),
	);
	if (!attached.ok) return {missing: [missing(`iam:ListAttached${kind}Policies`, owner.arn, attached.failure)]};
	return combine(await Promise.all(attached.value.map(policy => readManagedPolicy(reader, session, policy.arn))));
};

/** Many gathered values → one list, known only when every part is. */
export const combine = <T>(parts: readonly Gathered<T | T[]>[]): Gathered<T[]> => {
	const allMissing = parts.flatMap(part => part.missing);
	if (allMissing.length > 0) return {missing: allMissing};
	return {value: parts.flatMap(part => (part.value === undefined ? [] : Array.isArray(part.value) ? part.value : [part.value as T])), missing: []};
};
