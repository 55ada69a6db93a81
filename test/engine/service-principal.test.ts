import {describe, expect, it} from 'vitest';
import {evaluate} from '../../source/engine/evaluate.js';
import type {PolicySet} from '../../source/engine/evaluation.js';
import {parsePolicy} from '../../source/engine/parse-policy.js';

/**
 * A service principal (cloudfront.amazonaws.com with origin access control) is matched by `"Principal": {"Service": …}`
 * and kept to one resource with `AWS:SourceArn`, as the CloudFront Developer Guide's OAC bucket policy example does:
 * `"Principal": {"Service": "cloudfront.amazonaws.com"}` … `"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/<CloudFront distribution ID>"}`.
 * It has no identity-based policies, and KMS grants name only IAM principals and accounts: the resource policy alone decides.
 */

const distribution = 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE';
const objectArn = 'arn:aws:s3:::example-bucket/index.html';

const parsed = (document: Record<string, unknown>) => {
	const result = parsePolicy(document, 'policy');
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

const oacStatement = (principal: Record<string, unknown>, condition?: Record<string, unknown>) =>
	parsed({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*', ...(condition ? {Condition: condition} : {})}]});

const asCloudFront = (policies: PolicySet, context: Record<string, string> = {'aws:SourceArn': distribution}) =>
	evaluate({request: {principal: 'cloudfront.amazonaws.com', action: 's3:GetObject', resource: objectArn, resourceAccount: '111122223333', context}, policies});

describe('a service principal', () => {
	const fromDistribution = {StringEquals: {'AWS:SourceArn': distribution}};

	it('is allowed by a bucket policy naming its Service, with AWS:SourceArn matched whatever the key\'s case', () => {
		expect(asCloudFront({resource: oacStatement({Service: 'cloudfront.amazonaws.com'}, fromDistribution)}).decision).toBe('allowed');
		expect(asCloudFront({resource: oacStatement({Service: ['cloudfront.amazonaws.com']}, {StringEquals: {'aws:sourcearn': distribution}})}).decision).toBe('allowed');
	});

	it('is denied when AWS:SourceArn names another distribution, and unknown when the request\'s AWS:SourceArn is not known', () => {
		const other = {StringEquals: {'AWS:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL'}};
		expect(asCloudFront({resource: oacStatement({Service: 'cloudfront.amazonaws.com'}, other)}).decision).toBe('denied');
		expect(asCloudFront({resource: oacStatement({Service: 'cloudfront.amazonaws.com'}, fromDistribution)}, {}).decision).toBe('unknown');
	});

	it("is not named by the account's root, by another service, nor helped by identity policies", () => {
		const identity = [parsed({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}]})];
		expect(asCloudFront({resource: oacStatement({AWS: 'arn:aws:iam::111122223333:root'}), identity}).decision).toBe('denied');
		expect(asCloudFront({resource: oacStatement({Service: 'logging.s3.amazonaws.com'}), identity}).decision).toBe('denied');
		const evaluation = asCloudFront({resource: null, identity});
		expect(evaluation.decision).toBe('denied');
		expect(evaluation.layers.map(layer => layer.layer)).not.toContain('identity');
	});
});
