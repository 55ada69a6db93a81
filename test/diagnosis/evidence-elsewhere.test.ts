import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {parseAccessDenied} from '../../source/inputs/error-message/index.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {DenialEvidence} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {evidenceOf} from '../../source/ui/conversation/denial-evidence.js';
import {MiB, allow, buildSnapshot, customerKey, enableIam, fullIdentityPolicy, keyArn, keyArnOf, named, objectArn, policy, sameAccountDownload, without} from './support/build-snapshot.js';

/**
 * A pasted AccessDenied message is AWS's word on the resource it names ("… kms:Decrypt on resource: arn:aws:kms:…:key/…").
 * Where that is clearly none of those this request needs the action on (another key ID, another bucket or object: a
 * stale snapshot, a message from another request), it decides none of this request's rows, and the report says so in
 * one sentence. Where it cannot tell (an alias ARN, a key not known), the message is applied as before.
 */

const otherKeyArn = keyArnOf(undefined, undefined, '9999aaaa-99aa-99aa-99aa-9999aaaa9999');
const explicitScp = 'with an explicit deny in a service control policy';

const message = (action: string, resource: string, because = explicitScp, operation = 'GetObject'): string =>
	`An error occurred (AccessDenied) when calling the ${operation} operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ${action} on resource: ${resource} ${because}`;
const evidenceOfMessage = (text: string): DenialEvidence[] => {
	const parsed = parseAccessDenied(text);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return evidenceOf(parsed.value);
};

/** A download of an object encrypted with `keyArn`, everything read and allowing but the SCPs, which were not read. */
const download = (evidence: readonly DenialEvidence[]): Snapshot => ({...without(sameAccountDownload(), 'organization.serviceControlPolicies'), evidence});

const rowOf = (diagnosis: Diagnosis, place: string, action: string, resource?: string) =>
	diagnosis.requirements.find(row => row.place === place && row.action === action && (resource === undefined || row.resource === resource));
const ids = (diagnosis: Diagnosis): string[] => diagnosis.findings.map(finding => finding.id);

const notApplied = (about: string, needs: string, action = 'kms:Decrypt'): string =>
	`The pasted AccessDenied message is about ${action} on ${about}, while this question is about ${action} on ${needs}, so it was not applied: paste the AccessDenied message of this request, or ask about ${about}.`;

