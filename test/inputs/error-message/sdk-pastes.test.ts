import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {explainDenial, parseAccessDenied, type DenialExplanation, type ParsedDenial} from '../../../source/inputs/error-message/index.js';
import {denialMeaning} from '../../../source/ui/conversation/denial-meaning.js';

/**
 * The same AccessDenied as engineers paste it: from the AWS CLI, boto3 (bare and in a traceback), the AWS SDKs for
 * JavaScript v3, .NET and Java v2, with what each prints around AWS's message. IAM User Guide, "Troubleshooting access
 * denied error messages": "Most access denied error messages appear in the format `User user is not authorized to
 * perform action on resource because context`", and "When the policy implicitly denies access, then AWS includes the
 * phrase `because no type policy allows the action action` in the access denied error message."
 */

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/errors/${name}`, import.meta.url), 'utf8');

const parsed = (text: string): ParsedDenial => {
	const result = parseAccessDenied(text);
	if (!result.ok) throw new Error(`not recognised: ${result.error.message}`);
	return result.value;
};

const words = (explanation: DenialExplanation): string => [explanation.summary, ...explanation.meaning, ...explanation.checkNext].join('\n');

const caller = 'arn:aws:sts::111122223333:assumed-role/App/s1';
const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const awsMessage = (action: string, because = `because no identity-based policy allows the ${action} action`): string =>
	`User: ${caller} is not authorized to perform: ${action} on resource: ${key} ${because}`;

describe('the facts of one AccessDenied, whichever tool printed it', () => {
	it.each<[string, string, Partial<ParsedDenial>]>([
		[
			'AWS CLI v2',
			`An error occurred (AccessDenied) when calling the PutObject operation: ${awsMessage('kms:GenerateDataKey')}\n`,
			{form: 'cli', errorCode: 'AccessDenied', apiOperation: 'PutObject', operation: 'upload', action: 'kms:GenerateDataKey', message: awsMessage('kms:GenerateDataKey')},
		],
		[
			'boto3 ClientError',
			`botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the PutObject operation: ${awsMessage('kms:GenerateDataKey')}`,
			{form: 'cli', errorCode: 'AccessDenied', apiOperation: 'PutObject', operation: 'upload', action: 'kms:GenerateDataKey', message: awsMessage('kms:GenerateDataKey')},
		],
		[
			'boto3 in a Python traceback, another exception after it',
			fixture('boto3-traceback.txt'),
			{form: 'cli', errorCode: 'AccessDenied', apiOperation: 'PutObject', operation: 'upload', action: 'kms:GenerateDataKey', message: awsMessage('kms:GenerateDataKey')},
		],
		[
			'AWS SDK for JavaScript v3, its stack and printed error object',
			fixture('js-sdk-v3-stack-and-metadata.txt'),
			{form: 'sdk-error', errorCode: 'AccessDenied', action: 'kms:Decrypt', statusCode: 403, requestId: 'Q6V0TQ2W1EXAMPLE', message: awsMessage('kms:Decrypt')},
		],
		[
			'AWS SDK for .NET, its inner exception and stack',
			fixture('dotnet-sdk-inner-exception.txt'),
			{form: 'sdk-error', action: 'kms:Decrypt', message: awsMessage('kms:Decrypt')},
		],
		[
			'AWS SDK for Java v2',
			fixture('java-sdk-v2.txt'),
			{form: 'java-sdk', action: 'kms:Decrypt', statusCode: 403, requestId: 'ABC', message: awsMessage('kms:Decrypt')},
		],
	])('%s', (_tool, text, expected) => {
		expect(parsed(text)).toMatchObject({
			principal: caller,
			resource: key,
			policyType: 'identity-based',
			denial: 'implicit',
			accounts: ['111122223333'],
			service: 'kms',
			...expected,
		});
	});

	it('reads no operation where the text names no call: kms:Decrypt alone is a download or a multipart upload', () => {
		for (const name of ['js-sdk-v3-stack-and-metadata.txt', 'dotnet-sdk-inner-exception.txt', 'java-sdk-v2.txt']) {
			expect(parsed(fixture(name)), name).not.toHaveProperty('operation');
		}
	});
});

describe('the "because …" of each wrapping', () => {
	const wrappings: ReadonlyArray<readonly [string, string, string]> = [
		['AWS CLI v2', `An error occurred (AccessDenied) when calling the PutObject operation: ${awsMessage('kms:GenerateDataKey')}`, 'kms:GenerateDataKey'],
		['boto3 traceback', fixture('boto3-traceback.txt'), 'kms:GenerateDataKey'],
		['JavaScript v3', fixture('js-sdk-v3-stack-and-metadata.txt'), 'kms:Decrypt'],
		['.NET', fixture('dotnet-sdk-inner-exception.txt'), 'kms:Decrypt'],
		['Java v2', fixture('java-sdk-v2.txt'), 'kms:Decrypt'],
	];
	// IAM User Guide: "with an explicit deny in a service control policy"; "because no resource-based policy allows the
	// secretsmanager:GetSecretValue action" (its examples of each policy type).
	const reasons: ReadonlyArray<readonly [string, (action: string) => string, Partial<ParsedDenial>]> = [
		['an explicit deny in an SCP', () => 'with an explicit deny in a service control policy', {policyType: 'service-control-policy', denial: 'explicit'}],
		['no resource-based policy', action => `because no resource-based policy allows the ${action} action`, {policyType: 'resource-based', denial: 'implicit'}],
		['no permissions boundary', action => `because no permissions boundary allows the ${action} action`, {policyType: 'permissions-boundary', denial: 'implicit'}],
	];

	for (const [tool, text, action] of wrappings) {
		it.each(reasons)(`${tool}: %s`, (_reason, because, expected) => {
			const changed = text.replace(`because no identity-based policy allows the ${action} action`, because(action));
			expect(changed).not.toBe(text);
			expect(parsed(changed)).toMatchObject({principal: caller, action, resource: key, ...expected});
		});
	}

	it('keeps a reason that names no policy type to AWS\'s words: the stack under it is not part of it', () => {
		// S3 User Guide, "Access denied message examples": "… because public ACLs are prevented by the BlockPublicAcls setting in S3 Block Public Access."
		const because = 'because public ACLs are prevented by the BlockPublicAcls setting in S3 Block Public Access.';
		const object = '"arn:aws:s3:::amzn-s3-demo-bucket/public/report.pdf"';
		const message = `User: ${caller} is not authorized to perform: s3:PutObjectAcl on resource: ${object} ${because}`;
		const stacks = [
			`AccessDenied: ${message}\n    at de_AccessDeniedRes (/app/node_modules/@aws-sdk/client-s3/dist-cjs/index.js:4822:21)\n    at async /app/upload.js:9:3 {\n  '$metadata': { httpStatusCode: 403 }\n}`,
			`Amazon.S3.AmazonS3Exception: ${message}\n ---> Amazon.Runtime.Internal.HttpErrorResponseException: Exception of type 'Amazon.Runtime.Internal.HttpErrorResponseException' was thrown.\n   at Amazon.Runtime.HttpWebRequestMessage.ProcessHttpResponseMessage(HttpResponseMessage responseMessage)`,
		];
		for (const text of stacks) {
			const denial = parsed(text);
			expect(denial).toMatchObject({action: 's3:PutObjectAcl', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/public/report.pdf', cause: 'block-public-acls', message});
			expect(denial.reason).toBe('public ACLs are prevented by the BlockPublicAcls setting in S3 Block Public Access');
		}
	});

	it(".NET's exception in a log that put it on one line: the message is the outer exception's, not the inner one's", () => {
		const line = fixture('dotnet-sdk-inner-exception.txt').split('\n').slice(0, 2).join(' ').replace(/^Unhandled exception\. /, '');
		expect(parsed(line)).toMatchObject({principal: caller, action: 'kms:Decrypt', policyType: 'identity-based'});
	});

	it('says a JavaScript SDK\'s bare "Access Denied" is S3 withholding the reason, whatever stack follows it', () => {
		const denial = parsed(fixture('js-sdk-v3-access-denied-only.txt'));
		expect(denial).toMatchObject({form: 'sdk-error', errorCode: 'AccessDenied', message: 'Access Denied', statusCode: 403, requestId: 'N4F7W2Q9XEXAMPLE'});
		const explained = words(explainDenial(denial));
		expect(explained).toMatch(/S3 said only "Access Denied": the detailed reason is withheld/);
		expect(explained).not.toMatch(/older message form/);
	});
});

describe('a message a terminal wrapped over several lines', () => {
	const cli = `An error occurred (AccessDenied) when calling the PutObject operation: ${awsMessage('kms:GenerateDataKey')}`;
	const facts = {principal: caller, action: 'kms:GenerateDataKey', resource: key, policyType: 'identity-based', denial: 'implicit', apiOperation: 'PutObject'};
	/** The text cut into rows of `width` columns, as a terminal shows it and a copy of its screen keeps it. */
	const rows = (text: string, width: number, end = '\n'): string => (text.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(end);

	it('with Windows line ends (\\r\\n), and each line ending in \\r\\n', () => {
		expect(parsed(`${cli}\r\n`)).toMatchObject(facts);
		expect(parsed(cli.replace(' User: ', '\r\nUser: ').replace(' because', '\r\nbecause'))).toMatchObject(facts);
	});

	it('at a fixed width, inside words and ARNs alike, with \\n or \\r\\n', () => {
		for (const width of [60, 80, 100, 120]) {
			for (const end of ['\n', '\r\n']) {
				const wrapped = rows(cli, width, end);
				expect(wrapped.split(end).length, `${width}`).toBeGreaterThan(2);
				expect(parsed(wrapped), `${width} ${JSON.stringify(end)}`).toMatchObject({...facts, message: awsMessage('kms:GenerateDataKey')});
			}
		}
	});

	it('in the ARN, where what is left on the line looks whole: the session name, the object key', () => {
		const session = cli.replace(`${caller} is`, `${caller.slice(0, -1)}\n${caller.slice(-1)} is`);
		expect(parsed(session)).toMatchObject(facts);
		const object = `An error occurred (AccessDenied) when calling the GetObject operation: User: ${caller} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::amzn-s3-demo-bucket/reports/q\n1.csv" because no resource-based policy allows the s3:GetObject action`;
		expect(parsed(object)).toMatchObject({resource: 'arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv', policyType: 'resource-based'});
	});

	it('keeps the break where the ARN was whole: the words after it are AWS\'s own', () => {
		// The IAM User Guide's own examples break the line before the action and before "with an explicit deny".
		const documented = `User: ${caller} is not authorized to perform: \ncodecommit:ListRepositories on resource: arn:aws:sns:us-east-1:444455556666:role-name-2\nwith an explicit deny in a VPC endpoint policy transitively through a service control policy`;
		expect(parsed(documented)).toMatchObject({principal: caller, resource: 'arn:aws:sns:us-east-1:444455556666:role-name-2', policyType: 'vpc-endpoint-policy', throughPolicyType: 'service-control-policy'});
		const brokenAfter = cli.replace(`${caller} is`, `${caller}\nis`);
		expect(parsed(brokenAfter)).toMatchObject(facts);
	});

	it('never glues two lines of the same length that each start an error: a retry printed twice', () => {
		const twice = parsed(`${cli}\n${cli}\n`);
		expect(twice).toMatchObject({...facts, message: awsMessage('kms:GenerateDataKey')});
		expect(twice.alsoDenied).toHaveLength(1);
	});
});

