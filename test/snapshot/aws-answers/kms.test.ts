import {describe, expect, it} from 'vitest';
import {aliasesPageOf, describedKeyOf, grantsPageOf, keyAliases, keyPolicyOf} from '../../../source/snapshot/aws-answers/index.js';
import {created, createdText, jsonText, policy, sdkOutput} from './shapes.js';

const account = '111122223333';
const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const keyArn = `arn:aws:kms:eu-west-1:${account}:key/${keyId}`;

describe('kms:DescribeKey', () => {
	const metadata = {
		AWSAccountId: account,
		KeyId: keyId,
		Arn: keyArn,
		Enabled: true,
		Description: '',
		KeyUsage: 'ENCRYPT_DECRYPT',
		KeyState: 'Enabled',
		Origin: 'AWS_KMS',
		KeyManager: 'CUSTOMER',
		CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
		KeySpec: 'SYMMETRIC_DEFAULT',
		EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
		MultiRegion: false,
	};
	const expected = {arn: keyArn, facts: {keyManager: 'CUSTOMER', keyState: 'Enabled', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', multiRegion: false}};

	it("gives the key's ARN, manager, state, spec and usage from either shape", () => {
		expect(describedKeyOf(sdkOutput({KeyMetadata: {...metadata, CreationDate: created}}))).toEqual({ok: true, value: expected});
		expect(describedKeyOf({KeyMetadata: {...metadata, CreationDate: createdText}})).toEqual({ok: true, value: expected});
	});

	it('leaves out a state or manager it does not know, takes the old spec field when alone, and wants KeyMetadata', () => {
		const {KeySpec: _spec, ...old} = metadata;
		expect(describedKeyOf({KeyMetadata: {...old, KeyState: 'Melting', KeyManager: 'SOMEONE'}})).toEqual({
			ok: true,
			value: {arn: keyArn, facts: {keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', multiRegion: false}},
		});
		expect(describedKeyOf(sdkOutput({}))).toEqual({ok: false, error: {kind: 'shape', message: 'DescribeKey returned no KeyMetadata'}});
	});

	it('takes no Arn that is not a key ARN (an alias ARN, an edited one)', () => {
		const problem = {ok: false, error: {kind: 'shape', message: "the answer's KeyMetadata.Arn is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)"}};
		expect(describedKeyOf({KeyMetadata: {...metadata, Arn: 'arn:aws:kms:eu-west-1:111122223333:alias/uploads'}})).toEqual(problem);
		expect(describedKeyOf({KeyMetadata: {...metadata, Arn: `${keyArn}\u001b[2J`}})).toEqual(problem);
	});
});

describe('kms:GetKeyPolicy', () => {
	it('parses the key policy, a JSON string in both shapes', () => {
		const document = policy('kms:*');
		expect(keyPolicyOf(sdkOutput({Policy: jsonText(document), PolicyName: 'default'}))).toEqual({ok: true, value: document});
		expect(keyPolicyOf({Policy: jsonText(document), PolicyName: 'default'})).toEqual({ok: true, value: document});
		expect(keyPolicyOf({PolicyName: 'default'})).toMatchObject({ok: false, error: {kind: 'policy-document'}});
	});
});

describe('kms:ListGrants', () => {
	const grants = [
		{
			KeyId: keyArn,
			GrantId: 'grant-0001',
			Name: 'lambda',
			GranteePrincipal: `arn:aws:iam::${account}:role/lambda-reader`,
			IssuingAccount: `arn:aws:iam::${account}:root`,
			Operations: ['Decrypt'],
			Constraints: {EncryptionContextSubset: {'aws:s3:arn': 'arn:aws:s3:::acme-uploads'}},
		},
		{
			KeyId: keyArn,
			GrantId: 'grant-0002',
			Name: '',
			GranteePrincipal: `arn:aws:iam::${account}:role/batch`,
			RetiringPrincipal: `arn:aws:iam::${account}:root`,
			IssuingAccount: `arn:aws:iam::${account}:root`,
			Operations: ['Decrypt', 'GenerateDataKey'],
		},
		// A grant that names no grantee lets no one in.
		{KeyId: keyArn, GrantId: 'grant-0003', Operations: ['Decrypt']},
	];
	const expected = [
		{grantId: 'grant-0001', name: 'lambda', granteePrincipal: `arn:aws:iam::${account}:role/lambda-reader`, operations: ['Decrypt'], constraints: {encryptionContextSubset: {'aws:s3:arn': 'arn:aws:s3:::acme-uploads'}}},
		{grantId: 'grant-0002', granteePrincipal: `arn:aws:iam::${account}:role/batch`, retiringPrincipal: `arn:aws:iam::${account}:root`, operations: ['Decrypt', 'GenerateDataKey']},
	];

	it('gives the grants with their grantee, operations and encryption context constraints, from either shape', () => {
		expect(grantsPageOf(sdkOutput({Grants: grants.map(grant => ({...grant, CreationDate: created})), Truncated: false}))).toEqual({ok: true, value: {items: expected}});
		expect(grantsPageOf({Grants: grants.map(grant => ({...grant, CreationDate: createdText}))})).toEqual({ok: true, value: {items: expected}});
	});

	it('takes an answer without its Grants list for a problem, not for "no grants"', () => {
		// KMS's ListGrants response: "Grants — A list of grants." An answer without it says nothing of the key's grants.
		expect(grantsPageOf(sdkOutput({Truncated: false}))).toEqual({ok: false, error: {kind: 'shape', message: 'the answer holds no Grants list, so it does not say which grants the key has'}});
		expect(grantsPageOf({Grants: 'none'})).toMatchObject({ok: false});
	});

	it('follows NextMarker only while KMS says the list is truncated', () => {
		expect(grantsPageOf(sdkOutput({Grants: [grants[0]], Truncated: true, NextMarker: '1'}))).toEqual({ok: true, value: {items: [expected[0]], next: '1'}});
		expect(grantsPageOf(sdkOutput({Grants: [], Truncated: false, NextMarker: '1'}))).toEqual({ok: true, value: {items: []}});
	});
});

describe('kms:ListAliases', () => {
	const aliases = [
		{AliasName: 'alias/uploads', AliasArn: `arn:aws:kms:eu-west-1:${account}:alias/uploads`, TargetKeyId: keyId},
		{AliasName: 'alias/reports', AliasArn: `arn:aws:kms:eu-west-1:${account}:alias/reports`, TargetKeyId: keyId},
	];

	it("gives the key's alias names from either shape, and the next page while truncated", () => {
		expect(aliasesPageOf(sdkOutput({Aliases: aliases.map(alias => ({...alias, CreationDate: created})), Truncated: false}))).toEqual({ok: true, value: {items: ['alias/uploads', 'alias/reports']}});
		expect(aliasesPageOf({Aliases: aliases.map(alias => ({...alias, CreationDate: createdText}))})).toEqual({ok: true, value: {items: ['alias/uploads', 'alias/reports']}});
		expect(aliasesPageOf(sdkOutput({Aliases: [aliases[0]], Truncated: true, NextMarker: 'm2'}))).toEqual({ok: true, value: {items: ['alias/uploads'], next: 'm2'}});
	});

	it('takes an answer without its Aliases list for a problem: kms:ResourceAliases needs the complete list', () => {
		// KMS: "The kms:ResourceAliases condition key allows or denies access to a KMS key based on the aliases associated with the KMS key."
		expect(aliasesPageOf(sdkOutput({Truncated: false}))).toEqual({ok: false, error: {kind: 'shape', message: 'the answer holds no Aliases list, so it does not say which aliases the key has'}});
	});

	it('puts the alias DescribeKey resolved first, lists each alias once, and counts an answered empty list as none', () => {
		expect(keyAliases('alias/uploads', ['alias/reports', 'alias/uploads'])).toEqual({aliases: ['alias/uploads', 'alias/reports'], partial: false});
		expect(keyAliases('alias/uploads', [])).toEqual({aliases: ['alias/uploads'], partial: false});
		expect(keyAliases(undefined, [])).toEqual({aliases: [], partial: false});
	});

	// KMS API reference, ListAliases: "Cross-account use: No." A failed or skipped list still keeps the resolved alias.
	it('keeps the resolved alias when ListAliases did not answer, and calls the list partial', () => {
		expect(keyAliases('alias/uploads', undefined)).toEqual({aliases: ['alias/uploads'], partial: true});
		expect(keyAliases(undefined, undefined)).toEqual({partial: false});
	});
});
