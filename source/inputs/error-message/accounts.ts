const arnAccountPattern = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/;

/** The account of an ARN, or the value itself when it is a bare 12-digit account ID. */
export const accountOf = (value: string | undefined): string | undefined => {
	if (!value) return undefined;
	if (/^\d{12}$/.test(value)) return value;
	return arnAccountPattern.exec(value)?.[1];
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
