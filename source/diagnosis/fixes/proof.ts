import {isObject, type JsonObject} from '../../shared/json.js';
import {analyse, type Analysis} from '../analyse.js';
import {findingsOf} from '../findings.js';
import {firstClause} from '../first-clause.js';
import type {Fix, FixBlock, Requirement} from '../diagnosis.js';
import {placeWords} from '../place-words.js';
import {requirementId} from '../requirement-id.js';
import {policySizeProblems} from '../../snapshot/policy-limits.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import type {Draft} from './draft.js';
import {inlineQuotaOf} from './inline-quota.js';
import {blockedByEvidence} from './still-blocked.js';
import {placeOfEvidence} from '../evidence-words.js';
import {evidenceLeftBehindWords, evidenceOfThisRequest} from '../evidence-legs.js';

/**
 * What makes a fix proven: least privilege, and — applied to a copy of the snapshot and re-diagnosed — its rows turn ✔,
 * with no pasted AccessDenied message's denial left standing.
 */

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** One added Allow grants no more than the request needs (see isLeastPrivilege). */
const isLeastAllow = (statement: JsonObject, place: Fix['place'], requested: readonly string[]): boolean => {
	const principal = statement['Principal'];
	const principals = principal === '*' ? ['*'] : isObject(principal) ? list(principal['AWS']) : [];
	const actions = list(statement['Action']);
	const resources = list(statement['Resource']);
	const fitsRequest = (resource: unknown): boolean => (place === 'key-policy' ? resource === '*' : typeof resource === 'string' && requested.includes(resource));
	return (
		statement['Effect'] === 'Allow' &&
		!principals.includes('*') &&
		statement['NotPrincipal'] === undefined &&
		statement['NotAction'] === undefined &&
		statement['NotResource'] === undefined &&
		actions.length > 0 &&
		actions.every(action => typeof action === 'string' && !action.includes('*') && !action.includes('?')) &&
		resources.length > 0 &&
		resources.every(fitsRequest)
	);
};

/**
 * Every Allow a fix adds grants no more than the request needs: no `*` principal, no `NotAction` or `NotResource`,
 * only exact actions (no `*` or `?`, even where AWS's examples write `kms:GenerateDataKey*`), and only the
 * resources the request names — in a key policy `"Resource": "*"`, which there means the key itself. An add-allow
 * adds every statement it shows (two rounds merged add two); a narrowed Deny adds the Allows its narrowing uncovered.
 * The other kinds rewrite the owner's own statements, which are not theirs to judge, nor are those a correction folded
 * into an Allow's fix (`corrected`).
 */
export const isLeastPrivilege = (fix: Pick<Fix, 'place' | 'kind' | 'statement' | 'statements'> & Pick<Draft, 'corrected'>, requested: readonly string[]): boolean => {
	const added =
		fix.kind === 'add-allow'
			? [...(fix.statement === null ? [] : [fix.statement]), ...fix.statements]
			: fix.kind === 'narrow-deny'
				? fix.statements.filter(statement => statement['Effect'] !== 'Deny')
				: [];
	// A correction folded into an Allow's fix (one policy, one command) rewrote the owner's statements: not added here.
	const corrected = new Set((fix.corrected ?? []).map(statement => JSON.stringify(statement)));
	return added.filter(statement => !corrected.has(JSON.stringify(statement))).every(statement => isLeastAllow(statement, fix.place, requested));
};

const isCheck = (status: Requirement['status'] | undefined): boolean => status === 'ok' || status === 'not-needed';

export type Proof = {
	readonly proven: boolean;
	/** The request with the fix applied, re-diagnosed. */
	readonly after: Analysis;
	/** The policy the fix writes is larger than AWS allows for its kind, or takes its owner's inline policies over IAM's quota: AWS would refuse it. */
	readonly tooLarge?: string;
	/**
	 * Whether AWS accepts what it writes is not known: the inline policies it writes with the others the snapshot does not
	 * tell, against IAM's quota; a managed policy's versions, of which IAM keeps five.
	 */
	readonly sizeUnknown?: string;
	/** What still fails the request with the fix applied that no row says (a disabled key, a legacy OAI): error findings. */
	readonly errors: readonly string[];
	/** A pasted AccessDenied message's denial that still leaves the request denied or unknown with the fix applied. */
	readonly blockedBy?: FixBlock;
	/** A pasted message about the key or object the request named before the fix changed it: not applied, in one sentence. */
	readonly leftBehind?: string;
};

/** A policy the fix made larger than AWS allows (a problem the snapshot did not have already), if any. */
const newSizeProblem = (before: Snapshot, after: Snapshot): string | undefined => {
	const pathOf = (problem: string): string => problem.split(' is ')[0]!;
	const known = new Set(policySizeProblems(before).map(pathOf));
	return policySizeProblems(after).find(problem => !known.has(pathOf(problem)));
};

/**
 * A pasted message's denial by the policy this fix changes (the caller's identity-based policy, the bucket or key policy),
 * for an action whose row there the fix turns ✔: the message spoke of that policy as it was, so with the fix applied it
 * no longer does, and the re-run reads the changed policy alone. Every other denial it evidences stays (still-blocked.ts).
 */
