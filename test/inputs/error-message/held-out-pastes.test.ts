import {describe, expect, it} from 'vitest';
import {explanationOutput} from '../../../source/commands/explain-error.js';
import {parseAccessDenied} from '../../../source/inputs/error-message/index.js';

/**
 * Errors as customers pasted them in public issues, and as AWS's documentation prints them: each is what a support
 * engineer hands `explain-error`, and each test asserts what the engineer then reads (the text report, as the CLI prints it).
 * Redacted accounts (`<hidden>`, `xxxx`) are kept as the reporter wrote them.
 */

/** What explain-error prints for `text`; a text it does not recognise fails the test with its one line. */
const shown = (text: string): string => {
	const parsed = parseAccessDenied(text);
	if (!parsed.ok) throw new Error(`not recognised: ${parsed.error.message}`);
	return explanationOutput(parsed.value, 'text');
};

/** The value on a fact line ("  Principal  arn:…"), or undefined where the report shows no such line. */
const fact = (output: string, label: string): string | undefined =>
	new RegExp(`^ {2}${label} +(.+)$`, 'm').exec(output)?.[1];

describe('the AWS CLI as older releases and retyped pastes word it', () => {
	it('"A client error (AccessDenied) occurred when calling …": the call, the object and S3\'s withheld reason', () => {
		// https://github.com/aws/aws-cli/issues/813 (aws-cli/1.3.4)
		const output = shown('upload failed: ./baz to s3://mybucket/foo/bar/baz A client error (AccessDenied) occurred when calling the PutObject operation: Access Denied');
		expect(output).toMatch(/^Read as an AWS CLI \/ boto3 error \(AccessDenied in PutObject\)\./);
		expect(fact(output, 'Object')).toBe('s3://mybucket/foo/bar/baz');
		expect(fact(output, 'Operation')).toBe('upload');
		expect(output).toContain('S3 said only "Access Denied": the detailed reason is withheld.');
		expect(output).not.toContain('an older message form');
	});

	it('"A client error (KMS.NotFoundException) occurred …" is the key not found, in PutObject', () => {
		// https://github.com/aws/aws-cli/issues/1517 (aws-cli 1.8.6)
		const output = shown("A client error (KMS.NotFoundException) occurred when calling the PutObject operation: Key 'arn:aws:kms:us-west-1:accountnumber:key/hex-string-snip' does not exist");
		expect(output).toMatch(/^Read as an AWS CLI \/ boto3 error \(KMS\.NotFoundException in PutObject\)\./);
		expect(output).toContain('KMS cannot find the key');
	});

	it("the operation's name in quotes, as a reporter retyped it", () => {
		// https://github.com/aws/aws-cli/issues/6713
		const output = shown("An error occurred (AccessDenied) when calling the 'PutObject' operation: Access Denied");
		expect(output).toMatch(/^Read as an AWS CLI \/ boto3 error \(AccessDenied in PutObject\)\./);
		expect(output).toContain('S3 said only "Access Denied"');
	});
});

describe('a message over several lines, as AWS and customers lay it out', () => {
	it('one line per part of the sentence, the accounts redacted: each line starting with AWS\'s words goes on from a whole ARN', () => {
		// https://github.com/slashdevops/idp-scim-sync/pull/540 ("Observed error"; its last line, cut in the excerpt kept,
		// is AWS's sentence as the pull request's summary quotes it).
		const output = shown(
			[
				'User: arn:aws:sts::<acct>:assumed-role/serverless-idp-scim-sync-<acct>-us-east-1/idp-scim-sync',
				'is not authorized to perform: kms:Decrypt',
				'on resource: arn:aws:kms:us-east-1:<acct>:key/<key-id>',
				'because no identity-based policy allows the kms:Decrypt action',
			].join('\n'),
		);
		expect(fact(output, 'Principal')).toBe('arn:aws:sts::<acct>:assumed-role/serverless-idp-scim-sync-<acct>-us-east-1/idp-scim-sync');
		expect(fact(output, 'Action')).toBe('kms:Decrypt');
		expect(fact(output, 'Resource')).toBe('arn:aws:kms:us-east-1:<acct>:key/<key-id>');
		expect(fact(output, 'Policy')).toBe('identity-based policy (implicit deny: nothing allows it)');
	});

	it('the same with Windows line ends', () => {
		const output = shown(
			'User: arn:aws:sts::<acct>:assumed-role/App/s1\r\nis not authorized to perform: kms:Decrypt\r\non resource: arn:aws:kms:us-east-1:<acct>:key/<key-id>\r\nbecause no session policy allows the kms:Decrypt action\r\n',
		);
		expect(fact(output, 'Principal')).toBe('arn:aws:sts::<acct>:assumed-role/App/s1');
		expect(fact(output, 'Resource')).toBe('arn:aws:kms:us-east-1:<acct>:key/<key-id>');
		expect(fact(output, 'Policy')).toBe('session policy (implicit deny: nothing allows it)');
	});
});

