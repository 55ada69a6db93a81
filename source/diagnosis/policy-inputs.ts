import type {GrantInput, PolicySet, PolicySlot, UnreadPolicy} from '../engine/evaluation.js';
import {parsePolicy} from '../engine/parse-policy.js';
import type {Policy} from '../engine/policy.js';
import {parseCaller, roleArnOfCaller} from '../engine/principal.js';
import {isAccountId} from '../names/index.js';
import type {ActionSpec} from './required-actions.js';
import {keyInfoOf, type ResolvedFacts} from './resolve-question.js';
import type {NamedPolicy, OrganizationLevel, PolicyJson, Snapshot} from '../snapshot/snapshot.js';

/**
 * From the snapshot to the engine's policy sets. Absent means unknown: each absent policy becomes an
 * `UnreadPolicy` with the reason collection recorded (or a default one) and the read that would resolve it.
 */

export type PolicyProblem = {readonly path: string; readonly message: string};

/** Parses each document once per diagnosis and remembers what failed to parse. */
export class PolicyBook {
	readonly problems: PolicyProblem[] = [];
	readonly #cache = new Map<PolicyJson, Policy | UnreadPolicy>();
	readonly #paths = new Map<string, string>();

	/** The snapshot path of the document a policy name came from, e.g. `principal.identityPolicies[1]`. */
	pathOf(policyName: string): string | undefined {
		return this.#paths.get(policyName);
	}

	parse(document: PolicyJson, name: string, path: string): Policy | UnreadPolicy {
		this.#paths.set(name, path);
		const cached = this.#cache.get(document);
		if (cached) return cached;
		const parsed = parsePolicy(document, name);
		const slot: Policy | UnreadPolicy = parsed.ok
			? parsed.value
			: {unread: true, reason: `it is not a valid policy: ${parsed.error.message}`, resolveWith: `a corrected ${name}`};
		if (!parsed.ok) this.problems.push({path, message: parsed.error.message});
		this.#cache.set(document, slot);
		return slot;
	}
}

const unreadFor = (snapshot: Snapshot, path: string, fallbackReason: string, fallbackResolve: string): UnreadPolicy => {
	const note = snapshot.unread?.find(candidate => candidate.path === path);
	return {unread: true, reason: note?.reason ?? fallbackReason, resolveWith: note?.resolveWith ?? fallbackResolve};
};

const isNamed = (entry: PolicyJson | NamedPolicy): entry is NamedPolicy =>
	typeof (entry as NamedPolicy).document === 'object' && typeof (entry as NamedPolicy).name === 'string';

const principalEntity = (arn: string | undefined, roleArn: string | undefined): string => {
	if (!arn) return 'the caller';
	const caller = parseCaller(arn);
	return caller.kind === 'session' ? (roleArn ?? roleArnOfCaller(caller) ?? arn) : arn;
};

const identityPolicies = (snapshot: Snapshot, book: PolicyBook): PolicySet['identity'] => {
	const principal = snapshot.principal;
	const entity = principalEntity(principal?.arn, principal?.roleArn);
	if (!principal?.identityPolicies) {
		// A user's policies are read with the User calls, and its groups' policies count too.
		const reads = principal && parseCaller(principal.arn).kind === 'user'
			? 'iam:ListUserPolicies, iam:GetUserPolicy, iam:ListAttachedUserPolicies, iam:ListGroupsForUser (and the group policy reads) and iam:GetPolicyVersion'
			: 'iam:ListRolePolicies, iam:GetRolePolicy, iam:ListAttachedRolePolicies and iam:GetPolicyVersion';
		return unreadFor(snapshot, 'principal.identityPolicies', "the caller's IAM policies are not in the snapshot", `${reads} on ${entity} (or paste its policies)`);
	}
	return principal.identityPolicies.map((policy, index) =>
		book.parse(policy.document, `IAM policy "${policy.name}"`, `principal.identityPolicies[${index}]`),
	);
};

const singlePolicy = (
	snapshot: Snapshot,
	book: PolicyBook,
	value: PolicyJson | NamedPolicy | null | undefined,
	path: string,
	name: string,
	reason: string,
	resolveWith: string,
): PolicySlot => {
	if (value === null) return null;
	if (value === undefined) return unreadFor(snapshot, path, reason, resolveWith);
	return isNamed(value) ? book.parse(value.document, `${name} "${value.name}"`, path) : book.parse(value, name, path);
};

const organizationLevels = (
	snapshot: Snapshot,
	book: PolicyBook,
	levels: readonly OrganizationLevel[] | undefined,
	path: string,
	kind: 'SCP' | 'RCP',
): PolicySet['scp'] => {
	if (levels === undefined) {
		return unreadFor(
			snapshot,
			path,
			`the organization's ${kind === 'SCP' ? 'service' : 'resource'} control policies are not in the snapshot`,
			'organizations:ListParents, organizations:ListPoliciesForTarget and organizations:DescribePolicy from the management account or a delegated administrator (or paste them)',
		);
	}
	return levels.map((level, levelIndex) =>
		level.map((entry, index) => {
			const name = isNamed(entry) ? `${kind} "${entry.name}"` : `${kind} ${index + 1} at level ${levelIndex + 1}`;
			return book.parse(isNamed(entry) ? entry.document : entry, name, `${path}[${levelIndex}][${index}]`);
		}),
	);
};

