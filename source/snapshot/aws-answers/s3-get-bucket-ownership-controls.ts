import type {ObjectOwnership} from '../snapshot.js';
import {asArray, asString, field} from './json-access.js';

const ownerships: ReadonlySet<string> = new Set<ObjectOwnership>(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']);

/** S3's error for a bucket without an Object Ownership setting: an answer (`null`), not a failure. */
export const noOwnershipControlsCode = 'OwnershipControlsNotFoundError';

/** s3:GetBucketOwnershipControls: the first rule's setting; `null` when there is none this tool knows. */
export const objectOwnershipOf = (answer: unknown): ObjectOwnership | null => {
	const setting = asString(field(asArray(field(answer, 'OwnershipControls', 'Rules'))[0], 'ObjectOwnership'));
	return setting && ownerships.has(setting) ? (setting as ObjectOwnership) : null;
};
