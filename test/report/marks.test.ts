import {describe, expect, it} from 'vitest';
import {decisionStyles, placeHeading, placeLabels, placeOrder, statusStyles} from '../../source/report/marks.js';

describe('marks', () => {
	it('gives each status its own mark', () => {
		expect(Object.fromEntries(Object.entries(statusStyles).map(([status, style]) => [status, style.mark]))).toEqual({
			ok: '✔',
			missing: '✘',
			denied: '⛔',
			unknown: '?',
			ineffective: '⊘',
			'not-needed': '–',
		});
		expect(statusStyles.ineffective.label).toBe('does not count');
		expect(statusStyles.ok.color).toBe('green');
		expect(statusStyles.missing.color).toBe('red');
		expect(statusStyles.unknown.color).toBe('yellow');
		expect(statusStyles['not-needed'].dim).toBe(true);
		expect(decisionStyles.denied.mark).toBe('✘');
	});

	it('orders every place once: key policy, grants, IAM, bucket policy, then the guardrails', () => {
		expect([...placeOrder].sort()).toEqual(Object.keys(placeLabels).sort());
		expect(placeOrder.map(place => placeLabels[place])).toEqual([
			'key policy',
			'KMS grants',
			'IAM identity policies',
			'bucket policy',
			'permissions boundary',
			'session policy',
			'service control policies',
			'resource control policies',
		]);
		expect(placeHeading('key-policy')).toBe('Key policy');
		expect(placeHeading('identity-policy')).toBe('IAM identity policies');
	});
});
