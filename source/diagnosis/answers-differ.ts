import type {KeyGrant, Snapshot} from '../snapshot/snapshot.js';
import {diagnose} from './diagnose.js';
import type {Diagnosis} from './diagnosis.js';

/**
 * Whether a question's answer can change what the user acts on: the snapshot is diagnosed once per possible answer,
 * and where every answer gives the same verdict, decisions, findings and fixes, asking would change nothing. The
 * wizard asks only what can change the answer (docs/wizard.md).
 */

/** What a user acts on: the verdict, each action's decision, the findings and the fixes (not the sentences that explain them). */
const outcomeOf = (diagnosis: Diagnosis): string =>
	JSON.stringify([
		diagnosis.verdict,
		diagnosis.actions.map(action => [action.id, action.decision]),
		diagnosis.findings.map(finding => [finding.id, finding.severity, finding.remedy ?? null]),
		diagnosis.fixes.map(fix => [fix.kind, fix.place, fix.target, fix.statements, fix.command, fix.proven, fix.remains]),
	]);

/** The last few outcomes, by snapshot: the wizard replays its conversation on every answer, with the same snapshots. */
const remembered = new Map<string, string>();

const rememberedOutcomeOf = (snapshot: Snapshot): string => {
	// When it was made decides nothing, and differs on every walk (how it was collected does decide: it stays).
	const key = JSON.stringify(snapshot.metadata ? {...snapshot, metadata: {...snapshot.metadata, createdAt: undefined}} : snapshot);
	let outcome = remembered.get(key);
	if (outcome === undefined) {
		outcome = outcomeOf(diagnose(snapshot));
		if (remembered.size >= 16) remembered.clear();
		remembered.set(key, outcome);
	}
	return outcome;
};

/** Whether the snapshots, the same facts but for one answer each, lead to different outcomes. */
export const answersDiffer = (candidates: readonly Snapshot[]): boolean => new Set(candidates.map(rememberedOutcomeOf)).size > 1;

/**
 * Every operation KMS lets a grant allow (KMS Developer Guide, "Grant operations"): the most a grant could give. Its
 * grantee is the caller and it has no constraint, so no grant answer could allow more.
 */
const grantOperations = [
	'Decrypt',
	'Encrypt',
	'GenerateDataKey',
	'GenerateDataKeyPair',
	'GenerateDataKeyPairWithoutPlaintext',
	'GenerateDataKeyWithoutPlaintext',
	'GenerateMac',
	'ReEncryptFrom',
	'ReEncryptTo',
	'Sign',
	'Verify',
	'VerifyMac',
	'DeriveSharedSecret',
	'GetPublicKey',
	'DescribeKey',
	'CreateGrant',
	'RetireGrant',
];

const widestGrant = (grantee: string): KeyGrant => ({name: 'any grant the key could hold', granteePrincipal: grantee, operations: grantOperations});

/**
 * Whether the key's grants can change the outcome: a grant only adds an Allow (KMS: no principal has any permission to
 * a KMS key "unless that permission is provided explicitly and never denied"), so `snapshot`, with no grants, is
 * diagnosed against the same with a grant giving the caller every operation; the same outcome means no grant matters.
 */
export const grantsCanMatter = (snapshot: Snapshot): boolean => {
	const {key, principal} = snapshot;
	if (!key || !principal) return true;
	return answersDiffer([
		{...snapshot, key: {...key, grants: []}},
		{...snapshot, key: {...key, grants: [widestGrant(principal.arn)]}},
	]);
};

/** What the wizard loads, after its first frame, to weigh whether a question's answer can change the outcome. */
export type AnswerWeigher = {
	readonly answersDiffer: typeof answersDiffer;
	readonly grantsCanMatter: typeof grantsCanMatter;
};

export const answerWeigher: AnswerWeigher = {answersDiffer, grantsCanMatter};
