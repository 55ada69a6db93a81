import {labelOf, type CompiledStatement} from './compile-policy.js';
import {clauseResult, traceClause} from './conditions/evaluate-condition.js';
import type {ConditionTrace} from './conditions/trace.js';
import type {PrincipalMatch, StatementTrace} from './evaluation.js';
import type {Effect} from './policy.js';
import {contextOf, coversResource, type PreparedRequest} from './statement-match.js';
import type {Tri} from './tri.js';

/**
 * How one statement bears on the request. What decides is set when it is built (whether it applies, how its
 * resource and principal matched); what explains — the condition traces and the sentence — is worked out the
 * first time someone reads it, from the same compiled statement and request, so it always agrees.
 */

/** The context keys (of conditions, or policy variables in Resource) that leave an `unknown` statement undecided. */
const unknownKeysOf = (compiled: CompiledStatement, request: PreparedRequest, resourceMatched: Tri): readonly string[] | undefined => {
	const keys: string[] = [];
	if (resourceMatched === 'unknown') coversResource(compiled, request, keys);
	const context = contextOf(request);
	for (const clause of compiled.conditions) {
		const own: string[] = [];
		if (clauseResult(clause, context, own) === 'unknown') for (const key of own) if (!keys.includes(key)) keys.push(key);
	}
	return keys.length > 0 ? keys : undefined;
};

export class Trace implements StatementTrace {
	readonly policy: string;
	readonly applies: Tri;
	readonly resourceMatched: Tri;
	readonly principalMatch?: PrincipalMatch | 'none';
	readonly #compiled: CompiledStatement;
	readonly #request: PreparedRequest;
	/** `yes` or `unknown` when a boundary makes a Deny with NotPrincipal apply to a caller it lists. */
	readonly #boundaryRule: Tri;
	#conditions: readonly ConditionTrace[] | undefined;
	#reason: string | undefined;
	/** `null`: worked out, none. */
	#unknownKeys: readonly string[] | null | undefined;

	// Positional, not an options object: one is built for every relevant statement of every evaluation.
	constructor(
		compiled: CompiledStatement,
		policy: string,
		request: PreparedRequest,
		applies: Tri,
		resourceMatched: Tri,
		principalMatch: PrincipalMatch | undefined,
		boundaryRule: Tri,
	) {
		this.policy = policy;
		this.applies = applies;
		this.resourceMatched = resourceMatched;
		this.principalMatch = principalMatch;
		this.#compiled = compiled;
		this.#request = request;
		this.#boundaryRule = boundaryRule;
	}

	/** Only traces that reach the action are made. */
	get actionMatched(): boolean {
		return true;
	}

	/** When it is `unknown`: the context keys that leave it undecided, found when first read (conditions run again). */
	get unknownKeys(): readonly string[] | undefined {
		if (this.#unknownKeys === undefined) this.#unknownKeys = this.applies === 'unknown' ? (unknownKeysOf(this.#compiled, this.#request, this.resourceMatched) ?? null) : null;
		return this.#unknownKeys ?? undefined;
	}

	get statementIndex(): number {
		return this.#compiled.index;
	}

	get label(): string {
		return labelOf(this.#compiled);
	}

	get effect(): Effect {
		return this.#compiled.statement.effect;
	}

	get source(): Readonly<Record<string, unknown>> {
		return this.#compiled.statement.source;
	}

	get conditions(): readonly ConditionTrace[] {
		return (this.#conditions ??= this.#compiled.conditions.map(clause => traceClause(clause, this.#request.lookup)));
	}

	get reason(): string {
		return (this.#reason ??= this.#explain());
	}

	/** One sentence: why it applies, or the first reason it does not. */
	#explain(): string {
		const {applies, resourceMatched, conditions} = this;
		const boundaryRule = this.#boundaryRule;
		if (this.#request.caller.kind === 'unknown' && applies === 'unknown' && !conditions.some(trace => trace.result === 'no')) {
			return 'the caller is not known, so whether its Principal names the caller is not known';
		}
		if (boundaryRule === 'unknown' && applies === 'unknown' && !conditions.some(trace => trace.result === 'no')) {
			return 'its NotPrincipal lists the caller, but a Deny with NotPrincipal denies every IAM principal that has a permissions boundary, and whether the caller has one is not known';
		}
		if (resourceMatched === 'unknown') {
			const keys: string[] = [];
			coversResource(this.#compiled, this.#request, keys);
			return `whether its Resource covers ${this.#request.resource} depends on a policy variable whose value is not known (${keys.join(', ')})`;
		}
		const failed = conditions.find(trace => trace.result === 'no');
		if (failed) return `its condition does not hold: ${failed.reason}`;
		const unknown = conditions.find(trace => trace.result === 'unknown');
		if (unknown) return `it depends on a value that is not known: ${unknown.reason}`;
		if (applies === 'yes' && boundaryRule === 'yes') {
			return 'its NotPrincipal lists the caller, but a Deny with NotPrincipal denies every IAM principal that has a permissions boundary, whatever NotPrincipal lists';
		}
		if (applies === 'yes') return conditions.length > 0 ? 'it matches, and every condition holds' : 'it matches';
		return 'it does not match';
	}

	/** `JSON.stringify` sees the explanation too, as it did when traces were plain objects. */
	toJSON(): StatementTrace {
		return {
			policy: this.policy,
			statementIndex: this.statementIndex,
			label: this.label,
			effect: this.effect,
			applies: this.applies,
			actionMatched: this.actionMatched,
			resourceMatched: this.resourceMatched,
			conditions: this.conditions,
			reason: this.reason,
			source: this.source,
			...(this.principalMatch === undefined ? {} : {principalMatch: this.principalMatch}),
			...(this.unknownKeys ? {unknownKeys: this.unknownKeys} : {}),
		};
	}
}
