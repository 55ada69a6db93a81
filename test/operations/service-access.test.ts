import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {checkRequestFactFlags, withRequestFacts} from '../../source/commands/check-request-facts.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {multipartLine} from '../../source/report/describe.js';
import {awsServices} from '../../source/operations/aws-services.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {awsServiceNames} from '../../source/snapshot/service-names.js';
import type {ServiceInfo} from '../../source/snapshot/operation-facts.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {
	account,
	allow,
	bucket,
	bucketArn,
	buildSnapshot,
	customerKey,
	deny,
	enableIam,
	keyArn,
	keyArnOf,
	named,
	otherAccount,
	policy,
	rootOf,
	without,
} from '../diagnosis/support/build-snapshot.js';
import {applyAllFixes, decisions, expectFixesHold, findingIds} from '../diagnosis/support/fix-checks.js';

/**
 * An AWS service reading or writing the object. Whose credentials reach S3 is the service's own page's word, kept in
 * operations/aws-services.ts; these tests hold the diagnosis to the AWS sentences each rule comes from.
 */

const glueRole = `arn:aws:iam::${account}:role/service-role/GlueJobRole`;
const analystArn = `arn:aws:iam::${account}:user/analyst`;

const serviceSnapshot = (operation: 'service-read' | 'service-write', service: ServiceInfo | undefined, overrides: Parameters<typeof buildSnapshot>[0] = {}): Snapshot => {
	const snapshot = buildSnapshot({
		object: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: false}},
		...overrides,
		question: {operation, ...overrides.question},
	});
	const withService = service ? {...snapshot, service} : snapshot;
	// A service reports no tool; a read names no key (S3 knows the object's).
	return operation === 'service-read' ? without(withService, 'question.kmsKeyId', 'question.sizeBytes', 'question.tool') : without(withService, 'question.tool', 'question.sizeBytes');
};

const athena: ServiceInfo = {name: 'athena'};
const contextOf = (snapshot: Snapshot, id: string) => diagnose(snapshot).actions.find(action => action.id === id)!.context;

describe('the services table', () => {
	it('has one entry per name of the tuple, each with the AWS page and the sentence it rests on', () => {
		expect(Object.keys(awsServices).sort()).toEqual([...awsServiceNames].sort());
		for (const facts of Object.values(awsServices)) {
			expect(facts.page).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
			expect(facts.says.length).toBeGreaterThan(40);
			expect(facts.family === 'forward-access-session' ? facts.calledVia : facts.roleWords).toBeTruthy();
		}
	});

	// Athena User Guide, "Control access to Amazon S3 from Athena": "When actors interact with Athena, their permissions
	// pass through Athena to determine what Athena can access." Glue, "Create an IAM role for AWS Glue": "You need to grant
	// your IAM role permissions that AWS Glue can assume when calling other services on your behalf."
	it('puts Athena in the forward-access-session family and the services that run with a role of theirs in the other', () => {
		const families = Object.fromEntries(Object.entries(awsServices).map(([name, facts]) => [name, facts.family]));
		expect(families).toEqual({
			athena: 'forward-access-session',
			glue: 'service-role',
			emr: 'service-role',
			lambda: 'service-role',
			'redshift-spectrum': 'service-role',
			sagemaker: 'service-role',
			firehose: 'service-role',
			// Lake Formation, "Registering an Amazon S3 location": "Lake Formation assumes that role when it grants temporary
			// credentials to integrated AWS services that access the data in that location."
			'lake-formation': 'service-role',
		});
	});
});

