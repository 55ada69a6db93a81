import type {PolicyJson} from '../snapshot.js';
import type {Mapped} from './answer.js';
import {field} from './json-access.js';
import {policyDocumentOf} from './policy-document.js';

/** iam:GetRolePolicy, GetUserPolicy or GetGroupPolicy: the inline policy's document (URL-encoded from the SDK, an object from the CLI). */
export const inlinePolicyOf = (answer: unknown): Mapped<PolicyJson> => policyDocumentOf(field(answer, 'PolicyDocument'));
