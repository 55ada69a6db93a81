/** The typed form of an IAM policy document, produced by `parsePolicy` (parse, don't validate). */

export type Effect = 'Allow' | 'Deny';

/** A `Principal` or `NotPrincipal` element. `"*"` is `{kind: 'any'}`. */
export type PrincipalElement =
	| {readonly kind: 'any'}
	| {
			readonly kind: 'set';
			/** `AWS` entries: account IDs, `arn:aws:iam::ACCT:root`, user/role/assumed-role ARNs, or `*`. */
			readonly aws: readonly string[];
			readonly service: readonly string[];
			readonly federated: readonly string[];
			readonly canonicalUser: readonly string[];
	  };

export type SetQualifier = 'ForAnyValue' | 'ForAllValues';

/** One operator, one key, its values: e.g. `"StringEquals": {"kms:ViaService": ["s3.eu-west-1.amazonaws.com"]}`. */
export type ConditionClause = {
	/** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
	readonly operator: string;
	/** The operator without qualifier and `IfExists`, e.g. `StringLike`. */
	readonly baseOperator: string;
	readonly qualifier?: SetQualifier;
	readonly ifExists: boolean;
	/** The key as written (matching is case-insensitive). */
	readonly key: string;
	/** Values as written; booleans and numbers are turned into their JSON text. */
	readonly values: readonly string[];
};

export type Statement = {
	/** Position in the policy, starting at 0. */
	readonly index: number;
	readonly sid?: string;
	readonly effect: Effect;
	readonly action?: readonly string[];
	readonly notAction?: readonly string[];
	readonly resource?: readonly string[];
	readonly notResource?: readonly string[];
	readonly principal?: PrincipalElement;
	readonly notPrincipal?: PrincipalElement;
	readonly conditions: readonly ConditionClause[];
	/** The statement exactly as it was in the document, for display and for byte-stable merges. */
	readonly source: Readonly<Record<string, unknown>>;
};

export type Policy = {
	/** A name for explanations: "key policy", "inline policy S3Access", an ARN … */
	readonly name: string;
	readonly version?: string;
	readonly id?: string;
	readonly statements: readonly Statement[];
	/** The parsed JSON document as given. */
	readonly document: Readonly<Record<string, unknown>>;
};

/** "Sid \"AllowUse\"" or "statement #2" (1-based for people). */
export const statementLabel = (statement: Pick<Statement, 'sid' | 'index'>): string =>
	statement.sid ? `Sid "${statement.sid}"` : `statement #${statement.index + 1}`;
