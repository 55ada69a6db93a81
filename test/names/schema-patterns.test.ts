import {describe, expect, it} from 'vitest';
import {isAccountId, isBucketName, isKeyArn, isPrincipalArn, isProfileName, isRegion, isResourceArn, namePatterns, parseAccessKeyId, parseDistributionArn, parseOrganizationId, parsePrincipalArn, type NamePattern} from '../../source/names/index.js';
import {snapshotSchema} from '../../source/snapshot/snapshot-schema.js';

const samples: Readonly<Record<NamePattern, readonly string[]>> = {
	accountId: ['111122223333', '1111', '1111-2222-3333', ' 111122223333', ''],
	region: ['eu-west-1', 'us-gov-west-1', 'Ireland', 'eu-west-1a', 'EU-WEST-1'],
	bucketName: ['acme-uploads', 'My_Bucket', 'ab', 'my bucket', 's3://acme/k', 'arn:aws:s3:::acme', '_bucket', 'a'.repeat(255), 'a'.repeat(256)],
	keyArn: [
		'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
		'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab',
		'arn:aws:kms:eu-west-1:111122223333:key/abcd',
		'arn:aws:kms:eu-west-1:111122223333:alias/uploads',
		'arn:aws:kms:eu-west-1:1111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
	],
	principalArn: [
		'arn:aws:iam::111122223333:root',
		'arn:aws:iam::111122223333:user/division_abc/Bob',
		'arn:aws:iam::111122223333:role/S3Access',
		'arn:aws:sts::111122223333:assumed-role/Accounting-Role/Mary',
		'arn:aws:sts::111122223333:federated-user/Bob',
		'arn:aws:iam::111122223333:group/Developers',
		'arn:aws:iam::111122223333:user/my user',
		'arn:aws:sts::111122223333:assumed-role/Admin',
	],
	roleArn: ['arn:aws:iam::111122223333:role/path/Uploader', 'arn:aws:iam::111122223333:role/Uploader', 'arn:aws:iam::111122223333:user/Bob'],
	organizationId: ['o-a1b2c3d4e5', 'o-a1b2', 'o-A1B2C3D4E5'],
	distributionArn: ['arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE', 'EDFDVBD6EXAMPLE', 'arn:aws:cloudfront:us-east-1:111122223333:distribution/EDFDVBD6EXAMPLE', 'arn:aws:cloudfront::111122223333:distribution/edfdvbd6example'],
	accessKeyId: ['AKIAIOSFODNN7EXAMPLE', 'ASIAIOSFODNN7EXAMPLE', 'AIDAIOSFODNN7EXAMPLE', 'akiaiosfodnn7example', 'AKIA'],
	resourceArn: [
		'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
		'arn:aws:s3:::source-bucket/in/a file.csv',
		'arn:aws:s3:::source-bucket',
		'arn:aws:s3:::bucket/key\u001b[2J',
		'arn:aws:s3:::bucket/key\u202egnp.exe',
		'arn:aws:s3:::bucket/key\nsecond line',
		'arn:aws:s3:::',
		'role TestReadOnly',
		's3://bucket/key',
	],
	// Passed as `--profile NAME` in a fix's command: nothing that steers a terminal or reads as an option.
	profileName: ['dev', 'acme-prod', 'my profile', "o'brien", '-x', ' dev', 'dev\u001b[2J', 'a\u200bb', 'dev\nrm', ''],
};

const parses: Readonly<Record<NamePattern, (text: string) => boolean>> = {
	accountId: isAccountId,
	region: isRegion,
	bucketName: text => isBucketName(text),
	keyArn: isKeyArn,
	principalArn: isPrincipalArn,
	roleArn: text => {
		const arn = parsePrincipalArn(text);
		return arn.ok && arn.value.kind === 'role';
	},
	organizationId: text => parseOrganizationId(text).ok,
	distributionArn: text => parseDistributionArn(text).ok,
	accessKeyId: text => parseAccessKeyId(text).ok,
	resourceArn: isResourceArn,
	profileName: isProfileName,
};

describe('the names as JSON Schema patterns', () => {
	it.each(Object.keys(samples) as NamePattern[])('%s: the pattern and the parse function agree', name => {
		// ajv compiles patterns with the u flag.
		const pattern = new RegExp(namePatterns[name].pattern, 'u');
		for (const sample of samples[name]) expect(pattern.test(sample), `${name}: ${sample}`).toBe(parses[name](sample));
	});

	it('are the snapshot schema\'s patterns', () => {
		const defs = snapshotSchema.$defs;
		expect(defs.question.properties.bucket.pattern).toBe(namePatterns.bucketName.pattern);
		expect(defs.copySource.properties.bucket.pattern).toBe(namePatterns.bucketName.pattern);
		expect(defs.bucketInfo.properties.accountId.pattern).toBe(namePatterns.accountId.pattern);
		expect(defs.bucketInfo.properties.region.pattern).toBe(namePatterns.region.pattern);
		expect(defs.objectInfo.properties.ownerAccountId.pattern).toBe(namePatterns.accountId.pattern);
		expect(defs.keyInfo.properties.arn.pattern).toBe(namePatterns.keyArn.pattern);
		expect(defs.principal.properties.arn.pattern).toBe(namePatterns.principalArn.pattern);
		expect(defs.principal.properties.roleArn.pattern).toBe(namePatterns.roleArn.pattern);
		expect(defs.principal.properties.organizationId.pattern).toBe(namePatterns.organizationId.pattern);
		expect(snapshotSchema.properties.evidence.items.properties.resource.pattern).toBe(namePatterns.resourceArn.pattern);
		expect(defs.metadata.properties.profiles.items.properties.name.pattern).toBe(namePatterns.profileName.pattern);
	});
});
