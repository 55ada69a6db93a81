import type {DenialExplanation, ParsedDenial} from './parsed-denial.js';
import {accountOf} from './accounts.js';
import {athenaExplanation} from './athena.js';
import {causeExplanation} from './cause-explanations.js';
import {authorizationDetailsCommand, decodeAuthorizationCommand, encodedMessageMaxLength} from './core-message.js';
import {headExplanation, headWithoutBody} from './head-request.js';
import {multipartApiCalls, operationOfApiCall, whyDecrypt} from '../../operations/recognise.js';
import {policyTypeAdvice} from './policy-type-advice.js';
import {policyTypeWords} from './policy-types.js';
import {principalWords, resourceWords} from './words.js';
import {partitionOfArn, s3ViaServiceWords} from '../../names/index.js';

const deniedCodes = /^(AccessDenied|AccessDeniedException|Forbidden|UnauthorizedOperation|403)$/i;

/** An error AWS returned that is no access denial (SignatureDoesNotMatch, NoSuchKey): nothing a permission can change. */
export const isNotAccessDenial = (denial: ParsedDenial): boolean =>
	!denial.principal && !denial.action && denial.errorCode !== undefined && denial.errorCode !== '' && !deniedCodes.test(denial.errorCode);

// CloudTrail still names the caller when S3 withheld the reason, so the principal does not decide it.
const isWithheld = (denial: ParsedDenial): boolean =>
	!denial.denial && !denial.policyType && !denial.cause && (/^access\s?denied\.?$/i.test((denial.message ?? '').trim()) || s3SaidOnlyAccessDenied(denial));

