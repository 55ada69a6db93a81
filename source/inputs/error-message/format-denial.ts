import type {DenialExplanation, DenialForm, ParsedDenial} from './parsed-denial.js';
import {policyTypeWords} from './policy-types.js';
import {authorizationDetailsCommand, decodeAuthorizationCommand} from './core-message.js';
import {s3Url} from '../../names/index.js';

/** `explain-error --format json`: exactly these fields, each absent when the text does not say. */
export type DenialJson = {
	readonly principal?: string;
	readonly action?: string;
	readonly resource?: string;
	readonly policyType?: ParsedDenial['policyType'];
	readonly denial?: ParsedDenial['denial'];
	readonly accounts: readonly string[];
	readonly operation?: ParsedDenial['operation'];
	readonly errorCode?: string;
	/** The API call that failed (`UploadPart`), or the CloudTrail eventName. */
	readonly apiOperation?: string;
	readonly statusCode?: number;
	/** What AWS support asks for: the request's ID, where the text gives it. */
	readonly requestId?: string;
	/** The S3 location Athena said it could not read or write (`s3://bucket/path`). */
	readonly s3Path?: string;
	/** EC2's and STS's encoded authorization failure message (at most the 10,240 characters STS takes, its own characters only). */
	readonly encodedMessage?: string;
	/** The read-only command that decodes it (the caller's account runs it, with sts:DecodeAuthorizationMessage). */
	readonly decodeCommand?: string;
	/** The id of AWS's kept evaluation of the denied request (IAM Toolbox), and the read-only command that shows it. */
	readonly authorizationId?: string;
	readonly authorizationDetailsCommand?: string;
	/** An encoded message longer than STS decodes: its length in characters (the token itself is left out). */
	readonly encodedMessageTooLong?: number;
	/** The other errors of the text, in order, each with its own facts: what one says is never taken for another's. */
	readonly alsoDenied?: readonly DenialJson[];
};

export const denialJson = (denial: ParsedDenial): DenialJson => {
	const {principal, action, resource, policyType, accounts, operation, errorCode, apiOperation, statusCode, requestId} = denial;
	const alsoDenied = denial.alsoDenied?.map(denialJson);
	const {encodedMessage} = denial;
	const decodeCommand = encodedMessage === undefined ? undefined : decodeAuthorizationCommand(encodedMessage);
	const fields = {principal, action, resource, policyType, denial: denial.denial, accounts, operation, errorCode, apiOperation, statusCode, requestId, s3Path: denial.athena?.path, encodedMessage, decodeCommand, encodedMessageTooLong: denial.overlongEncodedMessage, authorizationId: denial.authorizationId, authorizationDetailsCommand: denial.authorizationId === undefined ? undefined : authorizationDetailsCommand(denial.authorizationId), alsoDenied};
	// `accounts` is always there (`[]` when the text names none), in its place among the others.
	return {...present(fields), accounts};
};

/** The fields that have a value: the JSON leaves out what the text does not say. */
const present = <T extends Record<string, unknown>>(fields: T): {[K in keyof T]?: Exclude<T[K], undefined>} =>
	Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {[K in keyof T]?: Exclude<T[K], undefined>};

const formWords: Readonly<Record<DenialForm, string>> = {
	message: 'an AccessDenied message',
	cli: 'an AWS CLI / boto3 error',
	'java-sdk': 'an AWS SDK for Java error',
	'go-sdk': 'an AWS SDK for Go error',
	'sdk-error': 'an SDK error',
	's3-xml': 'an S3 XML error body',
	'kms-json': 'a KMS JSON error body',
	cloudtrail: 'a CloudTrail event',
	athena: 'an Amazon Athena error',
};

/** Which policy refused, and how AWS worded it: explain-error's Policy line, and the wizard's line for a pasted error. */
export const policyLine = (denial: ParsedDenial): string | undefined => {
	if (!denial.policyType && !denial.denial) return undefined;
	const type = denial.policyType ? policyTypeWords[denial.policyType] : 'a policy AWS did not name';
	const through = denial.throughPolicyType ? `, through a ${policyTypeWords[denial.throughPolicyType]}` : '';
	// An SCP's "explicit deny" is AWS's wording for its implicit deny too (scpWording in diagnosis/evidence-words.ts).
	const scpWorded = denial.denial === 'explicit' && (denial.policyType === 'service-control-policy' || denial.throughPolicyType === 'service-control-policy');
	const kind = scpWorded
		? 'worded as an explicit deny, as AWS words every SCP denial: a Deny, or no Allow at some level'
		: denial.denial === 'explicit'
			? 'explicit deny'
			: denial.denial === 'implicit'
				? 'implicit deny: nothing allows it'
				: undefined;
	return `${type}${through}${kind ? ` (${kind})` : ''}`;
};

/** The plain-text report of explain-error: the facts read, then what they mean and what to check. */
export const renderDenialText = (denial: ParsedDenial, explanation: DenialExplanation): string => {
	const code = denial.errorCode ? `${denial.errorCode}${denial.apiOperation ? ` in ${denial.apiOperation}` : ''}` : denial.apiOperation;
	const facts: Array<readonly [string, string | undefined]> = [
		['Principal', denial.principal],
		['Action', denial.action],
		['Resource', denial.resource],
		// The object `aws s3 cp` names, where no ARN of the message gave the partition its ARN needs.
		['Object', denial.object && !denial.resource ? s3Url(denial.object.bucket, denial.object.objectKey) : undefined],
		['S3 path', denial.athena?.path],
		['Key', denial.keyId && denial.keyId !== denial.resource ? denial.keyId : undefined],
		['Policy', policyLine(denial)],
		['Policy ARN', denial.policyArn],
		['Accounts', denial.accounts.length > 0 ? denial.accounts.join(', ') : undefined],
		['Operation', denial.operation],
		['Via', denial.invokedBy],
		['Request ID', denial.requestId],
	];
	const shown = facts.filter((fact): fact is readonly [string, string] => fact[1] !== undefined);
	const width = Math.max(0, ...shown.map(([label]) => label.length));
	const lines = [
		`Read as ${formWords[denial.form]}${code ? ` (${code})` : ''}.`,
		'',
		...shown.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
		...(shown.length > 0 ? [''] : []),
		explanation.summary,
		'',
		'What it means',
		...explanation.meaning.map(line => `  - ${line}`),
		'',
		'Check next',
		...explanation.checkNext.map((line, index) => `  ${index + 1}. ${line}`),
	];
	return `${lines.join('\n')}\n`;
};
