import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderText} from '../../source/report/render-text.js';
import type {DenialEvidence} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, buildSnapshot, customerKey, fullIdentityPolicy, keyArn, keyArnOf, MiB, region, sessionArn, without} from './support/build-snapshot.js';

/**
 * An upload whose size is not known, and a pasted AccessDenied message saying kms:Decrypt on its key was denied. An upload
 * calls kms:Decrypt only in parts: "The requester must also have permissions for the kms:GenerateDataKey action for the
 * CreateMultipartUpload API. Then, the requester needs permissions for the kms:Decrypt action on the UploadPart and
 * UploadPartCopy APIs." (S3 API Reference, CreateMultipartUpload, "Permissions"). So the message is AWS's word that this
 * upload went in parts, whichever policy type it names: every type reads alike, and the report says the message told it.
 */

/** The upload, its size not known, with the policies of the type the message names not read: the message decides that row. */
const notRead: Readonly<Record<Exclude<DenialEvidence['deniedBy'], 'vpc-endpoint'>, (snapshot: Snapshot) => Snapshot>> = {
	scp: snapshot => without(snapshot, 'organization.serviceControlPolicies'),
	rcp: snapshot => without(snapshot, 'organization.resourceControlPolicies'),
	identity: snapshot => without(snapshot, 'principal.identityPolicies'),
	resource: snapshot => without(snapshot, 'key.policy'),
	boundary: snapshot => without(snapshot, 'principal.permissionsBoundary'),
	// A role session's policy cannot be read: absent, it is not known.
	session: snapshot => ({...snapshot, principal: {...snapshot.principal!, arn: sessionArn}}),
};
const sizeNotKnown = (): Snapshot => without(buildSnapshot(), 'question.sizeBytes');
const decryptDenied = (deniedBy: DenialEvidence['deniedBy'], resource = keyArn): DenialEvidence => ({deniedBy, action: 'kms:Decrypt', resource});

const told = `yes: the pasted AccessDenied message names kms:Decrypt on ${keyArn}, which S3 calls on that key only in a multipart upload, so the request went in parts`;
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('a pasted message naming kms:Decrypt on an upload of unknown size', () => {
	for (const [deniedBy, unread] of Object.entries(notRead)) {
		it(`naming ${deniedBy === 'resource' ? 'the key policy' : `the ${deniedBy} policies`}: the upload went in parts, said as the message's, and the verdict is the one a large upload gets`, () => {
			const evidence = [decryptDenied(deniedBy as DenialEvidence['deniedBy'])];
			const diagnosis = diagnose({...unread(sizeNotKnown()), evidence});
			// The same message beside a size that sends the upload in parts: the message settles nothing else.
			const large = diagnose({...unread(buildSnapshot({question: {sizeBytes: 200 * MiB}})), evidence});
			expect(diagnosis.question.multipart).toBe('yes');
			expect(diagnosis.verdict).toBe(large.verdict);
			expect(diagnosis.verdict).toBe('denied');
			expect(diagnosis.unknowns.map(note => note.what)).not.toContain('whether the request goes in parts');
			expect(diagnosis.summary).not.toContain('if it goes in parts');
			expect(flat(renderText(diagnosis, {color: false, width: 200}))).toContain(`Multipart ${told}`);
		});
	}

	it('a VPC endpoint policy the message names tells the same', () => {
		const diagnosis = diagnose({...sizeNotKnown(), evidence: [decryptDenied('vpc-endpoint')]});
		expect(diagnosis.question.multipart).toBe('yes');
		expect(diagnosis.question.inPartsShownBy).toBe(told.replace(/^yes: /, ''));
	});

	it('kms:GenerateDataKey, which one PutObject calls too, tells nothing of parts', () => {
		const diagnosis = diagnose({...notRead.resource(sizeNotKnown()), evidence: [{deniedBy: 'resource', action: 'kms:GenerateDataKey', resource: keyArn}]});
		expect(diagnosis.question.multipart).toBe('unknown');
		expect(diagnosis.question.inPartsShownBy).toBeUndefined();
	});

	/*
	 * A size below the tool's threshold does not outweigh AWS's word: the threshold is the tool's setting (the AWS CLI's
	 * multipart_threshold), which the size cannot tell, and "There is no minimum size limit on the last part of your
	 * multipart upload" (S3 User Guide): a 1 MiB file goes up in parts under a lower threshold. Before, the message was
	 * dropped as naming an action a single PutObject does not call, and the upload read ✔ ALLOWED beside it.
	 */
	it("a size below the tool's threshold is outweighed: the upload went in parts, and the words say the threshold was lower", () => {
		const snapshot = notRead.resource(buildSnapshot({question: {sizeBytes: 1 * MiB}}));
		expect(diagnose(snapshot).question.multipart).toBe('no');
		const small = diagnose({...snapshot, evidence: [decryptDenied('resource')]});
		expect(small.question.multipart).toBe('yes');
		expect(small.verdict).toBe('denied');
		expect(small.question.inPartsShownBy).toBe(`${told.replace(/^yes: /, '')}, though 1 MiB is below the tool's default multipart threshold of 8 MiB: the threshold the tool used was lower (its configuration sets it)`);
		const text = flat(renderText(small, {color: false, width: 200}));
		expect(text).toContain('CreateMultipartUpload, UploadPart and CompleteMultipartUpload write the object (of 1 MiB)');
		expect(text).not.toContain('multipart above 8 MiB');
		const given = diagnose({...notRead.resource(buildSnapshot({question: {sizeBytes: 1 * MiB, multipartThresholdBytes: 16 * MiB}})), evidence: [decryptDenied('resource')]});
		expect(given.question.inPartsShownBy).toContain('though 1 MiB is below the multipart threshold given of 16 MiB');
	});

	it('a request the user said went in one request is not overridden', () => {
		const said = diagnose({...notRead.resource(buildSnapshot({question: {sizeBytes: 1 * MiB, multipart: false}})), evidence: [decryptDenied('resource')]});
		expect(said.question.multipart).toBe('no');
		expect(said.question.inPartsShownBy).toBeUndefined();
	});
});

describe("a copy: kms:Decrypt on the source object's key is needed whatever the size", () => {
	const sourceKey = keyArnOf(account, region, 'aaaaaaaa-1111-2222-3333-444444444444');
	const copy = (evidence: DenialEvidence): Snapshot => ({
		...without(
			buildSnapshot({
				question: {operation: 'copy', source: {bucket: 'source-bucket', objectKey: 'in/q1.csv', kmsKeyId: sourceKey}},
				principal: {identityPolicies: [fullIdentityPolicy([keyArn, sourceKey], ['example-bucket', 'source-bucket'])]},
				source: {
					bucketInfo: {accountId: account, region, policy: null, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
					objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
					keyInfo: customerKey(sourceKey),
				},
			}),
			'question.sizeBytes',
		),
		evidence: [evidence],
	});

	it("a message on the source's key tells nothing of parts", () => {
		expect(diagnose(copy(decryptDenied('resource', sourceKey))).question.multipart).toBe('unknown');
	});

	it("a message on the destination's key tells the copy went in parts", () => {
		const diagnosis = diagnose(copy(decryptDenied('resource', keyArn)));
		expect(diagnosis.question.multipart).toBe('yes');
		expect(diagnosis.question.inPartsShownBy).toBe(
			`the pasted AccessDenied message names kms:Decrypt on ${keyArn}, which S3 calls on that key only in a multipart copy, so the request went in parts`,
		);
	});
});
