import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {bundleToSnapshot} from '../../source/inputs/bundle/index.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import {bundleFiles, bundleQuestion, type BundleCall} from '../support/bundle-files.js';
import {injectText} from './sweep/inject.js';
import {html, inexactShellWords, leaks, markupLeaks, readable} from './sweep/outputs.js';

/**
 * The hostile-input sweep over a support bundle (sweep.test.ts does snapshots and error messages): every string of
 * every AWS CLI answer, every error the CLI wrote to stderr and the object key of the question, seeded, imported as
 * `import` reads it, diagnosed and rendered.
 */

/** A download's bundle as the collection script lays it out: the object owned by another account, one read denied. */
const bundleKey = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const bundleCalls: Record<string, BundleCall> = {
	'sts-get-caller-identity': {UserId: 'AROAEXAMPLEREADER0001:alice', Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/Reader/alice'},
	'iam-get-role': {Role: {RoleName: 'Reader', RoleId: 'AROAEXAMPLEREADER0001', Arn: 'arn:aws:iam::111122223333:role/Reader', Tags: [{Key: 'team', Value: 'analytics'}]}},
	'iam-list-role-policies': {PolicyNames: ['Inline']},
	'iam-get-role-policy.Inline': {PolicyName: 'Inline', PolicyDocument: {Version: '2012-10-17', Statement: [{Sid: 'Reads', Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*', Condition: {StringEquals: {'aws:PrincipalTag/team': 'analytics'}}}]}},
	'iam-list-attached-role-policies': {AttachedPolicies: []},
	's3api-get-bucket-policy': {Policy: JSON.stringify({Version: '2012-10-17', Statement: [{Sid: 'ReaderReads', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:role/Reader'}, Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*'}]})},
	's3api-get-bucket-ownership-controls': {OwnershipControls: {Rules: [{ObjectOwnership: 'ObjectWriter'}]}},
	's3api-head-object': {ServerSideEncryption: 'aws:kms', SSEKMSKeyId: bundleKey, BucketKeyEnabled: false},
	's3api-get-bucket-acl': {Owner: {DisplayName: 'owner', ID: 'a'.repeat(64)}, Grants: []},
	's3api-get-object-acl': {Owner: {DisplayName: 'writer', ID: 'b'.repeat(64)}, Grants: []},
	'kms-describe-key': {KeyMetadata: {Arn: bundleKey, KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', KeyManager: 'CUSTOMER', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT'}},
	'kms-get-key-policy': {Policy: JSON.stringify({Version: '2012-10-17', Statement: [{Sid: 'Iam', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}]})},
	'kms-list-grants': {Grants: [{GrantId: 'g1', Name: 'etl', GranteePrincipal: 'arn:aws:iam::111122223333:role/Etl', Operations: ['Decrypt']}]},
	'kms-list-aliases': {Aliases: [{AliasName: 'alias/reports', TargetKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab'}]},
	's3api-get-bucket-encryption': {error: 'AccessDenied: User: arn:aws:sts::111122223333:assumed-role/Reader/alice is not authorized to perform: s3:GetEncryptionConfiguration'},
};

describe('import of a bundle whose answers and errors are hostile', () => {
	it.each([1, 2, 3, 4, 5, 6])('seed %i: the imported snapshot reports no control character or markup of theirs', seed => {
		const files = bundleFiles(bundleCalls);
		for (const [name, content] of files) if (/\.(json|stderr)$/.test(name)) files.set(name, injectText(content, seed * 31 + name.length, seed % 2 === 0 ? 0.5 : 0.2));
		// The question's object key is the customer's; its format, operation and bucket are checked before anything is read.
		const {objectKey} = JSON.parse(injectText(JSON.stringify({objectKey: 'reports/q1.csv'}), seed, 1)) as {objectKey: string};
		files.set('question.json', JSON.stringify({...bundleQuestion, operation: 'download', objectKey}));
		// As `import` reads it. (Not read back through the schema: a hostile ARN or account ID in an answer is kept as it
		// is, which the snapshot schema would refuse; what is checked here is what the reports show of it.)
		const imported = bundleToSnapshot(files);
		if (!imported.ok) throw new Error(imported.error.message);
		const diagnosis = diagnose(imported.value.snapshot);
		const markdown = renderMarkdown(diagnosis);
		expect(leaks(renderText(diagnosis, {color: false, width: 100})), `seed ${seed}`).toEqual([]);
		expect(leaks(markdown), `seed ${seed}`).toEqual([]);
		expect(markupLeaks(html(markdown)), `seed ${seed}`).toEqual([]);
		expect(leaks(renderJson(diagnosis)), `seed ${seed}`).toEqual([]);
		expect(inexactShellWords(imported.value.snapshot, readable(html(markdown))), `seed ${seed}`).toEqual([]);
	});
});
