import type {StatementTrace} from '../engine/evaluation.js';
import {parseCaller, roleArnOfCaller} from '../engine/principal.js';
import {analyse, type Analysis} from './analyse.js';
import {requirementId} from './requirement-id.js';
import type {Fix, Place, Requirement} from './diagnosis.js';
import type {ActionSpec} from './required-actions.js';
import type {NamedPolicy, PolicyJson, Snapshot} from '../snapshot/snapshot.js';

/**
 * Least-privilege fixes for every missing grant and explicit deny, each proven: applied to a copy of
 * the snapshot and evaluated again, the requirements it targets must turn `ok` (or stop being denied).
 */

type JsonObject = Record<string, unknown>;
/** A fix before its proof: how to apply it, and which requirement ids must end `ok` (the rest: no longer denied). */
type Draft = Omit<Fix, 'proven'> & {readonly apply: (snapshot: Snapshot) => Snapshot; readonly mustAllow: readonly string[]};

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
const compactJson = (value: unknown): string => JSON.stringify(value);
/** A name usable inside a Sid: letters and digits, first letter capital ("john" → "John"). */
const sidPart = (text: string): string => {
	const cleaned = text.replace(/[^A-Za-z0-9]/g, '');
	return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
};

const statementsOf = (document: PolicyJson): unknown[] => {
	const statement = document['Statement'];
	return Array.isArray(statement) ? [...statement] : statement === undefined ? [] : [statement];
};

const uniqueSid = (document: PolicyJson | null | undefined, wanted: string): string => {
	const taken = new Set(document ? statementsOf(document).map(statement => (statement as JsonObject)['Sid']) : []);
	let sid = wanted;
	for (let suffix = 2; taken.has(sid); suffix++) sid = `${wanted}${suffix}`;
	return sid;
};

/** Append a statement, keeping every existing statement as it was. */
const mergeStatement = (document: PolicyJson | null | undefined, statement: JsonObject): PolicyJson => ({
	...(document ?? {Version: '2012-10-17'}),
	Statement: [...(document ? statementsOf(document) : []), statement],
});

/** The IAM entity whose policies we change: the role behind a session, or the user. */
const entityOf = (snapshot: Snapshot): {arn: string; kind: 'role' | 'user'; name: string} | undefined => {
	const principal = snapshot.principal;
	if (!principal) return undefined;
	const caller = parseCaller(principal.arn);
	if (caller.kind === 'user') return {arn: principal.arn, kind: 'user', name: caller.name ?? ''};
	if (caller.kind === 'role' || caller.kind === 'session') {
		const arn = principal.roleArn ?? roleArnOfCaller(caller);
		return arn ? {arn, kind: 'role', name: arn.split('/').pop() ?? ''} : undefined;
	}
	return undefined;
};

const viaS3Condition = (spec: ActionSpec): JsonObject | undefined => {
	const via = spec.context['kms:ViaService'];
	return typeof via === 'string' ? {StringEquals: {'kms:ViaService': via}} : undefined;
};

const setAt = (snapshot: Snapshot, path: 'key' | 'source.keyInfo' | 'bucket' | 'source.bucketInfo', policy: PolicyJson): Snapshot => {
	switch (path) {
		case 'key':
			return {...snapshot, key: {...snapshot.key!, policy}};
		case 'source.keyInfo':
			return {...snapshot, source: {...snapshot.source, keyInfo: {...snapshot.source!.keyInfo!, policy}}};
		case 'bucket':
			return {...snapshot, bucket: {...snapshot.bucket, policy}};
		case 'source.bucketInfo':
			return {...snapshot, source: {...snapshot.source, bucketInfo: {...snapshot.source?.bucketInfo, policy}}};
	}
};

/** A key's policy is one policy: write it wherever the snapshot describes that key (a copy may use one key twice). */
const setKeyPolicy = (snapshot: Snapshot, keyArn: string, policy: PolicyJson): Snapshot => {
	let next = snapshot;
	if (next.key?.arn === keyArn) next = setAt(next, 'key', policy);
	if (next.source?.keyInfo?.arn === keyArn) next = setAt(next, 'source.keyInfo', policy);
	return next;
};

