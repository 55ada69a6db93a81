import type {DiagnoseOptions} from './action-catalogue.js';
import {analyse, type Analysis} from './analyse.js';
import {summaryOf} from './summary.js';
import {applyAssumptions, assumedOnResolving} from './apply-assumptions.js';
import {assumedObjectOwner, objectOwnerFactOf} from './object-owner.js';
import {assumedHttps} from './secure-transport.js';
import {assumedKeyFacts} from './key-state.js';
import {evidenceElsewhereFindings, evidenceOfThisRequest} from './evidence-legs.js';
import {inPartsPerEvidence} from './evidence-in-parts.js';
import {deniedAgainstReadWords} from './evidence-words.js';
import type {Decision, Diagnosis, Finding, RequiredAction, UnknownNote} from './diagnosis.js';
import {findingsOf} from './findings.js';
import {fixesFor} from './fixes/index.js';
import {endpointEvidenceFindings} from './evidence-endpoint.js';
import {guardrailFindings} from './guardrail-findings.js';
import {namedByPasteFindings} from './named-by-paste.js';
import {neededOnlyAcrossWhy} from './requirements.js';
import {withRemedyWorded} from './remedy-fixes.js';
import {unfixableFindings} from './unfixable.js';
import {unknownActionFindings, withUncataloguedKeysAbsent} from './unknown-actions.js';
import type {UnknownKey} from './unknown-key.js';
import {unknownContextWhat, unknownPlaceWhat} from './unknown-words.js';
import {placeSaidOf, type PlaceSaid} from './place-words.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {operationModule} from '../operations/registry.js';

/**
 * Snapshot + question → diagnosis: every needed action with its decision, every place a grant must
 * live with its status, the causes that are not a missing grant, and proven fixes. Pure.
 */

const optional = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

/**
 * Denied when a finding or an action the request surely needs is denied; an action needed only if something not known
 * holds (the request goes in parts) makes it unknown: a single request would not need it. A guardrail's Deny of only
 * such actions is therefore a warning (guardrail-findings.ts), never an error that would say the request fails.
 */
const verdictOf = (actions: readonly RequiredAction[], findings: readonly Finding[], onlyIf: ReadonlyMap<string, string>): Decision => {
	if (findings.some(finding => finding.severity === 'error')) return 'denied';
	if (actions.some(action => action.decision === 'denied' && !onlyIf.has(action.id))) return 'denied';
	if (actions.some(action => action.decision !== 'allowed')) return 'unknown';
	return 'allowed';
};

