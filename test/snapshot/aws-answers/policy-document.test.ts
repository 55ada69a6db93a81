import {describe, expect, it} from 'vitest';
import {policyDocumentOf} from '../../../source/snapshot/aws-answers/index.js';
import {jsonText, policy, urlEncoded} from './shapes.js';

const document = policy('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/reports/100%/*');

describe('policyDocumentOf', () => {
	it('reads an IAM document URL-encoded (the SDK) and decoded into an object (the CLI) alike', () => {
		// IAM API reference, GetRolePolicy: "Policies returned by this operation are URL-encoded compliant with RFC 3986."
		expect(policyDocumentOf(urlEncoded(document))).toEqual({ok: true, value: document});
		expect(policyDocumentOf(document)).toEqual({ok: true, value: document});
	});

	it('reads a plain JSON document as it is, so a `%` in it is never decoded away', () => {
		expect(policyDocumentOf(jsonText(document))).toEqual({ok: true, value: document});
		expect(policyDocumentOf('{"Version": "2012-10-17", "Statement": [{"Sid": "a%20b"}]}')).toEqual({ok: true, value: {Version: '2012-10-17', Statement: [{Sid: 'a%20b'}]}});
	});

	it('says what is wrong with an empty, broken or non-object document instead of guessing', () => {
		expect(policyDocumentOf(undefined)).toEqual({ok: false, error: {kind: 'policy-document', message: 'AWS returned an empty policy document'}});
		expect(policyDocumentOf('  ')).toEqual({ok: false, error: {kind: 'policy-document', message: 'AWS returned an empty policy document'}});
		expect(policyDocumentOf('{"Version": "2012-10-17",')).toEqual({
			ok: false,
			error: {kind: 'policy-document', message: expect.stringMatching(/^the policy document AWS returned is not valid JSON \(.* at line 1, column \d+\)$/) as unknown},
		});
		expect(policyDocumentOf(encodeURIComponent('{"Statement": ['))).toMatchObject({ok: false, error: {message: expect.stringMatching(/not valid JSON/) as unknown}});
		expect(policyDocumentOf('[1, 2]')).toEqual({ok: false, error: {kind: 'policy-document', message: 'the policy document AWS returned is not a JSON object'}});
		expect(policyDocumentOf(['Statement'])).toEqual({ok: false, error: {kind: 'policy-document', message: 'the policy document AWS returned is not a JSON object'}});
	});
});
