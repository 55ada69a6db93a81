import {rmSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';
import {readBundleFiles} from '../../source/commands/import.js';
import {bundleToSnapshot} from '../../source/inputs/bundle/index.js';
import {renderCollectScript, validateCollectOptions} from '../../source/outputs/collect-script/index.js';
import type {Question} from '../../source/snapshot/question.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {expectValidSnapshot, notePaths, useFakeAws} from '../support/fake-aws/harness.js';
import {sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {runCollectScriptWithSdk} from '../support/fake-aws-cli-sdk/run-collect-script.js';

/**
 * kms:ListAliases, read live as the collect script reads it for a bundle. KMS API reference, ListAliases:
 * "Cross-account use: No. ListAliases does not return aliases in other AWS accounts." and "Required permissions:
 * kms:ListAliases (IAM policy)".
 */

const base = sameAccountScenario();
const uploadsKey = base.keys![0]!;
// Two aliases on one-alias pages (KMS "might return fewer" than the Limit), so the collector follows NextMarker.
const state = useFakeAws({scenario: () => ({...sameAccountScenario(), listAliases: true, kmsPageSize: 1, keys: [{...uploadsKey, aliases: ['alias/uploads', 'alias/reports']}]}), files: sameAccountFiles, checksS3Region: true});

const keyArn = `arn:aws:kms:${uploadsKey.region}:${uploadsKey.account}:key/${uploadsKey.id}`;
const download = {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'} as const;

const collected = async (question: Question, profile: string): Promise<Snapshot> => {
	const result = await collectSnapshot({question, profile, env: state.home.env});
	if (!result.ok) throw new Error(`collection failed: ${result.error.kind}: ${result.error.message}`);
	expectValidSnapshot(result.value);
	return result.value;
};

const aliasCalls = () => state.fake.calls.filter(call => call.operation === 'ListAliases').map(call => `${call.account}:${call.status}`);

const folders: string[] = [];
afterAll(() => {
	for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});

describe("live collection reads the key's aliases", () => {
	it('lists every alias of a key named by ARN, page by page, from a profile of its account', async () => {
		const snapshot = await collected(download, 'ci');
		expect(snapshot.key).toMatchObject({arn: keyArn, aliases: ['alias/uploads', 'alias/reports']});
		expect(aliasCalls()).toEqual([`${uploadsKey.account}:200`, `${uploadsKey.account}:200`]);
	});

	it('puts the alias the request named first', async () => {
		const snapshot = await collected({operation: 'upload', bucket: 'acme-uploads', objectKey: 'new.csv', kmsKeyId: 'alias/reports'}, 'dev');
		expect(snapshot.key?.aliases).toEqual(['alias/reports', 'alias/uploads']);
		expect(snapshot.question.kmsKeyId).toBe('alias/reports');
	});

	it('keeps the named alias and notes the list as partial when kms:ListAliases is denied (kms:ResourceAliases needs them all)', async () => {
		state.fake.addFault({service: 'kms', operation: 'ListAliases', kind: 'denied'});
		const snapshot = await collected({operation: 'upload', bucket: 'acme-uploads', objectKey: 'new.csv', kmsKeyId: 'alias/uploads'}, 'dev');
		expect(snapshot.key?.aliases).toEqual(['alias/uploads']);
		// A user has no session policy; the member account cannot read its SCPs: that note, and the partial alias list.
		expect(notePaths(snapshot)).toEqual(['key.aliases', 'organization']);
		expect(snapshot.unread?.find(note => note.path === 'key.aliases')).toMatchObject({
			reason: expect.stringMatching(/^only alias\/uploads, the alias the request named, is known: kms:ListAliases: /),
			resolveWith: `kms:ListAliases --key-id ${keyArn} with a profile of the key's account`,
		});
	});

	it('does not ask from another account, where ListAliases cannot answer', async () => {
		// `org` is the management account only: no profile of the key's account is given.
		const snapshot = await collected({operation: 'upload', bucket: 'acme-uploads', objectKey: 'new.csv', kmsKeyId: keyArn}, 'org');
		expect(snapshot.key?.arn).toBe(keyArn);
		expect(snapshot.key).not.toHaveProperty('aliases');
		expect(aliasCalls()).toEqual([]);
	});

	it('finds the same aliases as the collect script and the import of its bundle', async () => {
		const options = validateCollectOptions({operation: download.operation, bucket: download.bucket, objectKey: download.objectKey});
		if (!options.ok) throw new Error(options.error.message);
		const [live, run] = await Promise.all([
			collected(download, 'ci'),
			runCollectScriptWithSdk(renderCollectScript(options.value, {generatedBy: 's3-kms-doctor test'}), {...state.home.env, AWS_PROFILE: 'ci'}),
		]);
		folders.push(run.folder);
		if (run.exitCode !== 0) throw new Error(`the collection script failed (exit ${run.exitCode}): ${run.stderr}`);
		const imported = bundleToSnapshot((await readBundleFiles(run.tarball)).files);
		if (!imported.ok) throw new Error(imported.error.message);
		expect(run.calls.find(call => call.operation === 'ListAliases')?.exit).toBe(0);
		expect(imported.value.snapshot.key?.aliases).toEqual(['alias/uploads', 'alias/reports']);
		expect(imported.value.snapshot.key).toEqual(live.key);
	}, 180_000);
});
