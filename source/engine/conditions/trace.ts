import type {ContextEntry} from '../context.js';
import type {ConditionClause} from '../policy.js';
import type {Tri} from '../tri.js';

/** How one condition clause (operator + key + values) fared against the request, and why. */
export type ConditionTrace = {
	readonly clause: ConditionClause;
	/** `yes`: the condition holds; `no`: it fails; `unknown`: it depends on a value we do not know. */
	readonly result: Tri;
	/** What the request carried for the key. */
	readonly actual: ContextEntry;
	/** One sentence for people, e.g. `kms:ViaService is "s3.us-east-1.amazonaws.com", not one of "s3.eu-west-1.amazonaws.com"`. */
	readonly reason: string;
	/** When the result is `unknown`: the context keys (the clause's own, or a policy variable's) whose values would decide it. */
	readonly unknownKeys?: readonly string[];
};
