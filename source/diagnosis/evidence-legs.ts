import {isKeyArn, parseS3Arn} from '../names/index.js';
import type {DenialEvidence} from '../snapshot/snapshot.js';
import type {ActionSpec} from './required-actions.js';

/**
 * Which leg a pasted message is about, where two need its action (a copy's kms:Decrypt on the source and the destination
 * key): `this` leg, which it decides as if it were the only one; `another`, which leaves this one as evaluated; or not
 * known, in `onWhich`'s words, which leave both undecided. Only a resource the message names, compared with each leg's
 * as known, tells: a key not known, or a name in another form (an alias, a bucket for an object), tells nothing.
 */
export type EvidenceLeg = {readonly leg: 'this' | 'another'} | {readonly leg: 'unknown'; readonly onWhich: string};

/** The message names this leg's resource, names another, or cannot be compared with it. */
const namesLeg = (resource: string, spec: ActionSpec): boolean | undefined => {
	if (spec.service === 'kms') return spec.unknownKey || !isKeyArn(resource) ? undefined : resource === spec.resource;
	const named = parseS3Arn(resource);
	const own = parseS3Arn(spec.resource);
	if (!named || !own || (named.objectKey === undefined) !== (own.objectKey === undefined)) return undefined;
	return resource === spec.resource;
};

export const legOfEvidence = (evidence: DenialEvidence, spec: ActionSpec, specs: readonly ActionSpec[]): EvidenceLeg => {
	const legs = specs.filter(other => other.action === spec.action);
	if (legs.length < 2) return {leg: 'this'};
	const needs = `the ${legs.length} resources this request needs it on`;
	const {resource} = evidence;
	if (resource === undefined) return {leg: 'unknown', onWhich: `on one of ${needs}; which one, the message named and the evidence does not keep`};
	const matches = legs.map(leg => namesLeg(resource, leg));
	const named = legs.filter((_, index) => matches[index] === true);
	if (!matches.includes(undefined) && named.length === 1) return {leg: named[0] === spec ? 'this' : 'another'};
	const onWhich = matches.includes(undefined)
		? `on ${resource}; which of ${needs} that is, is not known: ${legs.some(leg => leg.unknownKey) ? 'not every key is known' : 'the message names it in another form than the request'}`
		: named.length > 1
			? `on ${resource}, which this request needs it on ${named.length} times (${named.map(leg => leg.side).join(' and ')}); which one it was, the message does not tell`
			: `on ${resource}, which is none of ${needs} as known here; which one it was, is not known`;
	return {leg: 'unknown', onWhich};
};
