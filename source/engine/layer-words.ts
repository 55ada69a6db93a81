import type {Evaluation, Layer, LayerVerdict, ServiceModel, StatementTrace} from './evaluation.js';
import type {PreparedRequest} from './evaluate-policy.js';
import type {LayerState} from './layers.js';
import type {Path, States, Term} from './paths.js';
import {accountRootArn, type Caller} from './principal.js';
import type {Tri} from './tri.js';

/** The words of a layer's verdict: who, which statement, which way allows, and why; layer-status.ts decides the status. */

export const describeCaller = (caller: Caller): string => {
	if (caller.kind === 'session') return `role ${caller.roleName} (session ${caller.sessionName})`;
	if (caller.kind === 'user') return `user ${caller.name}`;
	if (caller.kind === 'role') return `role ${caller.name}`;
	return caller.arn;
};

export const layerNames: Record<Layer, string> = {
	identity: 'identity-based policies',
	resource: 'resource-based policy',
	grant: 'KMS grants',
	boundary: 'permissions boundary',
	session: 'session policy',
	scp: 'service control policies',
	rcp: 'resource control policies',
};

const tracesOf = (state: LayerState, filter: (trace: StatementTrace) => boolean): StatementTrace[] => {
	const traces: StatementTrace[] = [];
	for (const policy of state.policies) for (const trace of policy.relevant) if (filter(trace)) traces.push(trace);
	return traces;
};

export const where = (trace: StatementTrace): string => `${trace.policy}, ${trace.label}`;

export type Facts = {
	readonly request: PreparedRequest;
	readonly crossAccount: boolean;
	readonly service: ServiceModel;
	readonly resourceName: string;
	/** KMS, same account: does the key policy let the account's IAM policies grant this action? */
	readonly keyPolicyDelegates: Tri;
	/** The read that settles the resource policy when it is unread (whether a key policy delegates, say). */
	readonly resourceResolveWith?: string | undefined;
	/** The path that allows, or the one closest to allowing; and every path that allows. */
	readonly chosen: Path;
	readonly allowing: readonly Path[];
	/** Every layer's state, which the paths' terms read. */
	readonly states: States;
};

/** An IAM allow for KMS in the key's account counts only where the key policy delegates to IAM. */
const needsIamCaveat = (state: LayerState, facts: Facts): boolean =>
	state.layer === 'identity' && facts.service === 'kms' && !facts.crossAccount && facts.keyPolicyDelegates !== 'yes';

export const iamCaveat = (state: LayerState, facts: Facts): string =>
	needsIamCaveat(state, facts)
		? ` But it counts only where the key policy lets account ${facts.request.caller.account} use IAM policies for the key${facts.keyPolicyDelegates === 'no' ? ', and this key policy does not' : ''}.`
		: '';

/** Which IAM statement allows, why it does not count, and what would make it count. */
export const ineffectiveWhy = (iamAllows: readonly StatementTrace[], facts: Facts, allowing: readonly Path[]): string => {
	const {request} = facts;
	const source = iamAllows[0] ? where(iamAllows[0]) : 'An identity-based policy';
	const how = allowing[0] ? describePath(allowing[0], facts) : '';
	const elsewhere = how ? ` ${facts.request.action} is allowed another way (${how}), not by this statement.` : '';
	return (
		`${source} allows ${request.action}, but it does not count: an IAM policy grants access to a KMS key only where the key policy lets account ` +
		`${request.caller.account} use IAM policies for the key, and this key policy does not. It would count with a key policy statement allowing ` +
		`"Principal": {"AWS": "${accountRootArn(request.caller.account ?? 'ACCOUNT', request.caller.partition)}"} ${request.action}; or the key policy can name ${describeCaller(request.caller)} itself.${elsewhere}`
	);
};

