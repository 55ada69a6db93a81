import type {ObjectOwnership} from '../snapshot.js';
import {ok} from '../../shared/result.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asArray, asString, field} from './json-access.js';

const ownerships: ReadonlySet<string> = new Set<ObjectOwnership>(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']);

/** S3's error for a bucket without an Object Ownership setting: an answer (`null`), not a failure. */
export const noOwnershipControlsCode = 'OwnershipControlsNotFoundError';

/**
 * s3:GetBucketOwnershipControls: the first rule's setting. An answer without one, or with a setting this tool does
 * not know, is a problem, not "none": a bucket without the setting answers `noOwnershipControlsCode`, and a 200
 * without a rule is a proxy's page or a broken endpoint.
 */
export const objectOwnershipOf = (answer: unknown): Mapped<ObjectOwnership> => {
	const setting = asString(field(asArray(field(answer, 'OwnershipControls', 'Rules'))[0], 'ObjectOwnership'));
	if (setting === undefined) return shapeProblem('the answer holds no Object Ownership rule');
	return ownerships.has(setting) ? ok(setting as ObjectOwnership) : shapeProblem('the Object Ownership rule has a setting this tool does not know');
};