// The SDK for Java names S3 as the service answering; a program's own words before S3's ("Resource handler returned message: \"") are not S3's.
const s3SaidOnlyAccessDenied = (denial: ParsedDenial): boolean =>
	denial.respondingService === 's3' && !denial.principal && /(?:^|[\s"'(:])access\s?denied\.?$/i.test((denial.message ?? '').trim());

/** What the KMS action means for this S3 operation: the part of the answer this tool exists for. */
const kmsMeaning = (denial: ParsedDenial): {meaning: string[]; checkNext: string[]} => {
	const meaning: string[] = [];
	const checkNext: string[] = [];
	const action = denial.action?.toLowerCase();
	const multipart = denial.apiOperation !== undefined && multipartApiCalls.has(denial.apiOperation);
	// What kms:Decrypt is for in this operation, when one reason covers it: reading its object, or writing in parts.
	const decryptFor = denial.operation ? whyDecrypt(denial.operation) : undefined;
	// A call the message names that is one request (PutObject) is not the multipart rule, whatever the operation.
	const singleCall = denial.apiOperation !== undefined && !multipart;
	if (action === 'kms:decrypt' && (multipart || (decryptFor === 'multipart' && !singleCall))) {
		meaning.push(
			`${denial.apiOperation ?? 'A multipart upload'} needs kms:Decrypt, not only kms:GenerateDataKey: S3 decrypts the upload's data key for each part. That is why small files upload and large ones (above the multipart threshold, 8 MiB for the AWS CLI) fail.`,
		);
		checkNext.push(`Grant kms:Decrypt together with kms:GenerateDataKey on ${denial.resource ?? 'the key'} to the uploader.`);
	} else if (action === 'kms:decrypt' && decryptFor === 'read') {
		meaning.push("Downloading an SSE-KMS object needs kms:Decrypt on the key that encrypted that object (HeadObject's SSEKMSKeyId), which may differ from the bucket's current default key.");
	} else if (action === 'kms:decrypt' && !denial.operation && denial.invokedBy === 's3.amazonaws.com') {
		meaning.push('S3 needs kms:Decrypt both to download an SSE-KMS object and for every part of a multipart upload.');
	} else if (action === 'kms:generatedatakey') {
		meaning.push('Uploading with SSE-KMS needs kms:GenerateDataKey on the key S3 will use: the key named in the request, else the bucket\'s default key.');
	}
	// A KMS action refused in an S3 call (PutObject, GetObject): S3 asked KMS. In a KMS call (DescribeKey, Decrypt) the caller did.
	const viaS3 = denial.invokedBy === 's3.amazonaws.com' || (action?.startsWith('kms:') && denial.apiOperation !== undefined && operationOfApiCall(denial.apiOperation) !== undefined);
	if (viaS3) {
		const partition = partitionOfArn(denial.resource ?? denial.keyId ?? denial.principal);
		meaning.push(`S3 called KMS on the caller's behalf: KMS checks the caller's own permissions (IAM policies, boundary, session policy, SCPs) and the key policy, with kms:ViaService ${s3ViaServiceWords(partition)}.`);
	}
	const s3Arn = denial.encryptionContext?.['aws:s3:arn'];
	if (s3Arn) {
		meaning.push(
			s3Arn.includes('/')
				? `The encryption context was aws:s3:arn = ${s3Arn} (the object): conditions on kms:EncryptionContext:aws:s3:arn must match it.`
				: `The encryption context was aws:s3:arn = ${s3Arn}, a bucket ARN: S3 Bucket Keys are on, so conditions pinned to object ARNs no longer match.`,
		);
	}
	return {meaning, checkNext};
};

const crossAccountMeaning = (denial: ParsedDenial): string | undefined => {
	const principalAccount = accountOf(denial.principal);
	const resourceAccount = accountOf(denial.resource) ?? accountOf(denial.keyId);
	if (!principalAccount || !resourceAccount || principalAccount === resourceAccount) return undefined;
	return denial.resource?.includes(':kms:') || denial.keyId
		? `Cross-account: the caller is in ${principalAccount}, the key in ${resourceAccount}. The key policy must allow the caller's account or role, AND the caller's IAM policy must allow the action on the key ARN; neither alone works.`
		: `Cross-account: the caller is in ${principalAccount}, the resource in ${resourceAccount}. Both the resource's policy and the caller's IAM policy must allow it.`;
};

/**
 * S3 User Guide, "Multipart upload API and permissions": "the requester must have permission to the kms:Decrypt and
 * kms:GenerateDataKey actions on the key"; AWS Knowledge Center (s3-large-file-encryption-kms-key): "Permissions for the
 * kms:Decrypt action on the UploadPart and UploadPartCopy APIs". A withheld denial does not say so: a possibility, named as one.
 */
const multipartKmsWords =
	'It is a call of a multipart upload: where the bucket encrypts with SSE-KMS, the uploader needs kms:Decrypt as well as kms:GenerateDataKey on the key, the usual reason small files upload and large ones (in parts) are denied. The withheld message does not say whether that is the reason here.';

/** AWS STS API Reference, DecodeAuthorizationMessage: what the decoded message holds. */
const encodedMeaning =
	'The decoded message says whether an explicit Deny or the absence of an Allow refused the request, with the principal, the action, the resource and the values of the condition keys AWS evaluated.';

const withArticle = (words: string): string => `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;

const capitalised = (line: string): string => `${line.charAt(0).toUpperCase()}${line.slice(1)}`;

const summaryOf = (denial: ParsedDenial): string => {
	const who = principalWords(denial.principal);
	const where = resourceWords(denial.resource);
	const refused = `${who} may not ${denial.action ?? 'do this'}${where ? ` on ${where}` : ''}`;
	const type = denial.policyType ? policyTypeWords[denial.policyType] : undefined;
	// AWS words an SCP's implicit deny as explicit too (scpWording in diagnosis/evidence-words.ts), reached through an endpoint or not.
	const scpDenied = `${withArticle(policyTypeWords['service-control-policy'])} denied it, by a Deny statement or by allowing it nowhere at some level (AWS words both as an explicit deny)`;
	if (denial.denial === 'explicit' && denial.throughPolicyType === 'service-control-policy') return `${refused}: reached through ${withArticle(type ?? 'policy')}, ${scpDenied}.`;
	if (denial.denial === 'explicit' && denial.throughPolicyType) {
		return `${refused}: an explicit Deny in ${withArticle(policyTypeWords[denial.throughPolicyType])} matched, reached through ${withArticle(type ?? 'policy')}.`;
	}
	if (denial.truncated) return `${refused}; the message is cut off before it says which policy${denial.denial === 'explicit' ? ' has the Deny' : ''}: paste it whole.`;
	if (denial.denial === 'explicit' && denial.policyType === 'service-control-policy') return `${refused}: ${scpDenied}.`;
	if (denial.denial === 'explicit') return `${refused}: an explicit Deny ${type ? `in ${withArticle(type)}` : '(AWS did not say where)'} matched.`;
	if (denial.denial === 'implicit') return `${refused}: no ${type ?? 'policy'} allows it.`;
	if (denial.reason) return `${refused}: ${denial.reason.replace(/\.$/, '')}.`;
	if (denial.encodedMessage) return `${refused}; AWS encoded the reason in the message: decode it (below).`;
	if (denial.overlongEncodedMessage !== undefined) return `${refused}; AWS encoded the reason in the message, but the pasted token is too long to decode (below).`;
	return `${refused}; AWS did not say which policy (an older message form).`;
};

const footnotes = (denial: ParsedDenial): string[] => {
	const notes: string[] = [];
	if (denial.encodedMessage) {
		notes.push(
			`Decode the reason AWS encoded (the caller needs sts:DecodeAuthorizationMessage): ${decodeAuthorizationCommand(denial.encodedMessage)}`,
		);
	}
	if (denial.overlongEncodedMessage !== undefined) {
		notes.push(
			`The encoded message pasted is ${denial.overlongEncodedMessage.toLocaleString('en-US')} characters, over the ${encodedMessageMaxLength.toLocaleString('en-US')} sts:DecodeAuthorizationMessage takes: it was changed in the copying (or is not AWS's); copy it again from the original error and paste that`,
		);
	}
	if (denial.authorizationId) {
		notes.push(
			`AWS kept the evaluation for at least 24 hours: ${authorizationDetailsCommand(denial.authorizationId)}`,
		);
	}
	return notes;
};

