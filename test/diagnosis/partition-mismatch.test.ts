import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderText} from '../../source/report/render-text.js';
import {account, allow, bucketArn, buildSnapshot, customerKey, named, policy, without} from './support/build-snapshot.js';

/**
 * "You cannot use IAM credentials from one partition to interact with resources in a different partition." (AWS Fault
 * Isolation Boundaries, "Partitions"). A snapshot whose ARNs or Regions name two partitions describes a request that
 * cannot work: the report says so, and never ✔ allowed on the first one's partition.
 */

const cnKey = `arn:aws-cn:kms:cn-north-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const partitionFinding = (diagnosis: Diagnosis) => diagnosis.findings.find(finding => finding.id === 'partition-mismatch');

/** An aws caller whose every grant allows an upload with an aws-cn key; no bucket Region, so no Region finding decides. */
const stitched = without(
	buildSnapshot({
		question: {kmsKeyId: cnKey},
		principal: {identityPolicies: [named('All', policy(allow('s3:PutObject', `${bucketArn}/*`), allow('kms:GenerateDataKey', cnKey)))]},
		bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: cnKey, bucketKeyEnabled: false}},
		key: customerKey(cnKey),
	}),
	'bucket.region',
);

describe('ARNs of two partitions in one snapshot', () => {
	const diagnosis = diagnose(stitched);

	it('is an error finding naming both, and the verdict is denied though every grant allows', () => {
		expect(diagnosis.actions.every(action => action.decision === 'allowed')).toBe(true);
		expect(diagnosis.verdict).toBe('denied');
		expect(partitionFinding(diagnosis)).toMatchObject({severity: 'error'});
		expect(partitionFinding(diagnosis)?.message).toContain(
			`The caller (arn:aws:iam::${account}:user/alice) is in the aws partition but the key (${cnKey}) is in aws-cn: IAM credentials of one partition cannot be used with resources in another`,
		);
	});

	it('leads the text summary and is in the JSON report', () => {
		expect(diagnosis.summary).toContain('is in the aws partition but the key');
		expect(renderText(diagnosis, {color: false, width: 1000})).toContain('cannot be used with resources in another');
		const json = JSON.parse(renderJson(diagnosis)) as {verdict: string; findings: {id: string}[]};
		expect(json.verdict).toBe('denied');
		expect(json.findings.map(finding => finding.id)).toContain('partition-mismatch');
	});

	it('names every ARN and Region that disagrees, each partition once, the same ARN named twice said once', () => {
		const govKey = `arn:aws-us-gov:kms:us-gov-west-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
		// The key, named by the request too, and the bucket's Region in aws-cn; the copy source's key in aws-us-gov.
		const copy = buildSnapshot({
			question: {operation: 'copy', kmsKeyId: cnKey, source: {bucket: 'source-bucket', objectKey: 'a.csv', kmsKeyId: govKey}},
			bucket: {region: 'cn-north-1', defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: cnKey, bucketKeyEnabled: false}},
			key: customerKey(cnKey),
			source: {keyInfo: customerKey(govKey)},
		});
		const message = partitionFinding(diagnose(copy))?.message;
		expect(message).toContain(
			`The caller (arn:aws:iam::${account}:user/alice) is in the aws partition but the key (${cnKey}) and the bucket's Region (cn-north-1) are in aws-cn, and the copy source's key (${govKey}) is in aws-us-gov: IAM credentials`,
		);
		expect(message?.split(cnKey)).toHaveLength(2);
	});

	it("names the bucket's Region where it is the one that disagrees", () => {
		const inChina = diagnose(buildSnapshot({bucket: {region: 'cn-north-1'}}));
		expect(inChina.verdict).toBe('denied');
		expect(partitionFinding(inChina)?.message).toContain("the bucket's Region (cn-north-1) is in aws-cn");
	});
});

describe('ARNs of one partition', () => {
	it('give no partition finding: aws', () => {
		const diagnosis = diagnose(buildSnapshot());
		expect(diagnosis.verdict).toBe('allowed');
		expect(partitionFinding(diagnosis)).toBeUndefined();
	});

	it('give no partition finding: aws-cn throughout', () => {
		const cn = (arn: string): string => arn.replace(/^arn:aws:/, 'arn:aws-cn:').replace(/:kms:eu-west-1:/, ':kms:cn-north-1:');
		const snapshot = buildSnapshot({
			question: {kmsKeyId: cnKey},
			principal: {
				arn: cn(`arn:aws:iam::${account}:user/alice`),
				identityPolicies: [named('All', policy(allow('s3:PutObject', `${cn(bucketArn)}/*`), allow('kms:GenerateDataKey', cnKey)))],
			},
			bucket: {region: 'cn-north-1', defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: cnKey, bucketKeyEnabled: false}},
			key: customerKey(cnKey, policy({Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: {AWS: `arn:aws-cn:iam::${account}:root`}, Action: 'kms:*', Resource: '*'})),
		});
		const diagnosis = diagnose(snapshot);
		expect(partitionFinding(diagnosis)).toBeUndefined();
		expect(diagnosis.verdict).toBe('allowed');
	});
});
