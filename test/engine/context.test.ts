import {describe, expect, it} from 'vitest';
import {createContextLookup, RequestContext} from '../../source/engine/context.js';

describe('createContextLookup', () => {
	it('finds keys case-insensitively and reads values as text', () => {
		const lookup = createContextLookup({'aws:SecureTransport': true, 's3:max-keys': 10, 'aws:TagKeys': ['a', 'b'], 'kms:ViaService': 's3.eu-west-1.amazonaws.com'});
		expect(lookup('AWS:securetransport')).toEqual({state: 'present', values: ['true'], multiValued: false});
		expect(lookup('s3:max-keys')).toEqual({state: 'present', values: ['10'], multiValued: false});
		expect(lookup('aws:tagkeys')).toEqual({state: 'present', values: ['a', 'b'], multiValued: true});
		expect(lookup('kms:viaservice')).toEqual({state: 'present', values: ['s3.eu-west-1.amazonaws.com'], multiValued: false});
	});

	it('tells a key known to be absent (null) from one not given (unknown by default, or absent when asked)', () => {
		expect(createContextLookup({'aws:SourceVpce': null})('aws:SourceVpce')).toEqual({state: 'absent'});
		expect(createContextLookup({})('aws:SourceVpce')).toEqual({state: 'unknown'});
		expect(createContextLookup({}, 'absent')('aws:SourceVpce')).toEqual({state: 'absent'});
	});

	it('lets a later key win over an earlier one that differs only in case', () => {
		expect(createContextLookup({'aws:username': 'first', 'AWS:UserName': 'second'})('aws:username')).toEqual({
			state: 'present',
			values: ['second'],
			multiValued: false,
		});
	});

	it('uses defaults only for keys the values do not hold in any case, even when the value is null', () => {
		const lookup = createContextLookup({'aws:principalaccount': '222233334444', 'aws:username': null}, 'unknown', {
			'aws:PrincipalAccount': '111122223333',
			'aws:username': 'alice',
			'aws:PrincipalType': 'User',
		});
		expect(lookup('aws:PrincipalAccount')).toEqual({state: 'present', values: ['222233334444'], multiValued: false});
		expect(lookup('aws:username')).toEqual({state: 'absent'});
		expect(lookup('aws:principaltype')).toEqual({state: 'present', values: ['User'], multiValued: false});
		expect(lookup('aws:SourceIp')).toEqual({state: 'unknown'});
	});

	it('answers the same key the same way every time', () => {
		const lookup = createContextLookup({'aws:SourceIp': '192.0.2.1'});
		expect(lookup('aws:SourceIp')).toBe(lookup('aws:SourceIp'));
	});

	it('reads a key of a kind the request never carries as absent, where it is not listed, and keeps any it lists', () => {
		const lookup = new RequestContext({'s3:x-amz-acl': 'private'}, 'unknown', undefined, ['s3:']).lookup;
		expect(lookup('s3:ResourceAccount')).toEqual({state: 'absent'});
		expect(lookup('S3:ExistingObjectTag/class')).toEqual({state: 'absent'});
		expect(lookup('s3:x-amz-acl')).toEqual({state: 'present', values: ['private'], multiValued: false});
		expect(lookup('aws:SourceIp')).toEqual({state: 'unknown'});
	});
});
