import {arnGlobMatcher, resourcePartStart} from './arn.js';
import {compileClause, type CompiledClause} from './conditions/compile-clause.js';
import {globMatch, globOf, hasWildcard, plainPrefix} from './glob.js';
import {statementLabel, type Policy, type Statement} from './policy.js';
import {compileShared} from './compile-shared.js';
import {compilePrincipal, type CompiledPrincipal} from './principal.js';
import {hasVariables, variablesVersion} from './variables.js';

/**
 * A parsed policy compiled for evaluation, once: policies are evaluated again and again, so everything that
 * depends only on their text is worked out here — a matcher per Resource entry, the Principal entries parsed,
 * the condition values prepared — and, per action asked about, which statements cover it. Evaluation then only
 * reads the request. What is compiled is kept small (few objects, no closure where data will do): a few hundred
 * policy sets must stay in the processor's caches.
 */

/** One Resource or NotResource entry: `matches` unless it holds a policy variable (then it is matched per request). */
export type ResourceEntry = {
	readonly pattern: string;
	readonly matches: ((resource: string) => boolean) | undefined;
	/**
	 * With policy variables: the literal text before the first one (no wildcard in it), which every resource the
	 * entry covers starts with, whatever the variables hold; a resource that does not start so is not covered.
	 * `undefined` otherwise.
	 */
	readonly head: string | undefined;
};

/** One entry of a Resource or NotResource; IAM replaces variables only after an ARN's fifth colon. */
const resourceEntry = (pattern: string, variables: boolean): ResourceEntry => {
	if (!variables || !hasVariables(pattern)) return {pattern, matches: arnGlobMatcher(globOf(pattern)), head: undefined};
	const start = Math.max(resourcePartStart(pattern), 0);
	const first = pattern.indexOf('${', start);
	const head = first < 0 ? undefined : pattern.slice(0, first);
	return {pattern, matches: undefined, head: head === undefined || /[*?\\]/.test(head) ? undefined : head};
};

/**
 * The usual Resource, tested without a function call: `*`, an exact ARN, an ARN prefix then `*`, or (`texts`) a short
 * list of those (a bucket and its objects). `none`: use `resources`.
 */
export type ResourceShortcut = 'none' | 'any' | 'exact' | 'prefix' | 'texts';

type Shortcut = {readonly kind: ResourceShortcut; readonly text: string; readonly texts: readonly string[]; readonly prefixes: number};

const noTexts: readonly string[] = Object.freeze([]);
const noShortcut: Shortcut = {kind: 'none', text: '', texts: noTexts, prefixes: 0};
// Bit i of `prefixes` marks the i-th text a prefix; a longer list is matched entry by entry.
const textsLimit = 31;

/** An entry's literal text and whether it is a prefix (then `*`); `undefined` for any other pattern. */
const literalOf = (pattern: string, variables: boolean): {readonly text: string; readonly prefix: boolean} | undefined => {
	if (variables && hasVariables(pattern)) return undefined;
	const glob = globOf(pattern);
	if (!hasWildcard(glob)) return {text: pattern, prefix: false};
	const prefix = plainPrefix(glob, true);
	return prefix === undefined ? undefined : {text: prefix, prefix: true};
};

const shortcutOf = (patterns: readonly string[], variables: boolean): Shortcut => {
	if (patterns.length === 1 && patterns[0] === '*') return {kind: 'any', text: '', texts: noTexts, prefixes: 0};
	if (patterns.length === 0 || patterns.length > textsLimit || patterns.includes('*')) return noShortcut;
	const literals = patterns.map(pattern => literalOf(pattern, variables));
	if (literals.some(literal => literal === undefined)) return noShortcut;
	if (literals.length === 1) return {kind: literals[0]!.prefix ? 'prefix' : 'exact', text: literals[0]!.text, texts: noTexts, prefixes: 0};
	let prefixes = 0;
	for (const [index, literal] of literals.entries()) if (literal!.prefix) prefixes |= 1 << index;
	return {kind: 'texts', text: '', texts: literals.map(literal => literal!.text), prefixes};
};

