import {describe, expect, it} from 'vitest';
import {bundleToSnapshot, type BundleImport} from '../../../source/inputs/bundle/index.js';
import {parseSnapshot} from '../../../source/snapshot/parse-snapshot.js';
import {bundleFiles, type BundleCall} from '../../support/bundle-files.js';

const caller = {UserId: 'AROAEXAMPLEUPLOADER01:alice', Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice'};
const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const clear = '\u001b[2J';

/** import, then the saved snapshot read back as `check --snapshot` reads it: the schema must take what import wrote. */
const importAndReload = (calls: Record<string, BundleCall>): {result: BundleImport; reasons: Record<string, string>} => {
	const imported = bundleToSnapshot(bundleFiles(calls));
	if (!imported.ok) throw new Error(imported.error.message);
	const reloaded = parseSnapshot(JSON.stringify(imported.value.snapshot, null, 2), 'saved.json');
	expect(reloaded.ok ? 'loads' : reloaded.error.message).toBe('loads');
	const reasons = Object.fromEntries((imported.value.snapshot.unread ?? []).map(note => [note.path, note.reason]));
	return {result: imported.value, reasons};
};

describe("a bundle's answers are parsed, not trusted", () => {
	it('takes no caller whose Account is not an account ID: the principal is unread, saying which field, and the snapshot loads again', () => {
		const {result, reasons} = importAndReload({'sts-get-caller-identity': {...caller, Account: `1111${clear}22223333`}, 's3api-head-bucket': {}});
		expect(result.snapshot).not.toHaveProperty('principal');
		expect(result.snapshot.bucket).not.toHaveProperty('accountId');
		expect(reasons['principal']).toBe("sts-get-caller-identity.json: the answer's Account is not a 12-digit account ID");
		expect(JSON.stringify(result.snapshot)).not.toContain('\\u001b');
	});

	it('takes no caller Arn that is not a principal ARN', () => {
		const {result, reasons} = importAndReload({'sts-get-caller-identity': {...caller, Arn: `arn:aws:sts::111122223333:assumed-role/Uploader/al${clear}ice`}});
		expect(result.snapshot).not.toHaveProperty('principal');
		expect(reasons['principal']).toBe("sts-get-caller-identity.json: the answer's Arn is not an IAM user, role or assumed-role ARN");
	});

	it("takes no key, Region, organization or role ARN that is not one; each read is unread with the field that was wrong", () => {
		const {result, reasons} = importAndReload({
			'sts-get-caller-identity': caller,
			'iam-get-role': {Role: {RoleName: 'Uploader', RoleId: 'AROAEXAMPLEUPLOADER01', Arn: 'arn:aws:iam::111122223333:user/Uploader'}},
			's3api-get-bucket-location': {LocationConstraint: `eu-west-1${clear}`},
			'kms-describe-key': {KeyMetadata: {Arn: 'arn:aws:kms:eu-west-1:111122223333:alias/uploads', KeyState: 'Enabled'}},
			'organizations-describe-organization': {Organization: {Id: `o-${clear}a1b2c3d4e5`, MasterAccountId: '111122223333'}},
		});
		const {snapshot} = result;
		// The DescribeKey answer names no key: without one the request named, no key is known.
		expect(snapshot).not.toHaveProperty('key');
		expect(snapshot.bucket).not.toHaveProperty('region');
		expect(snapshot.principal).not.toHaveProperty('roleArn');
		expect(snapshot.principal).not.toHaveProperty('organizationId');
		expect(reasons).toMatchObject({
			key: "kms:DescribeKey: the answer's KeyMetadata.Arn is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)",
			'bucket.region': "s3:GetBucketLocation: the answer's LocationConstraint is not a Region name such as eu-west-1",
			'principal.permissionsBoundary': "iam:GetRole: the answer's Role.Arn is not an IAM role ARN",
			'principal.organizationId': "organizations:DescribeOrganization: the answer's Organization.Id is not an organization ID (o- and 10 to 32 lower-case letters or digits)",
		});
	});

	it('keeps the key the request named by its ARN when DescribeKey names another', () => {
		const files = bundleFiles({'sts-get-caller-identity': caller, 'kms-describe-key': {KeyMetadata: {Arn: `${keyArn}${clear}`, KeyState: 'Enabled'}}});
		files.set('question.json', JSON.stringify({...JSON.parse(files.get('question.json')!), kmsKeyId: keyArn}));
		const imported = bundleToSnapshot(files);
		if (!imported.ok) throw new Error(imported.error.message);
		expect(parseSnapshot(JSON.stringify(imported.value.snapshot), 'saved.json').ok).toBe(true);
		expect(imported.value.snapshot.key).toEqual({arn: keyArn});
	});
});
