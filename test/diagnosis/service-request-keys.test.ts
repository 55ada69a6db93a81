import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderText} from '../../source/report/render-text.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, customerKey, deny, enableIam, keyArn, otherAccount, policy, region, sameAccountDownload} from './support/build-snapshot.js';
import {decisions, expectFixesHold} from './support/fix-checks.js';

/**
 * A request an AWS service makes for the caller carries of the caller's request only what AWS documents
 * (operations/service-request-keys.ts): the network keys are covered by kms-network-keys.test.ts; these are the others.
 */

const example = (name: string): Snapshot => {
	const parsed = parseSnapshot(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'), name);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.value;
};

const contextOf = (diagnosis: Diagnosis, id: string) => diagnosis.actions.find(action => action.id === id)!.context;
const resolveWith = (diagnosis: Diagnosis, key: string): string => diagnosis.unknowns.find(note => note.what === `the request's ${key}`)?.resolveWith ?? '';
const text = (diagnosis: Diagnosis): string => renderText(diagnosis, {color: false, width: 300});

const tlsOnlyKey = customerKey(keyArn, policy(enableIam(), deny('kms:*', '*', {Sid: 'TlsOnly', Principal: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}})));

describe("aws:SecureTransport on S3's request to AWS KMS", () => {
	// KMS API Reference: "All KMS API calls must be signed and be transmitted using Transport Layer Security (TLS)."
	it('is true, as KMS documents for every call, whatever the caller\'s own request to S3 was sent over', () => {
		const diagnosis = diagnose(sameAccountDownload({key: tlsOnlyKey, requestContext: {'aws:SecureTransport': false}}));
		expect(contextOf(diagnosis, 's3:GetObject@destination')['aws:SecureTransport']).toBe(false);
		expect(contextOf(diagnosis, 'kms:Decrypt@destination')['aws:SecureTransport']).toBe(true);
		// The key policy's TLS-only Deny does not deny S3's KMS request: it is sent over TLS, not over the caller's HTTP.
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('allowed');
		expect(text(diagnosis)).not.toMatch(/⛔\s+kms:Decrypt/);
	});

	it('is not named as an assumption where only the key policy tests it: KMS documents it, nothing was assumed', () => {
		const diagnosis = diagnose(sameAccountDownload({key: tlsOnlyKey}));
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('allowed');
		expect(diagnosis.assumptions.map(fact => fact.id)).not.toContain('https');
		// The caller's own request to S3 is still taken to be HTTPS where a bucket policy tests it, and said so.
		const bucketTls = diagnose(sameAccountDownload({bucket: {...sameAccountDownload().bucket!, policy: policy(deny('s3:*', '*', {Principal: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}}))}}));
		expect(bucketTls.assumptions.map(fact => fact.id)).toContain('https');
	});
});

describe("the caller's client keys on S3's request to AWS KMS", () => {
	const cliOnly = customerKey(keyArn, policy(enableIam(), deny('kms:Decrypt', '*', {Sid: 'CliOnly', Principal: '*', Condition: {StringNotLike: {'aws:UserAgent': 'aws-cli/*'}}})));
	const cliCase = (): Snapshot => sameAccountDownload({key: cliOnly, requestContext: {'aws:UserAgent': 'aws-cli/2.15.0 Python/3.11'}});

	it("aws:UserAgent is the caller's client, not S3's: a Deny on it is ?, never ✔, with IAM's sentence", () => {
		const diagnosis = diagnose(cliCase());
		expect(contextOf(diagnosis, 's3:GetObject@destination')['aws:UserAgent']).toBe('aws-cli/2.15.0 Python/3.11');
		expect(contextOf(diagnosis, 'kms:Decrypt@destination')).not.toHaveProperty('aws:UserAgent');
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
		expect(resolveWith(diagnosis, 'aws:UserAgent')).toContain("S3's request to AWS KMS");
		expect(resolveWith(diagnosis, 'aws:UserAgent')).toContain('For the subsequent request, AWS uses temporary credentials.');
		expect(text(diagnosis)).not.toContain('ALLOWED');
	});

	it('the fix offered lets the requests S3 makes for the caller past the Deny, and is proven', () => {
		const snapshot = cliCase();
		const diagnosis = diagnose(snapshot);
		const fix = diagnosis.fixes.find(candidate => candidate.kind === 'correct-condition')!;
		expect(fix).toMatchObject({place: 'key-policy', proven: true});
		expect(fix.statement).toMatchObject({Sid: 'CliOnly', Condition: {StringNotLike: {'aws:UserAgent': 'aws-cli/*'}, Bool: {'aws:ViaAWSService': 'false'}}});
		expect(fix.summary).toContain('aws:UserAgent is not known to be your request\'s');
		expectFixesHold(snapshot, diagnosis);
	});

	it('aws:MultiFactorAuthPresent and aws:TokenIssueTime are not carried either', () => {
		const diagnosis = diagnose(sameAccountDownload({requestContext: {'aws:MultiFactorAuthPresent': true, 'aws:TokenIssueTime': '2026-01-01T00:00:00Z'}}));
		expect(contextOf(diagnosis, 'kms:Decrypt@destination')).not.toHaveProperty('aws:MultiFactorAuthPresent');
		expect(contextOf(diagnosis, 'kms:Decrypt@destination')).not.toHaveProperty('aws:TokenIssueTime');
	});
});

