import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {decisionStyles, placeHeading, placeLabels, placeOrder, statusStyles} from '../../source/report/marks.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import {allow, buildSnapshot, customerKey, deny, enableIam, keyArn, named, policy, userArn} from '../diagnosis/support/build-snapshot.js';

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

describe('"What the request needs": each action in the legend\'s words', () => {
	const diagnosisOf = (identity: ReturnType<typeof policy>) =>
		diagnose(buildSnapshot({principal: {identityPolicies: [named('Objects', identity)]}, key: customerKey(keyArn, policy(enableIam(), allow('kms:*', '*', {Principal: {AWS: userArn}})))}));
	const needs = (text: string): string => text.slice(text.indexOf('What the request needs'), text.indexOf('Findings'));

	it('an action an explicit Deny refuses is ⛔ denied, as its row is; one nothing allows is ✘ not allowed, as its rows are ✘ missing', () => {
		const denied = diagnosisOf(policy(deny('s3:PutObject', '*'), allow('s3:PutObject', '*')));
		expect(needs(renderText(denied, {color: false, width: 120}))).toMatch(/⛔ +s3:PutObject +denied/);
		expect(needs(renderMarkdown(denied))).toMatch(/\| ⛔ \| `s3:PutObject` \| .* \| denied \|/);
		const missing = diagnosisOf(policy(allow('s3:GetObject', '*')));
		expect(needs(renderText(missing, {color: false, width: 120}))).toMatch(/✘ {2}s3:PutObject +not allowed/);
		expect(needs(renderText(missing, {color: false, width: 120}))).not.toMatch(/✘ {2}s3:PutObject +denied/);
	});
});
