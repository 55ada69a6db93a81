import type {AppliesIn, ConditionExplanation, Diagnosis, Fix, FixBlock, ObjectOwnerFact, Place, Requirement, ResolvedQuestion} from '../diagnosis/diagnosis.js';
import {bodyTypeDecides, bodyTypeWords} from '../operations/multipart-upload.js';
import {destinationLeg, operationModule} from '../operations/registry.js';
import {formatSize, formatSizeInFull} from '../shared/format-size.js';
import {placeHeading, placeLabels, placeOrder, statusStyles, type MarkStyle} from './marks.js';

export {formatSize, formatSizeInFull};

/** Words shared by the text and markdown reports, so both say the same thing. */

export const operationPhrase = (question: Pick<ResolvedQuestion, 'operation'>): string => operationModule(question.operation).wording.phrase;

export const objectUrl = (question: Pick<ResolvedQuestion, 'bucket' | 'objectKey'>): string => `s3://${question.bucket}/${question.objectKey}`;

export const verdictWords: Readonly<Record<Diagnosis['verdict'], string>> = {
	allowed: 'Allowed',
	denied: 'Denied',
	unknown: 'Unknown',
};

/** "yes: 12 MiB is at or above the 8 MiB multipart threshold". */
export const multipartLine = (question: ResolvedQuestion): string => {
	const threshold = formatSize(question.multipartThresholdBytes);
	const parts = operationModule(question.operation).multipart;
	if (!parts.inParts) return `no: ${parts.why}`;
	// Told by a pasted message: it names an action the request calls only in parts.
	if (question.multipart === 'yes' && question.inPartsShownBy !== undefined) return `yes: ${question.inPartsShownBy}`;
	// Given rather than derived: an error from UploadPart shows the request went in parts, whatever its size.
	if (question.multipart !== 'unknown' && question.sizeBytes === undefined) return question.multipart === 'yes' ? `yes: the request went in parts (given: the failing call was a multipart one)` : 'no: the request went in one piece (given)';
	if (question.multipart === 'unknown' || question.sizeBytes === undefined) {
		const whose = parts.thresholdUndocumented ? "the service's" : "the tool's";
		const size = question.sizeBytes === undefined ? undefined : formatSize(question.sizeBytes);
		const why =
			size === undefined && !question.thresholdUnknown
				? 'the size is not known'
				: size !== undefined && bodyTypeDecides(question, question.multipartThresholdBytes)
					? bodyTypeWords(size)
					: `${whose} multipart threshold is not known${size === undefined ? '' : ` (${size})`}`;
		return `unknown: ${why}, so both a single request and ${parts.noun} were checked`;
	}
	const size = formatSize(question.sizeBytes);
	return question.multipart === 'yes'
		? `yes: ${size} is at or above the ${threshold} multipart threshold, so the tool ${parts.verb} in parts`
		: `no: ${size} is ${question.sizeBytes < question.multipartThresholdBytes ? 'below' : 'not above'} the ${threshold} multipart threshold, so the tool sends one request`;
};

const accountWords = (question: ResolvedQuestion, cross: boolean | 'unknown', account: string | undefined, principalAccount: string | undefined): string => {
	const where = account ? `account ${account}` : cross === true ? 'another account (its ID not given)' : 'an unknown account';
	// A service principal (cloudfront.amazonaws.com) belongs to no account: "cross-account" does not apply to it.
	if (destinationLeg(question.operation).actor.kind === 'service') return `${where}; the requester is an AWS service, which has no account: the resource policies alone decide`;
	if (cross === 'unknown') return `${where}; whether it is the principal's account is unknown`;
	if (!cross) return `${where}, the principal's own`;
	return `${where}, not the principal's${principalAccount ? ` (${principalAccount})` : ''}: cross-account`;
};

/** "account 111122223333, the principal's own" / "…, not the principal's (444455556666): cross-account". */
export const bucketAccountLine = (question: ResolvedQuestion): string =>
	accountWords(question, question.crossAccount.bucket, question.bucketAccount, question.principalAccount);