describe('an AWS error inside JSON of another program', () => {
	it("a Step Functions failure's cause: the KMS denial in it, its policy type as written", () => {
		// https://github.com/4dn-dcic/tibanna/issues/402
		const output = shown(
			JSON.stringify(
				{
					cause:
						"Lambda was unable to decrypt the environment variables because KMS access was denied. Please check the function's KMS key settings. KMS Exception: AccessDeniedExceptionKMS Message: User: arn:aws:sts::aws-account:assumed-role/tibanna_a_run_task_awsem/run_task_awsem_tibanna_a is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:resion:aws-acount:key/key_ID because no resource-based policy allows the kms:Decrypt action (Service: Lambda, Status Code: 502, Request ID: ID)",
					error: 'Lambda.KMSAccessDeniedException',
				},
				null,
				2,
			),
		);
		expect(fact(output, 'Principal')).toBe('arn:aws:sts::aws-account:assumed-role/tibanna_a_run_task_awsem/run_task_awsem_tibanna_a');
		expect(fact(output, 'Action')).toBe('kms:Decrypt');
		expect(fact(output, 'Policy')).toBe('resource-based policy (implicit deny: nothing allows it)');
		expect(output).toContain('No statement of the key policy allows kms:Decrypt');
	});

	it("a structured log line's error: the SCP denial, with the placeholders the reporter wrote", () => {
		// https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2322
		const output = shown(`{
  "level": "error",
  "logger": "controller-runtime.manager.controller.ingress",
  "msg": "Reconciler error",
  "name": "ingress-2048",
  "namespace": "game-2048",
  "error": "AccessDeniedException: User: arn:aws:sts::{account-id}:assumed-role/{role-arn} is not authorized to perform: waf-regional:GetWebACLForResource on resource: arn:aws:waf-regional:{region}:{account-id}:*/* with an explicit deny in a service control policy"
}`);
		expect(fact(output, 'Action')).toBe('waf-regional:GetWebACLForResource');
		expect(fact(output, 'Policy')).toMatch(/^service control policy \(SCP\)/);
		expect(output).toContain('The SCPs attached to the organization root');
	});

	it('JSON with no AWS error in it is still one clear line', () => {
		const parsed = parseAccessDenied('{"level": "info", "msg": "started"}');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.error.message).toMatch(/none of its text is an AWS error/);
	});
});

