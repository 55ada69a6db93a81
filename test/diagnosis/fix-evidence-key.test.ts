import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis, Fix} from '../../source/diagnosis/diagnosis.js';
import {renderText} from '../../source/report/render-text.js';
import type {DenialEvidence} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {bucketArn, buildSnapshot, customerKey, deny, fullIdentityPolicy, keyArn, keyArnOf, policy} from './support/build-snapshot.js';

/**
 * A fix that changes the request's key (a change-request: "name the key the policy demands") is proven by re-evaluating
 * the changed request. A pasted AccessDenied message about the key the request named before is AWS's word on that key,
 * not on the new one: the proof sets it aside as diagnose() sets aside a message about another key than the request's
 * (evidence-legs.ts), and the fix says so. A fix that keeps the key is still judged with the message.
 */

const keyA = keyArnOf(undefined, undefined, '9999aaaa-99aa-99aa-99aa-9999aaaa9999');
const keyB = keyArn;
const onlyKeyB = deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'OnlyKeyB', Principal: '*', Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption-aws-kms-key-id': keyB}}});

/** The upload names key A; the bucket policy demands key B, the bucket's default key, which the snapshot describes and which allows. */
const uploadNamingA = (evidence: DenialEvidence): Snapshot => ({
	...buildSnapshot({
		question: {kmsKeyId: keyA},
		principal: {identityPolicies: [fullIdentityPolicy([keyB])]},
		bucket: {policy: policy(onlyKeyB), defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyB, bucketKeyEnabled: false}},
		key: customerKey(keyB),
	}),
	evidence: [evidence],
});

const leftBehind = `The pasted AccessDenied message is about kms:GenerateDataKey on ${keyA}; with this change the request needs kms:GenerateDataKey on ${keyB} instead, so the message no longer applies and was not applied in proving it.`;

const fixOf = (diagnosis: Diagnosis, kind: Fix['kind']): Fix => {
	const fix = diagnosis.fixes.find(candidate => candidate.kind === kind);
	if (!fix) throw new Error(`no ${kind} among ${diagnosis.fixes.map(candidate => candidate.summary).join(' | ')}`);
	return fix;
};

describe.each([
	['a key policy', 'resource', 'key-policy'],
	['an identity-based policy', 'identity', 'identity-policy'],
] as const)('an upload naming key A, a pasted message that %s allows no kms:GenerateDataKey on A, the policy demanding key B', (_words, deniedBy, place) => {
	const diagnosis = diagnose(uploadNamingA({deniedBy, action: 'kms:GenerateDataKey', deny: 'implicit', resource: keyA}));

	it('applies the message to the request as it is: key A is not allowed', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.findings.map(finding => finding.id)).not.toContain('evidence-about-another-resource');
		expect(diagnosis.requirements.find(row => row.action === 'kms:GenerateDataKey' && row.place === place)).toMatchObject({resource: keyA, status: 'missing'});
	});

	it("proposes no key-policy command for key A built from key B's policy, the only one the snapshot describes", () => {
		// A put-key-policy on A carrying B's policy would replace A's real policy, which nobody read.
		const onKeyA = diagnosis.fixes.filter(fix => fix.place === 'key-policy' && (fix.target === keyA || fix.command?.includes(keyA)));
		expect(onKeyA).toEqual([]);
	});

	it('proves the change to key B without the message about A, and says the message no longer applies', () => {
		const fix = fixOf(diagnosis, 'change-request');
		expect(fix.command).toContain(`--sse-kms-key-id '${keyB}'`);
		expect(fix).toMatchObject({proven: true, remains: null});
		// The rows it turns ✔ are judged as its proof judges them: key B's key policy allows, whatever the message said of A's.
		expect(fix.resolves).toEqual(deniedBy === 'resource' ? ['s3:PutObject@destination#bucket-policy', 'kms:GenerateDataKey@destination#key-policy'] : ['s3:PutObject@destination#bucket-policy']);
		expect(fix.blockedBy).toBeUndefined();
		expect(fix.summary).toContain(leftBehind);
	});

	it('says so on the text report\'s fix line', () => {
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toContain('1. The request: change the request  ✔ proven\n');
		expect(text.replace(/\n +/g, ' ')).toContain(leftBehind);
	});
});

describe('the reverse: a fix that keeps key A is still judged with the message about A', () => {
	const diagnosis = diagnose(uploadNamingA({deniedBy: 'resource', action: 'kms:GenerateDataKey', deny: 'implicit', resource: keyA}));

	it('the narrowed Deny stays proven for its own rows only, the message still denying, and says nothing of it no longer applying', () => {
		const fix = fixOf(diagnosis, 'narrow-deny');
		expect(fix.proven).toBe(false);
		expect(fix.blockedBy).toEqual({status: 'denied', by: 'the pasted AccessDenied message says no resource-based policy allows kms:GenerateDataKey'});
		expect(fix.summary).not.toContain('The pasted AccessDenied message');
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toContain('Bucket policy: narrow the deny  ✘ proven for its own rows, but the request stays denied');
	});
});