const inlinePolicyName = (snapshot: Snapshot, suffix: string, alsoTaken: ReadonlySet<string>): string => {
	const base = `s3-kms-doctor-${snapshot.question.bucket}-${suffix}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 120);
	const taken = new Set([...alsoTaken, ...(snapshot.principal?.identityPolicies ?? []).map(policy => policy.name)]);
	let name = base;
	for (let suffix = 2; taken.has(name); suffix++) name = `${base}-${suffix}`;
	return name;
};

/** The AWS CLI commands that write each kind of policy, with the JSON inline and shell-quoted. */
const putKeyPolicyCommand = (keyArn: string, policy: PolicyJson): string =>
	`aws kms put-key-policy --key-id ${shellQuote(keyArn)} --policy-name default --policy ${shellQuote(compactJson(policy))}`;

const putBucketPolicyCommand = (bucket: string, policy: PolicyJson): string =>
	`aws s3api put-bucket-policy --bucket ${shellQuote(bucket)} --policy ${shellQuote(compactJson(policy))}`;

const newManagedPolicyVersionCommand = (policyArn: string, policy: PolicyJson): string =>
	`aws iam create-policy-version --policy-arn ${shellQuote(policyArn)} --set-as-default --policy-document ${shellQuote(compactJson(policy))}`;

const putIdentityPolicyCommand = (entity: {kind: 'role' | 'user'; name: string}, policyName: string, policy: PolicyJson): string =>
	`aws iam put-${entity.kind}-policy --${entity.kind}-name ${shellQuote(entity.name)} --policy-name ${shellQuote(policyName)} --policy-document ${shellQuote(compactJson(policy))}`;

const group = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> => {
	const groups = new Map<string, T[]>();
	for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
	return groups;
};

const specOf = (analysis: Analysis, requirement: Requirement): ActionSpec => analysis.actions.find(action => action.spec.id === requirement.actionId)!.spec;

/** One inline policy per resource (the key, the object): each fix stands alone and is proven alone. */
const identityFixes = (snapshot: Snapshot, analysis: Analysis, missing: readonly Requirement[]): Draft[] => {
	const entity = entityOf(snapshot);
	if (!entity) return [];
	const takenNames = new Set<string>();
	return [...group(missing, requirement => requirement.resource).entries()].map(([resource, requirements]) => {
		const spec = specOf(analysis, requirements[0]!);
		const condition = spec.service === 'kms' ? viaS3Condition(spec) : undefined;
		const actions = [...new Set(requirements.map(requirement => requirement.action))];
		const statement = {
			Sid: spec.service === 'kms' ? 'AllowKmsKeyUseThroughS3' : 'AllowS3ObjectAccess',
			Effect: 'Allow',
			Action: actions,
			Resource: resource,
			...(condition ? {Condition: condition} : {}),
		};
		const policyName = inlinePolicyName(snapshot, `${spec.service}${spec.side === 'source' ? '-source' : ''}`, takenNames);
		takenNames.add(policyName);
		const policy: PolicyJson = {Version: '2012-10-17', Statement: [statement]};
		return {
			place: 'identity-policy' as Place,
			kind: 'add-allow' as const,
			target: entity.arn,
			policyName,
			resolves: requirements.map(requirementId),
			mustAllow: requirements.map(requirementId),
			statement,
			policy,
			command: putIdentityPolicyCommand(entity, policyName, policy),
			summary: `Add an inline policy ${policyName} to ${entity.kind} ${entity.name} allowing ${actions.join(', ')} on ${resource}.`,
			apply: (current: Snapshot) => ({
				...current,
				principal: {...current.principal!, identityPolicies: [...(current.principal?.identityPolicies ?? []), {name: policyName, document: policy}]},
			}),
		};
	});
};

const keyPolicyFixes = (snapshot: Snapshot, analysis: Analysis, missing: readonly Requirement[]): Draft[] => {
	const entity = entityOf(snapshot);
	if (!entity) return [];
	return [...group(missing, requirement => requirement.resource).entries()].flatMap(([keyArn, requirements]) => {
		const spec = specOf(analysis, requirements[0]!);
		const keyInfo = spec.side === 'source' ? snapshot.source?.keyInfo : snapshot.key;
		const current = keyInfo?.policy;
		// An AWS managed key's policy cannot be changed: there is nothing to propose there.
		if (!current || keyInfo?.keyManager === 'AWS') return [];
		const condition = viaS3Condition(spec);
		const statement = {
			Sid: uniqueSid(current, `Allow${sidPart(entity.name)}UseOfKeyThroughS3`),
			Effect: 'Allow',
			Principal: {AWS: entity.arn},
			Action: [...new Set(requirements.map(requirement => requirement.action))],
			// In a key policy, "*" means this key.
			Resource: '*',
			...(condition ? {Condition: condition} : {}),
		};
		const policy = mergeStatement(current, statement);
		return [{
			place: 'key-policy' as Place,
			kind: 'add-allow' as const,
			target: keyArn,
			resolves: requirements.map(requirementId),
			mustAllow: requirements.map(requirementId),
			statement,
			policy,
			command: putKeyPolicyCommand(keyArn, policy),
			summary: `Add a statement to the key policy of ${keyArn} allowing ${entity.kind} ${entity.name} ${statement.Action.join(', ')} through S3.`,
			apply: (target: Snapshot) => setKeyPolicy(target, keyArn, policy),
		}];
	});
};

const bucketPolicyFixes = (snapshot: Snapshot, analysis: Analysis, missing: readonly Requirement[]): Draft[] => {
	const entity = entityOf(snapshot);
	if (!entity) return [];
	return [...group(missing, requirement => specOf(analysis, requirement).side).entries()].flatMap(([side, requirements]) => {
		const bucketInfo = side === 'source' ? snapshot.source?.bucketInfo : snapshot.bucket;
		const bucket = side === 'source' ? snapshot.question.source?.bucket : snapshot.question.bucket;
		// Unknown (absent) bucket policy: merging would overwrite what we cannot see.
		if (!bucketInfo || bucketInfo.policy === undefined || !bucket) return [];
		const statement = {
			Sid: uniqueSid(bucketInfo.policy, `Allow${sidPart(entity.name)}ObjectAccess`),
			Effect: 'Allow',
			Principal: {AWS: entity.arn},
			Action: [...new Set(requirements.map(requirement => requirement.action))],
			Resource: [...new Set(requirements.map(requirement => requirement.resource))],
		};
		const policy = mergeStatement(bucketInfo.policy, statement);
		return [{
			place: 'bucket-policy' as Place,
			kind: 'add-allow' as const,
			target: `arn:aws:s3:::${bucket}`,
			resolves: requirements.map(requirementId),
			mustAllow: requirements.map(requirementId),
			statement,
			policy,
			command: putBucketPolicyCommand(bucket, policy),
			summary: `${bucketInfo.policy ? 'Add a statement to' : 'Create'} the bucket policy of ${bucket} allowing ${entity.kind} ${entity.name} ${statement.Action.join(', ')}.`,
			apply: (target: Snapshot) => setAt(target, side === 'source' ? 'source.bucketInfo' : 'bucket', policy),
		}];
	});
};

const boundaryFix = (snapshot: Snapshot, missing: readonly Requirement[]): Draft | undefined => {
	const boundary = snapshot.principal?.permissionsBoundary;
	if (!boundary || missing.length === 0) return undefined;
	const statement = {
		Sid: uniqueSid(boundary.document, 'AllowS3AndKmsForObjectEncryption'),
		Effect: 'Allow',
		Action: [...new Set(missing.map(requirement => requirement.action))],
		Resource: [...new Set(missing.map(requirement => requirement.resource))],
	};
	const policy = mergeStatement(boundary.document, statement);
	return {
		place: 'permissions-boundary',
		kind: 'add-allow',
		target: boundary.arn ?? boundary.name,
		resolves: missing.map(requirementId),
		mustAllow: missing.map(requirementId),
		statement,
		policy,
		command: boundary.arn
			? newManagedPolicyVersionCommand(boundary.arn, policy)
			: `# update the permissions boundary "${boundary.name}" with the policy above`,
		summary: `Let the permissions boundary ${boundary.name} allow ${statement.Action.join(', ')}.`,
		apply: current => ({...current, principal: {...current.principal!, permissionsBoundary: {...boundary, document: policy}}}),
	};
};