describe("KMS's own messages: who asked KMS is what the text says, never S3 by default", () => {
	const ciphertext = 'The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.';

	it('the ciphertext message in an S3 download: S3 asked KMS, and the object\'s key is found with head-object', () => {
		// https://github.com/ministryofjustice/modernisation-platform/issues/3468
		const output = shown(
			`[root@ip-10-26-57-175 bin]# aws s3 cp s3://modernisation-platform-software20230224000709766100000001/laa-platform/cloudwatch-agent-config/config.json /opt/aws/amazon-cloudwatch-agent/bin/.\ndownload failed: s3://modernisation-platform-software20230224000709766100000001/laa-platform/cloudwatch-agent-config/config.json to ../../opt/aws/amazon-cloudwatch-agent/bin/config.json An error occurred (AccessDenied) when calling the GetObject operation: ${ciphertext}`,
		);
		expect(fact(output, 'Operation')).toBe('download');
		expect(output).toContain("S3 asked KMS to decrypt the object's data key on the caller's behalf.");
		expect(output).toContain('`aws s3api head-object` shows it as SSEKMSKeyId');
	});

	it('the ciphertext message in an S3 XML body: S3 asked KMS', () => {
		// https://github.com/chadgeary/nifi/issues/13
		const output = shown(
			`<Error>\n<Code>AccessDenied</Code>\n<Message>${ciphertext}</Message>\n<RequestId>ZRZ47BQH6ENT1WB6</RequestId>\n<HostId>XhatbJKMqo9F31Zzt2M/B6pyESgrBx86BPH9nGAUZH/G7O8cmJMl2olhhzhERkm/SX7MXJD48R0=</HostId>\n</Error>`,
		);
		expect(fact(output, 'Request ID')).toBe('ZRZ47BQH6ENT1WB6');
		expect(output).toContain('S3 asked KMS');
	});

	it("the ciphertext message answered by KMS itself (Java's Service: AWSKMS): the caller's own call, not S3's", () => {
		// https://github.com/Droplr/aws-env/issues/29
		const output = shown(`panic: AccessDeniedException: ${ciphertext.replace(/\.$/, '')}. (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: xxx)`);
		expect(output).toContain('The caller called KMS itself');
		expect(output).not.toMatch(/S3 asked KMS|head-object|bucket/);
	});

	it('the ciphertext message alone, as the JavaScript SDK prints it: the text names no call, so both are named', () => {
		// https://github.com/aws/aws-encryption-sdk-javascript/issues/1005
		const output = shown(`AccessDeniedException: ${ciphertext}`);
		expect(output).toContain('The text names no call');
		expect(output).not.toContain('S3 asked KMS');
	});

	it("the ciphertext message in SSM's GetParameter: no S3 call, and not said to be the caller's own KMS call", () => {
		// https://github.com/tryolabs/aws-workshop/issues/6
		const output = shown(
			`[stderr]botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the GetParameter operation: ${ciphertext} (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: 5f642215-959a-11e8-bfd1-81a81941d54a)`,
		);
		expect(output).toContain('KMS would not decrypt in GetParameter');
		expect(output).toContain('The failed call was GetParameter, no S3 call');
		expect(output).not.toMatch(/called KMS itself|S3 asked KMS/);
	});

	it("NotFoundException in the caller's own Encrypt: the key the call names, with no bucket in the advice", () => {
		// https://github.com/boto/botocore/issues/2107
		const output = shown(
			"04:21:37  botocore.errorfactory.NotFoundException: An error occurred (NotFoundException) when calling the Encrypt operation: Key 'arn:aws:kms:us-east-1:5*************2:key/e11f1804-f93a-4c67-be21-dd963d667090' does not exist",
		);
		expect(output).toMatch(/^Read as an AWS CLI \/ boto3 error \(NotFoundException in Encrypt\)\./);
		expect(output).toContain('KMS cannot find the key the request names');
		expect(output).toContain('The caller called KMS itself (Encrypt)');
		expect(output).not.toMatch(/bucket/i);
	});

	it('"Invalid arn" from the KMS client of the SDK for Java: no bucket in the advice', () => {
		// https://github.com/apache/hadoop/pull/4637
		const output = shown(
			'Caused by: com.amazonaws.services.kms.model.NotFoundException: Invalid arn eu-west-2 (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: dcedb31f-e4aa-4a70-8321-d131211558c8; Proxy: null)',
		);
		expect(fact(output, 'Request ID')).toBe('dcedb31f-e4aa-4a70-8321-d131211558c8');
		expect(output).toContain('KMS cannot find the key');
		expect(output).not.toMatch(/bucket/i);
	});

	it('KMS.NotFoundException in an S3 upload: the bucket\'s default key is where to look', () => {
		// https://github.com/aws/aws-cli/issues/4507
		const output = shown('upload failed: ./config to s3://my_bucket_blah/hi.txt An error occurred (KMS.NotFoundException) when calling the PutObject operation: Invalid keyId aws/s3');
		expect(fact(output, 'Object')).toBe('s3://my_bucket_blah/hi.txt');
		expect(output).toContain("in the bucket's default encryption");
	});
});

describe('the Deny to look for is the one of the action AWS names', () => {
	it("the IAM User Guide's example with an authorization ID: an IAM action gets no S3 conditions to look for", () => {
		// IAM User Guide, "Troubleshoot access denied error messages with authorization ID": "The following example shows an
		// access denied error message that includes a policy ARN, a link to the AWS Management Console, and an authorization ID".
		// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied-authorization-id.html
		const output = shown(
			[
				'User: arn:aws:iam::123456789012:user/janedoe is not authorized to perform: iam:CreateInstanceProfile',
				'on resource: arn:aws:iam::123456789012:instance-profile/my-instance-profile',
				'with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/ExampleDenyPolicy.',
				'Go to https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/EXAMPLE1a2b3c4d5e6f7g8h9i0j for complete details,',
				'or call the GetRequestAuthorizationDetails API with the following authorization id: EXAMPLE1a2b3c4d5e6f7g8h9i0j',
			].join('\n'),
		);
		expect(fact(output, 'Principal')).toBe('arn:aws:iam::123456789012:user/janedoe');
		expect(fact(output, 'Resource')).toBe('arn:aws:iam::123456789012:instance-profile/my-instance-profile');
		expect(fact(output, 'Policy ARN')).toBe('arn:aws:iam::123456789012:policy/ExampleDenyPolicy');
		expect(output).toContain('find the Deny on iam:CreateInstanceProfile.');
		expect(output).not.toMatch(/s3:x-amz-server-side-encryption|upload/);
		expect(output).toContain('aws iam-toolbox get-request-authorization-details --authorization-id EXAMPLE1a2b3c4d5e6f7g8h9i0j');
	});

	it('a bucket policy Deny on s3:ListBucket: no upload encryption header to look for', () => {
		// https://github.com/noobaa/noobaa-core/issues/10060 (the AWS message it quotes)
		const output = shown(
			'An error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: arn:aws:iam::<account-ID>:user/<username> is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::<bucket=-name>" with an explicit deny in a resource-based policy',
		);
		expect(fact(output, 'Policy')).toBe('resource-based policy (explicit deny)');
		expect(output).toContain('find the Deny on s3:ListBucket, typically conditions on aws:SecureTransport or aws:SourceVpce.');
		expect(output).not.toContain('encryption header');
	});

	it('a lambda action denied with no policy named: the older form, nothing invented about where', () => {
		// https://github.com/cloud-custodian/cloud-custodian/issues/4736
		const output = shown(
			'botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the GetFunction operation: User: arn:aws:iam::1111111111:user/USERNAME is not authorized to perform: lambda:GetFunction on resource: arn:aws:lambda:us-east-1:11111111111:function:custodian-s3-deny-public-object-acl-realtime with an explicit deny',
		);
		expect(fact(output, 'Policy')).toBe('a policy AWS did not name (explicit deny)');
		expect(output).toContain('an explicit Deny (AWS did not say where) matched');
	});
});