describe('Athena: the caller, through a forward access session', () => {
	// IAM User Guide, "Forward access sessions": "When a FAS request is made, the aws:CalledVia, aws:CalledViaFirst, and
	// aws:CalledViaLast condition keys are populated with the service principal of the service that initiated the FAS
	// call. The aws:ViaAWSService condition key value is set to true whenever a FAS request is made."
	it("carries aws:CalledVia [athena] on the S3 request and [athena, s3] on S3's KMS request, aws:ViaAWSService true on both", () => {
		const snapshot = serviceSnapshot('service-read', athena);
		expect(contextOf(snapshot, 's3:GetObject@destination')).toMatchObject({
			'aws:ViaAWSService': true,
			'aws:CalledVia': ['athena.amazonaws.com'],
			'aws:CalledViaFirst': 'athena.amazonaws.com',
			'aws:CalledViaLast': 'athena.amazonaws.com',
		});
		expect(contextOf(snapshot, 'kms:Decrypt@destination')).toMatchObject({
			'aws:ViaAWSService': true,
			'aws:CalledVia': ['athena.amazonaws.com', 's3.amazonaws.com'],
			'aws:CalledViaFirst': 'athena.amazonaws.com',
			'aws:CalledViaLast': 's3.amazonaws.com',
			'kms:ViaService': 's3.eu-west-1.amazonaws.com',
		});
		expect(diagnose(snapshot).question.principalArn).toBe(`arn:aws:iam::${account}:user/alice`);
	});

	// Athena User Guide, "Use CalledVia context keys for Athena": "you can use the aws:CalledVia condition key to limit
	// requests to only those made from Athena ... "Condition": { "ForAnyValue:StringEquals": { "aws:CalledVia": "athena.amazonaws.com" } }".
	const onlyThroughAthena = named(
		'OnlyThroughAthena',
		policy(
			allow(['s3:GetObject'], `${bucketArn}/*`, {Sid: 'Objects', Condition: {'ForAnyValue:StringEquals': {'aws:CalledVia': 'athena.amazonaws.com'}}}),
			allow(['kms:Decrypt'], keyArn, {Sid: 'UseKey', Condition: {'ForAnyValue:StringEquals': {'aws:CalledVia': 'athena.amazonaws.com'}}}),
		),
	);

	it("is allowed by AWS's own Athena-only statement, which denies the same caller a direct download", () => {
		expect(diagnose(serviceSnapshot('service-read', athena, {principal: {identityPolicies: [onlyThroughAthena]}})).verdict).toBe('allowed');
		const direct = without(buildSnapshot({question: {operation: 'download'}, principal: {identityPolicies: [onlyThroughAthena]}, object: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn}}}), 'question.kmsKeyId');
		expect(diagnose(direct).verdict).toBe('denied');
	});

	// Athena User Guide, "Control access to Amazon S3 from Athena": "Note that requests to Amazon S3 come from a private
	// IPv4 address for Athena, not the source IP specified in aws:SourceIp. For this reason, you cannot use the aws:SourceIp
	// condition to deny access to Amazon S3 actions in a given IAM policy."
	// IAM User Guide, "AWS: Denies access to AWS based on the source IP": "The policy does not deny requests made by AWS
	// services using Forward access sessions as the original requester's IP address is preserved."
	// The pages disagree, so the outcome is not documented: unknown, never a guessed "denied" or "allowed".
	const officeOnly = deny('s3:*', [bucketArn, `${bucketArn}/*`], {Sid: 'OfficeOnly', Principal: '*', Condition: {NotIpAddress: {'aws:SourceIp': '203.0.113.0/24'}}});
	const fromOffice = {requestContext: {'aws:SourceIp': '203.0.113.7'}};

	it("does not carry the caller's aws:SourceIp: an office-only Deny that lets the caller download is not decided for Athena, and is named", () => {
		expect(diagnose(buildSnapshot({question: {operation: 'download'}, bucket: {policy: policy(officeOnly)}, object: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn}}, ...fromOffice})).verdict).toBe('allowed');
		const snapshot = serviceSnapshot('service-read', athena, {bucket: {policy: policy(officeOnly)}, ...fromOffice});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.actions[0]!.context['aws:SourceIp']).toBeUndefined();
		expect(diagnosis.unknowns.find(note => note.what === "the request's aws:SourceIp")!.resolveWith).toContain('private IPv4 address for Athena');
		// A warning beside an unknown row: the verdict does not say "denied" while the row says "?".
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.actions.find(action => action.action === 's3:GetObject')!.decision).toBe('unknown');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'service-network-condition')!;
		expect(finding.severity).toBe('warning');
		expect(finding.message).toContain('the bucket policy, statement "OfficeOnly" (Deny on aws:SourceIp)');
		expect(finding.message).toContain('private IPv4 address for Athena');
		expect(finding.message).toContain("the original requester's IP address is preserved");
		expect(finding.remedy).toContain('"Bool": {"aws:ViaAWSService": "false"}');
		// The correction is a fix like the others: proven by re-diagnosing, in the bucket owner's account.
		expectFixesHold(snapshot, diagnosis);
		const fix = diagnosis.fixes.find(candidate => candidate.kind === 'correct-condition')!;
		expect(fix.place).toBe('bucket-policy');
		expect(fix.appliesIn.account).toBe(account);
		expect(fix.statement).toMatchObject({Sid: 'OfficeOnly', Effect: 'Deny', Condition: {NotIpAddress: {'aws:SourceIp': '203.0.113.0/24'}, Bool: {'aws:ViaAWSService': 'false'}}});
		// It gives something up, and says so beside the fix: any service acting with these credentials skips the rule.
		expect(fix.weakens).toContain('are no longer kept to the network aws:SourceIp names');
	});

	it('the remedy the finding gives holds: with aws:ViaAWSService false in the Deny, Athena is allowed and the office rule stays for direct calls', () => {
		const exempt = {...officeOnly, Condition: {...officeOnly['Condition'] as object, Bool: {'aws:ViaAWSService': 'false'}}};
		const snapshot = serviceSnapshot('service-read', athena, {bucket: {policy: policy(exempt)}, ...fromOffice});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('allowed');
		expect(findingIds(diagnosis)).not.toContain('service-network-condition');
		const elsewhere = buildSnapshot({question: {operation: 'download'}, bucket: {policy: policy(exempt)}, object: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn}}, requestContext: {'aws:SourceIp': '198.51.100.1'}});
		expect(diagnose(elsewhere).verdict).toBe('denied');
	});

	it('names a VPC endpoint condition in the key policy too (aws:SourceVpce is not the caller\'s through Athena)', () => {
		const vpceOnly = policy(enableIam(), deny('kms:*', '*', {Sid: 'OnlyFromVpce', Principal: '*', Condition: {StringNotEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}}));
		const diagnosis = diagnose(serviceSnapshot('service-read', athena, {key: customerKey(keyArn, vpceOnly)}));
		expect(diagnosis.findings.find(finding => finding.id === 'service-network-condition')!.message).toContain('the key policy, statement "OnlyFromVpce" (Deny on aws:SourceVpce)');
	});

	it('names only statements on the request\'s actions: a source-IP rule for EC2 in the same policy is not this request\'s', () => {
		const identity = named('Mixed', policy(
			allow(['s3:GetObject'], `${bucketArn}/*`, {Sid: 'Objects'}),
			allow(['kms:Decrypt'], keyArn, {Sid: 'UseKey'}),
			deny('ec2:*', '*', {Sid: 'Ec2FromOffice', Condition: {NotIpAddress: {'aws:SourceIp': '203.0.113.0/24'}}}),
		));
		const diagnosis = diagnose(serviceSnapshot('service-read', athena, {principal: {identityPolicies: [identity]}}));
		expect(findingIds(diagnosis)).not.toContain('service-network-condition');
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('writes query results as the caller: PutObject, GenerateDataKey and, as the service may write in parts, Decrypt', () => {
		const diagnosis = diagnose(serviceSnapshot('service-write', athena));
		expect(diagnosis.actions.map(action => action.id)).toEqual(['s3:PutObject@destination', 'kms:GenerateDataKey@destination', 'kms:Decrypt@destination']);
		expect(diagnosis.verdict).toBe('allowed');
		// No size could decide it, so the missing size is not given as the reason.
		expect(multipartLine(diagnosis.question)).toBe("unknown: the service's multipart threshold is not known, so both a single request and a multipart upload were checked");
	});

	it('a caller without kms:Decrypt: denied at the key, and the proven fix goes to the caller\'s own IAM policy, with exact actions', () => {
		const noKey = named('ObjectsOnly', policy(allow(['s3:GetObject'], `${bucketArn}/*`)));
		const snapshot = serviceSnapshot('service-read', athena, {principal: {identityPolicies: [noKey]}});
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@destination': 'allowed', 'kms:Decrypt@destination': 'denied'});
		expect(diagnosis.fixes.length).toBeGreaterThan(0);
		expectFixesHold(snapshot, diagnosis);
		expect(JSON.stringify(diagnosis.fixes.map(fix => fix.statement))).not.toContain('*"');
		expect(diagnosis.fixes[0]!.statement).toMatchObject({Action: ['kms:Decrypt']});
	});
});

