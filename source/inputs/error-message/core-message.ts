import type {KnownCause, PolicyType} from './parsed-denial.js';
import {policyTypeOfPhrase, policyTypePattern} from './policy-types.js';
import {findPolicyArn, isKeyArn} from '../../names/index.js';
import {shellQuote} from '../../shared/shell.js';

/** What the heart of an AccessDenied message says: "User: P is not authorized to perform: A on resource: R CONTEXT". */
export type CoreFields = {
	readonly principal: string;
	readonly action: string;
	readonly resource?: string;
	readonly policyType?: PolicyType;
	readonly throughPolicyType?: PolicyType;
	readonly denial?: 'implicit' | 'explicit';
	readonly policyArn?: string;
	readonly reason?: string;
	readonly cause?: KnownCause;
	/** The text stops inside AWS's sentence ("because no resource-based pol", "with an explicit deny in a"). */
	readonly truncated?: true;
};

const corePattern = /User: (\S+) is not authorized to perform: ([A-Za-z0-9-]+:[A-Za-z0-9*]+)(.*)$/i;
// S3 quotes the resource (in “curly” quotes once pasted through a chat); the older EC2 form has words ("role
// TestReadOnly"), so it runs up to the context.
const resourcePattern = /^\s+on(?:\s+resource:?)?\s+(?:["“”]([^"“”]*)["“”]|(.+?))(?=\s+because\s|\s+with\s+an\s+explicit\s+deny|[.,;]?\s*$|[.,]\s+Go\s+to\s)/i;
const implicitPattern = new RegExp(`because\\s+no\\s+(${policyTypePattern})\\s+allows?\\b`, 'i');
const explicitPattern = new RegExp(
	`with\\s+an\\s+explicit\\s+deny(?:\\s+in\\s+(?:an?|the)\\s+(${policyTypePattern})(?:\\s+transitively\\s+through\\s+(?:an?|the)\\s+(${policyTypePattern}))?)?`,
	'i',
);
const otherReasonPattern = /because\s+(.+?)\s*(?:\.\s*Go\s+to\s.*)?\.?\s*$/i;
// KMS names no key where it will not say whether one exists: "… kms:Decrypt on this resource because the resource does not exist in this Region, …".
const unnamedResource = /^(?:this resource|the resource associated with this ciphertext)$/i;
const keyUnusablePattern = /the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access/i;

const causeOfReason = (reason: string, action: string): KnownCause | undefined => {
	// The key of a KMS call does not exist here, or its key policy allows nothing or denies: KMS's one message for all three.
	if (action.startsWith('kms:') && keyUnusablePattern.test(reason)) return 'kms-key-inaccessible';
	if (/BlockPublicAcls/i.test(reason)) return 'block-public-acls';
	if (/BlockPublicPolicy/i.test(reason)) return 'block-public-policy';
	if (/SSE-C|customer provided keys/i.test(reason)) return 'sse-c-blocked';
	return undefined;
};

const lowerServicePrefix = (action: string): string => {
	const colon = action.indexOf(':');
	return `${action.slice(0, colon).toLowerCase()}${action.slice(colon)}`;
};

/** Reads the core message anywhere in `text` (whitespace already collapsed); undefined when it is not there. */
export const parseCoreMessage = (text: string): CoreFields | undefined => {
	const match = corePattern.exec(text);
	if (!match) return undefined;
	const principal = match[1]!;
	const action = lowerServicePrefix(match[2]!);
	let rest = match[3] ?? '';
	let resource: string | undefined;
	const onResource = resourcePattern.exec(rest);
	if (onResource) {
		const named = (onResource[1] ?? onResource[2] ?? '').trim();
		if (!unnamedResource.test(named)) resource = named;
		rest = rest.slice(onResource[0].length);
	}
	const fields: {-readonly [K in keyof CoreFields]: CoreFields[K]} = {principal, action};
	if (resource) fields.resource = resource;
	// A key ARN whose ID stops short, at the end of the text: the message was cut there.
	if (resource && /:kms:[^:]*:[^:]*:key\/[^\s]*$/.test(resource) && !isKeyArn(resource) && rest.trim() === '') fields.truncated = true;

	const explicit = explicitPattern.exec(rest);
	const implicit = implicitPattern.exec(rest);
	let after = rest;
	if (explicit && (!implicit || explicit.index <= implicit.index)) {
		fields.denial = 'explicit';
		const type = explicit[1] ? policyTypeOfPhrase(explicit[1]) : undefined;
		const through = explicit[2] ? policyTypeOfPhrase(explicit[2]) : undefined;
		if (type) fields.policyType = type;
		if (through) fields.throughPolicyType = through;
		after = rest.slice(explicit.index + explicit[0].length);
		// "… with an explicit deny in a" and no more: the policy type was cut off, not left out.
		if (!type && /^\s+in(?:\s+(?:an?|the)(?:\s+\S*)?)?\s*$/i.test(after)) fields.truncated = true;
	} else if (implicit) {
		fields.denial = 'implicit';
		const type = policyTypeOfPhrase(implicit[1]!);
		if (type) fields.policyType = type;
		after = rest.slice(implicit.index + implicit[0].length);
	} else {
		const other = otherReasonPattern.exec(rest);
		// AWS writes "because no TYPE policy allows the ACTION action": a "because no …" that stops short was cut off.
		if (other && /^no\b/i.test(other[1]!) && !/\ballows?\b/i.test(other[1]!)) fields.truncated = true;
		else if (other) {
			fields.reason = other[1]!;
			const cause = causeOfReason(other[1]!, action);
			if (cause) fields.cause = cause;
		}
	}
	const policyArn = findPolicyArn(after);
	if (policyArn && fields.denial) fields.policyArn = policyArn;
	return fields;
};

/** "… call the GetRequestAuthorizationDetails API with the following authorization id: ID" or the console link. */
export const authorizationIdOf = (text: string): string | undefined =>
	/authorization\s+id:\s*([0-9A-Za-z]+)/i.exec(text)?.[1] ?? /authorization-details\/([0-9A-Za-z]+)/.exec(text)?.[1];

/** IAM Toolbox's read of a denied request's evaluation (IAM User Guide, "Troubleshoot access denied error messages with authorization ID"). */
export const authorizationDetailsCommand = (authorizationId: string): string => `aws iam-toolbox get-request-authorization-details --authorization-id ${authorizationId}`;

/** AWS STS API Reference, DecodeAuthorizationMessage, EncodedMessage: "Length Constraints: Minimum length of 1. Maximum length of 10240." */
export const encodedMessageMaxLength = 10_240;

/**
 * EC2's and STS's "Encoded authorization failure message: …", which sts:DecodeAuthorizationMessage decodes: only the
 * token's own characters (no control character follows it in). One longer than STS would take is not AWS's as pasted:
 * only its length is kept (`overlong`).
 */
export const encodedAuthorizationMessageOf = (text: string): {readonly encoded?: string; readonly overlong?: number} => {
	const token = /Encoded authorization failure message:\s*([A-Za-z0-9_\-+/=]+)/i.exec(text)?.[1];
	if (token === undefined) return {};
	return token.length <= encodedMessageMaxLength ? {encoded: token} : {overlong: token.length};
};

/** The read-only command that decodes it; the caller's account decodes it, with sts:DecodeAuthorizationMessage. */
export const decodeAuthorizationCommand = (encoded: string): string =>
	`aws sts decode-authorization-message --encoded-message ${shellQuote(encoded)} --query DecodedMessage --output text`;

/** KMS's old message for a Decrypt of a key the caller cannot use (or that does not exist, or is in another Region). */
export const isCiphertextKeyMessage = (text: string): boolean =>
	/ciphertext refers to a (?:customer master key|KMS key|CMK) that does not exist/i.test(text);
