import type {GrantInput, PolicySet, PolicySlot, StatementTrace, UnreadPolicy} from '../engine/evaluation.js';
import {parsePolicy} from '../engine/parse-policy.js';
import type {Policy} from '../engine/policy.js';
import {parseCaller} from '../engine/principal.js';
import {pathOf, sameRef, type PolicyRef} from './policy-ref.js';
import {isAccountId, isKeyArn, s3Arn} from '../names/index.js';
import type {ActionSpec} from './required-actions.js';
import {keyInfoOf, type ResolvedFacts} from './resolve-question.js';
import {sessionRoleNamed} from '../snapshot/session-role.js';
import {commandInAccount} from '../snapshot/profiles.js';
import {keyGrantsRead} from './read-commands.js';
import type {NamedPolicy, OrganizationLevel, PolicyJson, Snapshot} from '../snapshot/snapshot.js';

/**
 * From the snapshot to the engine's policy sets. Absent means unknown: each absent policy becomes an
 * `UnreadPolicy` with the reason collection recorded (or a default one) and the read that would resolve it.
 */

export type PolicyProblem = {readonly path: string; readonly message: string};

type Origin = {readonly ref: PolicyRef; readonly document: PolicyJson};

const statementAt = (document: PolicyJson, index: number): unknown => {
	const statement = document['Statement'];
	return Array.isArray(statement) ? statement[index] : index === 0 ? statement : undefined;
};

/** Parses each document once per diagnosis, remembers what failed to parse and where each policy came from. */
export class PolicyBook {
	readonly problems: PolicyProblem[] = [];
	readonly #cache = new Map<PolicyJson, Policy | UnreadPolicy>();
	readonly #origins = new Map<string, Origin[]>();

	/**
	 * The policy a statement of the engine's explanation is in. Its name narrows it down (names may
	 * repeat); the statement itself, the very object the engine read, decides.
	 */
	refOf(trace: Pick<StatementTrace, 'policy' | 'statementIndex' | 'source'>): PolicyRef | undefined {
		return this.#origins.get(trace.policy)?.find(origin => statementAt(origin.document, trace.statementIndex) === trace.source)?.ref;
	}

	parse(document: PolicyJson, name: string, ref: PolicyRef): Policy | UnreadPolicy {
		const origins = this.#origins.get(name) ?? [];
		if (!origins.some(origin => sameRef(origin.ref, ref))) this.#origins.set(name, [...origins, {ref, document}]);
		const cached = this.#cache.get(document);
		if (cached) return cached;
		const parsed = parsePolicy(document, name);
		const slot: Policy | UnreadPolicy = parsed.ok
			? parsed.value
			: {unread: true, reason: `it is not a valid policy: ${parsed.error.message}`, resolveWith: `a corrected ${name}`};
		if (!parsed.ok) this.problems.push({path: pathOf(ref), message: parsed.error.message});
		this.#cache.set(document, slot);
		return slot;
	}
}

const unreadFor = (snapshot: Snapshot, path: string, fallbackReason: string, fallbackResolve: string): UnreadPolicy => {
	const note = snapshot.unread?.find(candidate => candidate.path === path);
	return {unread: true, reason: note?.reason ?? fallbackReason, resolveWith: note?.resolveWith ?? fallbackResolve};
};

export const isNamed = (entry: PolicyJson | NamedPolicy): entry is NamedPolicy =>
	typeof (entry as NamedPolicy).document === 'object' && typeof (entry as NamedPolicy).name === 'string';

/** The reads that show the caller's permissions boundary: the entity names it, its default version holds the text. */
export const boundaryReads = (entity: string): string =>
	`iam:GetRole or iam:GetUser on ${entity} (its PermissionsBoundary names the policy), then iam:GetPolicy and iam:GetPolicyVersion on that policy`;

/**
 * A pasted message naming a session policy is AWS's word that one was passed: the assumption that none was (AWS cannot
 * read one) no longer holds, and the policy is unknown.
 */
export const sessionPolicyEvidenced = (snapshot: Snapshot): boolean => snapshot.evidence?.some(evidence => evidence.deniedBy === 'session') ?? false;

/** A session policy is passed when the session is created and cannot be read from AWS afterwards: only its creator knows it. */
export const sessionPolicyRead =
	"the session policy as the session's creator passed it (the Policy or PolicyArns of sts:AssumeRole, or of sts:GetFederationToken), pasted by the code, tool or identity broker that created the session: AWS cannot read a session policy back";

