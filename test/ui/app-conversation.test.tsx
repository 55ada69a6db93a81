import {afterEach, describe, expect, it} from 'vitest';
import {copiedCommand} from './helpers/copied-command.js';
import {argvOf} from '../diagnosis/support/fix-checks.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {err, ok} from '../../source/shared/result.js';
import {WizardApp} from '../../source/ui/app.js';
import type {ProfileInfo, ReadProgress} from '../../source/ui/services.js';
import {fakeServices, loadExample, type FakeOptions} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const start = (options: FakeOptions = {}, savedName?: string, size = {columns: 100, rows: 40}) => {
	const fake = fakeServices(options);
	app = renderApp(<WizardApp services={fake.services} {...(savedName ? {savedName} : {})} />, size);
	return {fake, app};
};

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** From the first question through "No credentials: paste the policies" to the key's ARN. */
const answerTarget = async (rendered: Rendered): Promise<void> => {
	await rendered.waitFor(frame => frame.includes('How shall we look'), 'the first question');
	await rendered.press(keys.enter);
	await rendered.waitFor(frame => frame.includes('What fails?'), 'the operation question');
	await rendered.press(keys.enter);
	await rendered.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
	await rendered.paste('s3://reports-bucket/exports/big.csv');
	await rendered.press(keys.enter);
	await rendered.waitFor(frame => frame.includes('name a KMS key'), 'the key question');
	await rendered.press(keys.down, keys.enter);
	await rendered.waitFor(frame => frame.includes('Which key does the request name?'), 'the key ARN question');
	await rendered.paste(keyArn);
	await rendered.press(keys.enter);
};

/** A profile list that arrives only when the test says so, as a slow ~/.aws would. */
const slowProfiles = () => {
	let release: (profiles: readonly ProfileInfo[]) => void = () => undefined;
	const profiles = new Promise<readonly ProfileInfo[]>(resolve => {
		release = resolve;
	});
	return {listProfiles: () => profiles, release: (list: readonly ProfileInfo[]) => release(list)};
};

describe('the first question', () => {
	it('is drawn before the profiles are read, and keys pressed meanwhile still count', async () => {
		const fake = fakeServices();
		const slow = slowProfiles();
		app = renderApp(<WizardApp services={{...fake.services, listProfiles: slow.listProfiles}} settings={{recentTargets: [], savedChecks: {}}} />);
		let frame = await app.waitFor(frame => frame.includes('How shall we look at the failing request?'), 'the first question');
		expect(frame).toContain('reading profiles…');
		expect(frame).toContain('› No credentials: paste the policies');
		expect(app.frames().some(each => each.includes('Reading your AWS profiles'))).toBe(false);
		await app.press(keys.down);
		await app.waitFor(frame => frame.includes('› Paste an AccessDenied error'), 'the focus moved');
		slow.release([{name: 'dev', region: 'eu-west-1'}]);
		frame = await app.waitFor(frame => frame.includes('Which AWS profile makes the failing request?'), 'the profiles');
		expect(frame).toContain('Profile dev');
		expect(frame).not.toContain('reading profiles…');
		// The option the user moved to keeps the focus when the profiles are added above it.
		expect(frame).toContain('› Paste an AccessDenied error');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Paste the AccessDenied error message'), 'the error question');
	});

	it('can be answered before the profiles arrive', async () => {
		const fake = fakeServices();
		const slow = slowProfiles();
		app = renderApp(<WizardApp services={{...fake.services, listProfiles: slow.listProfiles}} settings={{recentTargets: [], savedChecks: {}}} />);
		await app.waitFor(frame => frame.includes('reading profiles…'), 'the first question');
		await app.press(keys.enter);
		let frame = await app.waitFor(frame => frame.includes('What fails?'), 'the operation question');
		expect(frame).toContain('✔ Start with: No credentials: paste the policies');
		slow.release([{name: 'dev'}]);
		await app.press(keys.enter);
		frame = await app.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		expect(frame).toContain('✔ Operation: Upload');
	});

	it("moves to last time's profile when the profiles arrive, unless the user moved first", async () => {
		const fake = fakeServices();
		const slow = slowProfiles();
		app = renderApp(<WizardApp services={{...fake.services, listProfiles: slow.listProfiles}} settings={{lastProfile: 'storage', recentTargets: [], savedChecks: {}}} />);
		await app.waitFor(frame => frame.includes('› No credentials'), 'the first question');
		slow.release([{name: 'dev'}, {name: 'storage'}]);
		const frame = await app.waitFor(frame => frame.includes('Profile storage'), 'the profiles');
		expect(frame).toMatch(/› Profile storage/);
	});

	it('--saved waits for the profiles instead of asking again', async () => {
		const example = loadExample('large-upload-multipart-missing-decrypt');
		const fake = fakeServices({collect: async () => ok(example)});
		const slow = slowProfiles();
		const settings = {
			recentTargets: [],
			savedChecks: {nightly: {answers: {start: 'profile:dev', recent: 'new', operation: 'upload', bucket: 's3://example-reports/exports/2026-11/full-export.csv', 'names-key': 'no', size: '100 MiB', tool: 'aws-cli', reviewed: 'go'}, savedAt: ''}},
		};
		app = renderApp(<WizardApp services={{...fake.services, listProfiles: slow.listProfiles}} settings={settings} savedName="nightly" />);
		await app.waitFor(frame => frame.includes('Reading your AWS profiles'), 'the wait');
		expect(app.frames().some(frame => frame.includes('How shall we look'))).toBe(false);
		slow.release([{name: 'dev', region: 'ap-northeast-1'}]);
		await app.waitFor(frame => frame.includes('✘ Denied'), 'the replayed result');
		expect(fake.collected).toHaveLength(1);
	});
});