// Every field, in one order, whatever the statement holds: one object shape for V8 on the hot path. The fields
// matching reads come first, in the order it reads them, so that they share the object's first cache lines.
export type CompiledStatement = {
	readonly principal: CompiledPrincipal | undefined;
	readonly notPrincipal: CompiledPrincipal | undefined;
	readonly deny: boolean;
	readonly resourceShortcut: ResourceShortcut;
	/** `Resource` (true) or `NotResource` (false). */
	readonly resourceCovers: boolean;
	readonly resourceText: string;
	readonly conditions: readonly CompiledClause[];
	/** `texts`: each entry's text, and which of them are prefixes (bit i for the i-th). */
	readonly resourceTexts: readonly string[];
	readonly resourcePrefixes: number;
	/** Without a shortcut: every entry. */
	readonly resources: readonly ResourceEntry[];
	/** `statement.index`, here too: a deciding statement's position is read without reaching the parsed statement. */
	readonly index: number;
	readonly statement: Statement;
	/** `Sid "X"` or `statement #N`: made when first read (only explanations read it). */
	label: string | undefined;
	/** Whether the policy's Version (2012-10-17) lets `${…}` be a policy variable. */
	readonly variables: boolean;
};

/**
 * The statements that cover one action, and the Allow statements that do not (the near misses, if nothing allows).
 * `fixed…`: the policy's verdict on this action when nothing in it depends on the request (e.g. FullAWSAccess),
 * kept once it was worked out, without (`fixedVerdict`) and with (`fixedPrincipalVerdict`) principals; `null`: it depends.
 */
export type ActionSlice = {
	/** The policy's name, for its verdict: kept here so that evaluation need not read the policy itself. */
	readonly policyName: string;
	readonly covering: readonly CompiledStatement[];
	readonly otherAllows: readonly CompiledStatement[];
	fixedVerdict: unknown;
	fixedPrincipalVerdict: unknown;
};

/** Does the statement bear on every request alike (no condition, every resource, no principal to match)? */
export const requestIndependent = (compiled: CompiledStatement, hasPrincipals: boolean): boolean =>
	compiled.conditions.length === 0 &&
	compiled.resourceShortcut === 'any' &&
	(!hasPrincipals || (compiled.principal !== undefined && compiled.principal.any && compiled.notPrincipal === undefined));

export type CompiledPolicy = {
	readonly name: string;
	readonly version: string | undefined;
	readonly variables: boolean;
	readonly statements: readonly CompiledStatement[];
	/**
	 * The statements by the action asked about, worked out on first use (see `sliceOf`): the numbers of the actions
	 * asked about, and each one's slice at the same position, searched in order (a policy is asked about a handful of
	 * actions). Not a list indexed by the action's number: that would grow, in every policy, with every action any
	 * policy was asked about.
	 */
	sliceIds: readonly number[];
	sliceList: readonly ActionSlice[];
	/** Made when an action without a number is first asked about (rare): a Map per policy is large to keep. */
	slices: Map<string, ActionSlice> | undefined;
};

/*
 * Actions get small numbers, once per distinct action as written, so a compiled policy finds the statements
 * that cover one by number; past the bound, by name as before.
 */
const actionIds = new Map<string, number>();
const actionLimit = 1024;

/** The number of an action (as the request writes it); -1 when the bound is reached. */
export const actionIdOf = (action: string): number => {
	let id = actionIds.get(action);
	if (id === undefined) {
		if (actionIds.size >= actionLimit) return -1;
		actionIds.set(action, (id = actionIds.size));
	}
	return id;
};

// Shared by every statement with a shortcut (never read there): not frozen, so every `resources` list shares one shape.
const noEntries: readonly ResourceEntry[] = [];
// Shared by every statement without a condition, not frozen for the same reason: one empty list, not one per statement.
const noClauses: readonly CompiledClause[] = [];

export const compileStatement = (statement: Statement, variables: boolean): CompiledStatement => {
	const patterns = statement.resource ?? statement.notResource ?? [];
	const shortcut = shortcutOf(patterns, variables);
	return {
		principal: statement.principal ? compilePrincipal(statement.principal) : undefined,
		notPrincipal: statement.notPrincipal ? compilePrincipal(statement.notPrincipal) : undefined,
		deny: statement.effect === 'Deny',
		resourceShortcut: shortcut.kind,
		resourceCovers: statement.resource !== undefined,
		resourceText: shortcut.text,
		conditions: statement.conditions.length === 0 ? noClauses : statement.conditions.map(clause => compileClause(clause, variables)),
		resourceTexts: shortcut.texts,
		resourcePrefixes: shortcut.prefixes,
		resources: shortcut.kind === 'none' ? patterns.map(pattern => resourceEntry(pattern, variables)) : noEntries,
		index: statement.index,
		statement,
		label: undefined,
		variables,
	};
};

