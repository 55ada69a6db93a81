import {describe, expect, it} from 'vitest';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {runBuiltCli} from './run-built-cli.js';

/**
 * Issue: "Live upload where the caller may not call s3:GetEncryptionConfiguration and the request names no key: the
 * diagnosis … drops every KMS requirement, and the verdict is allowed (exit 0)." Never guess "allowed".
 */
const state = useFakeAws({scenario: sameAccountScenario, files: sameAccountFiles, checksS3Region: true});

const upload = ['check', '--profile', 'ci', '--operation', 'upload', '--bucket', 'acme-uploads', '--key', 'exports/big.csv', '--size', '100MiB', '--format', 'json'];

type Report = {verdict: string; actions: {action: string; decision: string}[]; unknowns: {what: string; resolveWith?: string}[]; assumptions: {id: string; statement: string}[]};

describe('a live upload whose bucket default encryption cannot be read', () => {
	it('keeps both KMS actions unknown, names s3:GetEncryptionConfiguration, and exits 3', async () => {
		state.fake.addFault({service: 's3', operation: 'GetBucketEncryption', kind: 'denied'});
		// Across accounts neither is readable; here the bucket policy (which tests the SSE header) is not either.
		state.fake.addFault({service: 's3', operation: 'GetBucketPolicy', kind: 'denied'});
		const run = await runBuiltCli(upload);
		const report = JSON.parse(run.stdout) as Report;
		expect(report.actions.filter(action => action.action.startsWith('kms:')).map(action => [action.action, action.decision])).toEqual([
			['kms:GenerateDataKey', 'unknown'],
			['kms:Decrypt', 'unknown'],
		]);
		expect(report.verdict).toBe('unknown');
		expect(run.exitCode).toBe(3);
		expect(report.unknowns.some(note => note.resolveWith?.includes('s3:GetEncryptionConfiguration'))).toBe(true);
	});

	it('with --assume, the assumption it used is listed, never reported as read', async () => {
		state.fake.addFault({service: 's3', operation: 'GetBucketEncryption', kind: 'denied'});
		// Across accounts neither is readable; here the bucket policy (which tests the SSE header) is not either.
		state.fake.addFault({service: 's3', operation: 'GetBucketPolicy', kind: 'denied'});
		state.fake.addFault({service: 'organizations', operation: 'ListPoliciesForTarget', kind: 'denied'});
		const run = await runBuiltCli([...upload, '--assume', 'guardrails-allow']);
		const report = JSON.parse(run.stdout) as Report;
		expect(report.assumptions.map(assumption => assumption.id)).toEqual(['guardrails-allow', 'no-session-policy']);
		// The encryption is still unknown: no assumption settles it, so the verdict stays unknown.
		expect(report.verdict).toBe('unknown');
		expect(run.exitCode).toBe(3);
	});
});