export const keyAccountLine = (question: ResolvedQuestion): string =>
	accountWords(question, question.crossAccount.key, question.keyAccount, question.principalAccount);

/** A line of the question: `value` is literal (an ARN, a URL) when `literal`, `note` is prose after it. */
export type QuestionFact = {readonly label: string; readonly value: string; readonly literal: boolean; readonly note?: string};

const keyFact = (question: ResolvedQuestion): QuestionFact => {
	if (question.keySource === 'none') return {label: 'KMS key', value: 'none: the object is not SSE-KMS', literal: false};
	if (question.keyArn === undefined && question.keySource === 'aws-managed-default') {
		return {label: 'KMS key', value: "the AWS managed key aws/s3: the bucket's default encryption names no key (its ARN and key policy were not read)", literal: false};
	}
	// Named, by an alias or key ID the snapshot could not resolve: what names it was read or given, the key was not.
	if (question.keyArn === undefined && (question.keySource === 'request' || question.keySource === 'bucket-default')) {
		const by = question.keySource === 'request' ? 'the request names' : "the bucket's default encryption names";
		return {label: 'KMS key', value: `not known (${by} it by an alias or key ID that was not resolved to a key ARN)`, literal: false};
	}
	if (question.keyArn === undefined) {
		const decides = question.keySource === 'object' || destinationLeg(question.operation).facts.key === 'object' ? "the object's own key decides" : "the request's key or the bucket's default encryption decides";
		return {label: 'KMS key', value: `not known (${decides}, and it was not read)`, literal: false};
	}
	const note = `S3 Bucket Keys ${question.bucketKeyEnabled === undefined ? (question.bucketKeyMatters ? 'not known' : 'not known — no policy depends on it') : question.bucketKeyEnabled ? 'on' : 'off'}`;
	return {label: 'KMS key', value: question.keyArn, literal: true, note};
};

/** "account 444455556666, not the bucket's (read: …)": who owns the object read, where it is recorded. */
const objectOwnerFact = (owner: ObjectOwnerFact): QuestionFact => {
	const who =
		owner.bucketOwners === true
			? owner.account ? `account ${owner.account}, the bucket's` : "the bucket's account"
			: owner.bucketOwners === false
				? owner.account ? `account ${owner.account}, not the bucket's` : "another account than the bucket's, not known which: S3 names an owner by canonical user ID"
				: `account ${owner.account ?? 'not known'}`;
	const how =
		!owner.read ? 'given' : owner.bucketOwners === undefined ? 'read with s3:GetObjectAcl' : `read: s3:GetObjectAcl's owner ${owner.bucketOwners ? 'is' : 'is not'} s3:GetBucketAcl's`;
	return {label: owner.side === 'source' ? 'Source object owner' : 'Object owner', value: who, literal: false, note: how};
};

/** The question's facts in reading order. */
export const questionFacts = (question: ResolvedQuestion): readonly QuestionFact[] => {
	const facts: QuestionFact[] = [
		{label: 'Operation', value: question.operation, literal: false},
		{label: 'Object', value: objectUrl(question), literal: true},
		question.principalArn === undefined ? {label: 'Principal', value: 'unknown', literal: false} : {label: 'Principal', value: question.principalArn, literal: true},
		keyFact(question),
	];
	if (question.sizeBytes !== undefined) facts.push({label: 'Size', value: formatSizeInFull(question.sizeBytes), literal: false});
	facts.push({label: 'Multipart', value: multipartLine(question), literal: false});
	facts.push({label: 'Bucket account', value: bucketAccountLine(question), literal: false});
	if (question.bucketRegion) facts.push({label: 'Bucket Region', value: question.bucketRegion, literal: true});
	if (question.objectOwner) facts.push(objectOwnerFact(question.objectOwner));
	facts.push({label: 'Key account', value: keyAccountLine(question), literal: false});
	return facts;
};

