import type {Requirement} from '../../diagnosis.js';
import type {PolicyRef} from '../../policy-ref.js';
import type {PolicyJson, Snapshot} from '../../../snapshot/snapshot.js';
import {isAwsManagedPolicyArn} from '../../../names/index.js';
import {appliesIn, applyingProfile} from '../applies-in.js';
import {managedPolicyVersionsUnknown, newManagedPolicyVersionCommand, putIdentityPolicyCommand} from '../commands.js';
import {distinct, groupBy, specOf, viaS3Condition} from '../context.js';
import type {FixContext, FixPlace, Grant, IamEntity, Rewritable} from '../draft.js';
import {inlineOwnerOf} from '../inline-owner.js';
import {encryptionContextScope, onKey, preferHolding, scopeWords, withScope, type EncryptionContextScope} from '../kept-scope.js';
import {addIdentityPolicy, writePolicy} from '../snapshot-patch.js';

/**
 * The caller's identity policies: missing grants go into a new inline policy of the role or user, one
 * per resource (the key, the object), so each fix stands alone and is proven alone; a Deny is rewritten
 * in the very policy it is in — inline with put-role-policy/put-user-policy (a group's with put-group-policy),
 * managed as a new version.
 */

const inlinePolicyName = (snapshot: Snapshot, suffix: string, alsoTaken: ReadonlySet<string>): string => {
	const base = `s3-kms-doctor-${snapshot.question.bucket}-${suffix}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 120);
	const taken = new Set([...alsoTaken, ...(snapshot.principal?.identityPolicies ?? []).map(policy => policy.name)]);
	let name = base;
	for (let suffix = 2; taken.has(name); suffix++) name = `${base}-${suffix}`;
	return name;
};

// A role whose ARN (its path) is not known is named as the role: its inline policies are written by its name.
const entityTarget = (entity: IamEntity): string => entity.arn ?? `${entity.kind} ${entity.name}`;

/** A policy that is not there yet: it gets the next index, and is added rather than written over. */
const newInlinePolicy = (entity: IamEntity, index: number, policyName: string): Rewritable => ({
	ref: {place: 'identity-policy', owner: 'caller', index},
	document: undefined,
	target: entityTarget(entity),
	policyName,
	appliesIn: appliesIn('caller-account', entity.arn ?? entity.account),
	command: policy => putIdentityPolicyCommand(entity, policyName, policy),
	write: (snapshot, policy) => addIdentityPolicy(snapshot, {name: policyName, document: policy}),
});

/** The encryption-context scope the caller's own identity policies give their use of this key, where one does. */
const callerScope = (snapshot: Snapshot, keyArn: string, contexts: Parameters<typeof encryptionContextScope>[2]): EncryptionContextScope | undefined => {
	return preferHolding((snapshot.principal?.identityPolicies ?? []).map(named => encryptionContextScope(named.document, onKey(keyArn), contexts, `IAM policy "${named.name}", `)));
};

const grantsFor = ({snapshot, analysis, caller}: FixContext, missing: readonly Requirement[]): Grant[] => {
	if (!caller) return [];
	const taken = new Set<string>();
	const existing = snapshot.principal?.identityPolicies?.length ?? 0;
	return [...groupBy(missing, requirement => requirement.resource).entries()].map(([resource, requirements], position) => {
		const spec = specOf(analysis, requirements[0]!);
		const scope = spec.service === 'kms' ? callerScope(snapshot, resource, requirements.map(requirement => specOf(analysis, requirement).context)) : undefined;
		const condition = spec.service === 'kms' ? withScope(viaS3Condition(spec), scope) : undefined;
		const actions = distinct(requirements.map(requirement => requirement.action));
		const statement = {
			Sid: spec.service === 'kms' ? 'AllowKmsKeyUseThroughS3' : 'AllowS3ObjectAccess',
			Effect: 'Allow',
			Action: actions,
			Resource: resource,
			...(condition ? {Condition: condition} : {}),
		};
		const policyName = inlinePolicyName(snapshot, `${spec.service}${spec.side === 'source' ? '-source' : ''}`, taken);
		taken.add(policyName);
		return {
			into: newInlinePolicy(caller, existing + position, policyName),
			statement,
			requirements,
			summary: `Add an inline policy ${policyName} to ${caller.kind} ${caller.name} allowing ${actions.join(', ')} on ${resource}.${scopeWords(scope, `${caller.kind} ${caller.name}'s`)}`,
		};
	});
};

const rewritable = ({snapshot, caller}: FixContext, ref: PolicyRef): Rewritable | undefined => {
	if (ref.place !== 'identity-policy' || !caller) return undefined;
	const named = snapshot.principal?.identityPolicies?.[ref.index];
	// AWS writes an AWS managed policy's versions: no account can narrow a Deny in it.
	if (!named || isAwsManagedPolicyArn(named.arn)) return undefined;
	const write = (target: Snapshot, policy: PolicyJson): Snapshot => writePolicy(target, ref, policy);
	const applies = appliesIn('caller-account', caller.arn ?? caller.account);
	if (named.arn) {
		const arn = named.arn;
		return {
			ref,
			document: named.document,
			target: arn,
			policyName: named.name,
			appliesIn: applies,
			command: policy => newManagedPolicyVersionCommand(arn, policy),
			acceptanceUnknown: managedPolicyVersionsUnknown(arn, applyingProfile(snapshot, applies)),
			write,
		};
	}
	const owner = inlineOwnerOf(named, caller);
	// An inline policy whose owner and IAM name the snapshot does not say: no command can write it (unfixable.ts says why).
	if (!owner) return undefined;
	return {
		ref,
		document: named.document,
		// The snapshot holds a group's name, not its ARN (whose path it does not know).
		target: owner.kind === 'group' ? `group ${owner.name}` : entityTarget(caller),
		policyName: owner.policyName,
		appliesIn: applies,
		command: policy => putIdentityPolicyCommand(owner, owner.policyName, policy),
		write,
	};
};

export const identityPolicyPlace: FixPlace = {place: 'identity-policy', grantsFor, rewritable};
