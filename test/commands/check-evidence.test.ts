import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Ajv2020} from 'ajv/dist/2020.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {validateSnapshotSchema} from '../../source/snapshot/snapshot-schema.js';
import {allow, buildSnapshot, deny, keyArn, keyArnOf, named, policy, sameAccountDownload, without} from '../diagnosis/support/build-snapshot.js';
import {runBuiltCli} from './run-built-cli.js';

/**
 * `check --snapshot` on a snapshot whose `evidence` (a pasted AccessDenied message: an SCP denied, "with an explicit deny",
 * s3:PutObject) meets SCPs read that may deny it, or that deny it only implicitly: the exit code, the text and the JSON
 * say what the diagnosis says (test/diagnosis/evidence.test.ts), in the built CLI.
 */

const policyArn = 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1';
const fullAccess = named('FullAWSAccess', policy(allow('*', '*')));
const withScps = (scps: NonNullable<NonNullable<Snapshot['organization']>['serviceControlPolicies']>): Snapshot => ({
	...buildSnapshot({organization: {serviceControlPolicies: scps}}),
	evidence: [{deniedBy: 'scp', action: 's3:PutObject', policyArn}],
});
const mayDeny = withScps([[fullAccess], [fullAccess, named('VpceOnly', policy(deny('s3:PutObject', '*', {Sid: 'DenyOffVpce', Condition: {StringNotEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}})))]]);
const implicitOnly = withScps([[fullAccess], [named('KmsOnly', policy(allow('kms:*', '*')))]]);

const schema = JSON.parse(readFileSync(new URL('../../docs/diagnosis.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({strict: true, allowUnionTypes: true}).compile(schema);

let folder = '';
const fileOf = (name: string, snapshot: Snapshot): string => {
	const file = join(folder, name);
	writeFileSync(file, JSON.stringify(snapshot));
	return file;
};
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 's3-kms-doctor-evidence-'));
});
afterAll(() => rmSync(folder, {recursive: true, force: true}));

type Report = {verdict: string; requirements: {place: string; action: string; status: string; decidedBy: string | null; resolveWith?: string}[]; actions: {action: string; decision: string}[]};
const scpRow = (report: Report) => report.requirements.find(row => row.place === 'scp' && row.action === 's3:PutObject');

/** The built CLI's text and JSON reports of one snapshot, each denied (exit 1), the JSON valid against its schema. */
const checkDenied = async (name: string, snapshot: Snapshot): Promise<{text: string; report: Report}> => {
	const file = fileOf(name, snapshot);
	const text = await runBuiltCli(['check', '--snapshot', file]);
	expect(text.exitCode).toBe(1);
	const json = await runBuiltCli(['check', '--snapshot', file, '--format', 'json']);
	expect(json.exitCode).toBe(1);
	const report = JSON.parse(json.stdout) as Report;
	expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
	return {text: text.stdout, report};
};