/** Why a caller's IAM policy that does not allow leaves a grant to a principal of another account undecided. */
const grantAcrossAccountsWhy = (chosen: Path, facts: Facts): string => {
	const grant = chosen.terms.find(term => term.layer === 'grant');
	const traces = grant ? tracesOf(facts.states[grant.slot]!, trace => trace.effect === 'Allow' && trace.applies !== 'no') : [];
	const source = traces[0] ? `${where(traces[0])} ${traces[0].applies === 'yes' ? 'allows' : 'may allow'} it` : 'a KMS grant may allow it';
	return (
		`No identity-based policy of ${describeCaller(facts.request.caller)} allows ${facts.request.action}, and ${source}. AWS documents that cross-account ` +
		`use of a KMS key requires permission in the key policy and in an IAM policy in the caller's account, and also that users and roles of another ` +
		`account cannot use it "until you attach IAM policies that delegate those permissions, or use grants", so whether the grant counts without an ` +
		`IAM policy is not known (KMS Developer Guide, "Allowing users in other accounts to use a KMS key"); an IAM policy allowing it settles it.`
	);
};

/**
 * Why a boundary or session policy that does not allow leaves a grant to `"Principal": "*"` undecided; or, for the
 * caller's IAM policies, a KMS grant to a principal of another account (the other limit AWS leaves undocumented).
 */
export const anyoneWhy = (state: LayerState, name: string, chosen: Path, facts: Facts): string => {
	if (state.layer === 'identity') return grantAcrossAccountsWhy(chosen, facts);
	const grant = chosen.terms.find(term => term.layer === 'resource');
	const traces = grant ? tracesOf(facts.states[grant.slot]!, trace => trace.effect === 'Allow' && trace.principalMatch === 'anyone' && trace.applies !== 'no') : [];
	const source = traces[0] ? `${where(traces[0])} grants it to "*"` : `the ${facts.resourceName} grants it to "*"`;
	return (
		`The ${name} does not allow ${facts.request.action}, and ${source}. AWS documents that a ${name} limits what a resource-based policy ` +
		`grants to the role and not what it grants to the IAM user or the session itself, but not which applies to "Principal": "*", so whether that grant counts is not known.`
	);
};

export const okWhy = (state: LayerState, allowing: readonly StatementTrace[], term: Term | undefined, facts: Facts): string => {
	const first = allowing[0];
	const source = first ? where(first) : layerNames[state.layer];
	if (state.layer === 'resource' && term?.mode === 'account') {
		return `${source} lets account ${facts.request.caller.account} grant ${facts.request.action} through IAM policies.`;
	}
	if (state.layer === 'scp' || state.layer === 'rcp') return `Every level of the ${layerNames[state.layer]} allows ${facts.request.action}.`;
	return `${source} allows ${facts.request.action}${state.layer === 'resource' || state.layer === 'grant' ? ` to ${describeCaller(facts.request.caller)}` : ''}.`;
};

