import type {FlowEnv} from './flow-types.js';
import {profileValue} from './profile-answer.js';
import {profileOption} from './profile-options.js';
import type {ChoiceQuestion, TextQuestion} from './question.js';
import {checkRegion} from './validate.js';

/** The questions live-flow.ts asks around the reads: where they start, which profiles read, and the pause after them. */

export type LiveQuestionId = 'region' | 'other-profile' | 'reviewed' | 'collect-failed' | 'unreachable';

export const regionQuestion = (suggestion: string | undefined): TextQuestion => ({
	kind: 'text',
	id: 'region',
	keptForSaved: true,
	title: 'Region',
	prompt: 'Which Region shall the reads start in? (the profile names none; the bucket\'s own Region is then found)',
	placeholder: 'e.g. eu-west-1',
	validate: checkRegion,
	suggestion: suggestion ?? 'us-east-1',
});

export const otherProfileQuestion = (env: FlowEnv, caller: string): ChoiceQuestion => ({
	kind: 'choice',
	id: 'other-profile',
	keptForSaved: true,
	title: "Bucket's account",
	prompt: "Do you also have a profile in the bucket's or the key's account? It can read the bucket policy and key policy the caller cannot.",
	options: [
		{value: 'none', label: `No (or they are in the same account): use ${caller} only`},
		...(env.profiles ?? []).filter(profile => profile.name !== caller).map(profile => profileOption(profile)),
	],
	...(env.settings?.lastBucketProfile && env.settings.lastBucketProfile !== caller ? {defaultValue: profileValue(env.settings.lastBucketProfile)} : {}),
});

/** The permissions boundary the reads did not get, pasted instead; `failedReads`: the failed reads of its document. */
export type PastedBoundary = {readonly failedReads: number};

const staysUnknown = (count: number, more: string): string =>
	`${count === 1 ? `one ${more}stays` : `${count} ${more}stay`} unknown (? above: the result says what would decide ${count === 1 ? 'it' : 'them'})`;

/** What the reads left: the boundary pasted in place of the failed reads of it is no longer unknown, and is said to be pasted. */
const readsOutcome = (unknownCount: number, pasted: PastedBoundary | undefined): string => {
	if (!pasted) return staysUnknown(unknownCount, '');
	const settled = Math.min(pasted.failedReads, unknownCount);
	const left = unknownCount - settled;
	const boundary =
		settled === 0
			? 'you pasted the permissions boundary the reads did not get'
			: `the permissions boundary's ${settled === 1 ? 'read' : `${settled} reads`} failed, and you pasted it instead`;
	return left === 0 ? boundary : `${boundary}; ${staysUnknown(left, settled === 0 ? '' : 'more ')}`;
};

/** A pause after the reads, so what they found can be read before the result covers it. */
export const readsDoneQuestion = (readCount: number, unknownCount: number, pasted?: PastedBoundary): ChoiceQuestion => ({
	kind: 'choice',
	id: 'reviewed',
	keptForSaved: true,
	title: 'Reads',
	prompt:
		unknownCount === 0
			? `All ${readCount} reads worked. Diagnose?`
			: `${readCount - unknownCount} of ${readCount} reads worked; ${readsOutcome(unknownCount, pasted)}. Diagnose?`,
	options: [{value: 'go', label: 'Show the diagnosis'}],
});

export const collectFailedQuestion = (message: string): ChoiceQuestion => ({
	kind: 'choice',
	id: 'collect-failed',
	title: 'Reading failed',
	prompt: `The reads could not start: ${message}`,
	options: [
		{value: 'retry', label: 'Try again', hint: 'after aws sso login, or with the network back'},
		{value: 'back', label: 'Go back and change the answers'},
	],
});

/** No read can work with the profile just chosen (answered by the session, never stored): say why once, and offer the ways on. */
export const unreachableQuestion = (line: string): ChoiceQuestion => ({
	kind: 'choice',
	id: 'unreachable',
	title: 'AWS unreachable',
	prompt: line,
	options: [
		{value: 'retry', label: 'Try again', hint: 'after the fix above'},
		{value: 'back', label: 'Go back and choose another profile'},
		{value: 'paste', label: 'Paste the policies instead', hint: 'no AWS calls; your answers are kept'},
	],
});