describe('a service with a role of its own (Glue, EMR, Lambda, …): diagnosed as the role', () => {
	const glue: ServiceInfo = {name: 'glue', roleArn: glueRole};
	const roleWithoutKey = {arn: glueRole, identityPolicies: [named('GlueS3', policy(allow(['s3:GetObject', 's3:PutObject'], `${bucketArn}/*`)))], permissionsBoundary: null};

	it("makes a direct request as the role: no aws:CalledVia, aws:ViaAWSService false, and the role's policies decide", () => {
		const snapshot = serviceSnapshot('service-read', glue, {principal: roleWithoutKey});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.question.principalArn).toBe(glueRole);
		expect(diagnosis.actions[0]!.context).toMatchObject({'aws:ViaAWSService': false, 'aws:CalledVia': null});
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@destination': 'allowed', 'kms:Decrypt@destination': 'denied'});
		expect(diagnosis.findings.find(finding => finding.id === 'service-acts-as')!.message).toContain(glueRole);
	});

	// AWS Glue Developer Guide, "Configure security settings" (crawler): "If the crawler reads Amazon S3 data encrypted with
	// AWS Key Management Service (AWS KMS), then the role must have decrypt permissions on the AWS KMS key."
	it('same account: the proven fix gives the role kms:Decrypt on the key, applied in the role\'s account', () => {
		const snapshot = serviceSnapshot('service-read', glue, {principal: roleWithoutKey});
		const diagnosis = diagnose(snapshot);
		expectFixesHold(snapshot, diagnosis);
		const fix = diagnosis.fixes[0]!;
		expect(fix.place).toBe('identity-policy');
		expect(fix.statement).toMatchObject({Effect: 'Allow', Action: ['kms:Decrypt'], Resource: keyArn});
		expect(fix.command).toContain('GlueJobRole');
	});

	it('across accounts: the key policy in the key owner\'s account names the role, and the role\'s own policy allows it too', () => {
		const foreignKey = keyArnOf(otherAccount);
		const snapshot = serviceSnapshot('service-write', glue, {
			principal: {arn: glueRole, identityPolicies: [named('GlueS3', policy(allow(['s3:PutObject'], `${bucketArn}/*`)))], permissionsBoundary: null},
			question: {kmsKeyId: foreignKey},
			bucket: {accountId: otherAccount, policy: policy(allow('s3:PutObject', `${bucketArn}/*`, {Principal: {AWS: glueRole}}))},
			key: customerKey(foreignKey, policy(enableIam(otherAccount))),
		});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expectFixesHold(snapshot, diagnosis);
		const places = diagnosis.fixes.filter(fix => fix.proven).map(fix => [fix.place, fix.appliesIn.account]);
		expect(places).toContainEqual(['key-policy', otherAccount]);
		expect(places).toContainEqual(['identity-policy', account]);
		const keyFix = diagnosis.fixes.find(fix => fix.place === 'key-policy')!;
		expect(keyFix.statement).toMatchObject({Principal: {AWS: glueRole}});
		expect(JSON.stringify(keyFix.statement)).not.toContain('GenerateDataKey*');
	});

	it("a Lake Formation location: the registration role, not the analyst, reads the data (Athena's own finding says so)", () => {
		const registration = `arn:aws:iam::${account}:role/LakeFormationDataAccess`;
		const diagnosis = diagnose(serviceSnapshot('service-read', {name: 'lake-formation', roleArn: registration}, {principal: {...roleWithoutKey, arn: registration}}));
		expect(diagnosis.question.principalArn).toBe(registration);
		expect(diagnosis.findings.find(finding => finding.id === 'service-acts-as')!.message).toContain('Lake Formation assumes that role');
		expect(diagnose(serviceSnapshot('service-read', athena)).findings.find(finding => finding.id === 'service-acts-as')!.message).toContain('--service lake-formation');
	});

	it('without the role named, the verdict is unknown (never denied by a policy naming someone else), and the finding says which role to name', () => {
		const snapshot = without(serviceSnapshot('service-read', {name: 'lambda'}), 'principal');
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('unknown');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'service-role-not-named')!;
		expect(finding.message).toContain("the function's execution role");
		expect(finding.remedy).toContain('--service lambda --service-role');
	});

	it('keeps the network keys a snapshot gives: the role\'s own request is not a forward access session', () => {
		const diagnosis = diagnose(serviceSnapshot('service-read', glue, {principal: roleWithoutKey, requestContext: {'aws:SourceIp': '203.0.113.7'}}));
		expect(diagnosis.actions[0]!.context['aws:SourceIp']).toBe('203.0.113.7');
		expect(findingIds(diagnosis)).not.toContain('service-network-condition');
	});
});