/** The user or role whose policies a read names: a session's role by its ARN where the snapshot says it, else by its name. */
export const principalEntity = (snapshot: Snapshot): string => {
	const arn = snapshot.principal?.arn;
	if (!arn) return 'the caller';
	const caller = parseCaller(arn);
	if (caller.kind !== 'session') return arn;
	// The session's ARN leaves the role's path out: no ARN is spelled for it that was not read or given.
	return sessionRoleNamed(snapshot) ?? arn;
};

/**
 * The account root user has no IAM policies and needs none: "By default, all requests are implicitly denied with the
 * exception of the AWS account root user, which has full access" (IAM User Guide, "Policy evaluation logic").
 */
const rootUserFullAccess: PolicyJson = {Version: '2012-10-17', Statement: [{Sid: 'FullAccess', Effect: 'Allow', Action: '*', Resource: '*'}]};
export const rootUserAccessName = "the account root user's full access";

const identityPolicies = (snapshot: Snapshot, book: PolicyBook): PolicySet['identity'] => {
	const principal = snapshot.principal;
	if (principal && parseCaller(principal.arn).kind === 'root') return [book.parse(rootUserFullAccess, rootUserAccessName, {place: 'identity-policy', owner: 'caller', index: 0})];
	const entity = principalEntity(snapshot);
	if (!principal?.identityPolicies) {
		// A user's policies are read with the User calls, and its groups' policies count too.
		const reads = principal && parseCaller(principal.arn).kind === 'user'
			? 'iam:ListUserPolicies, iam:GetUserPolicy, iam:ListAttachedUserPolicies, iam:ListGroupsForUser (and the group policy reads) and iam:GetPolicyVersion'
			: 'iam:ListRolePolicies, iam:GetRolePolicy, iam:ListAttachedRolePolicies and iam:GetPolicyVersion';
		return unreadFor(snapshot, 'principal.identityPolicies', "the caller's IAM policies are not in the snapshot", `${reads} on ${entity} (or paste its policies)`);
	}
	return principal.identityPolicies.map((policy, index) =>
		book.parse(policy.document, `IAM policy "${policy.name}"`, {place: 'identity-policy', owner: 'caller', index}),
	);
};

const singlePolicy = (
	snapshot: Snapshot,
	book: PolicyBook,
	value: PolicyJson | NamedPolicy | null | undefined,
	ref: PolicyRef,
	name: string,
	reason: string,
	resolveWith: string,
): PolicySlot => {
	if (value === null) return null;
	if (value === undefined) return unreadFor(snapshot, pathOf(ref), reason, resolveWith);
	return isNamed(value) ? book.parse(value.document, `${name} "${value.name}"`, ref) : book.parse(value, name, ref);
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
			return book.parse(isNamed(entry) ? entry.document : entry, name, {place: kind === 'SCP' ? 'scp' : 'rcp', owner: 'organization', level: levelIndex, index});
		}),
	);
};

/**
 * The read that settles another account's key's grants: kms:ListGrants in the key's account, with its profile where one
 * read it. KMS API Reference, ListGrants: "Cross-account use: Yes. To perform this operation on a KMS key in a different
 * Amazon Web Services account, specify the key ARN", and "Required permissions: kms:ListGrants (key policy)": from the
 * caller's account only as far as the key policy allows that account.
 */
const crossAccountGrantsRead = (snapshot: Snapshot, keyArn: string, keyAccount: string, callerAccount: string): string =>
	`kms:ListGrants on ${keyArn} from the key's account ${keyAccount} (${commandInAccount(snapshot, keyGrantsRead(keyArn), keyAccount, 'key')}); ` +
	`from the caller's account ${callerAccount} KMS lists them only if the key policy allows that account kms:ListGrants`;