/**
 * Amazon S3 API Reference, HeadObject: "The response is identical to the GET response except that there is no response
 * body. Because of this, if the HEAD request generates an error, it returns a generic code, such as 400 Bad Request, 403
 * Forbidden, 404 Not Found, 405 Method Not Allowed, 412 Precondition Failed, or 304 Not Modified. It's not possible to
 * retrieve the exact exception of these error codes."
 */
describe('HeadObject refused: no body, so no caller, action or policy', () => {
	const pastes = [
		['the AWS CLI', 'An error occurred (403) when calling the HeadObject operation: Forbidden'],
		['aws s3 cp, which calls HeadObject first', 'fatal error: An error occurred (403) when calling the HeadObject operation: Forbidden\r\n'],
		['boto3', 'botocore.exceptions.ClientError: An error occurred (403) when calling the HeadObject operation: Forbidden'],
	] as const;

	it.each(pastes)('%s: reads the call and the status, and invents no caller, action, resource or policy', (_tool, text) => {
		const denial = parsed(text);
		expect(denial).toMatchObject({form: 'cli', apiOperation: 'HeadObject', statusCode: 403, errorCode: '403', accounts: []});
		for (const fact of ['principal', 'action', 'resource', 'policyType', 'denial', 'reason', 'cause']) expect(denial, fact).not.toHaveProperty(fact);
	});

	it('says which facts are unknown and what settles each, in explain-error and in the wizard', () => {
		const denial = parsed(pastes[0][1]);
		const explanation = explainDenial(denial);
		const unknown = 'Not in the message: the caller, the action refused and which policy refused it. A HEAD response has no body to name them (S3 API Reference, HeadObject).';
		expect(explanation.meaning).toContain(unknown);
		expect(explanation.checkNext.join('\n')).toMatch(/^The action and which policy refused: the same request as a GetObject with the same credentials \(aws s3api get-object --bucket BUCKET --key KEY \/dev\/null\)/m);
		expect(explanation.checkNext.join('\n')).toMatch(/^The caller: aws sts get-caller-identity with the same credentials, or the HeadObject event in CloudTrail/m);
		// A GetObject of an SSE-KMS object needs kms:Decrypt besides: its message may name that, which HEAD did not need.
		expect(words(explanation)).toMatch(/may name kms:Decrypt instead/);
		expect(words(explanation)).not.toMatch(/may not do this|older message form/);
		expect(denialMeaning(denial).map(note => note.text).join('\n')).toContain(unknown);
	});
});

describe('HeadBucket refused', () => {
	it("needs s3:ListBucket, not HeadObject's s3:GetObject; a ListObjectsV2 says why", () => {
		// S3 API Reference, HeadBucket: "A message body is not included, so you cannot determine the exception beyond these
		// error codes." and "To use this operation, you must have permissions to perform the s3:ListBucket action."
		const explanation = explainDenial(parsed('An error occurred (403) when calling the HeadBucket operation: Forbidden'));
		expect(explanation.meaning).toContain('HeadBucket needs s3:ListBucket on the bucket.');
		expect(words(explanation)).not.toMatch(/s3:GetObject|GetObject/);
		expect(explanation.checkNext[0]).toMatch(/aws s3api list-objects-v2 --bucket BUCKET --max-items 1/);
	});
});
