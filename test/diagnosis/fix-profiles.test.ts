import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Fix} from '../../source/diagnosis/diagnosis.js';
import {renderText} from '../../source/report/render-text.js';
import {shownCommandIsExact} from '../../source/report/sanitize.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import type {CollectedProfile} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucketArn, buildSnapshot, deny, keyArn, keyArnOf, named, otherAccount, policy, userArn, without} from './support/build-snapshot.js';
import {argvOf} from './support/fix-checks.js';

/**
 * The profile a live collection read the applying account with, passed as `--profile` in every kind of command a fix
 * gives: a grant, a changed request, a boundary's new version; and a profile name is a customer's text like any other.
 */

const keyAdminArn = `arn:aws:iam::${account}:user/key-admin`;
const withProfiles = (snapshot: Snapshot, profiles: readonly CollectedProfile[]): Snapshot => ({...snapshot, metadata: {...snapshot.metadata, collectedBy: 'live', profiles}});

const profileOf = (fix: Fix): string | undefined => {
	const argv = argvOf(fix.command);
	const index = argv.indexOf('--profile');
	return index === -1 ? undefined : argv[index + 1];
};

describe('a grant whose constraint does not fit, the key read with its own profile in the caller\'s account', () => {
	const snapshot = buildSnapshot({
		principal: {identityPolicies: [named('Write', policy(allow('s3:PutObject', `${bucketArn}/*`)))]},
		key: {
			policy: policy(allow('kms:DescribeKey', '*', {Sid: 'Admins', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}})),
			grants: [{granteePrincipal: userArn, operations: ['GenerateDataKey'], constraints: {encryptionContextEquals: {'aws:s3:arn': `${bucketArn}/other.csv`}}}],
		},
	});

	it("both the key policy and the create-grant command name the key's profile, not the caller's of the same account", () => {
		const fixes = diagnose(withProfiles(snapshot, [
			{name: 'dev', arn: userArn, roles: ['caller']},
			{name: 'key-admin', arn: keyAdminArn, roles: ['key']},
		])).fixes;
		expect(fixes.map(fix => [fix.place, profileOf(fix)])).toEqual([['key-policy', 'key-admin'], ['key-grant', 'key-admin']]);
		expect(argvOf(fixes[1]!.command).slice(0, 2)).toEqual(['kms', 'create-grant']);
	});

	it("with the caller's profile only, of the key's account: that one, the account being what matters", () => {
		const fixes = diagnose(withProfiles(snapshot, [{name: 'dev', arn: userArn, roles: ['caller']}])).fixes;
		expect(fixes.map(profileOf)).toEqual(['dev', 'dev']);
	});

	it("with a profile of another account only: none, and the line naming the key's account stays", () => {
		const diagnosis = diagnose(withProfiles(snapshot, [{name: 'elsewhere', arn: 'arn:aws:iam::999999999999:user/x', roles: ['caller', 'key']}]));
		for (const fix of diagnosis.fixes) expect(fix.command).not.toContain('--profile');
		expect(renderText(diagnosis, {color: false})).toContain(`account ${account} (the key's owner)`);
	});
});

describe('a changed request', () => {
	const requireKms = deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'RequireSseKms', Principal: '*', Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption': 'aws:kms'}}});
	const snapshot = without(buildSnapshot({bucket: {policy: policy(allow('s3:GetObject', `${bucketArn}/*`, {Sid: 'Readers', Principal: {AWS: `arn:aws:iam::${account}:root`}}), requireKms)}}), 'question.kmsKeyId');
	const changed = (profiles: readonly CollectedProfile[]): Fix => diagnose(withProfiles(snapshot, profiles)).fixes.find(fix => fix.kind === 'change-request')!;

	it("is sent as the caller: with the profile that is the caller's identity", () => {
		const fix = changed([{name: 'key-admin', arn: keyAdminArn, roles: ['key']}, {name: 'dev', arn: userArn, roles: ['caller']}]);
		expect(argvOf(fix.command).slice(0, 2)).toEqual(['s3', 'cp']);
		expect(profileOf(fix)).toBe('dev');
	});

	it('never with another identity of the same account', () => {
		expect(changed([{name: 'key-admin', arn: keyAdminArn, roles: ['caller', 'key']}]).command).not.toContain('--profile');
	});
});

/** The words of the command that starts at `start` in a sentence and ends before `end`. */
const commandIn = (text: string, start: string, end: string): string[] => argvOf(text.slice(text.indexOf(start), text.indexOf(end)));

describe("a managed policy's versions, listed in the account that writes the new one", () => {
	const managedArn = `arn:aws:iam::${account}:policy/Writers`;
	const snapshot = buildSnapshot({
		principal: {identityPolicies: [named('Writers', policy(allow('s3:PutObject', `${bucketArn}/*`), deny('kms:GenerateDataKey', '*')), managedArn)]},
	});
	const narrowed = (profiles: readonly CollectedProfile[]): Fix => diagnose(withProfiles(snapshot, profiles)).fixes.find(fix => fix.kind === 'narrow-deny' && fix.place === 'identity-policy')!;

	it("the remains' aws iam list-policy-versions names the profile the fix's command names", () => {
		const fix = narrowed([{name: 'key-admin', arn: keyAdminArn, roles: ['key']}, {name: 'dev', arn: userArn, roles: ['caller']}]);
		expect(argvOf(fix.command).slice(0, 2)).toEqual(['iam', 'create-policy-version']);
		expect(profileOf(fix)).toBe('dev');
		expect(commandIn(fix.remains!, 'aws iam list-policy-versions', ' lists them')).toEqual(['iam', 'list-policy-versions', '--policy-arn', managedArn, '--profile', 'dev']);
	});

	it('without a profile of the caller\'s account: none', () => {
		const fix = narrowed([{name: 'elsewhere', arn: `arn:aws:iam::${otherAccount}:user/x`, roles: ['caller']}]);
		expect(commandIn(fix.remains!, 'aws iam list-policy-versions', ' lists them')).toEqual(['iam', 'list-policy-versions', '--policy-arn', managedArn]);
	});
});