/** Add `ArnNotEquals aws:PrincipalArn` for the caller to a Deny, so it no longer denies this request. */
const exemptCaller = (statement: JsonObject, principalArn: string): JsonObject => {
	const condition = {...((statement['Condition'] as JsonObject | undefined) ?? {})};
	const block = {...((condition['ArnNotEquals'] as JsonObject | undefined) ?? {})};
	const existingKey = Object.keys(block).find(key => key.toLowerCase() === 'aws:principalarn') ?? 'aws:PrincipalArn';
	const existing = block[existingKey];
	const values = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
	block[existingKey] = values.length === 0 ? principalArn : [...values, principalArn];
	condition['ArnNotEquals'] = block;
	return {...statement, Condition: condition};
};

const replaceStatement = (document: PolicyJson, index: number, statement: JsonObject): PolicyJson => {
	if (!Array.isArray(document['Statement'])) return {...document, Statement: statement};
	const statements = [...document['Statement']];
	statements[index] = statement;
	return {...document, Statement: statements};
};

const narrowDenyFix = (snapshot: Snapshot, analysis: Analysis, requirement: Requirement, trace: StatementTrace): Draft | undefined => {
	const entity = entityOf(snapshot);
	if (!entity) return undefined;
	const principalArn = entity.arn;
	const spec = specOf(analysis, requirement);
	const narrowed = exemptCaller(trace.source as JsonObject, principalArn);
	const base = {
		kind: 'narrow-deny' as const,
		resolves: [requirementId(requirement)],
		mustAllow: [],
		statement: narrowed,
		summary: `${trace.policy}, ${trace.label} denies ${requirement.action}. Narrow it so it no longer applies to ${principalArn} (or change the request so the Deny's conditions do not match).`,
	};
	if (requirement.place === 'key-policy') {
		const current = spec.side === 'source' ? snapshot.source?.keyInfo?.policy : snapshot.key?.policy;
		if (!current) return undefined;
		const policy = replaceStatement(current, trace.statementIndex, narrowed);
		return {...base, place: 'key-policy', target: spec.resource, policy, command: putKeyPolicyCommand(spec.resource, policy), apply: target => setKeyPolicy(target, spec.resource, policy)};
	}
	if (requirement.place === 'bucket-policy') {
		const bucketInfo = spec.side === 'source' ? snapshot.source?.bucketInfo : snapshot.bucket;
		const bucket = spec.side === 'source' ? snapshot.question.source?.bucket : snapshot.question.bucket;
		if (!bucketInfo?.policy || !bucket) return undefined;
		const policy = replaceStatement(bucketInfo.policy, trace.statementIndex, narrowed);
		return {...base, place: 'bucket-policy', target: `arn:aws:s3:::${bucket}`, policy, command: putBucketPolicyCommand(bucket, policy), apply: target => setAt(target, spec.side === 'source' ? 'source.bucketInfo' : 'bucket', policy)};
	}
	if (requirement.place === 'identity-policy') {
		const ref = analysis.book.refOf(trace);
		if (ref?.place !== 'identity-policy') return undefined;
		const index = ref.index;
		const named: NamedPolicy | undefined = snapshot.principal?.identityPolicies?.[index];
		if (!named) return undefined;
		const policy = replaceStatement(named.document, trace.statementIndex, narrowed);
		const command = named.arn
			? newManagedPolicyVersionCommand(named.arn, policy)
			: putIdentityPolicyCommand(entity, named.name, policy);
		return {
			...base,
			place: 'identity-policy',
			target: named.arn ?? entity.arn,
			policyName: named.name,
			policy,
			command,
			apply: target => ({
				...target,
				principal: {...target.principal!, identityPolicies: target.principal!.identityPolicies!.map((entry, position) => (position === index ? {...entry, document: policy} : entry))},
			}),
		};
	}
	return undefined;
};

