import {cliTransfers} from '../../operations/recognise.js';
import {hasSource} from '../../operations/registry.js';
import type {Operation} from '../../snapshot/snapshot.js';
import type {DenialForm} from './parsed-denial.js';
import {serviceOfName} from './operations.js';
import {parseS3Url, type S3Location} from '../../names/index.js';
import {athenaRefusalOf, type AthenaRefusal} from './athena.js';

/** What the SDK or CLI wrapped around AWS's message. */
export type Envelope = {
	readonly form: DenialForm;
	readonly message: string;
	readonly errorCode?: string;
	readonly apiOperation?: string;
	readonly service?: string;
	readonly statusCode?: number;
	readonly requestId?: string;
	/**
	 * `aws s3 cp` says what it was copying: "upload failed: ./big.bin to s3://bucket/key"; a copy's
	 * "copy failed: s3://SOURCE to s3://DESTINATION" names both objects (`sourceObject`: the one it read). Their URLs name
	 * no partition, so they stay bucket and key here.
	 */
	readonly transfer?: {readonly operation: Operation; readonly object?: S3Location; readonly sourceObject?: S3Location};
	/** Athena's own wording of a refused read or write, wherever it stands in the text. */
	readonly athena?: AthenaRefusal;
};

// botocore: "An error occurred (AccessDenied) when calling the UploadPart operation (reached max retries: 4): …"; older
// releases (aws-cli 1.3 and 1.8 in aws/aws-cli#813, #1517): "A client error (AccessDenied) occurred when calling the …".
// The operation's name is quoted where a person retyped it ('PutObject', aws/aws-cli#6713).
const cliPattern =
	/(?:An error occurred \(([^)]+)\)|A client error \(([^)]+)\) occurred) when calling the ['"]?(\w+)['"]? operation(?: \(reached max retries: \d+\))?:\s?(.*)$/i;
const transferPattern = new RegExp(
	`\\b(${cliTransfers.map(transfer => transfer.verb).join('|')}) failed: (.+?) to (.+?)\\s+(?:An error occurred|A client error)`,
	'i',
);
// Java SDK v1 "(Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: …)", v2 with commas.
const javaPattern = /^(.*?)\s*\(Service: ([^;,)]+)[;,]\s*Status Code: (\d+)[;,]\s*(?:Error Code: ([^;,)]+)[;,]\s*)?Request ID: ([^;,)]*)/i;
// Go SDK v2: "operation error S3: GetObject, https response error StatusCode: 403, RequestID: …, HostID: …, api error AccessDenied: …"
const goPattern =
	/operation error ([\w ]+): (\w+), (?:exceeded maximum number of attempts, \d+, )?https response error StatusCode: (\d+), RequestID: ([^,]*),(?: HostID: [^,]*,)? (?:api error )?([\w.]+): (.*)$/i;
// Go SDK v1 (Terraform's S3 backend, older tools): "AccessDenied: Access Denied\n\tstatus code: 403, request id: ID, host id: …";
// the code is the first word shaped like one, so a program's own "Error: reading …:" before it is passed over.
const goV1Pattern =
	/(?:^|\s)([A-Z][A-Za-z]+(?:Exception|Denied|Operation)|Forbidden|KMS\.[A-Za-z]+|NoSuch[A-Za-z]+|[A-Z][A-Za-z]*NotFound|InvalidArgument|SlowDown): (.*?)\s*status code: (\d{3}), request id:\s*([^,\s]*)/;
// Ruby: "Aws::S3::Errors::AccessDenied: Access Denied" (v3); "…`return_or_raise': Access Denied (AWS::S3::Errors::AccessDenied)" (v1).
const rubyPattern = /\bAws::(\w+)::Errors::(\w+): (.*)$/;
const rubyV1Pattern = /: ([^:]*?) \(AWS::(\w+)::Errors::(\w+)\)/;
// AWS Tools for PowerShell: "Write-S3Object : Access Denied At line:1 char:1 + … + FullyQualifiedErrorId : Amazon.S3.AmazonS3Exception,…".
const powerShellPattern = /(?:^|\s)[A-Z][a-z]+-[A-Za-z0-9]+ : (.+?) At (?:line:\d+|\S.*?:\d+) char:\d+ .*?FullyQualifiedErrorId : Amazon\.(\w+)\.\w*Exception\b/;
// JS SDK v3 prints `name: message`; Python and .NET print the class name first.
const sdkErrorPattern =
	/(?:^|\s)(AccessDenied|AccessDeniedException|Forbidden|UnauthorizedOperation|InvalidArgument|SlowDown|AccessControlListNotSupported|KMS\.[A-Za-z]+|[A-Z][A-Za-z]*Exception): (.+)$/;
