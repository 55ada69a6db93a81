import type {DenialEvidence, UnreadNote} from '../../snapshot/provenance.js';
import type {Question} from '../../snapshot/question.js';
import type {Assumption, DefaultEncryption, KeyGrant, KeyInfo, NamedPolicy, OrganizationInfo, OrganizationLevel, PolicyJson, PrincipalInfo, Snapshot} from '../../snapshot/snapshot.js';
import {snapshotFormat} from '../../snapshot/snapshot.js';
import {pastedBoundary} from '../../snapshot/pasted-boundary.js';
import {destinationLeg, hasSource} from '../../operations/registry.js';
import {bucketPolicyRead, keyGrantsRead, keyPolicyRead} from '../../diagnosis/read-commands.js';
import {identityPolicyNames, type PastedIdentityPolicy} from './identity-policy-names.js';

/**
 * The snapshot of the "no credentials" path, from the answers and the pasted policies. A policy the user
 * could not get stays absent (unknown) with an unread note saying how to get it; "there is none" is null.
 */

/** A pasted policy: the document, `null` (there is none) or `undefined` (not known). */
export type Pasted = PolicyJson | null | undefined;

export type ManualFacts = {
	readonly question: Question;
	readonly principalArn: string;
	readonly bucketAccount?: string;
	/** Answered "another account" without its ID. */
	readonly bucketNotCallersAccount?: boolean;
	readonly bucketRegion?: string;
	/** The key S3 uses: named by the request, the bucket's default, or the object's. */
	readonly keyArn?: string;
	/** Upload/copy without a key in the request: the bucket's default names it (or aws/s3 when absent). */
	readonly defaultEncryption?: DefaultEncryption;
	readonly keyPolicy: Pasted;
	/** Pasted, `null` (none), or `undefined` (not known); each named only as identity-policy-names.ts allows. */
	readonly identityPolicies: readonly PastedIdentityPolicy[] | null | undefined;
	readonly bucketPolicy: Pasted;
	readonly sourceKeyArn?: string;
	readonly sourceKeyPolicy?: Pasted;
	readonly sourceBucketPolicy?: Pasted;
	readonly sourceBucketAccount?: string;
	/** The key's grants: pasted, `null` (none), or `undefined` (not known). */
	readonly grants?: readonly KeyGrant[] | null;
	/** The grants were not asked, as no grant could change the result: they stay unread, and say so. */
	readonly grantsNotAsked?: boolean;
	/** Answered only when a policy tests the encryption context: whether S3 Bucket Keys are on (or the object used one). */
	readonly bucketKeyEnabled?: boolean;
	/** Facts taken as given, with where they come from (a pasted error's evidence). */
	readonly assumptions?: readonly Assumption[];
	/** What a pasted AccessDenied message proved. */
	readonly evidence?: readonly DenialEvidence[];
	/** `none`: no boundary, session policy or SCP applies; `unknown`: not known; or each one as answered. */
	readonly guardrails: 'none' | 'unknown' | Guardrails;
	/**
	 * The boundary or session policy a pasted AccessDenied message names as what denied, asked on its own: pasted, or
	 * `undefined` (skipped: not known, never none, whatever `guardrails` says of the others).
	 */
	readonly deniedBy?: {readonly kind: 'boundary' | 'session'; readonly policy?: PolicyJson};
	readonly createdAt: string;
};

/**
 * The SCPs of the caller's account: pasted, one level each (root first, the account last), with or without
 * FullAWSAccess next to each; FullAWSAccess alone; no organization at all; or `undefined` (not known).
 */
export type ScpAnswer =
	| {readonly kind: 'pasted'; readonly policies: readonly PolicyJson[]; readonly withFullAccess: boolean}
	| {readonly kind: 'full-access'}
	| {readonly kind: 'no-organization'}
	| undefined;

export type Guardrails = {
	readonly boundary: Pasted;
	/**
	 * Only for an assumed-role session (the only caller that can have one); `null` when none was passed. Left
	 * unknown, the diagnosis says it assumed none (a finding), as for any snapshot without one.
	 */
	readonly sessionPolicy: Pasted;
	readonly scps: ScpAnswer;
};

/** AWS's default SCP, attached at every level unless an organization replaced it: allows everything. */
export const fullAwsAccess: NamedPolicy = {
	name: 'FullAWSAccess',
	arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
	document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]},
};

