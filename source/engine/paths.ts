import type {Layer, PrincipalMatch, ServiceModel} from './evaluation.js';
import {Verdict, type PrincipalAllows} from './evaluate-policy.js';
import type {LayerState} from './layers.js';
import type {Caller} from './principal.js';
import {triBoth, triEither, type Tri} from './tri.js';

/**
 * The ways to an allow once nothing denies: the resource policy naming the caller, a KMS grant, the
 * identity policy (for KMS only where the key policy delegates), and across accounts the resource policy
 * and the identity policy together; boundaries and session policies cap each path but the first.
 */

/**
 * One way to an allow: every term must be `yes`. `state`: the layer it reads, for `nearlyAllows`.
 * `undocumented`: a limit whose `no` became `unknown`, because AWS does not document whether it applies.
 */
export type Term = {
	readonly layer: Layer;
	readonly mode: ResourceMode | undefined;
	readonly value: Tri;
	readonly state: LayerState;
	readonly undocumented: boolean;
};
export type ResourceMode = 'exact' | 'direct' | 'anyone' | 'account' | 'any';
export type Path = {readonly name: string; readonly terms: readonly Term[]};

const exactMatches: readonly PrincipalMatch[] = ['exact'];
const directMatches: readonly PrincipalMatch[] = ['role', 'anyone', 'service'];
const anyoneMatches: readonly PrincipalMatch[] = ['anyone'];
const accountMatches: readonly PrincipalMatch[] = ['account'];
const anyMatches: readonly PrincipalMatch[] = ['exact', 'role', 'anyone', 'service', 'account'];

/** How a resource policy's Principal may name the caller for a path (`direct`: the role, `*` or a service). */
export const modeMatches = (mode: ResourceMode): readonly PrincipalMatch[] => {
	switch (mode) {
		case 'exact':
			return exactMatches;
		case 'direct':
			return directMatches;
		case 'anyone':
			return anyoneMatches;
		case 'account':
			return accountMatches;
		case 'any':
			return anyMatches;
	}
};

/** Did an Allow statement or grant of the term's layer match all but its conditions? */
const nearlyAllows = (term: Term): boolean => {
	const matches = term.mode ? modeMatches(term.mode) : undefined;
	return term.state.policies.some(policy =>
		policy instanceof Verdict
			? policy.hasFailingAllow(matches)
			: policy.relevant.some(trace => trace.effect === 'Allow' && trace.applies === 'no' && (!matches || matches.includes(trace.principalMatch as PrincipalMatch))),
	);
};

// Every term with every field: one object shape.
const term = (layer: Layer, mode: ResourceMode | undefined, value: Tri, state: LayerState, undocumented: boolean): Term => ({layer, mode, value, state, undocumented});

const layerTerm = (state: LayerState): Term => term(state.layer, undefined, state.allow, state, false);

/** Whether the resource policy allows, by the ways of naming the caller that a mode counts (see `modeMatches`). */
const allowsIn = (allows: PrincipalAllows | undefined, mode: ResourceMode): Tri => {
	if (!allows) return 'no';
	const {exact = 'no', role = 'no', service = 'no', anyone = 'no', account = 'no'} = allows;
	// Field by field, not `allows[match]`: a lookup by a variable name is slow on the hot path.
	switch (mode) {
		case 'exact':
			return exact;
		case 'direct':
			return triEither(triEither(role, anyone), service);
		case 'anyone':
			return anyone;
		case 'account':
			return account;
		case 'any':
			return triEither(triEither(triEither(exact, role), triEither(anyone, service)), account);
	}
};

/** Whether the resource policy allows by the ways of naming the caller a mode counts, without building a term. */
export const resourceValue = (resource: LayerState, mode: ResourceMode): Tri => allowsIn(resource.allows, mode);

export const resourceTerm = (resource: LayerState, mode: ResourceMode): Term => term('resource', mode, resourceValue(resource, mode), resource, false);

export const pathValue = (path: Path): Tri => {
	const {terms} = path;
	let value: Tri = 'yes';
	for (let index = 0; index < terms.length; index++) value = triBoth(value, terms[index]!.value);
	return value;
};

// Hot path (every evaluation): terms put together without spreading, which walks an iterator.
// Built at their exact length: a list that grows by `push` reserves room for many more.
const capped = (first: Term, second: Term | undefined, limits: readonly Term[]): Term[] => {
	switch (limits.length) {
		case 0:
			return second ? [first, second] : [first];
		case 1:
			return second ? [first, second, limits[0]!] : [first, limits[0]!];
		case 2:
			return second ? [first, second, limits[0]!, limits[1]!] : [first, limits[0]!, limits[1]!];
	}
	const terms = second ? [first, second] : [first];
	for (let index = 0; index < limits.length; index++) terms.push(limits[index]!);
	return terms;
};

const noTerms: readonly Term[] = Object.freeze([]);

