import {afterEach, describe, expect, it} from 'vitest';
import {copiedCommand} from './helpers/copied-command.js';
import {argvOf} from '../diagnosis/support/fix-checks.js';
import {errorFixture} from './helpers/error-fixture.js';
import {WizardApp} from '../../source/ui/app.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {ok} from '../../source/shared/result.js';
import type {ReadProgress} from '../../source/ui/services.js';
import {fakeServices, loadExample} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';
import {walkThrough, type Step} from './helpers/walk-through.js';
import {pasteErrorSteps} from './helpers/paste-error.js';

/**
 * A pasted AccessDenied message that names the permissions boundary or a session policy as what denied: the wizard asks
 * for that policy (paste it, or skip), and the result decides the row by what was pasted, with the fix proven against it.
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const policy = (...statements: object[]): string => JSON.stringify({Version: '2012-10-17', Statement: statements});
/** Wrapped lines joined, as a user reads a sentence. */
const flat = (frame: string): string => frame.replace(/\n +/g, ' ');

const keyPolicy = policy({Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'});
const identity = policy({Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*'});

/** "no permissions boundary allows the kms:Decrypt action" for a download by role Reader (session etl-job): through the bucket policy. */
const boundaryDownload: readonly Step[] = [
	...pasteErrorSteps(errorFixture('permissions-boundary-implicit.txt')),
	['Which bucket?', [keys.enter], 's3://amzn-s3-demo-bucket/data/x.csv'],
	["in the caller's account", [keys.enter]],
	['The key policy:', [keys.enter]],
	['Paste the key policy', [keys.enter], keyPolicy],
	["The caller's identity policies", [keys.enter]],
	['Paste identity policy 1', [keys.enter], identity],
	['another identity policy', [keys.enter]],
	['The bucket policy:', [keys.down, keys.enter]],
];

const boundaryAsked = 'The pasted AccessDenied message says no permissions boundary allows kms:Decrypt. Paste the caller\'s permissions boundary';

const waitFlat = (rendered: Rendered, text: string): Promise<string> => rendered.waitFor(frame => flat(frame).includes(text), text);

describe('a pasted message naming the permissions boundary', () => {
	it('asks for the boundary; pasted, its statement decides the ✘ row and the boundary fix is proven against it', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 160, rows: 60});
		await walkThrough(app, boundaryDownload);
		const asked = await waitFlat(app, boundaryAsked);
		expect(asked).toContain('Skip: leave it as the message says');
		// The message says one applies: "the caller has none" is not offered.
		expect(asked).not.toContain('The caller has none');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Paste the permissions boundary'), 'the boundary paste');
		await app.paste(policy({Sid: 'OnlyReads', Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}));
		await app.waitFor(frame => frame.includes('valid policy, 1 statement'), 'the pasted boundary checked');
		await app.press(keys.enter);
		// The boundary is settled: the guardrail question asks only about the others.
		await walkThrough(app, [['Besides the permissions boundary, does a session policy or an SCP apply', [keys.enter]]]);
		const result = await app.waitFor(frame => frame.includes('✘ Denied'), 'the result');
		expect(result).toMatch(/^Permissions boundary/m);
		expect(result).toMatch(/› ✘ +kms:Decrypt/);
		const explained = flat(result);
		expect(explained).toContain('The permissions boundary does not allow kms:Decrypt');
		expect(explained).toContain('permissions boundary "pasted permissions boundary", Sid "OnlyReads" allows s3:GetObject but not kms:Decrypt');
		expect(explained).not.toContain('its text not read');
		await app.press(keys.enter);
		const fix = await app.waitFor(frame => frame.includes('Fix Permissions boundary') && frame.includes('"kms:Decrypt"'), 'the fix');
		expect(fix).toContain('✔ proven');
	});

	it('skipped: the row stays as the message decides it, the boundary not read', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 160, rows: 60});
		await walkThrough(app, boundaryDownload);
		await waitFlat(app, boundaryAsked);
		await app.press(keys.down, keys.enter);
		await walkThrough(app, [['Besides the permissions boundary, does a session policy or an SCP apply', [keys.enter]]]);
		const result = await app.waitFor(frame => frame.includes('✘ Denied'), 'the result');
		expect(app.frames().some(frame => frame.includes('Paste the permissions boundary'))).toBe(false);
		expect(result).toMatch(/✘ +kms:Decrypt +The pasted AccessDenied message says no permissions boundary allows kms:Decrypt/);
		const explained = flat(result);
		expect(explained).toContain("The pasted AccessDenied message says no permissions boundary allows kms:Decrypt. The caller's permissions boundary itself was not read");
		expect(explained).toContain('fails: kms:Decrypt is not allowed by the permissions boundary.');
	});
});