const grantsOf = (snapshot: Snapshot, keyInfo: Snapshot['key'], path: string, keyArn: string, accounts?: {readonly key: string; readonly caller: string}): PolicySet['grants'] => {
	if (!keyInfo?.grants) {
		const unread = unreadFor(snapshot, path, "the key's grants are not in the snapshot", `kms:ListGrants on ${keyArn}`);
		// Whatever read failed or was not made, the key's own account is where the grants can be listed.
		return accounts ? {...unread, resolveWith: crossAccountGrantsRead(snapshot, keyArn, accounts.key, accounts.caller)} : unread;
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

/**
 * The key info that belongs to an action's side, if the snapshot's key is that key. A key left unknown beside a described
 * one is never it: the described key would have been taken wherever the name could resolve to it.
 */
export const keyInfoFor = (snapshot: Snapshot, spec: ActionSpec): Snapshot['key'] =>
	spec.unknownKey ? undefined : keyInfoOf(spec.side === 'source' ? snapshot.source?.keyInfo : snapshot.key, spec.resource);

export const bucketInfoFor = (snapshot: Snapshot, side: ActionSpec['side']): Snapshot['bucket'] =>
	side === 'source' ? snapshot.source?.bucketInfo : snapshot.bucket;

/** What HeadObject said of the object of an action's side: the copy source's, or the question's own. */
export const objectInfoFor = (snapshot: Snapshot, side: ActionSpec['side']): Snapshot['object'] =>
	side === 'source' ? snapshot.source?.objectInfo : snapshot.object;

export const policySetFor = (snapshot: Snapshot, spec: ActionSpec, facts: ResolvedFacts, book: PolicyBook): PolicySet => {
	const principal = snapshot.principal;
	const entity = principalEntity(snapshot);
	const isSession = principal ? parseCaller(principal.arn).kind === 'session' : false;
	// A service principal has no identity policies, boundary or session; SCPs affect only the organization's IAM users and roles.
	const common: PolicySet = spec.actor.kind === 'service' ? {identity: [], boundary: null, session: null, scp: []} : {
		identity: identityPolicies(snapshot, book),
		boundary: singlePolicy(snapshot, book, principal?.permissionsBoundary, {place: 'permissions-boundary', owner: 'caller'}, 'permissions boundary', 'whether the caller has a permissions boundary is not in the snapshot', boundaryReads(entity)),
		// Session policies cannot be read from AWS: absent means none was passed (said in the diagnosis' unknowns), unless
		// a pasted message says one denied: then one was passed, and it is unknown.
		session: principal?.sessionPolicy && isSession
			? singlePolicy(snapshot, book, principal.sessionPolicy, {place: 'session-policy', owner: 'caller'}, 'session policy', '', '')
			: principal && principal.sessionPolicy === undefined && sessionPolicyEvidenced(snapshot)
				? {unread: true, reason: 'a session policy cannot be read from AWS', resolveWith: sessionPolicyRead}
				: null,
		scp: organizationLevels(snapshot, book, snapshot.organization?.serviceControlPolicies, 'organization.serviceControlPolicies', 'SCP'),
	};
	const rcp = organizationLevels(snapshot, book, snapshot.organization?.resourceControlPolicies, 'organization.resourceControlPolicies', 'RCP');
	if (spec.service === 's3') {
		const bucket = bucketInfoFor(snapshot, spec.side);
		const bucketName = spec.side === 'source' ? snapshot.question.source?.bucket : snapshot.question.bucket;
		const resource = singlePolicy(snapshot, book, bucket?.policy, {place: 'bucket-policy', owner: spec.side}, 'bucket policy', 'the bucket policy is not in the snapshot', `s3:GetBucketPolicy on ${bucketName === undefined ? 'the bucket' : s3Arn(facts.partition, bucketName)} with a profile of the bucket's account`);
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
		{place: 'key-policy', owner: spec.side},
		'key policy',
		otherKey ? `the snapshot describes the key ${otherKey}, not ${spec.unknownKey?.label ?? spec.resource}, the key S3 uses` : 'the key policy is not in the snapshot',
		`kms:GetKeyPolicy on ${spec.resource}${crossAccount ? ` with a profile of the key's account ${keyAccount} (a key policy cannot be read from another account)` : ''}`,
	);
	// RCPs do not apply to AWS managed keys.
	const accounts = crossAccount && !spec.unknownKey && isKeyArn(spec.resource) ? {key: keyAccount, caller: facts.question.principalAccount} : undefined;
	return {...common, resource, grants: grantsOf(snapshot, keyInfo, `${keyPath}.grants`, spec.resource, accounts), rcp: keyInfo?.keyManager === 'AWS' ? [] : rcp};
};
