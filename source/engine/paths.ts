import type {Layer, PrincipalMatch, ServiceModel} from './evaluation.js';
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
export type Term = {readonly layer: Layer; readonly mode?: ResourceMode; readonly value: Tri; readonly state: LayerState; readonly undocumented?: true};
export type ResourceMode = 'exact' | 'direct' | 'anyone' | 'account' | 'any';
export type Path = {readonly name: string; readonly terms: readonly Term[]};

export const modeMatches: Record<ResourceMode, readonly PrincipalMatch[]> = {
	exact: ['exact'],
	direct: ['role', 'anyone', 'service'],
	anyone: ['anyone'],
	account: ['account'],
	any: ['exact', 'role', 'anyone', 'service', 'account'],
};

/** Did an Allow statement or grant of the term's layer match all but its conditions? */
const nearlyAllows = (term: Term): boolean => {
	const matches = term.mode ? modeMatches[term.mode] : undefined;
	return term.state.policies.some(policy =>
		policy.relevant.some(trace => trace.effect === 'Allow' && trace.applies === 'no' && (!matches || matches.includes(trace.principalMatch as PrincipalMatch))),
	);
};

const layerTerm = (state: LayerState): Term => ({layer: state.layer, value: state.allow, state});

export const resourceTerm = (resource: LayerState, mode: ResourceMode): Term => {
	let value: Tri = 'no';
	for (const match of modeMatches[mode]) value = triEither(value, resource.allowByPrincipal?.[match] ?? 'no');
	return {layer: 'resource', mode, value, state: resource};
};

export const pathValue = (path: Path): Tri => {
	let value: Tri = 'yes';
	for (const term of path.terms) value = triBoth(value, term.value);
	return value;
};

export const buildPaths = (layers: Record<Layer, LayerState>, service: ServiceModel, crossAccount: boolean, caller: Caller): Path[] => {
	const limits: Term[] = (['boundary', 'session'] as const).filter(layer => layers[layer].present).map(layer => layerTerm(layers[layer]));
	const identity = layerTerm(layers.identity);
	const grant = layerTerm(layers.grant);
	const resource = layers.resource;
	if (crossAccount) {
		const paths: Path[] = [{name: 'resource-and-identity', terms: [resourceTerm(resource, 'any'), identity, ...limits]}];
		if (service === 'kms') paths.push({name: 'grant-and-identity', terms: [grant, identity, ...limits]});
		return paths;
	}
	const exact: Path = {name: 'resource-names-caller', terms: [resourceTerm(resource, 'exact')]};
	const direct: Path = {name: 'resource-names-role', terms: [resourceTerm(resource, 'direct'), ...limits]};
	// Sessions are short-lived: prefer a fix that names the role over one that names the session.
	const resourcePaths: Path[] = caller.kind === 'session' ? [direct, exact] : [exact, direct];
	const anyone = anyonePath(resource, limits);
	if (anyone) resourcePaths.push(anyone);
	const otherPaths: Path[] =
		service === 'kms'
			? [
					{name: 'grant', terms: [grant, ...limits]},
					{name: 'key-policy-delegates-to-iam', terms: [resourceTerm(resource, 'account'), identity, ...limits]},
				]
			: [{name: 'identity', terms: [identity, ...limits]}];
	// Outside KMS, within one account, the usual place to grant is the caller's own IAM policy; and without a
	// resource policy the closest fix is in the caller's own policies, not in a policy that does not exist.
	return resource.present && service === 'kms' ? [...resourcePaths, ...otherPaths] : [...otherPaths, ...resourcePaths];
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
	const undocumented = limits.map((term): Term => (term.value === 'no' ? {...term, value: 'unknown', undocumented: true} : term));
	return {name: 'resource-names-anyone', terms: [grant, ...undocumented]};
};

/**
 * The path that allows, or else the one closest to allowing: fewest `no`, then fewest `unknown`, then
 * most `yes`, then most `no` terms whose statement matched all but its conditions (the likely cause).
 */
export const choosePath = (paths: readonly Path[]): Path => {
	const satisfied = paths.find(path => pathValue(path) === 'yes');
	if (satisfied) return satisfied;
	const count = (path: Path, value: Tri): number => path.terms.filter(term => term.value === value).length;
	const near = (path: Path): number => path.terms.filter(term => term.value === 'no' && nearlyAllows(term)).length;
	return [...paths].sort(
		(a, b) =>
			count(a, 'no') - count(b, 'no') || count(a, 'unknown') - count(b, 'unknown') || count(b, 'yes') - count(a, 'yes') || near(b) - near(a),
	)[0]!;
};