/** No `*` principal, no service-wide or wildcard actions, and (outside key policies) no `*` resource. */
export const isLeastPrivilege = (fix: Pick<Fix, 'place' | 'kind' | 'statement'>): boolean => {
	if (fix.kind === 'narrow-deny') return true;
	return [fix.statement as JsonObject].every(statement => {
		const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
		const principal = statement['Principal'] as JsonObject | string | undefined;
		const principals = principal === '*' ? ['*'] : list((principal as JsonObject | undefined)?.['AWS']);
		const actions = list(statement['Action']);
		const resources = list(statement['Resource']);
		return (
			!principals.includes('*') &&
			statement['NotAction'] === undefined &&
			statement['NotResource'] === undefined &&
			actions.every(action => typeof action === 'string' && !action.includes('*') && !action.includes('?')) &&
			(fix.place === 'key-policy' || resources.every(resource => resource !== '*'))
		);
	});
};

const proves = (draft: Draft, snapshot: Snapshot): boolean => {
	const after = analyse(draft.apply(snapshot));
	const byId = new Map(after.requirements.map(requirement => [requirementId(requirement), requirement]));
	return draft.resolves.every(id => {
		const status = byId.get(id)?.status;
		if (draft.mustAllow.includes(id)) return status === 'ok';
		return status !== undefined && status !== 'denied';
	});
};