describe("a pasted message naming an IAM user's permissions boundary", () => {
	const message =
		'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::my-bucket/path/file.csv" because no permissions boundary allows the s3:PutObject action';

	it('offers no session policy, which a user cannot carry: with the boundary settled, the SCP question comes at once', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 160, rows: 60});
		await walkThrough(app, [
			...pasteErrorSteps(message),
			['name a KMS key', [keys.down, keys.enter]],
			['Which key does the request name?', [keys.enter], 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
			// PutObject is one request: neither the tool nor the size is asked.
			["in the caller's account", [keys.enter]],
			['Which Region is the bucket in?', [keys.enter]],
			['The key policy:', [keys.down, keys.enter]],
			["The caller's identity policies", [keys.down, keys.down, keys.enter]],
			['The bucket policy:', [keys.down, keys.enter]],
			['Skip: leave it as the message says', [keys.down, keys.enter]],
		]);
		const scps = await app.waitFor(frame => frame.includes("The service control policies (SCPs) of the caller's account:"), 'the SCP question');
		expect(scps).toContain('✔ Permissions boundary: Skip: leave it as the message says');
		// No question offered a session policy (the prompts fit one line at 160 columns).
		expect(app.frames().some(frame => frame.split('\n').some(line => line.startsWith('? ') && /session policy/i.test(line)))).toBe(false);
		expect(app.frames().some(frame => frame.includes('Besides the permissions boundary'))).toBe(false);
		await app.press(keys.down, keys.enter);
		await app.waitFor(frame => frame.includes('Denied') || frame.includes('fails'), 'the result');
	});
});

