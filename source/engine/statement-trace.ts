import {labelOf, type CompiledStatement} from './compile-policy.js';
import {clauseResult, traceClause} from './conditions/evaluate-condition.js';
import type {ConditionTrace} from './conditions/trace.js';
import type {PrincipalMatch, StatementTrace} from './evaluation.js';
import {appliesOf, boundaryRuleOf, notPrincipalDoubtOf, principalMatchOf, resourceMatchedOf} from './match-code.js';
import type {Effect, Policy} from './policy.js';
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

/** What only an explanation reads, worked out together the first time one is read. */
type Words = {conditions: readonly ConditionTrace[] | undefined; reason: string | undefined; unknownKeys: readonly string[] | null | undefined};

export class Trace implements StatementTrace {
	readonly policy: string;
	readonly #compiled: CompiledStatement;
	/** The policy read, whose statement this is (its compiled form may be shared with equal policies); none for a statement on its own. */
	readonly #owner: Policy | undefined;
	readonly #request: PreparedRequest;
	/** How it matched (`match-code.ts`): whether it applies, its resource, its Principal, a boundary's rule. */
	readonly #code: number;
	#words: Words | undefined;

	// Positional, not an options object, and few fields: one is built for every deciding statement of every evaluation.
	constructor(compiled: CompiledStatement, policy: string, owner: Policy | undefined, request: PreparedRequest, code: number) {
		this.policy = policy;
		this.#compiled = compiled;
		this.#owner = owner;
		this.#request = request;
		this.#code = code;
	}

	get applies(): Tri {
		return appliesOf(this.#code);
	}

	get resourceMatched(): Tri {
		return resourceMatchedOf(this.#code);
	}

	get principalMatch(): PrincipalMatch | undefined {
		return principalMatchOf(this.#code);
	}

	get #boundaryRule(): Tri {
		return boundaryRuleOf(this.#code);
	}

	get #explained(): Words {
		return (this.#words ??= {conditions: undefined, reason: undefined, unknownKeys: undefined});
	}

	/** Only traces that reach the action are made. */
	get actionMatched(): boolean {
		return true;
	}

	/** When it is `unknown`: the context keys that leave it undecided, found when first read (conditions run again). */
	get unknownKeys(): readonly string[] | undefined {
		if (this.applies !== 'unknown') return undefined;
		const words = this.#explained;
		if (words.unknownKeys === undefined) words.unknownKeys = unknownKeysOf(this.#compiled, this.#request, this.resourceMatched) ?? null;
		return words.unknownKeys ?? undefined;
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

	/** The very object the policy read holds: a diagnosis finds the place a statement came from by it. */
	get source(): Readonly<Record<string, unknown>> {
		const compiled = this.#compiled;
		return (this.#owner?.statements[compiled.index] ?? compiled.statement).source;
	}

	get conditions(): readonly ConditionTrace[] {
		const words = this.#explained;
		return (words.conditions ??= this.#compiled.conditions.map(clause => traceClause(clause, this.#request.lookup)));
	}

	get reason(): string {
		const words = this.#explained;
		return (words.reason ??= this.#explain());
	}

	/** One sentence: why it applies, or the first reason it does not. */
	#explain(): string {
		const {applies, resourceMatched, conditions} = this;
		const boundaryRule = this.#boundaryRule;
		if (this.#request.caller.kind === 'unknown' && applies === 'unknown' && !conditions.some(trace => trace.result === 'no')) {
			return 'the caller is not known, so whether its Principal names the caller is not known';
		}
		const doubt = notPrincipalDoubtOf(this.#code);
		if (doubt !== 'none' && applies === 'unknown' && !conditions.some(trace => trace.result === 'no')) {
			return doubt === 'allow-unsupported'
				? 'it is an Allow with NotPrincipal, which AWS does not support ("NotPrincipal must be used with "Effect":"Deny". Using it with "Effect":"Allow" is not supported."), so whether it allows the caller is not known'
				: "its NotPrincipal lists the session's account and role but not the session itself, and AWS documents what a Deny with NotPrincipal does when the account or the role is missing, not when the session is, so whether it denies the caller is not known";
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