describe('an encoded authorization failure message', () => {
	// AWS STS API Reference, DecodeAuthorizationMessage: "The decoded message includes the following type of information:
	// Whether the request was denied due to an explicit deny or due to the absence of an explicit allow. … The principal who
	// made the request. The requested action. The requested resource. The values of condition keys in the context of the
	// user's request." https://docs.aws.amazon.com/cli/latest/reference/sts/decode-authorization-message.html
	it('as CloudFormation relays EC2\'s: recognised, and decoding it is the first step', () => {
		// https://github.com/aws/aws-parallelcluster/issues/372 (the encoded message cut where the excerpt kept ends)
		const encoded =
			'rHU-pVHMSckD0OAc5l3r9-gKN1XZjZ2X9J3w0fZ31licaTpAVwlD9ix3fLSABy3XTEkRZRz0cNrXAz1L9EuYD42cSrVIrEBEd_PLpYkwcK8H4IpFKmbdAbSv8ckmleW3wXOez7Z1zQmB5RfzX8rGGme0aV8zpj7W_BEloqdHBTd0nmWAYDWuHF5d-a7BnDA5PDOB';
		const output = shown(`  - AWS::EC2::Instance MasterServer API: ec2:RunInstances You are not authorized to perform this operation. Encoded authorization failure message: ${encoded}`);
		expect(output).toContain('AWS encoded the reason in the message');
		expect(output).toMatch(new RegExp(`Check next\\n {2}1\\. Decode the reason AWS encoded .*: aws sts decode-authorization-message --encoded-message '${encoded}' --query DecodedMessage --output text\\n`));
		expect(output).not.toContain('older message form');
	});

	it('in the AWS CLI\'s UnauthorizedOperation: the call is kept, the decode step leads', () => {
		const output = shown('An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: rHU-pVHMSckD0OAc5l3r9-gKN1XZ');
		expect(output).toMatch(/^Read as an AWS CLI \/ boto3 error \(UnauthorizedOperation in RunInstances\)\./);
		expect(output).toMatch(/Check next\n {2}1\. Decode the reason AWS encoded/);
	});
});

describe("S3's withheld \"Access Denied\" in a multipart upload", () => {
	// S3 User Guide, "Multipart upload API and permissions": "To perform a multipart upload with encryption using an AWS KMS
	// key, the requester must have permission to the kms:Decrypt and kms:GenerateDataKey actions on the key."
	it('UploadPart of a large file across accounts: the multipart kms:Decrypt need is named first, as a possibility', () => {
		// https://github.com/aws/aws-cli/issues/4251 ("it was successful to upload small files but failed to upload big files")
		const output = shown('upload failed: ./12MB.file to s3://account2S3bucket/12MB.file An error occurred (AccessDenied) when calling the UploadPart operation: Access Denied');
		expect(fact(output, 'Object')).toBe('s3://account2S3bucket/12MB.file');
		expect(output).toContain('S3 said only "Access Denied"');
		expect(output).toContain('The withheld message does not say whether that is the reason here.');
		expect(output).toMatch(/Check next\n {2}1\. Where the bucket encrypts with SSE-KMS: the uploader must be allowed kms:Decrypt as well as kms:GenerateDataKey/);
		// Nothing is said to have been refused: the text names no action.
		expect(fact(output, 'Action')).toBeUndefined();
	});

	it('a single PutObject gets no multipart words', () => {
		// https://github.com/awslabs/mlmax/issues/59
		const output = shown('An error occurred (AccessDenied) when calling the PutObject operation: Access Denied');
		expect(output).not.toMatch(/multipart/);
	});
});

