import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {parseJson} from '../../source/engine/json.js';
import {builtCli, runBuiltCli} from '../commands/run-built-cli.js';
import {writeTarGz} from '../support/tar-gz.js';

/**
 * Every read is bounded and every limit is a clean exit 2 with one line naming it: never a stack trace,
 * never exit 1 (which the CLI documents as "denied"), never a hang, never gigabytes of memory.
 */

const bomb = fileURLToPath(new URL('../fixtures/hostile/bomb.tar.gz', import.meta.url));
const peakMemory = fileURLToPath(new URL('../support/peak-memory.cjs', import.meta.url));
let folder: string;

type Run = {exitCode: number | null; stdout: string; stderr: string; peakMiB: number; seconds: number};

/** The built CLI in a child process under a heap limit, optionally fed by a shell command's output. */
const runLimited = (
	args: readonly string[],
	options: {stdinFrom?: string; holdStdin?: boolean; env?: NodeJS.ProcessEnv; heapMiB?: number; killAfterMs?: number} = {},
): Promise<Run> => {
	const memoryFile = path.join(folder, `peak-${Math.random().toString(36).slice(2)}`);
	const node = [process.execPath, `--max-old-space-size=${options.heapMiB ?? 256}`, '--require', peakMemory, builtCli, ...args].map(word => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
	const started = Date.now();
	const env = {...process.env, NO_COLOR: '1', CI: 'true', PEAK_MEMORY_FILE: memoryFile, ...options.env};
	// holdStdin: a pipe whose writer stays open and says nothing (the test never writes to it).
	const child = options.holdStdin
		? spawn(process.execPath, [`--max-old-space-size=${options.heapMiB ?? 256}`, '--require', peakMemory, builtCli, ...args], {env})
		: spawn('sh', ['-c', options.stdinFrom ? `${options.stdinFrom} | ${node}` : `${node} </dev/null`], {env});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', chunk => (stdout += String(chunk)));
	child.stderr.on('data', chunk => (stderr += String(chunk)));
	const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
	return new Promise(resolve =>
		child.on('close', exitCode => {
			clearTimeout(killer);
			let peakMiB = Number.NaN;
			try {
				peakMiB = Number(readFileSync(memoryFile, 'utf8')) / 1024;
			} catch {
				// Killed: no peak written.
			}
			resolve({exitCode, stdout, stderr, peakMiB, seconds: (Date.now() - started) / 1000});
		}),
	);
};

/** One line, naming the limit, exit 2: how every limit must end. */
const expectCleanLimit = (run: Run, limit: RegExp): void => {
	expect(run.exitCode, run.stderr).toBe(2);
	expect(run.stderr).toMatch(/^s3-kms-doctor: /);
	expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
	expect(run.stderr).toMatch(limit);
	expect(run.stderr).not.toMatch(/\n\s+at /);
};

beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 's3kd-limits-'));
});

describe('decompression bombs and bundle limits, in a child process under a 256 MB heap', {timeout: 120_000}, () => {
	it('a 300 KB archive whose one entry claims 2 GiB stops at the 100 MiB limit, within 256 MB', async () => {
		const run = await runLimited(['import', bomb]);
		expectCleanLimit(run, /unpacks to more than 100 MiB \(the limit for a support bundle\)/);
		expect(run.peakMiB).toBeLessThan(256);
	});

	it('more than 5,000 entries', async () => {
		const many = path.join(folder, 'many.tar.gz');
		await writeTarGz(many, Array.from({length: 5001}, (_, index) => ({name: `b/f${index}.json`, text: '{}'})));
		expectCleanLimit(await runLimited(['import', many]), /holds more than 5,000 entries \(the limit for a support bundle\)/);
	});

	it('more than 100 MiB of real files', async () => {
		const heavy = path.join(folder, 'heavy.tar.gz');
		await writeTarGz(heavy, Array.from({length: 12}, (_, index) => ({name: `b/f${index}.json`, zeros: 9 * 1024 * 1024})));
		const run = await runLimited(['import', heavy]);
		expectCleanLimit(run, /unpacks to more than 100 MiB/);
		expect(run.peakMiB).toBeLessThan(256);
	});

	it('two entries of the same name', async () => {
		const twice = path.join(folder, 'twice.tar.gz');
		await writeTarGz(twice, [
			{name: 'b/question.json', text: '{}'},
			{name: 'b/iam-get-role.json', text: '{"Role": {"RoleName": "first"}}'},
			{name: 'b/iam-get-role.json', text: '{"Role": {"RoleName": "second"}}'},
		]);
		expectCleanLimit(await runLimited(['import', twice]), /holds two entries named b\/iam-get-role\.json/);
	});

	it('two entries that tar -x writes to one file (b//x, b/./x)', async () => {
		for (const [index, other] of ['b//iam-get-role.json', 'b/./iam-get-role.json'].entries()) {
			const twice = path.join(folder, `spelled-twice-${index}.tar.gz`);
			await writeTarGz(twice, [
				{name: 'b/question.json', text: '{}'},
				{name: 'b/iam-get-role.json', text: '{"Role": {"RoleName": "first"}}'},
				{name: other, text: '{"Role": {"RoleName": "second"}}'},
			]);
			expectCleanLimit(await runLimited(['import', twice]), /holds two entries named b\/iam-get-role\.json/);
		}
	});
});

