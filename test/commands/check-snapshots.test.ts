import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Ajv2020} from 'ajv/dist/2020.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {combinedExitCode} from '../../source/commands/check-snapshots.js';
import {runBuiltCli} from './run-built-cli.js';
import {hostileSnapshot, rawControls} from '../hostile/hostile-snapshot.js';

/** `check --snapshot examples/*.json`: what a shell's glob gives, one report per file, the worst exit code. */

const allowed = 'examples/all-allowed.json';
const denied = 'examples/disabled-key.json';
const multipart = 'examples/large-upload-multipart-missing-decrypt.json';
let folder = '';
let unknown = '';

/** docs/diagnoses.schema.json: the array several files print, each element a diagnosis or a bad file. */
const schemaOf = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const validateList = new Ajv2020({strict: true, allowUnionTypes: true}).addSchema(schemaOf('diagnosis.schema.json'), 'diagnosis.schema.json').compile(schemaOf('diagnoses.schema.json'));

beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 's3-kms-doctor-snapshots-'));
	// The allowed example with its key policy unread: nothing is denied, one thing is unknown.
	const snapshot = JSON.parse(readFileSync(allowed, 'utf8')) as {key: Record<string, unknown>};
	delete snapshot.key['policy'];
	unknown = join(folder, 'key-policy-unread.json');
	writeFileSync(unknown, JSON.stringify(snapshot));
});
afterAll(() => rmSync(folder, {recursive: true, force: true}));

