import {copyFileSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {Header} from 'tar';
import {beforeAll, describe, expect, it} from 'vitest';
import {CliError} from '../../source/commands/cli-error.js';
import {runImport} from '../../source/commands/import.js';
import {renderCollectScript, validateCollectOptions} from '../../source/outputs/collect-script/index.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {runCollectScript, type ScriptRun} from '../support/fake-aws-cli/run-collect-script.js';
import {writeTarGz} from '../support/tar-gz.js';
import {runBuiltCli} from './run-built-cli.js';

let collected: ScriptRun;
let work: string;

beforeAll(async () => {
	const options = validateCollectOptions({operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'backups/db-2024-06-01.tar', sizeBytes: '100MiB'});
	if (!options.ok) throw new Error(options.error.message);
	collected = await runCollectScript(renderCollectScript(options.value), fileURLToPath(new URL('../fixtures/bundle/upload-member-account.json', import.meta.url)));
	if (collected.exitCode !== 0) throw new Error(collected.stderr);
	work = mkdtempSync(path.join(tmpdir(), 's3kd-import-'));
});

describe('s3-kms-doctor import', () => {
	it('diagnoses the tarball exactly as check --snapshot diagnoses the snapshot it saves', async () => {
		const saved = path.join(work, 'imported.json');
		const imported = await runBuiltCli(['import', collected.tarball, '--format', 'json', '--save-snapshot', saved]);
		expect([0, 1, 3]).toContain(imported.exitCode);
		expect(imported.stderr).toMatch(/^Imported .*bundle\.tar\.gz; 4 parts could not be collected and stay unknown:\n/);
		expect(imported.stderr).toMatch(/^ {2}- key\.policy: kms:GetKeyPolicy: denied \(AccessDeniedException\): .* — resolve with kms:GetKeyPolicy on arn:aws:kms:/m);
		const diagnosis = JSON.parse(imported.stdout) as {verdict: string};
		expect(['allowed', 'denied', 'unknown']).toContain(diagnosis.verdict);
		const checked = await runBuiltCli(['check', '--snapshot', saved, '--format', 'json']);
		expect(checked.exitCode).toBe(imported.exitCode);
		expect(JSON.parse(checked.stdout)).toEqual(diagnosis);
		const snapshot = JSON.parse(readFileSync(saved, 'utf8')) as Snapshot;
		expect(snapshot.metadata?.collectedBy).toBe('bundle');
		expect(snapshot.key?.arn).toBe('arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
	});

	it('reads the unpacked folder, or the folder above it, to the same snapshot', async () => {
		const fromTarball = await snapshotOf(collected.tarball);
		expect(await snapshotOf(collected.bundle)).toEqual(fromTarball);
		expect(await snapshotOf(collected.folder)).toEqual(fromTarball);
	});

	it('writes a markdown report with --out and prints nothing else on standard output', async () => {
		const report = path.join(work, 'report.md');
		const run = await runBuiltCli(['import', collected.tarball, '--format', 'md', '--out', report]);
		expect(run.stdout).toBe('');
		expect(readFileSync(report, 'utf8')).toMatch(/^#/);
	});

	it.each<[string, () => string, RegExp]>([
		['a path that does not exist', () => path.join(work, 'nope.tar.gz'), /^s3-kms-doctor: cannot read the bundle .*nope\.tar\.gz: no such file$/],
		['a file that is not an archive', () => writeTemp('snapshot.json', '{"format": "s3-kms-doctor/snapshot@1"}'), /snapshot\.json is not a \.tar\.gz \(38 bytes in all\), and a bundle is one \.tar\.gz: ask for the bundle again$/],
		['an empty file', () => writeTemp('empty.tar.gz', ''), /empty\.tar\.gz is empty, and a bundle is one \.tar\.gz/],
		['a .zip', () => writeTemp('bundle.zip', 'PK\u0003\u0004rest of a zip'), /bundle\.zip is a \.zip archive, and a bundle is one \.tar\.gz/],
		['a .tar.zst', () => writeTemp('bundle.tar.zst', Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58])), /is compressed with zstd \(\.tar\.zst\), and a bundle is one \.tar\.gz/],
		['a large file that is neither', () => writeTemp('big.txt', 'x'.repeat(4096)), /big\.txt is neither a \.tar\.gz nor a \.tar, and a bundle is one \.tar\.gz/],
		['a truncated archive', () => truncated(), /cut\.tar\.gz is cut short \(the gzip stream stops before its end\), so some of the bundle's answers are missing: ask for the bundle again$/],
		['a .tar cut inside a header', () => cutTar(1100), /cut-1100\.tar is cut short \(it ends inside a 512-byte tar block\), so some of the bundle's answers are missing: ask for the bundle again$/],
		['a .tar cut between two entries', () => cutTar(1024), /cut-1024\.tar is cut short \(it ends without the zero blocks that close a tar archive\), so some/],
		['a .tar cut inside an entry', () => cutTar(2048), /cut-2048\.tar is cut short \(it ends without the zero blocks that close a tar archive\), so some/],
		['a path through a file', () => path.join(writeTemp('plain.txt', 'x'), 'bundle.tar.gz'), /^s3-kms-doctor: cannot read the bundle .*plain\.txt\/bundle\.tar\.gz: a part of the path is not a folder$/],
		['a one-byte file', () => writeTemp('one.tar.gz', 'x'), /one\.tar\.gz is not a \.tar\.gz \(1 byte in all\), and a bundle is one \.tar\.gz: ask for the bundle again$/],
		['an empty path (a shell variable not set)', () => '', /^s3-kms-doctor: the bundle's path is empty: give the \.tar\.gz the collection script made, or its unpacked folder$/],
		['a folder that is not a bundle', () => mkdtempSync(path.join(work, 'empty-')), /cannot import .*: the bundle has no question\.json/],
	])('refuses %s in one line with exit 2', async (_name, bundle, message) => {
		const run = await runBuiltCli(['import', bundle()]);
		expect(run.exitCode).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr.trim()).toMatch(message);
	});
});

describe('s3-kms-doctor import: answers it reads, or leaves out, in a bundle that is whole', () => {
	it('a whole .tar is read: the refusal is of its question, not of the archive', async () => {
		const run = await runBuiltCli(['import', cutTar(3584)]);
		expect(run.stderr).not.toMatch(/cut short/);
		expect(run.stderr.trim()).toMatch(/^s3-kms-doctor: cannot import .*cut-3584\.tar: question\.json: /);
	});

	it('one answer over 10 MiB is left out by name, its fact unknown (exit 3): in the archive and in the folder', async () => {
		const question = {format: 's3-kms-doctor/bundle@1', operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'k'};
		const caller = {UserId: 'AROAEXAMPLE:alice', Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice'};
		const entries = {
			'question.json': JSON.stringify(question),
			'sts-get-caller-identity.json': JSON.stringify(caller),
			'sts-get-caller-identity.exit': '0\n',
			's3api-get-bucket-policy.json': `{"Policy": "${' '.repeat(11 * 1024 * 1024)}"}`,
			's3api-get-bucket-policy.exit': '0\n',
		};
		const archive = path.join(work, 'oversize.tar.gz');
		await writeTarGz(archive, Object.entries(entries).map(([name, text]) => ({name: `oversize/${name}`, text})));
		const folder = mkdtempSync(path.join(work, 'oversize-'));
		for (const [name, text] of Object.entries(entries)) writeFileSync(path.join(folder, name), text);
		for (const [bundle, shown] of [[archive, 'oversize/s3api-get-bucket-policy.json'], [folder, 's3api-get-bucket-policy.json']] as const) {
			const run = await runBuiltCli(['import', bundle, '--format', 'json']);
			expect(run.exitCode, run.stderr).toBe(3);
			expect(run.stderr).toContain(`  - left out ${shown} (11 MiB, over the 10 MiB a bundle file may have)\n`);
			expect(run.stderr).toMatch(/^ {2}- bucket\.policy: s3api-get-bucket-policy\.json is missing, though the call succeeded: the answer was removed, cut short or left out/m);
			expect(run.stderr).not.toMatch(/\n\s+at /);
			expect(JSON.parse(run.stdout)).toMatchObject({verdict: 'unknown'});
		}
	});

	it('runImport, the command\'s function, refuses bad input with the CliError cli.tsx prints as one line, exit 2', async () => {
		const report = async (): Promise<number> => 0;
		for (const bundle of [path.join(work, 'nope.tar.gz'), cutTar(1100), writeTemp('notes.txt', 'hello')]) {
			const refused = await runImport(bundle, {}, {reportDiagnosis: report}).then(
				() => undefined,
				(error: unknown) => error,
			);
			expect(refused).toBeInstanceOf(CliError);
			expect((refused as CliError).exitCode).toBe(2);
			expect((refused as CliError).message).toContain(path.basename(bundle));
			expect((refused as CliError).message).not.toContain('\n');
		}
	});
});

const writeTemp = (name: string, content: string | Buffer): string => {
	const file = path.join(work, name);
	writeFileSync(file, content);
	return file;
};

/** A plain .tar of a two-entry bundle (question.json, then a 1 KiB answer), cut after `bytes` bytes. */
const cutTar = (bytes: number): string => {
	const answer = Buffer.alloc(1024, 0x20);
	answer.write('{"Policy": ');
	const header = (name: string, size: number): Buffer => {
		const block = new Header({path: name, mode: 0o644, uid: 0, gid: 0, size, mtime: new Date(0), type: 'File'});
		block.encode();
		return block.block!;
	};
	const question = Buffer.alloc(512);
	question.write('{}');
	const whole = Buffer.concat([header('b/question.json', 2), question, header('b/s3api-get-bucket-policy.json', answer.length), answer, Buffer.alloc(1024)]);
	return writeTemp(`cut-${bytes}.tar`, whole.subarray(0, bytes));
};

const truncated = (): string => {
	const file = path.join(work, 'cut.tar.gz');
	copyFileSync(collected.tarball, file);
	truncateSync(file, Math.floor(statSync(file).size / 2));
	return file;
};

/** The snapshot runImport hands to the report, without running the diagnosis. */
const snapshotOf = async (bundle: string): Promise<Snapshot> => {
	let seen: Snapshot | undefined;
	const stderr = process.stderr.write;
	process.stderr.write = (() => true) as typeof process.stderr.write;
	try {
		await runImport(bundle, {}, {reportDiagnosis: async snapshot => ((seen = snapshot), 0)});
	} finally {
		process.stderr.write = stderr;
	}
	if (!seen) throw new Error('no snapshot reached the report');
	return seen;
};
