import {describe, expect, it} from 'vitest';
import {explainDenial, parseAccessDenied, type DenialExplanation, type ParsedDenial} from '../../../source/inputs/error-message/index.js';

/** What a paste did to AWS's text (colours, HTML escaping, line breaks, several errors at once), and what the reader makes of it. */

const parsed = (text: string): ParsedDenial => {
	const result = parseAccessDenied(text);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

const words = (explanation: DenialExplanation): string => [explanation.summary, ...explanation.meaning, ...explanation.checkNext].join('\n');

const key = 'arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const session = 'arn:aws:sts::111122223333:assumed-role/App/sess';
const cliError = (operation: string, action: string, resource: string, why = `because no identity-based policy allows the ${action} action`): string =>
	`An error occurred (AccessDenied) when calling the ${operation} operation: User: ${session} is not authorized to perform: ${action} on resource: ${resource} ${why}`;

describe('a pasted error as the terminal or a web page left it', () => {
	it('reads through colour codes around the caller and the action', () => {
		const coloured = `\u001B[31mAn error occurred (AccessDenied) when calling the PutObject operation: User: \u001B[36m${session}\u001B[0m is not authorized to perform: \u001B[1mkms:GenerateDataKey\u001B[0m on resource: ${key} because no identity-based policy allows the kms:GenerateDataKey action\u001B[0m`;
		expect(parsed(coloured)).toMatchObject({principal: session, action: 'kms:GenerateDataKey', resource: key, policyType: 'identity-based', accounts: ['111122223333', '444455556666']});
	});

	it('decodes a text a web page HTML-escaped, so the object is the one S3 named', () => {
		const escaped = cliError('PutObject', 's3:PutObject', '&quot;arn:aws:s3:::amzn-s3-demo-bucket/a&amp;b.txt&quot;', 'with an explicit deny in a resource-based policy');
		expect(parsed(escaped).resource).toBe('arn:aws:s3:::amzn-s3-demo-bucket/a&b.txt');
		// Unescaped text keeps its `&amp;`: an S3 key may hold it.
		expect(parsed(cliError('PutObject', 's3:PutObject', '"arn:aws:s3:::amzn-s3-demo-bucket/a&amp;b.txt"')).resource).toBe('arn:aws:s3:::amzn-s3-demo-bucket/a&amp;b.txt');
	});

	it('reads the resource S3 quotes through the curly quotes a chat or a word processor put there', () => {
		// S3 quotes the resource: 'is not authorized to perform: action on "resource-arn"' (S3 User Guide, "Access denied
		// message examples"); pasted through Slack or a document, its quotes come back as “ and ”.
		const curly = cliError('GetObject', 's3:GetObject', '“arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv”');
		expect(parsed(curly)).toMatchObject({resource: 'arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv', policyType: 'identity-based', denial: 'implicit'});
	});

	it('joins an ARN a narrow terminal cut at the end of a line: in the key ID, the account and the caller', () => {
		const text = cliError('UploadPart', 'kms:Decrypt', key);
		for (const cut of ['34cd-5', 'us-east-1:4444', 'assumed-ro']) {
			const at = text.indexOf(cut) + cut.length;
			const denial = parsed(`${text.slice(0, at)}\n${text.slice(at)}`);
			expect(denial).toMatchObject({principal: session, resource: key, accounts: ['111122223333', '444455556666']});
		}
	});

	it('keeps the break after a whole ARN: the command that named the key is not glued to the error under it', () => {
		const command = `$ aws s3 cp ./big.bin s3://amzn-s3-demo-bucket/big.bin --sse aws:kms --sse-kms-key-id ${key}`;
		const error = `upload failed: ./big.bin to s3://amzn-s3-demo-bucket/big.bin ${cliError('UploadPart', 'kms:Decrypt', key)}`;
		expect(parsed(`${command}\n${error}`)).toMatchObject({resource: key, object: {bucket: 'amzn-s3-demo-bucket', objectKey: 'big.bin'}, operation: 'upload'});
		const sentence = `${cliError('PutObject', 's3:PutObject', '"arn:aws:s3:::b/k"', 'with an explicit deny in an identity-based policy: arn:aws:iam::111122223333:policy/DenyAll.')}\nGo back and check.`;
		expect(parsed(sentence).policyArn).toBe('arn:aws:iam::111122223333:policy/DenyAll');
	});
});

describe('several errors pasted at once', () => {
	const first = cliError('GetObject', 's3:GetObject', '"arn:aws:s3:::bucket-a/a.bin"');
	const second = cliError('PutObject', 's3:PutObject', '"arn:aws:s3:::bucket-a/b.bin"', 'with an explicit deny in a service control policy: arn:aws:organizations::777788889999:policy/o-abcdefghij/service_control_policy/p-12345678');

	it("reads each on its own: the second's policy and account are never the first's", () => {
		const denial = parsed(`${first}\n${second}`);
		expect(denial).toMatchObject({action: 's3:GetObject', policyType: 'identity-based', accounts: ['111122223333']});
		expect(denial.policyArn).toBeUndefined();
		expect(denial.alsoDenied).toHaveLength(1);
		expect(denial.alsoDenied?.[0]).toMatchObject({action: 's3:PutObject', policyType: 'service-control-policy', policyArn: expect.stringContaining('p-12345678')});
		expect(words(explainDenial(denial))).toContain('The text holds 1 more error: PutObject (s3:PutObject) by');
	});

	it('reads a long log in time linear in its length: 20,000 errors, or 100,000 rows a terminal cut', () => {
		// Before, each error searched the rest of the text for a transfer line, and each row joined re-read the line built.
		const log = `${first}\n`.repeat(20_000);
		expect(parsed(log).alsoDenied).toHaveLength(20);
		const rows = `${'x'.repeat(79)} \n`.repeat(100_000) + (first.match(/.{1,80}/g) ?? []).join('\n');
		expect(parsed(rows)).toMatchObject({action: 's3:GetObject', resource: 'arn:aws:s3:::bucket-a/a.bin', policyType: 'identity-based'});
	}, 20_000);

	it('keeps each `aws s3` transfer line with its own error', () => {
		const transfer = (file: string, error: string) => `upload failed: ./${file} to s3://bucket-b/${file} ${error}`;
		const denial = parsed(`${transfer('a.bin', first)}\n${transfer('big.bin', cliError('UploadPart', 'kms:Decrypt', key))}`);
		expect(denial.object).toEqual({bucket: 'bucket-b', objectKey: 'a.bin'});
		expect(denial.alsoDenied?.[0]).toMatchObject({object: {bucket: 'bucket-b', objectKey: 'big.bin'}, apiOperation: 'UploadPart'});
	});

	it('leads a CloudTrail file with the event that says why: KMS\'s reason before S3\'s bare "Access Denied"', () => {
		const identity = {type: 'AssumedRole', arn: session, accountId: '111122223333'};
		const records = [
			{eventSource: 's3.amazonaws.com', eventName: 'UploadPart', userIdentity: identity, errorCode: 'AccessDenied', errorMessage: 'Access Denied', requestParameters: {bucketName: 'b', key: 'big.bin'}},
			{eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', userIdentity: {...identity, invokedBy: 's3.amazonaws.com'}, errorCode: 'AccessDenied', errorMessage: `User: ${session} is not authorized to perform: kms:Decrypt on resource: ${key} because no identity-based policy allows the kms:Decrypt action`},
		];
		const denial = parsed(JSON.stringify({Records: records}));
		expect(denial).toMatchObject({action: 'kms:Decrypt', policyType: 'identity-based'});
		expect(words(explainDenial(denial))).toContain('The file holds 1 more denied event: UploadPart');
	});
});

describe('what an `aws s3` transfer line names', () => {
	it("a copy's both objects: the one it writes and the source it reads", () => {
		const denial = parsed(`copy failed: s3://src-bucket/in/a.bin to s3://dst-bucket/out/a.bin ${cliError('CopyObject', 'kms:Decrypt', key)}`);
		expect(denial).toMatchObject({operation: 'copy', object: {bucket: 'dst-bucket', objectKey: 'out/a.bin'}, sourceObject: {bucket: 'src-bucket', objectKey: 'in/a.bin'}, resource: key});
	});

	it('no source where the other end is a file: an upload, a move of a local file', () => {
		expect(parsed(`upload failed: ./big.bin to s3://b-bucket/big.bin ${cliError('UploadPart', 'kms:Decrypt', key)}`).sourceObject).toBeUndefined();
		expect(parsed(`move failed: ./big.bin to s3://b-bucket/big.bin ${cliError('UploadPart', 'kms:Decrypt', key)}`).sourceObject).toBeUndefined();
	});

	it('the AWS CLI as the tool: boto3 prints the same error, but not its "… failed: A to B" line', () => {
		expect(parsed(`upload failed: ./big.bin to s3://b-bucket/big.bin ${cliError('UploadPart', 'kms:Decrypt', key)}`).tool).toBe('aws-cli');
		expect(parsed(cliError('UploadPart', 'kms:Decrypt', key)).tool).toBeUndefined();
	});
});

describe('what is not an AWS error, or not quite one', () => {
	it.each([
		['npm', 'npm ERR! 403 Forbidden - PUT https://registry.npmjs.org/my-pkg - You do not have permission to publish "my-pkg"'],
		['git', 'fatal: unable to access \'https://example.com/repo.git/\': The requested URL returned error: 403'],
		['docker', 'Error response from daemon: pull access denied for myimage, repository does not exist or may require \'docker login\''],
	])("refuses %s's refusal: it is not AWS's", (_tool, text) => {
		expect(parseAccessDenied(text).ok).toBe(false);
	});

	it('still reads S3\'s own bare "Access Denied"', () => {
		expect(parseAccessDenied('Access Denied').ok).toBe(true);
	});

	it('reads an S3 XML body whose character reference names no character, without failing', () => {
		const result = parseAccessDenied('<Error><Code>AccessDenied</Code><Message>Access Denied &#x110000; &#0; &#xD800;</Message></Error>');
		expect(result.ok && result.value.message).toBe('Access Denied &#x110000; &#0; &#xD800;');
	});
});

describe('what the call names decides the explanation', () => {
	const explained = (text: string): string => words(explainDenial(parsed(text)));

	it('does not call a PutObject that lacks kms:Decrypt a multipart upload', () => {
		expect(explained(cliError('PutObject', 'kms:Decrypt', key))).not.toMatch(/part/i);
		expect(explained(cliError('UploadPart', 'kms:Decrypt', key))).toMatch(/UploadPart needs kms:Decrypt, not only kms:GenerateDataKey/);
	});

	it("does not say S3 called KMS when the caller called KMS itself (DescribeKey)", () => {
		const text = cliError('DescribeKey', 'kms:DescribeKey', key).replace('(AccessDenied)', '(AccessDeniedException)');
		expect(explained(text)).not.toMatch(/S3 called KMS/);
		expect(explained(cliError('PutObject', 'kms:GenerateDataKey', key))).toMatch(/S3 called KMS on the caller's behalf/);
	});

	const ciphertext = (operation: string) =>
		`An error occurred (AccessDenied) when calling the ${operation} operation: The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.`;

	it("explains KMS's ciphertext message by the call: a part of a multipart upload, the caller's own Decrypt, a download", () => {
		expect(explained(ciphertext('UploadPart'))).toMatch(/multipart upload's data key in UploadPart/);
		expect(explained(ciphertext('UploadPart'))).not.toMatch(/head-object/);
		const own = explained(ciphertext('Decrypt').replace('(AccessDenied)', '(AccessDeniedException)'));
		expect(own).toMatch(/The caller called KMS itself \(Decrypt\), not through S3/);
		expect(own).not.toMatch(/S3 asked KMS/);
		expect(explained(ciphertext('GetObject'))).toMatch(/S3 asked KMS to decrypt the object's data key/);
	});
});

describe("KMS's message that names no key: \"on this resource because the resource does not exist in this Region, …\"", () => {
	// KMS's own words, as it returns them where it names no key: "User: ARN is not authorized to perform: kms:Decrypt on this
	// resource because the resource does not exist in this Region, no resource-based policies allow access, or a
	// resource-based policy explicitly denies access" (and "… on the resource associated with this ciphertext because …").
	const because = 'because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access';
	const kmsError = (call: string, action: string, on = 'this resource') =>
		`An error occurred (AccessDenied${call === 'Decrypt' ? 'Exception' : ''}) when calling the ${call} operation: User: arn:aws:sts::111122223333:assumed-role/App/sess is not authorized to perform: ${action} on ${on} ${because}`;

	it('names no resource: "this resource" is not one', () => {
		expect(parsed(kmsError('PutObject', 'kms:GenerateDataKey')).resource).toBeUndefined();
		expect(parsed(kmsError('GetObject', 'kms:Decrypt', 'the resource associated with this ciphertext')).resource).toBeUndefined();
		expect(parsed(kmsError('PutObject', 'kms:GenerateDataKey'))).toMatchObject({principal: 'arn:aws:sts::111122223333:assumed-role/App/sess', action: 'kms:GenerateDataKey', operation: 'upload'});
	});

	it("says what the message says: no key in this Region, or the key policy allows nothing or denies; never that it names no policy", () => {
		const upload = words(explainDenial(parsed(kmsError('PutObject', 'kms:GenerateDataKey'))));
		expect(upload).not.toMatch(/does not say which policy|older message form|on this resource/);
		expect(upload).toMatch(/KMS refused kms:GenerateDataKey/);
		expect(upload).toMatch(/does not exist in this Region/);
		expect(upload).toMatch(/key policy/);
		// Not a decrypt: an upload's GenerateDataKey is not the object's key being decrypted.
		expect(upload).not.toMatch(/decrypt/i);
		expect(upload).toMatch(/get-bucket-encryption/);
		const own = words(explainDenial(parsed(kmsError('Decrypt', 'kms:Decrypt'))));
		expect(own).not.toMatch(/does not say which policy|older message form/);
		expect(own).toMatch(/The caller called KMS itself \(Decrypt\), not through S3/);
	});
});

describe('"no resource-based policy allows" on a KMS key', () => {
	const message = (partition: string, keyAccount: string) =>
		`An error occurred (AccessDenied) when calling the PutObject operation: User: arn:${partition}:sts::111122223333:assumed-role/App/sess is not authorized to perform: kms:GenerateDataKey on resource: arn:${partition}:kms:${partition === 'aws-cn' ? 'cn-north-1' : 'us-east-1'}:${keyAccount}:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:GenerateDataKey action`;

	it("across accounts, names the caller's account root to allow, in the message's partition", () => {
		const explained = words(explainDenial(parsed(message('aws-cn', '444455556666'))));
		// IAM: "An implicit denial occurs when there is no applicable Deny statement but also no applicable Allow statement."
		// So the message does not say the key policy names neither the caller nor its account: an Allow naming them may have
		// a condition that did not hold.
		expect(explained).toContain('No statement of the key policy (account 444455556666) allows kms:GenerateDataKey to this principal or its account 111122223333 for this request');
		expect(explained).toContain('or one that does has a condition that did not hold');
		expect(explained).not.toMatch(/names neither/);
		expect(explained).toContain('allow kms:GenerateDataKey for arn:aws-cn:iam::111122223333:root');
		expect(explained).not.toContain('arn:aws:iam::');
	});

	it("in one account, names the key account's root statement that lets IAM policies grant it", () => {
		const explained = words(explainDenial(parsed(message('aws', '111122223333'))));
		expect(explained).toContain('keep the default statement that allows arn:aws:iam::111122223333:root and grant it in IAM');
		// No applicable Allow, not "no statement allowing the account root": that statement may be there, its condition failing.
		expect(explained).toContain('No statement of the key policy allows kms:GenerateDataKey to this principal for this request, nor lets IAM policies grant it');
		expect(explained).not.toMatch(/no statement allowing the account root/);
	});
});

describe('a message cut off before it names the policy', () => {
	const full = cliError('PutObject', 'kms:GenerateDataKey', key, 'because no resource-based policy allows the kms:GenerateDataKey action');
	const explicit = cliError('PutObject', 'kms:GenerateDataKey', key, 'with an explicit deny in a resource-based policy');

	it.each([
		['inside "because no … policy allows"', full.slice(0, full.indexOf('policy allows') + 3)],
		['after "with an explicit deny in a"', explicit.slice(0, explicit.indexOf(' resource-based'))],
		['inside the key ID', full.slice(0, full.indexOf('34cd-') + 5)],
	])('%s: says it is cut off, never "an older message form" or a policy it did not name', (_where, text) => {
		const denial = parsed(text);
		expect(denial.truncated).toBe(true);
		expect(denial.policyType).toBeUndefined();
		const explained = words(explainDenial(denial));
		expect(explained).toMatch(/the message is cut off before it says which policy/);
		expect(explained).not.toMatch(/older message form/);
	});

	it('still reads the older form, which names no policy at all, as such', () => {
		const older = `User: ${session} is not authorized to perform: kms:GenerateDataKey on resource: ${key}`;
		expect(parsed(older).truncated).toBeUndefined();
		expect(words(explainDenial(parsed(older)))).toMatch(/older message form/);
	});
});