export type PlaceGroup = {
	readonly place: Place;
	readonly requirements: readonly Requirement[];
	/** The one resource every row is about, when they share it (else each row names its own). */
	readonly sharedResource?: string;
};

/** Requirements grouped by place, places in `placeOrder` (any other place after them), rows in diagnosis order. */
export const groupByPlace = (requirements: readonly Requirement[]): readonly PlaceGroup[] => {
	const places = [...placeOrder, ...requirements.map(requirement => requirement.place).filter(place => !placeOrder.includes(place))];
	const groups: PlaceGroup[] = [];
	for (const place of new Set(places)) {
		const rows = requirements.filter(requirement => requirement.place === place);
		if (rows.length === 0) continue;
		const resources = new Set(rows.map(row => row.resource));
		groups.push(resources.size === 1 ? {place, requirements: rows, sharedResource: rows[0]!.resource} : {place, requirements: rows});
	}
	return groups;
};

/** The requirements whose conditions explain a failure: not `ok`, not `not-needed`, and with conditions. */
export const requirementsWithConditions = (requirements: readonly Requirement[]): readonly Requirement[] =>
	requirements.filter(requirement => requirement.status !== 'ok' && requirement.status !== 'not-needed' && (requirement.conditions?.length ?? 0) > 0);

/** The request's values, or `(absent)` / `(unknown)`. */
export const actualWords = (condition: ConditionExplanation): string =>
	condition.actual === 'absent' ? '(absent)' : condition.actual === 'unknown' ? '(unknown)' : condition.actual.join(', ');

const kindWords: Readonly<Record<Fix['kind'], string>> = {
	'change-request': 'change the request',
	'correct-condition': 'correct a condition',
	'correct-action': 'correct an action',
	'add-allow': 'add an allow',
	'narrow-deny': 'narrow the deny',
};

export const fixKindWords = (kind: Fix['kind']): string => kindWords[kind];

/**
 * A fix proven for its own rows while a pasted AccessDenied message's denial still stands, in the words and mark every
 * view shows: where the request stays denied, the mark of the rows that deny it (⛔ an explicit Deny, ✘ no Allow or a
 * Deny not known to be there), ? where it stays not known to be allowed; never ✔ "proven".
 */
export const blockedProof = (block: FixBlock): {readonly style: MarkStyle; readonly label: string; readonly sentence: string} => {
	const denied = block.status === 'denied';
	return {
		style: statusStyles[denied && !block.explicitDeny ? 'missing' : block.status],
		label: denied ? 'proven for its own rows, but the request stays denied' : 'proven for its own rows, but whether the request is allowed stays unknown',
		sentence: `Re-evaluated with this change, the rows it targets turn ✔, but ${block.by}: while that stands the request ${denied ? 'stays denied' : 'is not known to be allowed'}.`,
	};
};

/** Every kind of change a fix makes, in words: the others folded in (best first), then its own, the costliest. */
const fixDoesWords = (fix: Pick<Fix, 'kind' | 'alsoKinds'>): string => {
	const words = [...(fix.alsoKinds ?? []), fix.kind].map(fixKindWords);
	return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
};

/** "Key policy: add an allow", "Key policy: correct a condition and add an allow", "The request: change the request". */
export const fixHeading = (fix: Pick<Fix, 'place' | 'kind' | 'alsoKinds'>): string => `${fix.place ? placeHeading(fix.place) : 'The request'}: ${fixDoesWords(fix)}`;

const introWords: Readonly<Record<Fix['kind'], string>> = {
	'change-request': '',
	'correct-condition': 'The statement, its condition corrected to fit what AWS sends:',
	'correct-action': 'The statement, its action corrected:',
	'add-allow': 'The statement to add:',
	'narrow-deny': 'The denying statement, narrowed so it no longer denies this request:',
};

