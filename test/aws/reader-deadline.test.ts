import {describe, expect, it} from 'vitest';
import {createReader} from '../../source/aws/reader.js';

describe('the collection deadline in a note', () => {
	it('names the deadline the user set, not what was left of it when reading began', async () => {
		// Opening profiles used most of a 3 s deadline: the reader has 20 ms left, and a call that never answers runs into it.
		const reader = createReader({cancel: new AbortController().signal, deadlineMs: 20, statedDeadlineMs: 3000, callTimeoutMs: 60_000, attempts: 1});
		const outcome = await reader.call('roles', 'iam:ListRolePolicies', () => new Promise<never>(() => undefined));
		reader.close();
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.failure.kind).toBe('deadline');
		expect(reader.explain(outcome.failure)).toBe('not read before the 3 s deadline');
	});
});