export const missingWhy = (state: LayerState, failing: readonly StatementTrace[], term: Term | undefined, facts: Facts): string => {
	const {request} = facts;
	const near = state.policies.flatMap(policy => policy.nearMisses);
	const tail = failing[0]
		? ` ${where(failing[0])} would allow it, but ${failing[0].reason}.`
		: near.length > 0
			? ` (${near.slice(0, 2).join('; ')}.)`
			: '';
	switch (state.layer) {
		case 'identity':
			return `No identity-based policy of ${describeCaller(request.caller)} allows ${request.action} on ${request.resource}${facts.crossAccount ? '; across accounts the caller\'s own IAM policy must allow it too' : ''}.${tail}`;
		case 'resource': {
			if (!state.present) return `There is no ${facts.resourceName}; ${facts.crossAccount ? 'across accounts it must allow the caller' : 'one would have to allow the caller'}.`;
			if (term?.mode === 'account') {
				return `The ${facts.resourceName} does not let account ${request.caller.account} use IAM policies for ${request.action}, so an IAM allow does not count.${tail}`;
			}
			const target = facts.crossAccount ? `${describeCaller(request.caller)} or its account ${request.caller.account}` : describeCaller(request.caller);
			const rule = facts.crossAccount ? ' Across accounts both this policy and the caller\'s IAM policy must allow.' : '';
			return `The ${facts.resourceName} does not allow ${request.action} to ${target}.${rule}${failing[0] ? tail : (accountTail(state, facts) ?? tail)}`;
		}
		case 'grant':
			return `No KMS grant gives ${describeCaller(request.caller)} ${request.action}.${tail}`;
		case 'boundary':
			return `The permissions boundary does not allow ${request.action}, and a boundary caps every identity-based permission.${tail}`;
		case 'session':
			return `The session policy does not allow ${request.action}; it caps what the session may do.${tail}`;
		case 'scp':
			return `Some level of the service control policies does not allow ${request.action}; an SCP must allow at every level from the root to the account.${tail}`;
		case 'rcp':
			return `Some level of the resource control policies does not allow ${request.action} on this resource.${tail}`;
	}
};

/**
 * The closest way was the resource policy naming the caller, and no statement naming it came near: a statement naming
 * the caller's account that failed (or may fail) only on its condition, a key policy's delegation to IAM say, is what
 * the reader needs to see.
 */
const accountTail = (state: LayerState, facts: Facts): string | undefined => {
	const account = (trace: StatementTrace): boolean => trace.effect === 'Allow' && trace.principalMatch === 'account';
	const [failed] = [...tracesOf(state, trace => account(trace) && trace.applies === 'no'), ...tracesOf(state, trace => account(trace) && trace.applies === 'unknown')];
	if (!failed) return undefined;
	const {account: id} = facts.request.caller;
	const grants = facts.service === 'kms' && !facts.crossAccount ? `would let account ${id} use IAM policies for it` : `would allow it to account ${id}`;
	return ` ${where(failed)} ${grants}, but ${failed.reason}.`;
};

const pathDescriptions: Record<string, string> = {
	'resource-names-caller': 'the resource policy names the caller itself',
	'resource-names-role': 'the resource policy names the caller',
	'resource-names-anyone': 'the resource policy allows everyone ("*")',
	grant: 'a KMS grant allows it',
	'key-policy-delegates-to-iam': 'the key policy delegates to IAM and an IAM policy allows it',
	identity: 'an identity-based policy allows it within the same account',
	'resource-and-identity': 'across accounts both the resource policy and the IAM policy must allow',
	'grant-and-identity': 'a KMS grant and the IAM policy allow it',
};

/** Which way allows (or would), in words, naming the resource policy by its kind (key policy, bucket policy). */
export const describePath = (path: Path, facts: Facts): string => (pathDescriptions[path.name] ?? path.name).replace('the resource policy', `the ${facts.resourceName}`);

/** Only when another way allows: `not-needed` never stands where nothing does (alternativeVerdict says that). */
export const notNeededWhy = (chosen: Path): string => `Not needed: ${pathDescriptions[chosen.name] ?? chosen.name}.`;

export const summarize = (decision: Evaluation['decision'], layers: readonly LayerVerdict[], request: PreparedRequest): string => {
	const subject = `${request.action} on ${request.resource}`;
	if (decision === 'allowed') return `${subject} is allowed.`;
	const denied = layers.find(layer => layer.status === 'denied');
	if (denied) return `${subject} is denied: ${denied.why}`;
	const missing = layers.filter(layer => layer.status === 'missing' && !layer.alternative);
	if (decision === 'denied' && missing.length > 0) return `${subject} is denied: ${missing.map(layer => layer.why).join(' ')}`;
	const unknown = layers.filter(layer => layer.status === 'unknown');
	return `${subject} cannot be decided: ${unknown.map(layer => layer.why).join(' ') || 'a needed value is not known.'}`;
};
