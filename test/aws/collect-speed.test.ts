import {describe, expect, it} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../../source/aws/collect.js';
import {notePaths, useFakeAws} from '../support/fake-aws/harness.js';
import {sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {countRoundTrips} from '../support/fake-aws/waves.js';

const state = useFakeAws({scenario: sameAccountScenario, files: sameAccountFiles});

// Long enough that a call of one round, started late on a busy machine, still starts before that round's answers come.
const latencyMs = 250;

describe('parallel reads', () => {
	it('spends the critical path (identity → policy lists → versions), not the sum of the calls', async () => {
		// An IAM user in a group: its longest chain is GetCallerIdentity → ListGroupsForUser → ListAttachedGroupPolicies → GetPolicy → GetPolicyVersion.
		const options: CollectOptions = {
			question: {operation: 'upload', bucket: 'acme-uploads', objectKey: 'reports/new.csv', kmsKeyId: 'alias/uploads', sizeBytes: 50_000_000},
			profile: 'dev',
			env: state.home.env,
		};
		await collectSnapshot(options); // load the SDK once, as a running CLI already has
		state.fake.resetCalls();
		state.fake.setLatency(latencyMs);
		const result = await collectSnapshot(options);
		// The request names an alias: that one alias is known, the key's full list (for kms:ResourceAliases) is not.
		expect(result.ok && notePaths(result.value)).toEqual(['key.aliases', 'organization']);
		const calls = state.fake.calls.length;
		expect(calls).toBeGreaterThanOrEqual(20);
		// The behaviour is the number of round trips, not a time: a busy machine stretches the wall clock (npm run bench times it).
		expect(countRoundTrips(state.fake.calls)).toBeLessThanOrEqual(5);
	});
});
