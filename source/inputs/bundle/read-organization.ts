import {notInOrganizationCode, organizationOf, organizationPolicyOf, parentOf, policyTypeNotEnabledCode, targetPoliciesPageOf} from '../../snapshot/aws-answers/index.js';
import type {UnreadNote} from '../../snapshot/provenance.js';
import type {NamedPolicy, OrganizationInfo, OrganizationLevel} from '../../snapshot/snapshot.js';
import {mappedAnswer, noteOf} from './bundle-files.js';
import {calls, stems, type OrganizationPolicyFilter} from './bundle-layout.js';
import type {ReadContext} from './read-principal.js';
import {type Mutable} from '../../shared/json.js';


const treeResolve =
	'organizations:ListParents, organizations:ListPoliciesForTarget and organizations:DescribePolicy, from the management account or a delegated administrator (or paste the policies)';

/** Deeper than AWS allows (five OU levels): a loop in a damaged bundle stops here. */
const maxDepth = 10;

type Walk = {readonly levels: OrganizationLevel[]} | {readonly note: UnreadNote} | {readonly notEnabled: true};

/** From the account up to the root: the policies of each level, root first, as the snapshot wants them. */
const walk = (context: ReadContext, account: string, filter: OrganizationPolicyFilter, path: string): Walk => {
	const levels: OrganizationLevel[] = [];
	let target = account;
	let isRoot = false;
	for (let depth = 0; depth < maxDepth; depth++) {
		const call = context.files.call(stems.targetPolicies(filter, target));
		if (call.state === 'failed' && call.failure.code === policyTypeNotEnabledCode) return {notEnabled: true};
		const listed = mappedAnswer(calls.listPoliciesForTarget, call, targetPoliciesPageOf);
		if (!listed.ok) return {note: noteOf(path, calls.listPoliciesForTarget, listed.error, target, treeResolve)};
		const level: NamedPolicy[] = [];
		for (const summary of listed.value.items) {
			const described = context.files.call(stems.organizationPolicy(summary.id));
			const policy = described.state === 'ok' ? organizationPolicyOf(described.answer, summary) : undefined;
			if (!policy?.ok) return {note: noteOf(path, calls.describePolicy, described, summary.id, treeResolve)};
			level.push(policy.value);
		}
		levels.push(level);
		if (isRoot) return {levels: levels.reverse()};
		const parents = context.files.call(stems.parents(target));
		const parent = parents.state === 'ok' ? parentOf(parents.answer) : undefined;
		if (!parent?.ok) return {note: noteOf(path, calls.listParents, parents, target, treeResolve)};
		isRoot = parent.value.isRoot;
		target = parent.value.id;
	}
	return {note: {path, reason: `the organization tree above ${account} is deeper than ${maxDepth} levels: the bundle looks damaged`, resolveWith: treeResolve}};
};

export type OrganizationRead = {
	/** `null`: the account is in no organization. */
	readonly organizationId?: string | null;
	readonly info?: OrganizationInfo;
};

/** "Not in an organization" speaks only for the account that ran the script: another account may well be in one. */
const outsideOrganization = (context: ReadContext, principalAccount: string | undefined, bucketAccount: string | undefined, callerAccount: string | undefined): OrganizationRead => {
	const info: Mutable<OrganizationInfo> = {};
	if (principalAccount !== undefined && principalAccount === callerAccount) info.serviceControlPolicies = [];
	else {
		context.notes.push({
			path: 'organization.serviceControlPolicies',
			reason: principalAccount ? `the script ran in account ${callerAccount ?? '(unknown)'}, which is in no organization, not in the principal's account ${principalAccount}` : "the principal's account is unknown",
			resolveWith: `run the collection script with credentials of ${principalAccount ? `account ${principalAccount}` : "the principal's account"}, or paste its SCPs`,
		});
	}
	if (bucketAccount !== undefined && bucketAccount === callerAccount) info.resourceControlPolicies = [];
	else {
		context.notes.push({
			path: 'organization.resourceControlPolicies',
			reason: "the bucket's account is unknown, so whether an organization's RCPs apply to it is too",
			resolveWith: "run the collection script with credentials of the bucket's account, or paste its RCPs",
		});
	}
	return {organizationId: null, info};
};

/**
 * SCPs above the principal's account and RCPs above the bucket's account. The management account is
 * under neither; an account outside any organization has none. `callerAccount`: the account that ran the script.
 */
export const readOrganization = (context: ReadContext, principalAccount: string | undefined, bucketAccount: string | undefined, callerAccount?: string): OrganizationRead => {
	const described = context.files.call(calls.describeOrganization.stem);
	if (described.state === 'failed' && described.failure.code === notInOrganizationCode) {
		return outsideOrganization(context, principalAccount, bucketAccount, callerAccount);
	}
	const mapped = mappedAnswer(calls.describeOrganization, described, organizationOf);
	if (!mapped.ok) {
		const note = noteOf('organization', calls.describeOrganization, mapped.error);
		context.notes.push({...note, path: 'principal.organizationId'}, {...note, path: 'organization.serviceControlPolicies'}, {...note, path: 'organization.resourceControlPolicies'});
		return {};
	}
	const {id: organizationId, managementAccount: management} = mapped.value;
	const info: Mutable<OrganizationInfo> = {};

	const levelsFor = (account: string | undefined, filter: OrganizationPolicyFilter, path: string, unknownAccount: string): OrganizationLevel[] | undefined => {
		if (!account) {
			context.notes.push({path, reason: unknownAccount, resolveWith: treeResolve});
			return undefined;
		}
		if (account === management) return [];
		const result = walk(context, account, filter, path);
		if ('levels' in result) return result.levels;
		if ('notEnabled' in result) return [];
		context.notes.push(result.note);
		return undefined;
	};
	const scps = levelsFor(principalAccount, 'SERVICE_CONTROL_POLICY', 'organization.serviceControlPolicies', "the principal's account is unknown");
	if (scps) info.serviceControlPolicies = scps;
	const rcps = levelsFor(bucketAccount, 'RESOURCE_CONTROL_POLICY', 'organization.resourceControlPolicies', "the bucket's account is unknown, so its RCPs are too");
	if (rcps) info.resourceControlPolicies = rcps;
	return {...(organizationId ? {organizationId} : {}), info};
};
