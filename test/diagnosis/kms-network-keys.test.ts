import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderText} from '../../source/report/render-text.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {allow, customerKey, deny, enableIam, keyArn, named, policy, region, sameAccountDownload, userArn} from './support/build-snapshot.js';
import {decisions, expectFixesHold} from './support/fix-checks.js';

/**
 * S3's KMS request is S3's, made for the caller (a forward access session), not the caller's own request: the caller's
 * network keys (the snapshot's requestContext) are never copied into it. AWS says of none of them that it is absent
 * there, so each stays unknown, with AWS's sentences as the reason:
 *
 * IAM User Guide, "AWS global condition context keys":
 * - aws:SourceVpc: "Unlike with aws:SourceIp, you must use aws:ViaAWSService or aws:CalledVia to allow FAS requests,
 *   because the source VPC of the initial request is not preserved."
 * - aws:SourceVpce: "This is because the source VPC endpoint of the initial request is not preserved."
 * - aws:VpcSourceIp: "This is because the source IP of the initial request made using a VPC endpoint is not preserved in
 *   FAS requests."
 * AWS KMS Developer Guide, "Use VPC endpoints to control access to AWS KMS resources": "If a policy statement requires
 * that requests come from a particular VPC or VPC endpoint, requests from integrated AWS services that use an AWS KMS
 * resource on your behalf might fail."
 * aws:SourceIp, where the pages disagree. IAM, "AWS: Denies access to AWS based on the source IP": "The policy does not
 * deny requests made by AWS services using Forward access sessions as the original requester's IP address is
 * preserved." KMS, "AWS global condition keys": "Step 2 fails because the request to AWS KMS to decrypt the volume's
 * encrypted data key comes from an IP address that is associated with the Amazon EC2 infrastructure."
 */

const vpce = 'vpce-1a2b3c4d';
const vpc = 'vpc-1234';
const throughEndpoint = {'aws:SourceVpce': vpce, 'aws:SourceVpc': vpc, 'aws:SourceIp': null};

const kmsContext = (diagnosis: Diagnosis) => diagnosis.actions.find(action => action.id === 'kms:Decrypt@destination')!.context;
const resolveWith = (diagnosis: Diagnosis, key: string): string => diagnosis.unknowns.find(note => note.what === `the request's ${key}`)?.resolveWith ?? '';

