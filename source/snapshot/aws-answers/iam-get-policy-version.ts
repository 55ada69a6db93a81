import type {PolicyJson} from '../snapshot.js';
import type {Mapped} from './answer.js';
import {field} from './json-access.js';
import {policyDocumentOf} from './policy-document.js';

/** iam:GetPolicyVersion: the managed policy's document at that version (URL-encoded from the SDK, an object from the CLI). */
export const policyVersionDocumentOf = (answer: unknown): Mapped<PolicyJson> => policyDocumentOf(field(answer, 'PolicyVersion', 'Document'));
