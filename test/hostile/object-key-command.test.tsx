import {execFileSync} from 'node:child_process';
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import {KeyRouter} from '../../source/ui/keys/key-router.js';
import {ResultScreen} from '../../source/ui/result/result-screen.js';
import {allow, bucket, bucketArn, buildSnapshot, deny, policy, without} from '../diagnosis/support/build-snapshot.js';
import {copiedCommand} from '../ui/helpers/copied-command.js';
import {fakeServices} from '../ui/helpers/fake-services.js';
import {keys, renderApp, type Rendered} from '../ui/helpers/render.js';

/**
 * An object key holding a line break (a key a script wrote with its trailing newline): the changed request's
 * command names it. Shown with the key escaped (`\n`), a pasted command would name another key; so every command a
 * person may paste is run through sh here, with an `aws` that prints its arguments, and must name the exact key, or
 * no command is offered and the view says to take the exact one from `check --format json`.
 */

const objectKey = 'reports/2025/q1\n.csv';
const destination = `s3://${bucket}/${objectKey}`;
const requireKms = deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'RequireSseKms', Principal: '*', Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption': 'aws:kms'}}});
const snapshot = without(
	buildSnapshot({question: {objectKey}, bucket: {policy: policy(allow('s3:GetObject', `${bucketArn}/*`, {Sid: 'Readers', Principal: {AWS: 'arn:aws:iam::111122223333:root'}}), requireKms)}}),
	'question.kmsKeyId',
);
const diagnosis = diagnose(snapshot);

let stubPath: string;
beforeAll(() => {
	const folder = mkdtempSync(path.join(tmpdir(), 's3kd-key-command-'));
	// Each argument followed by a NUL, so a line break inside one is kept.
	writeFileSync(path.join(folder, 'aws'), '#!/bin/sh\nfor argument in "$@"; do printf \'%s\\0\' "$argument"; done\n');
	chmodSync(path.join(folder, 'aws'), 0o755);
	stubPath = `${folder}${path.delimiter}${process.env['PATH'] ?? ''}`;
});

/** The arguments `aws` receives when a user pastes the command into sh. */
const argvInShell = (command: string): string[] =>
	execFileSync('sh', ['-c', command], {env: {...process.env, PATH: stubPath}, encoding: 'utf8'}).split('\0').slice(0, -1);

/** Every `aws s3 cp` command a view offers, each run as a paste would run it: the destination must be the exact key. */
const expectExactOrWithheld = (commands: readonly string[], view: string): void => {
	if (commands.length === 0) {
		expect(view).toContain('check --format json');
		expect(view).toMatch(/Not shown ready to paste: the object key in this command holds a line break/);
		return;
	}
	for (const command of commands) expect(argvInShell(command)[3]).toBe(destination);
};

const copyCommandsIn = (text: string): string[] =>
	text
		.split('\n')
		.map(line => line.trim())
		.filter(line => line.startsWith('aws s3 cp'));

describe('the changed request for an object key holding a line break', () => {
	let app: Rendered | undefined;
	afterEach(() => {
		app?.unmount();
		app = undefined;
	});

	it('is a change-request fix, and the JSON report\'s command names the exact key', () => {
		const fix = diagnosis.fixes.find(candidate => candidate.kind === 'change-request');
		expect(fix).toBeDefined();
		const json = JSON.parse(renderJson(diagnosis)) as {fixes: {kind: string; command: string}[]};
		expect(argvInShell(json.fixes.find(candidate => candidate.kind === 'change-request')!.command)[3]).toBe(destination);
	});

	it('the text report offers no command that pastes as another key', () => {
		const text = renderText(diagnosis, {color: false, width: 400});
		expectExactOrWithheld(copyCommandsIn(text), text);
	});

	it('the markdown report offers no command that pastes as another key', () => {
		const markdown = renderMarkdown(diagnosis);
		expectExactOrWithheld(copyCommandsIn(markdown), markdown);
	});

	it('the wizard neither shows nor copies a command that pastes as another key', async () => {
		const fake = fakeServices();
		app = renderApp(
			<KeyRouter>
				<ResultScreen diagnosis={diagnosis} snapshot={snapshot} services={fake.services} width={200} rows={60} onRerun={() => undefined} savedCheckNames={[]} onBack={vi.fn()} onQuit={vi.fn()} />
			</KeyRouter>,
			{columns: 200, rows: 60},
		);
		await app.waitFor(frame => frame.includes('Bucket policy'), 'the table');
		await app.press(keys.enter);
		const frame = await app.waitFor(frame => frame.includes('Send the SSE-KMS headers'), 'the changed request\'s fix');
		const shown = frame.includes('aws s3 cp') ? [copiedCommand(frame, 'aws s3 cp')] : [];
		expectExactOrWithheld(shown, frame.replace(/\s+/g, ' '));
		await app.press('c');
		await app.waitFor(frame => /clipboard|Nothing copied/.test(frame), 'the copy');
		expectExactOrWithheld(fake.copied, app.lastFrame().replace(/\s+/g, ' '));
	});
});
