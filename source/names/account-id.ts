import {notA, parsed, type Parsed} from './name-error.js';

/** Organizations API Reference: "The regex pattern for an account ID string requires exactly 12 digits." */
export const accountIdSource = '[0-9]{12}';

const accountId = new RegExp(`^${accountIdSource}$`);

export const isAccountId = (text: string): boolean => accountId.test(text);

const expected = 'an AWS account ID';

export const parseAccountId = (text: string): Parsed<string> => {
	if (isAccountId(text)) return parsed(text);
	// The console shows an account ID as 1111-2222-3333.
	const digits = text.replace(/[\s-]/g, '');
	if (isAccountId(digits)) return notA(expected, `write it as 12 digits without spaces or hyphens: ${digits}`);
	if (/^[0-9]+$/.test(text)) return notA(expected, `an account ID has 12 digits, this has ${text.length}`);
	return notA(expected, 'an account ID is 12 digits, such as 111122223333');
};