const pluralIntroWords: Readonly<Record<Fix['kind'], string>> = {
	'change-request': '',
	'correct-condition': 'The statements, their conditions corrected to fit what AWS sends:',
	'correct-action': 'The statements, their actions corrected:',
	// An Allow's fix may hold a correction of the same policy's statement folded into it (one command writes the policy).
	'add-allow': 'The statements it adds or corrects:',
	// A Deny narrowed may come with an Allow it uncovered in the same policy: the words fit both.
	'narrow-deny': 'The statements it changes, each Deny narrowed so it no longer denies this request:',
};

/** The line above a fix's statements. */
export const statementIntro = (fix: Pick<Fix, 'kind' | 'statements'>): string => (fix.statements.length > 1 ? pluralIntroWords : introWords)[fix.kind];

const roleWords: Readonly<Record<AppliesIn['role'], string>> = {
	requester: 'whoever sends the request',
	'caller-account': "the caller's account",
	'key-owner': "the key's owner",
	'bucket-owner': "the bucket's owner",
	'organization-management': "the organization's management account (or a delegated administrator)",
};

/** "account 111122223333 (the key's owner)"; "the caller's account (account not known)". */
export const appliesInWords = (applies: AppliesIn): string =>
	applies.account ? `account ${applies.account} (${roleWords[applies.role]})` : `${roleWords[applies.role]} (account not known)`;

/** The "who must act" table: one row per account, its fixes by number (1-based, in the order listed). */
export const whoMustAct = (fixes: readonly Fix[]): readonly {readonly who: string; readonly fixes: readonly number[]}[] => {
	const groups = new Map<string, number[]>();
	fixes.forEach((fix, index) => {
		const who = appliesInWords(fix.appliesIn);
		groups.set(who, [...(groups.get(who) ?? []), index + 1]);
	});
	return [...groups.entries()].map(([who, numbers]) => ({who, fixes: numbers}));
};

/** What the fixes section says when there is no fix: it points only at the sections that say more. */
export const noFixWords = ({verdict, findings, unknowns}: Pick<Diagnosis, 'verdict' | 'findings' | 'unknowns'>): string => {
	if (verdict === 'allowed') return 'None needed.';
	const more = [...(findings.length > 0 ? ['findings'] : []), ...(unknowns.length > 0 ? ['unknowns'] : [])];
	return `None: no policy change alone was found to fix this${more.length > 0 ? `; see the ${more.join(' and ')}` : ''}.`;
};

/** `kms:Decrypt, key policy, Sid "AllowUse"`: what a list of conditions belongs to. */
export const requirementTitle = (requirement: Requirement): string =>
	`${requirement.action}${requirement.decidedBy ? `, ${requirement.decidedBy}` : ''}`;

/** The one policy a fix rewrites, in words: "the key policy", "the inline policy s3-kms-doctor-b-kms". */
export const fixPolicyNoun = (fix: Pick<Fix, 'place' | 'policyName'>): string => {
	switch (fix.place) {
		case null:
			return 'request';
		case 'identity-policy':
			return fix.policyName ? `IAM policy ${fix.policyName}` : 'IAM policy';
		case 'permissions-boundary':
			return 'permissions boundary policy';
		default:
			return placeLabels[fix.place];
	}
};

/** "Assumed: no KMS grant on the key allows these actions (the pasted AccessDenied …)": one per assumption, beside the verdict. */
export const assumedSentences = (diagnosis: Pick<Diagnosis, 'assumptions'>): readonly string[] =>
	diagnosis.assumptions.map(assumption => `Assumed: ${assumption.statement}${assumption.because ? ` — ${assumption.because}` : ''}.`);

/** In place of a command whose values hold characters shown escaped: not offered to paste; the JSON report's is exact. */
export const commandNotShownWords = (fix: Pick<Fix, 'kind'>): string =>
	`Not shown ready to paste: ${fix.kind === 'change-request' ? 'the object key' : 'a value'} in this command holds a line break or another control or invisible character, which can only be shown escaped here, and escaped it would name ${fix.kind === 'change-request' ? 'another object' : 'something else'}. Build it from the command in check --format json, which keeps every character exact.`;
