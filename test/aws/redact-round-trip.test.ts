import {describe, expect, it} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {redactSnapshot} from '../../source/snapshot/redact.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {accounts, crossAccountFiles, crossAccountScenario, sharedKey} from '../support/fake-aws/scenarios.js';

const state = useFakeAws({scenario: crossAccountScenario, files: crossAccountFiles});

/** What a user reads in a report, without the names: the verdict and each requirement's place and status. */
const outline = (diagnosis: Diagnosis) => ({
	verdict: diagnosis.verdict,
	requirements: diagnosis.requirements.map(requirement => `${requirement.actionId} ${requirement.place} ${requirement.status}`),
	findings: diagnosis.findings.map(finding => finding.id),
	crossAccount: diagnosis.question.crossAccount,
});

describe('redaction round trip', () => {
	it('collects live, redacts, saves and reads back a snapshot that diagnoses the same and names nothing of the original', async () => {
		const result = await collectSnapshot({
			question: {operation: 'download', bucket: 'shared-data', objectKey: 'in/data.json'},
			profile: 'app',
			bucketProfile: 'storage',
			keyProfile: 'security',
			env: state.home.env,
		});
		if (!result.ok) throw new Error(result.error.message);
		const redacted = redactSnapshot(result.value);
		const saved = JSON.stringify(redacted, null, 2);
		for (const original of [...Object.values(accounts), 'shared-data', 'data.json', 'uploader', 'ci-run', 'storage-admin', sharedKey.id, 'AROAFAKEUPLOADER0001']) {
			expect(saved, original).not.toContain(original);
		}
		const readBack = parseSnapshot(saved, 'redacted.json');
		if (!readBack.ok) throw new Error(readBack.error.message);
		expect(readBack.value).toEqual(redacted);
		expect(readBack.value.metadata).toMatchObject({collectedBy: 'live', redacted: true});
		expect(outline(diagnose(readBack.value))).toEqual(outline(diagnose(result.value)));
		// Still three different accounts, the key policy still trusts the caller's account.
		const callerAccount = redacted.principal!.arn.split(':')[4]!;
		expect(new Set([callerAccount, redacted.bucket?.accountId, redacted.key?.arn.split(':')[4]]).size).toBe(3);
		expect(JSON.stringify(redacted.key?.policy)).toContain(`arn:aws:iam::${callerAccount}:root`);
	});
});