const alsoDeniedLine = (denial: ParsedDenial): string[] => {
	const others = denial.alsoDenied ?? [];
	if (others.length === 0) return [];
	const listed = others
		.slice(0, 3)
		.map(other => `${other.apiOperation && other.action ? `${other.apiOperation} (${other.action})` : (other.action ?? other.apiOperation ?? '?')} by ${other.principal ?? 'an unknown caller'}`)
		.join('; ');
	const what = denial.form === 'cloudtrail' ? `The file holds ${others.length} more denied event` : `The text holds ${others.length} more error`;
	return [`${what}${others.length === 1 ? '' : 's'}: ${listed}${others.length > 3 ? '; …' : ''}.`];
};

/**
 * What a parsed denial means in plain words, and which grants to check next. Athena's own wording says what it was
 * doing: its explanation leads, with what an AWS message inside it says besides.
 */
export const explainDenial = (denial: ParsedDenial): DenialExplanation => {
	const explained = explainOne(denial);
	return {...explained, meaning: [...explained.meaning, ...alsoDeniedLine(denial)]};
};

const explainOne = (denial: ParsedDenial): DenialExplanation => {
	if (!denial.athena) return explainAwsMessage(denial);
	const athena = athenaExplanation(denial.athena);
	if (!denial.principal && !denial.action && !denial.cause) return athena;
	const inner = explainAwsMessage(denial);
	return {summary: `${athena.summary} ${inner.summary}`, meaning: [...athena.meaning, ...inner.meaning], checkNext: [...athena.checkNext, ...inner.checkNext]};
};

const explainAwsMessage = (denial: ParsedDenial): DenialExplanation => {
	if (denial.cause && !denial.policyType && denial.denial === undefined) {
		return causeExplanation(denial.cause, denial);
	}
	const head = headWithoutBody(denial);
	if (head) return headExplanation(head);
	if (isWithheld(denial)) {
		// CreateMultipartUpload needs kms:GenerateDataKey only; the calls after it need kms:Decrypt too.
		const multipartCall = denial.apiOperation !== undefined && multipartApiCalls.has(denial.apiOperation) && denial.apiOperation !== 'CreateMultipartUpload';
		return {
			summary: 'S3 said only "Access Denied": the detailed reason is withheld.',
			meaning: [
				"S3 gives the detailed reason only when the caller and the bucket are in the same account or the same organization (and never for directory buckets or VPC endpoint denials). A bare \"Access Denied\" most often means the request came from another account.",
				...(denial.apiOperation ? [`The call was ${denial.apiOperation}.`] : []),
				...(multipartCall ? [multipartKmsWords] : []),
			],
			checkNext: [
				...(multipartCall ? ["Where the bucket encrypts with SSE-KMS: the uploader must be allowed kms:Decrypt as well as kms:GenerateDataKey on the key, by its IAM policy and by the key policy."] : []),
				"The bucket policy names the caller's account or role for the S3 action.",
				"The caller's own IAM policy allows the S3 action on the bucket and object ARNs, and kms:Decrypt / kms:GenerateDataKey on the full key ARN.",
				"The key policy (in the key's account) allows the caller's account; the AWS managed key aws/s3 cannot be used across accounts.",
				'Objects written by another account with ACLs enabled belong to that account: the bucket owner is denied until ownership is fixed.',
				'Have the bucket owner run `s3-kms-doctor collect-script` in their account, then `s3-kms-doctor import` the bundle.',
			],
		};
	}
	if (isNotAccessDenial(denial)) {
		return {
			summary: `AWS returned ${denial.errorCode}, which is not an access denial.`,
			meaning: [denial.message ? `The message was: ${denial.message}` : 'The error carried no message.'],
			checkNext: ['s3-kms-doctor explains AccessDenied and KMS key errors; look up this error code in the service\'s API reference.'],
		};
	}
	const advice = policyTypeAdvice(denial);
	const kms = kmsMeaning(denial);
	const crossAccount = crossAccountMeaning(denial);
	const cause = denial.cause ? causeExplanation(denial.cause, denial) : undefined;
	const meaning = [
		...(cause ? [...cause.meaning] : denial.denial || denial.policyType ? advice.meaning : []),
		...kms.meaning,
		...(crossAccount ? [crossAccount] : []),
		...(denial.policyArn ? [`AWS names the denying policy: ${denial.policyArn}`] : []),
	];
	const checks = [...kms.checkNext, ...(cause ? cause.checkNext : advice.checkNext)];
	// Where AWS encoded the only reason it gives, decoding it comes before any guess.
	const encodedOnly = (denial.encodedMessage !== undefined || denial.overlongEncodedMessage !== undefined) && !denial.denial && !denial.policyType;
	const checkNext = (encodedOnly ? [...footnotes(denial), ...checks] : [...checks, ...footnotes(denial)]).map(capitalised);
	return {
		summary: cause && !denial.denial ? cause.summary : summaryOf(denial),
		meaning: meaning.length > 0 ? meaning : (denial.encodedMessage || denial.overlongEncodedMessage !== undefined) && !denial.denial ? [encodedMeaning] : advice.meaning,
		checkNext,
	};
};
