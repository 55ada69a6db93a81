/**
 * s3-kms-doctor as a library: the policy engine and the S3 + SSE-KMS diagnosis, pure and synchronous.
 * See docs/library.md.
 */
export {parsePolicy, type PolicyParseError} from './engine/parse-policy.js';
export {evaluate} from './engine/evaluate.js';
export type {
	Evaluation,
	EvaluationInput,
	EvaluationRequest,
	GrantInput,
	Layer,
	LayerStatus,
	LayerVerdict,
	PolicySet,
	PolicySlot,
	PolicyVerdict,
	PrincipalMatch,
	ServiceModel,
	StatementTrace,
	UnreadPolicy,
} from './engine/evaluation.js';
export type {Policy, Statement, ConditionClause, PrincipalElement, Effect} from './engine/policy.js';
export type {ConditionTrace} from './engine/conditions/trace.js';
export type {ContextValue, ContextScalar} from './engine/context.js';
export type {Tri} from './engine/tri.js';
export type {Result} from './shared/result.js';
export {arnMatches, parseArn} from './engine/arn.js';
