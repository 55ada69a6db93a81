import {parseKmsArn, parseS3Arn} from '../names/index.js';
import type {DenialEvidence} from '../snapshot/provenance.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {Finding} from './diagnosis.js';
import {listWords} from './list-words.js';
import {requiredActions, type ActionSpec} from './required-actions.js';
import {resolveQuestion} from './resolve-question.js';

/**
 * Which leg a pasted message is about, where two need its action (a copy's kms:Decrypt on the source and the destination
 * key): `this` leg, which it decides as if it were the only one; `another`, which leaves this one as evaluated; or not
 * known, in `onWhich`'s words, which leave both undecided. Only a resource the message names, compared with each leg's
 * as known, tells: a key not known, or a name in another form (an alias, a bucket for an object), tells nothing.
 */
export type EvidenceLeg = {readonly leg: 'this' | 'another'} | {readonly leg: 'unknown'; readonly onWhich: string};

/** An object key as S3 names it, or as a URL encodes it: a message may show either. */
const decoded = (objectKey: string): string => {
	try {
		return decodeURIComponent(objectKey.replaceAll('+', ' '));
	} catch {
		return objectKey;
	}
};

/**
 * The message names this leg's resource (`true`), clearly another (`false`: another key ID, bucket or object), or
 * cannot be compared with it: a key not known, an alias, the same key ID in another ARN (one of them derived), another
 * partition, a bucket beside an object of it.
 */
const namesLeg = (resource: string, spec: ActionSpec): boolean | undefined => {
	if (spec.service === 'kms') {
		const named = parseKmsArn(resource);
		const own = parseKmsArn(spec.resource);
		if (spec.unknownKey || !named.ok || !own.ok || named.value.kind !== 'key' || own.value.kind !== 'key') return undefined;
		if (named.value.name !== own.value.name) return false;
		return resource === spec.resource ? true : undefined;
	}
	const named = parseS3Arn(resource);
	const own = parseS3Arn(spec.resource);
	if (!named || !own || named.partition !== own.partition) return undefined;
	if (named.bucket !== own.bucket) return false;
	if ((named.objectKey === undefined) !== (own.objectKey === undefined)) return undefined;
	return named.objectKey === own.objectKey || decoded(named.objectKey ?? '') === decoded(own.objectKey ?? '');
};

export const legOfEvidence = (evidence: DenialEvidence, spec: ActionSpec, specs: readonly ActionSpec[]): EvidenceLeg => {
	const legs = specs.filter(other => other.action === spec.action);
	if (legs.length < 2) return {leg: 'this'};
	const needs = `the ${legs.length} resources this request needs it on`;
	const {resource} = evidence;
	if (resource === undefined) return {leg: 'unknown', onWhich: `on one of ${needs}; which one, the message named and the evidence does not keep`};
	const matches = legs.map(leg => namesLeg(resource, leg));
	const named = legs.filter((_, index) => matches[index] === true);
	// Clearly none of them is set aside before (evidenceOfThisRequest): then it is about another leg than this one, too.
	if (!matches.includes(undefined) && named.length <= 1) return {leg: named[0] === spec ? 'this' : 'another'};
	const onWhich = matches.includes(undefined)
		? `on ${resource}; which of ${needs} that is, is not known: ${legs.some(leg => leg.unknownKey) ? 'not every key is known' : 'the message names it in another form than the request'}`
		: `on ${resource}, which this request needs it on ${named.length} times (${named.map(leg => leg.side).join(' and ')}); which one it was, the message does not tell`;
	return {leg: 'unknown', onWhich};
};

/** A message whose resource is clearly none of those this request needs its action on, and those it needs it on. */
export type EvidenceElsewhere = {readonly evidence: DenialEvidence; readonly about: string; readonly needs: readonly string[]};

const elsewhereOf = (evidence: DenialEvidence, specs: readonly ActionSpec[]): EvidenceElsewhere | undefined => {
	const {resource} = evidence;
	const legs = specs.filter(spec => spec.action === evidence.action);
	if (resource === undefined || legs.length === 0 || !legs.every(leg => namesLeg(resource, leg) === false)) return undefined;
	return {evidence, about: resource, needs: [...new Set(legs.map(leg => leg.resource))]};
};

/**
 * The snapshot with only the evidence about this request: a message that names another key or object than every one this
 * request needs its action on (a stale snapshot, a message from another request) is AWS's word on that one, not this one,
 * so it decides none of these rows, findings or fixes, and the assumptions it would refute stand. Said once, as a finding.
 */
export const evidenceOfThisRequest = (snapshot: Snapshot): {readonly snapshot: Snapshot; readonly elsewhere: readonly EvidenceElsewhere[]} => {
	if (!snapshot.evidence?.some(evidence => evidence.resource !== undefined)) return {snapshot, elsewhere: []};
	const specs = requiredActions(snapshot, resolveQuestion(snapshot));
	const elsewhere = snapshot.evidence.flatMap(evidence => elsewhereOf(evidence, specs) ?? []);
	if (elsewhere.length === 0) return {snapshot, elsewhere};
	const evidence = snapshot.evidence.filter(each => !elsewhere.some(other => other.evidence === each));
	const {evidence: _all, ...rest} = snapshot;
	return {snapshot: evidence.length > 0 ? {...rest, evidence} : rest, elsewhere};
};

/** One sentence: what the message is about, what this question is about, that it was not applied, and what to do. */
export const evidenceElsewhereFindings = (elsewhere: readonly EvidenceElsewhere[]): Finding[] => {
	const messages = elsewhere.map(
		({evidence, about, needs}) =>
			`The pasted AccessDenied message is about ${evidence.action} on ${about}, while this question is about ${evidence.action} on ${listWords(needs)}, so it was not applied: paste the AccessDenied message of this request, or ask about ${about}.`,
	);
	return [...new Set(messages)].map(message => ({id: 'evidence-about-another-resource', severity: 'warning', message}));
};

/**
 * A fix that changes the request's key or object (a change-request) leaves a message about the old one behind: AWS's word
 * on that one, not on what the changed request needs, so its proof does not apply it (evidenceOfThisRequest), and says so.
 */
export const evidenceLeftBehindWords = (elsewhere: readonly EvidenceElsewhere[]): string | undefined => {
	const sentences = elsewhere.map(
		({evidence, about, needs}) =>
			`The pasted AccessDenied message is about ${evidence.action} on ${about}; with this change the request needs ${evidence.action} on ${listWords(needs)} instead, so the message no longer applies and was not applied in proving it.`,
	);
	return sentences.length > 0 ? [...new Set(sentences)].join(' ') : undefined;
};
