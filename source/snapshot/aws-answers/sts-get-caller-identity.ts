import {isAccountId, parsePrincipalArn} from '../../names/index.js';
import {ok} from '../../shared/result.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asString, field} from './json-access.js';

/** sts:GetCallerIdentity: who made the call. Each part only when the answer says it; an ARN always with its partition. */
export type CallerIdentity = ({readonly arn: string; readonly partition: string} | {readonly arn?: undefined; readonly partition?: undefined}) & {
	readonly account?: string;
	readonly userId?: string;
};

/**
 * Who the answer says the caller is. An Arn or Account that is not one (an edited bundle, a proxy's page) is a problem,
 * not a fact: taken, it would reach a snapshot the schema refuses, and every ARN and account built from it.
 */
export const callerIdentityOf = (answer: unknown): Mapped<CallerIdentity> => {
	const arn = asString(field(answer, 'Arn'));
	const account = asString(field(answer, 'Account'));
	const userId = asString(field(answer, 'UserId'));
	if (account !== undefined && !isAccountId(account)) return shapeProblem("the answer's Account is not a 12-digit account ID");
	const principal = arn === undefined ? undefined : parsePrincipalArn(arn);
	// The parser's hint may quote the text; the reason names the field, never its (hostile) value.
	if (principal && !principal.ok) return shapeProblem(`the answer's Arn is not ${principal.error.expected}`);
	if (principal?.ok && account !== undefined && principal.value.account !== account) return shapeProblem("the answer's Arn is of another account than its Account");
	const named = {...(account ? {account} : {}), ...(userId ? {userId} : {})};
	return ok(principal?.ok ? {arn: principal.value.text, partition: principal.value.partition, ...named} : named);
};
