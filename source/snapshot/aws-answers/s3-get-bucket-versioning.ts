import {asString, field} from './json-access.js';

/**
 * s3:GetBucketVersioning: `Enabled` or `Suspended`; a bucket whose versioning was never enabled answers without a
 * Status ("If the versioning state has never been set on a bucket, it has no versioning state"), which is `null`.
 */
export const versioningOf = (answer: unknown): 'Enabled' | 'Suspended' | null => {
	const status = asString(field(answer, 'Status'));
	return status === 'Enabled' || status === 'Suspended' ? status : null;
};
