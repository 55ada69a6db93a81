import {describe, expect, it} from 'vitest';
import {explainDenial, parseAccessDenied, renderDenialText, type ParsedDenial} from '../../../source/inputs/error-message/index.js';
import {targetOfDenial} from '../../../source/ui/conversation/target-questions.js';

/**
 * AWS General Reference, ARN format: "A partition is a group of AWS Regions. Each AWS account is scoped to one
 * partition. The following are the supported partitions: aws - AWS Regions, aws-cn - China Regions, aws-us-gov - AWS
 * GovCloud (US) Regions". An object named only by bucket and key (a CloudTrail event's requestParameters, an `aws s3
 * cp` URL) is written as an ARN in the partition of the event or message, never as arn:aws in China or GovCloud.
 */

const parsed = (text: string): ParsedDenial => {
	const result = parseAccessDenied(text);
	if (!result.ok) throw new Error(`not recognised: ${result.error.message}`);
	return result.value;
};

const shown = (denial: ParsedDenial): string => renderDenialText(denial, explainDenial(denial));

const s3Event = (fields: Record<string, unknown>): string =>
	JSON.stringify({
		eventSource: 's3.amazonaws.com',
		eventName: 'GetObject',
		errorCode: 'AccessDenied',
		errorMessage: 'Access Denied',
		requestParameters: {bucketName: 'beijing-reports', key: 'q1/summary.csv'},
		...fields,
	});

describe('a CloudTrail S3 event that names the object only by bucket and key', () => {
	it("in China: the object's ARN is in aws-cn, the partition of the caller's ARN and of cn-north-1", () => {
		const denial = parsed(s3Event({awsRegion: 'cn-north-1', userIdentity: {type: 'AssumedRole', arn: 'arn:aws-cn:sts::111122223333:assumed-role/Reader/alice', accountId: '111122223333'}}));
		expect(denial.resource).toBe('arn:aws-cn:s3:::beijing-reports/q1/summary.csv');
		expect(shown(denial)).toMatch(/Resource +arn:aws-cn:s3:::beijing-reports\/q1\/summary\.csv/);
		expect(shown(denial)).not.toContain('arn:aws:s3:::');
		expect(targetOfDenial(denial)).toMatchObject({bucket: 'beijing-reports', objectKey: 'q1/summary.csv'});
	});

	it('in GovCloud, where only the event\'s Region says so (a caller without an ARN): aws-us-gov', () => {
		const denial = parsed(s3Event({awsRegion: 'us-gov-west-1', userIdentity: {type: 'AWSAccount', accountId: '111122223333'}}));
		expect(denial.resource).toBe('arn:aws-us-gov:s3:::beijing-reports/q1/summary.csv');
	});

	it('names no ARN where neither the caller nor the Region gives the partition, and still fills in the bucket and key', () => {
		const denial = parsed(s3Event({userIdentity: {type: 'AWSAccount', accountId: '111122223333'}}));
		expect(denial.resource).toBeUndefined();
		expect(shown(denial)).toMatch(/Object +s3:\/\/beijing-reports\/q1\/summary\.csv/);
		expect(shown(denial)).not.toContain('arn:aws:s3:::');
		expect(targetOfDenial(denial)).toMatchObject({operation: 'download', bucket: 'beijing-reports', objectKey: 'q1/summary.csv'});
	});
});

