import {evaluate} from '../engine/evaluate.js';
import type {Evaluation, EvaluationInput, PolicySet} from '../engine/evaluation.js';
import type {Requirement} from './diagnosis.js';
import type {EvaluatedAction} from './findings.js';
import {applyAwsManagedKeyRule} from './aws-managed-key.js';
import type {PolicyArnOf} from './evidence-layer.js';
import {applyEvidence} from './evidence.js';
import {applyEndpointEvidence} from './evidence-endpoint.js';
import {withEvidence} from './evidence-rows.js';
import {bucketDenyOnly, foreignObjectOf, objectAclUnread, type ForeignObject} from './object-owner.js';
import {bucketInfoFor, isNamed, keyInfoFor, PolicyBook, policySetFor} from './policy-inputs.js';
import {principalOf, requiredActions} from './required-actions.js';
import {decisionOf, requirementsOf} from './requirements.js';
import {resolveQuestion, type ResolvedFacts} from './resolve-question.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {accountIdOfArn} from '../names/index.js';
import {prefixesAbsentOnKmsRequest} from '../operations/service-request-keys.js';

export type Analysis = {
	readonly facts: ResolvedFacts;
	readonly actions: readonly EvaluatedAction[];
	readonly requirements: readonly Requirement[];
	readonly book: PolicyBook;
};

/**
 * A read of an object another account owns (see object-owner.ts): the owner's account is the resource's, the bucket
 * policy counts only by its denies, and unless the caller is of the owner's account, the unread ACL is what would allow.
 * A bucket policy Deny that applies decides on its own. Where the owner's account is not known, the ACL's reading is
 * evaluated across accounts: it never allows, and what denies there (a missing IAM allow, a Deny) denies the caller as
 * the owner's principal too.
 */
const evaluateForeignObject = (snapshot: Snapshot, request: EvaluationInput['request'], policies: PolicySet, object: ForeignObject, partition: string): Evaluation => {
	const {resourceAccount: _bucketAccount, ...withoutAccount} = request;
	const owned = object.owner ? {...request, resourceAccount: object.owner} : {...withoutAccount, crossAccount: true};
	const denies = evaluate({request: owned, policies: {...policies, resource: bucketDenyOnly(policies.resource ?? null)}, service: 's3'});
	if (object.callerIsOwner === true || denies.layers.some(layer => layer.layer === 'resource' && layer.deny === 'yes')) return denies;
	return evaluate({request: owned, policies: {...policies, resource: objectAclUnread(snapshot, object, partition)}, service: 's3'});
};

/** The ARN of the SCP or RCP a statement is of, where the snapshot names it: a pasted message may name another. */
const organizationArnOf =
	(snapshot: Snapshot, book: PolicyBook): PolicyArnOf =>
	trace => {
		const ref = book.refOf(trace);
		if (ref?.place !== 'scp' && ref?.place !== 'rcp') return undefined;
		const levels = ref.place === 'scp' ? snapshot.organization?.serviceControlPolicies : snapshot.organization?.resourceControlPolicies;
		const entry = levels?.[ref.level]?.[ref.index];
		return entry && isNamed(entry) ? entry.arn : undefined;
	};

/** Snapshot → resolved question → required actions → one engine evaluation each → requirement rows. */
export const analyse = (snapshot: Snapshot): Analysis => {
	const facts = resolveQuestion(snapshot);
	const book = new PolicyBook();
	const specs = requiredActions(snapshot, facts);
	const arnOf = organizationArnOf(snapshot, book);
	const analysed = specs.map((spec): {readonly action: EvaluatedAction; readonly rows: Requirement[]} => {
		const bucketAccount = spec.side === 'source' ? facts.sourceBucketAccount : facts.question.bucketAccount;
		// Not known: the engine answers unknown wherever a Principal would have to name it.
		const principal = principalOf(snapshot, spec.actor)?.arn;
		const policies = policySetFor(snapshot, spec, facts, book);
		const request = {
			principal: principal ?? '',
			action: spec.action,
			resource: spec.resource,
			...(spec.service === 's3' && bucketAccount ? {resourceAccount: bucketAccount} : {}),
			// The user said the bucket is in another account, without its ID: a given fact, evaluated cross-account.
			...(spec.service === 's3' && !bucketAccount && bucketInfoFor(snapshot, spec.side)?.notCallersAccount ? {crossAccount: true} : {}),
			context: spec.context,
			// An s3: key a policy tests is absent on S3's request to KMS, given or not: only requests to S3 carry one.
			...(spec.service === 'kms' ? {absentKeyPrefixes: prefixesAbsentOnKmsRequest} : {}),
		};
		const foreign = foreignObjectOf(snapshot, spec, bucketAccount, principal);
		const evaluated = foreign ? evaluateForeignObject(snapshot, request, policies, foreign, facts.partition) : evaluate({request, policies, service: spec.service});
		// A pasted message's denial by an SCP, RCP, identity, resource, boundary or session policy decides that layer where it was not read or a Deny read may
		// apply, and says what was read contradicts it otherwise (evidence.ts): SCPs apply to the caller's account, RCPs to the resource's.
		const resourceAccount = spec.service === 's3' ? bucketAccount : spec.unknownKey ? undefined : accountIdOfArn(spec.resource);
		const callerAccount = principal ? accountIdOfArn(principal) : undefined;
		const accounts = {...(callerAccount ? {caller: callerAccount} : {}), ...(resourceAccount ? {resource: resourceAccount} : {})};
		const applied = applyEvidence(snapshot, spec, specs, evaluated, accounts, arnOf);
		const {evidence, likely, againstRead, readHolds} = applied;
		// An AWS managed key of another account: what its unread key policy and grants say is documented (aws-managed-key.ts).
		const key = spec.side === 'source' ? facts.sourceKey : facts.destinationKey;
		const ruled = applyAwsManagedKeyRule(spec, applied.evaluation, keyInfoFor(snapshot, spec), key, accounts, principal);
		// A VPC endpoint policy's message has no layer: it decides the action alone (evidence-endpoint.ts).
		const {evaluation, byMessage} = applyEndpointEvidence(snapshot, spec, specs, ruled);
		const action: EvaluatedAction = {
			spec,
			evaluation,
			decision: decisionOf(spec, evaluation, evidence !== undefined || byMessage),
			...(foreign ? {foreignObject: foreign} : {}),
			...(evidence ? {evidence} : {}),
			...(likely ? {evidenceLikely: likely} : {}),
			...(againstRead ? {evidenceAgainstRead: againstRead} : {}),
			...(readHolds ? {evidenceReadHolds: readHolds} : {}),
		};
		return {action, rows: withEvidence(requirementsOf(spec, evaluation, evidence?.deniedBy), applied)};
	});
	return {facts, actions: analysed.map(each => each.action), requirements: analysed.flatMap(each => each.rows), book};
};
