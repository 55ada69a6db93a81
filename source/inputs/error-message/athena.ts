import {parseS3Url, s3ViaServiceWords} from '../../names/index.js';
import {awsServices} from '../../operations/aws-services.js';
import {shellQuote} from '../../shared/shell.js';
import type {DenialExplanation} from './parsed-denial.js';

/**
 * Amazon Athena's own wordings of a refused S3 read or write, as its console, its JDBC and ODBC drivers and
 * GetQueryExecution's StateChangeReason print them (AWS Knowledge Center, "Why do I get Access Denied errors when I
 * run Athena queries"):
 * - `Permission denied on S3 path: s3://…` — reading the table's data (the path may be a prefix, a partition);
 * - `Your query has the following errors:…AmazonS3Exception: Access Denied (…) (Path: s3://…)` — reading;
 * - `Access denied when writing output to url: s3://… . Please ensure you are allowed to access the S3 bucket. If you
 *   are encrypting query results with KMS key, please ensure you are allowed to access your KMS key` — writing the
 *   query results.
 */

export type AthenaRefusal = {
	/** The S3 location Athena named, as it wrote it (`s3://bucket/path`). */
	readonly path: string;
	/** Writing the query results, or reading the table's data. */
	readonly writing: boolean;
};

// A URL ends at white space or a closing parenthesis; a sentence's full stop after it is not part of it.
const s3Url = String.raw`(s3://[^\s)]+)`;
const readPattern = new RegExp(String.raw`Permission denied on S3 path:\s*${s3Url}`, 'i');
const writePattern = new RegExp(String.raw`Access denied when writing output to url:\s*${s3Url}`, 'i');
const queryPattern = /Your query has the following errors?(?:\(s\))?:/i;
const pathPattern = new RegExp(String.raw`\(Path:\s*${s3Url}\)`, 'i');

const withoutFullStop = (url: string): string => url.replace(/[.,;:]+$/, '');

/** Athena's refusal in `text`, if it is one of the wordings above. */
export const athenaRefusalOf = (text: string): AthenaRefusal | undefined => {
	const write = writePattern.exec(text);
	if (write) return {path: withoutFullStop(write[1]!), writing: true};
	const read = readPattern.exec(text) ?? (queryPattern.test(text) ? pathPattern.exec(text) : null);
	return read ? {path: withoutFullStop(read[1]!), writing: false} : undefined;
};

/** What Athena's refusal means, and the check that settles it. */
export const athenaExplanation = (refusal: AthenaRefusal): DenialExplanation => {
	const athena = awsServices.athena;
	const location = parseS3Url(refusal.path);
	const bucket = location?.bucket ?? 'BUCKET';
	const key = location?.objectKey;
	const operation = refusal.writing ? 'service-write' : 'service-read';
	// Bucket and key are the pasted text's: quoted, so that the line is safe to paste into a shell.
	const check = `s3-kms-doctor check --operation ${operation} --service athena --bucket ${shellQuote(bucket)} --key ${key === undefined ? 'KEY' : shellQuote(key)} --profile PROFILE (the profile of whoever ran the query)`;
	const common = [
		`${athena.label} makes the S3 request with the credentials of whoever ran the query: "${athena.says}" (${athena.page}). Its requests carry aws:CalledVia ${athena.calledVia}, and S3's request to KMS carries kms:ViaService ${s3ViaServiceWords(undefined)}.`,
		'If the table\'s location is registered with AWS Lake Formation, its registration role reads the data, not the caller (check with --service lake-formation).',
	];
	if (refusal.writing) {
		return {
			summary: `${athena.label} could not write the query results to ${refusal.path}.`,
			meaning: [
				...common.slice(0, 1),
				"Writing the results needs s3:PutObject on the results location and, where the workgroup encrypts results with SSE-KMS, kms:GenerateDataKey on that key, and kms:Decrypt as well for results S3 receives in parts: in the key policy and in the caller's IAM policy (both, across accounts).",
			],
			checkNext: [check, "The workgroup's query result location and its encryption settings name the bucket and the key to check."],
		};
	}
	return {
		summary: `${athena.label} could not read ${refusal.path}${key === undefined ? '' : ' (an object, or a prefix of the table)'}.`,
		meaning: [
			...common,
			"Reading the table needs s3:GetObject on its objects and s3:ListBucket on the bucket and, for SSE-KMS data, kms:Decrypt on the key that encrypted each object (which may differ from the bucket's current default key): in the key policy and in the caller's IAM policy (both, across accounts).",
		],
		checkNext: [check, 'If the path is a prefix, give one object of the table as --key: `aws s3api head-object` on it shows the KMS key that encrypted it (SSEKMSKeyId).'],
	};
};
