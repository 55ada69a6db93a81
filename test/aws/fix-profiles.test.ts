import {describe, expect, it} from 'vitest';
import type {CollectOptions} from '../../source/aws/collect.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Fix, Place} from '../../source/diagnosis/diagnosis.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {redactSnapshot} from '../../source/snapshot/redact.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {argvOf} from '../diagnosis/support/fix-checks.js';
import {collectedIn, expectValidSnapshot, useFakeAws} from '../support/fake-aws/harness.js';
import {keyArn, type FakeScenario, type PolicyDoc} from '../support/fake-aws/scenario.js';
import {accounts, crossAccountFiles, crossAccountScenario, keys, sharedKey} from '../support/fake-aws/scenarios.js';

/**
 * A fix's command is pasted into a shell whose default credentials may be any account's: where the collection read the
 * account that must apply it with a named profile, the command names that profile; where it did not, none is guessed.
 */

const uploaderArn = `arn:aws:iam::${accounts.app}:role/service/uploader`;
const sharedKeyArn = keyArn(sharedKey);

// The caller's role may put objects but not use the key; the key policy lets the caller's account only decrypt; the bucket
// policy lets the role only read. An upload then needs one fix in each of the three accounts.
const scenario = (): FakeScenario => {
	const base = crossAccountScenario();
	const only = (statement: Record<string, unknown>): PolicyDoc => ({Version: '2012-10-17', Statement: [statement]});
	return {
		...base,
		roles: base.roles!.map(role => ({...role, inline: {'shared-data': only({Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::shared-data/*'})}})),
		keys: [
			{
				...sharedKey,
				policy: {
					...sharedKey.policy,
					Statement: (sharedKey.policy['Statement'] as Record<string, unknown>[]).map(statement => (statement['Sid'] === 'AppAccount' ? {...statement, Action: ['kms:Decrypt']} : statement)),
				},
			},
		],
		buckets: base.buckets!.map(bucket => ({...bucket, policy: only({Effect: 'Allow', Principal: {AWS: uploaderArn}, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-data/*'})})),
	};
};

const state = useFakeAws({scenario, files: crossAccountFiles, checksS3Region: true});

const upload = {operation: 'upload', bucket: 'shared-data', objectKey: 'out/x.json', kmsKeyId: sharedKeyArn, sizeBytes: 100} as const;

const collected = (options: Omit<CollectOptions, 'env'>, env: NodeJS.ProcessEnv = {}): Promise<Snapshot> => collectedIn(state, options, env);

const fixIn = (fixes: readonly Fix[], place: Place): Fix => {
	const fix = fixes.find(candidate => candidate.place === place && candidate.kind === 'add-allow');
	if (!fix) throw new Error(`no ${place} add-allow among ${fixes.map(candidate => `${candidate.place} ${candidate.kind}`).join(', ')}`);
	return fix;
};

/** The words after the command's own: what `--profile` passes, if anything. */
const profileOf = (fix: Fix): string | undefined => {
	const argv = argvOf(fix.command);
	const index = argv.indexOf('--profile');
	return index === -1 ? undefined : argv[index + 1];
};

describe("a live collection's profiles in the fixes' commands", () => {
	it('with a profile of each account: the key policy is put with the key\'s, the bucket policy with the bucket\'s, the role policy with the caller\'s', async () => {
		const snapshot = await collected({question: upload, profile: 'app', bucketProfile: 'storage', keyProfile: 'security'});
		expect(snapshot.metadata?.profiles).toEqual([
			{name: 'app', arn: `arn:aws:sts::${accounts.app}:assumed-role/uploader/ci-run`, roles: ['caller']},
			{name: 'storage', arn: `arn:aws:iam::${accounts.storage}:user/storage-admin`, roles: ['bucket']},
			{name: 'security', arn: `arn:aws:iam::${accounts.security}:user/security-admin`, roles: ['key']},
		]);
		const {verdict, fixes} = diagnose(snapshot);
		expect(verdict).toBe('denied');
		const keyFix = fixIn(fixes, 'key-policy');
		expect(keyFix.appliesIn).toEqual({account: accounts.security, role: 'key-owner'});
		expect(argvOf(keyFix.command).slice(0, 6)).toEqual(['kms', 'put-key-policy', '--key-id', sharedKeyArn, '--region', 'eu-west-1']);
		expect(argvOf(keyFix.command).slice(-2)).toEqual(['--profile', 'security']);
		const bucketFix = fixIn(fixes, 'bucket-policy');
		expect(bucketFix.appliesIn).toEqual({account: accounts.storage, role: 'bucket-owner'});
		expect(argvOf(bucketFix.command).slice(0, 4)).toEqual(['s3api', 'put-bucket-policy', '--bucket', 'shared-data']);
		expect(profileOf(bucketFix)).toBe('storage');
		const roleFix = fixIn(fixes, 'identity-policy');
		expect(roleFix.appliesIn).toEqual({account: accounts.app, role: 'caller-account'});
		expect(argvOf(roleFix.command).slice(0, 4)).toEqual(['iam', 'put-role-policy', '--role-name', 'uploader']);
		expect(profileOf(roleFix)).toBe('app');
		// Each command, pasted as it is, writes into the account it names.
		for (const fix of fixes) expect(fix.proven, fix.summary).toBe(true);
	});

	it("the caller read with the default chain (no profile named): its fix names none, and says which account must apply it", async () => {
		const environment = {AWS_ACCESS_KEY_ID: keys.uploader.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.uploader.secretAccessKey, AWS_SESSION_TOKEN: keys.uploader.sessionToken};
		const snapshot = await collected({question: upload, bucketProfile: 'storage', keyProfile: 'security'}, environment);
		expect(snapshot.metadata?.profiles?.map(profile => profile.name)).toEqual(['storage', 'security']);
		const {fixes} = diagnose(snapshot);
		const roleFix = fixIn(fixes, 'identity-policy');
		expect(roleFix.appliesIn).toEqual({account: accounts.app, role: 'caller-account'});
		expect(roleFix.command).not.toContain('--profile');
		expect(renderMarkdown(diagnose(snapshot))).toContain(`Who applies it: account ${accounts.app} (the caller's account)`);
		// Another profile's account is not the caller's: no profile stands in for the one not named.
		expect(profileOf(fixIn(fixes, 'key-policy'))).toBe('security');
	});

	it('a caller named by AWS_PROFILE is named too, as a pasted command may run where it is not set', async () => {
		const snapshot = await collected({question: upload, keyProfile: 'security'}, {AWS_PROFILE: 'app'});
		const {fixes} = diagnose(snapshot);
		expect(profileOf(fixIn(fixes, 'identity-policy'))).toBe('app');
		expect(profileOf(fixIn(fixes, 'key-policy'))).toBe('security');
	});

	it('--redact replaces the profile names, as the names of the accounts they stand for', async () => {
		const snapshot = await collected({question: upload, profile: 'app', bucketProfile: 'storage', keyProfile: 'security'});
		const redacted = redactSnapshot(snapshot);
		expectValidSnapshot(redacted);
		expect(redacted.metadata?.profiles?.map(profile => [profile.name, profile.roles])).toEqual([
			['profile-1', ['caller']],
			['profile-2', ['bucket']],
			['profile-3', ['key']],
		]);
		const text = JSON.stringify(redacted);
		for (const name of ['"app"', '"storage"', '"security"', accounts.app, accounts.storage, accounts.security]) expect(text).not.toContain(name);
		// The redacted snapshot still puts each fix in its account.
		expect(profileOf(fixIn(diagnose(redacted).fixes, 'key-policy'))).toBe('profile-3');
	});
});
