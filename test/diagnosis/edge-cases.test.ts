import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis, Fix, RequiredAction} from '../../source/diagnosis/diagnosis.js';
import type {PolicyJson, Snapshot} from '../../source/snapshot/snapshot.js';
import {
	MiB,
	account,
	allow,
	bucket,
	bucketArn,
	buildSnapshot,
	crossAccountDownload,
	customerKey,
	deny,
	enableIam,
	fullIdentityPolicy,
	keyArn,
	keyArnOf,
	named,
	objectArn,
	otherAccount,
	policy,
	region,
	rootOf,
	userArn,
	without,
} from './support/build-snapshot.js';
import {decisions, expectFixesHold, findingIds, requirementOf, statusTable} from './support/fix-checks.js';

/** Cases at the edges: DSSE-KMS, multi-Region keys, copies sharing or hiding a key, aliases and aws/s3 across accounts. */

const gdk = 'kms:GenerateDataKey@destination';
const decrypt = 'kms:Decrypt@destination';
const sourceDecrypt = 'kms:Decrypt@source';
const context = 'kms:EncryptionContext:aws:s3:arn';

const actionOf = (diagnosis: Diagnosis, id: string): RequiredAction => {
	const found = diagnosis.actions.find(action => action.id === id);
	if (!found) throw new Error(`no action ${id}; actions: ${diagnosis.actions.map(action => action.id).join(', ')}`);
	return found;
};

/** A key policy that lets alice use the key only for objects of the bucket (the object-ARN pattern AWS documents). */
const pinnedToObjects = (actions: readonly string[], objects = `${bucketArn}/*`): PolicyJson =>
	policy(allow(actions, '*', {Sid: 'AliceObjectsOnly', Principal: {AWS: userArn}, Condition: {StringLike: {[context]: objects}}}));

