import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {safeName} from '../../../source/inputs/bundle/index.js';
import {cksum, fileNameLimit, legacyReplicaKeyPrefix, managedPolicyFileName, namePart, namePartAround, replicaKeyPrefix, stems} from '../../../source/inputs/bundle/bundle-layout.js';
import {scriptHelpers} from '../../../source/outputs/collect-script/script-helpers.js';
import {renderCollectScript, validateCollectOptions, type CollectScriptInput} from '../../../source/outputs/collect-script/index.js';
import {runCollectScript} from '../../support/fake-aws-cli/run-collect-script.js';

const render = (input: CollectScriptInput): string => {
	const options = validateCollectOptions(input);
	if (!options.ok) throw new Error(options.error.message);
	return renderCollectScript(options.value, {generatedBy: 's3-kms-doctor test', generatedAt: '2024-06-01T00:00:00Z'});
};

const variants: Record<string, CollectScriptInput> = {
	upload: {operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'backups/db.tar', sizeBytes: '2GiB'},
	'upload with key and principal': {
		operation: 'upload',
		bucket: 'amzn-s3-demo-bucket',
		objectKey: 'a',
		kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
		principal: 'arn:aws:iam::111122223333:role/Uploader',
		region: 'eu-west-1',
	},
	download: {operation: 'download', bucket: 'amzn-s3-demo-bucket', objectKey: 'reports/q2.csv'},
	copy: {operation: 'copy', bucket: 'amzn-s3-demo-bucket', objectKey: 'copy.bin', sourceBucket: 'amzn-s3-demo-source', sourceKey: 'orig.bin'},
	'a Glue job reading with its role': {operation: 'service-read', bucket: 'amzn-s3-demo-bucket', objectKey: 'orders/a.json', service: 'glue', serviceRole: 'arn:aws:iam::111122223333:role/GlueJob'},
	replication: {operation: 'replication', bucket: 'amzn-s3-demo-replica', objectKey: 'Tax/a.pdf', sourceBucket: 'amzn-s3-demo-source', replicationRule: "it's $(touch pwned)"},
};

const readOnlyCommand = /^(get|list|describe|head)-[a-z-]+$/;

