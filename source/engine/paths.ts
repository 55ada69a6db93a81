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
 * One way to an allow: every term must be `yes`. Paths and terms are fixed shapes, made once per kind of request
 * (see `pathsFor`) and shared; a term's value is read from the evaluation's layer states (`termValue`), so nothing
 * is built per evaluation. `slot`: where its layer's state sits in `States`. `undocumented`: a limit whose `no`
 * counts as `unknown`, because AWS does not document whether it applies.
 */
export type Term = {
	readonly layer: Layer;
	readonly slot: number;
	readonly mode: ResourceMode | undefined;
	readonly undocumented: boolean;
};
export type ResourceMode = 'exact' | 'direct' | 'anyone' | 'account' | 'any';
export type Path = {readonly name: string; readonly terms: readonly Term[]};

/** Every layer's state, in `layerOrder`: what the terms of a path read. */
export type States = readonly LayerState[];
export const layerOrder: readonly Layer[] = ['identity', 'resource', 'grant', 'boundary', 'session', 'scp', 'rcp'];

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
const nearlyAllows = (term: Term, states: States): boolean => {
	const matches = term.mode ? modeMatches(term.mode) : undefined;
	return states[term.slot]!.policies.some(policy =>
		policy instanceof Verdict
			? policy.hasFailingAllow(matches)
			: policy.relevant.some(trace => trace.effect === 'Allow' && trace.applies === 'no' && (!matches || matches.includes(trace.principalMatch as PrincipalMatch))),
	);
};

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

/** A term's value: its layer's allow, or for the resource policy the allow by the ways its mode counts. */
const rawValue = (term: Term, states: States): Tri => {
	const state = states[term.slot]!;
	return term.mode === undefined ? state.allow : allowsIn(state.allows, term.mode);
};

/** Whether the term is a limit whose `no` counts as `unknown` here, because AWS does not document whether it applies. */
export const isUndocumented = (term: Term, states: States): boolean => term.undocumented && rawValue(term, states) === 'no';

export const termValue = (term: Term, states: States): Tri => {
	const value = rawValue(term, states);
	return term.undocumented && value === 'no' ? 'unknown' : value;
};

export const pathValue = (path: Path, states: States): Tri => {
	const {terms} = path;
	let value: Tri = 'yes';
	for (let index = 0; index < terms.length; index++) value = triBoth(value, termValue(terms[index]!, states));
	return value;
};

const term = (layer: Layer, mode?: ResourceMode, undocumented = false): Term => ({layer, slot: layerOrder.indexOf(layer), mode, undocumented});
const path = (name: string, ...terms: readonly (Term | readonly Term[])[]): Path => ({name, terms: terms.flat()});

/** What decides which paths a request has: bits of a number, so that each kind's paths are made once. */
type Shape = {
	readonly service: ServiceModel;
	readonly crossAccount: boolean;
	readonly caller: Caller['kind'];
	readonly resource: boolean;
	readonly boundary: boolean;
	readonly session: boolean;
	/** Whether a resource policy's grant to `*` may apply (only then is there a path for it). */
	readonly anyone: boolean;
};

const shapeNumber = (shape: Shape): number =>
	(shape.service === 'kms' ? 1 : 0) |
	(shape.crossAccount ? 2 : 0) |
	(shape.caller === 'service' ? 4 : 0) |
	(shape.caller === 'session' ? 8 : 0) |
	(shape.resource ? 16 : 0) |
	(shape.boundary ? 32 : 0) |
	(shape.session ? 64 : 0) |
	(shape.anyone ? 128 : 0);

const made: (readonly Path[] | undefined)[] = new Array<readonly Path[] | undefined>(256).fill(undefined);

