import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {argvOf} from '../diagnosis/support/fix-checks.js';
import {copiedCommand} from '../ui/helpers/copied-command.js';
import {cli, root, skipWithoutTmux, strayLines, useTmuxTerminal, type Terminal} from './tmux-session.js';

/**
 * The built CLI in tmux at the documented minimum (80×24) and smaller (60×20), with CI=false: every
 * explanation can be read whole, the footer keeps "? keys", no wrapped line falls back to column 0,
 * every frame fits, and Ctrl+C leaves a clean screen with exit code 130.
 */

const sizes = [
	{columns: 80, rows: 24},
	{columns: 60, rows: 20},
] as const;

let terminal: Terminal;

type Example = {readonly metadata: {readonly description: string}};
type Report = {readonly requirements: ReadonlyArray<{readonly action: string; readonly place: string; readonly status: string; readonly why: string}>};

/** What the screen says, with wrapped lines joined again (continuation lines are indented). */
const joined = (screen: string): string => screen.replace(/\n +/g, ' ').replace(/ {2,}/g, ' ');

const fits = (screen: string, size: {readonly columns: number; readonly rows: number}): void => {
	const lines = screen.replace(/\n+$/, '').split('\n');
	expect(lines.length).toBeLessThanOrEqual(size.rows);
	for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(size.columns);
	expect(strayLines(screen), screen).toEqual([]);
};

/** Without credentials, from the first question to the key policy's paste field: an upload that names its key. */
const untilKeyPolicy = async (session: string, request: {readonly object: string; readonly keyArn: string; readonly size: string; readonly caller: string}): Promise<void> => {
	const steps: ReadonlyArray<readonly [string, readonly string[], string?]> = [
		['No credentials', ['Enter']],
		['What fails?', ['Enter']],
		['Which bucket?', ['Enter'], request.object],
		['name a KMS key', ['Down', 'Enter']],
		['Which key does the request name?', ['Enter'], request.keyArn],
		['What uploads it?', ['Enter']],
		['How big is the file?', ['Enter'], request.size],
		['Who makes the request?', ['Enter'], request.caller],
		["in the caller's account", ['Enter']],
		['Which Region is the bucket in?', ['Enter']],
		['The key policy:', ['Enter']],
	];
	for (const [wanted, keys, text] of steps) {
		await terminal.waitFor(session, wanted);
		if (text) terminal.press(session, '-l', text);
		terminal.press(session, ...keys);
	}
};

/** A copy whose policies were not pasted, with a pasted error: a long verdict, three assumptions and a finding. */
const keyArn = 'arn:aws:kms:eu-central-1:777788889999:key/aaaabbbb-1111-2222-3333-444455556666';
const crowdedCopy = {
	format: 's3-kms-doctor/snapshot@1',
	question: {operation: 'copy', bucket: 'dst-bucket', objectKey: 'out/a.bin', tool: 'aws-cli', source: {bucket: 'src-bucket', objectKey: 'in/a.bin', kmsKeyId: keyArn}},
	principal: {arn: 'arn:aws:iam::111122223333:user/copier', permissionsBoundary: null, sessionPolicy: null},
	bucket: {name: 'dst-bucket', accountId: '111122223333', region: 'eu-central-1', policy: null},
	key: {arn: keyArn},
	source: {bucketInfo: {name: 'src-bucket', accountId: '777788889999'}, objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn}}, keyInfo: {arn: keyArn}},
	organization: {serviceControlPolicies: [], resourceControlPolicies: []},
	unread: [
		{path: 'principal.identityPolicies', reason: 'not pasted', resolveWith: "paste the caller's identity policies"},
		{path: 'key.policy', reason: 'not pasted', resolveWith: `aws kms get-key-policy --key-id ${keyArn} --policy-name default --output text`},
		{path: 'source.keyInfo.policy', reason: 'not pasted', resolveWith: `aws kms get-key-policy --key-id ${keyArn} --policy-name default --output text`},
		{path: 'source.keyInfo.grants', reason: 'not asked', resolveWith: `aws kms list-grants --key-id ${keyArn}`},
		{path: 'source.bucketInfo.policy', reason: 'not pasted', resolveWith: 'aws s3api get-bucket-policy --bucket src-bucket --output text'},
	],
	assumptions: [{id: 'no-grants', because: 'the pasted error shows kms:Decrypt refused on this key; aws kms list-grants settles it'}],
	evidence: [{deniedBy: 'resource', action: 'kms:Decrypt', deny: 'implicit', resource: keyArn}],
};

