import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis, Finding} from '../../source/diagnosis/diagnosis.js';
import type {KeyState} from '../../source/snapshot/snapshot.js';
import {
	MiB,
	account,
	allow,
	bucketArn,
	buildSnapshot,
	crossAccountDownload,
	deny,
	enableIam,
	keyArn,
	keyArnOf,
	named,
	objectArn,
	otherAccount,
	policy,
	region,
	rootOf,
	sessionArn,
	userArn,
	without,
} from './support/build-snapshot.js';
import {argvOf, decisions, expectFixesHold, findingIds, requirementOf} from './support/fix-checks.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';

/** Causes that are not a missing grant: each finding id, when it appears and what it does to the verdict. */

const findingOf = (diagnosis: Diagnosis, id: string): Finding => {
	const found = diagnosis.findings.find(finding => finding.id === id);
	if (!found) throw new Error(`no finding ${id}; findings: ${findingIds(diagnosis).join(', ')}`);
	return found;
};

const everyGrantOk = (diagnosis: Diagnosis): boolean =>
	diagnosis.actions.every(action => action.decision === 'allowed') &&
	diagnosis.requirements.every(requirement => requirement.status === 'ok' || requirement.status === 'not-needed');

const gdk = 'kms:GenerateDataKey@destination';
const decrypt = 'kms:Decrypt@destination';

describe('a clean snapshot', () => {
	it('has no findings at all', () => {
		expect(diagnose(buildSnapshot()).findings).toEqual([]);
	});
});

describe('key state', () => {
	it('key-disabled: an error that denies although every grant is ok', () => {
		const diagnosis = diagnose(buildSnapshot({key: {keyState: 'Disabled'}}));
		expect(everyGrantOk(diagnosis)).toBe(true);
		expect(diagnosis.verdict).toBe('denied');
		expect(findingOf(diagnosis, 'key-disabled')).toMatchObject({severity: 'error', remedy: `aws kms enable-key --key-id '${keyArn}' --region 'eu-west-1'`});
		expect(argvOf(findingOf(diagnosis, 'key-disabled').remedy!)).toEqual(['kms', 'enable-key', '--key-id', keyArn, '--region', 'eu-west-1']);
		expect(findingOf(diagnosis, 'key-disabled').message).toContain('KMS.DisabledException');
	});

	it('key-pending-deletion: an error whose remedy cancels the deletion then enables the key', () => {
		const diagnosis = diagnose(buildSnapshot({key: {keyState: 'PendingDeletion'}}));
		expect(everyGrantOk(diagnosis)).toBe(true);
		expect(diagnosis.verdict).toBe('denied');
		const finding = findingOf(diagnosis, 'key-pending-deletion');
		expect(finding.severity).toBe('error');
		expect(finding.remedy).toBe(`aws kms cancel-key-deletion --key-id '${keyArn}' --region 'eu-west-1' && aws kms enable-key --key-id '${keyArn}' --region 'eu-west-1'`);
		const [cancel, enable] = finding.remedy!.split(' && ');
		expect(argvOf(cancel!)).toEqual(['kms', 'cancel-key-deletion', '--key-id', keyArn, '--region', 'eu-west-1']);
		expect(argvOf(enable!)).toEqual(['kms', 'enable-key', '--key-id', keyArn, '--region', 'eu-west-1']);
	});

	it("a key-state remedy runs in the key ARN's Region, not the profile's default", () => {
		// "Creates a unique customer managed KMS key in your Amazon Web Services account and Region" (KMS API Reference,
		// CreateKey): KMS answers for a key only in its Region, and the AWS CLI without --region calls the profile's default.
		const sydneyKey = keyArnOf(account, 'ap-southeast-2');
		const diagnosis = diagnose(buildSnapshot({
			bucket: {region: 'ap-southeast-2', defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: sydneyKey, bucketKeyEnabled: false}},
			key: {arn: sydneyKey, keyState: 'PendingDeletion'},
			question: {kmsKeyId: sydneyKey},
		}));
		const [cancel, enable] = findingOf(diagnosis, 'key-pending-deletion').remedy!.split(' && ');
		expect(argvOf(cancel!)).toEqual(['kms', 'cancel-key-deletion', '--key-id', sydneyKey, '--region', 'ap-southeast-2']);
		expect(argvOf(enable!)).toEqual(['kms', 'enable-key', '--key-id', sydneyKey, '--region', 'ap-southeast-2']);
	});

	it.each(['PendingImport', 'Unavailable', 'Creating'] as KeyState[])('key-unusable-state: %s', state => {
		const diagnosis = diagnose(buildSnapshot({key: {keyState: state}}));
		expect(diagnosis.verdict).toBe('denied');
		expect(findingOf(diagnosis, 'key-unusable-state').message).toContain(state);
	});

	it('reports the state of the copy source\'s key too', () => {
		const sourceKey = keyArnOf(account, region, 'aaaaaaaa-1111-2222-3333-444444444444');
		const diagnosis = diagnose(
			buildSnapshot({
				question: {operation: 'copy', source: {bucket: 'source-bucket', objectKey: 'a.csv', kmsKeyId: sourceKey}},
				principal: {identityPolicies: [named('All', policy(allow(['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::source-bucket/*', `${bucketArn}/*`]), allow(['kms:Decrypt', 'kms:GenerateDataKey'], [keyArn, sourceKey])))]},
				source: {
					bucketInfo: {accountId: account, region, policy: null},
					objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
					keyInfo: {arn: sourceKey, keyManager: 'CUSTOMER', keyState: 'Disabled', keySpec: 'SYMMETRIC_DEFAULT', policy: policy(enableIam()), grants: []},
				},
			}),
		);
		expect(everyGrantOk(diagnosis)).toBe(true);
		expect(diagnosis.verdict).toBe('denied');
		expect(findingOf(diagnosis, 'key-disabled').message).toContain(sourceKey);
		expect(findingOf(diagnosis, 'key-disabled').message).toMatch(/source object's key/);
	});
});

