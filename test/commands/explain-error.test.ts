import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {rawControls} from '../hostile/hostile-snapshot.js';
import {runBuiltCli} from './run-built-cli.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/errors/${name}`, import.meta.url), 'utf8');

describe('s3-kms-doctor explain-error', () => {
	it('explains an error given as an argument, in plain text', async () => {
		const run = await runBuiltCli(['explain-error', fixture('cli-upload-part-kms-decrypt.txt')]);
		expect(run.exitCode).toBe(0);
		expect(run.stderr).toBe('');
		expect(run.stdout).toMatch(/^Read as an AWS CLI \/ boto3 error \(AccessDenied in UploadPart\)\./);
		expect(run.stdout).toMatch(/^ {2}Principal {2}arn:aws:sts::111122223333:assumed-role\/Uploader\/alice$/m);
		expect(run.stdout).toMatch(/What it means\n {2}- /);
		expect(run.stdout).toMatch(/Check next\n {2}1\. Grant kms:Decrypt together with kms:GenerateDataKey/);
	});

	it('reads a CloudTrail file from standard input and prints the JSON contract, no more', async () => {
		const run = await runBuiltCli(['explain-error', '--format', 'json'], {input: fixture('cloudtrail-decrypt-denied.json')});
		expect(run.exitCode).toBe(0);
		expect(JSON.parse(run.stdout)).toEqual({
			principal: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice',
			action: 'kms:Decrypt',
			resource: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
			policyType: 'identity-based',
			denial: 'implicit',
			accounts: ['111122223333'],
			errorCode: 'AccessDenied',
			apiOperation: 'Decrypt',
			requestId: '3f5e2b1c-EXAMPLE-4a8d-9c7b-000000000001',
		});
	});

	it('JSON keeps every error of a pasted log (alsoDenied, each with its own facts) and the request ID AWS support asks for', async () => {
		const upload = fixture('cli-upload-part-kms-decrypt.txt').trim();
		const other = 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::222233334444:user/b is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no identity-based policy allows the kms:Decrypt action';
		const run = await runBuiltCli(['explain-error', '--format', 'json', '-'], {input: `${upload}\n${other}\n`});
		expect(run.exitCode).toBe(0);
		const json = JSON.parse(run.stdout) as {principal: string; alsoDenied?: Array<Record<string, unknown>>};
		expect(json.principal).toBe('arn:aws:sts::111122223333:assumed-role/Uploader/alice');
		expect(json.alsoDenied).toEqual([
			{
				principal: 'arn:aws:iam::222233334444:user/b',
				action: 'kms:Decrypt',
				resource: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
				policyType: 'identity-based',
				denial: 'implicit',
				accounts: ['222233334444', '111122223333'],
				operation: 'download',
				errorCode: 'AccessDenied',
				apiOperation: 'GetObject',
			},
		]);
		const sdk = await runBuiltCli(['explain-error', '--format', 'json', '-'], {input: fixture('js-sdk-v3-stack-and-metadata.txt')});
		expect(JSON.parse(sdk.stdout)).toMatchObject({statusCode: 403, requestId: 'Q6V0TQ2W1EXAMPLE'});
	});

	it("prints an SCP's explicit-deny message as AWS's wording for a Deny or no Allow, not as a Deny that matched", async () => {
		// IAM User Guide: "When an SCP denies access, the error message always includes the phrase due to an explicit deny
		// in a Service Control Policy, even if the denial is implicit."
		const run = await runBuiltCli(['explain-error', fixture('scp-explicit-with-policy-arn.txt')]);
		expect(run.exitCode).toBe(0);
		expect(run.stdout).toMatch(/^ {2}Policy {6}service control policy \(SCP\) \(worded as an explicit deny, as AWS words every SCP denial: a Deny, or no Allow at some level\)$/m);
		expect(run.stdout).toContain('a service control policy (SCP) denied it, by a Deny statement or by allowing it nowhere at some level (AWS words both as an explicit deny).');
		expect(run.stdout).toContain('  - AWS words the denial of a service control policy as an explicit deny even when it is implicit');
		expect(run.stdout).not.toMatch(/explicit Deny in a service control policy \(SCP\) matched|A Deny statement in a service control policy/);
		// JSON keeps the message's own word.
		const json = await runBuiltCli(['explain-error', '--format', 'json', fixture('scp-explicit-with-policy-arn.txt')]);
		expect(JSON.parse(json.stdout)).toMatchObject({policyType: 'service-control-policy', denial: 'explicit'});
	});

	it('reads a Python traceback or a .NET exception piped in as the AccessDenied inside it, none of the trace', async () => {
		for (const name of ['boto3-traceback.txt', 'dotnet-sdk-inner-exception.txt']) {
			const run = await runBuiltCli(['explain-error'], {input: fixture(name)});
			expect(run.exitCode, name).toBe(0);
			expect(run.stdout).toMatch(/^ {2}Principal +arn:aws:sts::111122223333:assumed-role\/App\/s1$/m);
			expect(run.stdout).toMatch(/^ {2}Policy +identity-based policy \(implicit deny: nothing allows it\)$/m);
			expect(run.stdout).not.toMatch(/Traceback|RuntimeError|HttpErrorResponseException|Program\.cs/);
		}
	});

	it('says what a HeadObject 403 cannot name, in text, and leaves it out of JSON', async () => {
		const text = 'fatal error: An error occurred (403) when calling the HeadObject operation: Forbidden';
		const run = await runBuiltCli(['explain-error', text]);
		expect(run.stdout).toContain('  - Not in the message: the caller, the action refused and which policy refused it.');
		expect(run.stdout).not.toMatch(/^ {2}(?:Principal|Action|Policy) /m);
		const json = await runBuiltCli(['explain-error', '--format', 'json', text]);
		expect(JSON.parse(json.stdout)).toEqual({accounts: [], operation: 'download', errorCode: '403', apiOperation: 'HeadObject', statusCode: 403});
	});

	it('leaves out in JSON what the text does not say', async () => {
		const run = await runBuiltCli(['explain-error', '--format', 'json', '-'], {input: fixture('s3-xml-plain.xml')});
		expect(JSON.parse(run.stdout)).toEqual({accounts: [], errorCode: 'AccessDenied', requestId: 'TX4B9EXAMPLE0001'});
	});

	describe('an encoded authorization failure message', () => {
		const unauthorized = 'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: ';
		const decode = (encoded: string): string => `aws sts decode-authorization-message --encoded-message '${encoded}' --query DecodedMessage --output text`;

		it('JSON carries the encoded message and the command that decodes it, as the text says them', async () => {
			const encoded = 'rHU-pVHMSckD0OAc5l3r9-gKN1XZ_a+b/c==';
			const text = await runBuiltCli(['explain-error', `${unauthorized}${encoded}`]);
			expect(text.stdout).toContain(decode(encoded));
			const run = await runBuiltCli(['explain-error', '--format', 'json', `${unauthorized}${encoded}`]);
			expect(run.exitCode).toBe(0);
			expect(JSON.parse(run.stdout)).toEqual({
				accounts: [],
				errorCode: 'UnauthorizedOperation',
				apiOperation: 'RunInstances',
				encodedMessage: encoded,
				decodeCommand: decode(encoded),
			});
		});

		it('JSON carries the authorization id AWS gave, and the command that shows its kept evaluation, as the text does', async () => {
			// IAM User Guide, "Troubleshoot access denied error messages with authorization ID": "make a request to the GetRequestAuthorizationDetails API and provide the authorization ID".
			const denial =
				'User: arn:aws:iam::123456789012:user/janedoe is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::acme/report.csv with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/ExampleDenyPolicy. Go to https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/example1a2b3c for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: example1a2b3c';
			const command = 'aws iam-toolbox get-request-authorization-details --authorization-id example1a2b3c';
			const json = await runBuiltCli(['explain-error', '--format', 'json', denial]);
			expect(JSON.parse(json.stdout)).toMatchObject({authorizationId: 'example1a2b3c', authorizationDetailsCommand: command});
			const text = await runBuiltCli(['explain-error', denial]);
			expect(text.stdout).toContain(command);
		});

		it('JSON carries it beside a KMS denial relayed through another service', async () => {
			const denial =
				'User: arn:aws:sts::111122223333:assumed-role/Uploader/alice is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab. Encoded authorization failure message: Zm9v-YmFy_';
			const run = await runBuiltCli(['explain-error', '--format', 'json', denial]);
			expect(JSON.parse(run.stdout)).toMatchObject({action: 'kms:Decrypt', encodedMessage: 'Zm9v-YmFy_', decodeCommand: decode('Zm9v-YmFy_')});
		});

		it('no control or invisible character of the paste reaches the token or the command', async () => {
			const run = await runBuiltCli(['explain-error', '--format', 'json', `${unauthorized}abc\u001b]52;c;aGk=\u0007def\u202eghi\r\u001b[2Kjkl`]);
			expect(rawControls(run.stdout)).toEqual([]);
			const json = JSON.parse(run.stdout) as {encodedMessage: string; decodeCommand: string};
			expect(json.encodedMessage).toMatch(/^[\w+/=-]+$/);
			expect(json.decodeCommand).toBe(decode(json.encodedMessage));
		});

		it('a token longer than the 10,240 characters STS takes is not taken for AWS\'s message, nor printed', async () => {
			// AWS STS API Reference, DecodeAuthorizationMessage, EncodedMessage: "Length Constraints: Minimum length of 1. Maximum length of 10240."
			const longest = await runBuiltCli(['explain-error', '--format', 'json', `${unauthorized}${'A'.repeat(10_240)}`]);
			expect((JSON.parse(longest.stdout) as {encodedMessage?: string}).encodedMessage).toHaveLength(10_240);
			const over = `${unauthorized}${'A'.repeat(10_241)}`;
			const json = await runBuiltCli(['explain-error', '--format', 'json', over]);
			expect(JSON.parse(json.stdout)).not.toHaveProperty('encodedMessage');
			expect(JSON.parse(json.stdout)).not.toHaveProperty('decodeCommand');
			expect(JSON.parse(json.stdout)).toMatchObject({encodedMessageTooLong: 10_241});
			const text = await runBuiltCli(['explain-error', over]);
			expect(text.stdout).not.toContain('AAAAAAAAAA');
			// Said as what it is, a token too long to decode, with what to do: not as an older message that names no policy.
			expect(text.stdout).toContain('the pasted token is too long to decode');
			expect(text.stdout).toContain('The encoded message pasted is 10,241 characters, over the 10,240 sts:DecodeAuthorizationMessage takes');
			expect(text.stdout).not.toContain('older message form');
		});
	});

	it('says "not recognised" and what it expected, in one line, with exit 2', async () => {
		const run = await runBuiltCli(['explain-error', 'the', 'upload', 'is', 'broken']);
		expect(run.exitCode).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr).toMatch(/^s3-kms-doctor: not recognised: the text holds no AWS error message; expected an AWS error such as "User: ARN is not authorized/);
	});

	it('says so when standard input is empty', async () => {
		const run = await runBuiltCli(['explain-error'], {input: ''});
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toMatch(/not recognised: the text is empty/);
	});
});
