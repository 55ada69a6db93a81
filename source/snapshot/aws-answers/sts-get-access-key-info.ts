import {isAccountId} from '../../names/index.js';
import {asString, field} from './json-access.js';

/** sts:GetAccessKeyInfo: "the ID of the Amazon Web Services account to which the keys belong"; undefined when the answer has none. */
export const accessKeyAccountOf = (answer: unknown): string | undefined => {
	const account = asString(field(answer, 'Account'));
	return account && isAccountId(account) ? account : undefined;
};