/** The statement's label, made once. */
export const labelOf = (compiled: CompiledStatement): string => (compiled.label ??= statementLabel(compiled.statement));

// Asked once per policy and action (the answer is kept in the policy's slices): no need to keep a regex.
export const coversAction = (compiled: CompiledStatement, action: string): boolean => {
	const {statement} = compiled;
	const patterns = statement.action ?? statement.notAction ?? [];
	const named = patterns.some(pattern => globMatch(globOf(pattern), action, {ignoreCase: true}));
	return named === (statement.action !== undefined);
};

// A caller asks about a handful of actions; a bound keeps a caller that asks about every action from growing it.
const sliceLimit = 256;

const noStatements: readonly CompiledStatement[] = Object.freeze([]);
const noIds: readonly number[] = Object.freeze([]);
const noSlices: readonly ActionSlice[] = Object.freeze([]);

const sliceFor = (policy: CompiledPolicy, action: string): ActionSlice => {
	const covering: CompiledStatement[] = [];
	const otherAllows: CompiledStatement[] = [];
	for (const compiled of policy.statements) {
		if (coversAction(compiled, action)) covering.push(compiled);
		else if (!compiled.deny) otherAllows.push(compiled);
	}
	// Kept at their exact length (a list grown by `push` reserves room for many more): slices live as long as their policy.
	return {policyName: policy.name, covering: exactly(covering), otherAllows: exactly(otherAllows), fixedVerdict: undefined, fixedPrincipalVerdict: undefined};
};

const exactly = (statements: CompiledStatement[]): readonly CompiledStatement[] => (statements.length === 0 ? noStatements : statements.slice());

/** The statements of a compiled policy that cover `action` (`id`: its number, if it has one), and its other Allow statements. */
export const sliceOf = (policy: CompiledPolicy, action: string, id = -1): ActionSlice => {
	if (id >= 0) {
		const ids = policy.sliceIds;
		for (let index = 0; index < ids.length; index++) if (ids[index] === id) return policy.sliceList[index]!;
		const slice = sliceFor(policy, action);
		const full = ids.length >= sliceLimit;
		// `concat`, not a spread: kept as long as the policy, at their exact length (a spread reserves room for more).
		policy.sliceIds = full ? [id] : ids.concat(id);
		policy.sliceList = full ? [slice] : policy.sliceList.concat(slice);
		return slice;
	}
	const slices = (policy.slices ??= new Map());
	let slice = slices.get(action);
	if (slice === undefined) {
		slice = sliceFor(policy, action);
		if (slices.size >= sliceLimit) slices.clear();
		slices.set(action, slice);
	}
	return slice;
};

/**
 * Where `parsePolicy` keeps the compiled form on the policy it returns: a hidden property (not enumerable, so
 * JSON, spreads and comparisons never see it) read without a hash lookup. Policies built another way use the WeakMap.
 */
export const compiledSlot: unique symbol = Symbol('compiled policy');
type Slotted = {[compiledSlot]?: CompiledPolicy};

// Keyed by the parsed policy (and statement), which are immutable.
const compiledPolicies = new WeakMap<Policy, CompiledPolicy>();
const compiledStatements = new WeakMap<Statement, {without?: CompiledStatement; with?: CompiledStatement}>();

const compileFresh = (policy: Policy): CompiledPolicy => {
	const variables = policy.version === variablesVersion;
	const statements = policy.statements.map(statement => compileStatement(statement, variables));
	return {name: policy.name, version: policy.version, variables, statements, sliceIds: noIds, sliceList: noSlices, slices: undefined};
};

export const compilePolicy = (policy: Policy): CompiledPolicy => {
	const slotted = policy as Slotted;
	const cached = slotted[compiledSlot];
	if (cached) return cached;
	if (compiledSlot in slotted) return (slotted[compiledSlot] = compileShared(policy, compileFresh));
	let compiled = compiledPolicies.get(policy);
	if (!compiled) compiledPolicies.set(policy, (compiled = compileShared(policy, compileFresh)));
	return compiled;
};

/** A statement evaluated on its own, outside a compiled policy. */
export const compiledStatement = (statement: Statement, variables: boolean): CompiledStatement => {
	let cached = compiledStatements.get(statement);
	if (!cached) compiledStatements.set(statement, (cached = {}));
	return variables ? (cached.with ??= compileStatement(statement, true)) : (cached.without ??= compileStatement(statement, false));
};
