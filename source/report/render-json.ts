import {visibleLines} from './sanitize.js';
import type {ConditionExplanation, Diagnosis, Finding, Fix, Requirement, RequiredAction, ResolvedQuestion, UnknownNote} from '../diagnosis/diagnosis.js';

/**
 * `check --format json`: a contract for scripts, so every object is built key by key in a fixed order.
 * Keys the contract always has are present even when empty (`decidedBy: null`, `policyName: null`, `weakens: null`);
 * `resolveWith`, `conditions`, `remedy` and the question's unknown facts are left out when absent.
 * The engine's full evaluation is not part of it. docs/diagnosis.schema.json is its JSON Schema.
 */

/** Names the contract and its major version: additions keep `@1`, a breaking change is `@2` (CHANGELOG.md). */
export const diagnosisFormat = 's3-kms-doctor/diagnosis@1';

type Json = string | number | boolean | null | readonly Json[] | {readonly [key: string]: Json | undefined};

const questionJson = (question: ResolvedQuestion): Json => ({
	operation: question.operation,
	bucket: question.bucket,
	objectKey: question.objectKey,
	objectArn: question.objectArn,
	sizeBytes: question.sizeBytes,
	multipartThresholdBytes: question.multipartThresholdBytes,
	multipart: question.multipart,
	principalArn: question.principalArn,
	principalAccount: question.principalAccount,
	bucketAccount: question.bucketAccount,
	bucketRegion: question.bucketRegion,
	keyArn: question.keyArn,
	keyAccount: question.keyAccount,
	bucketKeyEnabled: question.bucketKeyEnabled,
	crossAccount: {bucket: question.crossAccount.bucket, key: question.crossAccount.key},
});

const actionJson = (action: RequiredAction): Json => ({
	action: action.action,
	resource: action.resource,
	decision: action.decision,
	purpose: action.purpose,
});

const conditionJson = (condition: ConditionExplanation): Json => ({
	operator: condition.operator,
	key: condition.key,
	expected: [...condition.expected],
	actual: condition.actual === 'absent' || condition.actual === 'unknown' ? condition.actual : [...condition.actual],
	result: condition.result,
	reason: condition.reason,
	effect: condition.effect,
});

const requirementJson = (requirement: Requirement): Json => ({
	action: requirement.action,
	// The action alone is ambiguous for a copy (kms:Decrypt on the source key and on the destination key).
	resource: requirement.resource,
	place: requirement.place,
	status: requirement.status,
	decidedBy: requirement.decidedBy ?? null,
	why: requirement.why,
	resolveWith: requirement.resolveWith,
	conditions: requirement.conditions && requirement.conditions.length > 0 ? requirement.conditions.map(conditionJson) : undefined,
});

const findingJson = (finding: Finding): Json => ({
	id: finding.id,
	severity: finding.severity,
	message: finding.message,
	remedy: finding.remedy,
});

/** Fields that do not apply to a fix's kind are `null`: a change-request has no place, target or policy. */
const fixJson = (fix: Fix): Json => ({
	place: fix.place,
	kind: fix.kind,
	alsoKinds: fix.alsoKinds ?? [],
	target: fix.target,
	policyName: fix.policyName ?? null,
	// Policy documents are printed as the diagnosis holds them: their own key order is the user's.
	statement: fix.statement as Json,
	statements: fix.statements as Json,
	policy: fix.policy as Json,
	command: fix.command,
	summary: fix.summary,
	proven: fix.proven,
	// Proven for its own rows only, a pasted message's denial still standing: what the request stays, and by what.
	blockedBy: fix.blockedBy ? {status: fix.blockedBy.status, by: fix.blockedBy.by} : null,
	appliesIn: {account: fix.appliesIn.account, role: fix.appliesIn.role},
	weakens: fix.weakens,
	remains: fix.remains,
});

const unknownJson = (note: UnknownNote): Json => ({
	what: note.what,
	reason: note.reason,
	resolveWith: note.resolveWith,
});

/** The diagnosis as `check --format json` prints it: 2-space indent, a final newline. */
export const renderJson = (diagnosis: Diagnosis): string => {
	const document: Json = {
		format: diagnosisFormat,
		verdict: diagnosis.verdict,
		summary: diagnosis.summary,
		question: questionJson(diagnosis.question),
		actions: diagnosis.actions.map(actionJson),
		requirements: diagnosis.requirements.map(requirementJson),
		findings: diagnosis.findings.map(findingJson),
		fixes: diagnosis.fixes.map(fixJson),
		unknowns: diagnosis.unknowns.map(unknownJson),
		assumptions: diagnosis.assumptions.map(assumption => ({id: assumption.id, statement: assumption.statement, because: assumption.because})),
	};
	// Exact values; the characters that could steer a terminal are JSON-escaped, which parses to the same.
	return `${visibleLines(JSON.stringify(document, null, 2))}\n`;
};