export const buildPaths = (layers: Record<Layer, LayerState>, service: ServiceModel, crossAccount: boolean, caller: Caller): Path[] => {
	const limits: readonly Term[] = layers.boundary.present
		? layers.session.present
			? [layerTerm(layers.boundary), layerTerm(layers.session)]
			: [layerTerm(layers.boundary)]
		: layers.session.present
			? [layerTerm(layers.session)]
			: noTerms;
	const identity = layerTerm(layers.identity);
	const grant = layerTerm(layers.grant);
	const resource = layers.resource;
	// A service principal has no identity policies, and KMS grants name only IAM principals and accounts: a
	// resource policy naming the service is its one way (IAM User Guide, "AWS service principals").
	if (caller.kind === 'service') return [{name: 'resource-names-service', terms: [resourceTerm(resource, 'direct')]}];
	if (crossAccount) {
		const paths: Path[] = [{name: 'resource-and-identity', terms: capped(resourceTerm(resource, 'any'), identity, limits)}];
		if (service === 'kms') paths.push({name: 'grant-and-identity', terms: capped(grant, identity, limits)});
		return paths;
	}
	const exact: Path = {name: 'resource-names-caller', terms: [resourceTerm(resource, 'exact')]};
	const direct: Path = {name: 'resource-names-role', terms: capped(resourceTerm(resource, 'direct'), undefined, limits)};
	// Sessions are short-lived: prefer a fix that names the role over one that names the session.
	const resourcePaths: Path[] = caller.kind === 'session' ? [direct, exact] : [exact, direct];
	const anyone = anyonePath(resource, limits);
	if (anyone) resourcePaths.push(anyone);
	const otherPaths: Path[] =
		service === 'kms'
			? [
					{name: 'grant', terms: capped(grant, undefined, limits)},
					{name: 'key-policy-delegates-to-iam', terms: capped(resourceTerm(resource, 'account'), identity, limits)},
				]
			: [{name: 'identity', terms: capped(identity, undefined, limits)}];
	// Outside KMS, within one account, the usual place to grant is the caller's own IAM policy; and without a
	// resource policy the closest fix is in the caller's own policies, not in a policy that does not exist.
	return resource.present && service === 'kms' ? resourcePaths.concat(otherPaths) : otherPaths.concat(resourcePaths);
};

/**
 * Within one account AWS documents that a boundary or session policy limits what a resource-based policy grants
 * to the role ARN, and not what it grants to the IAM user or the session ARN itself, but not which applies to
 * "Principal": "*". `direct` counts `*` as the role (capped); this path counts a limit that does not allow as
 * `unknown`, so the decision is `unknown` where the two readings disagree. Only when a `*` grant may apply.
 */
const anyonePath = (resource: LayerState, limits: readonly Term[]): Path | undefined => {
	const grant = resourceTerm(resource, 'anyone');
	if (limits.length === 0 || grant.value === 'no') return undefined;
	const undocumented = limits.map(limit => (limit.value === 'no' ? term(limit.layer, limit.mode, 'unknown', limit.state, true) : limit));
	return {name: 'resource-names-anyone', terms: capped(grant, undefined, undocumented)};
};

/**
 * The path that allows, or else the one closest to allowing: fewest `no` (an unread grant list counts as one),
 * then fewest `unknown`, then most `no` terms whose statement matched all but its conditions (the likely cause: a
 * statement written for this caller whose condition fails says more than a delegation nobody wrote), then most `yes`.
 */
export const choosePath = (paths: readonly Path[]): Path => {
	// Plain loops, nothing built: this runs for every denial. The first of the closest wins, as a stable sort would keep it.
	let best = -1;
	let bestNo = 0;
	let bestUnknown = 0;
	let bestYes = 0;
	let bestNear = -1;
	for (let index = 0; index < paths.length; index++) {
		const {terms} = paths[index]!;
		let no = 0;
		let unknown = 0;
		for (let position = 0; position < terms.length; position++) {
			const {value, layer, state} = terms[position]!;
			if (value === 'yes') continue;
			// Grants nobody gave are no way to steer a fix: the path counts as failing there, so the fix goes into a policy.
			if (value === 'no' || (layer === 'grant' && state.unread)) no++;
			else unknown++;
		}
		if (no === 0 && unknown === 0) return paths[index]!;
		const yes = terms.length - no - unknown;
		let near = -1;
		if (best >= 0) {
			const order = no - bestNo || unknown - bestUnknown;
			if (order > 0) continue;
			if (order === 0) {
				// A tie: the near misses (a walk over statements) decide, worked out only now; then the most `yes`.
				if (bestNear < 0) bestNear = nearCount(paths[best]!);
				near = nearCount(paths[index]!);
				if ((bestNear - near || bestYes - yes) >= 0) continue;
			}
		}
		best = index;
		bestNo = no;
		bestUnknown = unknown;
		bestYes = yes;
		bestNear = near;
	}
	return paths[best]!;
};

/** How many of the path's failing terms had an Allow that matched all but its conditions (the likely cause). */
const nearCount = (path: Path): number => {
	let near = 0;
	for (const term of path.terms) if (term.value === 'no' && nearlyAllows(term)) near++;
	return near;
};
