import {accountOfArn} from '../../engine/arn.js';
import {isAccountId} from '../../names/index.js';
import type {ActingRole, AppliesIn} from '../diagnosis.js';

/** Who must apply a fix: the account (when the ARN or snapshot names one) and its part in the request. */
export const appliesIn = (role: ActingRole, accountOrArn: string | undefined | null): AppliesIn => {
	const account = accountOrArn && isAccountId(accountOrArn) ? accountOrArn : accountOrArn ? accountOfArn(accountOrArn) : undefined;
	return {account: account && isAccountId(account) ? account : null, role};
};