const scpLevels = (scps: Exclude<ScpAnswer, undefined>): OrganizationLevel[] => {
	switch (scps.kind) {
		case 'pasted':
			return scps.policies.map((document, index) => {
				const pasted: NamedPolicy = {name: `pasted SCP ${index + 1}`, document};
				return scps.withFullAccess ? [fullAwsAccess, pasted] : [pasted];
			});
		case 'full-access':
			return [[fullAwsAccess]];
		case 'no-organization':
			return [];
	}
};

type GuardrailParts = {principal: Partial<PrincipalInfo>; organization?: OrganizationInfo};

/** The principal's and the organization's part of the snapshot: the guardrail answers, then the policy the message named. */
const guardrailParts = (facts: ManualFacts, notes: UnreadNote[]): GuardrailParts => {
	const answeredNotes: UnreadNote[] = [];
	const answered = answeredGuardrailParts(facts, answeredNotes);
	const {deniedBy} = facts;
	const path = deniedBy?.kind === 'boundary' ? 'principal.permissionsBoundary' : 'principal.sessionPolicy';
	notes.push(...answeredNotes.filter(note => !deniedBy || note.path !== path));
	if (!deniedBy) return answered;
	const {[deniedBy.kind === 'boundary' ? 'permissionsBoundary' : 'sessionPolicy']: _answered, ...principal} = answered.principal;
	if (!deniedBy.policy) {
		if (deniedBy.kind === 'boundary') notes.push(unread(path, 'not pasted', 'paste it, or run the check live with a profile that can read IAM'));
		return {...answered, principal};
	}
	return {...answered, principal: {...principal, ...(deniedBy.kind === 'boundary' ? {permissionsBoundary: pastedBoundary(deniedBy.policy)} : {sessionPolicy: deniedBy.policy})}};
};

/** The principal's and the organization's part of the snapshot, from the guardrail answers. */
const answeredGuardrailParts = (facts: ManualFacts, notes: UnreadNote[]): GuardrailParts => {
	const {guardrails} = facts;
	if (guardrails === 'unknown') {
		notes.push(unread('principal.permissionsBoundary', 'not known whether one applies', 'paste it, or run the check live with a profile that can read IAM'));
		return {principal: {}};
	}
	// RCPs are not asked: as before, answering the guardrail question says none apply.
	if (guardrails === 'none') return {principal: {permissionsBoundary: null, sessionPolicy: null}, organization: {serviceControlPolicies: [], resourceControlPolicies: []}};
	const {boundary, sessionPolicy, scps} = guardrails;
	if (boundary === undefined) notes.push(unread('principal.permissionsBoundary', 'not pasted', 'paste it, or run the check live with a profile that can read IAM'));
	if (scps === undefined) {
		notes.push(unread('organization.serviceControlPolicies', 'not known', "paste the SCPs of the caller's account (aws organizations list-policies-for-target --filter SERVICE_CONTROL_POLICY)"));
	}
	return {
		principal: {
			...(boundary === undefined ? {} : {permissionsBoundary: boundary === null ? null : pastedBoundary(boundary)}),
			...(sessionPolicy === undefined ? {} : {sessionPolicy}),
			...(scps?.kind === 'no-organization' ? {organizationId: null} : {}),
		},
		organization: {...(scps === undefined ? {} : {serviceControlPolicies: scpLevels(scps)}), resourceControlPolicies: []},
	};
};

const unread = (path: string, reason: string, resolveWith: string): UnreadNote => ({path, reason, resolveWith});