describe('the conversation', () => {
	it('refuses a bad bucket name with the reason, and takes s3://bucket/key as bucket and key at once', async () => {
		const {app} = start();
		await app.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('What fails?'), 'the operation question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		await app.paste('my bucket');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('is not a bucket name'), 'the problem');
		await app.press(keys.ctrlU);
		await app.paste('s3://reports-bucket/exports/big.csv');
		await app.press(keys.enter);
		const frame = await app.waitFor(frame => frame.includes('name a KMS key'), 'the next question');
		expect(frame).toContain('✔ Bucket: s3://reports-bucket/exports/big.csv');
		expect(frame).not.toContain('Which object key');
	});

	it('explains multipart in plain words after the tool and size', async () => {
		const {app} = start();
		await answerTarget(app);
		await app.waitFor(frame => frame.includes('What uploads it?'), 'the tool question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('How big is the file?'), 'the size question');
		await app.paste('200 MB');
		await app.press(keys.enter);
		const frame = await app.waitFor(frame => frame.includes('Who makes the request?'), 'the caller question');
		expect(frame).toContain('✔ Size: 200 MB (200,000,000 bytes)');
		expect(frame).toContain('in parts with the AWS CLI');
	});

	it('an upload in the S3 console is not asked its size: no size changes whether it goes in parts', async () => {
		const {app} = start();
		await answerTarget(app);
		await app.waitFor(frame => frame.includes('What uploads it?'), 'the tool question');
		await app.press(keys.down, keys.down, keys.down, keys.down, keys.down, keys.enter);
		const frame = await app.waitFor(frame => frame.includes('Who makes the request?'), 'the caller question');
		expect(frame).toContain('✔ Tool: S3 console');
		expect(frame).toContain('whatever the size both cases are checked');
		expect(app.frames().some(each => each.includes('How big is the file?'))).toBe(false);
		// Esc from the caller goes back to the tool, the question before it.
		await app.press(keys.escape);
		await app.waitFor(frame => frame.includes('What uploads it?'), 'the tool question again');
	});

	it('Esc goes back to edit an answer and the later answers stay', async () => {
		const {app} = start();
		await answerTarget(app);
		await app.waitFor(frame => frame.includes('What uploads it?'), 'the tool question');
		await app.press(keys.escape);
		let frame = await app.waitFor(frame => frame.includes('Which key does the request name?'), 'the key question again');
		expect(frame).toContain(keyArn);
		await app.press(keys.escape);
		await app.waitFor(frame => frame.includes('name a KMS key itself?'), 'the names-key question again');
		// Choosing the same again replays the kept key answer and lands on the tool question.
		await app.press(keys.enter);
		frame = await app.waitFor(frame => frame.includes('What uploads it?'), 'the tool question again');
		expect(frame).toContain(`✔ KMS key: ${keyArn}`);
	});

	it('validates a pasted policy as it arrives, pointing at the line and column, and continues once it is valid', async () => {
		const {app} = start();
		await answerTarget(app);
		await app.waitFor(frame => frame.includes('What uploads it?'), 'the tool question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('How big is the file?'), 'the size question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Who makes the request?'), 'the caller question');
		await app.paste('arn:aws:iam::111122223333:role/Uploader');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('in the caller\'s account'), 'the bucket account question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes("Which Region is the bucket in?"), 'the region question');
		expect(app.lastFrame()).toContain('eu-west-1');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('The key policy:'), 'the key policy question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Paste the key policy'), 'the paste field');
		await app.paste('{\r  "Version": "2012-10-17",\r  "Statement": [\r    {"Effect": "Allow" "Action": "kms:*"}\r  ]\r}');
		let frame = await app.waitFor(frame => frame.includes('line 4'), 'the syntax error');
		expect(frame).toMatch(/line 4, column \d+/);
		expect(frame).toMatch(/4 ▶/);
		// Enter on invalid JSON starts a new line instead of giving up.
		await app.press(keys.enter);
		expect(app.lastFrame()).toContain('Paste the key policy');
		await app.press(keys.ctrlU);
		await app.paste('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}');
		frame = await app.waitFor(frame => frame.includes('valid policy, 1 statement'), 'the valid policy');
		await app.press(keys.enter);
		frame = await app.waitFor(frame => frame.includes("The caller's identity policies"), 'the next question');
		expect(frame).toContain('✔ Key policy: valid policy, 1 statement');
		// The identity policy allows no KMS action, which a grant could: the grants are asked, after the guardrails.
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Paste identity policy 1'), 'the identity policy paste');
		await app.paste(JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:PutObject', Resource: '*'}]}));
		await app.waitFor(frame => frame.includes('"s3:PutObject"') && frame.includes('valid policy, 1 statement — Enter'), 'the valid identity policy');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('another identity policy'), 'the more-policies question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('The bucket policy:'), 'the bucket policy question');
		await app.press(keys.down, keys.enter);
		await app.waitFor(frame => frame.includes('Does a permissions boundary'), 'the guardrails question');
		await app.press(keys.enter);
		frame = await app.waitFor(frame => frame.includes('Grants on the key can allow'), 'the grants question');
		// Wider than the terminal, the command is whole on lines the shell joins: a mouse copy of them runs it.
		expect(frame).toContain('$ aws kms list-grants');
		expect(argvOf(copiedCommand(frame, 'aws kms list-grants'))).toEqual(['kms', 'list-grants', '--key-id', keyArn, '--region', 'eu-west-1']);
	});

	it('pastes a session policy and SCPs, each checked as it arrives, and the result says which one denies', async () => {
		const {app} = start();
		await answerTarget(app);
		const allowAll = (action: string): string => JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: action, Resource: '*'}]});
		for (const [wait, keys_, text] of [
			['What uploads', [keys.enter], ''],
			['How big', [keys.enter], ''],
			['Who makes', [keys.enter], 'arn:aws:sts::111122223333:assumed-role/Uploader/nightly'],
			["caller's account", [keys.enter], ''],
			['Which Region', [keys.enter], ''],
			['The key policy:', [keys.enter], ''],
			['Paste the key policy', [keys.enter], allowAll('kms:*')],
			["The caller's identity policies", [keys.enter], ''],
			['Paste identity policy 1', [keys.enter], JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['s3:PutObject', 'kms:*'], Resource: '*'}]})],
			['another identity policy', [keys.enter], ''],
			['The bucket policy:', [keys.down, keys.enter], ''],
			['permissions boundary, a session policy or an SCP', [keys.down, keys.enter], ''],
			["The caller's permissions boundary", [keys.down, keys.enter], ''],
		] as const) {
			await app.waitFor(frame => frame.includes(wait), wait);
			if (text) await app.paste(text);
			await app.press(...keys_);
		}
		await app.waitFor(frame => frame.includes('The session policy passed when the role was assumed'), 'the session policy question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Paste the session policy'), 'the session policy paste');
		await app.paste(JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['s3:*', 'kms:*'], Resource: '*'}]}));
		await app.waitFor(frame => frame.includes('valid policy, 1 statement'), 'the valid session policy');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('service control policies (SCPs)'), 'the SCP question');
		expect(app.lastFrame()).toContain('FullAWSAccess only');
		expect(app.lastFrame()).toContain('The account is in no organization');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Paste the first SCP'), 'the SCP paste');
		await app.paste('{\r  "Version": "2012-10-17",\r  "Statement": [\r    {"Effect": "Deny" "Action": "kms:GenerateDataKey", "Resource": "*"}\r  ]\r}');
		let frame = await app.waitFor(frame => frame.includes('line 4'), 'the syntax error');
		expect(frame).toMatch(/line 4, column \d+/);
		await app.press(keys.ctrlU);
		await app.paste(JSON.stringify({Version: '2012-10-17', Statement: [{Sid: 'NoUploadKeys', Effect: 'Deny', Action: 'kms:GenerateDataKey', Resource: '*'}]}));
		await app.waitFor(frame => frame.includes('valid policy, 1 statement'), 'the valid SCP');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Is another SCP attached lower down'), 'the next-level question');
		await app.press(keys.enter);
		frame = await app.waitFor(frame => frame.includes('Is FullAWSAccess attached next to that SCP'), 'the FullAWSAccess question');
		expect(frame).toContain('✔ Session policy: valid policy, 1 statement');
		expect(frame).toContain('✔ SCP 1: valid policy, 1 statement');
		await app.press(keys.enter);
		frame = await app.waitFor(frame => frame.includes('✘ Denied'), 'the result');
		expect(frame).toMatch(/⛔ +kms:GenerateDataKey +SCP "pasted SCP 1", Sid "NoUploadKeys" denies/);
		expect(frame).toMatch(/Session policy\n +✔ +s3:PutObject +session policy/);
	});

	it('Ctrl+D on an invalid policy says why it cannot continue', async () => {
		const {app} = start();
		await answerTarget(app);
		for (const [wait, answer] of [
			['What uploads', ''],
			['How big', ''],
			['Who makes', 'arn:aws:iam::111122223333:role/Uploader'],
			["caller's account", ''],
			['Which Region', ''],
			['The key policy:', ''],
		] as const) {
			await app.waitFor(frame => frame.includes(wait), wait);
			if (answer) await app.paste(answer);
			await app.press(keys.enter);
		}
		await app.waitFor(frame => frame.includes('Paste the key policy'), 'the paste field');
		await app.paste('{"Version": "2012-10-17", "Statement": [{"Effect": "Maybe", "Action": "kms:*", "Resource": "*"}]}');
		await app.press(keys.ctrlD);
		const frame = await app.waitFor(frame => frame.includes('✘') && frame.includes('Effect'), 'the policy problem');
		expect(frame).toContain('Paste the key policy');
	});

	it('takes an AccessDenied message pasted at the first question and skips what it reveals', async () => {
		const {app} = start();
		await app.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await app.paste(
			'An error occurred (AccessDenied) when calling the UploadPart operation: User: arn:aws:iam::111122223333:user/john is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:ap-northeast-1:111122223333:key/111aa2bb-333c-4d44-5555-a111bb2c33dd because no resource-based policy allows the kms:Decrypt action',
		);
		let frame = await app.waitFor(frame => frame.includes('recognised an error message'), 'the recognised error');
		await app.press(keys.enter);
		// No profiles: pasting the policies is the only way on, so "How shall we read the policies" is not asked.
		// UploadPart says upload, so the operation is not asked.
		frame = await app.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		expect(frame).toContain('✔ Caller: arn:aws:iam::111122223333:user/john');
		expect(frame).toContain('kms:Decrypt');
		expect(frame).toContain('Policy: resource-based policy (implicit deny: nothing allows it)');
		expect(frame).not.toContain('How shall we read the policies');
		expect(frame).not.toContain('What fails?');
	});

	it('live: one line per read with a spinner, then ✔ or ? with the reason, then what was found', async () => {
		let finish: (() => void) | undefined;
		const example = loadExample('cross-account-download');
		const {app, fake} = start({
			profiles: [{name: 'dev', region: 'eu-west-1', kind: 'SSO'}],
			collect: (_request, onProgress) =>
				new Promise(resolve => {
					const report = (progress: ReadProgress): void => onProgress(progress);
					report({id: 'identity', label: 'Caller identity (sts:GetCallerIdentity)', state: 'running'});
					report({id: 'key-policy', label: 'Key policy (kms:GetKeyPolicy)', state: 'running'});
					finish = () => {
						report({id: 'identity', label: 'Caller identity (sts:GetCallerIdentity)', state: 'ok'});
						report({id: 'key-policy', label: 'Key policy (kms:GetKeyPolicy)', state: 'unknown', detail: 'no permission kms:GetKeyPolicy'});
						resolve(ok(example as Snapshot));
					};
				}),
		});
		await app.waitFor(frame => frame.includes('Which AWS profile'), 'the first question');
		expect(app.lastFrame()).toContain('Profile dev');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('What fails?'), 'the operation question');
		await app.press(keys.down, keys.enter);
		await app.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		await app.paste('s3://doc-example-bucket/dir/example-object-name');
		await app.press(keys.enter);
		let frame = await app.waitFor(frame => frame.includes('Reading with profile dev'), 'the reads');
		expect(frame).toContain('Caller identity (sts:GetCallerIdentity)');
		expect(fake.collected[0]).toMatchObject({profile: 'dev', question: {operation: 'download', bucket: 'doc-example-bucket', objectKey: 'dir/example-object-name'}});
		expect(frame).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] +Key policy \(kms:GetKeyPolicy\)/);
		finish!();
		frame = await app.waitFor(frame => frame.includes('? Key policy (kms:GetKeyPolicy) — no permission kms:GetKeyPolicy'), 'the reads done');
		expect(frame).toContain('✔ Caller identity (sts:GetCallerIdentity)');
		expect(frame).toContain(`✔ You are ${example.principal!.arn}`);
		expect(frame).toContain(`✔ Bucket doc-example-bucket is in account ${example.bucket!.accountId}`);
		expect(frame).toContain('1 of 2 reads worked; one stays unknown');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Key policy') && frame.includes('✘ Denied'), 'the result');
	});

	it('remembers the last profile and the target, never a policy, and a named check replays with --saved', async () => {
		const example = loadExample('large-upload-multipart-missing-decrypt');
		const options: FakeOptions = {profiles: [{name: 'dev', region: 'ap-northeast-1'}], collect: async () => ok(example)};
		const first = start(options);
		await first.app.waitFor(frame => frame.includes('Which AWS profile'), 'the first question');
		await first.app.press(keys.enter);
		// The profile's identity is checked before the request is asked about.
		await first.app.waitFor(frame => frame.includes('What fails?'), 'the operation question');
		await first.app.press(keys.enter);
		await first.app.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		await first.app.paste('s3://example-reports/exports/2026-11/full-export.csv');
		await first.app.press(keys.enter);
		await first.app.waitFor(frame => frame.includes('name a KMS key'), 'the key question');
		await first.app.press(keys.enter);
		await first.app.waitFor(frame => frame.includes('What uploads it?'), 'the tool');
		await first.app.press(keys.enter);
		await first.app.waitFor(frame => frame.includes('How big'), 'the size');
		await first.app.paste('100 MiB');
		await first.app.press(keys.enter);
		await first.app.waitFor(frame => frame.includes('Diagnose?'), 'the end of the reads');
		await first.app.press(keys.enter);
		await first.app.waitFor(frame => frame.includes('Key policy') && frame.includes('✘ Denied'), 'the result');
		await first.app.press('n');
		await first.app.waitFor(frame => frame.includes('Name this check'), 'the name dialog');
		await first.app.paste('big-export');
		await first.app.press(keys.enter);
		await first.app.waitFor(frame => frame.includes('Saved as "big-export"'), 'the saved confirmation');
		const settings = first.fake.currentSettings();
		expect(settings.lastProfile).toBe('dev');
		expect(settings.recentTargets[0]).toEqual({operation: 'upload', bucket: 'example-reports', objectKey: 'exports/2026-11/full-export.csv'});
		expect(settings.savedChecks['big-export']?.answers).toMatchObject({start: 'profile:dev', bucket: 's3://example-reports/exports/2026-11/full-export.csv', size: '100 MiB'});
		expect(JSON.stringify(first.fake.saves)).not.toContain('Statement');
		first.app.unmount();

		const replay = start({...options, settings}, 'big-export');
		app = replay.app;
		const frame = await replay.app.waitFor(frame => frame.includes('Key policy') && frame.includes('✘ Denied'), 'the replayed result');
		expect(frame).toContain('kms:Decrypt');
		expect(replay.fake.collected).toHaveLength(1);
	});

	it('says so when --saved names no saved check, and starts normally', async () => {
		const {app} = start({settings: {recentTargets: [], savedChecks: {nightly: {answers: {start: 'manual'}, savedAt: ''}}}}, 'nighty');
		const frame = await app.waitFor(frame => frame.includes('No saved check is named "nighty"'), 'the warning');
		expect(frame).toContain('saved checks: nightly');
		expect(frame).toContain('Saved check: nightly');
	});

	it('offers recent targets as one-key choices', async () => {
		const {app} = start({settings: {recentTargets: [{operation: 'download', bucket: 'reports-bucket', objectKey: 'a.csv'}], savedChecks: {}}});
		await app.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('recent targets'), 'the recent targets');
		expect(app.lastFrame()).toContain('[1] download s3://reports-bucket/a.csv');
		await app.press('1');
		const frame = await app.waitFor(frame => frame.includes("Which KMS key encrypts the object?"), 'the next question');
		// The target's line says its operation, bucket and key: they are not said again under it.
		expect(frame).toContain('✔ Target: download s3://reports-bucket/a.csv');
		expect(frame).not.toContain('✔ Operation: Download');
		expect(frame).not.toContain('✔ Object key: a.csv');
	});

	it('after going back and changing the key of a recent target, the transcript no longer names that target', async () => {
		const {app} = start({settings: {recentTargets: [{operation: 'upload', bucket: 'reports-bucket', objectKey: 'a.csv'}], savedChecks: {}}});
		await app.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('recent targets'), 'the recent targets');
		await app.press('1');
		let frame = await app.waitFor(frame => frame.includes('name a KMS key'), 'the key question');
		expect(frame).toContain('✔ Target: upload s3://reports-bucket/a.csv');
		await app.press(keys.escape);
		await app.waitFor(frame => frame.includes('Which object key'), 'the object key again');
		await app.press(keys.ctrlU);
		await app.paste('b.csv');
		await app.press(keys.enter);
		frame = await app.waitFor(frame => frame.includes('name a KMS key') && frame.includes('Object key: b.csv'), 'the key question again');
		expect(frame).not.toContain('a.csv');
		expect(frame).toContain('✔ Target: Something else');
	});

	it('loads a snapshot file, and says why when it cannot', async () => {
		const text = JSON.stringify(loadExample('disabled-key'));
		const {app} = start({files: {'disabled.json': text}});
		await app.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await app.press(keys.down, keys.down, keys.enter);
		await app.waitFor(frame => frame.includes('Which snapshot file?'), 'the file question');
		await app.paste('nothere.json');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('cannot read nothere.json: no such file'), 'the problem');
		await app.press(keys.ctrlU);
		await app.paste('disabled.json');
		await app.press(keys.enter);
		const frame = await app.waitFor(frame => frame.includes('disabled'), 'the result');
		expect(frame).toContain('Denied');
	});

	it('live: r on the result reads again and shows the new result', async () => {
		const example = loadExample('large-upload-multipart-missing-decrypt');
		// The second read finds the fix applied: the key policy now allows kms:Decrypt as well.
		const policy = example.key!.policy as {Statement: Array<Record<string, unknown>>};
		const fixed: Snapshot = {
			...example,
			key: {...example.key!, policy: {...policy, Statement: policy.Statement.map(statement => (statement['Sid'] === 'Allow use of the key' ? {...statement, Action: ['kms:GenerateDataKey', 'kms:Decrypt']} : statement))}},
		};
		let call = 0;
		const {app, fake} = start({profiles: [{name: 'dev', region: 'ap-northeast-1'}], collect: async () => ok(call++ === 0 ? example : fixed)});
		await app.waitFor(frame => frame.includes('Which AWS profile'), 'the first question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('What fails?'), 'the operation question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		await app.paste('s3://example-reports/exports/2026-11/full-export.csv');
		await app.press(keys.enter, keys.enter);
		await app.waitFor(frame => frame.includes('What uploads it?'), 'the tool');
		await app.press(keys.enter, keys.enter);
		await app.waitFor(frame => frame.includes('Diagnose?'), 'the end of the reads');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('✘ Denied'), 'the first result');
		await app.press('r');
		await app.waitFor(frame => frame.includes('✔ Allowed'), 'the result after reading again');
		expect(fake.collected).toHaveLength(2);
	});

	it('live: when the reads cannot start, says why and tries again on request', async () => {
		let attempts = 0;
		const example = loadExample('cross-account-download');
		const {app} = start({
			profiles: [{name: 'dev', region: 'eu-west-1'}],
			collect: async () => (attempts++ === 0 ? err('the SSO session of profile dev has expired: run aws sso login --profile dev') : ok(example)),
		});
		await app.waitFor(frame => frame.includes('Which AWS profile'), 'the first question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('What fails?'), 'the operation question');
		await app.press(keys.down, keys.enter);
		await app.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		await app.paste('s3://doc-example-bucket/dir/example-object-name');
		await app.press(keys.enter);
		const frame = await app.waitFor(frame => frame.includes('The reads could not start'), 'the failure');
		expect(frame).toMatch(/run aws sso login --profile\s+dev/);
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Diagnose?'), 'the reads, second time');
		expect(attempts).toBe(2);
	});
});