describe('DSSE-KMS (aws:kms:dsse)', () => {
	const dsseDefault = (options: {bucketKeyEnabled?: boolean; sizeBytes?: number; keyPolicy?: PolicyJson} = {}): Snapshot =>
		without(
			buildSnapshot({
				question: {sizeBytes: options.sizeBytes ?? 1 * MiB},
				bucket: {defaultEncryption: {algorithm: 'aws:kms:dsse', kmsKeyId: keyArn, bucketKeyEnabled: options.bucketKeyEnabled ?? false}},
				...(options.keyPolicy ? {key: {policy: options.keyPolicy}} : {}),
			}),
			'question.kmsKeyId',
		);

	it('a DSSE bucket default needs the same KMS calls as SSE-KMS, multipart included', () => {
		const diagnosis = diagnose(dsseDefault({sizeBytes: 100 * MiB}));
		expect(diagnosis.actions.map(action => [action.id, action.resource])).toEqual([
			['s3:PutObject@destination', objectArn],
			[gdk, keyArn],
			[decrypt, keyArn],
		]);
		expect(diagnosis.verdict).toBe('allowed');
		expect(findingIds(diagnosis)).not.toContain('not-sse-kms');
	});

	it('denies a DSSE upload whose caller lacks kms:Decrypt, and the fix is proven', () => {
		const snapshot = buildSnapshot({
			...dsseDefault({sizeBytes: 100 * MiB}),
			principal: {identityPolicies: [named('NoDecrypt', policy(allow('s3:PutObject', `${bucketArn}/*`), allow('kms:GenerateDataKey', keyArn)))]},
		});
		const diagnosis = diagnose(without(snapshot, 'question.kmsKeyId'));
		expect(diagnosis.verdict).toBe('denied');
		expect(decisions(diagnosis)).toEqual({'s3:PutObject@destination': 'allowed', [gdk]: 'allowed', [decrypt]: 'denied'});
		expect(findingIds(diagnosis)).toContain('multipart-requires-decrypt');
		expect(diagnosis.fixes.map(fix => fix.resolves)).toEqual([[`${decrypt}#identity-policy`]]);
		expectFixesHold(without(snapshot, 'question.kmsKeyId'), diagnosis);
	});

	it('sends the object ARN as encryption context even with bucketKeyEnabled set: DSSE has no Bucket Keys', () => {
		const diagnosis = diagnose(dsseDefault({bucketKeyEnabled: true, keyPolicy: pinnedToObjects(['kms:GenerateDataKey'])}));
		expect(actionOf(diagnosis, gdk).context[context]).toBe(objectArn);
		expect(diagnosis.question.bucketKeyEnabled).toBe(false);
		expect(requirementOf(diagnosis, gdk, 'key-policy').status).toBe('ok');
		expect(diagnosis.verdict).toBe('allowed');
		expect(findingIds(diagnosis)).not.toContain('bucket-key-context');
	});

	it('while the same settings with SSE-KMS send the bucket ARN and break the object-pinned policy', () => {
		const snapshot = dsseDefault({bucketKeyEnabled: true, keyPolicy: pinnedToObjects(['kms:GenerateDataKey'])});
		const diagnosis = diagnose({...snapshot, bucket: {...snapshot.bucket, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}}});
		expect(actionOf(diagnosis, gdk).context[context]).toBe(bucketArn);
		expect(requirementOf(diagnosis, gdk, 'key-policy').status).toBe('missing');
		expect(diagnosis.verdict).toBe('denied');
		expect(findingIds(diagnosis)).toContain('bucket-key-context');
	});

	it('a DSSE object is downloaded with kms:Decrypt on its key and its own ARN as context', () => {
		const snapshot = without(
			buildSnapshot({
				question: {operation: 'download'},
				object: {encryption: {algorithm: 'aws:kms:dsse', kmsKeyId: keyArn, bucketKeyEnabled: true}},
				key: {policy: pinnedToObjects(['kms:Decrypt'])},
			}),
			'question.kmsKeyId',
			'question.sizeBytes',
		);
		const diagnosis = diagnose(snapshot);
		expect(actionOf(diagnosis, decrypt)).toMatchObject({resource: keyArn, decision: 'allowed'});
		expect(actionOf(diagnosis, decrypt).context[context]).toBe(objectArn);
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('a DSSE copy source is decrypted with the source object ARN as context, bucketKeyEnabled or not', () => {
		const sourceKey = keyArnOf(account, region, 'aaaaaaaa-1111-2222-3333-444444444444');
		const diagnosis = diagnose(
			buildSnapshot({
				question: {operation: 'copy', source: {bucket: 'dsse-source', objectKey: 'in/a.csv'}},
				principal: {identityPolicies: [fullIdentityPolicy([keyArn, sourceKey], [bucket, 'dsse-source'])]},
				source: {
					bucketInfo: {accountId: account, region, policy: null},
					objectInfo: {encryption: {algorithm: 'aws:kms:dsse', kmsKeyId: sourceKey, bucketKeyEnabled: true}},
					keyInfo: customerKey(sourceKey),
				},
			}),
		);
		expect(actionOf(diagnosis, sourceDecrypt)).toMatchObject({resource: sourceKey, decision: 'allowed'});
		expect(actionOf(diagnosis, sourceDecrypt).context[context]).toBe('arn:aws:s3:::dsse-source/in/a.csv');
	});
});

describe('multi-Region keys', () => {
	const mrkId = 'mrk-1234abcd12ab34cd56ef1234567890ab';
	const replica = keyArnOf(account, region, mrkId);
	const primary = keyArnOf(account, 'us-east-1', mrkId);
	const withKey = (kmsKeyId: string, described: string, identityKeys: readonly string[] = [replica, primary]): Snapshot =>
		buildSnapshot({
			question: {kmsKeyId},
			principal: {identityPolicies: [fullIdentityPolicy(identityKeys)]},
			bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: replica}},
			key: {...customerKey(described), multiRegion: true},
		});

	it('a replica in the bucket\'s Region works like any key', () => {
		const diagnosis = diagnose(withKey(replica, replica));
		expect(diagnosis.verdict).toBe('allowed');
		expect(actionOf(diagnosis, gdk).resource).toBe(replica);
		expect(actionOf(diagnosis, gdk).context['kms:MultiRegion']).toBe(true);
		expect(findingIds(diagnosis)).not.toContain('key-region-mismatch');
	});

	it('the same multi-Region key named in another Region is key-region-mismatch, whatever the grants say', () => {
		const diagnosis = diagnose(withKey(primary, primary));
		expect(diagnosis.actions.every(action => action.decision === 'allowed')).toBe(true);
		expect(diagnosis.verdict).toBe('denied');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'key-region-mismatch');
		expect(finding).toMatchObject({severity: 'error'});
		expect(finding?.message).toMatch(/us-east-1 but the bucket is in eu-west-1/);
	});

	it('an mrk- key ID resolves to an ARN in the caller\'s account and the bucket\'s Region, like a UUID', () => {
		const diagnosis = diagnose(without(withKey(mrkId, replica), 'key'));
		expect(actionOf(diagnosis, gdk).resource).toBe(replica);
		expect(diagnosis.question.keyArn).toBe(replica);
		// Nothing describes the key: its policy is unknown, and the read that resolves it names the ARN.
		expect(requirementOf(diagnosis, gdk, 'key-policy')).toMatchObject({status: 'unknown', resolveWith: `kms:GetKeyPolicy on ${replica}`});
		expect(diagnosis.verdict).toBe('unknown');
	});

	it('an mrk- key ID with the replica described is decided on that replica', () => {
		const diagnosis = diagnose(withKey(mrkId, replica));
		expect(actionOf(diagnosis, gdk).resource).toBe(replica);
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('an mrk- key ID never resolves to a described replica in another Region (S3 uses the one in the bucket\'s Region)', () => {
		const diagnosis = diagnose(withKey(mrkId, primary));
		expect(actionOf(diagnosis, gdk).resource).toBe(replica);
		expect(findingIds(diagnosis)).not.toContain('key-region-mismatch');
		// The snapshot describes the primary, not the replica S3 uses: the replica's own key policy is unknown.
		expect(requirementOf(diagnosis, gdk, 'key-policy')).toMatchObject({status: 'unknown', resolveWith: `kms:GetKeyPolicy on ${replica}`});
		expect(diagnosis.verdict).toBe('unknown');
	});
});