describe('the snapshot field', () => {
	it('older snapshots, with no service, still read; a service not named is a warning, not a guess', () => {
		const diagnosis = diagnose(serviceSnapshot('service-read', undefined));
		expect(findingIds(diagnosis)).toContain('service-not-named');
		expect(diagnosis.actions[0]!.context['aws:CalledVia']).toBeNull();
	});

	it('parses service and its role; refuses an unknown service and a role ARN that is not a role', () => {
		const base = serviceSnapshot('service-read', {name: 'glue', roleArn: glueRole});
		expect(parseSnapshot(JSON.stringify(base), 't').ok).toBe(true);
		const unknownService = parseSnapshot(JSON.stringify({...base, service: {name: 'kinesis'}}), 't');
		expect(!unknownService.ok && unknownService.error.message).toContain('service.name');
		const user = parseSnapshot(JSON.stringify({...base, service: {name: 'glue', roleArn: analystArn}}), 't');
		expect(user.ok).toBe(false);
	});
});

describe('check --service and --service-role', () => {
	it('refuses them with another operation, a role for Athena, and what is not a role, in one line each', () => {
		expect(() => checkRequestFactFlags('download', {service: 'athena'})).toThrow('--service and --service-role name the AWS service that reads or writes the object: give them with --operation service-read or service-write');
		expect(() => checkRequestFactFlags('service-read', {service: 'athena', serviceRole: glueRole})).toThrow("--service-role does not apply to athena: Amazon Athena reads and writes with the caller's own credentials");
		expect(() => checkRequestFactFlags('service-read', {service: 'glue', serviceRole: analystArn})).toThrow('is not an IAM role ARN');
		expect(() => checkRequestFactFlags('service-read', {service: 'glue', serviceRole: 'GlueJobRole'})).toThrow('--service-role');
		expect(() => checkRequestFactFlags('service-read', {serviceRole: glueRole})).toThrow('--service-role needs --service');
		expect(() => checkRequestFactFlags('service-read', {service: 'glue', serviceRole: glueRole})).not.toThrow();
	});

	it("keeps the profile's caller for Athena, and drops it for a service whose role is not named (the profile does not make the request)", () => {
		const collected = buildSnapshot({question: {operation: 'service-read'}});
		expect(withRequestFacts(collected, {service: 'athena'})).toMatchObject({service: {name: 'athena'}, principal: {arn: collected.principal!.arn}});
		const glueUnnamed = withRequestFacts(collected, {service: 'glue'});
		expect(glueUnnamed.principal).toBeUndefined();
		expect(glueUnnamed.service).toEqual({name: 'glue'});
		expect(withRequestFacts(collected, {service: 'glue', serviceRole: glueRole}).service).toEqual({name: 'glue', roleArn: glueRole});
	});
});

