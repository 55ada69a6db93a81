import {describe, expect, it} from 'vitest';
import {snapshotFormat} from '../../../source/snapshot/snapshot.js';
import {checkPolicy} from '../../../source/commands/wizard-services.js';
import {err, ok} from '../../../source/shared/result.js';
import type {Ending, FlowEnv, Step} from '../../../source/ui/conversation/flow-types.js';
import {policyPasteQuestion} from '../../../source/ui/conversation/manual-questions.js';
import type {Question} from '../../../source/ui/conversation/question.js';
import {errorQuestion, readHowQuestion, startQuestion} from '../../../source/ui/conversation/start-questions.js';
import {bucketQuestion, operationQuestion} from '../../../source/ui/conversation/target-questions.js';
import {walk, type Answers} from '../../../source/ui/conversation/walk.js';
import {checkNameProblem, emptySettings, rememberRun, savedCheckOf} from '../../../source/ui/session/remember.js';
import {settingsFromStore} from '../../../source/ui/session/settings-shape.js';
import type {WizardSettings} from '../../../source/ui/services.js';
import {loadExample} from '../helpers/fake-services.js';

const policy = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'kms:*', Resource: '*'}]});
const ending = (mode: Ending['mode']): Ending => ({mode, snapshot: {format: snapshotFormat, question: {operation: 'upload', bucket: 'b', objectKey: 'k'}}});

/** The questions as the flows ask them, each answered as it shows in the transcript. */
const env: FlowEnv = {profiles: [{name: 'dev'}], settings: emptySettings, files: {}, collections: {}, reaches: {dev: ok(undefined)}, parseError: () => err('not an error'), checkPolicy, now: () => new Date()};
const answered = (question: Question, answer: string): Step => ({kind: 'answer', question, answer, notes: []});
const start = (answer: string): Step => answered(startQuestion(env), answer);
const errorText = (answer: string): Step => answered(errorQuestion(env), answer);
const readHow = (answer: string): Step => answered(readHowQuestion(env), answer);
const operation = (answer: string): Step => answered(operationQuestion, answer);
const bucket = (answer: string): Step => answered(bucketQuestion('bucket', 'Bucket', 'Which bucket?'), answer);
const pasted = (id: 'key-policy' | 'identity-policy-1', answer: string): Step => answered(policyPasteQuestion(env, id, 'Policy', 'Paste it.'), answer);

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
			[start('error'), errorText('User: arn:… is not authorized'), readHow('profile:dev'), operation('upload'), bucket('b'), pasted('key-policy', policy), pasted('identity-policy-1', policy)],
			new Date('2026-11-05T10:00:00Z'),
		);
		expect(check?.answers).toEqual({start: 'profile:dev', operation: 'upload', bucket: 'b', recent: 'new'});
		expect(savedCheckOf([start('manual'), pasted('key-policy', policy)], new Date())).toBeUndefined();
	});

	it('keeps every answer of a live run, so the saved check replays it to the same result without asking', () => {
		const settings: WizardSettings = {...emptySettings, recentTargets: [{operation: 'upload', bucket: 'b', objectKey: 'k'}]};
		const live: FlowEnv = {...env, profiles: [{name: 'dev'}, {name: 'storage', region: 'eu-west-1'}], settings};
		const answers: Answers = {
			start: 'profile:dev',
			recent: 'new',
			operation: 'copy',
			bucket: 's3://reports-bucket/exports/big.csv',
			'source-bucket': 'staging-bucket',
			'source-key': 'big.csv',
			'names-key': 'yes',
			'kms-key': 'alias/reports',
			size: '200 MB',
			tool: 'aws-cli',
			region: 'eu-west-1',
			'other-profile': 'profile:storage',
			'bucket-account': 'other',
			'bucket-account-id': '444455556666',
			reviewed: 'go',
		};
		const waiting = walk(answers, live).next;
		if (waiting.kind !== 'wait' || waiting.wait.kind !== 'collect') throw new Error(`expected the reads, not ${waiting.kind}`);
		const {accountId: _accountId, ...bucket} = loadExample('cross-account-download').bucket!;
		const read = {...loadExample('cross-account-download'), bucket};
		const collected: FlowEnv = {...live, collections: {[waiting.wait.key]: {reads: [], outcome: ok(read)}}};
		const run = walk(answers, collected);
		if (run.next.kind !== 'done') throw new Error(`the run did not end: ${run.next.kind}`);
		const check = savedCheckOf(run.steps, new Date('2026-11-05T10:00:00Z'));
		expect(check?.answers).toEqual(answers);
		expect(walk(check!.answers, collected).next).toEqual(run.next);
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
