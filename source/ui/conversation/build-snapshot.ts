import type {DefaultEncryption, KeyInfo, NamedPolicy, PolicyJson, Question, Snapshot, UnreadNote} from '../../diagnosis/snapshot.js';
import {snapshotFormat} from '../../diagnosis/snapshot.js';

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
	readonly bucketRegion?: string;
	/** The key S3 uses: named by the request, the bucket's default, or the object's. */
	readonly keyArn?: string;
	/** Upload/copy without a key in the request: the bucket's default names it (or aws/s3 when absent). */
	readonly defaultEncryption?: DefaultEncryption;
	readonly keyPolicy: Pasted;
	readonly identityPolicies: readonly PolicyJson[] | null | undefined;
	readonly bucketPolicy: Pasted;
	readonly sourceKeyArn?: string;
	readonly sourceKeyPolicy?: Pasted;
	readonly sourceBucketPolicy?: Pasted;
	/** `none`: no boundary, session policy or SCP applies; `unknown`: not known; or a pasted boundary. */
	readonly guardrails: 'none' | 'unknown' | {readonly boundary: PolicyJson};
	readonly createdAt: string;
};

const unread = (path: string, reason: string, resolveWith: string): UnreadNote => ({path, reason, resolveWith});

export const buildManualSnapshot = (facts: ManualFacts): Snapshot => {
	const {question} = facts;
	const notes: UnreadNote[] = [];
	const identityPolicies: NamedPolicy[] | undefined =
		facts.identityPolicies === null ? [] : facts.identityPolicies?.map((document, index) => ({name: `pasted identity policy ${index + 1}`, document}));
	if (identityPolicies === undefined) {
		notes.push(unread('principal.identityPolicies', 'not pasted', `paste the caller's identity policies (aws iam list-attached-role-policies / get-role-policy)`));
	}
	const guardrails =
		facts.guardrails === 'none'
			? {permissionsBoundary: null, sessionPolicy: null}
			: facts.guardrails === 'unknown'
				? {}
				: {permissionsBoundary: {name: 'pasted permissions boundary', document: facts.guardrails.boundary}, sessionPolicy: null};
	if (facts.guardrails === 'unknown') {
		notes.push(unread('principal.permissionsBoundary', 'not known whether one applies', 'paste it, or run the check live with a profile that can read IAM'));
	}
	const key: KeyInfo | undefined = facts.keyArn ? {arn: facts.keyArn, ...(facts.keyPolicy ? {policy: facts.keyPolicy} : {})} : undefined;
	if (facts.keyArn && !facts.keyPolicy) {
		notes.push(unread('key.policy', 'not pasted', `aws kms get-key-policy --key-id ${facts.keyArn} --policy-name default --output text`));
	}
	if (facts.bucketPolicy === undefined) {
		notes.push(unread('bucket.policy', 'not pasted', `aws s3api get-bucket-policy --bucket ${question.bucket} --output text`));
	}
	const objectEncryption = question.operation === 'download' && facts.keyArn ? {object: {encryption: {algorithm: 'aws:kms' as const, kmsKeyId: facts.keyArn}}} : {};
	const source =
		question.operation === 'copy' && question.source
			? {
					source: {
						bucketInfo: {name: question.source.bucket, ...(facts.sourceBucketPolicy === undefined ? {} : {policy: facts.sourceBucketPolicy})},
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
			...guardrails,
		},
		bucket: {
			name: question.bucket,
			...(facts.bucketAccount ? {accountId: facts.bucketAccount} : {}),
			...(facts.bucketRegion ? {region: facts.bucketRegion} : {}),
			...(facts.bucketPolicy === undefined ? {} : {policy: facts.bucketPolicy}),
			...(facts.defaultEncryption ? {defaultEncryption: facts.defaultEncryption} : {}),
		},
		...objectEncryption,
		...(key ? {key} : {}),
		...source,
		...(facts.guardrails === 'unknown' ? {} : {organization: {serviceControlPolicies: [], resourceControlPolicies: []}}),
		...(notes.length > 0 ? {unread: notes} : {}),
	};
};