describe('copy edge cases', () => {
	const sourceBucket = 'source-bucket';
	const sourceObjectArn = `arn:aws:s3:::${sourceBucket}/in/q1.csv`;
	const sourceBucketArn = `arn:aws:s3:::${sourceBucket}`;
	const sourceKey = keyArnOf(account, region, 'aaaaaaaa-1111-2222-3333-444444444444');
	const s3Only = named('S3Only', policy(allow(['s3:GetObject', 's3:PutObject'], [`${sourceBucketArn}/*`, `${bucketArn}/*`])));
	const copyOf = (overrides: {sourceKeyArn?: string; keyPolicy?: PolicyJson; identity?: ReturnType<typeof named>; sourceObjectBucketKey?: boolean; destinationBucketKey?: boolean; sizeBytes?: number} = {}): Snapshot => {
		const usedSourceKey = overrides.sourceKeyArn ?? sourceKey;
		const keyPolicy = overrides.keyPolicy ?? policy(enableIam());
		return buildSnapshot({
			question: {operation: 'copy', sizeBytes: overrides.sizeBytes ?? 1 * MiB, source: {bucket: sourceBucket, objectKey: 'in/q1.csv', kmsKeyId: usedSourceKey}},
			principal: {identityPolicies: [overrides.identity ?? fullIdentityPolicy([keyArn, usedSourceKey], [bucket, sourceBucket])]},
			bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: overrides.destinationBucketKey ?? false}},
			key: customerKey(keyArn, keyPolicy),
			source: {
				// Bucket Keys are on for the source bucket now, but objects keep the setting they were written with.
				bucketInfo: {accountId: account, region, policy: null, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: usedSourceKey, bucketKeyEnabled: true}},
				objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: usedSourceKey, bucketKeyEnabled: overrides.sourceObjectBucketKey ?? false}},
				keyInfo: customerKey(usedSourceKey, keyPolicy),
			},
		});
	};

	describe('source and destination use the same key', () => {
		const adminOnly = policy(allow('kms:Describe*', '*', {Sid: 'Admin', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}}));

		it('evaluates Decrypt (source) and GenerateDataKey (destination) on the one key, each with its own context', () => {
			const diagnosis = diagnose(copyOf({sourceKeyArn: keyArn}));
			expect(diagnosis.actions.map(action => [action.id, action.resource])).toEqual([
				['s3:GetObject@source', sourceObjectArn],
				[sourceDecrypt, keyArn],
				['s3:PutObject@destination', objectArn],
				[gdk, keyArn],
			]);
			expect(actionOf(diagnosis, sourceDecrypt).context[context]).toBe(sourceObjectArn);
			expect(actionOf(diagnosis, gdk).context[context]).toBe(objectArn);
			expect(diagnosis.verdict).toBe('allowed');
		});

		it('IAM lacking the key: one inline policy with both actions on the key, proven and sufficient', () => {
			const snapshot = copyOf({sourceKeyArn: keyArn, identity: s3Only});
			const diagnosis = diagnose(snapshot);
			expect(diagnosis.verdict).toBe('denied');
			expect(statusTable(diagnosis)).toMatchObject({[`${sourceDecrypt}#identity-policy`]: 'missing', [`${gdk}#identity-policy`]: 'missing'});
			expect(diagnosis.fixes).toHaveLength(1);
			const [fix] = diagnosis.fixes as [Fix];
			expect(fix).toMatchObject({place: 'identity-policy', target: userArn, statement: {Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: keyArn}});
			expect([...fix.resolves].sort()).toEqual([`${sourceDecrypt}#identity-policy`, `${gdk}#identity-policy`]);
			const [after] = expectFixesHold(snapshot, diagnosis);
			expect(after?.verdict).toBe('allowed');
		});

		// The key has one key policy, described twice (as the destination key and as the source key).
		const onBothSides = (snapshot: Snapshot, keyPolicy: PolicyJson): Snapshot => ({
			...snapshot,
			key: {...snapshot.key!, policy: keyPolicy},
			source: {...snapshot.source, keyInfo: {...snapshot.source!.keyInfo!, policy: keyPolicy}},
		});

		it('key policy lacking the caller: one key-policy statement with both actions, which allows the copy once applied', () => {
			const snapshot = copyOf({sourceKeyArn: keyArn, keyPolicy: adminOnly, identity: s3Only});
			const diagnosis = diagnose(snapshot);
			expect(decisions(diagnosis)).toEqual({'s3:GetObject@source': 'allowed', [sourceDecrypt]: 'denied', 's3:PutObject@destination': 'allowed', [gdk]: 'denied'});
			const keyFixes = diagnosis.fixes.filter(fix => fix.place === 'key-policy');
			expect(keyFixes).toHaveLength(1);
			const [fix] = keyFixes as [Fix];
			expect(fix.target).toBe(keyArn);
			expect(fix.statement).toMatchObject({Principal: {AWS: userArn}, Action: ['kms:Decrypt', 'kms:GenerateDataKey']});
			expect([...fix.resolves].sort()).toEqual([`${sourceDecrypt}#key-policy`, `${gdk}#key-policy`]);
			expect(diagnose(onBothSides(snapshot, fix.policy!)).verdict).toBe('allowed');
		});

		// One key on both sides is one key policy: the proof writes the fix wherever the snapshot describes that key.
		it('…and that fix is marked proven', () => {
			const diagnosis = diagnose(copyOf({sourceKeyArn: keyArn, keyPolicy: adminOnly, identity: s3Only}));
			expect(diagnosis.fixes.find(fix => fix.place === 'key-policy')?.proven).toBe(true);
		});
	});

	it('source key policy unreadable: source Decrypt unknown, naming kms:GetKeyPolicy on the source key; the destination is decided', () => {
		const diagnosis = diagnose(without(copyOf(), 'source.keyInfo.policy'));
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@source': 'allowed', [sourceDecrypt]: 'unknown', 's3:PutObject@destination': 'allowed', [gdk]: 'allowed'});
		expect(requirementOf(diagnosis, sourceDecrypt, 'key-policy')).toMatchObject({status: 'unknown', resolveWith: `kms:GetKeyPolicy on ${sourceKey}`});
		expect(requirementOf(diagnosis, gdk, 'key-policy').status).toBe('ok');
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.unknowns.map(note => note.resolveWith)).toContain(`kms:GetKeyPolicy on ${sourceKey}`);
		expect(diagnosis.fixes).toEqual([]);
	});

	it('source key of another account unreadable: the read names a profile of that account', () => {
		const foreignSource = keyArnOf(otherAccount, region, 'aaaaaaaa-1111-2222-3333-444444444444');
		const snapshot = without(copyOf({sourceKeyArn: foreignSource}), 'source.keyInfo.policy');
		const diagnosis = diagnose({...snapshot, source: {...snapshot.source, bucketInfo: {...snapshot.source!.bucketInfo, accountId: otherAccount}}});
		expect(requirementOf(diagnosis, sourceDecrypt, 'key-policy').resolveWith).toBe(
			`kms:GetKeyPolicy on ${foreignSource} with a profile of the key's account ${otherAccount} (a key policy cannot be read from another account)`,
		);
		expect(decisions(diagnosis)[gdk]).toBe('allowed');
	});

	it('Bucket Keys on the destination: destination context is the bucket ARN, the source keeps its object ARN', () => {
		const diagnosis = diagnose(copyOf({destinationBucketKey: true}));
		expect(actionOf(diagnosis, gdk).context[context]).toBe(bucketArn);
		expect(actionOf(diagnosis, sourceDecrypt).context[context]).toBe(sourceObjectArn);
		expect(diagnosis.question.bucketKeyEnabled).toBe(true);
	});

	it('…and a source object written with a bucket key is decrypted with the source bucket ARN', () => {
		const diagnosis = diagnose(copyOf({destinationBucketKey: true, sourceObjectBucketKey: true}));
		expect(actionOf(diagnosis, sourceDecrypt).context[context]).toBe(sourceBucketArn);
		expect(actionOf(diagnosis, gdk).context[context]).toBe(bucketArn);
	});

	it('Bucket Keys on the destination break a destination key policy pinned to object ARNs, and say so', () => {
		const destinationOnly = policy(
			allow(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Sid: 'AliceObjectsOnly', Principal: {AWS: userArn}, Condition: {StringLike: {[context]: [`${bucketArn}/*`, `${sourceBucketArn}/*`]}}}),
		);
		const diagnosis = diagnose(copyOf({destinationBucketKey: true, keyPolicy: destinationOnly, identity: s3Only}));
		expect(decisions(diagnosis)).toMatchObject({[sourceDecrypt]: 'allowed', [gdk]: 'denied'});
		expect(diagnosis.verdict).toBe('denied');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'bucket-key-context');
		expect(finding?.message).toContain('Bucket Keys on');
		expect(finding?.remedy).toContain(bucketArn);
	});

	it('an SSE-S3 source object needs no source Decrypt: the copy is allowed without any grant on a source key', () => {
		const snapshot = copyOf({identity: named('DestOnly', policy(allow(['s3:GetObject', 's3:PutObject'], [`${sourceBucketArn}/*`, `${bucketArn}/*`]), allow('kms:GenerateDataKey', keyArn)))});
		const sseS3 = without(
			{...snapshot, source: {bucketInfo: snapshot.source!.bucketInfo!, objectInfo: {encryption: {algorithm: 'AES256'}}}},
			'question.source.kmsKeyId',
		);
		const diagnosis = diagnose(sseS3);
		expect(diagnosis.actions.map(action => action.id)).toEqual(['s3:GetObject@source', 's3:PutObject@destination', gdk]);
		expect(diagnosis.requirements.some(row => row.actionId === sourceDecrypt)).toBe(false);
		expect(diagnosis.verdict).toBe('allowed');
		// The same grants with an SSE-KMS source object: the missing source Decrypt denies the copy.
		expect(decisions(diagnose(snapshot))[sourceDecrypt]).toBe('denied');
	});
});