/** The ways to an allow for a request of this shape, made once and shared. */
const makePaths = (shape: Shape): readonly Path[] => {
	const limits: readonly Term[] = [...(shape.boundary ? [term('boundary')] : []), ...(shape.session ? [term('session')] : [])];
	const identity = term('identity');
	const grant = term('grant');
	// A service principal has no identity policies, and KMS grants name only IAM principals and accounts: a
	// resource policy naming the service is its one way (IAM User Guide, "AWS service principals").
	if (shape.caller === 'service') return [path('resource-names-service', term('resource', 'direct'))];
	if (shape.crossAccount) {
		const paths = [path('resource-and-identity', term('resource', 'any'), identity, limits)];
		// AWS documents both that cross-account use of a key "requires permission in the key policy of the KMS key and in
		// an IAM policy in the external user's account" and that its users and roles cannot use it "until you attach IAM
		// policies that delegate those permissions, or use grants" (KMS Developer Guide, "Allowing users in other accounts
		// to use a KMS key"): whether a grant alone counts is not known, so there the identity policy's `no` is `unknown`.
		if (shape.service === 'kms') paths.push(path('grant-and-identity', grant, term('identity', undefined, true), limits));
		return paths;
	}
	const exact = path('resource-names-caller', term('resource', 'exact'));
	const direct = path('resource-names-role', term('resource', 'direct'), limits);
	// Sessions are short-lived: prefer a fix that names the role over one that names the session.
	const resourcePaths = shape.caller === 'session' ? [direct, exact] : [exact, direct];
	// Within one account AWS documents that a boundary or session policy limits what a resource-based policy grants
	// to the role ARN, and not what it grants to the IAM user or the session ARN itself, but not which applies to
	// "Principal": "*". `direct` counts `*` as the role (capped); this path counts a limit that does not allow as
	// `unknown`, so the decision is `unknown` where the two readings disagree. Only when a `*` grant may apply.
	if (shape.anyone && limits.length > 0) {
		resourcePaths.push(path('resource-names-anyone', term('resource', 'anyone'), limits.map(limit => term(limit.layer, undefined, true))));
	}
	const otherPaths =
		shape.service === 'kms'
			? [path('grant', grant, limits), path('key-policy-delegates-to-iam', term('resource', 'account'), identity, limits)]
			: [path('identity', identity, limits)];
	// Outside KMS, within one account, the usual place to grant is the caller's own IAM policy; and without a
	// resource policy the closest fix is in the caller's own policies, not in a policy that does not exist.
	return shape.resource && shape.service === 'kms' ? [...resourcePaths, ...otherPaths] : [...otherPaths, ...resourcePaths];
};

/** The ways to an allow for this request, in the order a fix prefers them: shared, never built per evaluation. */
export const pathsFor = (states: States, service: ServiceModel, crossAccount: boolean, caller: Caller): readonly Path[] => {
	const resource = states[1]!;
	const shape: Shape = {
		service,
		crossAccount,
		caller: caller.kind,
		resource: resource.present,
		boundary: states[3]!.present,
		session: states[4]!.present,
		anyone: allowsIn(resource.allows, 'anyone') !== 'no',
	};
	const number = shapeNumber(shape);
	return (made[number] ??= makePaths(shape));
};

/**
 * The path that allows, or else the one closest to allowing: fewest `no` (an unread grant list counts as one),
 * then fewest `unknown`, then most `no` terms whose statement matched all but its conditions (the likely cause: a
 * statement written for this caller whose condition fails says more than a delegation nobody wrote), then most `yes`.
 */
export const choosePath = (paths: readonly Path[], states: States): Path => {
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
		let undocumented = 0;
		for (let position = 0; position < terms.length; position++) {
			const term = terms[position]!;
			const value = termValue(term, states);
			if (value === 'yes') continue;
			// Grants nobody gave are no way to steer a fix: the path counts as failing there, so the fix goes into a policy.
			if (value === 'no' || (term.layer === 'grant' && states[term.slot]!.unread)) no++;
			else if (isUndocumented(term, states)) undocumented++;
			else unknown++;
		}
		// An undocumented limit makes a path closer only where nothing else on it fails: beside a `no` it is a `no` too.
		if (no > 0) no += undocumented;
		else unknown += undocumented;
		if (no === 0 && unknown === 0) return paths[index]!;
		const yes = terms.length - no - unknown;
		let near = -1;
		if (best >= 0) {
			const order = no - bestNo || unknown - bestUnknown;
			if (order > 0) continue;
			if (order === 0) {
				// A tie: the near misses (a walk over statements) decide, worked out only now; then the most `yes`.
				if (bestNear < 0) bestNear = nearCount(paths[best]!, states);
				near = nearCount(paths[index]!, states);
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
const nearCount = (path: Path, states: States): number => {
	let near = 0;
	for (const term of path.terms) if (termValue(term, states) === 'no' && nearlyAllows(term, states)) near++;
	return near;
};
