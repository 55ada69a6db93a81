import {describe, expect, it} from 'vitest';
import {atLeast, createContextLookup, type ContextValue} from '../../source/engine/context.js';
import type {GrantInput} from '../../source/engine/evaluation.js';
import {evaluateGrant} from '../../source/engine/grants.js';
import {parseCaller} from '../../source/engine/principal.js';

const session = parseCaller('arn:aws:sts::111122223333:assumed-role/App/s1');
const grant = (extra: Partial<GrantInput> = {}): GrantInput => ({
	name: 'g1',
	granteePrincipal: 'arn:aws:iam::111122223333:role/App',
	operations: ['Decrypt', 'GenerateDataKey'],
	...extra,
});
const check = (input: GrantInput, action: string, context: Readonly<Record<string, ContextValue>> = {}, caller = session) =>
	evaluateGrant(input, caller, action, createContextLookup(context, 'unknown'));

describe('evaluateGrant', () => {
	it('applies to the operations it lists, written with or without the kms: prefix, in any case', () => {
		expect(check(grant(), 'kms:Decrypt')?.applies).toBe('yes');
		expect(check(grant({operations: ['kms:GenerateDataKey']}), 'KMS:generatedatakey')?.applies).toBe('yes');
		expect(check(grant(), 'kms:Encrypt')).toBeUndefined();
		expect(check(grant(), 'kms:GenerateDataKeyWithoutPlaintext')).toBeUndefined();
	});

	it('covers every session of a grantee role, and a grantee user exactly', () => {
		expect(check(grant(), 'kms:Decrypt', {}, parseCaller('arn:aws:sts::111122223333:assumed-role/App/other'))?.principalMatch).toBe('role');
		expect(check(grant(), 'kms:Decrypt', {}, parseCaller('arn:aws:sts::111122223333:assumed-role/Batch/s1'))).toBeUndefined();
		const userGrant = grant({granteePrincipal: 'arn:aws:iam::111122223333:user/alice'});
		expect(check(userGrant, 'kms:Decrypt', {}, parseCaller('arn:aws:iam::111122223333:user/alice'))?.principalMatch).toBe('exact');
		expect(check(userGrant, 'kms:Decrypt', {}, parseCaller('arn:aws:iam::111122223333:user/bob'))).toBeUndefined();
	});

	it('does not treat a grant to an account as a grant to everyone in it', () => {
		expect(check(grant({granteePrincipal: 'arn:aws:iam::111122223333:root'}), 'kms:Decrypt')).toBeUndefined();
	});

	it('covers a service principal grantee', () => {
		const s3 = parseCaller('s3.amazonaws.com');
		expect(check(grant({granteePrincipal: 's3.amazonaws.com'}), 'kms:Decrypt', {}, s3)?.applies).toBe('yes');
		expect(check(grant({granteePrincipal: 'cloudtrail.amazonaws.com'}), 'kms:Decrypt', {}, s3)).toBeUndefined();
	});

	it('checks an EncryptionContextSubset pair by pair, allowing extra pairs', () => {
		const subset = grant({encryptionContextSubset: {'aws:s3:arn': 'arn:aws:s3:::bkt/a', team: 'blue'}});
		expect(check(subset, 'kms:Decrypt', {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bkt/a', 'kms:EncryptionContext:team': 'blue', 'kms:EncryptionContext:more': 'x'})?.applies).toBe('yes');
		expect(check(subset, 'kms:Decrypt', {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bkt/a', 'kms:EncryptionContext:team': 'red'})?.applies).toBe('no');
		expect(check(subset, 'kms:Decrypt', {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bkt/a', 'kms:EncryptionContext:team': null})?.applies).toBe('no');
		expect(check(subset, 'kms:Decrypt', {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bkt/a'})?.applies).toBe('unknown');
	});

	it('compares encryption context values case-sensitively', () => {
		const subset = grant({encryptionContextSubset: {team: 'blue'}});
		expect(check(subset, 'kms:Decrypt', {'kms:EncryptionContext:team': 'Blue'})?.applies).toBe('no');
	});

	it('checks an EncryptionContextEquals against the full list of the request\'s keys', () => {
		const equals = grant({encryptionContextEquals: {'aws:s3:arn': 'arn:aws:s3:::bkt'}});
		const pair = {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bkt'};
		expect(check(equals, 'kms:Decrypt', {...pair, 'kms:EncryptionContextKeys': ['aws:s3:arn']})?.applies).toBe('yes');
		expect(check(equals, 'kms:Decrypt', {...pair, 'kms:EncryptionContextKeys': ['aws:s3:arn', 'extra']})?.applies).toBe('no');
		expect(check(equals, 'kms:Decrypt', pair)?.applies).toBe('unknown');
		expect(check(equals, 'kms:Decrypt', {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bkt/obj', 'kms:EncryptionContextKeys': ['aws:s3:arn']})?.applies).toBe('no');
	});

	it('explains itself and names the grant', () => {
		const trace = check(grant(), 'kms:Decrypt')!;
		expect(trace).toMatchObject({policy: 'KMS grants', label: 'grant "g1"', effect: 'Allow', applies: 'yes'});
		expect(trace.reason).toBe('grant "g1" gives arn:aws:iam::111122223333:role/App kms:Decrypt');
		expect(check(grant({encryptionContextSubset: {a: 'b'}}), 'kms:Decrypt')!.reason).toBe(
			'whether its encryption context constraint fits is not known: it requires a = "b", which is not known for this request',
		);
	});

	// S3 API Reference, PutObject (x-amz-server-side-encryption-context): "This value is stored as object metadata and
	// automatically gets passed on to AWS KMS for future GetObject operations on this object."
	it('leaves an EncryptionContextEquals unknown against a stored context that may hold pairs beyond those known', () => {
		const equals = grant({encryptionContextEquals: {'aws:s3:arn': 'arn:aws:s3:::bkt/obj'}});
		const stored = {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bkt/obj', 'kms:EncryptionContextKeys': atLeast(['aws:s3:arn'])};
		const trace = check(equals, 'kms:Decrypt', stored)!;
		expect(trace.applies).toBe('unknown');
		expect(trace.reason).toContain('EncryptionContextEquals allows no pair beyond those it lists');
		expect(trace.reason).toContain('HeadObject does not show');
		// A pair known to differ still settles it, and a Subset constraint never minds extra pairs.
		expect(check(equals, 'kms:Decrypt', {...stored, 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bkt'})?.applies).toBe('no');
		expect(check(grant({encryptionContextSubset: {'aws:s3:arn': 'arn:aws:s3:::bkt/obj'}}), 'kms:Decrypt', stored)?.applies).toBe('yes');
	});
});
