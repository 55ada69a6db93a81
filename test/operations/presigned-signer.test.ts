import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderText} from '../../source/report/render-text.js';
import type {PresignedUrlInfo} from '../../source/snapshot/operation-facts.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, buildSnapshot, keyArn, otherAccount} from '../diagnosis/support/build-snapshot.js';
import {findingIds} from '../diagnosis/support/fix-checks.js';

/**
 * S3 User Guide, "Download and upload objects with presigned URLs": "The credentials used by the presigned URL are
 * those of the AWS Identity and Access Management (IAM) principal who generated the URL." A URL names its signer only
 * by an access key ID; AWS STS API Reference, GetAccessKeyInfo: "Returns the account identifier for the specified
 * access key ID." So the snapshot's principal is the signer only when that is shown (its own credentials use the key)
 * or taken as an assumption the report names; a key of another account means the principal is not the signer.
 */

const url = (extra: Partial<PresignedUrlInfo> = {}): PresignedUrlInfo => ({signatureVersion: 4, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', ...extra});

// Everything allowed for the snapshot's principal (alice, of `account`): only who signed can change the answer.
const download = (info: PresignedUrlInfo): Snapshot =>
	buildSnapshot({question: {operation: 'presigned-download'}, object: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn}}, presignedUrl: info});

describe("a presigned URL's signer", () => {
	it("is the principal, with nothing assumed, when the principal's own credentials use the URL's access key", () => {
		const diagnosis = diagnose(download(url({signedByPrincipal: true, signerAccount: account})));
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.assumptions.map(assumed => assumed.id)).not.toContain('signer-is-principal');
	});

	it('is an assumption the report shows when only the access key ID is known', () => {
		const diagnosis = diagnose(download(url()));
		expect(diagnosis.verdict).toBe('allowed');
		const assumed = diagnosis.assumptions.find(candidate => candidate.id === 'signer-is-principal');
		expect(assumed?.statement).toBe(`the URL was signed by arn:aws:iam::${account}:user/alice`);
		expect(assumed?.because).toContain('AKIAIOSFODNN7EXAMPLE');
		expect(renderText(diagnosis, {color: false, width: 200})).toMatch(/Assumed: .*the URL was signed by arn:aws:iam::111122223333:user\/alice/s);
	});

	it("says so when the principal's credentials use another key of the same account", () => {
		const diagnosis = diagnose(download(url({signedByPrincipal: false, signerAccount: account})));
		const assumed = diagnosis.assumptions.find(candidate => candidate.id === 'signer-is-principal');
		expect(assumed?.because).toBe(`its access key AKIAIOSFODNN7EXAMPLE is not the one arn:aws:iam::${account}:user/alice uses now; that key is of the same account, ${account} (sts:GetAccessKeyInfo)`);
	});

	it('is not the principal when the access key belongs to another account: never "allowed" on the wrong policies', () => {
		const diagnosis = diagnose(download(url({signerAccount: otherAccount})));
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.actions.every(action => action.decision !== 'allowed')).toBe(true);
		expect(diagnosis.unknowns.map(note => note.resolveWith).join('\n')).toContain(`a profile of the signer in account ${otherAccount}`);
		const finding = diagnosis.findings.find(candidate => candidate.id === 'presigned-url-signer-unknown');
		expect(finding?.message).toContain(`of account ${otherAccount} (sts:GetAccessKeyInfo)`);
		expect(diagnosis.assumptions.map(assumed => assumed.id)).not.toContain('signer-is-principal');
	});

	it('leaves the other operations alone', () => {
		const upload = buildSnapshot({presignedUrl: url({signerAccount: otherAccount})});
		expect(diagnose(upload).verdict).toBe('allowed');
		expect(findingIds(diagnose(upload))).not.toContain('presigned-url-signer-unknown');
	});
});
