import {describe, expect, it, vi} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';

// `localhost`, not 127.0.0.1: without path-style addressing the SDK would send S3 calls to acme-uploads.localhost.
const state = useFakeAws({scenario: sameAccountScenario, files: sameAccountFiles, env: endpoint => ({AWS_ENDPOINT_URL: endpoint.replace('127.0.0.1', 'localhost')})});

describe('the SDK stays quiet and addresses S3 path-style on a custom endpoint', () => {
	// First in this file, so it is the first SDK client of the process: the Node-version warning would come now.
	it('writes nothing to the terminal, even with the warning switch set to "1" (the SDK only honours "true")', async () => {
		vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', '1');
		const warning = vi.spyOn(process, 'emitWarning');
		const stderr = vi.spyOn(process.stderr, 'write');
		const stdout = vi.spyOn(process.stdout, 'write');
		const consoleCalls = (['log', 'warn', 'error', 'info', 'debug'] as const).map(method => vi.spyOn(console, method));
		state.fake.addFault({service: 'kms', operation: 'GetKeyPolicy', kind: 'throttle', times: 1});
		state.fake.addFault({service: 'iam', operation: 'GetRole', kind: 'denied'});
		const result = await collectSnapshot({question: {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'}, profile: 'ci', env: state.home.env});
		const written = [warning, stderr, stdout, ...consoleCalls].flatMap(spy => spy.mock.calls.map(call => String(call[0])));
		for (const spy of [warning, stderr, stdout, ...consoleCalls]) spy.mockRestore();
		expect(result.ok).toBe(true);
		expect(written).toEqual([]);
	});

	it('reaches the bucket by path, not by a bucket.localhost host name', async () => {
		const result = await collectSnapshot({question: {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'}, profile: 'dev', env: state.home.env});
		expect(result.ok && result.value.bucket?.policy).toBeTruthy();
		const s3Paths = state.fake.calls.filter(call => call.service === 's3').map(call => call.url);
		expect(s3Paths.length).toBeGreaterThan(3);
		for (const path of s3Paths) expect(path).toMatch(/^\/acme-uploads(\/|\?|$)/);
	});
});
