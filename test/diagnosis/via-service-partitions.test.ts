import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {s3ViaService} from '../../source/names/index.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucket, buildSnapshot, customerKey, enableIam, named, policy} from './support/build-snapshot.js';

/*
 * kms:ViaService on S3's request to KMS. AWS writes it s3.REGION.amazonaws.com, the name's form in the partitions whose
 * endpoints end in amazonaws.com (aws, aws-us-gov). For the China Regions, whose endpoints end in amazonaws.com.cn,
 * neither the KMS Developer Guide (docs.aws.amazon.com, docs.amazonaws.cn) nor AWS's China Regions notes say whether the
 * value is s3.cn-north-1.amazonaws.com or s3.cn-north-1.amazonaws.com.cn: the tool states neither.
 */

const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const reports = (diagnosis: Diagnosis): string => `${renderText(diagnosis, {color: false, width: 1000})}\n${renderMarkdown(diagnosis)}\n${JSON.stringify(diagnosis)}`;
const row = (diagnosis: Diagnosis, place: string, action: string) => diagnosis.requirements.find(each => each.place === place && each.action === action);

/** An upload in `partition` whose key policy lets the caller use the key only with kms:ViaService = `via`. */
const uploadIn = (partition: string, region: string, via: string | undefined, requestContext: Snapshot['requestContext'] = {}): Snapshot => {
	const keyArn = `arn:${partition}:kms:${region}:${account}:key/${keyId}`;
	const caller = `arn:${partition}:iam::${account}:user/alice`;
	const keyPolicy = via
		? policy(allow(['kms:GenerateDataKey'], '*', {Sid: 'ThroughS3', Principal: {AWS: caller}, Condition: {StringEquals: {'kms:ViaService': via}}}))
		: policy({...enableIam(account), Principal: {AWS: `arn:${partition}:iam::${account}:root`}});
	return buildSnapshot({
		question: {kmsKeyId: keyArn},
		principal: {arn: caller, identityPolicies: [named('Objects', policy(allow('s3:PutObject', `arn:${partition}:s3:::${bucket}/*`)))]},
		bucket: {region, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: false}},
		key: customerKey(keyArn, keyPolicy),
		requestContext,
	});
};

describe("kms:ViaService's value, from names/", () => {
	it('is s3.REGION.amazonaws.com in the aws and aws-us-gov partitions', () => {
		expect(s3ViaService('eu-west-1')).toEqual({value: 's3.eu-west-1.amazonaws.com'});
		expect(s3ViaService('us-gov-west-1')).toEqual({value: 's3.us-gov-west-1.amazonaws.com'});
	});

	it('is not stated in the China Regions, with the reason', () => {
		expect(s3ViaService('cn-north-1')).toEqual({
			undocumented: "AWS does not document kms:ViaService's value for S3 in the China Regions (s3.cn-north-1.amazonaws.com or s3.cn-north-1.amazonaws.com.cn)",
		});
		expect(s3ViaService('cn-northwest-1')).toHaveProperty('undocumented');
		// A Region of a partition the tool does not know (us-iso-east-1) is no better known.
		expect(s3ViaService('us-iso-east-1')).toHaveProperty('undocumented');
	});
});

describe.each(['s3.cn-north-1.amazonaws.com', 's3.cn-north-1.amazonaws.com.cn'])('a China key policy allowing only kms:ViaService %s', via => {
	const diagnosis = diagnose(uploadIn('aws-cn', 'cn-north-1', via));

	it('is ? for kms:GenerateDataKey, never ✔ nor ✘, and the verdict is unknown', () => {
		expect(row(diagnosis, 'key-policy', 'kms:GenerateDataKey')?.status).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
	});

	it('says why and what settles it', () => {
		const note = diagnosis.unknowns.find(unknown => unknown.what === "the request's kms:ViaService");
		expect(note?.resolveWith).toMatch(/^AWS does not document kms:ViaService's value for S3 in the China Regions \(s3\.cn-north-1\.amazonaws\.com or s3\.cn-north-1\.amazonaws\.com\.cn\): give the value as kms:ViaService in the snapshot's requestContext once known/);
	});

	it('states no value for the request anywhere in the reports', () => {
		const action = diagnosis.actions.find(each => each.action === 'kms:GenerateDataKey');
		expect(action?.context).toBeDefined();
		expect(action?.context['kms:ViaService']).toBeUndefined();
		expect(reports(diagnosis)).not.toMatch(/kms:ViaService is "s3\.cn-north-1/);
	});

	it('is decided by a value the requestContext gives', () => {
		const given = diagnose(uploadIn('aws-cn', 'cn-north-1', via, {'kms:ViaService': via}));
		expect(row(given, 'key-policy', 'kms:GenerateDataKey')?.status).toBe('ok');
	});
});

describe('a China upload whose key policy lacks a grant for the caller', () => {
	it('gets an Allow with no kms:ViaService value the tool cannot back, and says not "through S3"', () => {
		const bare = diagnose({...uploadIn('aws-cn', 'cn-north-1', undefined), key: customerKey(`arn:aws-cn:kms:cn-north-1:${account}:key/${keyId}`, policy())});
		const fix = bare.fixes.find(each => each.kind === 'add-allow' && each.place === 'key-policy');
		expect(fix).toBeDefined();
		expect(JSON.stringify(fix)).not.toMatch(/amazonaws\.com/);
		expect(fix?.summary).not.toContain('through S3');
	});
});

describe('a GovCloud key policy allowing only kms:ViaService s3.us-gov-west-1.amazonaws.com', () => {
	it('allows the upload: the value is the one AWS writes there', () => {
		const diagnosis = diagnose(uploadIn('aws-us-gov', 'us-gov-west-1', 's3.us-gov-west-1.amazonaws.com'));
		expect(row(diagnosis, 'key-policy', 'kms:GenerateDataKey')?.status).toBe('ok');
	});
});
