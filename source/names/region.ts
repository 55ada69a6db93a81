import {notA, parsed, type Parsed} from './name-error.js';

/** KMS API Reference, MultiRegionKey: the Region's "Pattern: ^([a-z]+-){2,3}\d+$" (us-east-1, us-gov-west-1). */
export const regionSource = '(?:[a-z]+-){2,3}[0-9]+';

const region = new RegExp(`^${regionSource}$`);

export const isRegion = (text: string): boolean => region.test(text);

const expected = 'a Region name such as eu-west-1 or us-east-1';

export const parseRegion = (text: string): Parsed<string> => {
	if (isRegion(text)) return parsed(text);
	const lower = text.trim().toLowerCase();
	if (isRegion(lower)) return notA(expected, `Region names are lower case: ${lower}`);
	// eu-west-1a is an Availability Zone of eu-west-1.
	const zone = /^(.+[0-9])[a-z]$/.exec(lower)?.[1];
	if (zone !== undefined && isRegion(zone)) return notA(expected, `${text} is an Availability Zone; its Region is ${zone}`);
	return notA(expected);
};