describe('key shape and place', () => {
	it('key-not-symmetric: S3 needs a symmetric encryption key', () => {
		const diagnosis = diagnose(buildSnapshot({key: {keySpec: 'RSA_2048'}}));
		expect(diagnosis.verdict).toBe('denied');
		expect(findingOf(diagnosis, 'key-not-symmetric')).toMatchObject({severity: 'error'});
		expect(findingOf(diagnosis, 'key-not-symmetric').message).toContain('RSA_2048');
	});

	it('key-region-mismatch: the key must be in the bucket\'s Region', () => {
		const usKey = keyArnOf(account, 'us-east-1');
		const diagnosis = diagnose(
			buildSnapshot({
				question: {kmsKeyId: usKey},
				principal: {identityPolicies: [named('All', policy(allow('s3:PutObject', `${bucketArn}/*`), allow('kms:GenerateDataKey', usKey)))]},
				key: {arn: usKey},
				bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: usKey}},
			}),
		);
		expect(everyGrantOk(diagnosis)).toBe(true);
		expect(diagnosis.verdict).toBe('denied');
		const finding = findingOf(diagnosis, 'key-region-mismatch');
		expect(finding.severity).toBe('error');
		expect(finding.message).toMatch(/us-east-1 but the bucket is in eu-west-1/);
	});

	it('no region finding when key and bucket share the Region', () => {
		expect(findingIds(diagnose(buildSnapshot()))).not.toContain('key-region-mismatch');
	});

	it('aws-managed-key-cross-account: another account\'s aws/s3 key cannot be used', () => {
		const snapshot = crossAccountDownload();
		const diagnosis = diagnose({...snapshot, key: {...snapshot.key!, keyManager: 'AWS'}});
		expect(diagnosis.verdict).toBe('denied');
		const finding = findingOf(diagnosis, 'aws-managed-key-cross-account');
		expect(finding.severity).toBe('error');
		expect(finding.message).toContain(otherAccount);
		expect(finding.remedy).toMatch(/customer managed key/);
	});

	it('aws-managed-key-cross-account: an upload relying on the bucket default aws/s3 from another account', () => {
		const snapshot = without(
			buildSnapshot({
				bucket: {accountId: otherAccount, policy: policy(allow('s3:PutObject', `${bucketArn}/*`, {Principal: {AWS: rootOf(account)}})), defaultEncryption: {algorithm: 'aws:kms'}},
			}),
			'question.kmsKeyId',
			'key',
		);
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(findingIds(diagnosis)).toContain('aws-managed-key-cross-account');
	});

	it('the same account may use its aws/s3 key', () => {
		const diagnosis = diagnose(buildSnapshot({key: {keyManager: 'AWS'}}));
		expect(findingIds(diagnosis)).not.toContain('aws-managed-key-cross-account');
	});
});

