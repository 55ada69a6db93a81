import {describe, expect, it} from 'vitest';
import type {CollectOptions} from '../../source/aws/collect.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {diagnoseRedacted} from '../../source/diagnosis/redacted-diagnosis.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import type {DenialEvidence} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {argvOf} from '../diagnosis/support/fix-checks.js';
import {collectedIn, useFakeAws} from '../support/fake-aws/harness.js';
import {keyArn, type FakeScenario} from '../support/fake-aws/scenario.js';
import {accounts, crossAccountFiles, crossAccountScenario, keys, sharedKey} from '../support/fake-aws/scenarios.js';

/**
 * The reads the report tells the user to run, written in its sentences (what settles a row a pasted AccessDenied message
 * contradicts, an object's ACL), run in the account that owns what they read: where a live collection read that account
 * with a named profile they name it, as a fix's command does; where it did not, or the account is not known, none.
 */

const sharedKeyArn = keyArn(sharedKey);
const denyKmsArn = `arn:aws:iam::${accounts.app}:policy/DenyKms`;
const ownedObject = 'in/partner.json';

// The bucket lets writers own their objects: one object is the key account's.
const scenario = (): FakeScenario => {
	const base = crossAccountScenario();
	return {
		...base,
		buckets: base.buckets!.map(bucket => ({...bucket, ownership: 'ObjectWriter' as const})),
		objects: [...base.objects!, {bucket: 'shared-data', key: ownedObject, encryption: {algorithm: 'aws:kms', kmsKeyId: sharedKeyArn, bucketKey: false}, owner: accounts.security}],
	};
};

const state = useFakeAws({scenario, files: crossAccountFiles, checksS3Region: true});

const upload = {operation: 'upload', bucket: 'shared-data', objectKey: 'out/x.json', kmsKeyId: sharedKeyArn, sizeBytes: 100} as const;
const download = {operation: 'download', bucket: 'shared-data', objectKey: ownedObject} as const;

/** The caller's profile and the key account's: two accounts read with named profiles, the bucket's with none. */
const twoProfiles = {profile: 'app', keyProfile: 'security'} as const;
/** The caller's credentials from the environment, no profile named: no account is read with a named profile. */
const noProfiles = {AWS_ACCESS_KEY_ID: keys.uploader.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.uploader.secretAccessKey, AWS_SESSION_TOKEN: keys.uploader.sessionToken};

// The key policy allows the caller's account, yet the message says no resource-based policy allowed it.
const keyPolicyEvidence: DenialEvidence = {deniedBy: 'resource', action: 'kms:GenerateDataKey', deny: 'implicit', resource: sharedKeyArn};
// The caller's policies allow it, yet the message names a managed policy of the caller's account that denied it.
const identityEvidence: DenialEvidence = {deniedBy: 'identity', action: 'kms:GenerateDataKey', deny: 'explicit', policyArn: denyKmsArn};

const collected = async (options: Omit<CollectOptions, 'env'>, evidence: readonly DenialEvidence[], env: NodeJS.ProcessEnv = {}): Promise<Snapshot> => {
	const snapshot = await collectedIn(state, options, env);
	// As the wizard's live flow keeps a pasted error's evidence beside the reads.
	return evidence.length > 0 ? {...snapshot, evidence: [...evidence]} : snapshot;
};

/** Every text of the diagnosis a user reads a command in: the rows' and the unknowns' reads, the findings' remedies. */
const sentencesOf = (diagnosis: Diagnosis): string[] => [
	...diagnosis.requirements.flatMap(row => (row.resolveWith ? [row.resolveWith] : [])),
	...diagnosis.unknowns.flatMap(note => (note.resolveWith ? [note.resolveWith] : [])),
	...diagnosis.findings.flatMap(finding => (finding.remedy ? [finding.remedy] : [])),
];

/** The words of the `aws SERVICE VERB …` command a sentence holds, up to the `)` or the words that close it. */
const commandIn = (diagnosis: Diagnosis, service: string, verb: string, closing: string): string[] => {
	const start = `aws ${service} ${verb} `;
	const sentence = sentencesOf(diagnosis).find(text => text.includes(start));
	if (!sentence) throw new Error(`no ${start}… among:\n${sentencesOf(diagnosis).join('\n')}`);
	const from = sentence.indexOf(start);
	return argvOf(sentence.slice(from, sentence.indexOf(closing, from)));
};

const profileIn = (argv: readonly string[]): string | undefined => {
	const index = argv.indexOf('--profile');
	return index === -1 ? undefined : argv[index + 1];
};

/** The text report and the markdown report, wide enough that no command is wrapped. */
const reports = (diagnosis: Diagnosis): string[] => [renderText(diagnosis, {color: false, width: 1000}), renderMarkdown(diagnosis)];

const keyPolicyRead = `aws kms get-key-policy --key-id ${sharedKeyArn} --region 'eu-west-1' --policy-name default --query Policy --output text`;
const managedPolicyRead = `aws iam get-policy --policy-arn ${denyKmsArn}`;

