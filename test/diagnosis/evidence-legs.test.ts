import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {parseAccessDenied} from '../../source/inputs/error-message/index.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import type {DenialEvidence} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {evidenceOf} from '../../source/ui/conversation/denial-evidence.js';
import {MiB, allow, buildSnapshot, customerKey, fullIdentityPolicy, keyArn, keyArnOf, named, policy, without} from './support/build-snapshot.js';

/**
 * A copy in parts needs kms:Decrypt on two keys: the source object's, and the destination's (UploadPartCopy). AWS's
 * message names the one it refused ("… is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:…:key/…"):
 * the evidence keeps it, so the message decides that leg's row alone and the other keeps what was read.
 */

const sourceKeyArn = keyArnOf(undefined, undefined, '5678efab-56ef-78ab-90cd-567890abcdef');
const fullAccess = named('FullAWSAccess', policy(allow('*', '*')));
const explicitScp = 'with an explicit deny in a service control policy';

/** A copy in parts from a bucket whose objects use another key, everything read and allowing. */
const copy = (evidence: readonly DenialEvidence[], sourceKey = sourceKeyArn): Snapshot => ({
	...buildSnapshot({
		question: {operation: 'copy', sizeBytes: 100 * MiB, source: {bucket: 'source-bucket', objectKey: 'in/a.csv', kmsKeyId: sourceKey}},
		principal: {identityPolicies: [fullIdentityPolicy([keyArn, sourceKey], ['example-bucket', 'source-bucket'])]},
		source: {
			bucketInfo: {accountId: '111122223333', region: 'eu-west-1', policy: null},
			objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey, bucketKeyEnabled: false}},
			keyInfo: customerKey(sourceKey),
		},
		organization: {serviceControlPolicies: [[fullAccess]], resourceControlPolicies: []},
	}),
	evidence,
});

const decryptRow = (diagnosis: Diagnosis, resource: string, place = 'scp') =>
	diagnosis.requirements.find(row => row.place === place && row.action === 'kms:Decrypt' && row.resource === resource);
const decision = (diagnosis: Diagnosis, resource: string) => diagnosis.actions.find(action => action.action === 'kms:Decrypt' && action.resource === resource)?.decision;

const message = (resource: string, because = explicitScp): string =>
	`An error occurred (AccessDenied) when calling the UploadPartCopy operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:Decrypt on resource: ${resource} ${because}`;
const evidenceOfMessage = (text: string): DenialEvidence[] => {
	const parsed = parseAccessDenied(text);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return evidenceOf(parsed.value);
};

describe("a pasted message naming the source key, on a copy's kms:Decrypt, the SCPs read to allow it", () => {
	const diagnosis = diagnose(copy(evidenceOfMessage(message(sourceKeyArn))));

	it("decides the source leg's row only: ? with the message's words; the destination's keeps ✔ as read", () => {
		expect(decryptRow(diagnosis, sourceKeyArn)).toMatchObject({
			status: 'unknown',
			why: expect.stringContaining(`yet the pasted AccessDenied message says kms:Decrypt was denied "${explicitScp}". AWS's message says what AWS decided`),
		});
		expect(decryptRow(diagnosis, sourceKeyArn)?.why).not.toContain('resources this request needs it on');
		expect(decryptRow(diagnosis, keyArn)).toEqual(decryptRow(diagnose(copy([])), keyArn));
		expect(decryptRow(diagnosis, keyArn)?.status).toBe('ok');
		expect(decision(diagnosis, keyArn)).toBe('allowed');
		expect(decision(diagnosis, sourceKeyArn)).toBe('denied');
		expect(diagnosis.verdict).toBe('denied');
	});

	it('text, markdown and JSON say the same: ? on the source key, ✔ on the destination key', () => {
		const text = renderText(diagnosis, {color: false, width: 300});
		const scp = text.slice(text.indexOf('  Service control policies\n'));
		expect(scp).toMatch(new RegExp(String.raw`\? +kms:Decrypt +unknown\n +on: ${sourceKeyArn}\n`));
		expect(scp).toMatch(new RegExp(String.raw`✔ +kms:Decrypt +ok\n +on: ${keyArn}\n`));
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toContain(`| ? | \`kms:Decrypt\` | \`${sourceKeyArn}\` | unknown |`);
		expect(markdown).toContain(`| ✔ | \`kms:Decrypt\` | \`${keyArn}\` | allowed |`);
		const json = JSON.parse(renderJson(diagnosis)) as {requirements: {place: string; action: string; resource: string; status: string}[]};
		const scpDecrypt = json.requirements.filter(row => row.place === 'scp' && row.action === 'kms:Decrypt');
		expect(scpDecrypt.map(row => [row.resource, row.status])).toEqual([
			[sourceKeyArn, 'unknown'],
			[keyArn, 'ok'],
		]);
	});
});

describe("a pasted message naming the destination key, on a copy's kms:Decrypt", () => {
	it("the SCPs read to allow it: the destination's row is ?, the source's keeps ✔ as read", () => {
		const diagnosis = diagnose(copy(evidenceOfMessage(message(keyArn))));
		expect(decryptRow(diagnosis, keyArn)).toMatchObject({status: 'unknown', why: expect.stringContaining('yet the pasted AccessDenied message says kms:Decrypt was denied')});
		expect(decryptRow(diagnosis, sourceKeyArn)).toEqual(decryptRow(diagnose(copy([])), sourceKeyArn));
		expect(decision(diagnosis, sourceKeyArn)).toBe('allowed');
	});

	it("the SCPs not read, no SCP allowing it: the destination's row is ✘ by the message, the source's stays ? as evaluated, not naming it", () => {
		const unread = (evidence: readonly DenialEvidence[]): Snapshot => without(copy(evidence), 'organization.serviceControlPolicies');
		const diagnosis = diagnose(unread(evidenceOfMessage(message(keyArn, 'because no service control policy allows the kms:Decrypt action'))));
		expect(decryptRow(diagnosis, keyArn)).toMatchObject({
			status: 'missing',
			decidedBy: 'the pasted AccessDenied message (no service control policy allows it, their text not read)',
		});
		expect(decryptRow(diagnosis, sourceKeyArn)).toEqual(decryptRow(diagnose(unread([])), sourceKeyArn));
		expect(decryptRow(diagnosis, sourceKeyArn)?.why).not.toContain('pasted AccessDenied message');
		expect(diagnosis.verdict).toBe('denied');
	});
});