const withoutAnswered = (applied: Snapshot, draft: Pick<Draft, 'resolves'>, before: Analysis): Snapshot => {
	if (!applied.evidence) return applied;
	const resolved = before.requirements.filter(row => draft.resolves.includes(requirementId(row)));
	const evidence = applied.evidence.filter(each => !resolved.some(row => row.action === each.action && row.place === placeOfEvidence(each)));
	return evidence.length === applied.evidence.length ? applied : {...applied, evidence};
};

/**
 * Every requirement the draft targets ends ✔ (ok, or no longer needed), and nothing that was decided
 * becomes unknown (a changed request naming a key the snapshot does not describe proves nothing).
 */
export const proves = (draft: Pick<Draft, 'resolves' | 'apply' | 'ref' | 'acceptanceUnknown'>, snapshot: Snapshot, before: Analysis): Proof => {
	// A changed request may need its action on another key or object than the one a message names: as in diagnose(), first.
	const {snapshot: aboutThis, elsewhere} = evidenceOfThisRequest(draft.apply(snapshot));
	const leftBehind = evidenceLeftBehindWords(elsewhere);
	const applied = withoutAnswered(aboutThis, draft, before);
	const after = analyse(applied);
	const quota = inlineQuotaOf(draft, snapshot, applied);
	const tooLarge = newSizeProblem(snapshot, applied) ?? (quota && 'refused' in quota ? quota.refused : undefined);
	const sizeUnknown = [quota && 'unknown' in quota ? quota.unknown : undefined, draft.acceptanceUnknown].filter(Boolean).join('; ') || undefined;
	const byId = new Map(after.requirements.map(requirement => [requirementId(requirement), requirement]));
	const wasDecided = new Set(before.requirements.filter(requirement => requirement.status !== 'unknown').map(requirementId));
	const nothingLost = after.requirements.every(requirement => requirement.status !== 'unknown' || !wasDecided.has(requirementId(requirement)));
	const proven = tooLarge === undefined && draft.resolves.length > 0 && nothingLost && draft.resolves.every(id => isCheck(byId.get(id)?.status));
	const errors = findingsOf(applied, after.facts, after.actions)
		.filter(finding => finding.severity === 'error')
		.map(finding => firstClause(finding.message));
	const blockedBy = blockedByEvidence(applied, after);
	return {proven, after, errors, ...(tooLarge === undefined ? {} : {tooLarge}), ...(sizeUnknown === undefined ? {} : {sizeUnknown}), ...(blockedBy ? {blockedBy} : {}), ...(leftBehind ? {leftBehind} : {})};
};

/**
 * With the fix applied, what stands between it and an allowed request: a policy AWS would refuse (alone, or `together`
 * with the other fixes' inline policies of the same entity), the rows it does not target that are still ✘ or ⛔, and those
 * still unknown (a proven fix can leave the verdict undecided); `null` when none.
 */
export const remainsAfter = (draft: Pick<Draft, 'resolves'>, proof: Pick<Proof, 'after' | 'tooLarge' | 'sizeUnknown' | 'errors'>, together?: string): string | null => {
	const open = proof.after.requirements.filter(requirement => !requirement.alternative && !draft.resolves.includes(requirementId(requirement)));
	const words = (requirements: readonly Requirement[]): string[] => [...new Set(requirements.map(requirement => `${requirement.action} in the ${placeWords[requirement.place]} (${requirement.status})`))];
	// A row needed only if a fact not known holds (the upload goes in parts) fails the request only if it does.
	const onlyIf = new Map(proof.after.actions.flatMap(action => (action.spec.onlyIf ? [[action.spec.id, action.spec.onlyIf] as const] : [])));
	const failingRows = open.filter(requirement => requirement.status === 'missing' || requirement.status === 'denied');
	const failing = [...new Set(proof.errors), ...words(failingRows.filter(requirement => !onlyIf.has(requirement.actionId)))];
	const conditions = [...new Set(failingRows.flatMap(requirement => onlyIf.get(requirement.actionId) ?? []))];
	const ifItHolds = conditions.map(
		condition =>
			`${failing.length > 0 ? 'It also fails' : 'The request still fails with this fix alone'} if ${condition}, which is not known: ${words(failingRows.filter(requirement => onlyIf.get(requirement.actionId) === condition)).join('; ')}.`,
	);
	const unknown = words(open.filter(requirement => requirement.status === 'unknown'));
	const sentences = [
		...(proof.tooLarge ? [`AWS would refuse this policy: ${proof.tooLarge}.`] : []),
		...(proof.sizeUnknown ? [`Whether AWS accepts this policy is not known: ${proof.sizeUnknown}.`] : []),
		...(together && !proof.tooLarge ? [together] : []),
		...(failing.length > 0 ? [`The request still fails with this fix alone: ${failing.join('; ')}.`] : []),
		...ifItHolds,
		...(unknown.length > 0 ? [`${failing.length > 0 ? 'Still' : 'With this fix alone the request is still'} not known to be allowed: ${unknown.join('; ')}.`] : []),
	];
	return sentences.length > 0 ? sentences.join(' ') : null;
};