describe('the policy type AWS names, in an S3 request', () => {
	const caller = 'arn:aws:sts::111122223333:assumed-role/Uploader/session1';
	const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

	it('an RCP denying CreateMultipartUpload in a CodeBuild log: the RCP, and the object as S3 quoted it', () => {
		// https://github.com/aws-ia/terraform-aws-control_tower_account_factory/issues/567
		const output = shown(
			[
				'[Container] 2025/07/15 12:06:05.577947 Running command aws s3 cp layer.zip s3://${BUCKET_NAME}/layer.zip',
				'--',
				'upload failed: ./layer.zip to s3://aft-customizations-pipeline-<hidden>/layer.zip An error occurred (AccessDenied) when calling the CreateMultipartUpload operation: User: arn:aws:sts::<hidden>:assumed-role/python-layer-builder-aft-common-jr09zk4r/AWSCodeBuild-c1698c4c-10a6-4f6c-8a23-4c221b2ba678 is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::aft-customizations-pipeline-<hidden>/layer.zip" with an explicit deny in a resource control policy',
				' ',
				'[Container] 2025/07/15 12:06:06.442040 Command did not exit successfully aws s3 cp layer.zip s3://${BUCKET_NAME}/layer.zip exit status 1',
			].join('\n'),
		);
		expect(output).toMatch(/^Read as an AWS CLI \/ boto3 error \(AccessDenied in CreateMultipartUpload\)\./);
		expect(fact(output, 'Resource')).toBe('arn:aws:s3:::aft-customizations-pipeline-<hidden>/layer.zip');
		expect(fact(output, 'Policy')).toBe('resource control policy (RCP) (explicit deny)');
		expect(output).toContain('aws organizations list-policies-for-target --filter RESOURCE_CONTROL_POLICY');
	});

	it('a VPC endpoint policy refusing kms:Decrypt in GetObject: not called the caller\'s direct KMS call', () => {
		const output = shown(
			`An error occurred (AccessDenied) when calling the GetObject operation: User: ${caller} is not authorized to perform: kms:Decrypt on resource: ${key} with an explicit deny in a VPC endpoint policy`,
		);
		expect(fact(output, 'Policy')).toBe('VPC endpoint policy (explicit deny)');
		expect(output).not.toContain("this is the caller's direct KMS call");
		expect(output).toContain('AWS does not document which endpoint');
		expect(output).toContain('The policy of each VPC endpoint the request went through');
	});

	it("the same refusal in the caller's own Decrypt keeps the KMS endpoint as the one", () => {
		const output = shown(
			`An error occurred (AccessDeniedException) when calling the Decrypt operation: User: ${caller} is not authorized to perform: kms:Decrypt on resource: ${key} with an explicit deny in a VPC endpoint policy`,
		);
		expect(output).toContain("this is the caller's direct KMS call");
	});

	it('a permissions boundary named by ARN in PutObject: the boundary and its ARN, as written', () => {
		const output = shown(
			`An error occurred (AccessDenied) when calling the PutObject operation: User: ${caller} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::b/k" with an explicit deny in a permissions boundary: arn:aws:iam::111122223333:policy/Boundary`,
		);
		expect(fact(output, 'Policy')).toBe('permissions boundary (explicit deny)');
		expect(fact(output, 'Policy ARN')).toBe('arn:aws:iam::111122223333:policy/Boundary');
	});

	it('a session policy in CompleteMultipartUpload, wrapped with CRLF: the multipart kms:Decrypt need and the session policy', () => {
		const output = shown(
			`An error occurred (AccessDenied) when calling the CompleteMultipartUpload operation: User: ${caller} is not authorized to perform:\r\n kms:Decrypt on resource: ${key}\r\n because no session policy allows the kms:Decrypt action\r\n`,
		);
		expect(fact(output, 'Policy')).toBe('session policy (implicit deny: nothing allows it)');
		expect(output).toContain('CompleteMultipartUpload needs kms:Decrypt, not only kms:GenerateDataKey');
		expect(output).toContain('Session policies cannot be read from AWS afterwards');
	});

	it('no resource-based policy allows s3:GetObject: the bucket policy, for a caller of another account', () => {
		const output = shown(
			'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::other-bucket/k" because no resource-based policy allows the s3:GetObject action',
		);
		expect(fact(output, 'Policy')).toBe('resource-based policy (implicit deny: nothing allows it)');
		expect(output).toContain('The bucket policy of other-bucket: allow s3:GetObject');
	});
});

describe('the multipart words are for the calls that decrypt', () => {
	it('a withheld CreateMultipartUpload, which needs kms:GenerateDataKey only, gets none', () => {
		// AWS Knowledge Center, s3-large-file-encryption-kms-key: "Permissions for the kms:GenerateDataKey action for the
		// CreateMultipartUpload API. Permissions for the kms:Decrypt action on the UploadPart and UploadPartCopy APIs."
		const output = shown('An error occurred (AccessDenied) when calling the CreateMultipartUpload operation: Access Denied');
		expect(output).toContain('S3 said only "Access Denied"');
		expect(output).not.toContain('kms:Decrypt as well as kms:GenerateDataKey');
	});
});