describe('who applies the fix across accounts with Athena', () => {
	it('a caller of another account: the bucket policy and key policy of the owner, and the caller\'s IAM policy', () => {
		const foreignKey = keyArnOf(otherAccount);
		const snapshot = serviceSnapshot('service-read', athena, {
			principal: {identityPolicies: [named('Objects', policy(allow('s3:GetObject', `${bucketArn}/*`)))]},
			bucket: {accountId: otherAccount, policy: policy(allow('s3:GetObject', `${bucketArn}/*`, {Principal: {AWS: rootOf(account)}}))},
			object: {encryption: {algorithm: 'aws:kms', kmsKeyId: foreignKey, bucketKeyEnabled: false}, ownerAccountId: otherAccount},
			key: customerKey(foreignKey, policy(enableIam(otherAccount))),
		});
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('denied');
		expectFixesHold(snapshot, diagnosis);
		expect(diagnosis.fixes.map(fix => fix.appliesIn.account)).toEqual(expect.arrayContaining([otherAccount, account]));
		expect(bucket).toBe('example-bucket');
	});
});

describe('the examples', () => {
	const load = (name: string): Snapshot => {
		const parsed = parseSnapshot(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'), name);
		if (!parsed.ok) throw new Error(parsed.error.message);
		return parsed.value;
	};

	it('athena-query-source-ip-deny.json: the office rule may deny Athena (unknown), the correction is proven and keeps the rule for direct requests', () => {
		const snapshot = load('athena-query-source-ip-deny.json');
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('unknown');
		expect(findingIds(diagnosis)).toEqual(expect.arrayContaining(['service-acts-as', 'service-network-condition']));
		expectFixesHold(snapshot, diagnosis);
		expect(diagnose(applyAllFixes(snapshot, diagnosis)).verdict).toBe('allowed');
		// The same analyst downloading from the office is allowed; from elsewhere, still denied after the fix.
		const fixed = applyAllFixes(snapshot, diagnosis);
		const direct = {...fixed, question: {...fixed.question, operation: 'download' as const}};
		expect(diagnose(direct).verdict).toBe('allowed');
		expect(diagnose({...direct, requestContext: {'aws:SourceIp': '198.51.100.1'}}).verdict).toBe('denied');
	});

	it('glue-job-cross-account-key.json: the role, not a person; the key owner and the role\'s account each apply one proven fix', () => {
		const snapshot = load('glue-job-cross-account-key.json');
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.question.principalArn).toBe('arn:aws:iam::111122223333:role/service-role/GlueOrdersJob');
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@destination': 'allowed', 'kms:Decrypt@destination': 'denied'});
		expectFixesHold(snapshot, diagnosis);
		expect(diagnosis.fixes.map(fix => [fix.place, fix.appliesIn.account])).toEqual([
			['identity-policy', '111122223333'],
			['key-policy', '444455556666'],
		]);
		expect(diagnose(applyAllFixes(snapshot, diagnosis)).verdict).toBe('allowed');
	});
});
