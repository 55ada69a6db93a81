import {isOperation} from '../../snapshot/operation-names.js';
import type {RecentTarget, SavedCheck, WizardSettings} from '../services.js';
import {emptySettings, maximumRecentTargets} from './remember.js';

/**
 * The settings file can be edited by hand or written by another version: keep what has the right
 * shape and drop the rest, so a bad entry never breaks the wizard.
 */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const recentTarget = (value: unknown): RecentTarget | undefined => {
	if (!isRecord(value)) return undefined;
	const {operation, bucket, objectKey} = value;
	if (!isOperation(operation)) return undefined;
	const name = text(bucket);
	const key = text(objectKey);
	return name && key ? {operation, bucket: name, objectKey: key} : undefined;
};

const savedCheck = (value: unknown): SavedCheck | undefined => {
	if (!isRecord(value) || !isRecord(value['answers'])) return undefined;
	const answers = Object.fromEntries(Object.entries(value['answers']).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
	return {answers, savedAt: text(value['savedAt']) ?? ''};
};

export const settingsFromStore = (store: unknown): WizardSettings => {
	if (!isRecord(store)) return emptySettings;
	const recentTargets = Array.isArray(store['recentTargets'])
		? store['recentTargets'].map(recentTarget).filter((target): target is RecentTarget => target !== undefined).slice(0, maximumRecentTargets)
		: [];
	const savedChecks = isRecord(store['savedChecks'])
		? Object.fromEntries(
				Object.entries(store['savedChecks'])
					.map(([name, check]) => [name, savedCheck(check)] as const)
					.filter((entry): entry is readonly [string, SavedCheck] => entry[1] !== undefined),
			)
		: {};
	const lastProfile = text(store['lastProfile']);
	const lastBucketProfile = text(store['lastBucketProfile']);
	const lastRegion = text(store['lastRegion']);
	return {
		recentTargets,
		savedChecks,
		...(lastProfile ? {lastProfile} : {}),
		...(lastBucketProfile ? {lastBucketProfile} : {}),
		...(lastRegion ? {lastRegion} : {}),
	};
};