describe('check --snapshot with several files', () => {
	it('prints one text report per file, in the order given, each under its file name', async () => {
		const run = await runBuiltCli(['check', '--snapshot', denied, allowed, multipart]);
		const headings = run.stdout.split('\n').filter(line => line.startsWith('== '));
		expect(headings).toEqual([`== ${denied}`, `== ${allowed}`, `== ${multipart}`]);
		expect(run.stdout.match(/ALLOWED|DENIED/g)).toEqual(['DENIED', 'ALLOWED', 'DENIED']);
		expect(run.exitCode).toBe(1);
		expect(run.stderr).toBe('');
	});

	it('takes snapshot files named without --snapshot, as people type them first (check snap.json)', async () => {
		const run = await runBuiltCli(['check', denied, allowed]);
		expect(run.stdout.split('\n').filter(line => line.startsWith('== '))).toEqual([`== ${denied}`, `== ${allowed}`]);
		expect(run.exitCode).toBe(1);
		expect(run.stderr).toBe('');
		// Named both ways: the plain names first, then --snapshot's, one report each.
		const both = await runBuiltCli(['check', multipart, '--snapshot', allowed, '--format', 'json']);
		expect((JSON.parse(both.stdout) as Array<{file: string}>).map(report => report.file)).toEqual([multipart, allowed]);
		// A live option beside a file named plainly is refused as beside --snapshot, not silently dropped.
		const live = await runBuiltCli(['check', allowed, '--profile', 'ci']);
		expect(live.exitCode).toBe(2);
		expect(live.stderr).toBe('s3-kms-doctor: --profile does not apply to a snapshot file: the snapshot holds the question and what was read (leave it out, or name no snapshot file for a live check)\n');
	});

	it('prints a JSON array in the order given', async () => {
		const run = await runBuiltCli(['check', '--snapshot', allowed, multipart, '--format', 'json']);
		const reports = JSON.parse(run.stdout) as Array<{verdict: string; question: {bucket: string}}>;
		expect(reports.map(report => report.verdict)).toEqual(['allowed', 'denied']);
		expect(reports.map(report => report.question.bucket)).toEqual(['example-ingest', 'example-reports']);
	});

	it('names each JSON report\'s file, and gives a bad file its own element, so the indexes match the arguments', async () => {
		const broken = join(folder, 'broken-for-json.json');
		writeFileSync(broken, '{"format": ');
		const missing = join(folder, 'missing.json');
		const run = await runBuiltCli(['check', '--snapshot', allowed, missing, broken, multipart, '--format', 'json']);
		const reports = JSON.parse(run.stdout) as Array<{file: string; verdict?: string; error?: string}>;
		expect(reports.map(report => report.file)).toEqual([allowed, missing, broken, multipart]);
		expect(reports.map(report => report.verdict)).toEqual(['allowed', undefined, undefined, 'denied']);
		expect(reports[1]!.error).toMatch(/^cannot read snapshot .*missing\.json: no such file$/);
		expect(reports[2]!.error).toMatch(/broken-for-json\.json/);
		// The same words as the line each bad file gets on standard error.
		expect(run.stderr.trim().split('\n')).toEqual([`s3-kms-doctor: ${reports[1]!.error}`, `s3-kms-doctor: ${reports[2]!.error}`]);
		expect(validateList(reports), JSON.stringify(validateList.errors)).toBe(true);
		expect(run.exitCode).toBe(2);
	});

	it('keeps a customer\'s bidi and control characters escaped in the JSON array, as one file\'s report does', async () => {
		const snapshot = JSON.parse(readFileSync(multipart, 'utf8')) as {key: {policy: {Statement: Array<{Sid?: string}>}}};
		snapshot.key.policy.Statement[1]!.Sid = 'Use\u202eyek\u001b]52;c;x\u0007';
		const hostile = join(folder, 'hostile-sid.json');
		writeFileSync(hostile, JSON.stringify(snapshot));
		const run = await runBuiltCli(['check', '--snapshot', hostile, allowed, '--format', 'json']);
		for (const raw of ['\u202e', '\u001b', '\u0007']) expect(run.stdout).not.toContain(raw);
		expect(run.stdout).toContain(String.raw`Use\u202eyek\u001b]52;c;x\u0007`);
		const [report] = JSON.parse(run.stdout) as Array<{requirements: Array<{decidedBy: string | null}>}>;
		expect(report!.requirements.map(row => row.decidedBy)).toContain('key policy, Sid "Use\u202eyek\u001b]52;c;x\u0007"');
	});

	it("shows a file name's control and bidi characters escaped in the text heading, as every customer text is", async () => {
		const name = 'report\u001b[31mred\u202etxt.json';
		const hostile = join(folder, name);
		writeFileSync(hostile, readFileSync(allowed, 'utf8'));
		const run = await runBuiltCli(['check', '--snapshot', hostile, allowed]);
		for (const raw of ['\u001b', '\u202e']) expect(run.stdout).not.toContain(raw);
		expect(run.stdout.split('\n').filter(line => line.startsWith('== '))).toEqual([`== ${join(folder, String.raw`report\u001b[31mred\u202etxt.json`)}`, `== ${allowed}`]);
		expect(run.exitCode).toBe(0);
	});

	it('writes every Markdown report to --out, one after another', async () => {
		const out = join(folder, 'reports.md');
		const run = await runBuiltCli(['check', '--snapshot', allowed, denied, '--format', 'md', '--out', out]);
		expect(run.stdout).toBe('');
		const text = readFileSync(out, 'utf8');
		expect(text.match(/^# .*/gm)?.map(heading => heading.split(':')[0])).toEqual(['# ✔ Allowed', '# ✘ Denied']);
	});

	it('says an empty path is empty (a shell variable not set), not that a file named nothing is missing', async () => {
		const run = await runBuiltCli(['check', '--snapshot', '', allowed]);
		expect(run.stderr).toBe('s3-kms-doctor: cannot read snapshot: the path given is empty; give the path of a file, or - for standard input\n');
		// The other file is still reported.
		expect(run.stdout.split('\n').filter(line => line.startsWith('== '))).toEqual([`== ${allowed}`]);
		expect(run.exitCode).toBe(2);
	});

	it('gives a bad file its one line, still reports the others, and exits 2', async () => {
		const broken = join(folder, 'broken.json');
		writeFileSync(broken, '{"format": ');
		const run = await runBuiltCli(['check', '--snapshot', allowed, join(folder, 'missing.json'), broken, denied]);
		const errors = run.stderr.trim().split('\n');
		expect(errors).toHaveLength(2);
		expect(errors[0]).toMatch(/^s3-kms-doctor: cannot read snapshot .*missing\.json: no such file$/);
		expect(errors[1]).toMatch(/^s3-kms-doctor: .*broken\.json/);
		expect(run.stdout.split('\n').filter(line => line.startsWith('== '))).toEqual([`== ${allowed}`, `== ${denied}`]);
		expect(run.exitCode).toBe(2);
	});

	it('exits 3 when nothing is denied and something is unknown, 0 when all are allowed', async () => {
		expect((await runBuiltCli(['check', '--snapshot', allowed, unknown])).exitCode).toBe(3);
		expect((await runBuiltCli(['check', '--snapshot', allowed, allowed])).exitCode).toBe(0);
	});

	it('keeps one file exactly as before: no heading, its own exit code', async () => {
		const run = await runBuiltCli(['check', '--snapshot', allowed]);
		expect(run.stdout).not.toContain('== ');
		expect(run.exitCode).toBe(0);
	});
});

describe('the exit code of several verdicts', () => {
	it('is 2 for any bad input, else 1 for any denied, else 3 for any unknown, else 0', () => {
		expect(combinedExitCode(['denied', 'allowed'], 1)).toBe(2);
		expect(combinedExitCode(['unknown', 'denied', 'allowed'], 0)).toBe(1);
		expect(combinedExitCode(['allowed', 'unknown'], 0)).toBe(3);
		expect(combinedExitCode(['allowed', 'allowed'], 0)).toBe(0);
	});
});

describe('a usage error', () => {
	it.each([
		[['check', '--bogus'], "unknown option '--bogus'"],
		[['check', '--format', 'nope'], "argument 'nope' is invalid"],
		[['check', '--snapshot'], 'argument missing'],
	])('%j is one line on standard error, naming the problem and --help, exit 2', async (args, problem) => {
		const run = await runBuiltCli(args);
		expect(run.exitCode).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr.trimEnd().split('\n'), run.stderr).toEqual([expect.stringMatching(new RegExp(`^s3-kms-doctor: .*${problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.* \\(run with --help for usage\\)$`))]);
	});
});

describe('a snapshot saved as UTF-16 (Windows PowerShell 5.1 writes it with >)', () => {
	let folder = '';
	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 's3kd-utf16-'));
	});
	afterAll(() => rmSync(folder, {recursive: true, force: true}));

	it('is read as the same text, little- or big-endian, as it is in UTF-8', async () => {
		const text = readFileSync(allowed, 'utf8');
		const little = Buffer.from(`\uFEFF${text}`, 'utf16le');
		const big = Buffer.from(little).swap16();
		writeFileSync(join(folder, 'le.json'), little);
		writeFileSync(join(folder, 'be.json'), big);
		const utf8 = await runBuiltCli(['check', '--snapshot', allowed, '--format', 'json']);
		for (const file of ['le.json', 'be.json']) {
			const run = await runBuiltCli(['check', '--snapshot', join(folder, file), '--format', 'json']);
			expect(run.stderr).toBe('');
			expect(run.exitCode).toBe(0);
			expect(JSON.parse(run.stdout)).toEqual(JSON.parse(utf8.stdout));
		}
	});
});

