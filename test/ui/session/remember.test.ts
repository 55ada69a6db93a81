import {describe, expect, it} from 'vitest';
import {snapshotFormat} from '../../../source/snapshot/snapshot.js';
import type {Ending} from '../../../source/ui/conversation/flow-types.js';
import {checkNameProblem, emptySettings, rememberRun, savedCheckOf} from '../../../source/ui/session/remember.js';
import {settingsFromStore} from '../../../source/ui/session/settings-shape.js';
import type {WizardSettings} from '../../../source/ui/services.js';

const policy = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'kms:*', Resource: '*'}]});
const ending = (mode: Ending['mode']): Ending => ({mode, snapshot: {format: snapshotFormat, question: {operation: 'upload', bucket: 'b', objectKey: 'k'}}});

describe('what the wizard remembers', () => {
	it('keeps the last profile, Region and target of a live run, most recent first, at most five', () => {
		let settings: WizardSettings = {...emptySettings, recentTargets: Array.from({length: 5}, (_, index) => ({operation: 'download' as const, bucket: 'b', objectKey: `old-${index}`}))};
		settings = rememberRun(settings, {start: 'profile:dev', region: 'eu-west-1', 'other-profile': 'profile:storage'}, ending('live'));
		expect(settings).toMatchObject({lastProfile: 'dev', lastRegion: 'eu-west-1', lastBucketProfile: 'storage'});
		expect(settings.recentTargets).toHaveLength(5);
		expect(settings.recentTargets[0]).toEqual({operation: 'upload', bucket: 'b', objectKey: 'k'});
		// The same target again moves to the top instead of repeating.
		expect(rememberRun(settings, {start: 'profile:dev'}, ending('live')).recentTargets.filter(target => target.objectKey === 'k')).toHaveLength(1);
	});

	it('does not remember examples and files, nor a profile for pasted policies', () => {
		expect(rememberRun(emptySettings, {start: 'example'}, ending('example'))).toBe(emptySettings);
		expect(rememberRun(emptySettings, {start: 'manual'}, ending('manual')).lastProfile).toBeUndefined();
	});

	it('never keeps a pasted policy or error message in a saved check', () => {
		const check = savedCheckOf(
			{start: 'error', 'error-text': 'User: arn:… is not authorized', 'read-how': 'profile:dev', operation: 'upload', bucket: 'b', 'key-policy': policy, 'identity-policy-1': policy},
			new Date('2026-11-05T10:00:00Z'),
		);
		expect(check?.answers).toEqual({start: 'profile:dev', operation: 'upload', bucket: 'b', recent: 'new'});
		expect(savedCheckOf({start: 'manual', 'key-policy': policy}, new Date())).toBeUndefined();
	});

	it('checks names of saved checks', () => {
		expect(checkNameProblem('prod-uploads')).toBeUndefined();
		expect(checkNameProblem('has space')).toBeDefined();
		expect(checkNameProblem('')).toBeDefined();
	});

	it('reads a hand-edited settings file, keeping only what has the right shape', () => {
		const settings = settingsFromStore({
			lastProfile: 'dev',
			lastRegion: 42,
			recentTargets: [{operation: 'upload', bucket: 'b', objectKey: 'k'}, {operation: 'delete', bucket: 'b', objectKey: 'k'}, 'junk'],
			savedChecks: {good: {answers: {start: 'profile:dev', bucket: 3}, savedAt: 'x'}, bad: 'junk'},
		});
		expect(settings).toEqual({
			lastProfile: 'dev',
			recentTargets: [{operation: 'upload', bucket: 'b', objectKey: 'k'}],
			savedChecks: {good: {answers: {start: 'profile:dev'}, savedAt: 'x'}},
		});
		expect(settingsFromStore('nonsense')).toEqual(emptySettings);
	});
});
