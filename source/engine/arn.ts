import {globMatch} from './glob.js';

/** An ARN split into its parts: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` (the resource may hold `:` and `/`). */
export type Arn = {
	readonly partition: string;
	readonly service: string;
	readonly region: string;
	readonly account: string;
	readonly resource: string;
};

export const parseArn = (text: string): Arn | undefined => {
	const parts = text.split(':');
	if (parts.length < 6 || parts[0] !== 'arn') return undefined;
	return {
		partition: parts[1]!,
		service: parts[2]!,
		region: parts[3]!,
		account: parts[4]!,
		resource: parts.slice(5).join(':'),
	};
};

export const formatArn = (arn: Arn): string =>
	`arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;

/**
 * Match an ARN against a pattern segment by segment, as IAM does for Resource and the Arn*
 * operators: wildcards work within each of the first five segments and across the resource part.
 * A bare `*` matches every resource.
 */
export const arnMatches = (pattern: string, value: string): boolean => {
	if (pattern === '*') return true;
	const patternArn = parseArn(pattern);
	const valueArn = parseArn(value);
	if (!patternArn || !valueArn) return globMatch(pattern, value);
	return (
		globMatch(patternArn.partition, valueArn.partition) &&
		globMatch(patternArn.service, valueArn.service) &&
		globMatch(patternArn.region, valueArn.region) &&
		globMatch(patternArn.account, valueArn.account) &&
		globMatch(patternArn.resource, valueArn.resource)
	);
};

export const accountOfArn = (text: string): string | undefined => {
	const account = parseArn(text)?.account;
	return account ? account : undefined;
};
