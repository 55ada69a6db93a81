/** The error-message reader: explain-error and the wizard's first prompt use only this. */
export type {DenialExplanation, DenialForm, KnownCause, ParseFailure, ParsedDenial, PolicyType} from './parsed-denial.js';
export {parseAccessDenied, expectedErrorForms} from './parse-access-denied.js';
export {looksLikeAccessDenied} from './looks-like-access-denied.js';
export {explainDenial, isNotAccessDenial} from './explain-denial.js';
export {policyTypeWords} from './policy-types.js';
export {denialJson, renderDenialText, type DenialJson} from './format-denial.js';