describe('a download, a pasted message that says an SCP denied kms:Decrypt on another key than the object\'s', () => {
	const evidence = evidenceOfMessage(message('kms:Decrypt', otherKeyArn));
	const diagnosis = diagnose(download(evidence));
	const without = diagnose(download([]));

	it('decides no row: the SCP row is as without the message (? may allow or deny), no finding says an SCP denied', () => {
		expect(evidence).toEqual([{deniedBy: 'scp', action: 'kms:Decrypt', resource: otherKeyArn}]);
		expect(rowOf(diagnosis, 'scp', 'kms:Decrypt')).toEqual(rowOf(without, 'scp', 'kms:Decrypt'));
		expect(rowOf(diagnosis, 'scp', 'kms:Decrypt')).toMatchObject({status: 'unknown', why: expect.stringContaining('may allow or deny kms:Decrypt')});
		expect(rowOf(diagnosis, 'scp', 'kms:Decrypt')?.decidedBy).toBeUndefined();
		expect(diagnosis.requirements).toEqual(without.requirements);
		expect(diagnosis.actions.find(action => action.action === 'kms:Decrypt')?.decision).toBe('unknown');
		expect(ids(diagnosis)).not.toContain('denied-by-scp-per-error');
		expect(diagnosis.verdict).toBe(without.verdict);
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.summary).not.toContain('pasted AccessDenied message');
	});

	it('says in one sentence what the message is about, what the question is about, that it was not applied, and what to do', () => {
		expect(diagnosis.findings.filter(finding => finding.id === 'evidence-about-another-resource')).toEqual([
			{id: 'evidence-about-another-resource', severity: 'warning', message: notApplied(otherKeyArn, keyArn)},
		]);
	});

	it('text, markdown and JSON say the same: the sentence, and no row decided by the message', () => {
		const text = renderText(diagnosis, {color: false, width: 400});
		expect(text.replace(/\s+/g, ' ')).toContain(notApplied(otherKeyArn, keyArn));
		expect(text).not.toContain('decided by: the pasted AccessDenied message');
		expect(text).toMatch(/Service control policies\n(?: {4}.*\n)*? {4}\? +kms:Decrypt +unknown\n/);
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toContain(`\`evidence-about-another-resource\`: ${notApplied(otherKeyArn, keyArn)}`);
		expect(markdown).not.toContain('the pasted AccessDenied message (');
		const json = JSON.parse(renderJson(diagnosis)) as {findings: {id: string; message: string}[]; requirements: {decidedBy: string | null}[]};
		expect(json.findings).toContainEqual({id: 'evidence-about-another-resource', severity: 'warning', message: notApplied(otherKeyArn, keyArn)});
		expect(json.requirements.some(row => row.decidedBy?.includes('pasted AccessDenied message'))).toBe(false);
	});

	it('the SCPs read to allow it: every row keeps ✔ as read, and the download is allowed, with the sentence beside it', () => {
		const read: Snapshot = {...sameAccountDownload(), evidence};
		const allowed = diagnose(read);
		expect(allowed.verdict).toBe('allowed');
		expect(allowed.requirements).toEqual(diagnose(sameAccountDownload()).requirements);
		expect(ids(allowed)).toEqual(['evidence-about-another-resource']);
	});

	it("--assume guardrails-allow is not refuted by it: the SCPs are assumed to deny nothing, as without the message", () => {
		const assumed = diagnose({...download(evidence), assumptions: [{id: 'guardrails-allow'}]});
		expect(assumed.assumptions.find(assumption => assumption.id === 'guardrails-allow')?.statement).toBe(diagnose({...download([]), assumptions: [{id: 'guardrails-allow'}]}).assumptions.find(assumption => assumption.id === 'guardrails-allow')?.statement);
		expect(assumed.verdict).toBe('allowed');
	});

	it('a fix elsewhere is not blocked by it: the key policy allowing nothing, its fix is proven', () => {
		const keyPolicyMissing = (with_: readonly DenialEvidence[]): Snapshot => ({
			...sameAccountDownload({key: customerKey(keyArn, policy(allow('kms:DescribeKey', '*', {Principal: {AWS: 'arn:aws:iam::111122223333:root'}})))}),
			evidence: with_,
		});
		const fixed = diagnose(keyPolicyMissing(evidence));
		expect(fixed.fixes.length).toBeGreaterThan(0);
		expect(fixed.fixes.map(fix => [fix.proven, fix.blockedBy])).toEqual(diagnose(keyPolicyMissing([])).fixes.map(fix => [fix.proven, fix.blockedBy]));
		expect(fixed.fixes.map(fix => fix.blockedBy)).toEqual(fixed.fixes.map(() => undefined));
	});
});

describe("where the message's resource does not tell, it is applied as before", () => {
	it("the object's own key: the SCP row is ✘ by the message", () => {
		const diagnosis = diagnose(download(evidenceOfMessage(message('kms:Decrypt', keyArn))));
		expect(rowOf(diagnosis, 'scp', 'kms:Decrypt')).toMatchObject({status: 'missing', decidedBy: expect.stringContaining('the pasted AccessDenied message')});
		expect(ids(diagnosis)).toEqual(['denied-by-scp-per-error']);
	});

	it('an alias ARN: not a key ID to compare, so it is applied', () => {
		const alias = 'arn:aws:kms:eu-west-1:111122223333:alias/reports';
		const diagnosis = diagnose(download([{deniedBy: 'scp', action: 'kms:Decrypt', resource: alias}]));
		expect(rowOf(diagnosis, 'scp', 'kms:Decrypt')?.status).toBe('missing');
		expect(ids(diagnosis)).not.toContain('evidence-about-another-resource');
	});

	it("the key S3 used not known (the object not read): applied, the message being AWS's word on the key it used", () => {
		const keyNotRead: Snapshot = {...without(download([]), 'object', 'key'), evidence: [{deniedBy: 'scp', action: 'kms:Decrypt', resource: otherKeyArn}]};
		const diagnosis = diagnose(keyNotRead);
		expect(rowOf(diagnosis, 'scp', 'kms:Decrypt')).toMatchObject({status: 'missing', decidedBy: expect.stringContaining('the pasted AccessDenied message')});
		expect(ids(diagnosis)).not.toContain('evidence-about-another-resource');
	});

	it('the same key ID in another ARN (one of them derived): applied', () => {
		const elsewhere = keyArnOf(undefined, 'us-east-1');
		const diagnosis = diagnose(download([{deniedBy: 'scp', action: 'kms:Decrypt', resource: elsewhere}]));
		expect(rowOf(diagnosis, 'scp', 'kms:Decrypt')?.status).toBe('missing');
		expect(ids(diagnosis)).not.toContain('evidence-about-another-resource');
	});

	it("the object's ARN with its key URL-encoded: the same object, applied", () => {
		const download = sameAccountDownload();
		const spaced: Snapshot = {...download, question: {...download.question, objectKey: 'reports/2025/q1 final.csv'}};
		const diagnosis = diagnose({...spaced, evidence: [{deniedBy: 'identity', action: 's3:GetObject', deny: 'implicit', resource: 'arn:aws:s3:::example-bucket/reports/2025/q1%20final.csv'}]});
		expect(rowOf(diagnosis, 'identity-policy', 's3:GetObject')?.status).toBe('unknown');
		expect(ids(diagnosis)).not.toContain('evidence-about-another-resource');
	});
});

