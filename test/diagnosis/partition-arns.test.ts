import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucket, buildSnapshot, customerKey, deny, named, policy, without} from './support/build-snapshot.js';

/**
 * AWS General Reference, ARN format: "A partition is a group of AWS Regions. Each AWS account is scoped to one
 * partition. The following are the supported partitions: aws - AWS Regions, aws-cn - China Regions, aws-us-gov - AWS
 * GovCloud (US) Regions". Every ARN the diagnosis writes for itself (a key named by its ID, a key not resolved, an
 * account root it suggests) is in the partition the snapshot names, so policies in that partition match it and the fixes
 * and reads it names work there.
 */

const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const partitions = [
	{partition: 'aws-cn', region: 'cn-north-1'},
	{partition: 'aws-us-gov', region: 'us-gov-west-1'},
] as const;

const text = (diagnosis: Diagnosis): string => renderText(diagnosis, {color: false, width: 1000});
const reports = (diagnosis: Diagnosis): string => `${text(diagnosis)}\n${renderMarkdown(diagnosis)}\n${JSON.stringify(diagnosis)}`;
const row = (diagnosis: Diagnosis, place: string, action: string) => diagnosis.requirements.find(each => each.place === place && each.action === action);

/** An upload in `partition`: the caller, bucket and grants all in it; the key named by `kmsKeyId`, the snapshot's key by `key`. */
const uploadIn = (partition: string, region: string, kmsKeyId: string, grants: readonly Record<string, unknown>[], key?: Snapshot['key']): Snapshot => {
	const snapshot = buildSnapshot({
		question: {kmsKeyId},
		principal: {arn: `arn:${partition}:iam::${account}:user/alice`, identityPolicies: [named('All', policy(allow('s3:PutObject', `arn:${partition}:s3:::${bucket}/*`), ...grants))]},
		bucket: {region, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId, bucketKeyEnabled: false}},
		...(key ? {key} : {}),
	});
	return key ? snapshot : without(snapshot, 'key');
};

describe.each(partitions)('a key named by its ID in $partition ($region)', ({partition, region}) => {
	const keyArn = `arn:${partition}:kms:${region}:${account}:key/${keyId}`;
	// The snapshot does not describe the key: its ARN is built from the ID, the bucket's Region and the caller's account.
	const diagnosis = diagnose(uploadIn(partition, region, keyId, [allow('kms:GenerateDataKey', keyArn)]));

	it("is the key's ARN in that partition, which the caller's grant on it matches", () => {
		expect(diagnosis.question.keyArn).toBe(keyArn);
		expect(row(diagnosis, 'identity-policy', 'kms:GenerateDataKey')?.status).not.toBe('missing');
		expect(row(diagnosis, 'identity-policy', 'kms:GenerateDataKey')?.why).toContain('IAM policy "All", statement #2 allows kms:GenerateDataKey');
	});

	it('is what the report shows and the reads it asks for name, never an aws ARN, and no partition finding', () => {
		expect(text(diagnosis)).toContain(`KMS key         ${keyArn}`);
		expect(text(diagnosis)).toContain(`resolve with: kms:GetKeyPolicy on ${keyArn}`);
		expect(reports(diagnosis)).not.toContain('arn:aws:');
		expect(diagnosis.findings.map(finding => finding.id)).not.toContain('partition-mismatch');
	});
});

describe.each(partitions)('a key not resolved to an ARN in $partition ($region)', ({partition, region}) => {
	it("is evaluated in that partition: a Deny on every key of it applies, whichever key the alias names", () => {
		// IAM: "If any applicable statement in any policy is a Deny, the request is denied": any key of the partition is covered.
		const diagnosis = diagnose(uploadIn(partition, region, 'alias/uploads', [allow('kms:*', '*'), deny('kms:GenerateDataKey', `arn:${partition}:kms:*:*:key/*`)]));
		expect(diagnosis.question.keyArn).toBeUndefined();
		expect(diagnosis.actions.find(action => action.action === 'kms:GenerateDataKey')?.decision).toBe('denied');
		expect(diagnosis.verdict).toBe('denied');
		expect(reports(diagnosis)).not.toContain('arn:aws:');
	});
});

describe.each(partitions)('the fixes of a $partition ($region) request', ({partition, region}) => {
	const keyArn = `arn:${partition}:kms:${region}:${account}:key/${keyId}`;
	const root = `arn:${partition}:iam::${account}:root`;

	it('target its user and key, and the command writes their ARNs in that partition', () => {
		const key = customerKey(keyArn, policy({Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: {AWS: root}, Action: 'kms:*', Resource: '*'}));
		const diagnosis = diagnose(uploadIn(partition, region, keyId, [], key));
		expect(diagnosis.verdict).toBe('denied');
		const fix = diagnosis.fixes[0];
		expect(fix).toMatchObject({proven: true, target: `arn:${partition}:iam::${account}:user/alice`});
		expect(fix?.command).toContain(`"Resource":"${keyArn}"`);
		expect(text(diagnosis)).toContain(`Add an inline policy s3-kms-doctor-${bucket}-kms to user alice allowing kms:GenerateDataKey on ${keyArn}.`);
		expect(reports(diagnosis)).not.toContain('arn:aws:');
	});

	it("suggest the account root's statement in that partition where the key policy does not let IAM policies grant", () => {
		const key = customerKey(keyArn, policy(allow('kms:*', '*', {Sid: 'Admins', Principal: {AWS: `arn:${partition}:iam::${account}:role/KeyAdmin`}})));
		const diagnosis = diagnose(uploadIn(partition, region, keyId, [allow('kms:GenerateDataKey', keyArn)], key));
		expect(text(diagnosis)).toContain(`It would count with a key policy statement allowing "Principal": {"AWS": "${root}"} kms:GenerateDataKey`);
		expect(reports(diagnosis)).not.toContain('arn:aws:');
	});
});