describe('check --snapshot, a message that says an SCP explicitly denied', () => {
	it('beside a Deny read that may deny: ⛔ denied by the message, naming the likely statement; exit 1', async () => {
		const {text, report} = await checkDenied('may-deny.json', mayDeny);
		expect(text).toMatch(/What the request needs\n {2}⛔ +s3:PutObject +denied/);
		expect(text).toMatch(/Service control policies\n {4}⛔ +s3:PutObject +denied\n/);
		expect(text.replace(/\s+/g, ' ')).toContain('decided by: the pasted AccessDenied message (likely SCP "VpceOnly", Sid "DenyOffVpce", which may deny it as read)');
		expect(report.verdict).toBe('denied');
		expect(scpRow(report)).toMatchObject({status: 'denied', decidedBy: 'the pasted AccessDenied message (likely SCP "VpceOnly", Sid "DenyOffVpce", which may deny it as read)'});
		expect(report.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
	});

	it('beside SCPs read that deny only implicitly: ✘ missing, saying the message may report that or a Deny in the policy it names, with the read that tells; exit 1', async () => {
		const {text, report} = await checkDenied('implicit-only.json', implicitOnly);
		expect(text).toMatch(/Service control policies\n {4}✘ +s3:PutObject +missing\n/);
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain('That is an implicit deny, and no statement read denies s3:PutObject explicitly. The pasted AccessDenied message says');
		expect(flat).toContain('so either it reports this implicit deny, or the policy it names, not read, holds a Deny for s3:PutObject');
		expect(flat).not.toContain('what applies is not what was read');
		expect(scpRow(report)?.resolveWith).toContain('aws organizations describe-policy --policy-id p-examplescp1 shows the one the message names');
		expect(scpRow(report)).toMatchObject({status: 'missing', resolveWith: expect.stringContaining('aws organizations list-policies-for-target --target-id 111122223333')});
	});
});

/**
 * The SCPs not read: "When an SCP denies access, the error message always includes the phrase due to an explicit deny in
 * a Service Control Policy, even if the denial is implicit." (IAM User Guide, "Troubleshooting access denied error
 * messages", github.com/awsdocs/iam-user-guide) The message tells that an SCP denies, not that a Deny does: the row is ✘
 * by the message, never ⛔, in text, markdown and JSON, and the finding names the reads that tell which.
 */
describe('check --snapshot, a message that says an SCP denied "with an explicit deny", the SCPs not read', () => {
	const source = 'the pasted AccessDenied message (a service control policy denies it, by a Deny or by no Allow; their text not read)';

	it('✘ missing by the message, never ⛔, saying AWS words an implicit SCP deny as explicit; exit 1', async () => {
		const unread: Snapshot = {...without(buildSnapshot(), 'organization'), evidence: [{deniedBy: 'scp', action: 's3:PutObject', policyArn}]};
		const {text, report} = await checkDenied('explicit-unread.json', unread);
		const flat = text.replace(/\s+/g, ' ');
		expect(text).toMatch(/What the request needs\n {2}✘ +s3:PutObject +not allowed/);
		expect(text).toMatch(/Service control policies\n {4}✘ +s3:PutObject +missing\n/);
		expect(text).not.toMatch(/⛔ +s3:PutObject/);
		expect(flat).toContain(`decided by: ${source}`);
		expect(flat).toContain('AWS words the denial of a service control policy as an explicit deny even when it is implicit, no SCP allowing the action (IAM User Guide, "Troubleshooting access denied error messages")');
		expect(flat).toContain('an SCP is what denied, by a Deny statement or by a level where none allows s3:PutObject');
		expect(flat).not.toContain('explicitly denied');
		expect(report.verdict).toBe('denied');
		expect(scpRow(report)).toMatchObject({status: 'missing', decidedBy: source, resolveWith: expect.stringContaining('aws organizations describe-policy --policy-id ID for each policy listed')});
		expect(report.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
		const markdown = await runBuiltCli(['check', '--snapshot', fileOf('explicit-unread.json', unread), '--format', 'md']);
		expect(markdown.exitCode).toBe(1);
		expect(markdown.stdout).toContain(`| ✘ | \`s3:PutObject\` | \`arn:aws:s3:::example-bucket/reports/2025/q1.csv\` | missing | ${source} |`);
		expect(markdown.stdout).not.toMatch(/\| ⛔ \| `s3:PutObject`/);
	});
});

/**
 * The same for a message that says no SCP allows s3:PutObject (an implicit deny, `"deny": "implicit"`): where the SCPs
 * read allow it the row is never ✔ beside the message, and where they were not read it is ✘ by the message, never ⛔.
 */
const withImplicit = (snapshot: Snapshot): Snapshot => ({...snapshot, evidence: [{deniedBy: 'scp', action: 's3:PutObject', deny: 'implicit'}]});

describe('check --snapshot, a message that says no SCP allows the action', () => {
	it('beside SCPs read that allow it: ? unknown, never ✔, with the read that settles it; exit 1', async () => {
		const snapshot = withImplicit(buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [fullAccess]]}}));
		expect(validateSnapshotSchema(snapshot), JSON.stringify(validateSnapshotSchema.errors)).toBe(true);
		const {text, report} = await checkDenied('implicit-read-allowing.json', snapshot);
		expect(text).toMatch(/^✘ DENIED/);
		expect(text).toMatch(/Service control policies\n {4}\? +s3:PutObject +unknown\n/);
		expect(text).not.toMatch(/Service control policies\n {4}✔ +s3:PutObject/);
		expect(text.replace(/\s+/g, ' ')).toContain('yet the pasted AccessDenied message says no service control policy allows s3:PutObject.');
		expect(report.verdict).toBe('denied');
		expect(scpRow(report)).toMatchObject({status: 'unknown', decidedBy: null, resolveWith: expect.stringContaining('aws organizations list-policies-for-target --target-id 111122223333')});
		expect(report.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
	});

	it('beside SCPs not read: ✘ missing, decided by the message, never ⛔; exit 1', async () => {
		const {text, report} = await checkDenied('implicit-unread.json', withImplicit(without(buildSnapshot(), 'organization')));
		expect(text).toMatch(/Service control policies\n {4}✘ +s3:PutObject +missing\n/);
		expect(text.replace(/\s+/g, ' ')).toContain('decided by: the pasted AccessDenied message (no service control policy allows it, their text not read)');
		expect(report.verdict).toBe('denied');
		expect(scpRow(report)).toMatchObject({status: 'missing', decidedBy: 'the pasted AccessDenied message (no service control policy allows it, their text not read)'});
		expect(report.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
	});
});

