import {DescribeOrganizationCommand, DescribePolicyCommand, ListParentsCommand, ListPoliciesForTargetCommand, type PolicyType} from '@aws-sdk/client-organizations';
import {
	notInOrganizationCode,
	organizationOf,
	organizationPolicyOf,
	parentOf,
	policyTypeNotEnabledCode,
	targetPoliciesPageOf,
	type PolicySummary,
} from '../snapshot/aws-answers/index.js';
import type {NamedPolicy, OrganizationInfo, OrganizationLevel} from '../snapshot/snapshot.js';
import {answerFailure} from './answer-failure.js';
import type {Failure} from './aws-error.js';
import {pageOrFail, readAllPages} from './read-pages.js';
import type {Outcome, Reader} from './reader.js';
import {readIdentity, sessionInAccount, sessionLabel, type Session} from './session.js';

type Organization = {readonly id: string; readonly managementAccount: string};

/** A failed organization read and the permission it needed. */
type OrgMissing = {readonly permission: string; readonly failure: Failure};
type Walk = {readonly levels?: OrganizationLevel[]; readonly missing?: OrgMissing};

const fromManagement = 'from the management account or a delegated administrator';

/** organizations:DescribeOrganization works from any member account; `null`: the account is in no organization. */
export const readOrganizationOf = (reader: Reader, session: Session): Promise<Outcome<Organization | null>> =>
	reader.once(`organization:${session.name}`, () =>
		reader.call(
			`${session.name}:organizations:DescribeOrganization`,
			`organizations:DescribeOrganization (${sessionLabel(session)})`,
			async (signal): Promise<Organization | null> => {
				const organization = organizationOf(await session.clients.organizations().send(new DescribeOrganizationCommand({}), {abortSignal: signal}));
				if (!organization.ok) throw Object.assign(new Error(organization.error.message), {name: 'IncompleteAnswer'});
				const {id, managementAccount} = organization.value;
				if (!id || !managementAccount) throw Object.assign(new Error('DescribeOrganization returned no ID'), {name: 'IncompleteAnswer'});
				return {id, managementAccount};
			},
			failure => (failure.code === notInOrganizationCode ? {value: null, detail: 'not in an organization'} : undefined),
		),
	);

const readPolicy = (reader: Reader, session: Session, listed: PolicySummary): Promise<Outcome<NamedPolicy>> =>
	reader.once(`org-policy:${session.name}:${listed.id}`, async () => {
		const outcome = await reader.call(`${session.name}:organizations:DescribePolicy:${listed.id}`, `organizations:DescribePolicy ${listed.id} (${sessionLabel(session)})`, signal =>
			session.clients.organizations().send(new DescribePolicyCommand({PolicyId: listed.id}), {abortSignal: signal}),
		);
		if (!outcome.ok) return outcome;
		const policy = organizationPolicyOf(outcome.value, listed);
		return policy.ok ? {ok: true, value: policy.value} : {ok: false, failure: answerFailure(policy.error)};
	});

/** The policies of one type attached to one target (root, OU or account), each with its document. */
const readTargetPolicies = (reader: Reader, session: Session, target: string, type: PolicyType): Promise<Walk> =>
	reader.once(`org-target:${session.name}:${type}:${target}`, async () => {
		const listed = await readAllPages(
			reader,
			`${session.name}:organizations:ListPoliciesForTarget:${type}:${target}`,
			`organizations:ListPoliciesForTarget ${target} ${type} (${sessionLabel(session)})`,
			(token, signal) =>
				session.clients
					.organizations()
					.send(new ListPoliciesForTargetCommand({TargetId: target, Filter: type, NextToken: token}), {abortSignal: signal})
					.then(answer => pageOrFail(targetPoliciesPageOf(answer))),
			failure => (failure.code === policyTypeNotEnabledCode ? {value: {items: []}, detail: 'policy type not enabled'} : undefined),
		);
		if (!listed.ok) return {missing: {permission: `organizations:ListPoliciesForTarget on ${target}, ${fromManagement}`, failure: listed.failure}};
		const policies = await Promise.all(listed.value.map(summary => readPolicy(reader, session, summary)));
		const failed = policies.find(policy => !policy.ok);
		if (failed && !failed.ok) return {missing: {permission: `organizations:DescribePolicy, ${fromManagement}`, failure: failed.failure}};
		return {levels: [policies.flatMap(policy => (policy.ok ? [policy.value] : []))]};
	});

const readParent = (reader: Reader, session: Session, child: string) =>
	reader.once(`org-parent:${session.name}:${child}`, () =>
		reader.call(`${session.name}:organizations:ListParents:${child}`, `organizations:ListParents ${child} (${sessionLabel(session)})`, signal =>
			session.clients.organizations().send(new ListParentsCommand({ChildId: child}), {abortSignal: signal}).then(parentOf),
		),
	);

/** The most ListParents calls from an account to its root: Organizations nests OUs at most five deep (for SCPs), so this is ample. */
const maxDepth = 10;

const noRootFailure: Failure = {
	kind: 'other',
	code: 'NoRoot',
	message: `organizations:ListParents did not lead to the organization's root within ${maxDepth} levels: a parent came back, or the tree goes deeper than OUs can nest`,
};

/**
 * From the account up to the root (organizations:ListParents), reading each level's policies as soon as it is
 * known, so the walk costs the tree's depth and not depth × 3 round trips. Root level first.
 */
