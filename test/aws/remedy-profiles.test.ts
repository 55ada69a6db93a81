import {describe, expect, it} from 'vitest';
import type {CollectOptions} from '../../source/aws/collect.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {argvOf} from '../diagnosis/support/fix-checks.js';
import {collectedIn, useFakeAws} from '../support/fake-aws/harness.js';
import {keyArn, type FakeScenario} from '../support/fake-aws/scenario.js';
import {accounts, crossAccountFiles, crossAccountScenario, keys, sharedKey} from '../support/fake-aws/scenarios.js';

/**
 * Commands a user pastes from other than a fix's command line: a finding's remedy (enable the key) and a fix's `remains`
 * (list the boundary's versions). Each runs in an account too, so where a live collection read that account with a named
 * profile it names that profile, as a fix's command does; where none read it, none is guessed.
 */

const sharedKeyArn = keyArn(sharedKey);
const boundaryArn = `arn:aws:iam::${accounts.app}:policy/UploaderBoundary`;

// The shared key is disabled; the caller's boundary lets it write objects but use no key, so widening it is a fix.
const scenario = (): FakeScenario => {
	const base = crossAccountScenario();
	return {
		...base,
		roles: base.roles!.map(role => ({...role, boundary: boundaryArn})),
		managedPolicies: [
			{arn: boundaryArn, name: 'UploaderBoundary', defaultVersion: 'v1', versions: {v1: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:*', Resource: '*'}]}}},
		],
		keys: [{...sharedKey, state: 'Disabled'}],
	};
};

const state = useFakeAws({scenario, files: crossAccountFiles, checksS3Region: true});

const upload = {operation: 'upload', bucket: 'shared-data', objectKey: 'out/x.json', kmsKeyId: sharedKeyArn, sizeBytes: 100} as const;

const collected = (options: Omit<CollectOptions, 'env'>, env: NodeJS.ProcessEnv = {}): Promise<Snapshot> => collectedIn(state, options, env);

const enableKeyRemedy = (diagnosis: Diagnosis): string[] => {
	const remedy = diagnosis.findings.find(finding => finding.id === 'key-disabled')?.remedy;
	if (!remedy) throw new Error(`no key-disabled finding among ${diagnosis.findings.map(finding => finding.id).join(', ')}`);
	return argvOf(remedy);
};

/** The `aws iam list-policy-versions …` a boundary fix's `remains` names, as its words. */
const listVersions = (diagnosis: Diagnosis): string[] => {
	const remains = diagnosis.fixes.find(fix => fix.place === 'permissions-boundary')?.remains;
	if (!remains) throw new Error(`no permissions-boundary fix with remains among ${diagnosis.fixes.map(fix => fix.place).join(', ')}`);
	return argvOf(remains.slice(remains.indexOf('aws iam list-policy-versions'), remains.indexOf(' lists them')));
};

describe("a live collection's profiles in the commands of findings and of a fix's remains", () => {
	it("the disabled key of another account, read with --key-profile: enabled with the key's profile, not the caller's", async () => {
		const snapshot = await collected({question: upload, profile: 'app', keyProfile: 'security'});
		const diagnosis = diagnose(snapshot);
		expect(enableKeyRemedy(diagnosis)).toEqual(['kms', 'enable-key', '--key-id', sharedKeyArn, '--region', sharedKeyArn.split(':')[3], '--profile', 'security']);
		// The boundary is the caller's: its versions are listed with the caller's profile.
		expect(listVersions(diagnosis)).toEqual(['iam', 'list-policy-versions', '--policy-arn', boundaryArn, '--profile', 'app']);
	});

	it("no profile read the key's account or the caller's: both commands name none", async () => {
		const environment = {AWS_ACCESS_KEY_ID: keys.uploader.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.uploader.secretAccessKey, AWS_SESSION_TOKEN: keys.uploader.sessionToken};
		const snapshot = await collected({question: upload, bucketProfile: 'storage'}, environment);
		expect(snapshot.metadata?.profiles?.map(profile => profile.name)).toEqual(['storage']);
		const diagnosis = diagnose(snapshot);
		// The key's state is read through the caller (the key policy lets its account describe the key).
		expect(enableKeyRemedy(diagnosis)).toEqual(['kms', 'enable-key', '--key-id', sharedKeyArn, '--region', sharedKeyArn.split(':')[3]]);
		expect(listVersions(diagnosis)).toEqual(['iam', 'list-policy-versions', '--policy-arn', boundaryArn]);
	});
});
