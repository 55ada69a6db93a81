import {afterAll, afterEach, beforeAll, vi} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../../../source/aws/collect.js';
import {parseSnapshot} from '../../../source/snapshot/parse-snapshot.js';
import type {Snapshot} from '../../../source/snapshot/snapshot.js';
import {createAwsHome, type AwsHome} from './home.js';
import {isolateProcessEnv} from './isolate.js';
import type {FakeScenario} from './scenario.js';
import {startFakeAws, type FakeAws} from './server.js';

export type FakeAwsSetup = {
	readonly scenario: () => FakeScenario;
	readonly files: (endpoint: string) => {readonly config?: string; readonly credentials?: string};
	/** Extra variables; by default AWS_ENDPOINT_URL points at the fake. */
	readonly env?: (endpoint: string) => NodeJS.ProcessEnv;
	/** S3 refuses a request signed for another Region than the bucket's (World.checksS3Region). */
	readonly checksS3Region?: boolean;
};

export type FakeAwsState = {fake: FakeAws; home: AwsHome};

/** One fake endpoint and one temporary home per test file; faults, latency and the call log reset after each test. */
export const useFakeAws = (setup: FakeAwsSetup): FakeAwsState => {
	const state = {} as FakeAwsState;
	beforeAll(async () => {
		state.fake = await startFakeAws(setup.scenario(), {checksS3Region: setup.checksS3Region ?? false});
		state.home = await createAwsHome({...setup.files(state.fake.url), env: setup.env ? setup.env(state.fake.url) : {AWS_ENDPOINT_URL: state.fake.url}});
		isolateProcessEnv(state.home);
	});
	afterEach(() => {
		state.fake.clearFaults();
		state.fake.setLatency(0);
		state.fake.resetCalls();
	});
	afterAll(async () => {
		await state.fake.close();
		await state.home.remove();
		vi.unstubAllEnvs();
	});
	return state;
};

/** The snapshot must be a valid `s3-kms-doctor/snapshot@1`, as `check --snapshot` would read it back from a file. */
export const expectValidSnapshot = (snapshot: Snapshot): void => {
	const parsed = parseSnapshot(JSON.stringify(snapshot), 'collected snapshot');
	if (!parsed.ok) throw new Error(parsed.error.message);
};

export const notePaths = (snapshot: Snapshot): string[] => (snapshot.unread ?? []).map(note => note.path);

/** A live collection in the fake's home (`env` added to it) that must succeed with a valid snapshot. */
export const collectedIn = async (state: FakeAwsState, options: Omit<CollectOptions, 'env'>, env: NodeJS.ProcessEnv = {}): Promise<Snapshot> => {
	const result = await collectSnapshot({...options, env: {...state.home.env, ...env}});
	if (!result.ok) throw new Error(`collection failed: ${result.error.kind}: ${result.error.message}`);
	expectValidSnapshot(result.value);
	return result.value;
};