describe('a key named by alias across accounts', () => {
	const foreignKey = keyArnOf(otherAccount);
	const bucketPolicy = policy(allow('s3:PutObject', `${bucketArn}/*`, {Principal: {AWS: rootOf(account)}}));
	const upload = (kmsKeyId: string): Snapshot =>
		buildSnapshot({
			question: {kmsKeyId},
			principal: {identityPolicies: [fullIdentityPolicy([foreignKey])]},
			bucket: {accountId: otherAccount, policy: bucketPolicy, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: foreignKey}},
			key: {...customerKey(foreignKey, policy(enableIam(otherAccount), allow('kms:GenerateDataKey', '*', {Principal: {AWS: rootOf(account)}}))), aliases: ['alias/partner']},
		});

	it('key-id-not-arn-cross-account fires, and the bucket owner\'s key is not taken for the one the alias names', () => {
		const diagnosis = diagnose(upload('alias/partner'));
		const finding = diagnosis.findings.find(candidate => candidate.id === 'key-id-not-arn-cross-account');
		expect(finding).toMatchObject({severity: 'warning'});
		expect(finding?.message).toContain('alias/partner');
		// The alias resolves in the caller's account, so the described key (the bucket owner's) is not the one S3 uses.
		expect(actionOf(diagnosis, gdk).resource).not.toBe(foreignKey);
		expect(decisions(diagnosis)[gdk]).toBe('unknown');
		expect(diagnosis.verdict).not.toBe('allowed');
	});

	it("a Deny in the owner's key policy does not decide the key the alias names: ? with the read that finds it, not ⛔", () => {
		const snapshot = upload('alias/partner');
		const denyCaller = deny('kms:GenerateDataKey', '*', {Sid: 'DenyPartner', Principal: {AWS: rootOf(account)}});
		const diagnosis = diagnose({...snapshot, key: {...snapshot.key!, policy: policy(enableIam(otherAccount), denyCaller)}});
		const row = requirementOf(diagnosis, gdk, 'key-policy');
		expect(row.status).toBe('unknown');
		expect(row.decidedBy ?? null).toBeNull();
		expect(row.why).toContain(`the snapshot describes the key ${foreignKey}, not the key that alias/partner names (not resolved)`);
		expect(decisions(diagnosis)[gdk]).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
	});

	it('the full key ARN is decided on the owner\'s key, with no finding', () => {
		const diagnosis = diagnose(upload(foreignKey));
		expect(findingIds(diagnosis)).not.toContain('key-id-not-arn-cross-account');
		expect(actionOf(diagnosis, gdk).resource).toBe(foreignKey);
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('an alias ARN of the owner\'s account resolves to the owner\'s key, with no finding', () => {
		const diagnosis = diagnose(upload(`arn:aws:kms:${region}:${otherAccount}:alias/partner`));
		expect(findingIds(diagnosis)).not.toContain('key-id-not-arn-cross-account');
		expect(actionOf(diagnosis, gdk).resource).toBe(foreignKey);
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('fires for a copy into another account\'s bucket too', () => {
		const snapshot = upload('alias/partner');
		const diagnosis = diagnose({
			...snapshot,
			question: {...snapshot.question, operation: 'copy', source: {bucket: 'mine', objectKey: 'a.csv'}},
			source: {bucketInfo: {accountId: account, region, policy: null}, objectInfo: {encryption: {algorithm: 'AES256'}}},
		});
		expect(findingIds(diagnosis)).toContain('key-id-not-arn-cross-account');
	});

	// S3 API Reference, ServerSideEncryptionByDefault: "If you use a KMS key alias instead, then KMS resolves the key within
	// the requester's account. This behavior can result in data that's encrypted with a KMS key that belongs to the
	// requester, and not the bucket owner." And: "If you are using encryption with cross-account or AWS service operations,
	// you must use a fully qualified KMS key ARN."
	const byDefault = (kmsKeyId: string): Snapshot => {
		const snapshot = upload(foreignKey);
		return without({...snapshot, bucket: {...snapshot.bucket, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId, bucketKeyEnabled: false}}}, 'question.kmsKeyId');
	};

	it('a bucket default naming an alias is the requester\'s alias for a caller of another account: not ✔ on the owner\'s key', () => {
		const diagnosis = diagnose(byDefault('alias/partner'));
		expect(actionOf(diagnosis, gdk).resource).not.toBe(foreignKey);
		expect(decisions(diagnosis)[gdk]).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'key-id-not-arn-cross-account');
		expect(finding?.message).toContain('The bucket\'s default encryption names the key as "alias/partner"');
		expect(finding?.message).toContain("requester's account");
	});

	it('a bucket default naming a bare key ID is not the owner\'s key for a caller of another account either', () => {
		const diagnosis = diagnose(byDefault(foreignKey.split('/').pop()!));
		expect(actionOf(diagnosis, gdk).resource).not.toBe(foreignKey);
		expect(diagnosis.verdict).not.toBe('allowed');
		expect(findingIds(diagnosis)).toContain('key-id-not-arn-cross-account');
	});

	it('a bucket default naming the key ARN, or an alias in the caller\'s own bucket, is decided on that key, with no finding', () => {
		const diagnosis = diagnose(byDefault(foreignKey));
		expect(findingIds(diagnosis)).not.toContain('key-id-not-arn-cross-account');
		expect(actionOf(diagnosis, gdk).resource).toBe(foreignKey);
		expect(diagnosis.verdict).toBe('allowed');
		const own = without(buildSnapshot({bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: 'alias/uploads', bucketKeyEnabled: false}}, key: {aliases: ['alias/uploads']}}), 'question.kmsKeyId');
		expect(diagnose(own).verdict).toBe('allowed');
		expect(findingIds(diagnose(own))).not.toContain('key-id-not-arn-cross-account');
	});

	it('does not fire when the bucket is in the caller\'s account', () => {
		const diagnosis = diagnose(buildSnapshot({question: {kmsKeyId: 'alias/uploads'}, key: {aliases: ['alias/uploads']}}));
		expect(findingIds(diagnosis)).not.toContain('key-id-not-arn-cross-account');
		expect(diagnosis.verdict).toBe('allowed');
	});
});