describe('the AWS SDK for Go v1, as Terraform and older tools print it', () => {
	it('"AccessDenied: Access Denied" then "status code: 403, request id: …": S3 withheld the reason; the request ID is kept', () => {
		// https://github.com/hashicorp/terraform/issues/27467
		const output = shown(
			'Error refreshing state: AccessDenied: Access Denied\n\tstatus code: 403, request id: 32C5F7ACFD08498D, host id: w4Y6W9kQKM22x/10sAtzqpzr3oOBFHVuCxqDL2VdC0PdcFgettFtIYp+w6ys7x3M8agmGrJ8z/Q=',
		);
		expect(output).toMatch(/^Read as an AWS SDK for Go error \(AccessDenied\)\./);
		expect(fact(output, 'Request ID')).toBe('32C5F7ACFD08498D');
		expect(output).toContain('S3 said only "Access Denied": the detailed reason is withheld.');
		expect(output).not.toContain('older message form');
	});

	it('a KMS denial with the status line glued after AWS\'s sentence: the facts as written, and the request ID', () => {
		// https://github.com/ministryofjustice/modernisation-platform/pull/11726
		const output = shown(
			'error creating GZIP reader for file "r53-public-dns-logs/2025/10/15/10/r53-public-dns-logs-to-s3-2-2025-10-15-10-07-47-59a27961-4151-4fdb-bbec-025ebc3e38ef" (event: "ObjectCreated:Put", bucket: "modernisation-platform-logs-r53-public-dns-logs"): AccessDenied: User: arn:aws:sts::624384546187:assumed-role/cortex_xsiam20240930112820077540000001/xdr-collection is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-2:624384546187:key/b997e702-260d-456b-95c4-270624f53307 because no identity-based policy allows the kms:Decrypt action status code: 403, request id: TMZDENVDWQ8V6JV53, host id: 6Av1FXprlxRXDazevV+VEmp2Y9AImBndpQe9biZPA/uW2nBGR9RKxrILhF+2qTlGANGDKJ6yH/rQ=',
		);
		expect(fact(output, 'Principal')).toBe('arn:aws:sts::624384546187:assumed-role/cortex_xsiam20240930112820077540000001/xdr-collection');
		expect(fact(output, 'Resource')).toBe('arn:aws:kms:eu-west-2:624384546187:key/b997e702-260d-456b-95c4-270624f53307');
		expect(fact(output, 'Policy')).toBe('identity-based policy (implicit deny: nothing allows it)');
		expect(fact(output, 'Request ID')).toBe('TMZDENVDWQ8V6JV53');
	});

	it('"NotFoundException: Invalid arn" with an empty request id', () => {
		// https://github.com/coreos/coreos-kubernetes/issues/688
		const output = shown('Error: failed to compress TLS assets: NotFoundException: Invalid arn\n\tstatus code: 400, request id: ');
		expect(output).toMatch(/^Read as an AWS SDK for Go error \(NotFoundException\)\./);
		expect(output).toContain('KMS cannot find the key');
		expect(fact(output, 'Request ID')).toBeUndefined();
	});
});

describe("S3's bare \"Access Denied\" after a program's own words, as the SDK for Java relays it", () => {
	it('in a CloudFormation resource handler message (SDK for Java 2.x): withheld, with the request ID', () => {
		// https://github.com/aws-samples/service-catalog-engine-for-terraform-os/issues/88
		const output = shown(
			'Resource handler returned message: "Access Denied (Service: S3, Status Code: 403, Request ID: SHBHEG1V01Y3F5H8, Extended Request ID: DSvaSYSBaXQgMOyZPDbtY9y6Oepg2NmsRcjg7TddFeFSdFConBq28jVBlzHHRMzfYEYDbE2Mfqo=)" (RequestToken: a26dc00b-3097-1185-7d9a-21e76ee5a253, HandlerErrorCode: GeneralServiceException)',
		);
		expect(fact(output, 'Request ID')).toBe('SHBHEG1V01Y3F5H8');
		expect(output).toContain('S3 said only "Access Denied": the detailed reason is withheld.');
	});

	it("after CodePipeline's advice (SDK for Java 1.x): withheld", () => {
		// https://github.com/aws/aws-cdk/issues/8947
		const output = shown(
			'You do not have sufficient permissions to call s3.putObject for the deployment bucket, XXXXX. Verify that the policy on the resource allows you to perform this task. If you choose a canned ACL for your Amazon S3 deployment action, the policy must include the PutObjectAcl action. If the object already exists, the policy must also include the PutObjectVersionAcl action. Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: XXXXX; S3 Extended Request ID: XXXXXXXXX)',
		);
		expect(output).toMatch(/^Read as an AWS SDK for Java error \(AccessDenied\)\./);
		expect(output).toContain('S3 said only "Access Denied"');
	});

	it("KMS's own \"null\" message (SDK for Java) is not taken for S3's withheld reason", () => {
		// https://pastebin.com/5n2REpvi (a CloudWatch alarm action's error)
		const output = shown('null (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: 6b7806a6-2c16-4582-9ecd-05100161746e)');
		expect(fact(output, 'Request ID')).toBe('6b7806a6-2c16-4582-9ecd-05100161746e');
		expect(output).not.toContain('S3 said only');
	});
});

