import {execFile} from 'node:child_process';
import {rmSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';
import {readBundleFiles} from '../../source/commands/import.js';
import {bundleToSnapshot} from '../../source/inputs/bundle/index.js';
import {renderCollectScript, validateCollectOptions} from '../../source/outputs/collect-script/index.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {expectValidSnapshot, notePaths, useFakeAws} from '../support/fake-aws/harness.js';
import type {FakeGrant} from '../support/fake-aws/scenario.js';
import {sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {runCollectScriptWithSdk, sdkAwsFolder} from '../support/fake-aws-cli-sdk/run-collect-script.js';

/**
 * A key with thousands of grants. KMS API reference, ListGrants and ListAliases, Limit: "This value is optional. If you
 * include a value, it must be between 1 and 100, inclusive. If you do not include a value, it defaults to 50." The
 * reader stops at 50 pages, so at KMS's default page a list of more than 2,500 grants was unknown. AWS CLI reference,
 * --page-size: "This does not affect the number of items returned in the command's output. Setting a smaller page
 * size results in more calls to the AWS service, retrieving fewer items in each call."
 */

const base = sameAccountScenario();
const uploadsKey = base.keys![0]!;
// More than 50 pages of KMS's default 50 hold: 26 pages of 100.
const grantCount = 2_600;
const grants: FakeGrant[] = Array.from({length: grantCount}, (_, index) => ({
	id: `grant-${String(index).padStart(4, '0')}`,
	grantee: `arn:aws:iam::${uploadsKey.account}:role/worker-${index}`,
	operations: ['Decrypt'],
}));
const state = useFakeAws({scenario: () => ({...sameAccountScenario(), listAliases: true, keys: [{...uploadsKey, grants}]}), files: sameAccountFiles, checksS3Region: true});

const keyArn = `arn:aws:kms:${uploadsKey.region}:${uploadsKey.account}:key/${uploadsKey.id}`;
const download = {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'} as const;
const expectedGrants = grants.map(grant => ({grantId: grant.id, granteePrincipal: grant.grantee, operations: ['Decrypt']}));
const grantCalls = () => state.fake.calls.filter(call => call.operation === 'ListGrants').map(call => call.status);

const collected = async (profile: string): Promise<Snapshot> => {
	const result = await collectSnapshot({question: download, profile, env: state.home.env});
	if (!result.ok) throw new Error(`collection failed: ${result.error.kind}: ${result.error.message}`);
	expectValidSnapshot(result.value);
	return result.value;
};

/** The SDK-backed fake `aws`, run once with this command line (not synchronously: the fake endpoint runs in this process). */
const fakeAws = (args: readonly string[]): Promise<{status: number; stderr: string}> =>
	new Promise(resolve => {
		execFile(process.execPath, [path.join(sdkAwsFolder, 'aws'), ...args], {env: {...state.home.env, AWS_PROFILE: 'ci'}, timeout: 60_000}, (error, _stdout, stderr) =>
			resolve({status: typeof error?.code === 'number' ? error.code : 0, stderr}),
		);
	});

const folders: string[] = [];
afterAll(() => {
	for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});

describe('a key with more grants than 50 pages of KMS default size hold', () => {
	it('live collection reads every grant, 100 a page', async () => {
		const snapshot = await collected('ci');
		expect(snapshot.key?.grants).toEqual(expectedGrants);
		expect(notePaths(snapshot)).not.toContain('key.grants');
		expect(grantCalls()).toEqual(Array.from({length: grantCount / 100}, () => 200));
	});

	it('the collect script asks for pages of 100, and its bundle holds the grants live collection read', async () => {
		const options = validateCollectOptions({operation: download.operation, bucket: download.bucket, objectKey: download.objectKey});
		if (!options.ok) throw new Error(options.error.message);
		const run = await runCollectScriptWithSdk(renderCollectScript(options.value, {generatedBy: 's3-kms-doctor test'}), {...state.home.env, AWS_PROFILE: 'ci'});
		folders.push(run.folder);
		if (run.exitCode !== 0) throw new Error(`the collection script failed (exit ${run.exitCode}): ${run.stderr}`);
		const lists = run.calls.filter(call => call.operation === 'ListGrants' || call.operation === 'ListAliases');
		expect(lists.map(call => [call.operation, call.exit, call.argv.slice(call.argv.indexOf('--page-size'), call.argv.indexOf('--page-size') + 2)])).toEqual([
			['ListGrants', 0, ['--page-size', '100']],
			['ListAliases', 0, ['--page-size', '100']],
		]);
		expect(grantCalls()).toHaveLength(grantCount / 100);
		const imported = bundleToSnapshot((await readBundleFiles(run.tarball)).files);
		if (!imported.ok) throw new Error(imported.error.message);
		expect(imported.value.snapshot.key?.grants).toEqual(expectedGrants);
	}, 180_000);

	it('the fake endpoint refuses a page size KMS refuses, as KMS does', async () => {
		for (const [size, constraint] of [
			['101', 'less than or equal to 100'],
			['0', 'greater than or equal to 1'],
		] as const) {
			const refused = await fakeAws(['kms', 'list-grants', '--key-id', keyArn, '--page-size', size]);
			expect(refused.status).toBe(254);
			expect(refused.stderr).toContain(
				`An error occurred (ValidationException) when calling the ListGrants operation: 1 validation error detected: Value '${size}' at 'limit' failed to satisfy constraint: Member must have value ${constraint}`,
			);
		}
		expect(grantCalls()).toEqual([400, 400]);
	}, 60_000);
});
