import type {FixPlace} from '../draft.js';
import {bucketPolicyPlace} from './bucket-policy.js';
import {identityPolicyPlace} from './identity-policy.js';
import {keyPolicyPlace} from './key-policy.js';
import {permissionsBoundaryPlace} from './permissions-boundary.js';

/** Every place a fix can go, in the order its fixes are listed. */
export const fixPlaces: readonly FixPlace[] = [identityPolicyPlace, keyPolicyPlace, bucketPolicyPlace, permissionsBoundaryPlace];
