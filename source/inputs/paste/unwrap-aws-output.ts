import {answeredBucketKey} from '../../snapshot/aws-answers/s3-encryption.js';
import {inlinePolicyOwnerFields as ownerFields} from '../../snapshot/aws-answers/iam-get-inline-policy.js';
import {parseJson} from '../../engine/json.js';
import {isIamName, parseInlinePolicyName, type InlinePolicyName} from '../../names/index.js';
import {isObject, type JsonObject} from '../../shared/json.js';
import {err, ok, type Result} from '../../shared/result.js';
import {parseTolerantJson} from './tolerant-json.js';

/**
 * What people paste is what the AWS CLI printed: the policy is often inside an envelope. This takes
 * the document out of every envelope the CLI (and the SDKs, which share the shapes) prints for what the
 * wizard asks, and says what it did. Pure: text in, a typed value or a problem out.
 */

export type Pasted =
	| {
			readonly kind: 'policy';
			readonly document: JsonObject;
			readonly notes: readonly string[];
			/** get-role-policy, get-user-policy, get-group-policy: the inline policy the output names, its names IAM's. */
			readonly inline?: InlinePolicyName;
			/** Such output whose names IAM would not take (a control character, shell syntax): why no name is kept. */
			readonly inlineProblem?: string;
	  }
	/** `aws kms list-grants`. */
	| {readonly kind: 'grants'; readonly grants: readonly JsonObject[]; readonly notes: readonly string[]}
	/** `aws s3api get-bucket-encryption`: the default rule. */
	| {readonly kind: 'bucket-encryption'; readonly algorithm?: string; readonly kmsKeyId?: string; readonly bucketKeyEnabled?: boolean; readonly notes: readonly string[]}
	/** `aws s3api head-object`: how the object is encrypted. */
	| {
			readonly kind: 'object-encryption';
			readonly algorithm?: string;
			readonly kmsKeyId?: string;
			readonly bucketKeyEnabled?: boolean;
			/** head-object's ContentLength: the object's size in bytes, when it printed one. */
			readonly contentLength?: number;
			readonly notes: readonly string[];
	  };

export type PasteProblem = {readonly message: string; readonly line?: number; readonly column?: number};

const statementElements = ['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition', 'Sid'];

/** A statement on its own: it has an Effect, or an Action and no Statement. */
const isStatement = (value: unknown): value is JsonObject =>
	isObject(value) && !('Statement' in value) && Object.keys(value).length > 0 && Object.keys(value).every(key => statementElements.includes(key)) && ('Effect' in value || 'Action' in value || 'NotAction' in value);

const wrapStatements = (statements: readonly JsonObject[], notes: readonly string[]): Pasted => ({
	kind: 'policy',
	document: {Version: '2012-10-17', Statement: statements.length === 1 ? [statements[0]] : [...statements]},
	notes: [...notes, `wrapped ${statements.length === 1 ? '1 statement' : `${statements.length} statements`} into a policy`],
});

/** A policy document given as a JSON string (get-key-policy, get-bucket-policy) or URL-encoded (IAM's API). */
const documentOfString = (text: string, where: string): Result<JsonObject, PasteProblem> => {
	let decoded = text.trim();
	if (/^%7B/i.test(decoded)) {
		try {
			decoded = decodeURIComponent(decoded);
		} catch {
			return err({message: `the ${where} looks URL-encoded but does not decode`});
		}
	}
	const parsed = parseJson(decoded);
	if (!parsed.ok) return err({message: `the ${where} is not valid JSON: ${parsed.error.message} (inside the string)`});
	if (!isObject(parsed.value)) return err({message: `the ${where} is not a JSON object`});
	return ok(parsed.value);
};

const documentOf = (value: unknown, where: string): Result<JsonObject, PasteProblem> => {
	if (typeof value === 'string') return documentOfString(value, where);
	if (isObject(value)) return ok(value);
	return err({message: `the ${where} is neither a JSON object nor a JSON string`});
};

const unwrapped = (value: unknown, where: string, command: string, notes: readonly string[]): Result<Pasted, PasteProblem> => {
	const document = documentOf(value, where);
	return document.ok ? ok({kind: 'policy', document: document.value, notes: [...notes, `took the policy out of the ${where} that ${command} prints`]}) : document;
};

/**
 * The names get-role-policy (get-user-policy, get-group-policy) prints beside the document, held to IAM's rule: they are
 * customer text on its way into a command, so a name IAM would refuse is not kept, and never repeated.
 */
const withInlineName = (policy: Extract<Pasted, {kind: 'policy'}>, output: JsonObject, owner: InlinePolicyName['owner'], command: string): Pasted => {
	const ownerField = ownerFields[owner];
	const ownerName = output[ownerField];
	const policyName = output['PolicyName'];
	// Only the command's own shape names a policy: one owner, and both names as strings.
	const owners = Object.values(ownerFields).filter(field => field in output);
	if (owners.length !== 1 || typeof ownerName !== 'string' || typeof policyName !== 'string') return policy;
	const named = parseInlinePolicyName(owner, ownerName, policyName);
	if (!named.ok) {
		const field = isIamName(ownerName, owner) ? 'PolicyName' : ownerField;
		return {...policy, inlineProblem: `the ${field} that ${command} prints is not ${named.error.expected}${named.error.hint ? ` (${named.error.hint})` : ''}`};
	}
	const {notes} = policy;
	const last = notes.length - 1;
	const said = `${notes[last]}: inline policy ${named.value.policyName} of ${owner} ${named.value.ownerName}`;
	return {...policy, notes: notes.with(last, said), inline: named.value};
};

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const optionalBoolean = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

