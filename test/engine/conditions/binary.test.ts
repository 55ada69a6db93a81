import {describe, expect, it} from 'vitest';
import {compareBinary, decodeBase64} from '../../../source/engine/conditions/binary.js';
import {check, result} from './helpers.js';

describe('BinaryEquals', () => {
	// IAM guide: "BinaryEquals": {"key": "QmluYXJ5VmFsdWVJbkJhc2U2NA=="}.
	const policy = 'QmluYXJ5VmFsdWVJbkJhc2U2NA==';
	// IAM User Guide, "IAM JSON policy elements: Condition operators" (Binary condition operators).
	const base64 = 'It compares the value of the specified key byte for byte against a base-64 encoded representation of the binary value in the policy.';


	it('matches the same bytes', () => {
		expect(result('BinaryEquals', 'key', policy, {key: policy})).toBe('yes');
	});

	it('matches the same bytes in another base64 spelling', () => {
		expect(result('BinaryEquals', 'key', policy, {key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA'})).toBe('yes');
		expect(result('BinaryEquals', 'key', policy, {key: 'QmluYXJ5VmFs\ndWVJbkJhc2U2NA=='})).toBe('yes');
		expect(result('BinaryEquals', 'key', '+/8=', {key: '+/8'})).toBe('yes');
	});

	it(`is unknown for the URL-safe alphabet, base64url, which is not the base-64 AWS names: "${base64}"`, () => {
		expect(result('BinaryEquals', 'key', '+/8=', {key: '-_8'})).toBe('unknown');
		expect(result('BinaryEquals', 'key', '-_8=', {key: '+/8='})).toBe('unknown');
	});

	it('does not match other bytes', () => {
		const trace = check('BinaryEquals', 'key', policy, {key: 'QmluYXJ5'});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe('key is "QmluYXJ5", which is not "QmluYXJ5VmFsdWVJbkJhc2U2NA=="');
	});

	it(`is unknown for a value that is not base64, which AWS does not say how it reads: "${base64}"`, () => {
		const trace = check('BinaryEquals', 'key', policy, {key: 'not base64!'});
		expect(trace.result).toBe('unknown');
		expect(trace.reason).toBe('key is "not base64!", which is not base64, so whether it is "QmluYXJ5VmFsdWVJbkJhc2U2NA==" is not known');
		expect(result('BinaryEquals', 'key', '%%%', {key: '%%%'})).toBe('unknown');
	});

	it('fails when the key is missing; the IfExists form holds', () => {
		expect(result('BinaryEquals', 'key', policy, {})).toBe('no');
		expect(result('BinaryEqualsIfExists', 'key', policy, {})).toBe('yes');
	});
});

describe('decodeBase64 and compareBinary', () => {
	it('decode to the bytes', () => {
		expect(decodeBase64('QmluYXJ5VmFsdWVJbkJhc2U2NA==')).toBe('BinaryValueInBase64');
		expect(decodeBase64('')).toBe('');
		expect(decodeBase64('QQ')).toBe('A');
		expect(decodeBase64('Q')).toBeUndefined();
		expect(decodeBase64('QQ===')).toBeUndefined();
		expect(compareBinary('QQ==', 'QQ')).toBe(true);
		expect(compareBinary('QQ==', 'Qg==')).toBe(false);
	});
});