export const diagnose = (given: Snapshot, options: DiagnoseOptions = {}): Diagnosis => {
	// A pasted message about another key or object than this request's decides nothing here, and says so.
	const {snapshot: aboutThis, elsewhere} = evidenceOfThisRequest(given);
	// A message naming an action only a request in parts calls says it went in parts, and the question says so.
	const {snapshot: sized, shownBy: inPartsShownBy} = inPartsPerEvidence(aboutThis);
	const applied = applyAssumptions(sized);
	// Whether the snapshot's principal makes the request at all (a presigned URL's signer) is the operation's to say.
	const settled = operationModule(given.question.operation).settleCaller?.(applied.snapshot) ?? {snapshot: applied.snapshot};
	const absent = withUncataloguedKeysAbsent(settled.snapshot, options.catalogue);
	const {snapshot} = absent;
	const assumed = [...applied.assumed, ...optional(settled.assumed), ...absent.assumed];
	const analysis = analyse(snapshot);
	const actions: RequiredAction[] = analysis.actions.map(({spec, evaluation, decision}) => ({
		id: spec.id,
		action: spec.action,
		resource: spec.unknownKey?.label ?? spec.resource,
		purpose: spec.purpose,
		context: spec.context,
		decision,
		evaluation,
	}));
	const findings = [
		...findingsOf(snapshot, analysis.facts, analysis.actions),
		...guardrailFindings(snapshot, analysis),
		...endpointEvidenceFindings(snapshot, analysis),
		...(options.catalogue ? unknownActionFindings(snapshot, options.catalogue) : []),
		...namedByPasteFindings(snapshot),
		...evidenceElsewhereFindings(elsewhere),
	];
	for (const problem of analysis.book.problems) {
		findings.push({id: 'policy-invalid', severity: 'warning', message: `${problem.message} (at ${problem.path}); it was treated as unread.`});
	}
	const fixes = fixesFor(snapshot, analysis, options.catalogue);
	findings.push(...unfixableFindings(snapshot, analysis.requirements, fixes, findings));
	const worded = findings.map(finding => withRemedyWorded(finding, findings, fixes));
	const settles = settlesOf(analysis.actions);
	const unknownKeys = analysis.actions.flatMap(action => (action.spec.unknownKey ? [action.spec.unknownKey] : []));
	const onlyIf = new Map(analysis.actions.flatMap(action => (action.spec.onlyIf ? [[action.spec.id, action.spec.onlyIf] as const] : [])));
	const verdict = verdictOf(actions, worded, onlyIf);
	const againstRead = [
		...new Set(
			analysis.actions.flatMap(({evidenceAgainstRead, evidenceReadHolds}) =>
				evidenceAgainstRead && evidenceReadHolds ? (deniedAgainstReadWords(snapshot, evidenceAgainstRead, evidenceReadHolds) ?? []) : [],
			),
		),
	];
	const objectOwner = objectOwnerFactOf(snapshot, analysis.actions.map(action => action.spec));
	const noted = unknownsOf(placeSaidOf(snapshot, analysis.requirements), unknownKeys, analysis.requirements, analysis.actions.flatMap(action => action.evaluation.unknownContextKeys), settles);
	// Where the readings in and across accounts disagree, what decides is whose account the bucket or key is in: said first.
	const undecidedByAccount = analysis.actions.some(action => action.evaluation.readings !== undefined);
	// A row needed only across accounts waits for the same: the account's note says it once.
	const unknowns = [
		...(undecidedByAccount || (verdict === 'unknown' && noted.length === 0)
			? [...accountUnknowns(analysis.facts.question), ...noted.filter(note => !note.reason.startsWith(neededOnlyAcrossWhy))]
			: noted),
		...optional(verdict === 'unknown' ? inPartsUnknown(actions, onlyIf) : undefined),
	];
	return {
		verdict,
		summary: summaryOf(snapshot, verdict, actions, analysis.requirements, worded, unknowns.map(note => note.what), onlyIf, againstRead),
		question: {
			...analysis.facts.question,
			...(inPartsShownBy ? {inPartsShownBy} : {}),
			bucketKeyMatters: analysis.actions.some(action => action.evaluation.unknownContextKeys.some(key => key.toLowerCase() === 'kms:encryptioncontext:aws:s3:arn')),
			...(objectOwner ? {objectOwner} : {}),
		},
		actions,
		requirements: analysis.requirements,
		findings: worded,
		fixes,
		unknowns,
		assumptions: [
			...assumed,
			...assumedOnResolving(snapshot, analysis.facts),
			...optional(assumedObjectOwner(snapshot, analysis.actions.map(action => action.spec))),
			...optional(assumedHttps(analysis.actions)),
			...assumedKeyFacts(snapshot, analysis.facts),
		],
	};
};

/** Whether the bucket or the key is in the caller's account, where neither is known and the two readings differ. */
const accountUnknowns = (question: Diagnosis['question']): UnknownNote[] => {
	const notes: UnknownNote[] = [];
	if (question.crossAccount.bucket === 'unknown') {
		notes.push({
			what: `the account of bucket ${question.bucket}`,
			reason: "Whether the bucket is in the caller's account is neither read nor given, and the answer depends on it: in one account an IAM allow is enough, across accounts the bucket policy must allow too.",
			// No --profile: the account that owns the bucket is what is not known (commandInAccount names none for it).
			resolveWith: `the bucket owner's account ID (bucket.accountId; aws s3api head-bucket --bucket ${question.bucket} --expected-bucket-owner ACCOUNT tells whether it is ACCOUNT)`,
		});
	}
	if (question.crossAccount.key === 'unknown') {
		notes.push({
			what: "the KMS key's account",
			reason: "Whether the key is in the caller's account is neither read nor given, and the answer depends on it: across accounts the key policy must allow the caller's account or role.",
			resolveWith: "the key's ARN, which names its account",
		});
	}
	return notes;
};