/**
 * The key S3 used not known (a download whose object was not read), the message about its kms:Decrypt: the row the
 * message decides is ✘ by it, its words kept, in text, markdown and JSON; the key's rows stay ? with the read that finds
 * the key. The built CLI gives the same as the diagnosis (test/diagnosis/evidence.test.ts).
 */
describe('check --snapshot, a message about kms:Decrypt while the key S3 used is not known', () => {
	it('✘ missing by the message, with its words, the action not allowed and the key still to read; exit 1', async () => {
		const snapshot: Snapshot = {...without(sameAccountDownload(), 'object', 'key', 'organization'), evidence: [{deniedBy: 'scp', action: 'kms:Decrypt', deny: 'implicit'}]};
		expect(validateSnapshotSchema(snapshot), JSON.stringify(validateSnapshotSchema.errors)).toBe(true);
		const source = 'the pasted AccessDenied message (no service control policy allows it, their text not read)';
		const keyRead = "s3:GetObject on arn:aws:s3:::example-bucket/reports/2025/q1.csv: HeadObject names the object's key (or give the key that encrypted it)";
		const {text, report} = await checkDenied('key-not-read.json', snapshot);
		const flat = text.replace(/\s+/g, ' ');
		expect(text).toMatch(/ {2}✘ +kms:Decrypt +not allowed\n/);
		expect(text.slice(text.indexOf('  Service control policies'))).toMatch(/^ {2}Service control policies[^\n]*\n(?: {4}.*\n| {6,}.*\n)*? {4}✘ +kms:Decrypt +missing\n/);
		expect(flat).toContain(`decided by: ${source}`);
		expect(flat).toContain('The pasted AccessDenied message says no service control policy allows kms:Decrypt.');
		expect(flat).not.toContain('whether the SCPs allow kms:Decrypt on it cannot be told');
		expect(flat).toContain(`resolve with: ${keyRead}`);
		const decrypt = report.requirements.filter(row => row.action === 'kms:Decrypt');
		expect(decrypt.find(row => row.place === 'scp')).toMatchObject({status: 'missing', decidedBy: source});
		expect(decrypt.find(row => row.place === 'key-policy')).toMatchObject({status: 'unknown', resolveWith: keyRead});
		expect(report.actions.find(action => action.action === 'kms:Decrypt')?.decision).toBe('denied');
		const markdown = await runBuiltCli(['check', '--snapshot', fileOf('key-not-read.json', snapshot), '--format', 'md']);
		expect(markdown.exitCode).toBe(1);
		expect(markdown.stdout).toContain(`| ✘ | \`kms:Decrypt\` | \`the key of s3://example-bucket/reports/2025/q1.csv (not read)\` | missing | ${source} |`);
	});
});

/**
 * A message naming the caller's identity-based policies (IAM User Guide, "Troubleshooting access denied error messages":
 * "When the policy implicitly denies access, then AWS includes the phrase because no type policy allows the action action
 * in the access denied error message"): the snapshot schema accepts it, and the built CLI's text, markdown and JSON show
 * its row ✘ by the message where those policies were not read, ⛔ for an explicit deny.
 */
