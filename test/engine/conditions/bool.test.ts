import {describe, expect, it} from 'vitest';
import {compareBool, parseBool} from '../../../source/engine/conditions/bool.js';
import {check, result} from './helpers.js';

describe('Bool', () => {
	// IAM guide: deny all S3 actions unless the request used SSL, "Bool": {"aws:SecureTransport": "false"}.
	it('matches aws:SecureTransport "false" for a plain-HTTP request, so the deny fires', () => {
		const trace = check('Bool', 'aws:SecureTransport', 'false', {'aws:SecureTransport': 'false'});
		expect(trace.result).toBe('yes');
		expect(trace.reason).toBe('aws:SecureTransport is "false", which is "false"');
	});

	it('does not match an HTTPS request', () => {
		const trace = check('Bool', 'aws:SecureTransport', 'false', {'aws:SecureTransport': true});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe('aws:SecureTransport is "true", which is not "false"');
	});

	// IAM User Guide, "IAM JSON policy elements: Condition operators" (Boolean condition operators), which writes them `true` and `false`.
	const trueOrFalse = 'Boolean conditions let you construct Condition elements that restrict access based on comparing a key to true or false.';

	it(`reads only true and false: "True" is a spelling AWS does not document, so unknown: "${trueOrFalse}"`, () => {
		const trace = check('Bool', 'aws:SecureTransport', 'False', {'aws:SecureTransport': 'false'});
		expect(trace.result).toBe('unknown');
		expect(trace.unknownKeys).toBeUndefined();
		expect(trace.reason).toBe('aws:SecureTransport is "false", but whether it is "False" is not known: "False" is not "true" or "false"');
		expect(result('Bool', 'aws:SecureTransport', 'TRUE', {'aws:SecureTransport': 'True'})).toBe('unknown');
		expect(result('Bool', 'aws:SecureTransport', 'true', {'aws:SecureTransport': 'True'})).toBe('unknown');
		// A JSON boolean in the policy or the request is the lower-case word.
		expect(result('Bool', 'aws:SecureTransport', 'false', {'aws:SecureTransport': false})).toBe('yes');
	});

	it('fails when the key is missing; BoolIfExists holds', () => {
		// aws:MultiFactorAuthPresent is missing for long-term access keys.
		expect(result('Bool', 'aws:MultiFactorAuthPresent', 'true', {})).toBe('no');
		expect(result('Bool', 'aws:MultiFactorAuthPresent', 'false', {})).toBe('no');
		expect(result('BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', {})).toBe('yes');
		expect(result('BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', {'aws:MultiFactorAuthPresent': 'true'})).toBe('no');
	});

	// IAM User Guide, "IAM JSON policy elements: Condition operators" (Boolean condition operators).
	const booleans = 'Boolean conditions let you construct Condition elements that restrict access based on comparing a key to true or false.';

	it(`is unknown for a value that is not a boolean, which AWS does not say how it reads: "${booleans}"`, () => {
		const trace = check('Bool', 'aws:SecureTransport', 'true', {'aws:SecureTransport': 'yes'});
		expect(trace.result).toBe('unknown');
		expect(trace.unknownKeys).toBeUndefined();
		expect(trace.reason).toBe('aws:SecureTransport is "yes", which is not "true" or "false", so whether it is "true" is not known');
		expect(result('Bool', 'aws:SecureTransport', '1', {'aws:SecureTransport': 'true'})).toBe('unknown');
		// A policy variable whose value is not a boolean, too.
		expect(result('Bool', 'aws:SecureTransport', '${aws:PrincipalTag/tls}', {'aws:SecureTransport': 'true', 'aws:PrincipalTag/tls': 'on'})).toBe('unknown');
	});

	it('substitutes policy variables, as the IAM reference allows for Bool', () => {
		expect(result('Bool', 'aws:SecureTransport', '${aws:PrincipalTag/needs-tls}', {'aws:SecureTransport': 'true', 'aws:PrincipalTag/needs-tls': 'true'})).toBe('yes');
	});
});

describe('parseBool and compareBool', () => {
	it('read true and false only', () => {
		expect(parseBool('true')).toBe(true);
		expect(parseBool('false')).toBe(false);
		expect(parseBool('TRUE')).toBeUndefined();
		expect(parseBool('')).toBeUndefined();
		expect(parseBool(' true')).toBeUndefined();
		expect(compareBool('true', 'true')).toBe(true);
		expect(compareBool('true', 'True')).toBe(false);
		expect(compareBool('maybe', 'maybe')).toBe(false);
	});
});
