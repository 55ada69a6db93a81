import type {PolicyJson} from '../snapshot.js';
import type {Mapped} from './answer.js';
import {field} from './json-access.js';
import {policyDocumentOf} from './policy-document.js';

/** kms:GetKeyPolicy: the key policy, a JSON string. */
export const keyPolicyOf = (answer: unknown): Mapped<PolicyJson> => policyDocumentOf(field(answer, 'Policy'));