/** The fixes the analysis asks for, each computed from `snapshot` as it stands. */
const draftsFor = (snapshot: Snapshot, analysis: Analysis): Draft[] => {
	const missing = (place: Place): Requirement[] => analysis.requirements.filter(requirement => requirement.place === place && requirement.status === 'missing');
	const drafts: Draft[] = [];
	drafts.push(...identityFixes(snapshot, analysis, missing('identity-policy')));
	drafts.push(...keyPolicyFixes(snapshot, analysis, missing('key-policy')));
	drafts.push(...bucketPolicyFixes(snapshot, analysis, missing('bucket-policy')));
	const boundary = boundaryFix(snapshot, missing('permissions-boundary'));
	if (boundary) drafts.push(boundary);
	for (const requirement of analysis.requirements.filter(candidate => candidate.status === 'denied')) {
		const action = analysis.actions.find(candidate => candidate.spec.id === requirement.actionId);
		const layer = action?.evaluation.layers.find(candidate => candidate.status === 'denied' && candidate.decidedBy[0] && `${candidate.decidedBy[0].policy}, ${candidate.decidedBy[0].label}` === requirement.decidedBy);
		const trace = layer?.decidedBy[0];
		const draft = trace ? narrowDenyFix(snapshot, analysis, requirement, trace) : undefined;
		if (draft) drafts.push(draft);
	}
	return drafts;
};

const samePolicy = (a: Draft, b: Draft): boolean => a.place === b.place && a.target === b.target && a.policyName === b.policyName;

/** Two changes to one policy are one fix; the later draft was computed on top of the earlier one, so its policy holds both. */
const mergeInto = (earlier: Draft, later: Draft): Draft => ({
	...later,
	kind: earlier.kind === 'narrow-deny' ? 'narrow-deny' : later.kind,
	statement: earlier.kind === 'narrow-deny' ? earlier.statement : later.statement,
	resolves: [...new Set([...earlier.resolves, ...later.resolves])],
	mustAllow: [...new Set([...earlier.mustAllow, ...later.mustAllow])],
	summary: earlier.summary === later.summary ? later.summary : `${earlier.summary} Then: ${later.summary}`,
});

/**
 * Fixes in rounds: apply the first round to a copy of the snapshot and look again, because a narrowed
 * Deny can uncover a missing Allow in the same policy (and two Denies in one policy need one merged
 * policy). Follow-up changes to a policy already being fixed are folded into that fix.
 */
export const fixesFor = (snapshot: Snapshot, analysis: Analysis): Fix[] => {
	let fixes: Draft[] = [];
	let patched = snapshot;
	let current = analysis;
	for (let round = 0; round < 3; round++) {
		const fresh = draftsFor(patched, current).filter(
			draft => !fixes.some(fix => samePolicy(fix, draft) && JSON.stringify(fix.policy) === JSON.stringify(draft.policy)),
		);
		if (fresh.length === 0) break;
		for (const draft of fresh) {
			const index = fixes.findIndex(fix => samePolicy(fix, draft));
			fixes = index === -1 ? [...fixes, draft] : fixes.map((fix, position) => (position === index ? mergeInto(fix, draft) : fix));
		}
		patched = fresh.reduce((state, draft) => draft.apply(state), patched);
		current = analyse(patched);
	}
	return fixes.map(({apply, mustAllow, ...fix}) => ({...fix, proven: isLeastPrivilege(fix) && proves({...fix, apply, mustAllow}, snapshot)}));
};
