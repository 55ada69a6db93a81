import {arnGlobMatcher} from './arn.js';
import {compileClause, type CompiledClause} from './conditions/compile-clause.js';
import {globMatch, globOf, hasWildcard, plainPrefix} from './glob.js';
import {statementLabel, type Policy, type Statement} from './policy.js';
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
export type ResourceEntry = {readonly pattern: string; readonly matches: ((resource: string) => boolean) | undefined};

/**
 * The usual Resource of one entry, tested without a function call: `*`, an exact ARN, or an ARN prefix then `*`.
 * `none`: use `resources`.
 */
export type ResourceShortcut = 'none' | 'any' | 'exact' | 'prefix';

const shortcutOf = (patterns: readonly string[], variables: boolean): {readonly kind: ResourceShortcut; readonly text: string} => {
	const pattern = patterns.length === 1 ? patterns[0]! : undefined;
	if (pattern === undefined || (variables && hasVariables(pattern))) return {kind: 'none', text: ''};
	if (pattern === '*') return {kind: 'any', text: ''};
	const glob = globOf(pattern);
	if (!hasWildcard(glob)) return {kind: 'exact', text: pattern};
	const prefix = plainPrefix(glob, true);
	return prefix === undefined ? {kind: 'none', text: ''} : {kind: 'prefix', text: prefix};
};

// Every field, in one order, whatever the statement holds: one object shape for V8 on the hot path.
export type CompiledStatement = {
	readonly statement: Statement;
	/** `Sid "X"` or `statement #N`: made when first read (only explanations read it). */
	label: string | undefined;
	readonly deny: boolean;
	/** `Resource` (true) or `NotResource` (false). */
	readonly resourceCovers: boolean;
	readonly resourceShortcut: ResourceShortcut;
	readonly resourceText: string;
	/** Without a shortcut: every entry. */
	readonly resources: readonly ResourceEntry[];
	readonly principal: CompiledPrincipal | undefined;
	readonly notPrincipal: CompiledPrincipal | undefined;
	readonly conditions: readonly CompiledClause[];
	/** Whether the policy's Version (2012-10-17) lets `${…}` be a policy variable. */
	readonly variables: boolean;
};

/**
 * The statements that cover one action, and the Allow statements that do not (the near misses, if nothing allows).
 * `fixed…`: the policy's verdict on this action when nothing in it depends on the request (e.g. FullAWSAccess),
 * kept once it was worked out, without (`fixedVerdict`) and with (`fixedPrincipalVerdict`) principals; `null`: it depends.
 */
export type ActionSlice = {
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
	readonly variables: boolean;
	readonly statements: readonly CompiledStatement[];
	/** The statements by the action asked about, worked out on first use (see `sliceOf`): by its number, or by name. */
	readonly slicesById: ActionSlice[];
	readonly slices: Map<string, ActionSlice>;
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

export const compileStatement = (statement: Statement, variables: boolean): CompiledStatement => {
	const patterns = statement.resource ?? statement.notResource ?? [];
	const shortcut = shortcutOf(patterns, variables);
	return {
		statement,
		label: undefined,
		deny: statement.effect === 'Deny',
		resourceCovers: statement.resource !== undefined,
		resourceShortcut: shortcut.kind,
		resourceText: shortcut.text,
		resources:
			shortcut.kind === 'none'
				? patterns.map(pattern => ({pattern, matches: variables && hasVariables(pattern) ? undefined : arnGlobMatcher(globOf(pattern))}))
				: [],
		principal: statement.principal ? compilePrincipal(statement.principal) : undefined,
		notPrincipal: statement.notPrincipal ? compilePrincipal(statement.notPrincipal) : undefined,
		conditions: statement.conditions.map(clause => compileClause(clause, variables)),
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

const sliceFor = (policy: CompiledPolicy, action: string): ActionSlice => {
	const covering: CompiledStatement[] = [];
	const otherAllows: CompiledStatement[] = [];
	for (const compiled of policy.statements) {
		if (coversAction(compiled, action)) covering.push(compiled);
		else if (!compiled.deny) otherAllows.push(compiled);
	}
	return {covering, otherAllows, fixedVerdict: undefined, fixedPrincipalVerdict: undefined};
};

/** The statements of a compiled policy that cover `action` (`id`: its number, if it has one), and its other Allow statements. */
export const sliceOf = (policy: CompiledPolicy, action: string, id = -1): ActionSlice => {
	if (id >= 0) return (policy.slicesById[id] ??= sliceFor(policy, action));
	const {slices} = policy;
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
	return {variables, statements, slicesById: [], slices: new Map()};
};

export const compilePolicy = (policy: Policy): CompiledPolicy => {
	const slotted = policy as Slotted;
	const cached = slotted[compiledSlot];
	if (cached) return cached;
	if (compiledSlot in slotted) return (slotted[compiledSlot] = compileFresh(policy));
	let compiled = compiledPolicies.get(policy);
	if (!compiled) compiledPolicies.set(policy, (compiled = compileFresh(policy)));
	return compiled;
};

/** A statement evaluated on its own, outside a compiled policy. */
export const compiledStatement = (statement: Statement, variables: boolean): CompiledStatement => {
	let cached = compiledStatements.get(statement);
	if (!cached) compiledStatements.set(statement, (cached = {}));
	return variables ? (cached.with ??= compileStatement(statement, true)) : (cached.without ??= compileStatement(statement, false));
};
