import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';

/**
 * The partition builds the object's ARN that policies are matched against and fixes target. Where nothing in the
 * snapshot names it, `aws` is taken, and every report says so: never a silent default.
 */

const question = {operation: 'download', bucket: 'example-bucket', objectKey: 'reports/q1.csv'} as const;
/** A valid snapshot with no ARN and no Region: only the question. */
const bare: Snapshot = {format: 's3-kms-doctor/snapshot@1', question};
const partitionAssumption = (snapshot: Snapshot) => diagnose(snapshot).assumptions.find(assumption => assumption.id === 'partition-aws');

describe('the partition, when nothing names it', () => {
	const diagnosis = diagnose(bare);

	it('is aws, said as an assumption with why', () => {
		expect(diagnosis.question.objectArn).toBe('arn:aws:s3:::example-bucket/reports/q1.csv');
		expect(partitionAssumption(bare)).toEqual({
			id: 'partition-aws',
			statement: 'the AWS partition is aws (its ARNs arn:aws:…, not arn:aws-cn:… or arn:aws-us-gov:…)',
			because: 'nothing in the snapshot names one: no ARN of the caller, key, distribution or role, no bucket Region',
		});
	});

	it('is shown by the text, markdown and JSON reports', () => {
		const sentence = 'Assumed: the AWS partition is aws (its ARNs arn:aws:…, not arn:aws-cn:… or arn:aws-us-gov:…) — nothing in the snapshot names one';
		expect(renderText(diagnosis, {color: false, width: 1000})).toContain(sentence);
		expect(renderMarkdown(diagnosis)).toContain(`> ${sentence}`);
		const json = JSON.parse(renderJson(diagnosis)) as {assumptions: {id: string}[]};
		expect(json.assumptions.map(assumption => assumption.id)).toContain('partition-aws');
	});
});

describe('the partition, named by any ARN or Region of the request', () => {
	// "Cross-Region Replication … These types of capabilities are only supported between Regions in the same partition.
	// You cannot use IAM credentials from one partition to interact with resources in a different partition." (AWS Fault
	// Isolation Boundaries, "Partitions"): every ARN and Region of one request names the same partition.
	const cnKey = 'arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
	it.each<[string, Partial<Snapshot>]>([
		['the caller ARN', {principal: {arn: 'arn:aws-cn:iam::111122223333:role/reader'}}],
		['the bucket Region', {bucket: {region: 'cn-north-1'}}],
		['the key ARN', {key: {arn: cnKey}}],
		['the key ARN the request names', {question: {...question, kmsKeyId: cnKey}}],
		['the distribution ARN', {question: {...question, operation: 'cloudfront-download'}, distribution: {arn: 'arn:aws-cn:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE'}}],
		['the profile that read a CloudFront request', {question: {...question, operation: 'cloudfront-download'}, principal: {arn: 'arn:aws-cn:iam::111122223333:role/reader'}}],
		[
			'the replication role',
			{question: {...question, operation: 'replication', source: {bucket: 'source-bucket', objectKey: 'reports/q1.csv'}}, replication: {role: 'arn:aws-cn:iam::111122223333:role/replicator'}},
		],
		['the role a service uses', {question: {...question, operation: 'service-read'}, service: {name: 'glue', roleArn: 'arn:aws-cn:iam::111122223333:role/glue-job'}}],
		['the source bucket Region of a copy', {question: {...question, operation: 'copy', source: {bucket: 'source-bucket', objectKey: 'in.csv'}}, source: {bucketInfo: {region: 'cn-northwest-1'}}}],
	])('%s: that partition, and no assumption', (_, named) => {
		const snapshot: Snapshot = {...bare, ...named};
		expect(diagnose(snapshot).question.objectArn).toBe('arn:aws-cn:s3:::example-bucket/reports/q1.csv');
		expect(partitionAssumption(snapshot)).toBeUndefined();
	});

	it('a bucket Region in the aws partition names it too: no assumption, the same ARN', () => {
		const snapshot: Snapshot = {...bare, bucket: {region: 'eu-west-1'}};
		expect(diagnose(snapshot).question.objectArn).toBe('arn:aws:s3:::example-bucket/reports/q1.csv');
		expect(partitionAssumption(snapshot)).toBeUndefined();
	});
});