describe('multipart-requires-decrypt', () => {
	// The key policy names the caller for GenerateDataKey only: the classic of aws-cli#4251.
	const onlyGenerate = (sizeBytes?: number) => {
		const snapshot = buildSnapshot({
			question: {sizeBytes: sizeBytes ?? 1},
			key: {policy: policy(allow('kms:GenerateDataKey', '*', {Sid: 'Upload', Principal: {AWS: userArn}}))},
		});
		return sizeBytes === undefined ? without(snapshot, 'question.sizeBytes') : snapshot;
	};

	it('names the pattern for a large upload: small files work, large ones fail', () => {
		const diagnosis = diagnose(onlyGenerate(100 * MiB));
		expect(decisions(diagnosis)).toMatchObject({[gdk]: 'allowed', [decrypt]: 'denied'});
		const finding = findingOf(diagnosis, 'multipart-requires-decrypt');
		expect(finding.severity).toBe('warning');
		expect(finding.message).toMatch(/100 MiB/);
		expect(finding.message).toMatch(/small files upload but large ones fail/);
	});

	it('names it when the size is unknown too', () => {
		const diagnosis = diagnose(onlyGenerate());
		expect(diagnosis.question.multipart).toBe('unknown');
		expect(findingOf(diagnosis, 'multipart-requires-decrypt').message).toMatch(/^Large files are uploaded in parts/);
	});

	it('names a small file that a lowered threshold sends in parts, S3 having no minimum part size', () => {
		const snapshot = onlyGenerate(4 * MiB);
		const diagnosis = diagnose({...snapshot, question: {...snapshot.question, multipartThresholdBytes: 1 * MiB}});
		expect(decisions(diagnosis)).toMatchObject({[gdk]: 'allowed', [decrypt]: 'denied'});
		expect(findingOf(diagnosis, 'multipart-requires-decrypt').message).toMatch(/^A 4 MiB file is uploaded in parts \(multipart from 1 MiB; S3 has no minimum size for a single part\)/);
	});

	it('says "may" where the tool does not document its threshold', () => {
		const snapshot = onlyGenerate(1 * MiB);
		const diagnosis = diagnose({...snapshot, question: {...snapshot.question, tool: 'console'}});
		expect(diagnosis.question.multipart).toBe('unknown');
		expect(findingOf(diagnosis, 'multipart-requires-decrypt').message).toMatch(/^A 1 MiB file may be uploaded in parts \(when the tool switches to multipart is not known/);
	});

	it('says "may", not "multipart from 8 MiB", for a tool that documents no threshold and no size', () => {
		const {sizeBytes: _size, ...question} = onlyGenerate(1 * MiB).question;
		const diagnosis = diagnose({...onlyGenerate(1 * MiB), question: {...question, tool: 'console'}});
		expect(findingOf(diagnosis, 'multipart-requires-decrypt').message).toMatch(/^Large files may be uploaded in parts \(when the tool switches to multipart is not known\)/);
	});

	it('is silent for a single-part upload, which needs no kms:Decrypt', () => {
		const diagnosis = diagnose(onlyGenerate(1 * MiB));
		expect(diagnosis.verdict).toBe('allowed');
		expect(findingIds(diagnosis)).not.toContain('multipart-requires-decrypt');
	});

	it('points its remedy to the fixes only where a fix grants kms:Decrypt', () => {
		const withFix = diagnose(onlyGenerate(100 * MiB));
		expect(withFix.fixes.some(fix => fix.resolves.some(id => id.startsWith(`${decrypt}#`)))).toBe(true);
		expect(findingOf(withFix, 'multipart-requires-decrypt').remedy).toBe('Grant kms:Decrypt on the key (see the fixes below).');
	});

	it('promises no fix when a permissions boundary denies kms:Decrypt and no fix is offered', () => {
		const boundary = named('Boundary', policy(allow(['s3:PutObject', 'kms:GenerateDataKey'], '*'), deny('kms:Decrypt', '*', {Sid: 'NoDecrypt'})), `arn:aws:iam::${account}:policy/Boundary`);
		const diagnosis = diagnose(buildSnapshot({question: {sizeBytes: 100 * MiB}, principal: {permissionsBoundary: boundary}}));
		expect(decisions(diagnosis)).toMatchObject({[gdk]: 'allowed', [decrypt]: 'denied'});
		expect(diagnosis.fixes).toEqual([]);
		const remedy = findingOf(diagnosis, 'multipart-requires-decrypt').remedy ?? '';
		expect(remedy).not.toMatch(/fix(es)? below/);
		expect(remedy).toMatch(/no fix is offered for it/i);
		// The finding it points to is there, and names the Deny.
		expect(findingOf(diagnosis, 'blocked-by-permissions-boundary').message).toContain('kms:Decrypt');
	});

	it('is silent when GenerateDataKey is denied too: then nothing uploads', () => {
		const diagnosis = diagnose(buildSnapshot({question: {sizeBytes: 100 * MiB}, key: {policy: policy()}}));
		expect(diagnosis.verdict).toBe('denied');
		expect(findingIds(diagnosis)).not.toContain('multipart-requires-decrypt');
	});
});

describe('bucket-key-context', () => {
	// The key policy names the caller directly; the IAM policy grants only S3.
	const pinned = (values: string, bucketKeyEnabled: boolean) =>
		buildSnapshot({
			question: {sizeBytes: 100 * MiB},
			principal: {identityPolicies: [named('Write', policy(allow('s3:PutObject', `${bucketArn}/*`)))]},
			bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled}},
			key: {
				policy: policy(
					allow(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Sid: 'ObjectsOnly', Principal: {AWS: userArn}, Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': values}}}),
				),
			},
		});

	it('a key policy pinned to object ARNs breaks once Bucket Keys are on', () => {
		const diagnosis = diagnose(pinned(`${bucketArn}/*`, true));
		expect(diagnosis.verdict).toBe('denied');
		expect(decisions(diagnosis)).toMatchObject({[gdk]: 'denied', [decrypt]: 'denied'});
		const finding = findingOf(diagnosis, 'bucket-key-context');
		expect(finding.message).toContain('Sid "ObjectsOnly"');
		expect(finding.message).toContain(`sends the bucket ARN (${bucketArn})`);
		expect(finding.remedy).toContain(`"${bucketArn}"`);
		// The failing condition is shown with expected and actual values.
		const keyPolicy = requirementOf(diagnosis, gdk, 'key-policy');
		expect(keyPolicy.conditions).toEqual([
			expect.objectContaining({key: 'kms:EncryptionContext:aws:s3:arn', expected: [`${bucketArn}/*`], actual: [bucketArn], result: 'no'}),
		]);
	});

	it('an IAM policy pinned to object ARNs breaks the same way', () => {
		const snapshot = buildSnapshot({
			bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}},
			principal: {
				identityPolicies: [
					named('Write', policy(allow('s3:PutObject', `${bucketArn}/*`), allow('kms:GenerateDataKey', keyArn, {Sid: 'PinnedToObjects', Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': `${bucketArn}/*`}}}))),
				],
			},
		});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, gdk, 'identity-policy').status).toBe('missing');
		expect(findingOf(diagnosis, 'bucket-key-context').message).toContain('Sid "PinnedToObjects"');
	});

	it('the same policy works with Bucket Keys off', () => {
		const diagnosis = diagnose(pinned(`${bucketArn}/*`, false));
		expect(diagnosis.verdict).toBe('allowed');
		expect(findingIds(diagnosis)).not.toContain('bucket-key-context');
	});

	it('a policy pinned to the bucket ARN breaks with Bucket Keys off, and says so', () => {
		const diagnosis = diagnose(pinned(bucketArn, false));
		expect(diagnosis.verdict).toBe('denied');
		expect(findingOf(diagnosis, 'bucket-key-context').message).toContain(`sends the object ARN (${objectArn})`);
	});

	// S3 User Guide, "Configuring your bucket to use an S3 Bucket Key": "When an S3 Bucket Key is enabled for the source or destination bucket, the encryption context will be the bucket Amazon Resource Name (ARN) and not the object ARN".
	// A copy's source object was written under its own bucket's setting: the finding names the source bucket's ARN.
	it("a copy's source key pinned to object ARNs, the source object under a Bucket Key: names the source bucket, not the destination", () => {
		const sourceKey = keyArnOf(account, region, 'aaaaaaaa-1111-2222-3333-444444444444');
		const sourceBucketArn = 'arn:aws:s3:::source-bucket';
		const snapshot = buildSnapshot({
			question: {operation: 'copy', source: {bucket: 'source-bucket', objectKey: 'in/q1.csv', kmsKeyId: sourceKey}},
			principal: {identityPolicies: [named('Copy', policy(allow(['s3:GetObject', 's3:PutObject'], [`${bucketArn}/*`, `${sourceBucketArn}/*`]), allow('kms:GenerateDataKey', keyArn)))]},
			source: {
				bucketInfo: {accountId: account, region, policy: null, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey, bucketKeyEnabled: true}},
				objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey, bucketKeyEnabled: true}},
				keyInfo: {...buildSnapshot().key!, arn: sourceKey, policy: policy(allow('kms:Decrypt', '*', {Sid: 'SourceObjects', Principal: {AWS: userArn}, Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': `${sourceBucketArn}/*`}}}))},
			},
		});
		const finding = findingOf(diagnose(snapshot), 'bucket-key-context');
		expect(finding.message).toContain(`sends the bucket ARN (${sourceBucketArn})`);
		expect(finding.remedy).toBe(`Match the bucket ARN: "${sourceBucketArn}" (objects written before Bucket Keys were enabled keep the object ARN).`);
		expect(`${finding.message} ${finding.remedy}`).not.toContain(`${bucketArn})`);
	});
});

describe('default-encryption-key-differs', () => {
	const otherKey = keyArnOf(account, region, '99999999-aaaa-bbbb-cccc-dddddddddddd');

	it('warns when the request names a key other than the bucket default', () => {
		const snapshot = buildSnapshot({question: {kmsKeyId: otherKey}, key: {arn: otherKey}, principal: {identityPolicies: [named('All', policy(allow('s3:PutObject', `${bucketArn}/*`), allow('kms:GenerateDataKey', otherKey)))]}});
		const diagnosis = diagnose(snapshot);
		const finding = findingOf(diagnosis, 'default-encryption-key-differs');
		expect(finding.severity).toBe('warning');
		expect(finding.message).toContain(otherKey);
		expect(finding.message).toContain(keyArn);
		// The permissions that count are on the key the request names.
		expect(diagnosis.actions.find(action => action.id === gdk)!.resource).toBe(otherKey);
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('checks the key the request names, not the bucket default the snapshot describes', () => {
		// The snapshot's key info describes the bucket default; the request names another key.
		const diagnosis = diagnose(buildSnapshot({question: {kmsKeyId: otherKey}}));
		const generate = diagnosis.actions.find(action => action.id === gdk)!;
		expect(generate.resource).toBe(otherKey);
		expect(generate.decision).not.toBe('allowed');
		expect(diagnosis.verdict).not.toBe('allowed');
		expect(requirementOf(diagnosis, gdk, 'key-policy')).toMatchObject({status: 'unknown', resolveWith: `kms:GetKeyPolicy on ${otherKey}`});
	});

	it('does not warn when the request names the default key by its ID or alias', () => {
		const viaId = diagnose(buildSnapshot({question: {kmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab'}}));
		expect(findingIds(viaId)).not.toContain('default-encryption-key-differs');
		expect(viaId.verdict).toBe('allowed');
		const viaAlias = diagnose(buildSnapshot({question: {kmsKeyId: 'alias/uploads'}, key: {aliases: ['alias/uploads']}}));
		expect(findingIds(viaAlias)).not.toContain('default-encryption-key-differs');
		expect(viaAlias.verdict).toBe('allowed');
	});

	it('says nothing of an alias it cannot resolve: the key it names may be the default one', () => {
		// No key read: alias/uploads may well name the default key, so "the bucket's default key is …" would be a guess.
		const bare = diagnose(without(buildSnapshot({question: {kmsKeyId: 'alias/uploads'}}), 'key'));
		expect(findingIds(bare)).not.toContain('default-encryption-key-differs');
		const aliasArn = diagnose(without(buildSnapshot({question: {kmsKeyId: `arn:aws:kms:${region}:${account}:alias/uploads`}}), 'key'));
		expect(findingIds(aliasArn)).not.toContain('default-encryption-key-differs');
		// A key ID other than the default's is another key: key IDs are unique.
		expect(findingIds(diagnose(without(buildSnapshot({question: {kmsKeyId: '99999999-aaaa-bbbb-cccc-dddddddddddd'}}), 'key')))).toContain('default-encryption-key-differs');
	});

	it('a bucket policy demanding the SSE header denies an upload that relies on default encryption', () => {
		const requireKms = deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'RequireSseKms', Principal: '*', Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption': 'aws:kms'}}});
		const snapshot = without(buildSnapshot({bucket: {policy: policy(requireKms)}}), 'question.kmsKeyId');
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, 's3:PutObject@destination', 'bucket-policy')).toMatchObject({status: 'denied', decidedBy: 'bucket policy, Sid "RequireSseKms"'});
		const finding = findingOf(diagnosis, 'default-encryption-key-differs');
		expect(finding.message).toBe(
			'bucket policy, Sid "RequireSseKms" denies this request unless it sends an x-amz-server-side-encryption header that is one of "aws:kms"; this request sends none: relying on the bucket default sends no header at all.',
		);
		expect(finding.remedy).toBe('Send an x-amz-server-side-encryption header that is one of "aws:kms": e.g. aws s3 cp --sse aws:kms --sse-kms-key-id KEY_ARN.');
		// Naming the key in the request sends the header: the same policy then allows.
		expect(diagnose(buildSnapshot({bucket: {policy: policy(requireKms)}})).verdict).toBe('allowed');
	});

	it('a bucket policy demanding a specific key denies a request naming another one', () => {
		const requireKey = deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'RequireOurKey', Principal: '*', Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption-aws-kms-key-id': keyArn}}});
		const snapshot = buildSnapshot({question: {kmsKeyId: otherKey}, key: {arn: otherKey}, bucket: {policy: policy(requireKey)}, principal: {identityPolicies: [named('All', policy(allow('s3:PutObject', `${bucketArn}/*`), allow('kms:GenerateDataKey', otherKey)))]}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, 's3:PutObject@destination', 'bucket-policy')).toMatchObject({status: 'denied', decidedBy: 'bucket policy, Sid "RequireOurKey"'});
		expect(diagnosis.findings.filter(finding => finding.id === 'default-encryption-key-differs').map(finding => finding.message).join(' ')).toContain('RequireOurKey');
		expect(diagnose(buildSnapshot({bucket: {policy: policy(requireKey)}})).verdict).toBe('allowed');
	});

	it('a request that sends another key is told so, both keys named, not that it sends no header', () => {
		const requireKey = deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'RequireOurKey', Principal: '*', Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption-aws-kms-key-id': keyArn}}});
		const diagnosis = diagnose(buildSnapshot({question: {kmsKeyId: otherKey}, key: {arn: otherKey}, bucket: {policy: policy(requireKey)}}));
		const message = diagnosis.findings.find(finding => finding.id === 'default-encryption-key-differs' && finding.message.includes('RequireOurKey'))!.message;
		expect(message).toBe(`bucket policy, Sid "RequireOurKey" denies this request unless it sends an SSE-KMS key ID header that is one of "${keyArn}"; this request sends ${otherKey}.`);
		const text = renderText(diagnosis, {color: false, width: 400});
		const markdown = renderMarkdown(diagnosis);
		for (const report of [text, markdown]) {
			expect(report).toContain(`; this request sends ${otherKey}.`);
			expect(report).not.toContain('sends none');
		}
	});

	it('a request that sends SSE-KMS where the policy demands another encryption is told what it sends', () => {
		const requireDsse = deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'RequireDsse', Principal: '*', Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption': 'aws:kms:dsse'}}});
		const diagnosis = diagnose(buildSnapshot({bucket: {policy: policy(requireDsse)}}));
		expect(diagnosis.verdict).toBe('denied');
		expect(findingOf(diagnosis, 'default-encryption-key-differs')).toMatchObject({
			message: 'bucket policy, Sid "RequireDsse" denies this request unless it sends an x-amz-server-side-encryption header that is one of "aws:kms:dsse"; this request sends aws:kms.',
			remedy: 'Send an x-amz-server-side-encryption header that is one of "aws:kms:dsse".',
		});
	});
});

describe('default-encryption-key-differs: the words follow what the condition requires', () => {
	// The request names key B (or relies on the default); the bucket policy has one Deny of s3:PutObject testing an SSE header.
	const keyB = keyArnOf(account, region, '99999999-aaaa-bbbb-cccc-dddddddddddd');
	const keyId = 's3:x-amz-server-side-encryption-aws-kms-key-id';
	const upload = (condition: Record<string, unknown>, namesKey = true): Diagnosis => {
		const snapshot = buildSnapshot({
			question: {kmsKeyId: keyB},
			key: {arn: keyB},
			bucket: {policy: policy(deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'Rule', Principal: '*', Condition: condition}))},
			principal: {identityPolicies: [named('All', policy(allow('s3:PutObject', `${bucketArn}/*`), allow('kms:GenerateDataKey', keyB)))]},
		});
		return diagnose(namesKey ? snapshot : without(snapshot, 'question.kmsKeyId'));
	};
	const headerFinding = (diagnosis: Diagnosis): Finding => {
		const found = diagnosis.findings.find(finding => finding.id === 'default-encryption-key-differs' && finding.message.includes('Sid "Rule"'));
		if (!found) throw new Error(`no header finding; findings: ${diagnosis.findings.map(finding => finding.message).join(' | ')}`);
		return found;
	};

	it.each([
		['StringNotEqualsIfExists', {StringNotEqualsIfExists: {[keyId]: keyArn}}, `unless it sends an SSE-KMS key ID header that is one of "${keyArn}"`],
		['StringNotLike', {StringNotLike: {[keyId]: `arn:aws:kms:${region}:${account}:key/1234*`}}, `unless it sends an SSE-KMS key ID header that matches "arn:aws:kms:${region}:${account}:key/1234*"`],
		['ArnNotLike', {ArnNotLike: {[keyId]: `arn:aws:kms:*:${account}:key/1234*`}}, `unless it sends an SSE-KMS key ID header that matches "arn:aws:kms:*:${account}:key/1234*"`],
	])('%s: a Deny unless the header fits says what fits, a pattern as a pattern, not a key it "demands"', (_operator, condition, words) => {
		const diagnosis = upload(condition);
		expect(diagnosis.verdict).toBe('denied');
		expect(headerFinding(diagnosis).message).toBe(`bucket policy, Sid "Rule" denies this request ${words}; this request sends ${keyB}.`);
	});

	it('StringEquals in a Deny refuses the key it names: never said to demand the very key the request sends', () => {
		const diagnosis = upload({StringEquals: {[keyId]: keyB}});
		expect(diagnosis.verdict).toBe('denied');
		const finding = headerFinding(diagnosis);
		expect(finding.message).toBe(`bucket policy, Sid "Rule" denies a request that sends an SSE-KMS key ID header that is one of "${keyB}"; this request sends ${keyB}.`);
		expect(finding.remedy).toBe(`Send no SSE-KMS key ID header, or one that is not one of "${keyB}", naming the key by its full ARN.`);
	});

	it('Null "true" asks only that the header be sent: "true" is not a header value it demands', () => {
		const diagnosis = upload({Null: {'s3:x-amz-server-side-encryption': 'true'}}, false);
		expect(diagnosis.verdict).toBe('denied');
		expect(headerFinding(diagnosis).message).toBe(
			'bucket policy, Sid "Rule" denies this request unless it sends an x-amz-server-side-encryption header; this request sends none: relying on the bucket default sends no header at all.',
		);
	});

	it('StringEqualsIfExists in a Deny refuses a request without the header too, and says which value gets through', () => {
		const diagnosis = upload({StringEqualsIfExists: {'s3:x-amz-server-side-encryption': 'AES256'}}, false);
		expect(diagnosis.verdict).toBe('denied');
		const finding = headerFinding(diagnosis);
		expect(finding.message).toBe(
			'bucket policy, Sid "Rule" denies this request unless it sends an x-amz-server-side-encryption header that is not one of "AES256"; this request sends none: relying on the bucket default sends no header at all.',
		);
		expect(finding.remedy).toBe('Send an x-amz-server-side-encryption header that is not one of "AES256": e.g. aws s3 cp --sse aws:kms --sse-kms-key-id KEY_ARN.');
	});
});

describe('other findings', () => {
	it('key-id-not-arn-cross-account: across accounts an alias resolves in the caller\'s account', () => {
		const diagnosis = diagnose(buildSnapshot({question: {kmsKeyId: 'alias/partner-uploads'}, bucket: {accountId: otherAccount}}));
		expect(findingOf(diagnosis, 'key-id-not-arn-cross-account').message).toContain('alias/partner-uploads');
	});

	it('no session policy: said as an assumption beside the verdict, since AWS cannot read one', () => {
		const snapshot = without(buildSnapshot({principal: {arn: sessionArn}}), 'principal.sessionPolicy');
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.assumptions.map(assumption => assumption.id)).toEqual(['no-session-policy']);
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnose(buildSnapshot({principal: {arn: sessionArn, sessionPolicy: null}})).assumptions).toEqual([]);
	});

	it('warnings and info never change the verdict by themselves', () => {
		const snapshot = buildSnapshot({question: {kmsKeyId: 'alias/partner-uploads'}, key: {aliases: ['alias/partner-uploads']}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.findings.every(finding => finding.severity !== 'error')).toBe(true);
		expect(diagnosis.verdict).toBe('allowed');
		expectFixesHold(snapshot, diagnosis);
	});
});
