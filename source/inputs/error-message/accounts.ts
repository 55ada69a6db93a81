import {accountIdOfArn, isAccountId} from '../../names/index.js';

/** The account of an ARN, or the value itself when it is a bare 12-digit account ID. */
export const accountOf = (value: string | undefined): string | undefined => {
	if (!value) return undefined;
	return isAccountId(value) ? value : accountIdOfArn(value);
};

/** Every distinct account, in the order given (the principal's first). */
export const accountsOf = (values: ReadonlyArray<string | undefined>): string[] => {
	const accounts: string[] = [];
	for (const value of values) {
		const account = accountOf(value);
		if (account && !accounts.includes(account)) accounts.push(account);
	}
	return accounts;
};