/** The CLI output (or a bare document) → what it holds. */
const recognise = (value: unknown, notes: readonly string[]): Result<Pasted, PasteProblem> => {
	if (Array.isArray(value)) {
		if (value.length > 0 && value.every(isStatement)) return ok(wrapStatements(value, notes));
		return err({message: 'a JSON list, but not of policy statements (each needs an "Effect")'});
	}
	if (!isObject(value)) return err({message: 'expected a JSON object: a policy document, or the output of the command shown above'});
	if ('Statement' in value) return ok({kind: 'policy', document: value, notes});
	if (isStatement(value)) return ok(wrapStatements([value], notes));
	const {Policy: policy, PolicyDocument: policyDocument, PolicyVersion: policyVersion} = value;
	if (typeof policy === 'string') {
		const command = 'PolicyName' in value ? 'aws kms get-key-policy' : 'aws s3api get-bucket-policy';
		return unwrapped(policy, '"Policy" string', command, notes);
	}
	if (isObject(policy) && 'Content' in policy) return unwrapped(policy['Content'], '"Policy.Content" string', 'aws organizations describe-policy', notes);
	if (isObject(policy) && 'Statement' in policy) return ok({kind: 'policy', document: policy, notes: [...notes, 'took the policy out of "Policy"']});
	if (policyDocument !== undefined) {
		const owner = 'RoleName' in value ? 'role' : 'UserName' in value ? 'user' : 'GroupName' in value ? 'group' : '*';
		const command = `aws iam get-${owner}-policy`;
		const policy = unwrapped(policyDocument, '"PolicyDocument"', command, notes);
		return policy.ok && policy.value.kind === 'policy' && owner !== '*' ? ok(withInlineName(policy.value, value, owner, command)) : policy;
	}
	if (isObject(policyVersion) && 'Document' in policyVersion) return unwrapped(policyVersion['Document'], '"PolicyVersion.Document"', 'aws iam get-policy-version', notes);
	const listed: unknown = value['Grants'];
	if (Array.isArray(listed)) {
		const grants = listed.filter(isObject);
		return ok({kind: 'grants', grants, notes: [...notes, `read ${grants.length === 1 ? '1 grant' : `${grants.length} grants`} from aws kms list-grants`]});
	}
	const configuration = value['ServerSideEncryptionConfiguration'];
	if (isObject(configuration)) {
		const rules: unknown = configuration['Rules'];
		const rule = Array.isArray(rules) ? rules.find(isObject) : undefined;
		const byDefault = rule && isObject(rule['ApplyServerSideEncryptionByDefault']) ? rule['ApplyServerSideEncryptionByDefault'] : {};
		const algorithm = optionalString(byDefault['SSEAlgorithm']);
		const kmsKeyId = optionalString(byDefault['KMSMasterKeyID']);
		const bucketKeyEnabled = answeredBucketKey(algorithm, optionalBoolean(rule?.['BucketKeyEnabled']));
		return ok({
			kind: 'bucket-encryption',
			...(algorithm ? {algorithm} : {}),
			...(kmsKeyId ? {kmsKeyId} : {}),
			...(bucketKeyEnabled === undefined ? {} : {bucketKeyEnabled}),
			notes: [...notes, 'read the default encryption from aws s3api get-bucket-encryption'],
		});
	}
	if ('SSEKMSKeyId' in value || 'ServerSideEncryption' in value) {
		const algorithm = optionalString(value['ServerSideEncryption']);
		const kmsKeyId = optionalString(value['SSEKMSKeyId']);
		const bucketKeyEnabled = answeredBucketKey(algorithm, optionalBoolean(value['BucketKeyEnabled']));
		const length = value['ContentLength'];
		const contentLength = typeof length === 'number' && Number.isSafeInteger(length) && length >= 0 ? length : undefined;
		return ok({
			kind: 'object-encryption',
			...(algorithm ? {algorithm} : {}),
			...(kmsKeyId ? {kmsKeyId} : {}),
			...(bucketKeyEnabled === undefined ? {} : {bucketKeyEnabled}),
			...(contentLength === undefined ? {} : {contentLength}),
			notes: [...notes, "read the object's encryption from aws s3api head-object"],
		});
	}
	const keys = Object.keys(value).slice(0, 4).map(key => `"${key}"`).join(', ');
	return err({message: `the policy has no "Statement" (it has ${keys || 'no keys'}): paste the policy document, a statement, or the output of the command shown above`});
};

/** Pasted text → the policy, grants or encryption settings it holds, with notes on what was unwrapped or repaired. */
export const unwrapAwsOutput = (text: string): Result<Pasted, PasteProblem> => {
	const json = parseTolerantJson(text);
	if (!json.ok) return err({message: `not valid JSON: ${json.error.message}`, line: json.error.line, column: json.error.column});
	return recognise(json.value.value, json.value.notes);
};