describe("a finding's remedy runs in the key's account", () => {
	const foreignKey = keyArnOf(otherAccount);
	const pending = buildSnapshot({question: {kmsKeyId: foreignKey}, bucket: {defaultEncryption: {kmsKeyId: foreignKey}}, key: {arn: foreignKey, keyState: 'PendingDeletion'}});
	const remedy = (snapshot: Snapshot, profiles: readonly CollectedProfile[]): string => diagnose(withProfiles(snapshot, profiles)).findings.find(finding => finding.id.startsWith('key-'))!.remedy!;
	const keyOwner = {name: 'security', arn: `arn:aws:iam::${otherAccount}:user/security-admin`, roles: ['key']} as const;
	const caller = {name: 'dev', arn: userArn, roles: ['caller']} as const;

	it("a key pending deletion: both commands, cancel then enable, with the key account's profile", () => {
		const text = remedy(pending, [caller, keyOwner]);
		const [cancel, enable] = text.split(' && ');
		expect(argvOf(cancel!)).toEqual(['kms', 'cancel-key-deletion', '--key-id', foreignKey, '--region', 'eu-west-1', '--profile', 'security']);
		expect(argvOf(enable!)).toEqual(['kms', 'enable-key', '--key-id', foreignKey, '--region', 'eu-west-1', '--profile', 'security']);
	});

	it("only the caller's profile, of another account than the key's: none", () => {
		expect(remedy(pending, [caller])).toBe(`aws kms cancel-key-deletion --key-id '${foreignKey}' --region 'eu-west-1' && aws kms enable-key --key-id '${foreignKey}' --region 'eu-west-1'`);
	});

	it("a disabled key of the caller's own account: the caller's profile, the only one of that account", () => {
		expect(argvOf(remedy(buildSnapshot({key: {keyState: 'Disabled'}}), [caller, keyOwner]))).toEqual(['kms', 'enable-key', '--key-id', keyArn, '--region', 'eu-west-1', '--profile', 'dev']);
	});
});

describe('a profile name is a customer\'s text', () => {
	const boundaryArn = `arn:aws:iam::${account}:policy/Boundary`;
	const boundary = (arn?: string) => named('Boundary', policy(allow(['s3:GetObject', 's3:PutObject', 'kms:GenerateDataKey'], '*')), arn);
	const sneaky = "o'brien; aws s3 rb s3://victim --force #";
	const download = (arn?: string): Snapshot =>
		withProfiles(without(buildSnapshot({question: {operation: 'download'}, principal: {permissionsBoundary: boundary(arn)}}), 'question.sizeBytes'), [{name: sneaky, arn: userArn, roles: ['caller']}]);

	it('is one shell word, exactly the name, shown as it runs', () => {
		const widen = diagnose(download(boundaryArn)).fixes.find(fix => fix.place === 'permissions-boundary')!;
		expect(argvOf(widen.command)).toEqual(['iam', 'create-policy-version', '--policy-arn', boundaryArn, '--set-as-default', '--policy-document', widen.command.match(/--policy-document '([^']*)'/)![1], '--profile', sneaky]);
		expect(shownCommandIsExact(widen.command)).toBe(true);
	});

	it("is one shell word in a finding's remedy too, shown as it runs", () => {
		const disabled = withProfiles(buildSnapshot({key: {keyState: 'Disabled'}}), [{name: sneaky, arn: userArn, roles: ['caller']}]);
		const remedy = diagnose(disabled).findings.find(finding => finding.id === 'key-disabled')!.remedy!;
		expect(argvOf(remedy)).toEqual(['kms', 'enable-key', '--key-id', keyArn, '--region', 'eu-west-1', '--profile', sneaky]);
		expect(shownCommandIsExact(remedy)).toBe(true);
	});

	it('is never added to a comment standing for a command', () => {
		const widen = diagnose(download()).fixes.find(fix => fix.place === 'permissions-boundary')!;
		expect(widen.command).toBe('# update the permissions boundary "Boundary" with the policy above');
	});

	it.each([
		['a control character', 'dev\u001b[2J'],
		['a line break', 'dev\naws s3 rb s3://victim'],
		['a leading -, which the AWS CLI would read as an option', '--debug'],
		['an invisible character', 'dev\u200b'],
	])('holding %s, refuses the snapshot', (_what, name) => {
		const text = JSON.stringify(withProfiles(buildSnapshot(), [{name, arn: userArn, roles: ['caller']}]));
		const parsed = parseSnapshot(text, 'snapshot.json');
		expect(parsed.ok).toBe(false);
		expect(parsed.ok ? '' : parsed.error.message).toMatch(/^snapshot\.json: metadata\.profiles\[0\]\.name /);
	});
});
