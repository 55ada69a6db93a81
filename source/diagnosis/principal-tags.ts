import type {ContextValue} from '../engine/context.js';
import {parseCaller} from '../engine/principal.js';
import {isObject} from '../shared/json.js';
import type {Snapshot} from '../snapshot/snapshot.js';

/*
 * aws:PrincipalTag/KEY as the request carries it. An IAM user's tags, once read, are all its principal tags: a key
 * they do not hold is absent. A session's are its role's tags and the tags passed when it was created, and IAM says
 * "New session tags override existing assumed role or federated user tags with the same tag key, regardless of case"
 * (IAM User Guide, "Passing session tags in AWS STS"): AWS cannot read those back, so without them every key is unknown.
 */

type Principal = Snapshot['principal'];
export type PrincipalTags = {readonly context: Record<string, ContextValue>; readonly settles: Record<string, string>};

const prefix = 'aws:principaltag/';
const variable = /\$\{(aws:PrincipalTag\/[^}]+)\}/gi;

/** The aws:PrincipalTag keys the snapshot's policies test (a condition key, or a `${…}` variable), once each. */
export const testedTagKeys = (snapshot: Snapshot): string[] => {
	const keys = new Map<string, string>();
	const add = (key: string): void => {
		if (key.toLowerCase().startsWith(prefix) && !key.includes('${') && !keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
	};
	const walk = (value: unknown, underCondition: boolean, depth: number): void => {
		// Bounded: a snapshot is parsed within a depth limit already; this only guards the walk itself.
		if (depth > 64) return;
		if (typeof value === 'string') {
			for (const match of value.matchAll(variable)) add(match[1]!);
			return;
		}
		if (Array.isArray(value)) {
			for (const item of value) walk(item, false, depth + 1);
			return;
		}
		if (!isObject(value)) return;
		for (const [name, item] of Object.entries(value)) {
			// Under Condition: operator → {key: values}.
			if (underCondition && isObject(item)) for (const key of Object.keys(item)) add(key);
			walk(item, name === 'Condition', depth + 1);
		}
	};
	// The request context is what the request carries, not what a policy tests.
	const {requestContext: _context, ...rest} = snapshot;
	walk(rest, false, 0);
	return [...keys.values()];
};

const tagOf = (tags: Readonly<Record<string, string>>, key: string): string | undefined => {
	const name = key.slice(prefix.length).toLowerCase();
	const found = Object.keys(tags).find(tag => tag.toLowerCase() === name);
	return found === undefined ? undefined : tags[found];
};

const sessionTagsRead =
	"the session's tags, which AWS cannot read back: the CloudTrail event of the call that created the session (AssumeRole, AssumeRoleWithSAML or " +
	'AssumeRoleWithWebIdentity) shows those passed (requestParameters.principalTags; tags inherited from an earlier session of a role chain in that ' +
	"session's event), or give them as principal.sessionTags (null: none were passed)";

/** The principal's tags as the request carries them, and what settles each key tested that is not known. */
export const principalTagsOf = (snapshot: Snapshot, principal: Principal): PrincipalTags => {
	const context: Record<string, ContextValue> = {};
	const settles: Record<string, string> = {};
	if (!principal) return {context, settles};
	const caller = parseCaller(principal.arn);
	const {tags} = principal;
	const tested = testedTagKeys(snapshot);
	if (caller.kind === 'session' || principal.arn.includes(':federated-user/')) {
		const passed = principal.sessionTags;
		for (const key of tested) {
			const own = passed ? tagOf(passed, key) : undefined;
			const entity = tags ? tagOf(tags, key) : undefined;
			if (own !== undefined) context[key] = own;
			// Not passed: the role's (or user's) own tag, where read; where none, absent.
			else if (passed !== undefined && tags !== undefined) context[key] = entity ?? null;
			else settles[key] = passed === undefined ? sessionTagsRead : `the tags of the session's ${caller.kind === 'session' ? `role (iam:ListRoleTags on role ${caller.roleName ?? 'ROLE'})` : 'user'}`;
		}
		return {context, settles};
	}
	if (tags === undefined) return {context, settles};
	for (const [tag, value] of Object.entries(tags)) context[`aws:PrincipalTag/${tag}`] = value;
	// An IAM user's tags, read, are all it has; a role's own requests (a service's session of it) may carry others.
	if (caller.kind === 'user') for (const key of tested) if (tagOf(tags, key) === undefined) context[key] = null;
	return {context, settles};
};
