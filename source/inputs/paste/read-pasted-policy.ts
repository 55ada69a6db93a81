import {parsePolicy} from '../../engine/parse-policy.js';
import type {InlinePolicyName} from '../../names/index.js';
import type {JsonObject} from '../../shared/json.js';
import {err, ok, type Result} from '../../shared/result.js';
import {wrongKindWarnings, type PolicyKind} from './policy-kind.js';
import {unwrapAwsOutput, type PasteProblem} from './unwrap-aws-output.js';

export type {PolicyKind} from './policy-kind.js';

/** A pasted policy: the document, how many statements, what was done to the paste, and what looks wrong. */
export type PastedPolicy = {
	readonly document: JsonObject;
	readonly statementCount: number;
	/** "took the policy out of the "Policy" string that aws kms get-key-policy prints", "wrapped 1 statement into a policy". */
	readonly notes: readonly string[];
	/** "no statement names a Principal: this looks like an IAM identity policy, not a key policy". */
	readonly warnings: readonly string[];
	/** Pasted as get-role-policy (get-user-policy, get-group-policy) output: the inline policy it names. */
	readonly inline?: InlinePolicyName;
	/** Such output whose names IAM would not take: why none is kept. */
	readonly inlineProblem?: string;
};

const otherOutputs = {
	grants: 'this is the output of aws kms list-grants, not a policy',
	'bucket-encryption': 'this is the output of aws s3api get-bucket-encryption, not a policy',
	'object-encryption': 'this is the output of aws s3api head-object, not a policy',
} as const;

/** Any form AWS prints a policy in (see unwrap-aws-output.ts), checked as a policy of the kind asked for. */
export const readPastedPolicy = (text: string, name: string, expected?: PolicyKind): Result<PastedPolicy, PasteProblem> => {
	const pasted = unwrapAwsOutput(text);
	if (!pasted.ok) return pasted;
	if (pasted.value.kind !== 'policy') return err({message: otherOutputs[pasted.value.kind]});
	const {document, notes, inline, inlineProblem} = pasted.value;
	const policy = parsePolicy(document, name);
	if (!policy.ok) return err({message: policy.error.message});
	return ok({
		document,
		statementCount: policy.value.statements.length,
		notes,
		warnings: expected ? wrongKindWarnings(policy.value, expected) : [],
		...(inline ? {inline} : {}),
		...(inlineProblem ? {inlineProblem} : {}),
	});
};
