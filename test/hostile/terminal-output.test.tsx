import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {checkPolicy} from '../../source/commands/wizard-services.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {KeyRouter} from '../../source/ui/keys/key-router.js';
import {fixText} from '../../source/ui/result/detail-lines.js';
import {ResultScreen} from '../../source/ui/result/result-screen.js';
import {runBuiltCli} from '../commands/run-built-cli.js';
import {tableCells} from '../report/report-helpers.js';
import {writeTarGz} from '../support/tar-gz.js';
import {fakeServices} from '../ui/helpers/fake-services.js';
import {manualUploadWithKeyPolicy} from '../ui/helpers/manual-upload.js';
import {keys, renderApp, type Rendered} from '../ui/helpers/render.js';
import {walkThrough} from '../ui/helpers/walk-through.js';
import {WizardApp} from '../../source/ui/app.js';
import {WaitView} from '../../source/ui/conversation/wait-view.js';
import {loadExample} from '../ui/helpers/fake-services.js';
import {clearScreen, csi8bit, hostileSnapshot, osc52, rawControls, reorder} from './hostile-snapshot.js';

/**
 * Customer text is hostile: escape sequences written JSON-escaped in a Sid, a key, a name or a condition
 * must reach no terminal, clipboard or markdown file raw, through any output.
 */

let folder: string;
let snapshotFile: string;
const diagnosis: Diagnosis = diagnose(hostileSnapshot);

beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 's3kd-hostile-'));
	snapshotFile = path.join(folder, 'hostile.json');
	writeFileSync(snapshotFile, JSON.stringify(hostileSnapshot));
});