/**
 * An action needed only if the request goes in parts, not allowed, leaves the verdict unknown: whether it goes in parts
 * is then what is open, and the unknowns say so with what settles it, never "none" beside an unknown verdict.
 */
const inPartsUnknown = (actions: readonly RequiredAction[], onlyIf: ReadonlyMap<string, string>): UnknownNote | undefined => {
	const open = actions.filter(action => onlyIf.has(action.id) && action.decision !== 'allowed');
	if (open.length === 0) return undefined;
	const names = [...new Set(open.map(action => action.action))].join(' and ');
	return {
		what: 'whether the request goes in parts',
		reason: `${names} ${open.length > 1 ? 'are' : 'is'} needed only if ${onlyIf.get(open[0]!.id)!}, and ${open.some(action => action.decision === 'denied') ? 'is not allowed' : 'is not known to be allowed'}; the size and the tool's multipart threshold, which decide it, are not both known.`,
		resolveWith:
			"the size (question.sizeBytes; check --size) and the tool or its multipart threshold (question.tool, question.multipartThresholdBytes); an AccessDenied from UploadPart or CompleteMultipartUpload proves it went in parts (question.multipart)",
	};
};

/**
 * What settles each context key a condition could not decide, from the requests it was undecided for: one request may
 * not carry a key another carries (S3's KMS request, the caller's network), so each says its own, once.
 */
const settlesOf = (actions: Analysis['actions']): ReadonlyMap<string, string> => {
	const reads = new Map<string, string[]>();
	for (const action of actions) {
		// Condition keys are case-insensitive: a policy may write kms:resourcealiases.
		const byKey = new Map(Object.entries(action.spec.settles ?? {}).map(([key, read]) => [key.toLowerCase(), read] as const));
		for (const key of action.evaluation.unknownContextKeys.map(name => name.toLowerCase())) {
			const read = byKey.get(key);
			const known = reads.get(key) ?? [];
			if (read !== undefined && !known.includes(read)) reads.set(key, [...known, read]);
		}
	}
	return new Map([...reads].map(([key, list]) => [key, list.join('; and ')]));
};

const unknownsOf = (placeSaid: PlaceSaid, unknownKeys: readonly UnknownKey[], requirements: Diagnosis['requirements'], contextKeys: readonly string[], settles: ReadonlyMap<string, string>): UnknownNote[] => {
	const notes = new Map<string, UnknownNote>();
	for (const key of unknownKeys) {
		notes.set(`key|${key.label}`, {what: key.label, reason: key.reason ?? 'Which KMS key S3 uses (and so its key policy and grants) is neither read nor given.', resolveWith: key.resolveWith});
	}
	const keyReads = new Set(unknownKeys.map(key => key.resolveWith));
	for (const requirement of requirements.filter(candidate => candidate.status === 'unknown' && !keyReads.has(candidate.resolveWith ?? ''))) {
		const what = unknownPlaceWhat(placeSaid, requirement);
		const key = `${what}|${requirement.resolveWith ?? ''}`;
		if (!notes.has(key)) notes.set(key, {what, reason: requirement.why, ...(requirement.resolveWith ? {resolveWith: requirement.resolveWith} : {})});
	}
	for (const key of new Set(contextKeys)) {
		notes.set(`context|${key}`, {what: unknownContextWhat(key), reason: `A policy condition tests ${key}, whose value for this request is not known.`, resolveWith: settles.get(key.toLowerCase()) ?? `the value of ${key} (add it to requestContext in the snapshot)`});
	}
	return [...notes.values()];
};
