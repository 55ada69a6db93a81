import {describe, expect, it} from 'vitest';
import {explainDenial} from '../../../source/inputs/error-message/explain-denial.js';
import {denialJson, renderDenialText} from '../../../source/inputs/error-message/format-denial.js';
import {parseAccessDenied} from '../../../source/inputs/error-message/parse-access-denied.js';

/*
 * Amazon Athena's own wordings, as the AWS Knowledge Center quotes them ("Why do I get Access Denied errors when I run
 * Athena queries"): the source data bucket refused, the query results bucket refused, and the wording Athena's
 * console and drivers print for a table's data.
 */
const sourceData =
	'Your query has the following errors:com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 72VA5FB0ASWCQFPD; S3 Extended Request ID: cykX1CZ/KfxpL/h8/DOQoCBJ88qFGYqt6J52Jqh87qBfyN8c2P2azRiYjjJE1HL7i0Mg9xxxxxx=; Proxy: null), S3 Extended Request ID: cykX1CZ/KfxpL/h8/DOQoCBJ88qFGYqt6J52Jqh87qBfyN8c2P2azRiYjjJE1HL7i0Mg9xxxxxx= (Path: s3://my-athena-source-bucket/athena_data.csv)';
const queryResults =
	'Your query has the following errors:Access denied when writing output to url: s3://my-athena-result-bucket/Unsaved/2021/05/07/example_query_ID.csv . Please ensure you are allowed to access the S3 bucket. If you are encrypting query results with KMS key, please ensure you are allowed to access your KMS key';
const tableData =
	'Permission denied on S3 path: s3://cur-report/cur-report/year=2022/month=8\n\nThis query ran against the "athenacurcfn_test" database, unless qualified by the query. Please post the error message on our forum or contact customer support with Query Id: 8d0e2a35-1c7a-4a9f-9b1b-0e5c1f3b2a11';

const parsed = (text: string) => {
	const result = parseAccessDenied(text);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

describe("Athena's own wording of a refused read or write", () => {
	it('is read as the service reading the table: the S3 location it names, Athena as the caller of S3', () => {
		for (const [text, path] of [
			[tableData, 's3://cur-report/cur-report/year=2022/month=8'],
			[sourceData, 's3://my-athena-source-bucket/athena_data.csv'],
		] as const) {
			expect(parsed(text)).toMatchObject({operation: 'service-read', service: 's3', invokedBy: 'athena.amazonaws.com', athena: {path, writing: false}});
		}
		expect(parsed(tableData).form).toBe('athena');
		// The SDK's wrapping is still read: the error code and the request ID.
		expect(parsed(sourceData)).toMatchObject({form: 'java-sdk', errorCode: 'AccessDenied', requestId: '72VA5FB0ASWCQFPD'});
	});

	it('is read as the service writing the query results, without the sentence\'s full stop in the location', () => {
		expect(parsed(queryResults)).toMatchObject({form: 'athena', operation: 'service-write', athena: {path: 's3://my-athena-result-bucket/Unsaved/2021/05/07/example_query_ID.csv', writing: true}});
	});

	it('gives the check that settles it, for the caller who ran the query, and what each part needs', () => {
		const read = explainDenial(parsed(tableData));
		expect(read.summary).toBe('Amazon Athena could not read s3://cur-report/cur-report/year=2022/month=8 (an object, or a prefix of the table).');
		expect(read.checkNext[0]).toBe(
			"s3-kms-doctor check --operation service-read --service athena --bucket 'cur-report' --key 'cur-report/year=2022/month=8' --profile PROFILE (the profile of whoever ran the query)",
		);
		expect(read.meaning.join(' ')).toContain('kms:Decrypt on the key that encrypted each object');
		expect(read.meaning.join(' ')).toContain('aws:CalledVia athena.amazonaws.com');
		const write = explainDenial(parsed(queryResults));
		expect(write.checkNext[0]).toContain("check --operation service-write --service athena --bucket 'my-athena-result-bucket' --key 'Unsaved/2021/05/07/example_query_ID.csv'");
		expect(write.meaning.join(' ')).toContain('kms:GenerateDataKey on that key, and kms:Decrypt as well for results S3 receives in parts');
		expect(renderDenialText(parsed(queryResults), write)).toContain('Read as an Amazon Athena error.');
	});

	it("quotes the pasted bucket and key in the check line, so that pasting it into a shell runs nothing of the customer's", () => {
		const hostile = explainDenial(parsed("Permission denied on S3 path: s3://bucket-1/a'$HOME`id`;rm${IFS}-rf"));
		expect(hostile.checkNext[0]).toContain("--bucket 'bucket-1' --key 'a'\\''$HOME`id`;rm${IFS}-rf' --profile");
	});

	it('gives scripts the operation and the S3 location in --format json', () => {
		expect(denialJson(parsed(tableData))).toEqual({accounts: [], operation: 'service-read', s3Path: 's3://cur-report/cur-report/year=2022/month=8'});
		expect(denialJson(parsed(sourceData))).toEqual({accounts: [], operation: 'service-read', errorCode: 'AccessDenied', statusCode: 403, requestId: '72VA5FB0ASWCQFPD', s3Path: 's3://my-athena-source-bucket/athena_data.csv'});
	});

	it('is not found in other errors', () => {
		const message = 'User: arn:aws:iam::111122223333:user/jane is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::bucket/a.csv" because no identity-based policy allows the s3:GetObject action';
		expect(parsed(message).athena).toBeUndefined();
		expect(parsed(message).operation).toBeUndefined();
		// A "(Path: …)" without Athena's "Your query has the following errors" is some other tool's.
		expect(parsed(`${message} (Path: s3://bucket/a.csv)`).athena).toBeUndefined();
	});
});
