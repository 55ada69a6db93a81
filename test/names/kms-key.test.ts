import {describe, expect, it} from 'vitest';
import {
	aliasNameOf,
	describeNameError,
	findKeyArn,
	isKeyArn,
	isKeyId,
	kmsKeyArn,
	parseAliasName,
	parseKeyArn,
	parseKeyId,
	parseKeyReference,
	parseKmsArn,
	startsWithKmsArn,
	type Parsed,
} from '../../source/names/index.js';

const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const mrk = 'mrk-1234abcd12ab34cd56ef1234567890ab';
const keyArn = `arn:aws:kms:us-east-2:111122223333:key/${keyId}`;

const problem = (text: string, result: Parsed<unknown>): string | undefined => (result.ok ? undefined : describeNameError(text, result.error));

describe('KMS key identifiers (KMS Developer Guide, Key identifiers)', () => {
	it('key ID: "The following is an example key ID for a single-Region KMS key. 1234abcd-12ab-34cd-56ef-1234567890ab"', () => {
		expect(isKeyId(keyId)).toBe(true);
		expect(parseKeyReference(keyId)).toEqual({ok: true, value: {kind: 'key-id', keyId}});
	});

	it('multi-Region key ID: "The key IDs of multi-Region keys begin with the mrk- prefix." (mrk-1234abcd12ab34cd56ef1234567890ab)', () => {
		expect(isKeyId(mrk)).toBe(true);
		expect(isKeyId('mrk-1234abcd12ab34cd56ef1234567890a')).toBe(false);
		expect(isKeyArn(`arn:aws:kms:us-west-2:111122223333:key/${mrk}`)).toBe(true);
	});

	it('an upper-case key ID is not how KMS writes one: the hint gives the lower-case form', () => {
		const upper = keyId.toUpperCase();
		expect(isKeyId(upper)).toBe(false);
		expect(problem(upper, parseKeyReference(upper))).toBe(`"${upper}" is not a key ID: KMS writes key IDs in lower case: ${keyId}`);
		expect(problem('1234abcd-12ab', parseKeyId('1234abcd-12ab'))).toMatch(/is not a key ID: a key ID reads 1234abcd-12ab-34cd-56ef-1234567890ab, or mrk- and 32 hex digits/);
	});

	it('key ARN: "arn:<partition>:kms:<region>:<account-id>:key/<key-id>"', () => {
		expect(parseKmsArn(keyArn)).toEqual({ok: true, value: {partition: 'aws', region: 'us-east-2', account: '111122223333', kind: 'key', name: keyId}});
		expect(parseKeyReference(`arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/${keyId}`).ok).toBe(true);
		expect(problem('x', parseKeyArn(`arn:aws:kms:us-east-2:1111:key/${keyId}`))).toBe('"x" is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID): its account "1111" is not 12 digits');
		expect(problem('x', parseKeyArn(`arn:aws:kms:Ohio:111122223333:key/${keyId}`))).toMatch(/its Region "Ohio" is not a Region name such as eu-west-1$/);
		expect(problem('x', parseKmsArn('arn:aws:kms:us-east-2:111122223333:key/abcd'))).toMatch(/^"x" is not a KMS key ARN: its key ID "abcd" is not one: a key ID reads/);
	});

	it('alias name: "In the AWS KMS API, alias names always begin with alias/." and "The alias name is a string of up to 256 characters."', () => {
		expect(parseKeyReference('alias/ExampleAlias')).toEqual({ok: true, value: {kind: 'alias-name', aliasName: 'alias/ExampleAlias'}});
		expect(parseAliasName(`alias/${'a'.repeat(250)}`).ok).toBe(true);
		expect(problem('x', parseAliasName(`alias/${'a'.repeat(251)}`))).toBe('"x" is not an alias name: alias names have at most 256 characters');
		expect(problem('ExampleAlias', parseAliasName('ExampleAlias'))).toBe('"ExampleAlias" is not an alias name: an alias name starts with alias/, as in alias/ExampleAlias');
	});

	it('"It can contain only alphanumeric characters, forward slashes (/), underscores (_), and dashes (-)."', () => {
		expect(parseAliasName('alias/team_a/uploads-2').ok).toBe(true);
		expect(problem('alias/my key', parseAliasName('alias/my key'))).toMatch(/alias names have letters, digits, slashes, underscores and hyphens$/);
	});

	it('"Aliases are case-sensitive": alias/Uploads and alias/uploads are two aliases, both names', () => {
		expect(parseAliasName('alias/Uploads')).toEqual({ok: true, value: 'alias/Uploads'});
		expect(parseAliasName('Alias/uploads').ok).toBe(false);
	});

	it('"alias/aws/s3" names the AWS managed key for S3; the aws/ prefix is reserved for AWS, not invalid to name', () => {
		expect(parseKeyReference('alias/aws/s3').ok).toBe(true);
	});

	it('alias ARN: "arn:<partition>:kms:<region>:<account-id>:alias/<alias-name>"', () => {
		const aliasArn = 'arn:aws:kms:us-west-2:111122223333:alias/ExampleAlias';
		const parsed = parseKeyReference(aliasArn);
		expect(parsed.ok && parsed.value.kind).toBe('alias-arn');
		expect(aliasNameOf(aliasArn)).toBe('alias/ExampleAlias');
		expect(aliasNameOf('alias/ExampleAlias')).toBe('alias/ExampleAlias');
		expect(aliasNameOf(keyArn)).toBeUndefined();
		expect(aliasNameOf(keyId)).toBeUndefined();
	});

	it('a key ARN is asked for where nothing can resolve an alias: the hint says how to find it', () => {
		const aliasArn = 'arn:aws:kms:us-west-2:111122223333:alias/ExampleAlias';
		expect(problem(aliasArn, parseKeyArn(aliasArn))).toBe(
			`"${aliasArn}" is not a KMS key ARN: it names an alias; give the key ARN it points to (aws kms describe-key --key-id '${aliasArn}' shows it)`,
		);
		expect(parseKeyArn(keyArn).ok).toBe(true);
		expect(problem(keyId, parseKeyArn(keyId))).toBe(`"${keyId}" is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID): it reads arn:aws:kms:REGION:ACCOUNT:key/ID`);
		// An alias name gets the same way to its key, never a hint to give the alias ARN this field refuses.
		expect(problem('alias/my-key', parseKeyArn('alias/my-key'))).toBe(
			`"alias/my-key" is not a KMS key ARN: it names an alias; give the key ARN it points to (aws kms describe-key --key-id 'alias/my-key' shows it)`,
		);
	});

	it('"When using an alias name, prefix it with alias/."', () => {
		expect(problem('aws/s3', parseKeyReference('aws/s3'))).toBe('"aws/s3" is not a key ID: an alias needs its prefix, as in alias/aws/s3');
		expect(problem('uploads', parseKeyReference('uploads'))).toBe('"uploads" is not a key ID: an alias needs its prefix, as in alias/uploads');
		expect(problem('not a key', parseKeyReference('not a key'))).toBe('"not a key" is not a KMS key ID, key ARN, alias name (alias/NAME) or alias ARN');
	});

	it('finds a key ARN inside a sentence, and tells a sentence that starts with a KMS ARN', () => {
		expect(findKeyArn(`${keyArn} is disabled.`)).toBe(keyArn);
		expect(findKeyArn('the key arn:aws:kms:us-east-2:111122223333:alias/x is disabled')).toBeUndefined();
		expect(startsWithKmsArn(`${keyArn} is pending deletion.`)).toBe(true);
		expect(startsWithKmsArn('The key is pending deletion.')).toBe(false);
	});
});

describe('kmsKeyArn', () => {
	it('writes a key ID resolved in a Region and account as the key ARN of that partition, which parses back to its parts', () => {
		for (const [partition, region] of [['aws', 'us-east-2'], ['aws-cn', 'cn-north-1'], ['aws-us-gov', 'us-gov-west-1']] as const) {
			const arn = kmsKeyArn(partition, region, '111122223333', keyId);
			expect(arn).toBe(`arn:${partition}:kms:${region}:111122223333:key/${keyId}`);
			expect(parseKeyArn(arn)).toEqual({ok: true, value: {partition, region, account: '111122223333', kind: 'key', name: keyId}});
		}
	});
});