const walkToRoot = async (reader: Reader, session: Session, account: string, type: PolicyType): Promise<Walk> => {
	const levels: Promise<Walk>[] = [readTargetPolicies(reader, session, account, type)];
	const seen = new Set([account]);
	let child = account;
	let reachedRoot = false;
	for (let depth = 0; depth < maxDepth && !reachedRoot; depth++) {
		const parents = await readParent(reader, session, child);
		if (!parents.ok) return {missing: {permission: `organizations:ListParents on ${child}, ${fromManagement}`, failure: parents.failure}};
		if (!parents.value.ok) return {missing: {permission: `organizations:ListParents on ${child}`, failure: answerFailure(parents.value.error)}};
		const parent = parents.value.value;
		// A parent met before would walk in a circle: the levels above the account are not known.
		if (seen.has(parent.id)) break;
		seen.add(parent.id);
		levels.push(readTargetPolicies(reader, session, parent.id, type));
		reachedRoot = parent.isRoot;
		child = parent.id;
	}
	// Levels without the root's are not all of them: never read as the complete set.
	if (!reachedRoot) return {missing: {permission: `organizations:ListParents on ${child}, ${fromManagement}`, failure: noRootFailure}};
	const walked = await Promise.all(levels);
	const failed = walked.find(level => level.missing);
	if (failed?.missing) return {missing: failed.missing};
	return {levels: walked.flatMap(level => level.levels ?? []).reverse()};
};

export type OrganizationTarget = {
	readonly caller: Session;
	readonly sessions: readonly Session[];
	/** The account the resource control policies matter for: the bucket's. */
	readonly resourceAccount: Promise<string | undefined>;
};

/** The levels; or the failed read; or why nothing could be read (another unknown it depends on). */
type PolicySet = {readonly levels?: readonly OrganizationLevel[]; readonly missing?: OrgMissing; readonly blocked?: {readonly reason: string; readonly resolveWith: string}};

/** SCPs (or RCPs) of one account: none outside an organization or for its management account, else the walk. */
const policiesFor = async (reader: Reader, target: OrganizationTarget, account: string, organization: Organization | null, type: PolicyType): Promise<PolicySet> => {
	if (organization === null || organization.managementAccount === account) return {levels: []};
	const session = (await sessionInAccount(reader, target.sessions, organization.managementAccount)) ?? target.caller;
	const walk = await walkToRoot(reader, session, account, type);
	return walk.missing ? {missing: walk.missing} : {levels: walk.levels ?? []};
};

/**
 * The caller's organization ID, the SCPs of the caller's account and the RCPs of the bucket's account, where a
 * profile may read them (only the management account or a delegated administrator can). What cannot be read is
 * said once, not once per call.
 */
export const readOrganization = async (reader: Reader, target: OrganizationTarget): Promise<{organizationId?: string | null; info: OrganizationInfo}> => {
	const [identity, callerOrganization] = await Promise.all([readIdentity(reader, target.caller), readOrganizationOf(reader, target.caller)]);
	if (!callerOrganization.ok) {
		reader.note(
			'organization',
			`organizations:DescribeOrganization: ${reader.explain(callerOrganization.failure)} (so the caller's organization ID, SCPs and RCPs are unknown)`,
			'organizations:DescribeOrganization',
		);
		return {info: {}};
	}
	const organization = callerOrganization.value;
	const scps: Promise<PolicySet> = identity.ok
		? policiesFor(reader, target, identity.value.account, organization, 'SERVICE_CONTROL_POLICY')
		: Promise.resolve({blocked: {reason: "the caller's account is unknown", resolveWith: "working credentials for the caller's profile"}});
	const rcps: Promise<PolicySet> = target.resourceAccount.then(async account => {
		if (!account) {
			return {blocked: {reason: "the bucket's account is unknown", resolveWith: "a profile of the bucket's account (--bucket-profile): its bucket policy read shows the owner"}};
		}
		const owner = await sessionInAccount(reader, target.sessions, account);
		const ownerOrganization = owner ? await readOrganizationOf(reader, owner) : undefined;
		if (ownerOrganization && !ownerOrganization.ok) return {missing: {permission: 'organizations:DescribeOrganization', failure: ownerOrganization.failure}};
		// Without a profile there, the caller's organization is the one to look in (the walk fails if the account is not in it).
		return policiesFor(reader, target, account, ownerOrganization?.ok ? ownerOrganization.value : organization, 'RESOURCE_CONTROL_POLICY');
	});
	const [scp, rcp] = await Promise.all([scps, rcps]);
	if (scp.missing && rcp.missing && scp.missing.failure.code === rcp.missing.failure.code) {
		reader.note('organization', `${reader.explain(scp.missing.failure)} (the SCPs and RCPs that apply are unknown)`, scp.missing.permission);
	} else {
		for (const [set, path] of [
			[scp, 'organization.serviceControlPolicies'],
			[rcp, 'organization.resourceControlPolicies'],
		] as const) {
			if (set.missing) reader.note(path, reader.explain(set.missing.failure), set.missing.permission);
			else if (set.blocked) reader.note(path, set.blocked.reason, set.blocked.resolveWith);
		}
	}
	return {
		organizationId: organization?.id ?? null,
		info: {...(scp.levels ? {serviceControlPolicies: scp.levels} : {}), ...(rcp.levels ? {resourceControlPolicies: rcp.levels} : {})},
	};
};
