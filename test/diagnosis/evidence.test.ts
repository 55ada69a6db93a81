import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {DenialEvidence, Snapshot} from '../../source/snapshot/snapshot.js';
import {MiB, buildSnapshot, keyArn, without} from './support/build-snapshot.js';

/**
 * A pasted AccessDenied message saying an SCP or RCP explicitly denied an action: the verdict is denied because of it,
 * so the rows of that layer say so too (⛔, from the message, the policy not read), in every format, never "may allow or deny".
 */

const policyArn = 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1';
const scpDenied: DenialEvidence = {deniedBy: 'scp', action: 's3:PutObject', policyArn};

/** Everything else allows; the organization's policies were not read. */
const unreadOrganization = (evidence: readonly DenialEvidence[], overrides: Parameters<typeof buildSnapshot>[0] = {}): Snapshot => ({
	...without(buildSnapshot(overrides), 'organization'),
	evidence,
});

const rowOf = (diagnosis: Diagnosis, place: string, action: string) => diagnosis.requirements.find(row => row.place === place && row.action === action);

describe('an SCP the pasted message names as the explicit Deny, the SCPs not read', () => {
	const diagnosis = diagnose(unreadOrganization([scpDenied]));

	it('denies that row, naming the message as its source and saying the SCP text was not read', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')).toMatchObject({
			status: 'denied',
			decidedBy: 'the pasted AccessDenied message (a service control policy, its text not read)',
			why: `The pasted AccessDenied message says a service control policy (${policyArn}) explicitly denied s3:PutObject. The service control policies themselves were not read, so which statement denies, and on what condition, is not known.`,
		});
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')).not.toHaveProperty('resolveWith');
		expect(diagnosis.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
	});

	it('leaves what the message does not speak of unknown: the other actions, and the RCPs', () => {
		expect(rowOf(diagnosis, 'scp', 'kms:GenerateDataKey')).toMatchObject({status: 'unknown', why: expect.stringContaining('may allow or deny kms:GenerateDataKey')});
		expect(rowOf(diagnosis, 'rcp', 's3:PutObject')?.status).toBe('unknown');
		expect(diagnosis.actions.find(action => action.action === 'kms:GenerateDataKey')?.decision).toBe('unknown');
		// No unknown says of the denied row that it "may allow or deny".
		expect(diagnosis.unknowns.map(note => note.reason).join('\n')).not.toMatch(/service control policies.*may allow or deny s3:PutObject/);
	});

	it('says it once: the finding, its headline clause, and no second "no policy change" finding', () => {
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(['denied-by-scp-per-error']);
		expect(diagnosis.summary.match(/s3:PutObject/g)).toHaveLength(1);
		expect(diagnosis.fixes).toEqual([]);
	});

	it('shows ⛔ denied with the message as its source in text, markdown and JSON alike', () => {
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/Service control policies\n {4}⛔ +s3:PutObject +denied\n/);
		expect(text).toContain('decided by: the pasted AccessDenied message (a service control policy, its text not read)');
		expect(text).toMatch(/What the request needs\n {2}⛔ +s3:PutObject +denied/);
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toMatch(/\| ⛔ \| `s3:PutObject` \| `arn:aws:s3:::[^`]+` \| denied \| the pasted AccessDenied message \(a service control policy, its text not read\) \| The pasted AccessDenied message says/);
		const json = JSON.parse(renderJson(diagnosis)) as {requirements: {place: string; action: string; status: string; decidedBy: string | null}[]; actions: {action: string; decision: string}[]};
		expect(json.requirements.find(row => row.place === 'scp' && row.action === 's3:PutObject')).toMatchObject({status: 'denied', decidedBy: expect.stringContaining('pasted AccessDenied message')});
		expect(json.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
	});
});

describe('an RCP the pasted message names', () => {
	it('denies that row the same way', () => {
		const diagnosis = diagnose(unreadOrganization([{deniedBy: 'rcp', action: 's3:PutObject'}]));
		expect(diagnosis.verdict).toBe('denied');
		expect(rowOf(diagnosis, 'rcp', 's3:PutObject')).toMatchObject({status: 'denied', decidedBy: 'the pasted AccessDenied message (a resource control policy, its text not read)'});
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')?.status).toBe('unknown');
		expect(diagnosis.findings.map(finding => finding.id)).toContain('denied-by-rcp-per-error');
	});
});

describe('where the message cannot say which row', () => {
	it("a copy in parts needs kms:Decrypt on the source key and the destination key: both stay unknown, and name the message", () => {
		const copy = unreadOrganization([{deniedBy: 'scp', action: 'kms:Decrypt'}], {
			question: {operation: 'copy', sizeBytes: 100 * MiB, source: {bucket: 'source-bucket', objectKey: 'in/a.csv', kmsKeyId: keyArn}},
		});
		const diagnosis = diagnose(copy);
		const rows = diagnosis.requirements.filter(row => row.place === 'scp' && row.action === 'kms:Decrypt');
		expect(rows).toHaveLength(2);
		for (const row of rows) {
			expect(row.status).toBe('unknown');
			expect(row.why).toContain('The pasted AccessDenied message says a service control policy explicitly denied kms:Decrypt on one of the 2 resources');
		}
		expect(diagnosis.verdict).toBe('denied');
	});
});

describe('the SCPs read', () => {
	it('a read Deny keeps its own row and finding; the message adds none', () => {
		const snapshot: Snapshot = {
			...buildSnapshot({organization: {serviceControlPolicies: [[{name: 'NoUploads', document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}, {Effect: 'Deny', Action: 's3:PutObject', Resource: '*'}]}}]]}}),
			evidence: [scpDenied],
		};
		const diagnosis = diagnose(snapshot);
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')).toMatchObject({status: 'denied', decidedBy: expect.stringContaining('NoUploads')});
		expect(diagnosis.findings.map(finding => finding.id)).toContain('blocked-by-scp');
		expect(diagnosis.findings.map(finding => finding.id)).not.toContain('denied-by-scp-per-error');
	});
});