describe("S3's KMS request does not carry the caller's network", () => {
	const vpceOnlyKey = policy(allow('kms:Decrypt', '*', {Sid: 'UseOnlyFromVpce', Principal: {AWS: userArn}, Condition: {StringEquals: {'aws:SourceVpce': vpce}}}));
	const keyPolicyCase = (): Snapshot => sameAccountDownload({key: customerKey(keyArn, vpceOnlyKey), requestContext: throughEndpoint});

	it('a key policy Allow kept to a VPC endpoint is not allowed on the caller\'s endpoint: ?, with IAM\'s and KMS\'s words', () => {
		const diagnosis = diagnose(keyPolicyCase());
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@destination': 'allowed', 'kms:Decrypt@destination': 'unknown'});
		expect(diagnosis.verdict).toBe('unknown');
		// The caller's own request to S3 came through the endpoint; S3's request to KMS is not known to.
		expect(diagnosis.actions.find(action => action.id === 's3:GetObject@destination')!.context['aws:SourceVpce']).toBe(vpce);
		expect(kmsContext(diagnosis)).not.toHaveProperty('aws:SourceVpce');
		expect(kmsContext(diagnosis)).not.toHaveProperty('aws:SourceVpc');
		const why = resolveWith(diagnosis, 'aws:SourceVpce');
		expect(why).toContain("S3's request to AWS KMS");
		expect(why).toContain('This is because the source VPC endpoint of the initial request is not preserved.');
		expect(why).toContain('requests from integrated AWS services that use an AWS KMS resource on your behalf might fail.');
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).not.toContain('ALLOWED');
		expect(text).toMatch(/\?\s+kms:Decrypt\s+unknown/);
	});

	it('the fix offered is the Allow for requests S3 makes (kms:ViaService), proven; none sends the request from the VPC', () => {
		const snapshot = keyPolicyCase();
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.fixes).toHaveLength(1);
		const [fix] = diagnosis.fixes;
		expect(fix).toMatchObject({kind: 'correct-condition', place: 'key-policy', proven: true});
		expect(fix!.statement).toEqual({
			Sid: 'UseOnlyFromVpceViaS3',
			Effect: 'Allow',
			Principal: {AWS: userArn},
			Action: 'kms:Decrypt',
			Resource: '*',
			Condition: {StringEquals: {'kms:ViaService': `s3.${region}.amazonaws.com`}},
		});
		// The statement kept to the endpoint stays for direct requests, and the fix says what it gives up.
		expect(JSON.stringify(fix!.policy)).toContain(`"aws:SourceVpce":"${vpce}"`);
		expect(fix!.weakens).toContain('no longer kept to the network aws:SourceVpce names');
		expectFixesHold(snapshot, diagnosis);
		expect(JSON.stringify(diagnosis)).not.toContain('send it from where it allows');
	});

	const noKmsOutsideVpc = deny('kms:Decrypt', '*', {Sid: 'NoKmsOutsideVpc', Condition: {StringNotEquals: {'aws:SourceVpc': vpc}}});

	it('an SCP Deny of KMS outside the VPC does not let S3\'s KMS request pass on the caller\'s VPC: ?, never ✔ and never a way "from where it allows"', () => {
		const scps = [[named('FullAWSAccess', policy(allow('*', '*')))], [named('DenyKms', policy(noKmsOutsideVpc, allow('*', '*')))]];
		const diagnosis = diagnose(sameAccountDownload({organization: {serviceControlPolicies: scps}, requestContext: throughEndpoint}));
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@destination': 'allowed', 'kms:Decrypt@destination': 'unknown'});
		expect(diagnosis.requirements.find(row => row.place === 'scp' && row.action === 'kms:Decrypt')!.status).toBe('unknown');
		expect(resolveWith(diagnosis, 'aws:SourceVpc')).toContain('you must use aws:ViaAWSService or aws:CalledVia to allow FAS requests, because the source VPC of the initial request is not preserved.');
		expect(JSON.stringify(diagnosis)).not.toContain('send it from where it allows');
	});

	it('the same Deny in the key policy gets the existing correction, "Bool": {"aws:ViaAWSService": "false"}, proven', () => {
		const snapshot = sameAccountDownload({key: customerKey(keyArn, policy(enableIam(), {...noKmsOutsideVpc, Principal: '*'})), requestContext: throughEndpoint});
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('unknown');
		const fix = diagnosis.fixes.find(candidate => candidate.kind === 'correct-condition')!;
		expect(fix.statement).toMatchObject({Sid: 'NoKmsOutsideVpc', Effect: 'Deny', Condition: {StringNotEquals: {'aws:SourceVpc': vpc}, Bool: {'aws:ViaAWSService': 'false'}}});
		expectFixesHold(snapshot, diagnosis);
	});

	it('aws:SourceIp: the pages disagree, so an office-only Deny on KMS is not decided for S3\'s request, both sentences shown', () => {
		const officeOnly = named('OfficeOnly', policy(deny('kms:*', '*', {Sid: 'KmsFromOffice', Condition: {NotIpAddress: {'aws:SourceIp': '203.0.113.0/24'}}})));
		const snapshot = sameAccountDownload({requestContext: {'aws:SourceIp': '203.0.113.7'}});
		const diagnosis = diagnose({...snapshot, principal: {...snapshot.principal!, identityPolicies: [...snapshot.principal!.identityPolicies!, officeOnly]}});
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('unknown');
		const why = resolveWith(diagnosis, 'aws:SourceIp');
		expect(why).toContain("AWS's pages disagree");
		expect(why).toContain("The policy does not deny requests made by AWS services using Forward access sessions as the original requester's IP address is preserved.");
		expect(why).toContain("comes from an IP address that is associated with the Amazon EC2 infrastructure");
	});

	it('aws:VpcSourceIp, and a key written in another case in requestContext, are not carried either', () => {
		const vpcAddresses = policy(enableIam(), deny('kms:Decrypt', '*', {Sid: 'FromVpcAddresses', Principal: '*', Condition: {NotIpAddress: {'aws:VpcSourceIp': '10.0.0.0/8'}}}));
		const diagnosis = diagnose(sameAccountDownload({key: customerKey(keyArn, vpcAddresses), requestContext: {'aws:vpcsourceip': '10.1.2.3'}}));
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('unknown');
		expect(kmsContext(diagnosis)).not.toHaveProperty('aws:vpcsourceip');
		expect(resolveWith(diagnosis, 'aws:VpcSourceIp')).toContain('This is because the source IP of the initial request made using a VPC endpoint is not preserved in FAS requests.');
	});

	it("replication: the KMS requests of the role S3 assumes do not carry a network the snapshot gives either", () => {
		const name = 'replication-cross-account-replica-key-policy.json';
		const example = parseSnapshot(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'), name);
		if (!example.ok) throw new Error(example.error.message);
		const diagnosis = diagnose({...example.value, requestContext: {...example.value.requestContext, 'aws:SourceVpce': vpce}});
		const kms = diagnosis.actions.filter(action => action.action.startsWith('kms:'));
		expect(kms.length).toBeGreaterThan(0);
		for (const action of kms) expect(action.context).not.toHaveProperty('aws:SourceVpce');
	});
});