describe('check --snapshot, a message that says no identity-based policy allows kms:GenerateDataKey, the policies not read', () => {
	const source = 'the pasted AccessDenied message (no identity-based policy allows it, their text not read)';
	const identityRow = (report: Report) => report.requirements.find(row => row.place === 'identity-policy' && row.action === 'kms:GenerateDataKey');

	it('✘ missing by the message, with the read that shows the policies; exit 1', async () => {
		const snapshot: Snapshot = {...without(buildSnapshot(), 'principal.identityPolicies'), evidence: [{deniedBy: 'identity', action: 'kms:GenerateDataKey', deny: 'implicit'}]};
		expect(validateSnapshotSchema(snapshot), JSON.stringify(validateSnapshotSchema.errors)).toBe(true);
		const {text, report} = await checkDenied('identity-unread.json', snapshot);
		expect(text).toMatch(/IAM identity policies\n(?: {4}.*\n| {6,}.*\n)*? {4}✘ +kms:GenerateDataKey +missing\n/);
		expect(text.replace(/\s+/g, ' ')).toContain(`decided by: ${source}`);
		expect(report.verdict).toBe('denied');
		expect(identityRow(report)).toMatchObject({status: 'missing', decidedBy: source, resolveWith: expect.stringContaining('iam:ListUserPolicies')});
		expect(report.actions.find(action => action.action === 'kms:GenerateDataKey')?.decision).toBe('denied');
		const markdown = await runBuiltCli(['check', '--snapshot', fileOf('identity-unread.json', snapshot), '--format', 'md']);
		expect(markdown.exitCode).toBe(1);
		expect(markdown.stdout).toMatch(new RegExp(`\\| ✘ \\| \`kms:GenerateDataKey\` \\| \`arn:aws:kms:[^\`]+\` \\| missing \\| ${source.replace(/[()]/g, '\\$&')} \\|`));
	});

	it('"with an explicit deny in an identity-based policy": ⛔ denied by the message; exit 1', async () => {
		const snapshot: Snapshot = {...without(buildSnapshot(), 'principal.identityPolicies'), evidence: [{deniedBy: 'identity', action: 'kms:GenerateDataKey'}]};
		const {text, report} = await checkDenied('identity-unread-explicit.json', snapshot);
		expect(text).toMatch(/IAM identity policies\n(?: {4}.*\n| {6,}.*\n)*? {4}⛔ +kms:GenerateDataKey +denied\n/);
		expect(identityRow(report)).toMatchObject({status: 'denied', decidedBy: 'the pasted AccessDenied message (an identity-based policy, its text not read)'});
	});
});

/**
 * A message naming the caller's permissions boundary or session policy (IAM User Guide, "Troubleshooting access denied
 * error messages": "because no permissions boundary allows the codedeploy:ListDeployments action", "with an explicit deny
 * in a sessions policy"): the snapshot schema accepts it, and the built CLI's text, markdown and JSON show that row ✘ or
 * ⛔ by the message where the policy was not read, and ? (never ✔) where the boundary read allows the action.
 */