describe('an alias the described key does not have', () => {
	// KMS Developer Guide, kms:ResourceAliases: it "allows or denies access to a KMS key based on the aliases associated with
	// the KMS key"; the snapshot's key.aliases is every alias of that key (aws kms list-aliases --key-id). An alias that is
	// not among them names another key, or none.
	const withAlias = (kmsKeyId: string, aliases: readonly string[], unreadAliases = false): Snapshot =>
		buildSnapshot({
			question: {kmsKeyId},
			key: {aliases},
			...(unreadAliases ? {unread: [{path: 'key.aliases', reason: 'kms:ListAliases: AccessDenied'}]} : {}),
		});

	it('is not taken for the described key: unknown, never ✔ on it', () => {
		const diagnosis = diagnose(withAlias('alias/other', ['alias/uploads']));
		expect(actionOf(diagnosis, gdk).resource).not.toBe(keyArn);
		expect(decisions(diagnosis)[gdk]).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
		// Nor in the bucket's default encryption, nor as an alias ARN of the key's own account.
		const byDefault = without(buildSnapshot({bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: 'alias/other', bucketKeyEnabled: false}}, key: {aliases: ['alias/uploads']}}), 'question.kmsKeyId');
		expect(diagnose(byDefault).verdict).toBe('unknown');
		expect(diagnose(withAlias(`arn:aws:kms:${region}:${account}:alias/other`, ['alias/uploads'])).verdict).toBe('unknown');
	});

	it('an alias the key has, or aliases not read (or known partial), still resolve to the described key', () => {
		expect(diagnose(withAlias('alias/uploads', ['alias/uploads'])).verdict).toBe('allowed');
		expect(diagnose(without(buildSnapshot({question: {kmsKeyId: 'alias/other'}}), 'key.aliases')).verdict).toBe('allowed');
		expect(diagnose(withAlias('alias/other', ['alias/uploads'], true)).verdict).toBe('allowed');
	});
});

