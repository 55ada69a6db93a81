import type {PrincipalMatch} from './evaluation.js';
import type {Tri} from './tri.js';

/*
 * How a relevant statement matched, in one small integer (no object per statement per evaluation): whether it
 * applies, whether its resource matched, how its Principal named the caller, whether a boundary made its
 * NotPrincipal apply and whether AWS leaves its NotPrincipal undecided, two or three bits each; above them, the
 * statement's position among those covering the action.
 * A verdict keeps these codes, and a trace reads its facts from one.
 */
const tris: readonly Tri[] = ['no', 'yes', 'unknown'];
export const triCode = (value: Tri): number => (value === 'no' ? 0 : value === 'yes' ? 1 : 2);
const matchNames: readonly (PrincipalMatch | undefined)[] = [undefined, 'exact', 'role', 'anyone', 'account', 'service'];
const matchCode = (match: PrincipalMatch | undefined): number =>
	match === undefined ? 0 : match === 'exact' ? 1 : match === 'role' ? 2 : match === 'anyone' ? 3 : match === 'account' ? 4 : 5;
export const positionShift = 11;

/**
 * Why a NotPrincipal leaves the statement undecided for the caller, where AWS does not document the outcome: an Allow
 * with NotPrincipal ("Using it with "Effect":"Allow" is not supported"), or a Deny whose NotPrincipal lists the
 * session's account and role but not the session.
 */
export type NotPrincipalDoubt = 'none' | 'allow-unsupported' | 'session-not-listed';
const doubts: readonly NotPrincipalDoubt[] = ['none', 'allow-unsupported', 'session-not-listed'];

export const matchCodeOf = (applies: Tri, resourceMatched: Tri, principalMatch: PrincipalMatch | undefined, boundaryRule: Tri, doubt: NotPrincipalDoubt = 'none'): number =>
	triCode(applies) | (triCode(resourceMatched) << 2) | (matchCode(principalMatch) << 4) | (triCode(boundaryRule) << 7) | (doubts.indexOf(doubt) << 9);

export const appliesOf = (code: number): Tri => tris[code & 3]!;
export const resourceMatchedOf = (code: number): Tri => tris[(code >> 2) & 3]!;
export const principalMatchOf = (code: number): PrincipalMatch | undefined => matchNames[(code >> 4) & 7];
export const boundaryRuleOf = (code: number): Tri => tris[(code >> 7) & 3]!;
export const notPrincipalDoubtOf = (code: number): NotPrincipalDoubt => doubts[(code >> 9) & 3]!;
