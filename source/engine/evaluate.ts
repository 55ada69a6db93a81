import {accountOfArn} from './arn.js';
import {fixedContext, RequestContext, valueNotKnown, type ContextValue, type FixedContext, type MissingKeyPolicy} from './context.js';
import {actionIdOf} from './compile-policy.js';
import type {Evaluation, EvaluationInput, Layer, LayerVerdict, ServiceModel} from './evaluation.js';
import type {PreparedRequest} from './evaluate-policy.js';
import {layerStatus, summarize, type Facts} from './layer-status.js';
import {absentLayer, grantLayer, identityLayer, isUnread, organizationLayer, singleSlotLayer} from './layers.js';
import {choosePath, pathsFor, pathValue, resourceValue, type Path, type States} from './paths.js';
import {planOf} from './policy-plan.js';
import {parseCaller, type Caller} from './principal.js';
import {triBoth, triEither, triNot, type Tri} from './tri.js';

/**
 * AWS's policy evaluation logic, three-valued, with the service rules that matter for S3 + KMS:
 * 1. an explicit Deny in any policy wins;
 * 2. SCPs (caller's account) and RCPs (resource's account) must allow at every level;
 * 3. then one of several "paths" must allow: the resource policy alone (naming the caller), the
 *    identity policy (for KMS only where the key policy delegates to the account), a KMS grant; across
 *    accounts both the resource policy and the identity policy; boundaries and session policies
 *    limit every path except a resource policy that names the user or session itself.
 * Every layer then gets a status from the path that allows, or the one closest to allowing.
 */

// Callers are shared (parseCaller remembers them), and what they imply never changes.
const derivedContexts = new WeakMap<Caller, FixedContext>();

/** Context keys every request carries, derived from the caller (given context wins). */
const derivedContext = (caller: Caller): FixedContext => {
	let derived = derivedContexts.get(caller);
	if (!derived) {
		derived = fixedContext(deriveContext(caller));
		derivedContexts.set(caller, derived);
	}
	return derived;
};

const deriveContext = (caller: Caller): Record<string, ContextValue | typeof valueNotKnown> => {
	const derived: Record<string, ContextValue | typeof valueNotKnown> = {};
	if (caller.account) derived['aws:PrincipalAccount'] = caller.account;
	// A session's aws:PrincipalArn is its role's ARN, whose path the session ARN does not carry: in the request, value not known.
	if (caller.kind === 'session') derived['aws:PrincipalArn'] = valueNotKnown;
	else if (caller.kind !== 'service' && caller.arn) derived['aws:PrincipalArn'] = caller.arn;
	// True for a service principal, false for an IAM user, role, session or the root user (a service acting with their
	// credentials or a role of its own included): IAM's global condition keys, aws:PrincipalIsAWSService.
	if (caller.kind === 'service') derived['aws:PrincipalIsAWSService'] = true;
	else if (caller.kind === 'user' || caller.kind === 'role' || caller.kind === 'session' || caller.kind === 'root') derived['aws:PrincipalIsAWSService'] = false;
	if (caller.kind === 'user') {
		derived['aws:username'] = caller.name ?? null;
		derived['aws:PrincipalType'] = 'User';
	} else if (caller.kind === 'session') {
		derived['aws:username'] = null;
		derived['aws:PrincipalType'] = 'AssumedRole';
	} else if (caller.kind === 'root') {
		derived['aws:PrincipalType'] = 'Account';
	}
	return derived;
};

/**
 * The answer: the decision and every layer's status at once, the summary sentence only when someone reads it. What
 * the sentence needs is kept as data, not a closure: the request, and (when the resource's account is not known and
 * the two readings disagree) each reading's decision.
 */
class Answer implements Evaluation {
	readonly decision: Evaluation['decision'];
	readonly crossAccount: boolean;
	readonly service: ServiceModel;
	readonly layers: readonly LayerVerdict[];
	readonly #request: PreparedRequest;
	readonly #sameDecision: Evaluation['decision'] | undefined;
	readonly #crossDecision: Evaluation['decision'] | undefined;
	#summary: string | undefined;
	#unknownContextKeys: readonly string[] | undefined;

	constructor(
		decision: Evaluation['decision'],
		crossAccount: boolean,
		service: ServiceModel,
		layers: readonly LayerVerdict[],
		request: PreparedRequest,
		sameDecision?: Evaluation['decision'],
		crossDecision?: Evaluation['decision'],
	) {
		this.decision = decision;
		this.crossAccount = crossAccount;
		this.service = service;
		this.layers = layers;
		this.#request = request;
		this.#sameDecision = sameDecision;
		this.#crossDecision = crossDecision;
	}