describe('writing over the snapshot the check reads', () => {
	it.each([['--save-snapshot'], ['--out']])('%s onto the input is refused in one line, and the original is kept', async flag => {
		const original = readFileSync(allowed, 'utf8');
		const copy = join(folder, 'customer.json');
		writeFileSync(copy, original);
		const run = await runBuiltCli(['check', '--snapshot', copy, '--redact', flag, join(folder, '.', 'customer.json')]);
		expect(run.exitCode).toBe(2);
		expect(run.stderr.trim()).toBe(`s3-kms-doctor: ${flag} ${join(folder, 'customer.json')} is the snapshot this check reads: give another file, so the original is kept`);
		expect(readFileSync(copy, 'utf8')).toBe(original);
	});
});

describe('--save-snapshot of a customer snapshot with terminal-steering characters', () => {
	it('writes them JSON-escaped (C1 and bidi too, which JSON.stringify leaves raw), and the file parses back to exactly what they wrote', async () => {
		const input = join(folder, 'hostile.json');
		const saved = join(folder, 'hostile-saved.json');
		writeFileSync(input, JSON.stringify(hostileSnapshot));
		const run = await runBuiltCli(['check', '--snapshot', input, '--save-snapshot', saved]);
		expect(run.exitCode).toBe(1);
		const text = readFileSync(saved, 'utf8');
		expect(rawControls(text.replace(/\n/g, ''))).toEqual([]);
		expect(text).toContain('\\u202e');
		expect(JSON.parse(text)).toMatchObject({principal: JSON.parse(JSON.stringify(hostileSnapshot.principal)) as object});
	});
});
