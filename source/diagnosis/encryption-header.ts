import {compiledClause} from '../engine/conditions/compile-clause.js';
import {evaluateCondition} from '../engine/conditions/evaluate-condition.js';
import type {ConditionTrace} from '../engine/conditions/trace.js';
import {relationPhrase} from '../engine/conditions/wording.js';
import {createContextLookup} from '../engine/context.js';
import type {Effect} from '../engine/policy.js';
import type {Finding} from './diagnosis.js';

/**
 * The finding `default-encryption-key-differs` for a statement that tests an SSE header: what the statement lets
 * through, worded from its operator as the engine reads it (StringNotLike asks for a match, StringEquals in a Deny
 * refuses one, IfExists and Null say whether the header must be sent), never a key or value "demanded" that it does not demand.
 */

export const keyIdHeader = 's3:x-amz-server-side-encryption-aws-kms-key-id';
export const encryptionHeader = 's3:x-amz-server-side-encryption';

export type HeaderRule = {
	/** `keyIdHeader` or `encryptionHeader`. */
	readonly key: string;
	readonly effect: Effect;
	readonly condition: ConditionTrace;
	/** "bucket policy, Sid …". */
	readonly policy: string;
	/** What the request sends for the header; `undefined`: none. */
	readonly sent: readonly string[] | undefined;
};

const headerWords = (key: string): string => (key === keyIdHeader ? 'SSE-KMS key ID header' : 'x-amz-server-side-encryption header');

/** A request with no such header, one whose value matches the condition's values, or one whose value does not. */
type Sends = 'none' | 'match' | 'other';

/** What the statement lets through: the requests of each kind it does not deny (or, an Allow, that it allows); `undefined` where that cannot be told. */
const letsThrough = (rule: HeaderRule): ReadonlySet<Sends> | undefined => {
	const compiled = compiledClause(rule.condition.clause, false);
	if (!compiled.operator || compiled.whenMissing === 'unknown') return undefined;
	const holds = (sends: Sends): boolean =>
		sends === 'none' ? compiled.whenMissing === 'yes' : compiled.kind === 'null' ? compiled.whenPresent === 'yes' : (sends === 'match') !== compiled.negated;
	const kinds: readonly Sends[] = ['none', 'match', 'other'];
	// A Deny lets through what its condition does not hold for; an Allow, what it holds for.
	return new Set(kinds.filter(sends => holds(sends) === (rule.effect === 'Allow')));
};

/** Whether the statement lets through a request whose encryption header is aws:kms, as `aws s3 cp --sse aws:kms` sends. */
const letsKmsThrough = (rule: HeaderRule): boolean =>
	rule.key === encryptionHeader && evaluateCondition(rule.condition.clause, createContextLookup({[encryptionHeader]: 'aws:kms'})).result === (rule.effect === 'Allow' ? 'yes' : 'no');

/** " that is one of "arn:…"": a value of one kind, as the condition's operator words it; empty for Null, which tests no value. */
const valueWords = (rule: HeaderRule, sends: Exclude<Sends, 'none'>): string => {
	const {operator} = compiledClause(rule.condition.clause, false);
	return operator?.kind === 'value' ? ` that ${relationPhrase(operator.relation, sends === 'match', rule.condition.clause.values)}` : '';
};

/** The statement's rule in one clause, and the change to the request that meets it; `undefined` where it cannot be told. */
const ruleWords = (rule: HeaderRule): {readonly rule: string; readonly remedy: string} | undefined => {
	const through = letsThrough(rule);
	if (!through || through.size === 0 || through.size === 3) return undefined;
	const deny = rule.effect === 'Deny';
	const header = headerWords(rule.key);
	const fullArn = rule.key === keyIdHeader ? ', naming the key by its full ARN' : '';
	if (!through.has('none')) {
		// Only a request that sends the header gets through: say which.
		const needed = `an ${header}${valueWords(rule, through.has('match') ? 'match' : 'other')}`;
		return {rule: `${deny ? 'denies this request unless it sends' : 'allows this request only if it sends'} ${needed}`, remedy: `Send ${needed}${fullArn}`};
	}
	// A request that sends none gets through: say which header the statement refuses.
	// Null refuses every value; a value operator, one kind of value (the other gets through).
	const refused = valueWords(rule, through.has('match') ? 'other' : 'match');
	const rest = through.has('match') || through.has('other') ? `, or one${valueWords(rule, through.has('match') ? 'match' : 'other')}${fullArn}` : '';
	return {rule: `${deny ? 'denies a request that sends' : 'does not allow a request that sends'} an ${header}${refused}`, remedy: `Send no ${header}${rest}`};
};

/** What this request sends, against what the statement lets through. */
export const encryptionHeaderFinding = (rule: HeaderRule, named: string | undefined): Finding => {
	const base = {id: 'default-encryption-key-differs', severity: 'warning'} as const;
	const {clause} = rule.condition;
	const sends = rule.sent ? `this request sends ${rule.sent.join(', ')}` : `this request sends none${named ? '' : ': relying on the bucket default sends no header at all'}`;
	const words = ruleWords(rule);
	if (!words) {
		// Operator-neutral: the condition as written, and what was sent.
		return {...base, message: `${rule.policy} ${rule.effect === 'Deny' ? 'denies' : 'does not allow'} this request by its condition ${clause.operator} on ${clause.key} (${clause.values.join(', ')}); ${sends}.`};
	}
	const example = rule.sent || named ? '' : rule.key === keyIdHeader || letsKmsThrough(rule) ? ': e.g. aws s3 cp --sse aws:kms --sse-kms-key-id KEY_ARN' : ' (with the AWS CLI, --sse)';
	return {...base, message: `${rule.policy} ${words.rule}; ${sends}.`, remedy: `${words.remedy}${example}.`};
};