	/** Collected from the layers' statements when first read. */
	get unknownContextKeys(): readonly string[] {
		return (this.#unknownContextKeys ??= unknownKeysOf(this.layers));
	}

	get summary(): string {
		return (this.#summary ??= this.#explain());
	}

	get readings(): Evaluation['readings'] {
		return this.#sameDecision === undefined || this.#crossDecision === undefined ? undefined : {sameAccount: this.#sameDecision, crossAccount: this.#crossDecision};
	}

	#explain(): string {
		const request = this.#request;
		if (this.#sameDecision === undefined) return summarize(this.decision, this.layers, request);
		return `${request.action} on ${request.resource} is ${this.#sameDecision} if the resource is in the caller's account and ${this.#crossDecision} if not; its account is not known.`;
	}

	/** When the resource's account is not known and the same-account and cross-account readings disagree. */
	static undecided(same: Answer, cross: Answer): Answer {
		return new Answer('unknown', cross.crossAccount, cross.service, cross.layers, cross.#request, same.decision, cross.decision);
	}

	toJSON(): Evaluation {
		const {decision, summary, crossAccount, service, layers, unknownContextKeys, readings} = this;
		return {decision, summary, crossAccount, service, layers, unknownContextKeys, ...(readings ? {readings} : {})};
	}
}

/**
 * A request ready for matching, and its context (conditions read it as `context`: one object, not two, per
 * evaluation); its by-name context lookup (a closure) is made only when something asks for it.
 */
class Prepared extends RequestContext implements PreparedRequest {
	readonly caller: Caller;
	readonly action: string;
	readonly resource: string;
	readonly boundary: Tri;
	readonly actionId: number;
	readonly context: RequestContext;

	constructor(
		caller: Caller,
		action: string,
		resource: string,
		boundary: Tri,
		given: Readonly<Record<string, ContextValue>>,
		missing: MissingKeyPolicy,
		derived: FixedContext,
		actionId: number,
		absentPrefixes: readonly string[] | undefined,
	) {
		super(given, missing, derived, absentPrefixes);
		this.caller = caller;
		this.action = action;
		this.resource = resource;
		this.boundary = boundary;
		this.actionId = actionId;
		this.context = this;
	}
}

const serviceOf = (action: string): ServiceModel => {
	const prefix = action.slice(0, Math.max(action.indexOf(':'), 0)).toLowerCase();
	return prefix === 'kms' ? 'kms' : prefix === 's3' ? 's3' : 'default';
};

const noContext: Readonly<Record<string, ContextValue>> = Object.freeze({});
const noPaths: readonly Path[] = Object.freeze([]);

/** Does the path read this layer? */
const needs = (path: Path, layer: Layer): boolean => {
	const {terms} = path;
	for (let index = 0; index < terms.length; index++) if (terms[index]!.layer === layer) return true;
	return false;
};

const resourceName = (service: ServiceModel): string => (service === 'kms' ? 'key policy' : service === 's3' ? 'bucket policy' : 'resource-based policy');

const unknownKeysOf = (layers: readonly LayerVerdict[]): string[] => {
	let keys: Set<string> | undefined;
	for (const layer of layers) {
		for (const policy of layer.policies) {
			for (const trace of policy.relevant) {
				if (trace.unknownKeys) for (const key of trace.unknownKeys) (keys ??= new Set()).add(key);
			}
		}
	}
	return keys ? [...keys] : [];
};

const evaluateFor = (input: EvaluationInput, caller: Caller, crossAccount: boolean): Answer => {
	const {request: raw, policies} = input;
	const service = input.service ?? serviceOf(raw.action);
	// The given context wins over what is derived from the caller.
	const actionId = actionIdOf(raw.action);
	const plan = planOf(policies, raw.action, actionId);
	const at = plan?.offsets;
	// Whether the slot holds a policy the plan has a slice of: then it was read, and the policy itself is not reached.
	const boundaryPlanned = plan !== undefined && policies.boundary != null && plan.slots[at!.boundary] === policies.boundary && plan.slices[at!.boundary] !== undefined;
	const boundary: Tri = boundaryPlanned ? 'yes' : policies.boundary === undefined || policies.boundary === null ? 'no' : isUnread(policies.boundary) ? 'unknown' : 'yes';
	const request = new Prepared(caller, raw.action, raw.resource, boundary, raw.context ?? noContext, raw.missingContextKeys ?? 'unknown', derivedContext(caller), actionId, raw.absentKeyPrefixes);
	// In `layerOrder`: the paths' terms read a layer's state by its place here.
	const states: States = [
		// A service principal has no identity-based policies: the layer is not there, not empty.
		caller.kind === 'service' ? absentLayer('identity') : identityLayer(policies.identity, request, plan, at?.identity),
		singleSlotLayer('resource', policies.resource, resourceName(service), request, true, plan, at?.resource),
		service === 'kms' ? grantLayer(policies.grants, request) : absentLayer('grant'),
		singleSlotLayer('boundary', policies.boundary, 'permissions boundary', request, false, plan, at?.boundary),
		singleSlotLayer('session', policies.session, 'session policy', request, false, plan, at?.session),
		organizationLayer('scp', policies.scp, request, plan, at?.scp),
		organizationLayer('rcp', policies.rcp, request, plan, at?.rcp),
	];
	const resource = states[1]!;
	const scp = states[5]!;
	const rcp = states[6]!;
	const paths = pathsFor(states, service, crossAccount, caller);
	// Each path's value once: the allowing ones, whether any allows, and (if none) the closest.
	let allowing: Path[] | undefined;
	let anyPath: Tri = 'no';
	for (let index = 0; index < paths.length; index++) {
		const path = paths[index]!;
		const value = pathValue(path, states);
		if (value === 'yes') {
			if (allowing) allowing.push(path);
			else allowing = [path];
		}
		anyPath = triEither(anyPath, value);
	}
	const chosen = allowing ? allowing[0]! : choosePath(paths, states);
	let deny: Tri = 'no';
	for (let index = 0; index < states.length; index++) deny = triEither(deny, states[index]!.deny);
	const guards = triBoth(scp.present ? scp.allow : 'yes', rcp.present ? rcp.allow : 'yes');
	const allow = triBoth(triBoth(triNot(deny), guards), anyPath);
	const decision = deny === 'yes' || allow === 'no' ? 'denied' : allow === 'yes' ? 'allowed' : 'unknown';
	const facts: Facts = {
		request,
		crossAccount,
		service,
		resourceName: resourceName(service),
		keyPolicyDelegates: service === 'kms' ? resourceValue(resource, 'account') : 'no',
		resourceResolveWith: resource.unread?.resolveWith,
		chosen,
		allowing: allowing ?? noPaths,
		states,
	};
	// At its exact length (a list grown by `push` reserves room for many more), cut to the layers shown.
	const verdicts = new Array<LayerVerdict>(states.length);
	let shownCount = 0;
	for (let index = 0; index < states.length; index++) {
		const state = states[index]!;
		// A layer that exists, or one the chosen path needs even though it is absent (e.g. no bucket policy across accounts).
		const shown = state.present || state.layer === 'resource' || needs(chosen, state.layer);
		if (shown && (state.layer !== 'grant' || service === 'kms')) verdicts[shownCount++] = layerStatus(state, facts);
	}
	verdicts.length = shownCount;
	return new Answer(decision, crossAccount, service, verdicts, request);
};

/**
 * Evaluate one request against every policy that applies to it. When the resource's account is not
 * known, both the same-account and the cross-account rules are tried; if they disagree, the answer is `unknown`.
 */
const principalArnKey = 'aws:principalarn';

/** A session's role ARN, where the request's context gives aws:PrincipalArn (read or given): a Principal must name it. */
const givenPrincipalArn = (context: Readonly<Record<string, ContextValue>> | undefined): string | undefined => {
	if (!context) return undefined;
	// Keys are matched in any case; the length test first keeps lower-casing off the hot path.
	for (const key in context) if (key.length === principalArnKey.length && key.toLowerCase() === principalArnKey) return typeof context[key] === 'string' ? (context[key] as string) : undefined;
	return undefined;
};

export const evaluate = (input: EvaluationInput): Evaluation => {
	const caller = parseCaller(input.request.principal, givenPrincipalArn(input.request.context));
	// A service principal has no account and no identity policies: the resource policy alone decides.
	if (caller.kind === 'service') return evaluateFor(input, caller, false);
	const callerAccount = caller.account;
	const resourceAccount = input.request.resourceAccount ?? accountOfArn(input.request.resource);
	if (callerAccount && resourceAccount) return evaluateFor(input, caller, callerAccount !== resourceAccount);
	if (input.request.crossAccount !== undefined) return evaluateFor(input, caller, input.request.crossAccount);
	const same = evaluateFor(input, caller, false);
	const cross = evaluateFor(input, caller, true);
	if (same.decision === cross.decision) return cross;
	return Answer.undecided(same, cross);
};