describe("an S3 action's message on another object or bucket", () => {
	const implicitIdentity = 'because no identity-based policy allows the s3:GetObject action';

	it('another object in the bucket: the identity row keeps ✔ as read, and the sentence names both objects', () => {
		const other = 'arn:aws:s3:::example-bucket/reports/2024/q4.csv';
		const diagnosis = diagnose({...sameAccountDownload(), evidence: evidenceOfMessage(message('s3:GetObject', other, implicitIdentity))});
		expect(rowOf(diagnosis, 'identity-policy', 's3:GetObject')?.status).toBe('ok');
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.findings).toEqual([{id: 'evidence-about-another-resource', severity: 'warning', message: notApplied(other, objectArn, 's3:GetObject')}]);
	});

	it('an object of another bucket: the same', () => {
		const other = 'arn:aws:s3:::other-bucket/reports/2025/q1.csv';
		const diagnosis = diagnose({...sameAccountDownload(), evidence: [{deniedBy: 'identity', action: 's3:GetObject', deny: 'implicit', resource: other}]});
		expect(rowOf(diagnosis, 'identity-policy', 's3:GetObject')?.status).toBe('ok');
		expect(ids(diagnosis)).toEqual(['evidence-about-another-resource']);
	});
});

describe("a copy's kms:Decrypt, the message naming a key that is neither leg's", () => {
	const sourceKeyArn = keyArnOf(undefined, undefined, '5678efab-56ef-78ab-90cd-567890abcdef');
	const copy = (evidence: readonly DenialEvidence[]): Snapshot => ({
		...buildSnapshot({
			question: {operation: 'copy', sizeBytes: 100 * MiB, source: {bucket: 'source-bucket', objectKey: 'in/a.csv', kmsKeyId: sourceKeyArn}},
			principal: {identityPolicies: [fullIdentityPolicy([keyArn, sourceKeyArn], ['example-bucket', 'source-bucket'])]},
			source: {
				bucketInfo: {accountId: '111122223333', region: 'eu-west-1', policy: null},
				objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKeyArn, bucketKeyEnabled: false}},
				keyInfo: customerKey(sourceKeyArn, policy(enableIam())),
			},
			organization: {serviceControlPolicies: [[named('FullAWSAccess', policy(allow('*', '*')))]], resourceControlPolicies: []},
		}),
		evidence,
	});

	it('decides neither: both rows keep ✔ as read, and the sentence names both keys the question needs it on', () => {
		const diagnosis = diagnose(copy(evidenceOfMessage(message('kms:Decrypt', otherKeyArn, explicitScp, 'UploadPartCopy'))));
		expect(diagnosis.requirements).toEqual(diagnose(copy([])).requirements);
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.findings).toEqual([{id: 'evidence-about-another-resource', severity: 'warning', message: notApplied(otherKeyArn, `${sourceKeyArn} and ${keyArn}`)}]);
	});
});
