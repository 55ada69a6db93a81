import type {ProfileInfo} from '../services.js';
import type {FlowEnv} from './flow-types.js';
import {profileValue} from './profile-answer.js';
import type {ChoiceOption, ChoiceQuestion} from './question.js';

/** Profiles as options: the start's list (start-questions.ts) and the bucket account's (live-questions.ts). */

export const profileOption = (profile: ProfileInfo, hint = profile.region ?? ''): ChoiceOption => ({value: profileValue(profile.name), label: `Profile ${profile.name}`, hint});

/** Said under a list whose profile options have not arrived yet. */
export const profilesLoading = (env: FlowEnv): Pick<ChoiceQuestion, 'loading'> => (env.profiles ? {} : {loading: 'reading profiles…'});

/** Last time's profile is focused first, while it still exists. */
export const lastProfileFirst = (env: FlowEnv): Pick<ChoiceQuestion, 'defaultValue'> =>
	env.settings?.lastProfile && env.profiles?.some(profile => profile.name === env.settings?.lastProfile) ? {defaultValue: profileValue(env.settings.lastProfile)} : {};
