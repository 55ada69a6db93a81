import {arnGlobMatches, resourcePartStart} from './arn.js';
import type {CompiledStatement, ResourceEntry} from './compile-policy.js';
import {lookupSource, type ContextLookup, type ContextSource} from './context.js';
import type {PrincipalMatch} from './evaluation.js';
import {globOf, joinGlobs} from './glob.js';
import {compiledNotPrincipalExcludes, matchCompiledPrincipal, type Caller} from './principal.js';
import type {NotPrincipalDoubt} from './match-code.js';
import {triNot, type Tri} from './tri.js';
import {widenGlob} from './variables.js';
import {startsWith} from './starts-with.js';

/** A request ready for matching: the caller parsed once, the context behind a case-insensitive lookup. */
export type PreparedRequest = {
	readonly caller: Caller;
	readonly action: string;
	readonly resource: string;
	readonly lookup: ContextLookup;
	/** Does the caller have a permissions boundary? It decides a Deny with NotPrincipal (absent: no). */
	readonly boundary?: Tri;
	/** The context as conditions read it; absent: through `lookup`. */
	readonly context?: ContextSource;
	/** The action's number (`actionIdOf`); absent: the statements covering it are looked up by name. */
	readonly actionId?: number;
};

/** The request's context as conditions read it. */
export const contextOf = (request: PreparedRequest): ContextSource => request.context ?? lookupSource(request.lookup);

export const principalOf = (compiled: CompiledStatement, caller: Caller): PrincipalMatch | 'none' => {
	if (compiled.principal) return matchCompiledPrincipal(compiled.principal, caller);
	if (compiled.notPrincipal) return compiledNotPrincipalExcludes(compiled.notPrincipal, caller) === 'yes' ? 'none' : 'anyone';
	return 'none';
};

/**
 * Where a NotPrincipal that does not exclude the caller leaves the statement undecided: an Allow (IAM: "NotPrincipal must
 * be used with "Effect":"Deny". Using it with "Effect":"Allow" is not supported."), or a Deny naming a session's account
 * and role but not the session (`notPrincipalExcludes`). Asked only of a statement with NotPrincipal whose `principalOf` is `anyone`.
 */
export const notPrincipalDoubt = (compiled: CompiledStatement, caller: Caller): NotPrincipalDoubt => {
	if (!compiled.deny) return 'allow-unsupported';
	return compiledNotPrincipalExcludes(compiled.notPrincipal!, caller) === 'unknown' ? 'session-not-listed' : 'none';
};

/**
 * IAM: "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions
 * boundary policy attached, regardless of the values specified in the NotPrincipal element." So a Deny whose
 * NotPrincipal lists the caller still applies to a user, role or session with a boundary: `yes`, or `unknown`
 * when whether it has one is not known.
 */
export const boundaryOverridesNotPrincipal = (compiled: CompiledStatement, request: PreparedRequest): Tri => {
	if (!compiled.deny || !compiled.notPrincipal) return 'no';
	const {kind} = request.caller;
	return kind === 'user' || kind === 'role' || kind === 'session' ? (request.boundary ?? 'no') : 'no';
};

/**
 * Does one Resource entry cover the request's resource? IAM replaces policy variables only in the
 * resource part of an ARN (after the fifth colon) and only in policies of Version 2012-10-17;
 * anywhere else `${…}` is plain text. Variables whose keys are not known leave the entry `unknown`, and are added
 * to `unknownKeys`, only where some value of them could make the entry cover the resource: otherwise no answer about
 * the keys changes anything, and the entry does not cover it.
 */
const resourcePatternMatches = ({pattern, head}: ResourceEntry, request: PreparedRequest, unknownKeys: string[] | undefined): Tri => {
	// Whatever its variables hold, the entry covers only resources that start with its literal head.
	if (head !== undefined && !startsWith(request.resource, head)) return 'no';
	const start = Math.max(resourcePartStart(pattern), 0);
	const arnHead = globOf(pattern.slice(0, start));
	// One reading: with every key known it is the substituted pattern; an absent key without a default matches nothing.
	const widened = widenGlob(pattern.slice(start), request.lookup);
	if (!widened.ok || !arnGlobMatches(joinGlobs([arnHead, widened.value]), request.resource)) return 'no';
	if (widened.unknownKeys.length === 0) return 'yes';
	// Every key whose value is not known may change the answer: each is named at once, not one per round.
	for (const key of widened.unknownKeys) unknownKeys?.push(key);
	return 'unknown';
};

const textsCover = (texts: readonly string[], prefixes: number, resource: string): boolean => {
	for (let index = 0; index < texts.length; index++) {
		const text = texts[index]!;
		if ((prefixes & (1 << index)) === 0 ? resource === text : startsWith(resource, text)) return true;
	}
	return false;
};

/** Does the statement's Resource (or NotResource) cover the request's resource? */
export const coversResource = (compiled: CompiledStatement, request: PreparedRequest, unknownKeys?: string[]): Tri => {
	switch (compiled.resourceShortcut) {
		case 'any':
			return compiled.resourceCovers ? 'yes' : 'no';
		case 'exact':
			return (request.resource === compiled.resourceText) === compiled.resourceCovers ? 'yes' : 'no';
		case 'prefix':
			return startsWith(request.resource, compiled.resourceText) === compiled.resourceCovers ? 'yes' : 'no';
		case 'texts':
			return textsCover(compiled.resourceTexts, compiled.resourcePrefixes, request.resource) === compiled.resourceCovers ? 'yes' : 'no';
	}
	let covered: Tri = 'no';
	const {resources} = compiled;
	for (let index = 0; index < resources.length; index++) {
		const entry = resources[index]!;
		const {matches} = entry;
		const match = matches === undefined ? resourcePatternMatches(entry, request, unknownKeys) : matches(request.resource) ? 'yes' : 'no';
		if (match === 'yes') {
			covered = 'yes';
			break;
		}
		if (match === 'unknown') covered = 'unknown';
	}
	return compiled.resourceCovers ? covered : triNot(covered);
};
