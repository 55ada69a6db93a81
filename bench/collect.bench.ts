import {bench, describe} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../source/aws/collect.js';
import {createAwsHome} from '../test/support/fake-aws/home.js';
import {isolateProcessEnv} from '../test/support/fake-aws/isolate.js';
import {sameAccountFiles, sameAccountScenario} from '../test/support/fake-aws/scenarios.js';
import {startFakeAws} from '../test/support/fake-aws/server.js';
import {countRoundTrips} from '../test/support/fake-aws/waves.js';

/**
 * Live collection against the fake AWS endpoint with 100 ms added to every call, so the time measured is the
 * critical path of dependent calls. Run: npx vitest bench --run bench/collect.bench.ts
 */

const latencyMs = 100;

const flows: readonly {readonly name: string; readonly options: () => CollectOptions}[] = [
	{
		name: 'role session, download (identity → role policy lists → policy versions)',
		options: () => ({question: {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'}, profile: 'ci', env: home.env}),
	},
	{
		name: 'IAM user in a group, upload with an alias (identity → groups → group policies → policy → version)',
		options: () => ({question: {operation: 'upload', bucket: 'acme-uploads', objectKey: 'new.csv', kmsKeyId: 'alias/uploads'}, profile: 'dev', env: home.env}),
	},
];

const measureOnce = async (options: CollectOptions): Promise<string> => {
	fake.resetCalls();
	const started = performance.now();
	const result = await collectSnapshot(options);
	const elapsed = performance.now() - started;
	if (!result.ok) throw new Error(result.error.message);
	return `${Math.round(elapsed)} ms, ${fake.calls.length} calls in ${countRoundTrips(fake.calls)} round trips (sequential would be ≥ ${fake.calls.length * latencyMs} ms)`;
};

// Vitest runs no hooks in bench mode: set up at the top (the worker ends with the run, and the fake with it).
const fake = await startFakeAws(sameAccountScenario());
const home = await createAwsHome({...sameAccountFiles(fake.url), env: {AWS_ENDPOINT_URL: fake.url}});
isolateProcessEnv(home);
// Load the SDK before measuring, as a running CLI already has.
await collectSnapshot(flows[0]!.options());
fake.setLatency(latencyMs);
for (const flow of flows) console.log(`${flow.name}, first measured run: ${await measureOnce(flow.options())}`);

/** Ctrl+C while a call hangs: the time from the abort to the `cancelled` result (the tests assert only that it comes). */
const measureCancel = async (): Promise<number> => {
	fake.resetCalls();
	fake.addFault({kind: 'hang'});
	const controller = new AbortController();
	const collecting = collectSnapshot({...flows[0]!.options(), signal: controller.signal, callTimeoutMs: 60_000, deadlineMs: 60_000});
	while (fake.calls.length === 0) await new Promise(resolve => setTimeout(resolve, 5));
	const aborted = performance.now();
	controller.abort();
	const result = await collecting;
	const elapsed = performance.now() - aborted;
	fake.clearFaults();
	if (result.ok || result.error.kind !== 'cancelled') throw new Error('the collection was not cancelled');
	return elapsed;
};
const cancelTimes: number[] = [];
for (let run = 0; run < 5; run++) cancelTimes.push(await measureCancel());
cancelTimes.sort((a, b) => a - b);
console.log(`Ctrl+C while a call hangs: cancelled ${cancelTimes[2]!.toFixed(1)} ms after the abort (median of 5)`);

describe(`live collection, same account, ${latencyMs} ms per call`, () => {
	for (const flow of flows) {
		bench(
			flow.name,
			async () => {
				const result = await collectSnapshot(flow.options());
				if (!result.ok) throw new Error(result.error.message);
			},
			{iterations: 10, warmupIterations: 1, throws: true, teardown: async (_task, mode) => {
				if (mode === 'run' && flow === flows[flows.length - 1]) {
					await fake.close();
					await home.remove();
				}
			}},
		);
	}
});