describe('check on a hostile snapshot', () => {
	it('the text report shows every sequence escaped, and still says denied', async () => {
		const run = await runBuiltCli(['check', '--snapshot', snapshotFile, '--format', 'text']);
		expect(run.exitCode).toBe(1);
		expect(rawControls(run.stdout)).toEqual([]);
		expect(run.stdout).toContain('A\\u001b]52;c;ZWNobyBwd25lZA==\\u0007B');
		expect(run.stdout).toContain('\\u202etxt.exe');
		expect(run.stdout.split('\n')[0]).toMatch(/^✘ DENIED/);
	});

	it('the JSON report keeps exact values, with the sequences JSON-escaped', async () => {
		const run = await runBuiltCli(['check', '--snapshot', snapshotFile, '--format', 'json']);
		expect(rawControls(run.stdout)).toEqual([]);
		const report = JSON.parse(run.stdout) as {question: {objectKey: string; principalArn: string}};
		expect(report.question.objectKey).toBe(hostileSnapshot.question.objectKey);
		expect(report.question.principalArn).toBe(hostileSnapshot.principal!.arn);
	});

	it('the markdown report keeps every value in its place: no heading, HTML, link or broken table of theirs', async () => {
		const run = await runBuiltCli(['check', '--snapshot', snapshotFile, '--format', 'md']);
		const markdown = run.stdout;
		expect(rawControls(markdown)).toEqual([]);
		const lines = markdown.split('\n');
		expect(lines.filter(line => /^#{1,6} /.test(line)).every(line => /^(# [✔✘?] (Allowed|Denied|Unknown): |## |### )/.test(line))).toBe(true);
		expect(lines.filter(line => line.startsWith('# '))).toHaveLength(1);
		expect(lines.some(line => /^ {0,3}(<|\[x\]|# Owned)/.test(line))).toBe(false);
		// Inside a code span `<script>` and `[x](…)` are text; outside one they must not be there at all.
		const outsideCode = markdown.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '');
		expect(outsideCode).not.toMatch(/<script/i);
		expect(outsideCode).not.toMatch(/(^|[^\\])\[x\]\(javascript:/);
		const tables = markdown.split('\n\n').filter(block => block.startsWith('|'));
		for (const table of tables) {
			const [header, ...rows] = table.split('\n');
			for (const row of rows) expect(tableCells(row), row).toHaveLength(tableCells(header!).length);
		}
	});

	it('stderr notes and error lines quote customer text escaped, on one line', async () => {
		const bad = path.join(folder, `bad\u001b[2J.json`);
		writeFileSync(bad, '{"format": "s3-kms-doctor/snapshot@1", "question": {"operation": "upload\\u001b]52;c;eA==\\u0007"}}');
		const run = await runBuiltCli(['check', '--snapshot', bad]);
		expect(run.exitCode).toBe(2);
		expect(rawControls(run.stderr)).toEqual([]);
		expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
	});
});

describe('import and explain-error with hostile text', () => {
	it('import notes escape entry names and *.stderr text', async () => {
		const bundle = path.join(folder, 'hostile.tar.gz');
		await writeTarGz(bundle, [
			{name: 'b/question.json', text: JSON.stringify({format: 's3-kms-doctor/bundle@1', operation: 'download', bucket: 'example-bucket', objectKey: `k${osc52}`})},
			{name: 'b/sts-get-caller-identity.stderr', text: `\nAn error occurred (AccessDenied) when calling the GetCallerIdentity operation: no ${osc52} \u001b[2J\n`},
			{name: 'b/sts-get-caller-identity.exit', text: '254'},
			{name: `b/big\u001b[2J.json`, zeros: 11 * 1024 * 1024},
		]);
		const run = await runBuiltCli(['import', bundle]);
		expect(rawControls(run.stdout + run.stderr)).toEqual([]);
		expect(run.stderr).toContain('\\u001b');
	});

	it('explain-error escapes the message and CloudTrail fields it quotes', async () => {
		const message = `User: arn:aws:iam::111122223333:user/x${osc52} is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/k${'\u202e'} because no identity-based policy allows the kms:Decrypt action`;
		for (const format of ['text', 'json']) {
			const run = await runBuiltCli(['explain-error', '--format', format], {input: message});
			expect(run.exitCode, run.stderr).toBe(0);
			expect(rawControls(run.stdout)).toEqual([]);
		}
		const trail = JSON.stringify({Records: [{eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', errorCode: 'AccessDenied', errorMessage: message, userIdentity: {arn: `arn:aws:iam::111122223333:user/x${osc52}`}}]});
		const run = await runBuiltCli(['explain-error'], {input: trail});
		expect(rawControls(run.stdout + run.stderr)).toEqual([]);
	});

	it("explain-error escapes what it reads from an SDK's stack: the request ID of its printed $metadata", async () => {
		const paste = [
			`\u001b[31mAccessDenied: User: arn:aws:sts::111122223333:assumed-role/App/s${reorder} is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no identity-based policy allows the kms:Decrypt action\u001b[0m\r`,
			'    at de_AccessDeniedRes (/app/node_modules/@aws-sdk/client-s3/dist-cjs/index.js:4822:21) {',
			`  '$metadata': { httpStatusCode: 403, requestId: 'R1${'\u0007'}${osc52}\u001bX' }`,
			'}',
		].join('\n');
		for (const format of ['text', 'json']) {
			const run = await runBuiltCli(['explain-error', '--format', format], {input: paste});
			expect(run.exitCode, run.stderr).toBe(0);
			expect(rawControls(run.stdout + run.stderr)).toEqual([]);
		}
		const text = await runBuiltCli(['explain-error'], {input: paste});
		expect(text.stdout).toMatch(/^ {2}Request ID +R1\\u0007\\u001bX$/m);
		expect(text.stdout).toMatch(/^ {2}Policy +identity-based policy/m);
	});
});

/** The result screen of the hostile snapshot, as the wizard shows it. */
const renderResult = (fake: ReturnType<typeof fakeServices>): Rendered =>
	renderApp(
		<KeyRouter>
			<ResultScreen diagnosis={diagnosis} snapshot={hostileSnapshot} services={fake.services} width={100} rows={40} onRerun={() => undefined} savedCheckNames={[]} onBack={vi.fn()} onQuit={vi.fn()} />
		</KeyRouter>,
	);

describe('the wizard with hostile text', () => {
	let app: Rendered | undefined;
	afterEach(() => {
		app?.unmount();
		app = undefined;
	});

	it('the result screen writes no sequence of theirs to the terminal, and copies none to the clipboard', async () => {
		const fake = fakeServices();
		app = renderResult(fake);
		await app.waitFor(frame => frame.includes('Bucket policy'), 'the table');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Decided by') || frame.includes('on arn'), 'the detail');
		for (const frame of app.rawFrames()) {
			// Ink's own styling and cursor moves are CSI sequences; nothing else may be there.
			// eslint-disable-next-line no-control-regex -- Ink's own sequences are what this removes.
			const withoutInk = frame.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
			expect(rawControls(withoutInk.replace(/\n/g, ''))).toEqual([]);
			expect(frame).not.toContain('\u001b]');
		}
		for (const fix of diagnosis.fixes) for (const tab of ['statement', 'policy', 'command'] as const) expect(rawControls(fixText(fix, tab).replace(/\n/g, ''))).toEqual([]);
	});

	it('s saves the snapshot with their characters JSON-escaped, parsing back to exactly what they wrote', async () => {
		const fake = fakeServices();
		app = renderResult(fake);
		await app.waitFor(frame => frame.includes('Bucket policy'), 'the table');
		await app.press('s');
		await app.waitFor(frame => frame.includes('Save the snapshot as:'), 'the save dialog');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('written to'), 'the snapshot written');
		const [text] = [...fake.written.values()];
		// JSON.stringify escapes C0 controls only: C1 (U+009B) and bidi (U+202E) were written raw, for a cat to act on.
		expect(rawControls(text!.replace(/\n/g, ''))).toEqual([]);
		expect(text).toContain('\\u009b');
		expect(JSON.parse(text!)).toEqual(JSON.parse(JSON.stringify(hostileSnapshot)));
	});

	it('c and e from the result screen copy and export nothing of theirs raw', async () => {
		const fake = fakeServices();
		app = renderResult(fake);
		await app.waitFor(frame => frame.includes('Bucket policy'), 'the table');
		await app.press('c');
		await app.waitFor(frame => frame.includes('to the clipboard'), 'the copy');
		await app.press('e');
		await app.waitFor(frame => frame.includes('Save the report as:'), 'the export dialog');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('written to'), 'the report written');
		expect(fake.copied).toHaveLength(1);
		expect(fake.copied[0]).toContain('\\u001b]52;c;');
		expect(fake.written.size).toBe(1);
		for (const text of [...fake.copied, ...fake.written.values()]) expect(rawControls(text.replace(/\n/g, ''))).toEqual([]);
		expect([...fake.written.values()][0]).toContain('\\u001b');
	});

	it('a pasted policy holding such characters is accepted with a warning', () => {
		const pasted = JSON.stringify({Version: '2012-10-17', Statement: [{Sid: `A${osc52}B`, Effect: 'Allow', Action: 'kms:*', Resource: '*'}]});
		expect(checkPolicy(pasted, 'Key policy')).toEqual({ok: true, statementCount: 1, hiddenCharacters: 2});
	});

	it('the wizard marks such a paste ! where it is pasted and in the transcript, as every paste with a warning', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		// Up to the key policy's paste field: every step but the last, which pastes a policy and presses Enter.
		await walkThrough(app, manualUploadWithKeyPolicy('arn:aws:iam::111122223333:role/Uploader', '').slice(0, -1));
		await app.waitFor(frame => frame.includes('Paste the key policy'), 'the key policy paste');
		const pasted = JSON.stringify({Version: '2012-10-17', Statement: [{Sid: `A${osc52}B`, Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}]});
		await app.paste(pasted);
		const checked = await app.waitFor(frame => frame.includes('valid policy, 1 statement'), 'the paste checked');
		expect(checked).toContain('! valid policy, 1 statement — Enter to continue');
		expect(checked).toContain('! it holds 2 control or invisible characters');
		expect(checked).not.toContain('✔ valid policy');
		await app.press(keys.enter);
		const next = await app.waitFor(frame => frame.includes("The caller's identity policies"), 'the next question');
		expect(next).toContain('! Key policy: valid policy, 1 statement; it holds 2 control or invisible characters');
		expect(next).not.toContain('✔ Key policy: valid policy');
	});

	it('the exported markdown is the same safe report', () => {
		expect(rawControls(renderMarkdown(diagnosis))).toEqual([]);
	});
});

/**
 * What the wizard asks is written from customer text too: a profile's name in ~/.aws/config, a saved check's name in the
 * settings file, the line saying why a profile cannot reach AWS (a credential_process's own words), a pasted error's
 * resource, a typed path. The views that draw a prompt, a choice, a hint, a field, a wait or a paste's status line make it
 * visible, as the transcript and the result screen do.
 */
describe("the wizard's questions, choices, hints and waits with hostile text", () => {
	let app: Rendered | undefined;
	afterEach(() => {
		app?.unmount();
		app = undefined;
	});

	/** Every character of theirs a terminal would act on, in every frame written: only Ink's colours (SGR) are ours. */
	// eslint-disable-next-line no-control-regex -- Ink's colours are what this removes.
	const rawInFrames = (rendered: Rendered): string[] => [...new Set(rendered.rawFrames().flatMap(frame => rawControls(frame.replace(/\u001b\[[0-9;]*m/g, '').replace(/\n/g, ''))))];
	/** Wrapped lines joined, as a user reads a sentence. */
	const flat = (frame: string): string => frame.replace(/\n +/g, ' ');

	/** How the sanitizer shows a text: each control or bidi character as its JSON escape (none of these has a short one). */
	// eslint-disable-next-line no-control-regex -- these are what it escapes.
	const shown = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f\u202e]/g, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
	const profile = `dev${osc52}`;
	const refusal = `credential_process said: ${clearScreen}${csi8bit} ${reorder}\u0007\b`;

	it('a profile name, its Region, a saved check name and the line saying AWS is unreachable are shown escaped', async () => {
		const fake = fakeServices({
			profiles: [{name: profile, kind: 'static', region: `eu-west-1${reorder}`}],
			settings: {recentTargets: [], savedChecks: {[`nightly${csi8bit}`]: {answers: {operation: 'upload', bucket: 'example-bucket', 'object-key': `in/x${clearScreen}`}, savedAt: '2026-11-04T10:00:00Z'}}},
			unreachable: {[profile]: refusal},
		});
		app = renderApp(<WizardApp services={fake.services} />, {columns: 100, rows: 40});
		const asked = await app.waitFor(frame => frame.includes('Which AWS profile'), 'the first question');
		expect(asked).toContain(`Profile ${shown(profile)}`);
		expect(asked).toContain('eu-west-1\\u202e');
		expect(asked).toContain('Saved check: nightly\\u009b2J');
		expect(asked).toContain('upload s3://example-bucket/in/x\\u001b[2J\\u001b[H');
		await app.press(keys.down, keys.enter);
		const unreachable = await app.waitFor(frame => frame.includes('credential_process said'), 'the profile found unreachable');
		expect(flat(unreachable)).toContain(`? ${shown(refusal)}`);
		expect(fake.reachChecks).toEqual([profile]);
		expect(rawInFrames(app)).toEqual([]);
	});

	it("a pasted error's resource is shown escaped in the paste's status line, as in the transcript after it", async () => {
		const key = `arn:aws:kms:eu-central-1:777788889999:key/aaaabbbb-1111-2222-3333-444455556666${reorder}`;
		const error = `An error occurred (AccessDenied) when calling the UploadPartCopy operation: User: arn:aws:iam::111122223333:user/copier is not authorized to perform: kms:Decrypt on resource: ${key} because no resource-based policy allows the kms:Decrypt action`;
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await app.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await app.paste(error);
		const checked = await app.waitFor(frame => frame.includes('recognised an error message'), 'the paste checked');
		expect(flat(checked)).toContain(`✔ recognised an error message: kms:Decrypt on ${shown(key)} — Enter to continue`);
		await app.press(keys.enter);
		const next = flat(await app.waitFor(frame => frame.includes('✔ Error'), 'the next question'));
		expect(next).toContain(`✔ Resource: ${shown(key)}`);
		expect(rawInFrames(app)).toEqual([]);
	});

	it('a typed path is shown escaped in its field, while it is read, and in the line saying it cannot be', async () => {
		const path = `snap${reorder}${csi8bit}.json`;
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 100, rows: 40});
		await app.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await app.press(keys.down, keys.down, keys.enter);
		await app.waitFor(frame => frame.includes('Which snapshot file'), 'the file question');
		await app.paste(path);
		expect(await app.waitFor(frame => frame.includes('snap\\u202e'), 'the path typed')).toContain(`› ${shown(path)}`);
		await app.press(keys.enter);
		const refused = await app.waitFor(frame => frame.includes('no such file'), 'the file not read');
		expect(refused).toContain(`✘ cannot read ${shown(path)}: no such file`);
		expect(rawInFrames(app)).toEqual([]);
	});

	it("live reads name the profile and quote AWS's words escaped while they run", async () => {
		const denied = `no ${reorder}${osc52}`;
		app = renderApp(
			<KeyRouter>
				<WaitView
					wait={{kind: 'collect', key: 'reads', request: {profile, question: {operation: 'upload', bucket: 'example-bucket', objectKey: 'in/x'}}}}
					reads={[{id: 'bucket-policy', label: 's3:GetBucketPolicy example-bucket', state: 'failed', detail: denied}]}
					width={100}
					canGoBack
					onBack={vi.fn()}
					onHelp={vi.fn()}
					onQuit={vi.fn()}
				/>
			</KeyRouter>,
		);
		const frame = await app.waitFor(frame => frame.includes('Reading with profile'), 'the reads');
		expect(frame).toContain(`Reading with profile ${shown(profile)}…`);
		expect(frame).toContain(`s3:GetBucketPolicy example-bucket — ${shown(denied)}`);
		expect(rawInFrames(app)).toEqual([]);
	});

	it("a copy's source object, read from the snapshot for the result's title, is shown escaped there", async () => {
		const example = loadExample('replication-cross-account-replica-key-policy');
		const snapshot = {...example, question: {...example.question, source: {...example.question.source!, objectKey: `Tax/${osc52}return.pdf`}}};
		app = renderApp(
			<KeyRouter>
				<ResultScreen diagnosis={diagnose(snapshot)} snapshot={snapshot} services={fakeServices().services} width={160} rows={40} onRerun={() => undefined} savedCheckNames={[]} onBack={vi.fn()} onQuit={vi.fn()} />
			</KeyRouter>,
		);
		const frame = await app.waitFor(frame => frame.includes('s3-kms-doctor · replication'), 'the title');
		expect(frame.split('\n')[0]).toContain(`s3://example-source/Tax/${shown(osc52)}return.pdf → s3://example-replica/`);
		expect(rawInFrames(app)).toEqual([]);
	});
});
