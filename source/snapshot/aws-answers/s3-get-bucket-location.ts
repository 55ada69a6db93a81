import {asString, field} from './json-access.js';

/** s3:GetBucketLocation: no constraint (`null` from the CLI, absent from the SDK) means us-east-1; `EU` is the old name of eu-west-1. */
export const regionOfLocation = (answer: unknown): string => {
	const location = asString(field(answer, 'LocationConstraint'));
	if (!location) return 'us-east-1';
	return location === 'EU' ? 'eu-west-1' : location;
};
