import {copyFileSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {runImport} from '../../source/commands/import.js';
import {renderCollectScript, validateCollectOptions} from '../../source/outputs/collect-script/index.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {runCollectScript, type ScriptRun} from '../support/fake-aws-cli/run-collect-script.js';
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
		['a truncated archive', () => truncated(), /is not a readable \.tar\.gz/],
		['a folder that is not a bundle', () => mkdtempSync(path.join(work, 'empty-')), /cannot import .*: the bundle has no question\.json/],
	])('refuses %s in one line with exit 2', async (_name, bundle, message) => {
		const run = await runBuiltCli(['import', bundle()]);
		expect(run.exitCode).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr.trim()).toMatch(message);
	});
});

const writeTemp = (name: string, content: string | Buffer): string => {
	const file = path.join(work, name);
	writeFileSync(file, content);
	return file;
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