/** Every AWS CLI command the script can run: the service and command of each `collect` line, and any direct `aws` call. */
const awsCommands = (script: string): Array<{service: string; command: string; line: string}> => {
	const found: Array<{service: string; command: string; line: string}> = [];
	for (const line of script.split('\n')) {
		const code = line.replace(/^\s*#.*$/, '');
		const collect = /^\s*collect\s+\S+\s+'[^']*'\s+(\S+)\s+(\S+)/.exec(code);
		if (collect) found.push({service: collect[1]!, command: collect[2]!, line});
		// A command position: the line's start, after a pipe, `;`, `&&`, `||` or inside `$(…)`; not words in a message.
		for (const direct of code.matchAll(/(?:^\s*|\$\(\s*|[|;&]\s*)aws\s+(\S+)(?:\s+(\S+))?/g)) found.push({service: direct[1]!, command: direct[2] ?? '', line});
	}
	return found;
};

describe('renderCollectScript', () => {
	it.each(Object.entries(variants))('%s: runs only get/list/describe/head commands', (_name, input) => {
		const script = render(input);
		const commands = awsCommands(script);
		expect(commands.filter(call => call.service !== '"$@"').length).toBeGreaterThan(15);
		// collect() is the one place that runs aws with arguments it is given; `aws --version` only reads the CLI.
		expect(commands.filter(call => call.service === '"$@"')).toHaveLength(2);
		expect(commands.filter(call => call.service === '--version')).toHaveLength(1);
		for (const {service, command, line} of commands) {
			// collect() runs `aws "$@"` with what its callers give it (checked here); the manifest records `aws --version`.
			if (service === '"$@"' || service === '--version') continue;
			expect(`${service} ${command}`, line).toMatch(/^(sts|iam|kms|s3api|organizations) /);
			expect(command, line).toMatch(readOnlyCommand);
		}
		expect(script).not.toMatch(/\b(put|delete|create|update|attach|detach|enable|disable|schedule|cancel|tag|untag)-[a-z-]+/);
	});

	it('the scan sees a write command wherever it hides', () => {
		const tampered = `collect x 'p' s3api put-object --bucket b\nfoo=$(aws kms schedule-key-deletion --key-id k)\ntrue && aws s3api delete-bucket-policy --bucket b`;
		expect(awsCommands(tampered).map(call => call.command)).toEqual(['put-object', 'schedule-key-deletion', 'delete-bucket-policy']);
	});

	it.each(Object.entries(variants))('%s: comments every call with its purpose and permission, and parses as sh', (_name, input) => {
		const script = render(input);
		const lines = script.split('\n');
		lines.forEach((line, index) => {
			if (/^\s*collect\s/.test(line)) expect(lines[index - 1], line).toMatch(/^\s*# [A-Z].*\. Needs: (none|[a-z0-9]+:[A-Za-z]+)/);
		});
		const file = path.join(mkdtempSync(path.join(tmpdir(), 's3kd-syntax-')), 'collect.sh');
		writeFileSync(file, script);
		expect(() => execFileSync('sh', ['-n', file])).not.toThrow();
	});

	it('writes the question into the script as data: quoted variables and a quoted here-document', () => {
		const script = render({operation: 'download', bucket: 'amzn-s3-demo-bucket', objectKey: "it's $(touch pwned) `x` \"q\" *.csv"});
		expect(script).toContain(`object_key='it'\\''s $(touch pwned) \`x\` "q" *.csv'`);
		expect(script).toContain("<<'S3_KMS_DOCTOR_QUESTION'");
		expect(script).toContain('"objectKey":"it\'s $(touch pwned) `x` \\"q\\" *.csv"');
		expect(script).toMatch(/^set -u$/m);
	});

	it('passes a hostile object key to aws unchanged and runs nothing inside it', async () => {
		const objectKey = "it's $(touch pwned) `touch pwned2` \"q\" *.csv";
		const run = await runCollectScript(
			render({operation: 'download', bucket: 'amzn-s3-demo-reports', objectKey}),
			fileURLToPath(new URL('../../fixtures/bundle/download-user-cross-account-key.json', import.meta.url)),
		);
		expect(run.exitCode).toBe(0);
		const head = run.calls.find(call => call.argv[1] === 'head-object');
		// One word `--key=VALUE`: a key that starts with `--` stays the key's value, never an option of aws.
		expect(head?.argv).toEqual(['s3api', 'head-object', '--bucket', 'amzn-s3-demo-reports', `--key=${objectKey}`, '--region', 'us-east-1', '--output', 'json']);
		expect(existsSync(path.join(run.folder, 'pwned'))).toBe(false);
		expect(existsSync(path.join(run.folder, 'pwned2'))).toBe(false);
	}, 90_000); // the whole script, a Node process per aws call: a busy machine needs more than the default 20 s

	it('names the folder by date when S3_KMS_DOCTOR_BUNDLE is not set, and refuses to overwrite it', async () => {
		const fixture = fileURLToPath(new URL('../../fixtures/bundle/no-credentials.json', import.meta.url));
		const run = await runCollectScript(render(variants['upload']!), fixture, {S3_KMS_DOCTOR_BUNDLE: ''});
		expect(run.stdout).toMatch(/Collecting into s3-kms-doctor-bundle-\d{8}T\d{6}Z\//);
		const existing = await runCollectScript(render(variants['upload']!), fixture, {S3_KMS_DOCTOR_BUNDLE: '.'});
		expect(existing.exitCode).toBe(2);
		expect(existing.stderr).toMatch(/already exists/);
	});

	it('reads the key from the bucket default on upload, from the object on download, and both on copy', () => {
		expect(render(variants['upload']!)).toMatch(/key_id=\$kms_key_id\n\[ -n "\$key_id" \] \|\| key_id=\$\(json_values KMSMasterKeyID/);
		expect(render(variants['download']!)).toMatch(/key_id=\$\(json_values SSEKMSKeyId "\$bundle\/s3api-head-object.json"/);
		const copy = render(variants['copy']!);
		expect(copy).toContain('s3api head-object --bucket "$source_bucket" --key="$source_key"');
		expect(copy).toContain(`collect_key 'source.' "$source_key_id"`);
		expect(render(variants['upload']!)).not.toContain('head-object --bucket');
	});
});

describe("the header's command to run the script", () => {
	const options = validateCollectOptions(variants['upload']!);
	if (!options.ok) throw new Error(options.error.message);
	const runLine = (fileName?: string): string | undefined =>
		renderCollectScript(options.value, fileName === undefined ? {} : {fileName})
			.split('\n')
			.find(line => line.startsWith('#   AWS_PROFILE='));

	it.each([
		['collect.sh', "#   AWS_PROFILE=your-profile sh 'collect.sh'"],
		["it's $(id).sh", "#   AWS_PROFILE=your-profile sh 'it'\\''s $(id).sh'"],
		// sh would take a name starting with - for an option.
		['-x.sh', "#   AWS_PROFILE=your-profile sh './-x.sh'"],
		['a\u001b]0;t\u0007\nrm -rf ~.sh', "#   AWS_PROFILE=your-profile sh 'a\\u001b]0;t\\u0007\\nrm -rf ~.sh'"],
	])('names %j as one quoted word, its control characters shown as escapes', (fileName, line) => {
		expect(runLine(fileName)).toBe(line);
	});

	it('keeps a placeholder when the script is printed, its file name unknown', () => {
		expect(runLine()).toBe('#   AWS_PROFILE=your-profile sh <this file>');
	});
});

describe('renderCollectScript --operation replication', () => {
	const script = render(variants['replication']!);

	it('reads the source bucket\'s configuration first and takes its role as the principal, unless --principal names one', () => {
		const configuration = script.indexOf('s3api get-bucket-replication --bucket "$source_bucket"');
		expect(configuration).toBeGreaterThan(script.indexOf('sts get-caller-identity'));
		expect(configuration).toBeLessThan(script.indexOf('iam get-role'));
		expect(script).toContain('[ -n "$principal_arn" ] || principal_arn=$(json_values Role "$bundle/source.s3api-get-bucket-replication.json" | head -n 1)');
		// Never the caller: whoever runs the script is not the role S3 assumes.
		expect(script).not.toContain('principal_arn=$caller_arn');
		expect(script).toContain('skip iam "the principal is not known: the replication configuration names no role');
	});

	it('reads both buckets\' versioning, the source object, and every distinct replica key, bounded', () => {
		expect(script).toContain('s3api get-bucket-versioning --bucket "$bucket"');
		expect(script).toContain('s3api get-bucket-versioning --bucket "$source_bucket"');
		expect(script).toContain('s3api head-object --bucket "$source_bucket" --key="$source_key"');
		expect(script).not.toContain('s3api head-object --bucket "$bucket"');
		expect(script).toContain('replica_keys=$(json_values ReplicaKmsKeyID "$bundle/source.s3api-get-bucket-replication.json" | sort -u)');
		expect(script).toContain(`printf '%s\\n' "$replica_keys" | head -n 10 | while IFS= read -r replica_key; do`);
		expect(script).toContain(`collect_key "replica.$(name_part "$replica_key" ${namePartAround.replicaKey} always)." "$replica_key"`);
		// Not the bucket default: S3 encrypts a replica with the rule's key.
		expect(script).not.toContain('key_id=$(json_values KMSMasterKeyID');
	});

	it('carries the rule ID only in question.json, as data', () => {
		expect(script).toContain('"replicationRule":"it\'s $(touch pwned)"');
		expect(script.split('\n').filter(line => line.includes('touch pwned') && !line.startsWith('{'))).toEqual([]);
	});

	it('other operations read neither replication nor versioning', () => {
		for (const name of ['upload', 'download', 'copy']) {
			expect(render(variants[name]!)).not.toMatch(/get-bucket-replication|get-bucket-versioning|ReplicaKmsKeyID/);
		}
	});
});

describe('safeName', () => {
	it.each(['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'Policy+=,.@-_Name', 'päss wörd/ü', 'p-FullAWSAccess'])(
		'gives %j the same file name as the script does',
		value => {
			const fromShell = execFileSync('sh', ['-c', `printf '%s' "$1" | tr -c 'A-Za-z0-9._=+@,-' '_'`, 'sh', value], {env: {...process.env, LC_ALL: 'C'}}).toString();
			expect(safeName(value)).toBe(fromShell);
		},
	);
});

describe('managedPolicyFileName', () => {
	const colliding = ['arn:aws:iam::111122223333:policy/a/b', 'arn:aws:iam::111122223333:policy/a_b', 'arn:aws:iam::111122223333:policy/a:b'];

	it.each([...colliding, 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::111122223333:policy/päss/wörd', ''])(
		'gives %j the same file name as the script\'s policy_file does',
		arn => {
			const fromShell = execFileSync('sh', ['-c', `${scriptHelpers}\npolicy_file "$1"`, 'sh', arn], {env: {...process.env, LC_ALL: 'C'}}).toString();
			expect(managedPolicyFileName(arn)).toBe(fromShell);
		},
	);

	it('gives ARNs with one safe name each their own file name', () => {
		expect(new Set(colliding.map(safeName)).size).toBe(1);
		expect(new Set(colliding.map(managedPolicyFileName)).size).toBe(colliding.length);
	});
});

describe('a file of its own for every subject a bundle names', () => {
	// GetGroupPolicy's GroupName and PolicyName alike: "You can also include any of the following characters: _+=,.@-".
	it("group data's policy readers.kms and group data.readers's policy kms: a ~, which no IAM name holds, parts the names", () => {
		expect(stems.legacyGroupPolicy('data', 'readers.kms')).toBe(stems.legacyGroupPolicy('data.readers', 'kms'));
		expect(stems.groupPolicy('data', 'readers.kms')).toBe('iam-get-group-policy.data~readers.kms');
		expect(stems.groupPolicy('data.readers', 'kms')).toBe('iam-get-group-policy.data.readers~kms');
	});

	// KMS's alias: "It can contain only alphanumeric characters, forward slashes (/), underscores (_), and dashes (-)."
	it('replica keys named by aliases alias/tax/eu and alias/tax_eu: the cksum of the name as the rule gives it parts them', () => {
		const [slash, underscore] = ['arn:aws:kms:us-east-1:444455556666:alias/tax/eu', 'arn:aws:kms:us-east-1:444455556666:alias/tax_eu'];
		expect(legacyReplicaKeyPrefix(slash)).toBe(legacyReplicaKeyPrefix(underscore));
		expect(replicaKeyPrefix(slash)).not.toBe(replicaKeyPrefix(underscore));
	});
});

/** IAM's longest: a path of 512 characters (beginning and ending with /) and a policy, group or inline policy name of 128. */
const longPath = `/${Array.from({length: 16}, (_, index) => `unit-${String(index).padStart(2, '0')}`.padEnd(30, '-')).join('/')}/`;
const longManagedArn = (name: string): string => `arn:aws-us-gov:iam::111122223333:policy${longPath}${name}`;
const name128 = (start: string): string => start.padEnd(128, 'x');
const fileNameBytes = (stem: string): number => Buffer.byteLength(`${stem}.stderr`);

describe('file names the longest names AWS allows', () => {
	const nameOfShell = (value: string, around: number, checksum: string, mark?: string): string =>
		execFileSync('sh', ['-c', `${scriptHelpers}\nname_part "$@"`, 'sh', value, String(around), checksum, ...(mark === undefined ? [] : [mark])], {env: {...process.env, LC_ALL: 'C'}}).toString();

	it('keep a name that fits whole', () => {
		expect(managedPolicyFileName('arn:aws:iam::111122223333:policy/teams/BackupTagging')).toBe('arn_aws_iam__111122223333_policy_teams_BackupTagging.2206617383');
		expect(stems.managedPolicyVersion('arn:aws:iam::111122223333:policy/DeveloperBoundary')).toBe('iam-get-policy-version.arn_aws_iam__111122223333_policy_DeveloperBoundary.1860014847');
		expect(stems.groupPolicy('data-readers', 'ReadReports')).toBe('iam-get-group-policy.data-readers~ReadReports');
		expect(stems.legacyGroupPolicy('data-readers', 'ReadReports')).toBe('iam-get-group-policy.data-readers.ReadReports');
		expect(stems.inlinePolicy('role', name128('Inline'))).toBe(`iam-get-role-policy.${name128('Inline')}`);
		const keyArn = 'arn:aws:kms:us-east-1:444455556666:key/2222bbbb-22bb-22bb-22bb-222222222222';
		expect(replicaKeyPrefix(keyArn)).toBe(`replica.arn_aws_kms_us-east-1_444455556666_key_2222bbbb-22bb-22bb-22bb-222222222222.${cksum(keyArn)}.`);
		expect(legacyReplicaKeyPrefix(keyArn)).toBe('replica.arn_aws_kms_us-east-1_444455556666_key_2222bbbb-22bb-22bb-22bb-222222222222.');
		// The longest group policy name that fits beside a group name of 128 is 98 characters: iam-get-group-policy.G~P.stderr is 255 bytes.
		expect(stems.groupPolicy(name128('Group'), 'P'.repeat(98))).toBe(`iam-get-group-policy.${name128('Group')}~${'P'.repeat(98)}`);
	});

	it('cut what would pass 255 bytes, and keep names cut alike apart by the cksum of the whole name', () => {
		const arns = [longManagedArn(name128('Policy-one')), longManagedArn(name128('Policy-two'))];
		const group = name128('Group');
		const policies = [name128('Inline-one'), name128('Inline-two'), 'P'.repeat(99)];
		const aliasArns = [`arn:aws:kms:ap-southeast-2:111122223333:alias/${'a'.repeat(250)}`, `arn:aws:kms:ap-southeast-2:111122223333:alias/${'a'.repeat(249)}b`];
		const names = [
			...arns.flatMap(arn => [stems.managedPolicy(arn), stems.managedPolicyVersion(arn)]),
			...policies.map(policy => stems.groupPolicy(group, policy)),
			...aliasArns.flatMap(alias => ['kms-describe-key', 'kms-get-key-policy', 'kms-list-grants', 'kms-list-aliases'].map(stem => `${replicaKeyPrefix(alias)}${stem}`)),
		];
		expect(Math.max(...names.map(fileNameBytes))).toBe(fileNameLimit);
		expect(new Set(names).size).toBe(names.length);
		const cut = stems.groupPolicy(group, policies[2]!);
		expect(cut.startsWith(`iam-get-group-policy.${group}~PPP`)).toBe(true);
		expect(cut.endsWith(`P~${cksum(policies[2]!)}`)).toBe(true);
		expect(fileNameBytes(cut)).toBe(fileNameLimit);
	});

	it("never make a cut group policy name another policy's whole one: the cksum follows a ~, which no IAM name holds", () => {
		const group = name128('Group');
		const long = 'P'.repeat(99);
		// Policy names may hold dots and digits: one named as an older script cut `long` took its file name.
		const namedAsCut = namePart(long, namePartAround.groupPolicy + group.length, 'when-cut');
		expect(stems.legacyGroupPolicy(group, namedAsCut)).toBe(stems.legacyGroupPolicy(group, long));
		expect(stems.groupPolicy(group, namedAsCut)).not.toBe(stems.groupPolicy(group, long));
	});

	it.each<[string, number, 'always' | 'when-cut', string?]>([
		[longManagedArn(name128('Policy')), namePartAround.managedPolicy, 'always'],
		['arn:aws:iam::111122223333:policy/'.padEnd(214, 'n'), namePartAround.managedPolicy, 'always'],
		['arn:aws:iam::111122223333:policy/'.padEnd(215, 'n'), namePartAround.managedPolicy, 'always'],
		[`${'P'.repeat(97)}/ü`, namePartAround.groupPolicy + 128, 'when-cut'],
		['P'.repeat(98), namePartAround.groupPolicy + 128, 'when-cut'],
		['P'.repeat(99), namePartAround.groupPolicy + 128, 'when-cut'],
		[name128('Policy'), namePartAround.groupPolicy + 128, 'when-cut'],
		['P'.repeat(98), namePartAround.groupPolicy + 128, 'when-cut', '~'],
		[name128('Policy'), namePartAround.groupPolicy + 128, 'when-cut', '~'],
		[`arn:aws:kms:ap-southeast-2:111122223333:alias/${'a'.repeat(250)}`, namePartAround.replicaKey, 'when-cut'],
		[`arn:aws:kms:ap-southeast-2:111122223333:alias/${'a'.repeat(250)}`, namePartAround.replicaKey, 'always'],
		['arn:aws:kms:us-east-1:111122223333:alias/a/b', namePartAround.replicaKey, 'always'],
		['', namePartAround.replicaKey, 'when-cut'],
		['x', 300, 'when-cut'],
	])('the script\'s name_part gives %j (around %i, checksum %s, mark %s) the part namePart does', (value, around, checksum, mark) => {
		expect(namePart(value, around, checksum, mark)).toBe(nameOfShell(value, around, checksum, mark));
	});
});

describe('validateCollectOptions', () => {
	it.each<[CollectScriptInput, RegExp]>([
		[{bucket: 'b', objectKey: 'k'}, /--operation is required/],
		[{operation: 'delete', bucket: 'amzn-s3-demo-bucket', objectKey: 'k'}, /not one of upload, download, copy/],
		[{operation: 'upload', objectKey: 'k'}, /--bucket is required/],
		[{operation: 'upload', bucket: 's3://amzn-s3-demo-bucket/k', objectKey: 'k'}, /not an s3:\/\/ URL: use amzn-s3-demo-bucket/],
		[{operation: 'upload', bucket: 'arn:aws:s3:::amzn-s3-demo-bucket', objectKey: 'k'}, /not an ARN: use amzn-s3-demo-bucket/],
		[{operation: 'upload', bucket: 'my bucket', objectKey: 'k'}, /is not a bucket name/],
		[{operation: 'upload', bucket: 'amzn-s3-demo-bucket'}, /--key is required/],
		[{operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'a\nb'}, /control or invisible character/],
		// C1's CSI (U+009B) starts a terminal sequence on its own; U+202E reverses what the customer reads.
		[{operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'k\u009b31mRED'}, /--key holds a control or invisible character/],
		[{operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'invoice-\u202efdp.exe'}, /--key holds a control or invisible character/],
		[{operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', kmsKeyId: 'my key'}, /--kms-key-id "my key" is not a key ID/],
		[{operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', principal: 'Uploader'}, /--principal "Uploader" is not an IAM user, role or assumed-role ARN/],
		[{operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', region: 'Ireland'}, /--region "Ireland"/],
		[{operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', sizeBytes: 'big'}, /--size "big" is not a size/],
		[{operation: 'copy', bucket: 'amzn-s3-demo-bucket', objectKey: 'k'}, /needs --source-bucket and --source-key/],
		[{operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', sourceBucket: 'x'}, /only for --operation copy/],
		[{operation: 'replication', bucket: 'amzn-s3-demo-bucket', objectKey: 'k'}, /^--operation replication needs --source-bucket \(the bucket with the replication rule\)$/],
		[{operation: 'download', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', replicationRule: 'tax'}, /^--replication-rule names the rule of a replication/],
		[{operation: 'replication', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', sourceBucket: 'amzn-s3-demo-source', replicationRule: ' '}, /--replication-rule is empty/],
		[{operation: 'replication', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', sourceBucket: 'amzn-s3-demo-source', replicationRule: 'a\nb'}, /--replication-rule holds a control or invisible character/],
		[{operation: 'replication', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', sourceBucket: 'amzn-s3-demo-source', replicationRule: 'tax\u200b'}, /--replication-rule holds a control or invisible character/],
		[{operation: 'replication', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', sourceBucket: 'amzn-s3-demo-source', replicationRule: 'r'.repeat(256)}, /longer than the 255 characters/],
	])('refuses %j', (input, message) => {
		const result = validateCollectOptions(input);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.message).toMatch(message);
	});

	it.each(['1234abcd-12ab-34cd-56ef-1234567890ab', 'alias/backups', 'mrk-1234abcd12ab34cd56ef1234567890ab', 'arn:aws:kms:eu-west-1:111122223333:alias/backups'])(
		'accepts the key id %s',
		kmsKeyId => {
			expect(validateCollectOptions({operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', kmsKeyId}).ok).toBe(true);
		},
	);

	it.each<[CollectScriptInput, RegExp]>([
		[{operation: 'download', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', service: 'glue'}, /--service and --service-role name the AWS service .* --operation service-read or service-write/],
		[{operation: 'service-read', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', service: 'kinesis'}, /--service "kinesis" is not one of athena, glue/],
		[{operation: 'service-read', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', service: 'athena', serviceRole: 'arn:aws:iam::111122223333:role/R'}, /does not apply to athena/],
		[{operation: 'service-read', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', service: 'glue', serviceRole: 'arn:aws:iam::111122223333:user/u'}, /is not an IAM role ARN/],
		[{operation: 'service-read', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', service: 'glue', serviceRole: 'arn:aws:iam::111122223333:role/R', principal: 'arn:aws:iam::111122223333:user/u'}, /two principals/],
		[{operation: 'service-read', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', serviceRole: 'arn:aws:iam::111122223333:role/R'}, /--service-role needs --service/],
	])('refuses the service %j', (input, message) => {
		const result = validateCollectOptions(input);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.message).toMatch(message);
	});

	it("a service's role is the principal the script reads, and question.json carries the service", () => {
		const role = 'arn:aws:iam::111122223333:role/GlueJob';
		const result = validateCollectOptions({operation: 'service-read', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', service: 'glue', serviceRole: role});
		expect(result.ok && result.value).toMatchObject({principal: role, service: {name: 'glue', roleArn: role}});
		const script = render({operation: 'service-read', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', service: 'glue', serviceRole: role});
		expect(script).toContain(`principal_arn='${role}'`);
		expect(script).toContain('"service":{"name":"glue","roleArn":"arn:aws:iam::111122223333:role/GlueJob"}');
	});

	it('replication: the source object is --key unless --source-key names it, as check takes it', () => {
		const result = validateCollectOptions({operation: 'replication', bucket: 'amzn-s3-demo-replica', objectKey: 'Tax/a.pdf', sourceBucket: 'amzn-s3-demo-source'});
		expect(result.ok && result.value).toMatchObject({source: {bucket: 'amzn-s3-demo-source', objectKey: 'Tax/a.pdf'}});
		expect(result.ok && result.value).not.toHaveProperty('principal');
	});

	it('reads sizes as check does', () => {
		const result = validateCollectOptions({operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'k', sizeBytes: '100MiB'});
		expect(result.ok && result.value.sizeBytes).toBe(104_857_600);
	});
});