/*
 * The cases below are AWS's documented message, "User: user-arn is not authorized to perform action on "resource-arn"
 * because context" (S3 User Guide, "Troubleshoot access denied (403 Forbidden) errors in Amazon S3",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html), in the wrappings customers paste.
 */
describe('the documented message in the wrappings customers paste', () => {
	const caller = 'arn:aws:sts::111122223333:assumed-role/Uploader/session1';
	const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
	const implicit = (action: string): string => `User: ${caller} is not authorized to perform: ${action} on resource: ${key} because no identity-based policy allows the ${action} action`;

	it('the JavaScript SDK v3: "AccessDenied: …", its stack and $metadata; the request ID from $metadata', () => {
		const output = shown(
			`AccessDenied: ${implicit('kms:Decrypt')}\n    at throwDefaultError (/app/node_modules/@smithy/smithy-client/dist-cjs/index.js:867:20)\n    at /app/node_modules/@smithy/smithy-client/dist-cjs/index.js:876:5 {\n  $fault: 'client',\n  $metadata: {\n    httpStatusCode: 403,\n    requestId: 'ABCD1234EFGH5678',\n  },\n  Code: 'AccessDenied'\n}\n`,
		);
		expect(fact(output, 'Principal')).toBe(caller);
		expect(fact(output, 'Request ID')).toBe('ABCD1234EFGH5678');
		expect(output).not.toMatch(/throwDefaultError|\$metadata/);
	});

	it('a log line with a timestamp and level before the CLI error, and CRLF: the multipart Decrypt advice', () => {
		const output = shown(
			`2024-05-01T10:00:00.123Z ERROR [worker-3] upload failed: ./big.bin to s3://bucket/big.bin An error occurred (AccessDenied) when calling the UploadPart operation: ${implicit('kms:Decrypt')}\r\n`,
		);
		expect(fact(output, 'Operation')).toBe('upload');
		expect(output).toMatch(/Check next\n {2}1\. Grant kms:Decrypt together with kms:GenerateDataKey on arn:aws:kms:us-east-1:111122223333:key\/1234abcd-12ab-34cd-56ef-1234567890ab to the uploader\./);
	});

	it('an SCP denying kms:Decrypt in GetObject: AWS\'s explicit-deny wording of every SCP denial, and the download\'s key', () => {
		const output = shown(
			`An error occurred (AccessDenied) when calling the GetObject operation: User: ${caller} is not authorized to perform: kms:Decrypt on resource: ${key} with an explicit deny in a service control policy`,
		);
		expect(fact(output, 'Policy')).toMatch(/^service control policy \(SCP\) \(worded as an explicit deny/);
		expect(output).toContain("S3 calls KMS as the caller, so the caller's SCPs apply to S3's KMS calls too");
	});

	it('KMS.KMSInvalidStateException "… is pending deletion." in GetObject: the cancel command for the key named', () => {
		const output = shown(`An error occurred (KMS.KMSInvalidStateException) when calling the GetObject operation: ${key} is pending deletion.`);
		expect(fact(output, 'Key')).toBe(key);
		expect(output).toContain(`aws kms cancel-key-deletion --key-id '${key}' --region 'us-east-1'`);
	});

	it('KMS.DisabledException "… is disabled." in PutObject: not a missing permission', () => {
		const output = shown(`An error occurred (KMS.DisabledException) when calling the PutObject operation: ${key} is disabled.`);
		expect(output).toContain('The KMS key is disabled: this is not a missing permission.');
		expect(output).toContain(`aws kms enable-key --key-id '${key}' --region 'us-east-1'`);
	});
});

describe('hostile text never reaches the terminal raw', () => {
	it('ANSI sequences, C1 controls, BEL, carriage returns and bidi overrides in the ARNs a message quotes', () => {
		const output = shown(
			'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::111122223333:assumed-role/App/s\u202Eevil\u009B31m is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/a\u200Bb\u001B[2J\rX\u0007**bold**" because no identity-based policy allows the s3:GetObject action',
		);
		// eslint-disable-next-line no-control-regex
		expect(output).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202E]/);
		expect(fact(output, 'Principal')).toContain('\\u202e');
		expect(fact(output, 'Action')).toBe('s3:GetObject');
	});
});

