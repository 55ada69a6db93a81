import {describe, expect, it, vi} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../../source/aws/collect.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {expectValidSnapshot, useFakeAws} from '../support/fake-aws/harness.js';
import {sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';

/**
 * Every read is bounded: an answer's body, whatever an endpoint sends, is read up to a limit and no further.
 * An answer over it is that one read failing (its fact unknown, with a note naming the read and the limit),
 * never the process growing by what the endpoint sends.
 */

const state = useFakeAws({scenario: sameAccountScenario, files: sameAccountFiles});

const download = {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'} as const;

const collect = async (extra: Partial<CollectOptions> = {}): Promise<Snapshot> => {
	const result = await collectSnapshot({question: download, profile: 'ci', keyProfile: 'org', env: state.home.env, ...extra});
	if (!result.ok) throw new Error(`collection failed: ${result.error.kind}: ${result.error.message}`);
	expectValidSnapshot(result.value);
	return result.value;
};

const floodBytes = 256 * 1024 * 1024;
/** What the client may have let in before it hung up: the limit, plus what the sockets' buffers hold on the way. */
const mostTaken = 32 * 1024 * 1024;

/** The body bytes each call of `operation` took, once the fake has seen the client hang up. */
const bytesTaken = async (operation: string): Promise<number[]> => {
	const calls = state.fake.calls.filter(call => call.operation === operation);
	await vi.waitFor(() => expect(calls.every(call => call.bodyBytesSent !== undefined)).toBe(true));
	return calls.map(call => call.bodyBytesSent!);
};

describe('the size of an AWS answer', () => {
	it('stops reading an S3 answer past 4 MiB: that read is unknown, with a note naming it and the limit, and the rest is collected', async () => {
		state.fake.addFault({service: 's3', operation: 'GetBucketPolicy', kind: 'flood', bytes: floodBytes});
		const snapshot = await collect();
		expect(snapshot.unread).toContainEqual({
			path: 'bucket.policy',
			reason: 's3:GetBucketPolicy: its answer was over 4 MiB, the most one answer may hold, so it was not read',
			resolveWith: 's3:GetBucketPolicy on arn:aws:s3:::acme-uploads',
		});
		expect(snapshot.bucket).not.toHaveProperty('policy');
		expect(snapshot.key?.policy).toBeDefined();
		// Not retried: a second attempt would only read as much again.
		const taken = await bytesTaken('GetBucketPolicy');
		expect(taken).toHaveLength(1);
		expect(taken[0]).toBeLessThan(mostTaken);
	});

	it('does the same for a JSON answer (KMS) and a query answer (IAM)', async () => {
		state.fake.addFault({service: 'kms', operation: 'GetKeyPolicy', kind: 'flood', bytes: floodBytes});
		state.fake.addFault({service: 'iam', operation: 'GetRole', kind: 'flood', bytes: floodBytes});
		const snapshot = await collect();
		const reasons = Object.fromEntries((snapshot.unread ?? []).map(note => [note.path, note.reason]));
		expect(reasons['key.policy']).toBe('kms:GetKeyPolicy: its answer was over 4 MiB, the most one answer may hold, so it was not read');
		expect(reasons['principal.permissionsBoundary']).toBe("iam:GetRole: its answer was over 4 MiB, the most one answer may hold, so it was not read (the role's tags are unknown too)");
		for (const taken of [...(await bytesTaken('GetKeyPolicy')), ...(await bytesTaken('GetRole'))]) expect(taken).toBeLessThan(mostTaken);
	});
});