describe("the keys of the caller's resource on S3's request to AWS KMS, which is made against the KMS key", () => {
	const keyDenyUnless = (operator: string, key: string, value: string) => customerKey(keyArn, policy(enableIam(), deny('kms:*', '*', {Sid: 'OnlyOurs', Principal: '*', Condition: {[operator]: {[key]: value}}})));

	// IAM: "Request information is provided by different sources, including the principal making the request, the resource
	// the request is made against, and the metadata about the request itself." KMS: "You can control access to AWS KMS keys
	// based on the tags on the KMS key."
	it("aws:ResourceTag is the bucket's, not the key's: a key policy Deny on the key's tag is ?, never ✔ by the bucket's tag", () => {
		const diagnosis = diagnose(sameAccountDownload({key: keyDenyUnless('StringNotEquals', 'aws:ResourceTag/team', 'data'), requestContext: {'aws:ResourceTag/team': 'data'}}));
		expect(contextOf(diagnosis, 's3:GetObject@destination')['aws:ResourceTag/team']).toBe('data');
		expect(contextOf(diagnosis, 'kms:Decrypt@destination')).not.toHaveProperty('aws:ResourceTag/team');
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('unknown');
		expect(resolveWith(diagnosis, 'aws:ResourceTag/team')).toContain('the resource the request is made against');
		expect(resolveWith(diagnosis, 'aws:ResourceTag/team')).toContain('You can control access to AWS KMS keys based on the tags on the KMS key.');
		expect(resolveWith(diagnosis, 'aws:ResourceTag/team')).toContain('kms:ListResourceTags');
		expect(text(diagnosis)).not.toContain('ALLOWED');
	});

	it("aws:ResourceOrgID is the bucket's organization, not the key's: a key policy Deny on it is ?, not ✔", () => {
		const diagnosis = diagnose(sameAccountDownload({key: keyDenyUnless('StringNotEquals', 'aws:ResourceOrgID', 'o-bucketorg'), requestContext: {'aws:ResourceOrgID': 'o-bucketorg', 'aws:ResourceOrgPaths': ['o-bucketorg/r-ab12/']}}));
		const kms = contextOf(diagnosis, 'kms:Decrypt@destination');
		expect(kms).not.toHaveProperty('aws:ResourceOrgID');
		expect(kms).not.toHaveProperty('aws:ResourceOrgPaths');
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('unknown');
		expect(resolveWith(diagnosis, 'aws:ResourceOrgID')).toContain("S3's request to AWS KMS is made against the KMS key");
	});

	it("aws:ResourceAccount is the key's account, from its ARN, whatever requestContext says of the bucket's", () => {
		const diagnosis = diagnose(sameAccountDownload({requestContext: {'aws:ResourceAccount': otherAccount}}));
		expect(contextOf(diagnosis, 's3:GetObject@destination')['aws:ResourceAccount']).toBe(otherAccount);
		expect(contextOf(diagnosis, 'kms:Decrypt@destination')['aws:ResourceAccount']).toBe(account);
	});

	// IAM, of s3:VersionId: "This condition key is unique to the service, meaning it only works with requests to the Amazon S3 service."
	it('s3: keys are not on a request to KMS: a key policy Deny copied from a bucket policy (StringNotEquals on an s3: key) denies it', () => {
		const copied = keyDenyUnless('StringNotEquals', 's3:x-amz-server-side-encryption', 'aws:kms');
		const diagnosis = diagnose(sameAccountDownload({key: copied, requestContext: {'s3:x-amz-server-side-encryption': 'aws:kms', 's3:ExistingObjectTag/class': 'secret', 's3:ResourceAccount': account}}));
		const kms = contextOf(diagnosis, 'kms:Decrypt@destination');
		expect(kms['s3:x-amz-server-side-encryption']).toBeNull();
		expect(kms['s3:ExistingObjectTag/class']).toBeNull();
		expect(kms['s3:ResourceAccount']).toBeNull();
		expect(contextOf(diagnosis, 's3:GetObject@destination')['s3:ExistingObjectTag/class']).toBe('secret');
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('denied');
		expect(text(diagnosis)).not.toContain('ALLOWED');
	});

	it('an s3: key the snapshot does not list is absent there too, not unknown: S3 derives s3:ResourceAccount for its own request only', () => {
		const copied = keyDenyUnless('StringNotEquals', 's3:ResourceAccount', account);
		const denied = diagnose(sameAccountDownload({key: copied}));
		expect(decisions(denied)['kms:Decrypt@destination']).toBe('denied');
		expect(denied.unknowns.some(note => note.what.includes('s3:ResourceAccount'))).toBe(false);
		// An identity-policy Allow of kms:Decrypt kept to s3:ResourceAccount never applies to the KMS request (fixture).
		const allowCopied = JSON.parse(readFileSync(new URL('../fixtures/snapshots/kms-allow-on-s3-key.json', import.meta.url), 'utf8')) as Snapshot;
		const diagnosis = diagnose(allowCopied);
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('denied');
		expect(diagnosis.requirements.find(row => row.actionId === 'kms:Decrypt@destination' && row.place === 'identity-policy')?.why).toContain(
			's3:ResourceAccount is not in the request, so StringEquals does not match',
		);
		expectFixesHold(allowCopied, diagnosis);
	});
});