describe('an `aws s3` transfer line, whose s3:// URL names no partition', () => {
	const message = (principal: string) =>
		`upload failed: ./summary.csv to s3://gov-reports/q1/summary.csv An error occurred (AccessDenied) when calling the PutObject operation: User: ${principal} is not authorized to perform: s3:PutObject because no identity-based policy allows the s3:PutObject action`;

	it("in GovCloud: the object's ARN is in the partition of the message's own ARNs, aws-us-gov", () => {
		const denial = parsed(message('arn:aws-us-gov:sts::111122223333:assumed-role/Uploader/alice'));
		expect(denial.resource).toBe('arn:aws-us-gov:s3:::gov-reports/q1/summary.csv');
		expect(shown(denial)).toMatch(/Resource +arn:aws-us-gov:s3:::gov-reports\/q1\/summary\.csv/);
	});

	it('in China: aws-cn', () => {
		expect(parsed(message('arn:aws-cn:iam::111122223333:user/alice')).resource).toBe('arn:aws-cn:s3:::gov-reports/q1/summary.csv');
	});

	it('says the object by its URL, and still fills in the bucket and key, where the message names no ARN at all', () => {
		const denial = parsed('upload failed: ./summary.csv to s3://gov-reports/q1/summary.csv An error occurred (AccessDenied) when calling the PutObject operation: Access Denied');
		expect(denial.resource).toBeUndefined();
		expect(shown(denial)).toMatch(/Object +s3:\/\/gov-reports\/q1\/summary\.csv/);
		expect(shown(denial)).not.toContain('arn:aws:s3:::');
		expect(targetOfDenial(denial)).toMatchObject({operation: 'upload', bucket: 'gov-reports', objectKey: 'q1/summary.csv'});
	});
});

describe('an account root the advice names, where the caller has no ARN', () => {
	// A CloudTrail KMS event of a caller in another account: userIdentity names its account only, no ARN.
	const kmsEvent = (why: string, region?: string): string =>
		JSON.stringify({
			eventSource: 'kms.amazonaws.com',
			eventName: 'Decrypt',
			errorCode: 'AccessDeniedException',
			errorMessage: `User: 444455556666 is not authorized to perform: kms:Decrypt because no ${why} policy allows the kms:Decrypt action`,
			userIdentity: {type: 'AWSAccount', accountId: '444455556666'},
			requestParameters: {keyId: '1234abcd-12ab-34cd-56ef-1234567890ab'},
			...(region ? {awsRegion: region} : {}),
		});
	const advice = (text: string): string => explainDenial(parsed(text)).checkNext.join('\n');

	it("in GovCloud, where only the event's Region says so: the root's ARN is in aws-us-gov", () => {
		expect(advice(kmsEvent('identity-based', 'us-gov-west-1'))).toContain('allows the account root (arn:aws-us-gov:iam::444455556666:root)');
		expect(advice(kmsEvent('resource-based', 'us-gov-west-1'))).toContain('keep the default statement that allows arn:aws-us-gov:iam::ACCOUNT:root');
	});

	it('in China: aws-cn', () => {
		expect(advice(kmsEvent('identity-based', 'cn-north-1'))).toContain('(arn:aws-cn:iam::444455556666:root)');
	});

	it('names the root by its account, never an arn:aws guess, where nothing names the partition', () => {
		expect(advice(kmsEvent('identity-based'))).toContain('allows the root of account 444455556666');
		expect(advice(kmsEvent('resource-based'))).toContain("keep the default statement that allows the key's account root");
		expect(advice(kmsEvent('identity-based')) + advice(kmsEvent('resource-based'))).not.toContain('arn:aws:iam::');
	});
});

describe("a pasted KMS refusal in an S3 call: kms:ViaService, which AWS documents as s3.REGION.amazonaws.com outside the China Regions only", () => {
	const message = (partition: string, region: string): string =>
		`An error occurred (AccessDenied) when calling the PutObject operation: User: arn:${partition}:iam::111122223333:user/alice is not authorized to perform: kms:GenerateDataKey on resource: arn:${partition}:kms:${region}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no identity-based policy allows the kms:GenerateDataKey action`;
	const meaning = (text: string): string => explainDenial(parsed(text)).meaning.join(' ');

	it('names the value outside the China Regions, and no value in them', () => {
		expect(meaning(message('aws', 'eu-west-1'))).toContain('with kms:ViaService = s3.REGION.amazonaws.com.');
		expect(meaning(message('aws-cn', 'cn-north-1'))).toContain('with kms:ViaService set by S3 (AWS does not document its value in the China Regions).');
	});
});
