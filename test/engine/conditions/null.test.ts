import {describe, expect, it} from 'vitest';
import {nullResult} from '../../../source/engine/conditions/null.js';
import {check, result} from './helpers.js';

describe('Null', () => {
	// IAM guide: allow EC2 only without temporary credentials, "Null": {"aws:TokenIssueTime": "true"}.
	it('"true" holds when the key is missing', () => {
		const trace = check('Null', 'aws:TokenIssueTime', 'true', {});
		expect(trace.result).toBe('yes');
		expect(trace.reason).toBe('aws:TokenIssueTime is not in the request, so Null "true" matches');
	});

	it('"true" fails when the key is present', () => {
		const trace = check('Null', 'aws:TokenIssueTime', 'true', {'aws:TokenIssueTime': '2024-05-01T10:00:00Z'});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe('aws:TokenIssueTime is "2024-05-01T10:00:00Z", so Null "true" does not match');
	});

	it('"false" holds when the key is present and fails when it is missing', () => {
		expect(result('Null', 'aws:TokenIssueTime', 'false', {'aws:TokenIssueTime': '2024-05-01T10:00:00Z'})).toBe('yes');
		expect(result('Null', 'aws:TokenIssueTime', 'false', {})).toBe('no');
	});

	it('treats a key with no values as null, as the multivalued-key guide does', () => {
		expect(result('Null', 'aws:TagKeys', 'false', {'aws:TagKeys': []})).toBe('no');
		expect(result('Null', 'aws:TagKeys', 'true', {'aws:TagKeys': []})).toBe('yes');
		expect(check('Null', 'aws:TagKeys', 'true', {'aws:TagKeys': []}).reason).toBe('aws:TagKeys has no values in the request, so Null "true" matches');
	});

	// IAM User Guide, "IAM JSON policy elements: Condition operators", beside "a null dataset, such as an empty string".
	const emptyValues =
		'To prevent missing context keys or context keys with empty values from evaluating to true, you can include the Null condition operator in your policy with a false value to check if the context key exists and its value is not null.';

	it(`treats an empty string as null: "${emptyValues}"`, () => {
		const trace = check('Null', 'aws:TagKeys', 'false', {'aws:TagKeys': ''});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe('aws:TagKeys is an empty string in the request, so Null "false" does not match');
		expect(result('Null', 's3:prefix', 'true', {'s3:prefix': ''})).toBe('yes');
		expect(result('Null', 'aws:TagKeys', 'false', {'aws:TagKeys': ['']})).toBe('no');
		expect(result('Null', 'aws:TagKeys', 'false', {'aws:TagKeys': ['', 'a']})).toBe('yes');
	});

	// IAM User Guide, "Condition operator to check existence of condition keys".
	const values = 'In the policy statement, use either true (the key doesn\'t exist — it is null) or false (the key exists and its value is not null).';

	it(`is unknown for a policy value other than true and false, which AWS does not document: "${values}"`, () => {
		for (const written of ['yes', 'TRUE', 'False', '']) {
			const trace = check('Null', 'aws:TokenIssueTime', written, {});
			expect(trace.result, written).toBe('unknown');
			expect(trace.unknownKeys, written).toBeUndefined();
			expect(result('Null', 'aws:TokenIssueTime', written, {'aws:TokenIssueTime': '2024-05-01T10:00:00Z'}), written).toBe('unknown');
		}
		expect(check('Null', 'aws:TokenIssueTime', 'yes', {}).reason).toBe(
			'aws:TokenIssueTime is not in the request, so Null "yes" may or may not match: AWS documents only "true" and "false" for Null',
		);
		// A documented value that holds decides it; one that fails leaves it open.
		expect(result('Null', 'aws:TokenIssueTime', ['yes', 'true'], {})).toBe('yes');
		expect(result('Null', 'aws:TokenIssueTime', ['yes', 'false'], {})).toBe('unknown');
		expect(result('Null', 'aws:TokenIssueTime', ['true', 'false'], {})).toBe('yes');
	});

	it('is unknown when we do not know whether the key is there', () => {
		const trace = check('Null', 'aws:TokenIssueTime', 'true', {}, 'unknown');
		expect(trace.result).toBe('unknown');
		expect(trace.reason).toBe('aws:TokenIssueTime is not known for this request');
	});

	it('ignores set qualifiers: it only tests existence', () => {
		expect(result('ForAnyValue:Null', 'aws:TagKeys', 'false', {'aws:TagKeys': ['a']})).toBe('yes');
		expect(result('ForAllValues:Null', 'aws:TagKeys', 'false', {})).toBe('no');
	});
});

describe('nullResult', () => {
	it('compares existence with the policy values', () => {
		expect(nullResult(true, ['true'])).toBe('yes');
		expect(nullResult(false, ['true'])).toBe('no');
		expect(nullResult(false, ['false'])).toBe('yes');
		expect(nullResult(true, [''])).toBe('unknown');
	});
});
