import type {Ending, Step} from '../conversation/flow-types.js';
import {profileOfAnswer, profileValue} from '../conversation/profile-answer.js';
import type {Answers} from '../conversation/walk.js';
import type {RecentTarget, SavedCheck, WizardSettings} from '../services.js';

/**
 * What the wizard remembers between runs, computed here so it is easy to see that it never keeps
 * credentials or policy documents: only names (profiles, Region, bucket, key) and choices.
 */

export const maximumRecentTargets = 5;

export const emptySettings: WizardSettings = {recentTargets: [], savedChecks: {}};

/** The profile that made the reads: chosen first, or after a pasted error. */
export const callerProfile = (answers: Answers): string | undefined => profileOfAnswer(answers['start']) ?? profileOfAnswer(answers['read-how']);

export const rememberRun = (settings: WizardSettings, answers: Answers, ending: Ending): WizardSettings => {
	if (ending.mode === 'example' || ending.mode === 'file') return settings;
	const {operation, bucket, objectKey} = ending.snapshot.question;
	const target: RecentTarget = {operation, bucket, objectKey};
	const sameTarget = (other: RecentTarget): boolean => (['operation', 'bucket', 'objectKey'] as const).every(field => other[field] === target[field]);
	const recentTargets = [target, ...settings.recentTargets.filter(other => !sameTarget(other))].slice(
		0,
		maximumRecentTargets,
	);
	const profile = ending.mode === 'live' ? callerProfile(answers) : undefined;
	const bucketProfile = profileOfAnswer(answers['other-profile']);
	return {
		...settings,
		recentTargets,
		...(profile ? {lastProfile: profile} : {}),
		...(bucketProfile ? {lastBucketProfile: bucketProfile} : {}),
		...(ending.mode === 'live' && answers['region'] ? {lastRegion: answers['region']} : {}),
	};
};

/**
 * A named check replays the live path: the caller's profile first, then the answers of this run's
 * questions marked `keptForSaved` (names and choices; a paste question cannot be marked).
 */
export const savedCheckOf = (steps: readonly Step[], savedAt: Date): SavedCheck | undefined => {
	const answered = steps.flatMap(step => (step.kind === 'answer' ? [step] : []));
	const profile = callerProfile(Object.fromEntries(answered.map(step => [step.question.id, step.answer])));
	if (!profile) return undefined;
	const kept = Object.fromEntries(answered.filter(step => step.question.keptForSaved).map(step => [step.question.id, step.answer]));
	// `recent: new` answers "check a recent target?" when it is offered: the check names its own target.
	return {answers: {...kept, recent: 'new', start: profileValue(profile)}, savedAt: savedAt.toISOString()};
};

export const checkNameProblem = (name: string): string | undefined =>
	/^[A-Za-z0-9][\w.-]{0,39}$/.test(name) ? undefined : 'a name is 1 to 40 letters, digits, dots, hyphens or underscores';