// The first class named: .NET prints its inner exception after the outer one's message (" ---> Amazon.Runtime.…Exception: …").
const classPrefixPattern = /^(?:.*?\s)??(?:[A-Za-z_$][\w$]*\.)+[A-Za-z_$][\w$]*(?:Exception|Error):\s*/;

const objectOfS3Url = (url: string): S3Location | undefined => {
	const location = parseS3Url(url.trim());
	return location?.objectKey ? location : undefined;
};

const transferOf = (text: string): Envelope['transfer'] => {
	const match = transferPattern.exec(text);
	if (!match) return undefined;
	const verb = match[1]!.toLowerCase();
	const transfer = cliTransfers.find(candidate => candidate.verb === verb)!;
	// The object the operation is about: the destination of a write (upload, copy, move), the source of a download.
	const object = objectOfS3Url(transfer.object === 'from' ? match[2]! : match[3]!);
	// A copy reads the other end: an S3 object too (a move from a local file has none).
	const sourceObject = hasSource(transfer.operation) && transfer.object === 'to' ? objectOfS3Url(match[2]!) : undefined;
	return {operation: transfer.operation, ...(object ? {object} : {}), ...(sourceObject ? {sourceObject} : {})};
};

const withoutUndefined = (envelope: Envelope): Envelope =>
	Object.fromEntries(Object.entries(envelope).filter(([, value]) => value !== undefined)) as Envelope;

/** Takes the wrapping off `text` (whitespace already collapsed); a bare message comes back as form `message`, Athena's as `athena`. */
export const unwrapEnvelope = (text: string): Envelope => {
	const unwrapped = unwrapSdk(text);
	const athena = athenaRefusalOf(text);
	if (!athena) return unwrapped;
	return {...unwrapped, athena, ...(unwrapped.form === 'message' ? {form: 'athena' as const} : {})};
};

const unwrapSdk = (text: string): Envelope => {
	const cli = cliPattern.exec(text);
	if (cli) {
		const code = (cli[1] ?? cli[2])!;
		return withoutUndefined({
			form: 'cli',
			errorCode: code,
			statusCode: /^\d{3}$/.test(code) ? Number(code) : undefined,
			apiOperation: cli[3]!,
			message: cli[4]!.trim(),
			transfer: transferOf(text),
		});
	}
	const go = goPattern.exec(text);
	if (go) {
		return withoutUndefined({
			form: 'go-sdk',
			service: serviceOfName(go[1]),
			apiOperation: go[2]!,
			statusCode: Number(go[3]),
			requestId: go[4]!.trim() || undefined,
			errorCode: go[5]!,
			message: go[6]!.trim(),
		});
	}
	const java = javaPattern.exec(text);
	if (java) {
		return withoutUndefined({
			form: 'java-sdk',
			message: java[1]!.replace(classPrefixPattern, '').trim(),
			service: serviceOfName(java[2]!.trim()),
			statusCode: Number(java[3]),
			errorCode: java[4]?.trim(),
			requestId: java[5]!.trim() || undefined,
		});
	}
	const ruby = rubyPattern.exec(text);
	if (ruby) return withoutUndefined({form: 'sdk-error', service: serviceOfName(ruby[1]), errorCode: ruby[2]!, message: ruby[3]!.trim()});
	const rubyV1 = rubyV1Pattern.exec(text);
	if (rubyV1) return withoutUndefined({form: 'sdk-error', service: serviceOfName(rubyV1[2]), errorCode: rubyV1[3]!, message: rubyV1[1]!.trim()});
	const powerShell = powerShellPattern.exec(text);
	if (powerShell) return withoutUndefined({form: 'sdk-error', service: serviceOfName(powerShell[2]), message: powerShell[1]!.trim()});
	const goV1 = goV1Pattern.exec(text);
	if (goV1) {
		return withoutUndefined({
			form: 'go-sdk',
			errorCode: goV1[1]!,
			message: goV1[2]!.trim(),
			statusCode: Number(goV1[3]),
			requestId: goV1[4]!.trim() || undefined,
		});
	}
	const sdk = sdkErrorPattern.exec(text);
	if (sdk) return {form: 'sdk-error', errorCode: sdk[1]!, message: sdk[2]!.trim()};
	const classPrefix = classPrefixPattern.exec(text);
	if (classPrefix) return {form: 'sdk-error', message: text.slice(classPrefix[0].length).trim()};
	return {form: 'message', message: text};
};