describe('keys the service request sets itself are never the caller\'s', () => {
	it("aws:ViaAWSService, aws:CalledVia and aws:RequestedRegion on S3's KMS request stay S3's, whatever requestContext says", () => {
		const diagnosis = diagnose(sameAccountDownload({requestContext: {'aws:ViaAWSService': false, 'aws:CalledVia': null, 'aws:RequestedRegion': 'us-east-1'}}));
		const kms = contextOf(diagnosis, 'kms:Decrypt@destination');
		// IAM, "Forward access sessions": aws:ViaAWSService "is set to true whenever a FAS request is made".
		expect(kms['aws:ViaAWSService']).toBe(true);
		expect(kms['aws:CalledVia']).toEqual(['s3.amazonaws.com']);
		expect(kms['aws:RequestedRegion']).toBe(region);
		// The caller's own request keeps what it gave.
		expect(contextOf(diagnosis, 's3:GetObject@destination')['aws:RequestedRegion']).toBe('us-east-1');
	});

	it('aws:CurrentTime and aws:SourceIdentity are carried into the forward access session', () => {
		const diagnosis = diagnose(sameAccountDownload({requestContext: {'aws:CurrentTime': '2026-03-01T12:00:00Z', 'aws:SourceIdentity': 'alice'}}));
		expect(contextOf(diagnosis, 'kms:Decrypt@destination')).toMatchObject({'aws:CurrentTime': '2026-03-01T12:00:00Z', 'aws:SourceIdentity': 'alice'});
	});
});

