import {describe, expect, it} from 'vitest';
import {checkReach} from '../../source/aws/collect.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {keys, sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';

// What the wizard asks right after a profile is chosen: can any read work with it?
const state = useFakeAws({scenario: sameAccountScenario, files: sameAccountFiles});

describe('checkReach', () => {
	it('passes a profile AWS answers, with one call: sts:GetCallerIdentity', async () => {
		expect(await checkReach({profile: 'dev', env: state.home.env})).toEqual({ok: true, value: undefined});
		expect(state.fake.calls.map(call => call.operation)).toEqual(['GetCallerIdentity']);
	});

	it('says in one line that AWS cannot be reached when the connection is refused', async () => {
		const result = await checkReach({profile: 'dev', env: {...state.home.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9'}, callTimeoutMs: 2000});
		expect(result.ok ? undefined : result.error.message).toBe(
			'profile dev: AWS cannot be reached (connection refused, ECONNREFUSED) — check the network connection and any proxy (HTTPS_PROXY), then try again',
		);
	});

	it('names expired credentials', async () => {
		state.fake.addFault({service: 'sts', operation: 'GetCallerIdentity', accessKeyId: keys.alice.accessKeyId, kind: 'error', error: {status: 403, code: 'ExpiredToken', message: 'The security token included in the request is expired'}});
		const result = await checkReach({profile: 'dev', env: state.home.env});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'unreachable',
			message: 'profile dev: AWS cannot be reached (the credentials have expired, ExpiredToken) — refresh the credentials of profile dev, or use another profile',
		});
	});

	it('leaves a failure that is not about reaching AWS to the reads', async () => {
		state.fake.addFault({service: 'sts', operation: 'GetCallerIdentity', kind: 'server-error'});
		expect((await checkReach({profile: 'dev', env: state.home.env})).ok).toBe(true);
	});

	it('an unknown profile is the same one line as for collection', async () => {
		const result = await checkReach({profile: 'nope', env: state.home.env});
		expect(result.ok ? undefined : result.error.kind).toBe('unknown-profile');
	});
});
