import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {CollectScriptInput} from '../../source/outputs/collect-script/index.js';
import {useBundleRoundTrip} from '../support/bundle-round-trip.js';
import {useFakeAws, type FakeAwsState} from '../support/fake-aws/harness.js';
import {replicaKeyIn, replicationFiles, replicationRoleArn, replicationScenario} from '../support/fake-aws/replication-scenario.js';
import {keyArn} from '../support/fake-aws/scenario.js';
import {accounts} from '../support/fake-aws/scenarios.js';

/**
 * `collect-script --operation replication` → sh → aws → `import`: the script reads the source bucket's replication
 * configuration, the role it names (with its trust policy), both buckets' versioning and the replica keys the rules
 * name; the import chooses the rule that covers the object, as live collection does, and diagnoses it.
 */

const replication: CollectScriptInput = {operation: 'replication', sourceBucket: 'acme-source', bucket: 'acme-replica', objectKey: 'Tax/2026/return.pdf'};

const roundTrip = useBundleRoundTrip();
const throughBundle = (state: FakeAwsState, input: CollectScriptInput) => roundTrip(input, {...state.home.env, AWS_PROFILE: 'app'});

const readOnly = (argv: readonly string[]): boolean => argv[0] === '--version' || /^(get|list|describe|head)-/.test(argv[1] ?? '');

describe('collect-script --operation replication, across accounts, run in the source account', () => {
	const state = useFakeAws({scenario: () => replicationScenario(accounts.storage, undefined, 'Enabled'), files: replicationFiles});
	const replicaKey = keyArn(replicaKeyIn(accounts.storage));

	it('reads the rule\'s role and replica key; the replica key policy, readable only in the destination account, stays unknown', async () => {
		const {snapshot, run, diagnosis} = await throughBundle(state, replication);
		expect(run.calls.every(call => readOnly(call.argv))).toBe(true);
		expect(state.fake.calls.filter(call => call.write)).toEqual([]);
		expect(run.calls.map(call => call.argv.slice(0, 2).join(' '))).toEqual(expect.arrayContaining(['s3api get-bucket-replication', 's3api get-bucket-versioning', 'iam get-role']));
		expect(run.calls.find(call => call.argv[1] === 'get-role')?.argv).toContain('replication-role');
		expect(snapshot.replication).toMatchObject({role: replicationRoleArn, ruleId: 'tax', destinationAccount: accounts.storage, replicaKmsKeyId: replicaKey, sseKmsEncryptedObjects: true});
		expect(snapshot.principal?.arn).toBe(replicationRoleArn);
		expect(snapshot.principal?.trustPolicy).toBeDefined();
		expect(snapshot.key?.arn).toBe(replicaKey);
		expect(snapshot.key).not.toHaveProperty('policy');
		// Never a guess: the key policy is unknown, and the note says who can read it.
		expect(diagnosis.verdict).toBe('unknown');
		expect(snapshot.unread?.find(note => note.path === 'key.policy')?.resolveWith).toContain(`from the key's own account ${accounts.storage}`);
		const keyPolicy = diagnosis.requirements.filter(requirement => requirement.place === 'key-policy' && requirement.actionId.endsWith('@destination'));
		expect(keyPolicy.map(requirement => `${requirement.actionId} ${requirement.status}`)).toEqual(['kms:Encrypt@destination unknown']);
	});
});

