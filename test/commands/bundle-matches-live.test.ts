import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';
import {readBundleFiles} from '../../source/commands/import.js';
import {bundleToSnapshot} from '../../source/inputs/bundle/index.js';
import {renderCollectScript, validateCollectOptions} from '../../source/outputs/collect-script/index.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import type {Question} from '../../source/snapshot/question.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {notePaths, useFakeAws, type FakeAwsState} from '../support/fake-aws/harness.js';
import {accounts, crossAccountFiles, crossAccountScenario, dropBucket, keys, objectWriterScenario, sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {runCollectScriptWithSdk, sdkAwsFolder, startSdkServer, type SdkAwsCall, type SdkScriptRun} from '../support/fake-aws-cli-sdk/run-collect-script.js';
import {replicaKeyIn, replicationFiles, replicationRoleArn, replicationScenario} from '../support/fake-aws/replication-scenario.js';
import {keyArn as fakeKeyArn} from '../support/fake-aws/scenario.js';

/**
 * Issue 6, item 4: for the same account state, `collect-script` → sh → aws → `import` diagnoses as the live
 * path does. The fake `aws` here asks the real SDK clients, so both paths read the same fake AWS endpoint.
 */

type RoundTrip = {
	readonly live: Snapshot;
	readonly bundle: Snapshot;
	readonly liveDiagnosis: Diagnosis;
	readonly bundleDiagnosis: Diagnosis;
	readonly run: SdkScriptRun;
};

const folders: string[] = [];
afterAll(() => {
	for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});

/** The same question, once collected live and once through the collection script and the import. */
const roundTrip = async (state: FakeAwsState, profile: string, question: Question): Promise<RoundTrip> => {
	const options = validateCollectOptions({
		operation: question.operation,
		bucket: question.bucket,
		objectKey: question.objectKey,
		...(question.kmsKeyId ? {kmsKeyId: question.kmsKeyId} : {}),
		...(question.sizeBytes !== undefined ? {sizeBytes: question.sizeBytes} : {}),
		...(question.source ? {sourceBucket: question.source.bucket, sourceKey: question.source.objectKey} : {}),
	});
	if (!options.ok) throw new Error(options.error.message);
	const [collected, run] = await Promise.all([
		collectSnapshot({question, profile, env: state.home.env}),
		runCollectScriptWithSdk(renderCollectScript(options.value, {generatedBy: 's3-kms-doctor test'}), {...state.home.env, AWS_PROFILE: profile}),
	]);
	folders.push(run.folder);
	if (!collected.ok) throw new Error(`live collection failed: ${collected.error.message}`);
	if (run.exitCode !== 0) throw new Error(`the collection script failed (exit ${run.exitCode}): ${run.stderr}`);
	const read = await readBundleFiles(run.tarball);
	const imported = bundleToSnapshot(read.files);
	if (!imported.ok) throw new Error(imported.error.message);
	// Both must be snapshots that `check --snapshot` accepts.
	for (const [name, snapshot] of [['live', collected.value], ['imported', imported.value.snapshot]] as const) {
		const parsed = parseSnapshot(JSON.stringify(snapshot), `${name} snapshot`);
		if (!parsed.ok) throw new Error(parsed.error.message);
	}
	return {live: collected.value, bundle: imported.value.snapshot, liveDiagnosis: diagnose(collected.value), bundleDiagnosis: diagnose(imported.value.snapshot), run};
};

/** What a user reads off a diagnosis: the verdict, each action's decision, each place's status, the findings and the fixes. */
const outline = (diagnosis: Diagnosis) => ({
	verdict: diagnosis.verdict,
	actions: diagnosis.actions.map(action => `${action.id} ${action.decision}`),
	requirements: diagnosis.requirements.map(requirement => `${requirement.actionId} ${requirement.place} ${requirement.status}`),
	findings: diagnosis.findings.map(finding => `${finding.severity} ${finding.id}`),
	fixes: diagnosis.fixes.map(fix => `${fix.kind} ${fix.place} ${fix.target}${fix.proven ? ' (proven)' : ''}`),
});

const statuses = (diagnosis: Diagnosis, place: string): string[] =>
	diagnosis.requirements.filter(requirement => requirement.place === place).map(requirement => `${requirement.actionId} ${requirement.status}`);

/** The script ran only commands the fake implements (it answers any other with 252), and only reads. */
const expectKnownReadOnlyCommands = (run: SdkScriptRun): void => {
	expect(run.calls.filter(call => call.exit === 252).map(call => call.argv.join(' '))).toEqual([]);
	for (const call of run.calls) if (call.argv[0] !== '--version') expect(call.argv[1], call.argv.join(' ')).toMatch(/^(get|list|describe|head)-/);
};

const execute = promisify(execFile);

const keyArn = `arn:aws:kms:eu-west-1:${accounts.app}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const bundleFile = (run: SdkScriptRun, name: string): string => readFileSync(path.join(run.folder, 'bundle', name), 'utf8');

/** The facts (not the notes' wording, nor when and by what they were collected). */
const facts = (snapshot: Snapshot) => {
	const {metadata: _metadata, unread: _unread, ...rest} = snapshot;
	return rest;
};

describe('the bundle diagnoses as the live path does, in one account', () => {
	const state = useFakeAws({scenario: sameAccountScenario, files: sameAccountFiles});
	let download: RoundTrip;
	let upload: RoundTrip;
	let copy: RoundTrip;
	let named: RoundTrip;

	beforeAll(async () => {
		// Failures for dev-alice's access key only, so the four questions can run at once: she may not read the key
		// policy nor her group's attached policies, and KMS throttles every ListGrants of hers.
		const alice = keys.alice.accessKeyId;
		state.fake.addFault({service: 'kms', operation: 'GetKeyPolicy', accessKeyId: alice, kind: 'denied'});
		state.fake.addFault({service: 'kms', operation: 'ListGrants', accessKeyId: alice, kind: 'throttle'});
		state.fake.addFault({service: 'iam', operation: 'ListAttachedGroupPolicies', accessKeyId: alice, kind: 'denied'});
		[download, upload, copy, named] = await Promise.all([
			roundTrip(state, 'ci', {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'}),
			roundTrip(state, 'dev', {operation: 'upload', bucket: 'acme-uploads', objectKey: 'new.csv', sizeBytes: 20_000_000}),
			roundTrip(state, 'ci', {operation: 'copy', bucket: 'acme-archive', objectKey: '2024/q1.csv', source: {bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'}}),
			roundTrip(state, 'ci', {operation: 'upload', bucket: 'acme-uploads', objectKey: 'new.csv', kmsKeyId: 'alias/uploads'}),
		]);
	}, 180_000);

	/** Three calls whose answers the fake must print as the CLI does: an error, a HEAD's status, a list of pages. */
	const threeCalls = (env: NodeJS.ProcessEnv) => {
		const aws = (...args: string[]) =>
			execute(path.join(sdkAwsFolder, 'aws'), [...args, '--output', 'json'], {env}).then(
				({stdout, stderr}) => ({exit: 0, stdout, stderr}),
				(error: {code: number; stdout: string; stderr: string}) => ({exit: error.code, stdout: error.stdout, stderr: error.stderr}),
			);
		return Promise.all([
			aws('iam', 'get-role', '--role-name', 'nobody'),
			aws('s3api', 'head-object', '--bucket', 'acme-uploads', '--key', 'missing.csv', '--region', 'eu-west-1'),
			aws('kms', 'list-grants', '--key-id', keyArn, '--region', 'eu-west-1'),
		]);
	};
	const awsEnv = (): NodeJS.ProcessEnv => ({...state.home.env, AWS_PROFILE: 'ci', PATH: path.dirname(process.execPath)});

	it('the fake aws speaks as the AWS CLI does: the wire error code, a HEAD answer\'s status, every page of a list', async () => {
		const [role, object, grants] = await threeCalls(awsEnv());
		// IAM's code NoSuchEntity, not the SDK's class name NoSuchEntityException.
		expect(role).toEqual({exit: 254, stdout: '', stderr: '\nAn error occurred (NoSuchEntity) when calling the GetRole operation: The role with name nobody cannot be found.\n'});
		expect(object).toEqual({exit: 254, stdout: '', stderr: '\nAn error occurred (404) when calling the HeadObject operation: Not Found\n'});
		// The fake endpoint pages ListGrants one grant at a time; the CLI prints them merged, with no paging fields.
		const listed = JSON.parse(grants.stdout) as {Grants: {GrantId: string; CreationDate: string}[]};
		expect(Object.keys(listed)).toEqual(['Grants']);
		expect(listed.Grants.map(grant => grant.GrantId)).toEqual(['grant-0001', 'grant-0002']);
		expect(listed.Grants[0]?.CreationDate).toBe('2024-01-15T10:00:00+00:00');
		expect(grants.stdout).toMatch(/^\{\n {4}"Grants": \[\n {8}\{\n {12}"KeyId": /);
	});

	it('the fake aws answers the same through the server a script run starts, which loads each SDK client once', async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 's3kd-sdk-server-'));
		folders.push(folder);
		const log = path.join(folder, 'calls.jsonl');
		const env = {...awsEnv(), FAKE_AWS_LOG: log};
		const server = await startSdkServer(env, {folder, log, bundle: 'bundle'});
		try {
			expect(server.env['FAKE_AWS_SOCKET']).toBeDefined();
			expect(await threeCalls(server.env)).toEqual(await threeCalls(env));
		} finally {
			server.stop();
		}
		const served = readFileSync(log, 'utf8').trim().split('\n').map(line => (JSON.parse(line) as SdkAwsCall).served === true);
		expect(served.sort()).toEqual([false, false, false, true, true, true]);
	});

	it('a role session downloads: the bundle holds every fact the live path read, so the diagnosis is the same', () => {
		expectKnownReadOnlyCommands(download.run);
		// Role, inline and managed policies at their default version, boundary, tags, bucket, object, key policy and both grant pages.
		expect(facts(download.bundle)).toEqual(facts(download.live));
		expect(outline(download.bundleDiagnosis)).toEqual(outline(download.liveDiagnosis));
		// A member account cannot read its organization's SCPs and RCPs: unknown both ways, the rest decided.
		expect(download.bundleDiagnosis.verdict).toBe('unknown');
		expect(statuses(download.bundleDiagnosis, 'key-policy')).toEqual(['kms:Decrypt@destination ok']);
		expect(statuses(download.bundleDiagnosis, 'scp')).toEqual(['s3:GetObject@destination unknown', 'kms:Decrypt@destination unknown']);
		// Documented difference, in the notes only: the live path says once that SCPs and RCPs failed alike; the import notes each.
		expect(notePaths(download.live)).toEqual(['principal.sessionPolicy', 'organization']);
		expect(notePaths(download.bundle)).toEqual(['principal.sessionPolicy', 'organization.serviceControlPolicies', 'organization.resourceControlPolicies']);
	});

	it('a user uploads while reads fail (denied, throttled): the failures become the same unknowns and the same verdict', () => {
		expectKnownReadOnlyCommands(upload.run);
		// The CLI's own failure records: exit 254 and its error line, with the retries it made on throttling.
		expect(bundleFile(upload.run, 'kms-get-key-policy.exit').trim()).toBe('254');
		expect(bundleFile(upload.run, 'kms-get-key-policy.stderr')).toMatch(/^An error occurred \(AccessDeniedException\) when calling the GetKeyPolicy operation: Access denied/m);
		expect(bundleFile(upload.run, 'kms-list-grants.stderr')).toMatch(/^An error occurred \(ThrottlingException\) when calling the ListGrants operation \(reached max retries: 2\): Rate exceeded/m);
		expect(facts(upload.bundle)).toEqual(facts(upload.live));
		expect(upload.live.principal).not.toHaveProperty('identityPolicies');
		expect(upload.live.key).not.toHaveProperty('policy');
		expect(upload.live.key).not.toHaveProperty('grants');
		expect(outline(upload.bundleDiagnosis)).toEqual(outline(upload.liveDiagnosis));
		// The bucket policy's explicit Deny (no SSE header on the request) decides, whatever stayed unknown.
		expect(upload.bundleDiagnosis.verdict).toBe('denied');
		expect(statuses(upload.bundleDiagnosis, 'bucket-policy')).toEqual(['s3:PutObject@destination denied']);
		expect(statuses(upload.bundleDiagnosis, 'key-policy')).toEqual(['kms:GenerateDataKey@destination unknown', 'kms:Decrypt@destination unknown']);
		expect(statuses(upload.bundleDiagnosis, 'identity-policy')).toEqual([
			's3:PutObject@destination unknown',
			'kms:GenerateDataKey@destination unknown',
			'kms:Decrypt@destination unknown',
		]);
		expect(notePaths(upload.bundle)).toEqual(expect.arrayContaining(['principal.identityPolicies', 'key.policy', 'key.grants']));
	});

	it('a copy between two buckets: the source bucket, object and key match too, and so does the proven fix', () => {
		expectKnownReadOnlyCommands(copy.run);
		expect(facts(copy.bundle)).toEqual(facts(copy.live));
		expect(copy.bundle.source?.keyInfo?.policy).toBeDefined();
		expect(outline(copy.bundleDiagnosis)).toEqual(outline(copy.liveDiagnosis));
		// The role may read the source but not write to acme-archive: denied, with the same proven identity-policy fix.
		expect(copy.bundleDiagnosis.verdict).toBe('denied');
		expect(statuses(copy.bundleDiagnosis, 'identity-policy')).toEqual(['s3:GetObject@source ok', 'kms:Decrypt@source ok', 's3:PutObject@destination missing']);
		expect(outline(copy.bundleDiagnosis).fixes).toEqual([`add-allow identity-policy arn:aws:iam::${accounts.app}:role/service/uploader (proven)`]);
	});

	it('an upload naming the key by alias: the alias DescribeKey resolved names the key on both paths', () => {
		expectKnownReadOnlyCommands(named.run);
		// The fake endpoint has no kms:ListAliases (the script records UnknownOperationException); the alias is still
		// known, because DescribeKey of alias/uploads answered with this key, which is all the live path reads too.
		expect(named.run.calls.find(call => call.operation === 'ListAliases')?.exit).toBe(254);
		expect(named.bundle.key?.aliases).toEqual(['alias/uploads']);
		expect(facts(named.bundle)).toEqual(facts(named.live));
		expect(outline(named.bundleDiagnosis)).toEqual(outline(named.liveDiagnosis));
		// The key named is the bucket's default key, known by its alias: nothing to warn about.
		expect(outline(named.bundleDiagnosis).findings).not.toContain('warning default-encryption-key-differs');
		expect(statuses(named.bundleDiagnosis, 'key-policy')).toEqual(['kms:GenerateDataKey@destination ok', 'kms:Decrypt@destination ok']);
	});
});

describe('the bundle diagnoses as the live path does, with the caller, the bucket and the key in three accounts', () => {
	const state = useFakeAws({scenario: crossAccountScenario, files: crossAccountFiles});
	let download: RoundTrip;

	beforeAll(async () => {
		// The role has no s3:ListBucket on the other account's bucket, so S3 answers its HeadBucket with 403 (and the
		// script's `--expected-bucket-owner` of the wrong account would too; the fake endpoint does not check that header).
		state.fake.addFault({service: 's3', operation: 'HeadBucket', accessKeyId: keys.uploader.accessKeyId, kind: 'denied'});
		download = await roundTrip(state, 'app', {operation: 'download', bucket: 'shared-data', objectKey: 'in/data.json'});
	}, 180_000);

	it('what one account cannot read stays unknown on both paths, and the diagnosis is the same', () => {
		expectKnownReadOnlyCommands(download.run);
		expect(facts(download.bundle)).toEqual(facts(download.live));
		expect(download.bundle.bucket).not.toHaveProperty('accountId');
		expect(download.bundle.bucket).not.toHaveProperty('policy');
		expect(download.bundle.key).not.toHaveProperty('policy');
		// The caller's account is in no organization: no SCPs apply. The bucket's account is unknown, so its RCPs are.
		expect(download.bundle.organization).toEqual({serviceControlPolicies: []});
		expect(outline(download.bundleDiagnosis)).toEqual(outline(download.liveDiagnosis));
		expect(download.bundleDiagnosis.verdict).toBe('unknown');
		expect(statuses(download.bundleDiagnosis, 'bucket-policy')).toEqual(['s3:GetObject@destination unknown']);
		expect(statuses(download.bundleDiagnosis, 'key-policy')).toEqual(['kms:Decrypt@destination unknown']);
		expect(statuses(download.bundleDiagnosis, 'rcp')).toEqual(['s3:GetObject@destination unknown', 'kms:Decrypt@destination unknown']);
		// Documented difference, in how they get there: the live path knows GetKeyPolicy cannot work across accounts and
		// does not call it; the script asks for every key it names and records the denial.
		const keyPolicyCalls = state.fake.calls.filter(call => call.operation === 'GetKeyPolicy').map(call => `${call.account}:${call.status}`);
		expect(keyPolicyCalls).toEqual([`${accounts.app}:400`]);
		expect(bundleFile(download.run, 'kms-get-key-policy.stderr')).toMatch(/\(AccessDeniedException\) when calling the GetKeyPolicy operation: User: .* is not authorized to perform: kms:GetKeyPolicy/);
	});
});

describe('the bundle reads who owns the object as the live path does, where writers own their objects', () => {
	const state = useFakeAws({scenario: objectWriterScenario, files: sameAccountFiles});
	let own: RoundTrip;
	let partner: RoundTrip;
	let denied: RoundTrip;
	const assumed = (diagnosis: Diagnosis) => diagnosis.assumptions.map(assumption => assumption.id);

	beforeAll(async () => {
		[own, partner] = await Promise.all([
			roundTrip(state, 'ci', {operation: 'download', bucket: dropBucket, objectKey: 'own/report.csv'}),
			roundTrip(state, 'ci', {operation: 'download', bucket: dropBucket, objectKey: 'partner/upload.csv'}),
		]);
		state.fake.addFault({service: 's3', operation: 'GetObjectAcl', kind: 'denied'});
		denied = await roundTrip(state, 'ci', {operation: 'download', bucket: dropBucket, objectKey: 'own/report.csv'});
	}, 180_000);

	it("the bucket's own object: get-object-acl's owner is get-bucket-acl's on both paths, and nothing is assumed", () => {
		expectKnownReadOnlyCommands(own.run);
		expect(own.run.calls.map(call => call.argv[1])).toEqual(expect.arrayContaining(['get-bucket-acl', 'get-object-acl']));
		expect(own.bundle.object).toMatchObject({ownedByBucketOwner: true, ownerAccountId: accounts.app});
		expect(facts(own.bundle)).toEqual(facts(own.live));
		expect(outline(own.bundleDiagnosis)).toEqual(outline(own.liveDiagnosis));
		expect(assumed(own.bundleDiagnosis)).not.toContain('object-owned-by-bucket-owner');
	});

	it("a partner's object: another account's on both paths, and the same unknown", () => {
		expectKnownReadOnlyCommands(partner.run);
		expect(partner.bundle.object).toMatchObject({ownedByBucketOwner: false});
		expect(facts(partner.bundle)).toEqual(facts(partner.live));
		expect(outline(partner.bundleDiagnosis)).toEqual(outline(partner.liveDiagnosis));
		expect(outline(partner.bundleDiagnosis).findings).toContain('warning object-owned-by-another-account');
	});

	it('get-object-acl denied: the same note path and permission on both paths, and the assumption stays', () => {
		const note = (snapshot: Snapshot) => snapshot.unread?.find(candidate => candidate.path === 'object.ownerAccountId');
		expect(note(denied.bundle)?.resolveWith).toBe(`s3:GetObjectAcl on arn:aws:s3:::${dropBucket}/own/report.csv`);
		expect(note(denied.bundle)?.resolveWith).toBe(note(denied.live)?.resolveWith);
		expect(facts(denied.bundle)).toEqual(facts(denied.live));
		expect(assumed(denied.bundleDiagnosis)).toContain('object-owned-by-bucket-owner');
		expect(assumed(denied.liveDiagnosis)).toContain('object-owned-by-bucket-owner');
	});
});

describe('the bundle diagnoses a replication as the live path does', () => {
	const replicationQuestion: Question = {operation: 'replication', bucket: 'acme-replica', objectKey: 'Tax/2026/return.pdf', source: {bucket: 'acme-source', objectKey: 'Tax/2026/return.pdf'}};

	describe('in one account', () => {
		const state = useFakeAws({scenario: () => replicationScenario(accounts.app, undefined, 'Enabled'), files: replicationFiles});
		let replication: RoundTrip;
		beforeAll(async () => {
			replication = await roundTrip(state, 'app', replicationQuestion);
		}, 180_000);

		it('reads the configuration, the role it names, both buckets\' versioning and the covering rule\'s replica key', () => {
			expectKnownReadOnlyCommands(replication.run);
			expect(facts(replication.bundle)).toEqual(facts(replication.live));
			expect(replication.bundle.replication).toMatchObject({role: replicationRoleArn, ruleId: 'tax', replicaKmsKeyId: fakeKeyArn(replicaKeyIn(accounts.app))});
			expect(replication.bundle.principal).toMatchObject({arn: replicationRoleArn, sessionPolicy: null, trustPolicy: {Statement: [{Principal: {Service: 's3.amazonaws.com'}}]}});
			expect(replication.bundle.bucket?.versioning).toBe('Enabled');
			expect(replication.bundle.source?.bucketInfo?.versioning).toBe('Enabled');
			expect(replication.bundle.key?.arn).toBe(fakeKeyArn(replicaKeyIn(accounts.app)));
			expect(outline(replication.bundleDiagnosis)).toEqual(outline(replication.liveDiagnosis));
		});
	});

	describe('in one account, the replica key named by an alias', () => {
		const state = useFakeAws({scenario: () => replicationScenario(accounts.app, 'alias/replicas', 'Enabled'), files: replicationFiles});
		let replication: RoundTrip;
		beforeAll(async () => {
			replication = await roundTrip(state, 'app', replicationQuestion);
		}, 180_000);

		it('the alias resolves to the same key on both paths, and the same warning names it', () => {
			expectKnownReadOnlyCommands(replication.run);
			expect(facts(replication.bundle)).toEqual(facts(replication.live));
			expect(replication.bundle.replication?.replicaKmsKeyId).toBe('alias/replicas');
			expect(replication.bundle.key?.arn).toBe(fakeKeyArn(replicaKeyIn(accounts.app)));
			expect(outline(replication.bundleDiagnosis)).toEqual(outline(replication.liveDiagnosis));
			expect(outline(replication.bundleDiagnosis).findings).toContain('warning replication-replica-key-alias');
		});
	});

	describe('across accounts, collected in the source account', () => {
		const state = useFakeAws({scenario: () => replicationScenario(accounts.storage, undefined, 'Enabled'), files: replicationFiles});
		let replication: RoundTrip;
		beforeAll(async () => {
			replication = await roundTrip(state, 'app', replicationQuestion);
		}, 180_000);

		it('what the source account cannot read of the destination stays unknown on both paths', () => {
			expectKnownReadOnlyCommands(replication.run);
			expect(facts(replication.bundle)).toEqual(facts(replication.live));
			expect(replication.bundle.key).not.toHaveProperty('policy');
			expect(outline(replication.bundleDiagnosis)).toEqual(outline(replication.liveDiagnosis));
		});
	});
});