describe('the SDKs for Ruby and PHP, and the AWS Tools for PowerShell', () => {
	it('Ruby v3 "Aws::S3::Errors::AccessDenied: Access Denied": S3 withheld the reason', () => {
		// https://github.com/aws/aws-sdk-ruby/issues/2435
		const output = shown('Aws::S3::Errors::AccessDenied: Access Denied');
		expect(output).toMatch(/^Read as an SDK error \(AccessDenied\)\./);
		expect(output).toContain('S3 said only "Access Denied"');
		expect(output).not.toContain('older message form');
	});

	it('Ruby v1 "… Access Denied (AWS::S3::Errors::AccessDenied)" with its backtrace', () => {
		// https://github.com/mazondo/harpoon/issues/6
		const output = shown(
			"/Library/Ruby/Gems/2.0.0/gems/aws-sdk-1.51.0/lib/aws/core/client.rb:375:in `return_or_raise': Access Denied (AWS::S3::Errors::AccessDenied)\n    from /Library/Ruby/Gems/2.0.0/gems/aws-sdk-1.51.0/lib/aws/core/client.rb:476:in `client_request'\n    from (eval):3:in `get_bucket_website'",
		);
		expect(output).toMatch(/^Read as an SDK error \(AccessDenied\)\./);
		expect(output).toContain('S3 said only "Access Denied"');
	});

	it("PowerShell's error record of Write-S3Object: S3 withheld the reason", () => {
		// The shape of an AWS Tools for PowerShell error record, as an AWS lab's upload.log shows it for Write-S3Object
		// ("Write-S3Object : The specified bucket does not exist / At …upload.ps1:13 char:1 / … / FullyQualifiedErrorId :
		// Amazon.S3.AmazonS3Exception,Amazon.PowerShell.Cmdlets.S3.WriteS3ObjectCmdlet"), with S3's "Access Denied".
		const output = shown(
			[
				'Write-S3Object : Access Denied',
				'At C:\\apps\\bin\\upload.ps1:13 char:1',
				'+ Write-S3Object -BucketName $S3_BUCKET_NAME -Key big.zip ...',
				'+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
				'    + CategoryInfo          : NotSpecified: (:) [Write-S3Object], AmazonS3Exception',
				'    + FullyQualifiedErrorId : Amazon.S3.AmazonS3Exception,Amazon.PowerShell.Cmdlets.S3.WriteS3ObjectCmdlet',
			].join('\n'),
		);
		expect(output).toContain('S3 said only "Access Denied"');
	});

	it("PHP's message with a cut copy of the XML body before the whole one: the request ID of the whole body", () => {
		// The AWS SDK for PHP's exception message as applications log it: "Error executing \"PutObject\" on …; AWS HTTP error: Client error: … resulted
		// in a `403 Forbidden` response: <cut body> (truncated...) AccessDenied (client): Access Denied - <whole body>".
		const output = shown(
			[
				'Error executing "PutObject" on "https://my-bucket.s3.amazonaws.com/uploads/file.pdf"; AWS HTTP error: Client error: `PUT https://my-bucket.s3.amazonaws.com/uploads/file.pdf` resulted in a `403 Forbidden` response:',
				'<?xml version="1.0" encoding="UTF-8"?>',
				'<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>B2F3E0A (truncated...)',
				' AccessDenied (client): Access Denied - <?xml version="1.0" encoding="UTF-8"?>',
				'<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>B2F3E0A4B44C7D54</RequestId><HostId>abc=</HostId></Error>',
			].join('\n'),
		);
		expect(fact(output, 'Request ID')).toBe('B2F3E0A4B44C7D54');
		expect(output).toContain('S3 said only "Access Denied"');
	});
});

describe('redacted accounts are not filled in', () => {
	it("an S3 exception from the SDK for Java with the accounts redacted: the key's account root named once, no account invented", () => {
		// https://github.com/ministryofjustice/modernisation-platform-environments/pull/10745
		const output = shown(
			'Message: com.amazonaws.services.s3.model.AmazonS3Exception: User: arn:aws:sts::xxxx:assumed-role/observability-platform/xxxx is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-2:xxx:key/x because no identity-based policy allows the kms:Decrypt action',
		);
		expect(fact(output, 'Principal')).toBe('arn:aws:sts::xxxx:assumed-role/observability-platform/xxxx');
		expect(fact(output, 'Accounts')).toBeUndefined();
		expect(output).toContain("check that it allows the key's account root or the caller itself");
		expect(output).not.toMatch(/arn:aws:iam::\S*:root/);
	});
});
