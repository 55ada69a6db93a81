import {describe, expect, it} from 'vitest';
import {maxProblems, parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {asText, completeSnapshot, minimalSnapshot, variant, type Draft} from './snapshot-samples.js';

const failure = (text: string, sourceName = 'snap.json') => {
	const result = parseSnapshot(text, sourceName);
	if (result.ok) throw new Error('expected the snapshot to be rejected');
	return result.error;
};

describe('parseSnapshot', () => {
	it('returns the snapshot as written', () => {
		expect(parseSnapshot(asText(completeSnapshot), 'snap.json')).toEqual({ok: true, value: completeSnapshot});
	});

	it('drops $schema, which only points editors at the schema, and tolerates a byte order mark', () => {
		const result = parseSnapshot(`\uFEFF${asText({$schema: '../docs/snapshot.schema.json', ...minimalSnapshot})}`, 'snap.json');
		expect(result).toEqual({ok: true, value: minimalSnapshot});
	});

	it('says where the JSON is broken, naming the file', () => {
		const error = failure('{\n  "format": "s3-kms-doctor/snapshot@1",\n  "question": \n}', 'cases/big-upload.json');
		expect(error).toMatchObject({kind: 'syntax', line: 4, column: 1});
		expect(error.message).toBe('cases/big-upload.json: not valid JSON: value expected at line 4, column 1');
	});

	it('says an empty file is empty', () => {
		expect(failure('').message).toMatch(/^snap\.json: not valid JSON: the text is empty/);
	});

	it.each([
		['[1, 2]', /expected a JSON object with "format": "s3-kms-doctor\/snapshot@1", found a list/],
		['"hello"', /found "hello"/],
		['{"question": {}}', /not an s3-kms-doctor snapshot: "format" is missing/],
		['{"Version": "2012-10-17", "Statement": []}', /looks like a policy document, not a snapshot/],
		['{"format": "s3-kms-doctor/snapshot@2", "question": {}}', /written by a newer s3-kms-doctor; this version reads "s3-kms-doctor\/snapshot@1"/],
		['{"format": "snapshot", "question": {}}', /"format" must be "s3-kms-doctor\/snapshot@1", not "snapshot"/],
		['{"format": 1}', /"format" must be "s3-kms-doctor\/snapshot@1", not 1/],
	])('names a wrong or missing format clearly: %s', (text, message) => {
		const error = failure(text);
		expect(error.kind).toBe('format');
		expect(error.message).toMatch(/^snap\.json: /);
		expect(error.message).toMatch(message);
	});

	it.each([
		[(d: Draft) => void (d.question.operation = 'uplaod'), 'question.operation must be one of upload, download, copy, cloudfront-download, cloudfront-upload, presigned-download, presigned-upload, service-read, service-write, replication, not "uplaod"'],
		[(d: Draft) => void delete d.question, 'question is required'],
		[(d: Draft) => void delete d.question.bucket, 'question.bucket is required'],
		[(d: Draft) => void delete d.question.source, 'question.source is required when question.operation is copy'],
		[(d: Draft) => void (d.question.operaton = 'upload'), 'question.operaton is not a field of question (did you mean operation?)'],
		[(d: Draft) => void (d.bucket.polcy = {}), 'bucket.polcy is not a field of bucket (did you mean policy?)'],
		[(d: Draft) => void (d.question.sizeBytes = '12 MB'), 'question.sizeBytes must be a whole number, not "12 MB"'],
		[(d: Draft) => void (d.question.sizeBytes = -1), 'question.sizeBytes must be at least 0, not -1'],
		[(d: Draft) => void (d.question.objectKey = ' '), 'question.objectKey must not be empty'],
		[(d: Draft) => void (d.question.bucket = 's3://dest-bucket'), 'question.bucket must be a bucket name (not an ARN or an s3:// URL), not "s3://dest-bucket"'],
		[(d: Draft) => void (d.bucket.accountId = '1111-2222-3333'), 'bucket.accountId must be a 12-digit AWS account ID, not "1111-2222-3333"'],
		[(d: Draft) => void (d.key.arn = 'alias/uploads'), 'key.arn must be a KMS key ARN such as'],
		[(d: Draft) => void (d.key.policy = null), 'key.policy must be an object, not null (leave the field out when it is unknown)'],
		[(d: Draft) => void (d.principal.permissionsBoundary = 'none'), 'principal.permissionsBoundary must be an object or null, not "none"'],
		[(d: Draft) => void (d.principal.identityPolicies[1].document = 'x'), 'principal.identityPolicies[1].document must be an object, not "x"'],
		[(d: Draft) => void (d.requestContext['aws:SourceIp'] = {ip: '1.2.3.4'}), 'requestContext["aws:SourceIp"] must be a string, a number, true or false, a list or null, not an object'],
		[(d: Draft) => void (d.organization.serviceControlPolicies[1][0].document = []), 'organization.serviceControlPolicies[1][0].document must be an object, not a list'],
	])('names the JSON path of a schema problem in one readable line (%#)', (change, problem) => {
		const error = failure(asText(variant(completeSnapshot, change)));
		expect(error.kind).toBe('schema');
		expect(error.problems).toHaveLength(1);
		expect(error.problems[0]).toContain(problem);
		expect(error.message).toBe(`snap.json: ${error.problems[0]}`);
		expect(error.message).not.toContain('\n');
	});

	it('lists at most a handful of problems and counts the rest', () => {
		const error = failure(
			asText(
				variant(completeSnapshot, d => {
					d.question.operation = 'put';
					d.question.sizeBytes = 'big';
					d.bucket.accountId = 'x';
					d.bucket.region = 'Ireland';
					d.key.keyState = 'On';
					d.principal.tags = [];
					d.unread[0].path = 7;
				}),
			),
		);
		expect(error.problemCount).toBe(7);
		expect(error.problems).toHaveLength(maxProblems);
		expect(error.message).toMatch(/^snap\.json: 7 problems: question\.operation must be one of .*; and 2 more$/);
		expect(error.message).not.toContain('\n');
	});
});
