import {asString, field} from './json-access.js';

/** sts:GetCallerIdentity: who made the call. Each part only when the answer says it. */
export type CallerIdentity = {readonly arn?: string; readonly account?: string; readonly userId?: string};

export const callerIdentityOf = (answer: unknown): CallerIdentity => {
	const arn = asString(field(answer, 'Arn'));
	const account = asString(field(answer, 'Account'));
	const userId = asString(field(answer, 'UserId'));
	return {...(arn ? {arn} : {}), ...(account ? {account} : {}), ...(userId ? {userId} : {})};
};
