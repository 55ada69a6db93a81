import {readFileSync, readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {completeSnapshot} from '../snapshot/snapshot-samples.js';
import {applyAllFixes, decisions, exemptsServiceRequests, expectFixesHold, expectLeastPrivilege, findingIds, requirementOf, statusTable, correctsDenyScope} from './support/fix-checks.js';

/** The snapshots shipped in examples/: the wizard's built-in scenarios. */

const examplesDir = new URL('../../examples/', import.meta.url);
const load = (name: string): Snapshot => JSON.parse(readFileSync(new URL(name, examplesDir), 'utf8')) as Snapshot;

describe('examples/large-upload-multipart-missing-decrypt.json', () => {
	const snapshot = load('large-upload-multipart-missing-decrypt.json');
	const diagnosis = diagnose(snapshot);

	it('is denied only for kms:Decrypt: the 100 MiB CLI upload is multipart', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.question.multipart).toBe('yes');
		expect(decisions(diagnosis)).toEqual({
			's3:PutObject@destination': 'allowed',
			'kms:GenerateDataKey@destination': 'allowed',
			'kms:Decrypt@destination': 'denied',
		});
	});

	it('puts the missing kms:Decrypt in the key policy, which does not delegate to IAM', () => {
		const keyPolicy = requirementOf(diagnosis, 'kms:Decrypt@destination', 'key-policy');
		expect(keyPolicy.status).toBe('missing');
		expect(keyPolicy.why).toMatch(/does not let account 111122223333 use IAM policies/);
		// The near miss a user recognises: the statement that grants only GenerateDataKey.
		expect(keyPolicy.why).toContain('Allow use of the key');
		expect(requirementOf(diagnosis, 'kms:GenerateDataKey@destination', 'key-policy')).toMatchObject({status: 'ok', decidedBy: 'key policy, Sid "Allow use of the key"'});
	});

	it('names the multipart pattern', () => {
		expect(findingIds(diagnosis)).toContain('multipart-requires-decrypt');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'multipart-requires-decrypt')!;
		expect(finding.message).toContain('100 MiB');
		expect(finding.message).toContain('8 MiB');
	});

	it('offers one proven key-policy fix adding kms:Decrypt for john', () => {
		expect(diagnosis.fixes).toHaveLength(1);
		const [fix] = diagnosis.fixes;
		expect(fix).toMatchObject({place: 'key-policy', kind: 'add-allow', proven: true, target: snapshot.key!.arn});
		expect(fix!.statement).toMatchObject({Principal: {AWS: 'arn:aws:iam::111122223333:user/john'}, Action: ['kms:Decrypt']});
		// Avoiding multipart is a workaround to mention, never the fix.
		expect(fix!.summary).toContain('A single PUT of at most 5 GB needs no kms:Decrypt: a workaround for small enough files, not the fix.');
		expectFixesHold(snapshot, diagnosis);
		expect(diagnose(applyAllFixes(snapshot, diagnosis)).verdict).toBe('allowed');
	});
});

describe('examples/cross-account-download.json', () => {
	const snapshot = load('cross-account-download.json');
	const diagnosis = diagnose(snapshot);

	it('is denied: key policy, IAM policy and bucket policy each miss a grant', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.question.crossAccount).toEqual({bucket: true, key: true});
		expect(statusTable(diagnosis)).toEqual({
			's3:GetObject@destination#identity-policy': 'ok',
			's3:GetObject@destination#bucket-policy': 'missing',
			'kms:Decrypt@destination#identity-policy': 'missing',
			'kms:Decrypt@destination#key-policy': 'missing',
		});
		expect(requirementOf(diagnosis, 'kms:Decrypt@destination', 'identity-policy').why).toMatch(/across accounts/i);
		expect(requirementOf(diagnosis, 'kms:Decrypt@destination', 'key-policy').why).toMatch(/Across accounts both/);
	});

	it('uses the object\'s key for kms:Decrypt although the request names none', () => {
		const decrypt = diagnosis.actions.find(action => action.id === 'kms:Decrypt@destination')!;
		expect(decrypt.resource).toBe(snapshot.object!.encryption!.kmsKeyId);
		// Bucket Keys are on for this object: the encryption context is the bucket ARN.
		expect(decrypt.context['kms:EncryptionContext:aws:s3:arn']).toBe('arn:aws:s3:::doc-example-bucket');
	});

	it('offers three proven fixes, one per place, and together they allow the download', () => {
		expect(diagnosis.fixes.map(fix => [fix.place, fix.resolves])).toEqual(
			expect.arrayContaining([
				['identity-policy', ['kms:Decrypt@destination#identity-policy']],
				['key-policy', ['kms:Decrypt@destination#key-policy']],
				['bucket-policy', ['s3:GetObject@destination#bucket-policy']],
			]),
		);
		expect(diagnosis.fixes).toHaveLength(3);
		expectFixesHold(snapshot, diagnosis);
		expect(diagnose(applyAllFixes(snapshot, diagnosis)).verdict).toBe('allowed');
	});
});