describe('a pasted message naming a session policy', () => {
	it('asks for the session policy; pasted, its Deny decides the ⛔ row', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 160, rows: 60});
		await walkThrough(app, [
			...pasteErrorSteps(errorFixture('sessions-policy-explicit.txt')),
			['name a KMS key', [keys.down, keys.enter]],
			['Which key does the request name?', [keys.enter], 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
			["in the caller's account", [keys.enter]],
			['Which Region is the bucket in?', [keys.enter]],
			['The key policy:', [keys.enter]],
			['Paste the key policy', [keys.enter], keyPolicy],
			["The caller's identity policies", [keys.enter]],
			['Paste identity policy 1', [keys.enter], identity],
			['another identity policy', [keys.enter]],
			['The bucket policy:', [keys.down, keys.enter]],
		]);
		const asked = await waitFlat(app, 'The pasted AccessDenied message says a session policy explicitly denied s3:PutObject. AWS cannot show a session policy afterwards: paste the one passed');
		expect(asked).not.toContain('None was passed');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Paste the session policy'), 'the session policy paste');
		await app.paste(policy({Sid: 'NoArtifacts', Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/artifacts/*'}, {Effect: 'Allow', Action: '*', Resource: '*'}));
		await app.waitFor(frame => frame.includes('valid policy, 2 statements'), 'the pasted session policy checked');
		await app.press(keys.enter);
		await walkThrough(app, [['Besides the session policy, does a permissions boundary or an SCP apply', [keys.enter]]]);
		const result = await app.waitFor(frame => frame.includes('⛔ Denied') || frame.includes('✘ Denied'), 'the result');
		expect(result).toMatch(/^Session policy/m);
		expect(result).toMatch(/› ⛔ +s3:PutObject/);
		const explained = flat(result);
		expect(explained).toContain('Sid "NoArtifacts"');
		expect(explained).not.toContain('which statement denies, and on what condition, is not known');
	});
});

describe('a pasted message naming neither', () => {
	it('asks no boundary or session policy of its own: the guardrail question is the usual one', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 160, rows: 60});
		await walkThrough(app, [
			...pasteErrorSteps(errorFixture('cli-upload-part-kms-decrypt.txt')),
			["in the caller's account", [keys.enter]],
			['The key policy:', [keys.enter]],
			['Paste the key policy', [keys.enter], keyPolicy],
			["The caller's identity policies", [keys.enter]],
			['Paste identity policy 1', [keys.enter], identity],
			['another identity policy', [keys.enter]],
			['The bucket policy:', [keys.down, keys.enter]],
			['Does a permissions boundary, a session policy or an SCP apply to the caller?', [keys.enter]],
		]);
		await app.waitFor(frame => frame.includes('Allowed') || frame.includes('Denied') || frame.includes('fails'), 'the result');
		const seen = app.frames().map(flat).join('\n');
		expect(seen).not.toContain('Skip: leave it as the message says');
		expect(seen).not.toContain('Besides the');
	});
});

describe('live, a pasted message naming the permissions boundary', () => {
	const example = loadExample('all-allowed');
	const {permissionsBoundary: _read, ...withoutBoundary} = example.principal!;
	// iam:GetPolicyVersion refused: the reads name the boundary's gap, as read-principal.ts notes it.
	const boundaryNotRead: Snapshot = {
		...example,
		principal: withoutBoundary,
		unread: [{path: 'principal.permissionsBoundary', reason: 'iam:GetPolicyVersion: no permission', resolveWith: 'iam:GetPolicyVersion on the boundary policy'}],
	};
	const error = `An error occurred (AccessDenied) when calling the PutObject operation: User: ${withoutBoundary.arn} is not authorized to perform: kms:GenerateDataKey on resource: ${example.key!.arn} because no permissions boundary allows the kms:GenerateDataKey action`;
	const untilReads: readonly Step[] = [
		['Which AWS profile makes the failing request?', [keys.down, keys.down, keys.enter]],
		['Paste the AccessDenied error message', [], error],
		['recognised', [keys.enter]],
		['How shall we read the policies', [keys.enter]],
		['Which bucket?', [keys.enter], 's3://example-ingest/incoming/archive.tar'],
		['name a KMS key', [keys.enter]],
	];
	const profiles = [{name: 'dev', region: 'us-east-1'}];
	/** Up to the reads, then the boundary the message names pasted when asked for, and the diagnosis started. */
	const pasteBoundaryAndDiagnose = async (rendered: Rendered): Promise<void> => {
		await walkThrough(rendered, untilReads);
		await waitFlat(rendered, "The pasted AccessDenied message says no permissions boundary allows kms:GenerateDataKey. Paste the caller's permissions boundary");
		await rendered.press(keys.enter);
		await rendered.waitFor(frame => frame.includes('Paste the permissions boundary'), 'the boundary paste');
		await rendered.paste(policy({Sid: 'UploadsOnly', Effect: 'Allow', Action: 's3:PutObject', Resource: '*'}));
		await rendered.waitFor(frame => frame.includes('valid policy, 1 statement'), 'the pasted boundary checked');
		await rendered.press(keys.enter);
		await walkThrough(rendered, [['Diagnose?', [keys.enter]]]);
	};

	it('the reads could not get it: asks for it, and the pasted boundary decides the row and proves the fix', async () => {
		app = renderApp(<WizardApp services={fakeServices({profiles, collect: async () => ok(boundaryNotRead)}).services} />, {columns: 160, rows: 60});
		await pasteBoundaryAndDiagnose(app);
		const result = await app.waitFor(frame => frame.includes('✘ Denied'), 'the result');
		expect(result).toMatch(/^Permissions boundary/m);
		expect(flat(result)).toMatch(/✘ +kms:GenerateDataKey +The permissions boundary does not allow kms:GenerateDataKey/);
		await app.press(keys.enter);
		const fix = await app.waitFor(frame => frame.includes('Fix Permissions boundary') && frame.includes('"kms:GenerateDataKey"'), 'the fix');
		expect(fix).toContain('✔ proven');
	});

	it('the reads found its ARN but not its document: asks for that policy, and the fix names it, the boundary said to be pasted', async () => {
		const boundaryArn = 'arn:aws:iam::111122223333:policy/TeamBoundary';
		// iam:GetRole named the boundary; iam:GetPolicyVersion on it was refused (read-principal.ts keeps the ARN it read).
		const arnOnly: Snapshot = {
			...boundaryNotRead,
			principal: {...withoutBoundary, permissionsBoundaryArn: boundaryArn},
			unread: [{path: 'principal.permissionsBoundary', reason: 'iam:GetPolicyVersion: no permission', resolveWith: `iam:GetPolicyVersion on ${boundaryArn}`}],
		};
		const collect = async (_request: unknown, onProgress: (progress: ReadProgress) => void) => {
			onProgress({id: 'dev:iam:GetRole:DataWriter', label: 'iam:GetRole DataWriter (profile dev)', state: 'ok'});
			onProgress({id: `dev:iam:GetPolicyVersion:${boundaryArn}`, label: `iam:GetPolicyVersion ${boundaryArn} v3 (profile dev)`, state: 'unknown', detail: 'no permission iam:GetPolicyVersion'});
			return ok(arnOnly);
		};
		app = renderApp(<WizardApp services={fakeServices({profiles, collect}).services} />, {columns: 160, rows: 60});
		await walkThrough(app, untilReads);
		await waitFlat(app, `The reads found the caller's permissions boundary, ${boundaryArn}, but could not read its document: paste that policy's document`);
		await app.press(keys.enter);
		const paste = await app.waitFor(frame => frame.includes('Paste the permissions boundary'), 'the boundary paste');
		// The command that prints it names it: nothing left to look up.
		expect(argvOf(copiedCommand(paste, 'aws iam get-policy-version')).slice(0, 4)).toEqual(['iam', 'get-policy-version', '--policy-arn', boundaryArn]);
		await app.paste(policy({Sid: 'UploadsOnly', Effect: 'Allow', Action: 's3:PutObject', Resource: '*'}));
		await app.waitFor(frame => frame.includes('valid policy, 1 statement'), 'the pasted boundary checked');
		await app.press(keys.enter);
		// The read that failed is shown as it was, and the pause says the boundary was pasted in its place: nothing stays unknown.
		const pause = flat(await app.waitFor(frame => frame.includes('Diagnose?'), 'the end of the reads'));
		expect(pause).toContain(`? iam:GetPolicyVersion ${boundaryArn} v3 (profile dev) — no permission iam:GetPolicyVersion`);
		expect(pause).toContain("1 of 2 reads worked; the permissions boundary's read failed, and you pasted it instead. Diagnose?");
		expect(pause).not.toContain('stays unknown');
		await app.press(keys.enter);
		const result = flat(await app.waitFor(frame => frame.includes('✘ Denied'), 'the result'));
		expect(result).toMatch(/✘ +kms:GenerateDataKey +The permissions boundary does not allow kms:GenerateDataKey/);
		expect(result).toContain('permissions boundary "TeamBoundary (pasted)", Sid "UploadsOnly" allows s3:PutObject but not kms:GenerateDataKey');
		expect(result).not.toContain('not read');
		await app.press(keys.enter);
		const fix = await app.waitFor(frame => frame.includes('Fix Permissions boundary') && frame.includes('"kms:GenerateDataKey"'), 'the fix');
		expect(fix).toContain('✔ proven');
		expect(flat(fix)).toContain('Let the permissions boundary TeamBoundary (pasted) allow kms:GenerateDataKey');
		await app.press(keys.tab, keys.tab);
		const command = flat(await app.waitFor(frame => frame.includes('aws iam create-policy-version'), 'the fix as a command'));
		expect(command).toContain(`--policy-arn '${boundaryArn}'`);
		expect(command).not.toContain('# update the permissions boundary');
	});

	/** iam:GetRole refused, as read-principal.ts writes it: no boundary, no ARN of it, no tags, no role ARN; one note, which says the tags are unknown too. */
	const getRoleRefused = {
		path: 'principal.permissionsBoundary',
		reason: "iam:GetRole: no permission (the role's tags are unknown too)",
		resolveWith: 'iam:GetRole on arn:aws:iam::111122223333:role/DataWriter',
	};
	const pasteAfterGetRoleRefused = async (): Promise<{fake: ReturnType<typeof fakeServices>; rendered: Rendered}> => {
		const {roleArn: _roleArn, ...roleNotRead} = withoutBoundary;
		const entityNotRead: Snapshot = {...example, principal: roleNotRead, unread: [getRoleRefused]};
		const collect = async (_request: unknown, onProgress: (progress: ReadProgress) => void) => {
			onProgress({id: 'dev:iam:GetRole:DataWriter', label: 'iam:GetRole DataWriter (profile dev)', state: 'unknown', detail: 'no permission iam:GetRole'});
			return ok(entityNotRead);
		};
		const fake = fakeServices({profiles, collect});
		app = renderApp(<WizardApp services={fake.services} />, {columns: 160, rows: 60});
		await pasteBoundaryAndDiagnose(app);
		return {fake, rendered: app};
	};

	it('the pasted boundary is said to be given, never read: the message agrees with what was given', async () => {
		const {rendered} = await pasteAfterGetRoleRefused();
		const result = flat(await rendered.waitFor(frame => frame.includes('✘ Denied'), 'the result'));
		expect(result).toContain('The pasted AccessDenied message says no permissions boundary allows kms:GenerateDataKey, which agrees with what was given.');
		expect(result).not.toContain('what was read');
	});

	it("iam:GetRole itself failed: the paste settles the boundary, not the role's tags, and the note that they are unknown stays", async () => {
		const {fake, rendered} = await pasteAfterGetRoleRefused();
		await rendered.waitFor(frame => frame.includes('✘ Denied'), 'the result');
		await rendered.press('s');
		await rendered.waitFor(frame => frame.includes('Save the snapshot as'), 'the snapshot dialog');
		await rendered.press(keys.ctrlU);
		await rendered.paste('saved.json');
		await rendered.press(keys.enter);
		await rendered.waitFor(frame => frame.includes('Snapshot written to /work/saved.json'), 'the snapshot saved');
		const saved = JSON.parse(fake.written.get('/work/saved.json')!) as Snapshot;
		expect(saved.principal?.permissionsBoundary).toMatchObject({name: 'pasted permissions boundary'});
		expect(saved.principal?.tags).toBeUndefined();
		expect(saved.unread).toContainEqual({...getRoleRefused, path: 'principal.tags'});
		expect(saved.unread?.map(note => note.path)).not.toContain('principal.permissionsBoundary');
	});

	it('the reads got it: nothing more is asked', async () => {
		app = renderApp(<WizardApp services={fakeServices({profiles, collect: async () => ok(example)}).services} />, {columns: 160, rows: 60});
		await walkThrough(app, [...untilReads, ['Diagnose?', [keys.enter]]]);
		await app.waitFor(frame => frame.includes('↑↓ Enter explain'), 'the result');
		expect(app.frames().some(frame => flat(frame).includes("Paste the caller's permissions boundary"))).toBe(false);
	});
});