const grantsOf = (snapshot: Snapshot, keyInfo: Snapshot['key'], path: string, keyArn: string): PolicySet['grants'] => {
	if (!keyInfo?.grants) {
		return unreadFor(snapshot, path, "the key's grants are not in the snapshot", `kms:ListGrants on ${keyArn}`);
	}
	return keyInfo.grants.map(
		(grant, index): GrantInput => ({
			name: grant.name ?? grant.grantId ?? `#${index + 1}`,
			granteePrincipal: grant.granteePrincipal,
			operations: grant.operations,
			...(grant.constraints?.encryptionContextEquals ? {encryptionContextEquals: grant.constraints.encryptionContextEquals} : {}),
			...(grant.constraints?.encryptionContextSubset ? {encryptionContextSubset: grant.constraints.encryptionContextSubset} : {}),
		}),
	);
};

/** The key info that belongs to an action's side, if the snapshot's key is that key. */
export const keyInfoFor = (snapshot: Snapshot, spec: ActionSpec): Snapshot['key'] =>
	keyInfoOf(spec.side === 'source' ? snapshot.source?.keyInfo : snapshot.key, spec.keyUnknown ? undefined : spec.resource);

export const bucketInfoFor = (snapshot: Snapshot, side: ActionSpec['side']): Snapshot['bucket'] =>
	side === 'source' ? snapshot.source?.bucketInfo : snapshot.bucket;

export const policySetFor = (snapshot: Snapshot, spec: ActionSpec, facts: ResolvedFacts, book: PolicyBook): PolicySet => {
	const principal = snapshot.principal;
	const entity = principalEntity(principal?.arn, principal?.roleArn);
	const isSession = principal ? parseCaller(principal.arn).kind === 'session' : false;
	const common: PolicySet = {
		identity: identityPolicies(snapshot, book),
		boundary: singlePolicy(snapshot, book, principal?.permissionsBoundary, 'principal.permissionsBoundary', 'permissions boundary', 'whether the caller has a permissions boundary is not in the snapshot', `iam:GetRole or iam:GetUser on ${entity}`),
		// Session policies cannot be read from AWS: absent means none was passed (said in the diagnosis' unknowns).
		session: principal?.sessionPolicy && isSession ? singlePolicy(snapshot, book, principal.sessionPolicy, 'principal.sessionPolicy', 'session policy', '', '') : null,
		scp: organizationLevels(snapshot, book, snapshot.organization?.serviceControlPolicies, 'organization.serviceControlPolicies', 'SCP'),
	};
	const rcp = organizationLevels(snapshot, book, snapshot.organization?.resourceControlPolicies, 'organization.resourceControlPolicies', 'RCP');
	if (spec.service === 's3') {
		const bucket = bucketInfoFor(snapshot, spec.side);
		const bucketName = spec.side === 'source' ? snapshot.question.source?.bucket : snapshot.question.bucket;
		const bucketPath = spec.side === 'source' ? 'source.bucketInfo.policy' : 'bucket.policy';
		const resource = singlePolicy(snapshot, book, bucket?.policy, bucketPath, 'bucket policy', 'the bucket policy is not in the snapshot', `s3:GetBucketPolicy on arn:${facts.partition}:s3:::${bucketName} with a profile of the bucket's account`);
		return {...common, resource, rcp};
	}
	const keyInfo = keyInfoFor(snapshot, spec);
	const described = spec.side === 'source' ? snapshot.source?.keyInfo : snapshot.key;
	// The snapshot describes another key than the one S3 uses: its policy, grants and notes say nothing about this one.
	const otherKey = described && !keyInfo ? described.arn : undefined;
	const keyPath = spec.side === 'source' ? 'source.keyInfo' : 'key';
	const keyAccount = spec.resource.split(':')[4];
	const crossAccount = keyAccount && isAccountId(keyAccount) && facts.question.principalAccount && keyAccount !== facts.question.principalAccount;
	const resource = singlePolicy(
		snapshot,
		book,
		keyInfo?.policy,
		`${keyPath}.policy`,
		'key policy',
		otherKey ? `the snapshot describes the key ${otherKey}, not ${spec.resource}, the key S3 uses` : 'the key policy is not in the snapshot',
		`kms:GetKeyPolicy on ${spec.resource}${crossAccount ? ` with a profile of the key's account ${keyAccount} (a key policy cannot be read from another account)` : ''}`,
	);
	// RCPs do not apply to AWS managed keys.
	return {...common, resource, grants: grantsOf(snapshot, keyInfo, `${keyPath}.grants`, spec.resource), rcp: keyInfo?.keyManager === 'AWS' ? [] : rcp};
};