describe('unbounded and endless inputs, under a time limit', {timeout: 120_000}, () => {
	it('check --snapshot /dev/zero stops at 16 MiB', async () => {
		const run = await runLimited(['check', '--snapshot', '/dev/zero']);
		expectCleanLimit(run, /\/dev\/zero is larger than 16 MiB, the limit for a snapshot/);
		expect(run.peakMiB).toBeLessThan(256);
	});

	it('explain-error < /dev/zero and yes | check --snapshot - stop at 16 MiB', async () => {
		expectCleanLimit(await runLimited(['explain-error'], {stdinFrom: 'cat /dev/zero'}), /standard input is larger than 16 MiB, the limit for an error message/);
		expectCleanLimit(await runLimited(['check', '--snapshot', '-'], {stdinFrom: 'yes'}), /standard input is larger than 16 MiB, the limit for a snapshot/);
	});

	it('a FIFO with no writer, and a pipe that delivers nothing, end after the idle limit', async () => {
		const fifo = path.join(folder, 'fifo');
		execFileSync('mkfifo', [fifo]);
		const env = {S3_KMS_DOCTOR_PIPE_IDLE_MS: '500'};
		const check = await runLimited(['check', '--snapshot', fifo], {env, killAfterMs: 15_000});
		expectCleanLimit(check, /delivered nothing for 500 ms \(the limit for a pipe or FIFO\)/);
		const bundle = await runLimited(['import', fifo], {env, killAfterMs: 15_000});
		expectCleanLimit(bundle, /delivered nothing for 500 ms/);
		const silent = await runLimited(['explain-error'], {holdStdin: true, env, killAfterMs: 15_000});
		expectCleanLimit(silent, /standard input delivered nothing for 500 ms/);
		expect(silent.seconds).toBeLessThan(15);
	});

	it('a FIFO that is written to is read as a file', async () => {
		const fifo = path.join(folder, 'fifo-written');
		execFileSync('mkfifo', [fifo]);
		const example = fileURLToPath(new URL('../../examples/all-allowed.json', import.meta.url));
		const run = await runLimited(['check', '--snapshot', fifo, '--format', 'json'], {stdinFrom: `(sleep 1; cat '${example}' > '${fifo}') & true`});
		expect(run.exitCode, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({verdict: 'allowed'});
	});
});

describe('nesting, policy sizes and flags that do not apply', {timeout: 120_000}, () => {
	it('a policy nested 100,000 levels deep is refused before it is parsed', async () => {
		const deep = path.join(folder, 'deep.json');
		writeFileSync(deep, `{"format":"s3-kms-doctor/snapshot@1","question":{"operation":"upload","bucket":"b","objectKey":"k"},"bucket":{"policy":{"Statement":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}`);
		expectCleanLimit(await runLimited(['check', '--snapshot', deep]), /nested more than 64 levels deep \(the limit\) at line 1, column \d+/);
		expect(parseJson(`${'['.repeat(64)}${']'.repeat(64)}`).ok).toBe(true);
		expect(parseJson(`${'['.repeat(65)}${']'.repeat(65)}`).ok).toBe(false);
		// Brackets inside strings are text, not depth.
		expect(parseJson(JSON.stringify({Sid: '['.repeat(1000)})).ok).toBe(true);
	});

	it('in a bundle, one answer nested 100,000 levels deep is left unread, naming the entry and the limit; a question that deep is refused', async () => {
		const question = {format: 's3-kms-doctor/bundle@1', operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'k'};
		const deepAnswer = `{"Policy": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
		const caller = '{"UserId": "AROAEXAMPLE:alice", "Account": "111122223333", "Arn": "arn:aws:sts::111122223333:assumed-role/Uploader/alice"}';
		const bundle = path.join(folder, 'deep-answer.tar.gz');
		await writeTarGz(bundle, [
			{name: 'b/question.json', text: JSON.stringify(question)},
			{name: 'b/sts-get-caller-identity.json', text: caller},
			{name: 'b/sts-get-caller-identity.exit', text: '0\n'},
			{name: 'b/s3api-get-bucket-policy.json', text: deepAnswer},
			{name: 'b/s3api-get-bucket-policy.exit', text: '0\n'},
		]);
		// A damaged answer, as one cut short is (docs/hostile-input.md): the fact is unknown (exit 3, never 1), the rest is diagnosed.
		const run = await runLimited(['import', bundle, '--format', 'json']);
		expect(run.exitCode, run.stderr).toBe(3);
		expect(run.stderr).toMatch(/^ {2}- bucket\.policy: s3api-get-bucket-policy\.json is not valid JSON \(nested more than 64 levels deep \(the limit\) at line 1, column \d+\)/m);
		expect(run.stderr).not.toMatch(/\n\s+at /);
		expect(run.peakMiB).toBeLessThan(256);
		expect(JSON.parse(run.stdout)).toMatchObject({verdict: 'unknown'});

		const deepQuestion = path.join(folder, 'deep-question.tar.gz');
		await writeTarGz(deepQuestion, [{name: 'b/question.json', text: JSON.stringify({...question, x: 0}).replace('0}', `${'['.repeat(100_000)}${']'.repeat(100_000)}}`)}]);
		expectCleanLimit(await runLimited(['import', deepQuestion]), /question\.json is not valid JSON: nested more than 64 levels deep \(the limit\)/);
	});

	it("a key policy over AWS's 32 KiB is refused by name", async () => {
		// KMS PutKeyPolicy: "The policy size limit is 32 KiB (32768 bytes)."
		const big = path.join(folder, 'big-policy.json');
		const statements = Array.from({length: 400}, (_, index) => ({Sid: `S${index}`.padEnd(80, 'x'), Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}));
		writeFileSync(big, JSON.stringify({format: 's3-kms-doctor/snapshot@1', question: {operation: 'upload', bucket: 'example-bucket', objectKey: 'k'}, key: {arn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', policy: {Statement: statements}}}));
		expectCleanLimit(await runLimited(['check', '--snapshot', big]), /key\.policy is [\d,]+ bytes, more than the 32,768 AWS allows for a key policy/);
	});

	it('live-check options given with --snapshot are an error; --redact stays allowed', async () => {
		const example = fileURLToPath(new URL('../../examples/all-allowed.json', import.meta.url));
		const run = await runBuiltCli(['check', '--snapshot', example, '--size', 'abc']);
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toBe('s3-kms-doctor: --size does not apply to a snapshot file: the snapshot holds the question and what was read (leave it out, or name no snapshot file for a live check)\n');
		const several = await runBuiltCli(['check', '--snapshot', example, '--region', 'eu-west-1', '--kms-key-id', 'alias/x', '--bucket-profile', 'p']);
		expect(several.stderr).toMatch(/^s3-kms-doctor: --bucket-profile, --kms-key-id, --region do not apply to a snapshot file/);
		const redacted = await runBuiltCli(['check', '--snapshot', example, '--redact', '--format', 'json']);
		expect(redacted.exitCode).toBe(0);
		expect(redacted.stdout).not.toContain('example-ingest');
		const bad = await runBuiltCli(['check', '--snapshot', example, '--redact', 'some']);
		expect(bad.exitCode).toBe(2);
		expect(bad.stderr).toMatch(/--redact some is not a choice/);
	});
});

describe('a policy pattern made to backtrack', {timeout: 120_000}, () => {
	it('eight wildcard segments against a 400-character key are decided at once (it ran for minutes)', async () => {
		const example = JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/cross-account-download.json', import.meta.url)), 'utf8')) as {
			question: {objectKey: string; bucket: string};
			principal: {identityPolicies: {document: {Statement: {Resource: unknown}[]}}[]};
		};
		example.question.objectKey = `logs/${'x/'.repeat(200)}file.csv`;
		for (const policy of example.principal.identityPolicies) for (const statement of policy.document.Statement) statement.Resource = `arn:aws:s3:::${example.question.bucket}/*/*/*/*/*/*/*/*.parquet`;
		const file = path.join(folder, 'backtrack.json');
		writeFileSync(file, JSON.stringify(example));
		const run = await runLimited(['check', '--snapshot', file, '--format', 'json'], {killAfterMs: 30_000});
		// Killed at 30 s (exit code null) before; now the diagnosis itself: denied, as the pattern does not cover the key.
		expect(run.exitCode, run.stderr).toBe(1);
	});
});