describe('collect-script --operation replication, in one account', () => {
	// The replica key's policy allows only an administrator, not the account: neither the role's policy nor IAM can grant kms:Encrypt.
	const scenario = () => {
		const base = replicationScenario(accounts.app, undefined, 'Enabled');
		const closed = {...replicaKeyIn(accounts.app), policy: {Version: '2012-10-17', Statement: [{Sid: 'AdminOnly', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${accounts.app}:role/key-admin`}, Action: 'kms:*', Resource: '*'}]}};
		return {...base, keys: (base.keys ?? []).map(key => (key.id === closed.id ? closed : key))};
	};
	const state = useFakeAws({scenario, files: replicationFiles});
	const replicaKey = keyArn(replicaKeyIn(accounts.app));

	it('the replica key policy does not allow the role: denied, and the fix is in the replica key policy', async () => {
		const {snapshot, diagnosis} = await throughBundle(state, replication);
		expect(snapshot.bucket?.versioning).toBe('Enabled');
		expect(snapshot.source?.bucketInfo?.versioning).toBe('Enabled');
		expect(snapshot.key?.policy).toBeDefined();
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.requirements.filter(requirement => requirement.place === 'key-policy').map(requirement => `${requirement.actionId} ${requirement.status}`)).toEqual([
			'kms:Decrypt@source ok',
			'kms:Encrypt@destination missing',
		]);
		expect(diagnosis.fixes.map(fix => `${fix.place} ${fix.target}`)).toContain(`key-policy ${replicaKey}`);
	});

	it('--replication-rule names another rule: the import takes that one, as check --replication-rule does', async () => {
		const {snapshot, diagnosis} = await throughBundle(state, {...replication, replicationRule: 'logs'});
		expect(snapshot.replication).toMatchObject({ruleId: 'logs', replicaKmsKeyId: null, sseKmsEncryptedObjects: false});
		expect(snapshot).not.toHaveProperty('key');
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(expect.arrayContaining(['replication-sse-kms-not-selected', 'replication-no-replica-key']));
	});

	it('--principal names the role: no other role is read from the configuration', async () => {
		const {snapshot, run} = await throughBundle(state, {...replication, principal: `arn:aws:iam::${accounts.app}:role/uploader`});
		expect(run.calls.find(call => call.argv[1] === 'get-role')?.argv).toContain('uploader');
		expect(snapshot.principal?.arn).toBe(`arn:aws:iam::${accounts.app}:role/service/uploader`);
		expect(diagnose(snapshot).findings.map(finding => finding.id)).toContain('replication-other-role');
	});
});

describe('collect-script --operation replication, the rule naming its replica key by an alias ARN of the longest alias KMS allows', () => {
	// alias/ and 250 characters: KMS allows alias names of 256. As a file name, replica.ALIAS-ARN.kms-get-key-policy.stderr would pass 255 bytes.
	const alias = `alias/replicas-${'r'.repeat(241)}`;
	const aliasArn = `arn:aws:kms:us-east-1:${accounts.app}:${alias}`;
	const scenario = () => {
		const base = replicationScenario(accounts.app, aliasArn, 'Enabled');
		return {...base, keys: (base.keys ?? []).map(key => (key.id === replicaKeyIn(accounts.app).id ? {...key, aliases: [...(key.aliases ?? []), alias]} : key))};
	};
	const state = useFakeAws({scenario, files: replicationFiles});

	it('collects the key under a file name of at most 255 bytes and imports its facts, policy included', async () => {
		expect(alias).toHaveLength(256);
		const {snapshot, run, files} = await throughBundle(state, replication);
		expect(run.stderr).not.toMatch(/too long/i);
		expect([...files.keys()].filter(name => Buffer.byteLength(path.posix.basename(name)) > 255)).toEqual([]);
		expect(snapshot.replication).toMatchObject({ruleId: 'tax', replicaKmsKeyId: aliasArn});
		expect(snapshot.key?.arn).toBe(keyArn(replicaKeyIn(accounts.app)));
		expect(snapshot.key?.aliases).toEqual(expect.arrayContaining([alias]));
		expect(snapshot.key?.policy).toBeDefined();
		// (This fake KMS has no ListAliases: DescribeKey of the alias proves it names the key.)
		expect((snapshot.unread ?? []).map(note => note.path).filter(note => ['key', 'key.policy', 'key.grants'].includes(note))).toEqual([]);
	});
});