export const buildManualSnapshot = (facts: ManualFacts): Snapshot => {
	const {question} = facts;
	const notes: UnreadNote[] = [];
	const pasted = facts.identityPolicies;
	const names = pasted ? identityPolicyNames(facts.principalArn, pasted) : [];
	const identityPolicies: NamedPolicy[] | undefined = pasted === null ? [] : pasted?.map(({document}, index) => ({name: names[index]!.name, document}));
	if (identityPolicies === undefined) {
		notes.push(unread('principal.identityPolicies', 'not pasted', `paste the caller's identity policies (aws iam list-attached-role-policies / get-role-policy)`));
	}
	const guardrails = guardrailParts(facts, notes);
	const grants = facts.grants === null ? {grants: []} : facts.grants ? {grants: facts.grants} : {};
	const key: KeyInfo | undefined = facts.keyArn ? {arn: facts.keyArn, ...(facts.keyPolicy ? {policy: facts.keyPolicy} : {}), ...grants} : undefined;
	if (facts.keyArn && facts.grants === undefined && !facts.assumptions?.some(assumption => assumption.id === 'no-grants')) {
		notes.push(unread('key.grants', facts.grantsNotAsked ? 'not asked' : 'not given', keyGrantsRead(facts.keyArn)));
	}
	if (facts.keyArn && !facts.keyPolicy) {
		notes.push(unread('key.policy', 'not pasted', keyPolicyRead(facts.keyArn)));
	}
	if (facts.bucketPolicy === undefined) {
		notes.push(unread('bucket.policy', 'not pasted', bucketPolicyRead(question.bucket)));
	}
	// A copy's source, like its destination: what was not pasted is said so, with the command that prints it.
	if (hasSource(question.operation) && question.source) {
		if (facts.sourceKeyArn && !facts.sourceKeyPolicy) {
			notes.push(unread('source.keyInfo.policy', 'not pasted', keyPolicyRead(facts.sourceKeyArn)));
		}
		if (facts.sourceKeyArn) notes.push(unread('source.keyInfo.grants', 'not asked', keyGrantsRead(facts.sourceKeyArn)));
		if (facts.sourceBucketPolicy === undefined) {
			notes.push(unread('source.bucketInfo.policy', 'not pasted', bucketPolicyRead(question.source.bucket)));
		}
	}
	// A key that comes from the object is the object's encryption; a written object's key is the request's or the bucket default's.
	const bucketKey = facts.bucketKeyEnabled === undefined ? {} : {bucketKeyEnabled: facts.bucketKeyEnabled};
	const objectEncryption =
		destinationLeg(question.operation).facts.key === 'object' && facts.keyArn ? {object: {encryption: {algorithm: 'aws:kms' as const, kmsKeyId: facts.keyArn, ...bucketKey}}} : {};
	// The replica key the wizard asked is the rule's ReplicaKmsKeyID, given: the rest of the rule stays unknown.
	const replication = destinationLeg(question.operation).facts.key === 'replica' && facts.keyArn ? {replication: {replicaKmsKeyId: facts.keyArn}} : {};
	const defaultEncryption = facts.defaultEncryption ? {defaultEncryption: {...facts.defaultEncryption, ...(facts.defaultEncryption.algorithm === 'aws:kms' ? bucketKey : {})}} : {};
	const source =
		hasSource(question.operation) && question.source
			? {
					source: {
						bucketInfo: {
							name: question.source.bucket,
							...(facts.sourceBucketAccount ? {accountId: facts.sourceBucketAccount} : {}),
							...(facts.sourceBucketPolicy === undefined ? {} : {policy: facts.sourceBucketPolicy}),
						},
						...(facts.sourceKeyArn ? {objectInfo: {encryption: {algorithm: 'aws:kms' as const, kmsKeyId: facts.sourceKeyArn}}} : {}),
						...(facts.sourceKeyArn ? {keyInfo: {arn: facts.sourceKeyArn, ...(facts.sourceKeyPolicy ? {policy: facts.sourceKeyPolicy} : {})}} : {}),
					},
				}
			: {};
	return {
		format: snapshotFormat,
		metadata: {title: `${question.operation} s3://${question.bucket}/${question.objectKey}`, createdAt: facts.createdAt, collectedBy: 'manual'},
		question,
		principal: {
			arn: facts.principalArn,
			...(identityPolicies === undefined ? {} : {identityPolicies}),
			...guardrails.principal,
		},
		bucket: {
			name: question.bucket,
			...(facts.bucketAccount ? {accountId: facts.bucketAccount} : facts.bucketNotCallersAccount ? {notCallersAccount: true as const} : {}),
			...(facts.bucketRegion ? {region: facts.bucketRegion} : {}),
			...(facts.bucketPolicy === undefined ? {} : {policy: facts.bucketPolicy}),
			...defaultEncryption,
		},
		...objectEncryption,
		...replication,
		...(key ? {key} : {}),
		...source,
		...(guardrails.organization ? {organization: guardrails.organization} : {}),
		...(notes.length > 0 ? {unread: notes} : {}),
		...(facts.assumptions && facts.assumptions.length > 0 ? {assumptions: facts.assumptions} : {}),
		...(facts.evidence && facts.evidence.length > 0 ? {evidence: facts.evidence} : {}),
	};
};