describe("a live collection's profiles in the reads the report writes in its sentences", () => {
	it("with the caller's profile and the key account's: the key policy is read with the key's, the caller's managed policy with the caller's", async () => {
		const keyRead = diagnose(await collected({question: upload, ...twoProfiles}, [keyPolicyEvidence]));
		const argv = commandIn(keyRead, 'kms', 'get-key-policy', ')');
		expect(argv.slice(0, 4)).toEqual(['kms', 'get-key-policy', '--key-id', sharedKeyArn]);
		expect(profileIn(argv)).toBe('security');
		for (const report of reports(keyRead)) expect(report).toContain(`${keyPolicyRead} --profile 'security'`);

		const identityRead = diagnose(await collected({question: upload, ...twoProfiles}, [identityEvidence]));
		expect(commandIn(identityRead, 'iam', 'get-policy', ' and its default version')).toEqual(['iam', 'get-policy', '--policy-arn', denyKmsArn, '--profile', 'app']);
		for (const report of reports(identityRead)) expect(report).toContain(`${managedPolicyRead} --profile 'app' and its default version`);
	});

	it("with the bucket's profile too: the bucket policy is read with the bucket's; an object's ACL with its owner's, none where the owner is not known", async () => {
		// The bucket policy lets the caller read, yet the message says no resource-based policy allowed it.
		const bucketEvidence: DenialEvidence = {deniedBy: 'resource', action: 's3:GetObject', deny: 'implicit'};
		const threeProfiles = {...twoProfiles, bucketProfile: 'storage'} as const;
		const bucketRead = diagnose(await collected({question: {...download, objectKey: 'in/data.json'}, ...threeProfiles}, [bucketEvidence]));
		expect(commandIn(bucketRead, 's3api', 'get-bucket-policy', ')')).toEqual(['s3api', 'get-bucket-policy', '--bucket', 'shared-data', '--query', 'Policy', '--output', 'text', '--profile', 'storage']);
		for (const report of reports(bucketRead)) expect(report).toContain("aws s3api get-bucket-policy --bucket shared-data --query Policy --output text --profile 'storage'");
		const snapshot = await collected({question: download, ...threeProfiles}, []);
		const unknownOwner = diagnose(snapshot);
		// The object is another account's, which the reads tell only as not the bucket's: its ACL's read names no profile.
		expect(snapshot.object?.ownedByBucketOwner).toBe(false);
		expect(commandIn(unknownOwner, 's3api', 'get-object-acl', ')')).toEqual(['s3api', 'get-object-acl', '--bucket', 'shared-data', '--key', ownedObject]);
		// Given as the key account's, the ACL is read with that account's profile.
		const given = diagnose({...snapshot, object: {...snapshot.object, ownerAccountId: accounts.security}});
		expect(profileIn(commandIn(given, 's3api', 'get-object-acl', ')'))).toBe('security');
		for (const report of reports(given)) expect(report).toContain(`aws s3api get-object-acl --bucket 'shared-data' --key '${ownedObject}' --profile 'security'`);
	});

	it('a snapshot without profiles (collected with none named, or written without them): the same reads name none', async () => {
		const identity = diagnose(await collected({question: upload}, [identityEvidence], noProfiles));
		expect(profileIn(commandIn(identity, 'iam', 'get-policy', ' and its default version'))).toBeUndefined();
		const read = await collected({question: upload, ...twoProfiles}, [keyPolicyEvidence]);
		const {profiles: _profiles, ...metadata} = read.metadata!;
		const keyRead = diagnose({...read, metadata});
		expect(profileIn(commandIn(keyRead, 'kms', 'get-key-policy', ')'))).toBeUndefined();
		for (const report of reports(identity)) expect(report).toContain(`${managedPolicyRead} and its default version`);
		for (const report of reports(keyRead)) expect(report).toContain(`${keyPolicyRead})`);
		for (const report of [...reports(identity), ...reports(keyRead)]) expect(report).not.toContain('--profile');
	});

	it('--redact replaces the profile names in those reads too', async () => {
		const snapshot = await collected({question: upload, ...twoProfiles}, [keyPolicyEvidence]);
		const {diagnosis} = diagnoseRedacted(snapshot, 'names');
		expect(profileIn(commandIn(diagnosis, 'kms', 'get-key-policy', ')'))).toBe('profile-2');
		for (const report of reports(diagnosis)) {
			expect(report).toContain("--profile 'profile-2'");
			expect(report).not.toMatch(/'security'|'app'/);
		}
	});

	it('a profile name a shell or terminal could misread is never written, though a snapshot built in code skips the schema', async () => {
		const snapshot = await collected({question: upload, ...twoProfiles}, [keyPolicyEvidence]);
		for (const unsafe of ['-sec', 'sec\u001b]52;c;ZWNobyBoaQ==\u0007', 'sec\u202eytiruces']) {
			const named = {...snapshot, metadata: {...snapshot.metadata, profiles: snapshot.metadata!.profiles!.map(profile => (profile.name === 'security' ? {...profile, name: unsafe} : profile))}};
			// A file holding it is refused ...
			expect(parseSnapshot(JSON.stringify(named), 'snapshot.json').ok).toBe(false);
			// ... and a snapshot built in code names no profile for that account.
			const diagnosis = diagnose(named);
			expect(profileIn(commandIn(diagnosis, 'kms', 'get-key-policy', ')'))).toBeUndefined();
			for (const report of reports(diagnosis)) expect(report).not.toMatch(/--profile '?(-sec|sec)/);
		}
	});
});