describe('check --snapshot, a message naming a permissions boundary or a session policy', () => {
	const boundaryRow = (report: Report) => report.requirements.find(row => row.place === 'permissions-boundary' && row.action === 'kms:GenerateDataKey');

	it('"because no permissions boundary allows", the boundary not read: ✘ missing by the message, with the reads that show it; exit 1', async () => {
		const snapshot: Snapshot = {...without(buildSnapshot(), 'principal.permissionsBoundary'), evidence: [{deniedBy: 'boundary', action: 'kms:GenerateDataKey', deny: 'implicit'}]};
		expect(validateSnapshotSchema(snapshot), JSON.stringify(validateSnapshotSchema.errors)).toBe(true);
		const source = 'the pasted AccessDenied message (no permissions boundary allows it, its text not read)';
		const {text, report} = await checkDenied('boundary-unread.json', snapshot);
		expect(text).toMatch(/Permissions boundary\n(?: {4}.*\n| {6,}.*\n)*? {4}✘ +kms:GenerateDataKey +missing\n/);
		expect(text.replace(/\s+/g, ' ')).toContain(`decided by: ${source}`);
		expect(boundaryRow(report)).toMatchObject({status: 'missing', decidedBy: source, resolveWith: expect.stringContaining('(its PermissionsBoundary names the policy), then iam:GetPolicy and iam:GetPolicyVersion')});
		const markdown = await runBuiltCli(['check', '--snapshot', fileOf('boundary-unread.json', snapshot), '--format', 'md']);
		expect(markdown.exitCode).toBe(1);
		expect(markdown.stdout).toMatch(new RegExp(`\\| ✘ \\| \`kms:GenerateDataKey\` \\| \`arn:aws:kms:[^\`]+\` \\| missing \\| ${source.replace(/[()]/g, '\\$&')} \\|`));
	});

	it('the boundary read to allow: ? unknown in text, markdown and JSON, never ✔; the verdict not allowed', async () => {
		const boundary = named('Boundary', policy(allow(['s3:*', 'kms:*'], '*')));
		const file = fileOf('boundary-allows.json', {...buildSnapshot({principal: {permissionsBoundary: boundary}}), evidence: [{deniedBy: 'boundary', action: 'kms:GenerateDataKey', deny: 'implicit'}]});
		const text = await runBuiltCli(['check', '--snapshot', file]);
		expect(text.stdout).toMatch(/Permissions boundary\n(?: {4}.*\n| {6,}.*\n)*? {4}\? +kms:GenerateDataKey +unknown\n/);
		expect(text.stdout.slice(text.stdout.indexOf('  Permissions boundary'))).not.toMatch(/✔ +kms:GenerateDataKey/);
		const report = JSON.parse((await runBuiltCli(['check', '--snapshot', file, '--format', 'json'])).stdout) as Report;
		expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
		expect(report.verdict).not.toBe('allowed');
		expect(boundaryRow(report)).toMatchObject({status: 'unknown', resolveWith: expect.stringContaining('the permissions boundary read again as it is now')});
		const markdown = await runBuiltCli(['check', '--snapshot', file, '--format', 'md']);
		expect(markdown.stdout).toMatch(/\| \? \| `kms:GenerateDataKey` \| `arn:aws:kms:[^`]+` \| unknown \| [^|]*\| The caller's permissions boundary read allows kms:GenerateDataKey/);
	});

	it('"with an explicit deny in a sessions policy", the session policy not pasted: ⛔ denied by the message, saying AWS cannot read it; exit 1', async () => {
		const session = without(buildSnapshot({principal: {arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/nightly', roleArn: 'arn:aws:iam::111122223333:role/Uploader'}}), 'principal.sessionPolicy');
		const snapshot: Snapshot = {...session, evidence: [{deniedBy: 'session', action: 'kms:GenerateDataKey'}]};
		expect(validateSnapshotSchema(snapshot), JSON.stringify(validateSnapshotSchema.errors)).toBe(true);
		const {text, report} = await checkDenied('session-unread.json', snapshot);
		expect(text).toMatch(/Session policy\n(?: {4}.*\n| {6,}.*\n)*? {4}⛔ +kms:GenerateDataKey +denied\n/);
		expect(text.replace(/\s+/g, ' ')).toContain('The session policy cannot be read from AWS (it is passed when the session is created)');
		expect(report.requirements.find(row => row.place === 'session-policy' && row.action === 'kms:GenerateDataKey')).toMatchObject({
			status: 'denied',
			decidedBy: 'the pasted AccessDenied message (a session policy, its text not read)',
			resolveWith: expect.stringContaining("pasted by the code, tool or identity broker that created the session: AWS cannot read a session policy back"),
		});
	});
});

/**
 * A message about another key than the one the snapshot's download uses (a stale snapshot, a message from another
 * request): AWS's word on that key, not this one. The built CLI applies it to no row, and says so in one sentence in
 * text, markdown and JSON; the exit code is what was read (allowed, 0), never denied by the message.
 */
describe('check --snapshot, a message about kms:Decrypt on another key than the download uses', () => {
	const otherKey = keyArnOf(undefined, undefined, '9999aaaa-99aa-99aa-99aa-9999aaaa9999');
	const sentence = `The pasted AccessDenied message is about kms:Decrypt on ${otherKey}, while this question is about kms:Decrypt on ${keyArn}, so it was not applied: paste the AccessDenied message of this request, or ask about ${otherKey}.`;
	const snapshot: Snapshot = {...sameAccountDownload({organization: {serviceControlPolicies: [[fullAccess]]}}), evidence: [{deniedBy: 'scp', action: 'kms:Decrypt', resource: otherKey}]};

	it('no row is decided by it, the download is allowed (exit 0), and text, markdown and JSON say why in one sentence', async () => {
		expect(validateSnapshotSchema(snapshot), JSON.stringify(validateSnapshotSchema.errors)).toBe(true);
		const file = fileOf('another-key.json', snapshot);
		const text = await runBuiltCli(['check', '--snapshot', file]);
		expect(text.exitCode).toBe(0);
		expect(text.stdout).toMatch(/^✔ ALLOWED/);
		expect(text.stdout).toMatch(/Service control policies\n(?: {4}.*\n| {6,}.*\n)*? {4}✔ +kms:Decrypt +ok\n/);
		expect(text.stdout).not.toContain('decided by: the pasted AccessDenied message');
		expect(text.stdout.replace(/\s+/g, ' ')).toContain(`evidence-about-another-resource ${sentence}`);
		const json = await runBuiltCli(['check', '--snapshot', file, '--format', 'json']);
		expect(json.exitCode).toBe(0);
		const report = JSON.parse(json.stdout) as Report & {findings: {id: string; severity: string; message: string}[]};
		expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
		expect(report.verdict).toBe('allowed');
		expect(report.findings).toEqual([{id: 'evidence-about-another-resource', severity: 'warning', message: sentence}]);
		expect(report.requirements.find(row => row.place === 'scp' && row.action === 'kms:Decrypt')).toMatchObject({status: 'ok'});
		const markdown = await runBuiltCli(['check', '--snapshot', file, '--format', 'md']);
		expect(markdown.exitCode).toBe(0);
		expect(markdown.stdout).toContain(`\`evidence-about-another-resource\`: ${sentence}`);
		expect(markdown.stdout).toContain(`| ✔ | \`kms:Decrypt\` | \`${keyArn}\` | ok |`);
	});
});