describe('examples/disabled-key.json', () => {
	const snapshot = load('disabled-key.json');
	const diagnosis = diagnose(snapshot);

	it('is denied by the key-disabled finding although every grant is ok', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(Object.values(decisions(diagnosis))).toEqual(expect.arrayContaining(['allowed']));
		expect(Object.values(decisions(diagnosis)).every(decision => decision === 'allowed')).toBe(true);
		expect(diagnosis.requirements.every(requirement => requirement.status === 'ok' || requirement.status === 'not-needed')).toBe(true);
		expect(diagnosis.findings).toEqual([expect.objectContaining({id: 'key-disabled', severity: 'error'})]);
		expect(diagnosis.findings[0]!.remedy).toBe(`aws kms enable-key --key-id '${snapshot.key!.arn}' --region '${snapshot.key!.arn.split(':')[3]}'`);
		expect(diagnosis.fixes).toEqual([]);
		expect(diagnosis.summary).toMatch(/disabled/);
	});
});

describe('examples/all-allowed.json', () => {
	it('is allowed, with nothing to fix', () => {
		const diagnosis = diagnose(load('all-allowed.json'));
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.actions.every(action => action.decision === 'allowed')).toBe(true);
		expect(diagnosis.findings.filter(finding => finding.severity !== 'info')).toEqual([]);
		expect(diagnosis.fixes).toEqual([]);
		expect(diagnosis.unknowns).toEqual([]);
	});
});

describe('every shipped example', () => {
	const names = readdirSync(examplesDir).filter(name => name.endsWith('.json'));

	it('ships at least the four scenarios of the issue', () => {
		expect(names).toEqual(expect.arrayContaining(['all-allowed.json', 'cross-account-download.json', 'disabled-key.json', 'large-upload-multipart-missing-decrypt.json']));
	});

	it.each(names)('%s: every fix holds when re-checked independently', name => {
		const snapshot = load(name);
		const diagnosis = diagnose(snapshot);
		for (const requirement of diagnosis.requirements.filter(row => row.status === 'missing')) {
			expect(diagnosis.fixes.some(fix => fix.resolves.includes(`${requirement.actionId}#${requirement.place}`)), `${requirement.actionId}#${requirement.place} has a fix`).toBe(true);
		}
		expectFixesHold(snapshot, diagnosis);
	});
});

describe('every fix of every example and test snapshot', () => {
	const kinds = ['change-request', 'correct-condition', 'correct-action', 'add-allow', 'narrow-deny'];
	const roles = ['requester', 'caller-account', 'key-owner', 'bucket-owner', 'organization-management'];
	const fixturesDir = new URL('../fixtures/snapshots/', import.meta.url);
	const snapshots: [string, Snapshot][] = [
		...readdirSync(examplesDir).filter(name => name.endsWith('.json')).map((name): [string, Snapshot] => [`examples/${name}`, load(name)]),
		...readdirSync(fixturesDir).filter(name => name.endsWith('.json')).map((name): [string, Snapshot] => [`test/fixtures/snapshots/${name}`, JSON.parse(readFileSync(new URL(name, fixturesDir), 'utf8')) as Snapshot]),
		['test/snapshot/snapshot-samples.ts completeSnapshot', completeSnapshot],
	];

	it.each(snapshots)('%s: has a kind and who applies it; an added Allow is exact, names no * principal and no wider resource', (_name, snapshot) => {
		const diagnosis = diagnose(snapshot);
		for (const fix of diagnosis.fixes) {
			expect(kinds).toContain(fix.kind);
			expect(roles).toContain(fix.appliesIn.role);
			expect(fix.appliesIn.account === null || /^\d{12}$/.test(fix.appliesIn.account)).toBe(true);
			// Only a fix that gives protection up says what: a narrowed Deny, a Deny that now exempts AWS services' requests, or one kept to a prefix (or a Region) that now accepts what AWS sends.
			expect(fix.weakens === null).toBe(fix.kind !== 'narrow-deny' && !exemptsServiceRequests(fix) && !correctsDenyScope(fix));
			const requested = diagnosis.requirements.filter(row => fix.resolves.includes(`${row.actionId}#${row.place}`)).map(row => row.resource);
			expectLeastPrivilege(fix, requested);
		}
	});
});