describe('aws/s3 (AWS managed key) used by another account', () => {
	const readers = policy(allow('s3:GetObject', `${bucketArn}/*`, {Principal: {AWS: rootOf(account)}}));
	// GetKeyPolicy does not work across accounts: the key policy and grants are typically unread.
	const download = (keyManager: 'AWS' | 'CUSTOMER'): Snapshot => {
		const snapshot = crossAccountDownload({bucketPolicy: readers});
		return without({...snapshot, key: {...snapshot.key!, keyManager}}, 'key.policy', 'key.grants');
	};

	it('is denied with an error finding, its unread key policy and grants ✘ by the rule (aws-managed-key.test.ts)', () => {
		const diagnosis = diagnose(download('AWS'));
		expect(diagnosis.requirements.filter(row => row.status === 'missing').map(row => row.place)).toEqual(['key-policy', 'key-grant']);
		expect(requirementOf(diagnosis, decrypt, 'key-policy').status).toBe('missing');
		expect(diagnosis.verdict).toBe('denied');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'aws-managed-key-cross-account');
		expect(finding).toMatchObject({severity: 'error'});
		expect(finding?.message).toContain(otherAccount);
		expect(diagnosis.summary).toMatch(/fails/);
	});

	it('the same download with a customer managed key stays undecided (the finding alone makes it denied)', () => {
		const diagnosis = diagnose(download('CUSTOMER'));
		expect(findingIds(diagnosis)).not.toContain('aws-managed-key-cross-account');
		expect(diagnosis.verdict).toBe('unknown');
	});

	it('is denied even when every grant row is ok', () => {
		const snapshot = crossAccountDownload({bucketPolicy: readers, keyPolicy: policy(allow('kms:Decrypt', '*', {Principal: {AWS: rootOf(account)}}))});
		const diagnosis = diagnose({...snapshot, key: {...snapshot.key!, keyManager: 'AWS'}});
		expect(diagnosis.actions.every(action => action.decision === 'allowed')).toBe(true);
		expect(diagnosis.verdict).toBe('denied');
		expect(findingIds(diagnosis)).toContain('aws-managed-key-cross-account');
	});

	// An AWS managed key's policy cannot be edited: the key-policy place offers nothing there.
	it('offers no key-policy edit on an AWS managed key', () => {
		const awsManagedPolicy = policy({
			Effect: 'Allow',
			Principal: {AWS: '*'},
			Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
			Resource: '*',
			Condition: {StringEquals: {'kms:CallerAccount': otherAccount, 'kms:ViaService': `s3.${region}.amazonaws.com`}},
		});
		const snapshot = crossAccountDownload({bucketPolicy: readers, keyPolicy: awsManagedPolicy});
		const diagnosis = diagnose({...snapshot, key: {...snapshot.key!, keyManager: 'AWS'}});
		expect(diagnosis.fixes.filter(fix => fix.place === 'key-policy')).toEqual([]);
	});
});