describe.skipIf(skipWithoutTmux)('the wizard at 80×24 and 60×20', () => {
	const terminalOf = useTmuxTerminal('small');
	beforeAll(() => {
		terminal = terminalOf();
	});

	const example = 'large-upload-multipart-missing-decrypt';
	const description = (): string =>
		(JSON.parse(execFileSync(process.execPath, ['-e', `process.stdout.write(require('fs').readFileSync('examples/${example}.json','utf8'))`], {cwd: root, encoding: 'utf8'})) as Example).metadata.description;
	const report = (): Report => JSON.parse(spawnSync(process.execPath, [cli, 'check', '--snapshot', join(root, 'examples', `${example}.json`), '--format', 'json'], {encoding: 'utf8'}).stdout) as Report;

	let files = '';
	beforeAll(() => {
		files = mkdtempSync(join(tmpdir(), 's3-kms-doctor-e2e-crowded-'));
		writeFileSync(join(files, 'crowded.snapshot.json'), JSON.stringify(crowdedCopy, null, 2));
	});
	afterAll(() => {
		if (files) rmSync(files, {recursive: true, force: true});
	});

	for (const size of sizes) {
		it(`${size.columns}×${size.rows}: a verdict with several assumptions fits, its title and verdict line kept; v shows what gave way; the save dialog keeps the file name whole`, async () => {
			const session = terminal.start(`crowded-${size.columns}`, size);
			await terminal.waitFor(session, 'How shall we look at the failing request?');
			terminal.press(session, 'Down', 'Down', 'Enter');
			await terminal.waitFor(session, 'Which snapshot file?');
			terminal.press(session, '-l', join(files, 'crowded.snapshot.json'));
			terminal.press(session, 'Enter');
			let screen = await terminal.waitFor(session, /^› /m);
			const lines = screen.replace(/\n+$/, '').split('\n');
			expect(lines[0]).toMatch(/^s3-kms-doctor · copy s3:\/\/src-bucket\/in\/a\.bin/);
			expect(lines[1]).toMatch(/^\? Unknown: Copying s3:\/\/src-bucket\/in\/a\.bin/);
			expect(screen).toMatch(/^ {2}… .* not shown( whole)?: v shows them$/m);
			fits(screen, size);

			terminal.press(session, 'v');
			screen = await terminal.waitFor(session, 'Esc back');
			let text = screen;
			for (let page = 0; page < 10 && /lines \d+–\d+ of \d+/.test(screen) && !/lines \d+–(\d+) of \1 /.test(screen); page++) {
				fits(screen, size);
				const shown = /lines \d+–\d+ of \d+/.exec(screen)?.[0];
				terminal.press(session, 'NPage');
				// The next page is drawn when a busy machine gets to it: wait for the lines shown to change, not a fixed time.
				screen = await terminal.waitFor(session, text => /lines \d+–\d+ of \d+/.exec(text)?.[0] !== shown);
				text += `\n${screen}`;
			}
			fits(screen, size);
			for (const wanted of ['Assumed: no KMS grant on the key allows these actions', 'Assumed: the object read is owned by', 'is enabled and symmetric (its state and spec, from kms:DescribeKey, were not read or given).'])
				expect(joined(text)).toContain(wanted);
			terminal.press(session, 'Escape');
			await terminal.waitFor(session, 'v shows them');

			terminal.press(session, 's');
			screen = await terminal.waitFor(session, 'Save the snapshot as');
			// The default name on one line: its end is there whole, never carried over to the next line.
			expect(screen).toMatch(/› s3-kms-doctor-\S*-\d{4}-\d{2}-\d{2}\.snapshot\.json\s*│/);
			expect(screen.split('\n')[1]).toMatch(/^\? Unknown: /);
			fits(screen, size);
			terminal.press(session, 'C-c');
			await terminal.waitFor(session, 'wizard exited with 130');
		}, 60_000);

		it(`${size.columns}×${size.rows}: the example's description, the failing row's explanation and its fix read in full; Ctrl+C leaves a clean screen`, async () => {
			const session = terminal.start(`walk-${size.columns}`, size);
			let screen = await terminal.waitFor(session, 'How shall we look at the failing request?');
			expect(screen).toMatch(/\? keys · q quit\s*$/m);
			fits(screen, size);

			terminal.press(session, 'Down', 'Down', 'Down', 'Enter');
			screen = await terminal.waitFor(session, 'Which example?');
			expect(joined(screen)).toContain(description());
			fits(screen, size);

			terminal.press(session, 'Enter');
			screen = await terminal.waitFor(session, /› ✘ +kms:Decrypt/);
			const failing = report().requirements.find(requirement => requirement.status === 'missing')!;
			// 80×24 shows the selected row's explanation whole under the table; 60×20 its start (Enter has the rest).
			if (size.columns >= 80) expect(joined(screen)).toContain(`${failing.action}: ${failing.why}`);
			else expect(joined(screen)).toContain(`${failing.action}: ${failing.why.slice(0, 40)}`);
			expect(screen).toMatch(/\? keys · q quit\s*$/m);
			fits(screen, size);
			terminal.press(session, '?');
			screen = await terminal.waitFor(session, text => joined(text).includes('export the report as Markdown'));
			fits(screen, size);
			terminal.press(session, '?');
			await terminal.waitFor(session, /› ✘ +kms:Decrypt/);

			// The explanation with the fix's CLI command, read to its end with PgDn: the whole reason and the command are there.
			terminal.press(session, 'Enter');
			await terminal.waitFor(session, 'Needed for:');
			terminal.press(session, 'Tab', 'Tab');
			screen = await terminal.waitFor(session, '[CLI command]');
			let text = screen;
			for (let page = 0; page < 20 && !/lines \d+–(\d+) of \1 /.test(screen); page++) {
				fits(screen, size);
				expect(screen).toMatch(/\? keys · q quit\s*$/m);
				const shown = /lines \d+–\d+ of \d+/.exec(screen)?.[0];
				if (shown === undefined) break; // it all fits: no page to turn
				terminal.press(session, 'NPage');
				// The next page is drawn when a busy machine gets to it: wait for the lines shown to change, not a fixed time.
				screen = await terminal.waitFor(session, text => /lines \d+–\d+ of \d+/.exec(text)?.[0] !== shown);
				text += `\n${screen}`;
			}
			fits(screen, size);
			expect(joined(text)).toContain(failing.why);
			expect(joined(text)).toContain('aws kms put-key-policy');

			terminal.press(session, 'C-c');
			screen = await terminal.waitFor(session, 'wizard exited with 130');
			expect(screen.trim()).toBe('wizard exited with 130');
		}, 90_000);

		it(`${size.columns}×${size.rows}: ? shows the keys in a list and in a field, each fitting`, async () => {
			const session = terminal.start(`help-${size.columns}`, size);
			await terminal.waitFor(session, 'How shall we look at the failing request?');
			terminal.press(session, '?');
			let screen = await terminal.waitFor(session, text => joined(text).includes('type to filter the options'));
			expect(screen).not.toContain('filter:');
			fits(screen, size);
			terminal.press(session, 'Escape');
			await terminal.waitFor(session, 'How shall we look at the failing request?');
			terminal.press(session, 'Enter', 'Enter');
			screen = await terminal.waitFor(session, 'Which bucket?');
			expect(screen).toMatch(/\? keys · Ctrl\+C quit\s*$/m);
			terminal.press(session, '?');
			screen = await terminal.waitFor(session, text => joined(text).includes('otherwise ? is text'));
			fits(screen, size);
			terminal.press(session, 'Escape');
			await terminal.waitFor(session, 'Which bucket?');
			terminal.press(session, 'C-c');
			await terminal.waitFor(session, 'wizard exited with 130');
		}, 60_000);
	}

	it('80×24: a key policy pasted as aws kms get-key-policy prints it is read, and said so', async () => {
		const size = {columns: 80, rows: 24};
		const session = terminal.start('paste', size);
		const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
		await terminal.waitFor(session, 'How shall we look at the failing request?');
		await untilKeyPolicy(session, {object: 's3://reports-bucket/exports/big.csv', keyArn, size: '', caller: 'arn:aws:iam::111122223333:user/john'});
		let screen = await terminal.waitFor(session, 'Paste the key policy');
		// Wider than the terminal: never cut with …, whole on lines the shell joins, so a copy of the screen's lines runs it.
		expect(screen).toMatch(/^ {2}\$ aws kms get-key-policy \\$/m);
		expect(screen).not.toContain('…');
		const copied = copiedCommand(screen, 'aws kms get-key-policy');
		expect(argvOf(copied)).toEqual(['kms', 'get-key-policy', '--key-id', keyArn, '--region', 'eu-west-1', '--policy-name', 'default', '--query', 'Policy', '--output', 'text']);
		expect(screen).toMatch(/--output text\n {2}Run it with credentials of account 111122223333/);
		fits(screen, size);
		const document = {Version: '2012-10-17', Statement: [{Sid: 'Enable IAM', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}]};
		terminal.paste(session, JSON.stringify({Policy: JSON.stringify(document, null, 2), PolicyName: 'default'}, null, 4));
		screen = await terminal.waitFor(session, '✔ valid policy, 1 statement');
		expect(joined(screen)).toContain('took the policy out of the "Policy" string that aws kms get-key-policy prints');
		fits(screen, size);
		terminal.press(session, 'Enter');
		screen = await terminal.waitFor(session, "The caller's identity policies");
		expect(screen).toContain('✔ Key policy: valid policy, 1 statement');
		fits(screen, size);
		terminal.press(session, 'C-c');
		await terminal.waitFor(session, 'wizard exited with 130');
	}, 90_000);

	it('80×24: a pasted presigned URL names the object, and its signature and token leave the screen on Enter', async () => {
		const size = {columns: 80, rows: 24};
		const session = terminal.start('presigned', size);
		const signature = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
		const token = 'IQoJb3JpZ2luX2VjEXAMPLETOKENFwoGZXIvYXdzEBYaDEXAMPLESESSIONTOKEN0123456789abcdef';
		const url = `https://acme-exports.s3.eu-west-1.amazonaws.com/reports/q3.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAIOSFODNN7EXAMPLE%2F20261204%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261204T080000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Security-Token=${token}&X-Amz-Signature=${signature}`;
		await terminal.waitFor(session, 'How shall we look at the failing request?');
		terminal.press(session, 'Enter');
		await terminal.waitFor(session, 'What fails?');
		// The sixth operation: upload, download, copy, the two CloudFront ones, then the presigned download.
		terminal.press(session, 'Down', 'Down', 'Down', 'Down', 'Down', 'Enter');
		await terminal.waitFor(session, 'Paste the presigned URL');
		terminal.paste(session, url);
		terminal.press(session, 'Enter');
		const screen = await terminal.waitFor(session, 'Which KMS key encrypts the object?');
		expect(joined(screen)).toContain('s3://acme-exports/reports/q3.pdf (Signature Version 4, signed with ASIAIOSFODNN7EXAMPLE, expires 2026-12-04T09:00:00Z)');
		expect(screen).not.toContain('Which bucket?');
		expect(screen).not.toContain(signature.slice(0, 16));
		expect(screen).not.toContain(token.slice(0, 16));
		fits(screen, size);
		terminal.press(session, 'C-c');
		await terminal.waitFor(session, 'wizard exited with 130');
	}, 60_000);

	it('the first seed article, pasted at 80×24: ✘ kms:Decrypt at the key policy, the multipart warning and the proven fix', async () => {
		const size = {columns: 80, rows: 24};
		const session = terminal.start('seed-one', size);
		const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
		const role = 'arn:aws:iam::111122223333:role/Uploader';
		const keyPolicy = {Version: '2012-10-17', Statement: [{Sid: 'Allow use of the key', Effect: 'Allow', Principal: {AWS: role}, Action: 'kms:GenerateDataKey', Resource: '*'}]};
		const identity = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['s3:PutObject', 'kms:GenerateDataKey'], Resource: '*'}]};
		await terminal.waitFor(session, 'How shall we look at the failing request?');
		await untilKeyPolicy(session, {object: 's3://amzn-s3-demo-bucket/backups/db.tar', keyArn, size: '200 MB', caller: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice'});
		await terminal.waitFor(session, 'Paste the key policy');
		terminal.paste(session, JSON.stringify(keyPolicy));
		await terminal.waitFor(session, '✔ valid policy, 1 statement');
		terminal.press(session, 'Enter');
		await terminal.waitFor(session, "The caller's identity policies");
		terminal.press(session, 'Enter');
		await terminal.waitFor(session, 'Paste identity policy 1');
		terminal.paste(session, JSON.stringify(identity));
		await terminal.waitFor(session, '✔ valid policy, 1 statement');
		terminal.press(session, 'Enter');
		for (const [wanted, keys] of [
			['another identity policy', ['Enter']],
			['The bucket policy:', ['Down', 'Enter']],
			['permissions boundary, a session policy or an SCP', ['Enter']],
			// kms:Decrypt is left to a grant or a key policy: the grants are asked, after the guardrails.
			['Grants on the key can allow', ['Enter']],
		] as const) {
			await terminal.waitFor(session, wanted);
			terminal.press(session, ...keys);
		}
		let screen = await terminal.waitFor(session, '✘ Denied');
		expect(joined(screen)).toContain('kms:Decrypt is not allowed by the key policy');
		expect(joined(screen)).toContain('multipart upload with SSE-KMS needs kms:Decrypt');
		// The pasted policies never say the key's state: the assumption stays, in two lines, and the table keeps its heading.
		expect(screen).toMatch(/^≈ Assumed: the KMS key …key\/1234abcd-12ab-34cd-56ef-1234567890ab is enabled.*\n {2}\S.*were not read or given\)\.\n! /m);
		expect(screen).toMatch(/^Key policy · /m);
		fits(screen, size);
		terminal.press(session, 'Enter');
		screen = await terminal.waitFor(session, 'Fix Key policy');
		expect(joined(screen)).toContain('proven');
		fits(screen, size);
		terminal.press(session, 'C-c');
		await terminal.waitFor(session, 'wizard exited with 130');
	}, 90_000);
});
