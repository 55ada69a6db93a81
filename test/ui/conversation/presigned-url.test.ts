import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import {credentialFreeUrl} from '../../../source/inputs/presigned-url/credential-free-url.js';
import {parsePresignedUrl} from '../../../source/inputs/presigned-url/parse-presigned-url.js';
import type {Snapshot} from '../../../source/snapshot/snapshot.js';
import {displayAnswer} from '../../../source/ui/conversation/question.js';
import {presignedUrlQuestion} from '../../../source/ui/conversation/presigned-questions.js';
import {walk, type Answers} from '../../../source/ui/conversation/walk.js';
import {flowEnv} from '../helpers/flow-env.js';

/**
 * A presigned URL in the wizard: it names the bucket, the object and the signer's access key, so those are not asked;
 * it holds live credentials, so the answer kept is the URL rebuilt without them (issue: "never store, echo, export,
 * copy or remember them — keep only the bucket, object, expiry and access key ID").
 */

const signature = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const token = 'IQoJb3JpZ2luX2VjEXAMPLETOKENFwoGZXIvYXdzEBYaDEXAMPLESESSIONTOKEN0123456789abcdef';
const pasted = `https://acme-exports.s3.eu-west-1.amazonaws.com/reports/2026/q3%20final.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAIOSFODNN7EXAMPLE%2F20261204%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261204T080000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=${signature}`;
const signer = 'arn:aws:sts::111122223333:assumed-role/LinkSigner/web-7';
const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const keyPolicy = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}]});
const identity = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-exports/*'}]});

const env = flowEnv();

/** Walks the conversation as the session does (an answer is stored as the question interprets it); fails on a question the script does not answer. */
const run = (script: Readonly<Record<string, string>>): {asked: string[]; answers: Answers; snapshot: Snapshot} => {
	const answers: Record<string, string> = {};
	const asked: string[] = [];
	for (let round = 0; round < 60; round++) {
		const next = walk(answers, env).next;
		if (next.kind === 'done') return {asked, answers, snapshot: next.ending.snapshot};
		if (next.kind !== 'ask') throw new Error(`stopped at a ${next.kind}`);
		const {question} = next;
		const typed = script[question.id];
		if (typed === undefined) throw new Error(`asked ${question.id}, which the script does not answer (asked so far: ${asked.join(', ')})`);
		asked.push(question.id);
		answers[question.id] = question.kind === 'text' && question.interpret ? question.interpret(typed) : typed;
	}
	throw new Error('the conversation did not end');
};

const script = {
	start: 'manual',
	operation: 'presigned-download',
	'presigned-url': pasted,
	'object-kms-key': keyArn,
	principal: signer,
	'bucket-account': 'same',
	'key-policy-how': 'paste',
	'key-policy': keyPolicy,
	'grants-how': 'none',
	'identity-how': 'paste',
	'identity-policy-1': identity,
	'identity-more-1': 'no',
	'bucket-policy-how': 'none',
	guardrails: 'none',
};

describe('a presigned URL pasted into the wizard', () => {
	it('settles the bucket, the object and the Region, and asks who signed it', () => {
		const {asked, snapshot} = run(script);
		for (const settled of ['bucket', 'object-key', 'bucket-region']) expect(asked).not.toContain(settled);
		expect(snapshot.question).toMatchObject({operation: 'presigned-download', bucket: 'acme-exports', objectKey: 'reports/2026/q3 final.pdf'});
		expect(snapshot.presignedUrl).toMatchObject({signatureVersion: 4, accessKeyId: 'ASIAIOSFODNN7EXAMPLE', expiresAt: '2026-12-04T09:00:00Z', signedByPrincipal: true});
		expect(snapshot.principal?.arn).toBe(signer);
	});

	it('keeps neither its signature nor its token: not in the answers, the transcript or the snapshot', () => {
		const {answers, snapshot} = run(script);
		const shown = displayAnswer(presignedUrlQuestion, answers['presigned-url']!);
		expect(shown).toBe('s3://acme-exports/reports/2026/q3 final.pdf (Signature Version 4, signed with ASIAIOSFODNN7EXAMPLE, expires 2026-12-04T09:00:00Z)');
		for (const kept of [JSON.stringify(answers), shown, JSON.stringify(snapshot)]) {
			expect(kept).not.toContain(signature);
			expect(kept).not.toContain(token);
			expect(kept).not.toContain(encodeURIComponent(token));
		}
	});

	it('diagnoses the signer: kms:Decrypt missing from its IAM policy, with the temporary-credentials warning', () => {
		const diagnosis = diagnose(run(script).snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.requirements.find(row => row.action === 'kms:Decrypt' && row.place === 'identity-policy')?.status).toBe('missing');
		expect(diagnosis.findings.map(finding => finding.id)).toContain('presigned-url-temporary-credentials');
		// The signer was named in answer to "who signed the URL": given, not assumed.
		expect(diagnosis.assumptions.map(assumed => assumed.id)).not.toContain('signer-is-principal');
	});

	it('refuses what is not a presigned URL in one line, and an empty answer asks for the bucket instead', () => {
		expect(presignedUrlQuestion.validate('https://example.com/x')).toMatch(/^the pasted text is not an S3 presigned URL: /);
		const {asked} = (() => {
			try {
				return run({...script, 'presigned-url': ''});
			} catch (error) {
				return {asked: [(error as Error).message]};
			}
		})();
		expect(asked.join(' ')).toContain('asked bucket');
	});
});

describe('the URL rebuilt without its credentials', () => {
	it('reads back to the same facts, for Signature Version 4 and 2', () => {
		const sigV2 = `https://acme-exports.s3.amazonaws.com/a/b.txt?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1798761600&Signature=${encodeURIComponent('vjbyPxybdZaNmGa+yT272YEAiv4=')}`;
		for (const url of [pasted, sigV2]) {
			const facts = parsePresignedUrl(url);
			if (!facts.ok) throw new Error(facts.error.message);
			const rebuilt = credentialFreeUrl(facts.value);
			expect(rebuilt).not.toContain('Signature=v');
			expect(rebuilt).not.toContain(signature);
			expect(parsePresignedUrl(rebuilt)).toEqual(facts);
		}
	});
});
