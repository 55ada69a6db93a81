import {boundaryHint, bucketPolicyHint, hintText, identityPoliciesHint, keyPolicyHint, scpHint, type FetchHint} from '../../inputs/paste/fetch-commands.js';
import {readPastedPolicy} from '../../inputs/paste/read-pasted-policy.js';
import type {PastedIdentityPolicy} from '../../inputs/manual/identity-policy-names.js';
import type {Operation, PolicyJson} from '../../snapshot/snapshot.js';
import type {PolicyKind} from '../services.js';
import {copyPolicyWords} from './copy-wording.js';
import {hasSource} from '../../operations/registry.js';

/** For each policy the manual flow asks to paste: which kind it is, and the command that prints it (with what is known). */

export type PasteFacts = {
	readonly operation?: Operation;
	readonly principalArn: string;
	readonly bucket: string;
	readonly bucketAccount?: string;
	readonly keyArn?: string;
	readonly sourceBucket?: string;
	readonly sourceBucketAccount?: string;
	readonly sourceKeyArn?: string;
	/** The boundary a live read named but could not get the document of. */
	readonly boundaryArn?: string;
};

/** `title` and `noneLabel` replace the asked ones where the operation words them (a copy's destination). */
export type PasteHint = {readonly kind: PolicyKind; readonly help?: string; readonly title?: string; readonly noneLabel?: string};

export type PasteHints = (id: string) => PasteHint;

const withHelp = (kind: PolicyKind, hint: FetchHint | undefined): PasteHint => (hint ? {kind, help: hintText(hint)} : {kind});

const hintOf = (facts: PasteFacts, id: string): PasteHint => {
	if (id === 'key-policy') return withHelp('key-policy', keyPolicyHint(facts.keyArn));
	if (id === 'source-key-policy') return withHelp('key-policy', keyPolicyHint(facts.sourceKeyArn));
	if (id === 'bucket-policy') return withHelp('bucket-policy', bucketPolicyHint(facts.bucket, facts.bucketAccount));
	if (id === 'source-bucket-policy') return withHelp('bucket-policy', bucketPolicyHint(facts.sourceBucket ?? 'SOURCE_BUCKET', facts.sourceBucketAccount));
	if (id.startsWith('identity-policy')) return withHelp('identity-policy', identityPoliciesHint(facts.principalArn));
	if (id === 'boundary-policy') return withHelp('identity-policy', boundaryHint(facts.principalArn, facts.boundaryArn));
	if (id.startsWith('scp')) return withHelp('scp', scpHint(facts.principalArn));
	// A session policy cannot be read back from AWS: the prompt says where it comes from.
	return {kind: 'identity-policy'};
};

/** The hints for one conversation's paste questions, by question id. */
export const pasteHints =
	(facts: PasteFacts): PasteHints =>
	id => {
		const hint = hintOf(facts, id);
		return facts.operation !== undefined && hasSource(facts.operation) && copyPolicyWords[id] ? {...hint, ...copyPolicyWords[id]} : hint;
	};

/** The policy document of an answer the paste question accepted (CLI output unwrapped, statements wrapped). */
export const pastedDocument = (text: string): PolicyJson => {
	const read = readPastedPolicy(text, 'pasted policy');
	return read.ok ? read.value.document : (JSON.parse(text) as PolicyJson);
};

/** An identity policy the paste question accepted, with the inline policy its get-*-policy output names, if it was that. */
export const pastedIdentityPolicy = (text: string): PastedIdentityPolicy => {
	const read = readPastedPolicy(text, 'pasted policy');
	if (!read.ok) return {document: JSON.parse(text) as PolicyJson};
	const {document, inline, inlineProblem} = read.value;
	return {document, ...(inline ? {inline} : {}), ...(inlineProblem ? {inlineProblem} : {})};
};