describe('where the resource the message names does not tell which leg: both stay ?, as before, and say why', () => {
	it('one key for both legs', () => {
		const diagnosis = diagnose(copy([{deniedBy: 'scp', action: 'kms:Decrypt', resource: keyArn}], keyArn));
		const rows = diagnosis.requirements.filter(row => row.place === 'scp' && row.action === 'kms:Decrypt');
		expect(rows).toHaveLength(2);
		for (const row of rows) {
			expect(row.status).toBe('unknown');
			expect(row.why).toContain(`on ${keyArn}, which this request needs it on 2 times (source and destination); which one it was, the message does not tell`);
		}
	});

	it("the source object's key not known", () => {
		const unknownSource: Snapshot = {
			...without(copy([{deniedBy: 'scp', action: 'kms:Decrypt', resource: keyArn}]), 'source', 'question.source.kmsKeyId'),
		};
		const diagnosis = diagnose(unknownSource);
		const rows = diagnosis.requirements.filter(row => row.place === 'scp' && row.action === 'kms:Decrypt');
		expect(rows).toHaveLength(2);
		for (const row of rows) {
			expect(row.status).toBe('unknown');
			expect(row.why).toContain(`on ${keyArn}; which of the 2 resources this request needs it on that is, is not known: not every key is known`);
		}
	});

	it('an alias ARN, a form the request does not know the key by', () => {
		const alias = 'arn:aws:kms:eu-west-1:111122223333:alias/uploads';
		const diagnosis = diagnose(copy([{deniedBy: 'scp', action: 'kms:Decrypt', resource: alias}]));
		for (const resource of [sourceKeyArn, keyArn]) {
			expect(decryptRow(diagnosis, resource)?.status).toBe('unknown');
			expect(decryptRow(diagnosis, resource)?.why).toContain('the message names it in another form than the request');
		}
	});
});

describe("the message's resource, kept only as AWS's message names it, as an ARN", () => {
	it('a resource with a control character, or not an ARN, is left out: the legs stay undecided, as before', () => {
		// A bidi override that would show the key's ID reversed, a NUL inside an object's ARN.
		const hostile = evidenceOfMessage(message(`${sourceKeyArn}\u202e`));
		expect(hostile).toEqual([{deniedBy: 'scp', action: 'kms:Decrypt'}]);
		expect(evidenceOfMessage(message('"arn:aws:s3:::source-bucket/in/a\u0000.csv"'))).toEqual([{deniedBy: 'scp', action: 'kms:Decrypt'}]);
		const notArn = evidenceOfMessage(message('"role TestReadOnly"'));
		expect(notArn).toEqual([{deniedBy: 'scp', action: 'kms:Decrypt'}]);
		const diagnosis = diagnose(copy(hostile));
		for (const resource of [sourceKeyArn, keyArn]) {
			expect(decryptRow(diagnosis, resource)?.why).toContain('on one of the 2 resources this request needs it on; which one, the message named and the evidence does not keep');
		}
		expect(renderText(diagnosis, {color: false, width: 300})).not.toContain('\u202e');
	});

	it('not the object `aws s3 cp` was copying to, which the message does not name', () => {
		const cli = 'copy failed: s3://source-bucket/in/a.csv to s3://example-bucket/reports/2025/q1.csv An error occurred (AccessDenied) when calling the UploadPartCopy operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject because no identity-based policy allows the s3:GetObject action';
		const parsed = parseAccessDenied(cli);
		expect(parsed.ok && parsed.value.resource).toBe('arn:aws:s3:::example-bucket/reports/2025/q1.csv');
		expect(evidenceOfMessage(cli)).toEqual([{deniedBy: 'identity', action: 's3:GetObject', deny: 'implicit'}]);
	});

	it('a snapshot file: read with it; one with a control character in it is refused in one line; one without it reads as before', () => {
		const file = (evidence: readonly DenialEvidence[]): string => JSON.stringify(copy(evidence));
		const kept = parseSnapshot(file([{deniedBy: 'scp', action: 'kms:Decrypt', resource: sourceKeyArn}]), 'snap.json');
		expect(kept.ok && kept.value.evidence).toEqual([{deniedBy: 'scp', action: 'kms:Decrypt', resource: sourceKeyArn}]);
		const hostile = parseSnapshot(file([{deniedBy: 'scp', action: 'kms:Decrypt', resource: `${sourceKeyArn}\u001b[2J`}]), 'snap.json');
		expect(hostile.ok).toBe(false);
		if (!hostile.ok) {
			expect(hostile.error.message).toMatch(/^snap\.json: evidence\[0\]\.resource must be an ARN such as /);
			expect(hostile.error.message).not.toContain('\u001b');
		}
		const old = parseSnapshot(file([{deniedBy: 'scp', action: 'kms:Decrypt'}]), 'snap.json');
		expect(old.ok).toBe(true);
		if (old.ok) expect(decryptRow(diagnose(old.value), keyArn)?.why).toContain('which one, the message named and the evidence does not keep');
	});
});