/**
 * One rule for every type a message names: AWS's message says what AWS decided for the request, so where what was read
 * allows the action the verdict is still denied (exit 1), the headline says the message and what it contradicts, and the
 * row read ✔ is `?` with the read that settles it. Before, an SCP's message gave DENIED and the others UNKNOWN (exit 3).
 */
describe('check --snapshot, a message that what was read contradicts, of any policy type', () => {
	const withMessage = (snapshot: Snapshot, deniedBy: 'identity' | 'boundary', action = 's3:PutObject'): Snapshot => ({
		...snapshot,
		evidence: [{deniedBy, action, deny: 'implicit'}],
	});
	const cases = [
		{type: 'identity', snapshot: withMessage(buildSnapshot(), 'identity'), says: "no identity-based policy allows s3:PutObject, yet the caller's identity-based policies read allow it"},
		{
			type: 'boundary',
			snapshot: withMessage(buildSnapshot({principal: {permissionsBoundary: named('Boundary', policy(allow(['s3:*', 'kms:*'], '*')))}}), 'boundary'),
			says: "no permissions boundary allows s3:PutObject, yet the caller's permissions boundary read allows it",
		},
	] as const;
	for (const {type, snapshot, says} of cases) {
		it(`${type}: ✘ DENIED, exit 1, the headline saying what the message contradicts; the fixes line points only at what is there`, async () => {
			expect(validateSnapshotSchema(snapshot), JSON.stringify(validateSnapshotSchema.errors)).toBe(true);
			const {text, report} = await checkDenied(`against-read-${type}.json`, snapshot);
			expect(text).toMatch(/^✘ DENIED/);
			expect(text.replace(/\s+/g, ' ')).toContain(`fails: the pasted AccessDenied message says ${says}.`);
			expect(text).toMatch(/What the request needs\n {2}✘ +s3:PutObject +not allowed/);
			expect(report.verdict).toBe('denied');
			expect(report.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
			// No finding of its own: the fixes section names the unknowns only, never a findings section that says "None."
			expect(text).toMatch(/Findings\n {2}None\./);
			expect(text).toContain('None: no policy change alone was found to fix this; see the unknowns.');
		});
	}
});