describe('replication: S3 makes every request as the role, later than any request of the caller', () => {
	const replication = example('replication-cross-account-replica-key-policy.json');
	const given = {'aws:SecureTransport': true, 'aws:SourceVpce': 'vpce-1a2b3c4d', 'aws:CurrentTime': '2026-03-01T12:00:00Z', 'aws:UserAgent': 'aws-cli/2'};

	it('its S3 requests carry none of the network, TLS, time or client keys requestContext gives: AWS documents none of them', () => {
		const diagnosis = diagnose({...replication, requestContext: given});
		const s3 = diagnosis.actions.filter(action => action.action.startsWith('s3:'));
		expect(s3.length).toBeGreaterThan(0);
		for (const action of s3) {
			for (const key of Object.keys(given)) expect(action.context).not.toHaveProperty(key);
		}
	});

	// IAM: "The context key returns false if the service uses a service role or service-linked role to make a call on the
	// principal's behalf." and "A role that a service assumes to perform actions on your behalf is called a service role."
	it('its S3 and KMS requests are made as a service role: aws:ViaAWSService is false on each, whatever requestContext says', () => {
		const diagnosis = diagnose({...replication, requestContext: {...given, 'aws:ViaAWSService': true}});
		expect(diagnosis.actions.length).toBeGreaterThan(0);
		for (const action of diagnosis.actions) expect(action.context['aws:ViaAWSService']).toBe(false);
	});

	it('its KMS requests are over TLS (KMS documents it) but not at the time requestContext gives, which is not theirs', () => {
		const diagnosis = diagnose({...replication, requestContext: given});
		for (const action of diagnosis.actions.filter(candidate => candidate.action.startsWith('kms:'))) {
			expect(action.context['aws:SecureTransport']).toBe(true);
			expect(action.context).not.toHaveProperty('aws:CurrentTime');
		}
	});

	it('a TLS-only Deny in the destination bucket policy leaves the replica\'s write ?, not ✔', () => {
		const tlsOnly = deny('s3:*', '*', {Sid: 'TlsOnly', Principal: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}});
		const bucketPolicy = replication.bucket?.policy as {Statement: unknown[]} | undefined;
		const diagnosis = diagnose({...replication, bucket: {...replication.bucket!, policy: {Version: '2012-10-17', Statement: [...(bucketPolicy?.Statement ?? []), tlsOnly]}}});
		expect(decisions(diagnosis)['s3:ReplicateObject@destination']).toBe('unknown');
		expect(resolveWith(diagnosis, 'aws:SecureTransport')).toContain("not known for the replication role's request to S3");
		expect(resolveWith(diagnosis, 'aws:SecureTransport')).toContain('AWS documents no value of aws:SecureTransport for it');
		expect(diagnosis.assumptions.map(fact => fact.id)).not.toContain('https');
		expect(text(diagnosis)).toMatch(/\?\s+s3:ReplicateObject/);
	});
});

describe('CloudFront (OAC): its request to S3 is its own', () => {
	const cloudfront = example('cloudfront-oac-missing-key-policy.json');

	it("carries the viewer's protocol, as CloudFront documents, and not the viewer's network", () => {
		const diagnosis = diagnose({...cloudfront, requestContext: {'aws:SecureTransport': false, 'aws:SourceIp': '203.0.113.7'}});
		const s3 = contextOf(diagnosis, 's3:GetObject@destination');
		// CloudFront: "CloudFront then forwards the requests to your Amazon S3 bucket using the same protocol in which the requests were made."
		expect(s3['aws:SecureTransport']).toBe(false);
		expect(s3).not.toHaveProperty('aws:SourceIp');
		// S3's request to KMS for CloudFront is over TLS all the same.
		expect(contextOf(diagnosis, 'kms:Decrypt@destination')['aws:SecureTransport']).toBe(true);
	});
});

describe("Athena's request to S3", () => {
	it('is over TLS, as Athena documents, whatever the caller\'s own request was', () => {
		const athena = example('athena-query-source-ip-deny.json');
		const diagnosis = diagnose({...athena, requestContext: {...athena.requestContext, 'aws:SecureTransport': false}});
		// Athena: "Amazon Athena uses Transport Layer Security (TLS) encryption for data in-transit between Athena and Amazon S3".
		for (const action of diagnosis.actions) expect(action.context['aws:SecureTransport']).toBe(true);
	});
});
