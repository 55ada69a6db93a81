import {readdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {list} from 'tar';
import {bundleToSnapshot, questionFile} from '../diagnosis/bundle/index.js';
import type {Snapshot} from '../diagnosis/snapshot.js';
import {visible} from '../report/sanitize.js';
import type {ReportFormat} from './check.js';
import {CliError, exitCodes} from './cli-error.js';
import {describeFileError, writeTextOutput} from './io.js';

export type ImportOptions = {
	readonly format?: ReportFormat;
	readonly out?: string;
	readonly saveSnapshot?: string;
};

/** A bundle holds a few hundred small JSON files; far more than this is not one of ours. */
const maxFileBytes = 10 * 1024 * 1024;
const maxTotalBytes = 100 * 1024 * 1024;
const maxFiles = 5000;

const tooLarge = (name: string, bytes: number): string => `${name} (${bytes} bytes, over the ${maxFileBytes / 1024 / 1024} MiB a bundle file may have)`;

export type BundleRead = {
	/** File name (relative to the bundle folder) → content. */
	readonly files: Map<string, string>;
	/** Files left out, with why. */
	readonly skipped: readonly string[];
};

/** The archive's files that sit in the folder holding question.json, by name within that folder. */
const bundleFolderOf = (all: ReadonlyMap<string, string>, source: string): Map<string, string> => {
	const questions = [...all.keys()].filter(name => path.posix.basename(name) === questionFile);
	if (questions.length > 1) {
		throw new CliError(`${source} holds ${questions.length} bundles (${questions.map(name => path.posix.dirname(name)).join(', ')}): import them one at a time`);
	}
	const folder = questions.length === 1 ? path.posix.dirname(questions[0]!) : undefined;
	const files = new Map<string, string>();
	for (const [name, content] of all) {
		const parent = path.posix.dirname(name);
		if (folder !== undefined ? parent === folder : parent.split('/').length <= 1) files.set(path.posix.basename(name), content);
	}
	return files;
};

const readArchive = async (file: string): Promise<BundleRead> => {
	const all = new Map<string, string>();
	const skipped: string[] = [];
	const pending: Array<Promise<void>> = [];
	let total = 0;
	try {
		await list({
			file,
			strict: true,
			onReadEntry: entry => {
				const name = entry.path.replace(/^\.\//, '');
				if (entry.type !== 'File') return;
				if (all.size + pending.length >= maxFiles) throw new CliError(`${file} holds more than ${maxFiles} files: it is not a support bundle`);
				if (entry.size > maxFileBytes) {
					skipped.push(tooLarge(name, entry.size));
					return;
				}
				total += entry.size;
				if (total > maxTotalBytes) throw new CliError(`${file} unpacks to more than ${maxTotalBytes / 1024 / 1024} MiB: it is not a support bundle`);
				const chunks: Buffer[] = [];
				entry.on('data', (chunk: Buffer) => chunks.push(chunk));
				pending.push(
					new Promise(resolve => {
						entry.on('end', () => {
							all.set(name, Buffer.concat(chunks).toString('utf8'));
							resolve();
						});
					}),
				);
			},
		});
		await Promise.all(pending);
	} catch (error) {
		if (error instanceof CliError) throw error;
		const reason = error instanceof Error ? error.message : String(error);
		throw new CliError(`${file} is not a readable .tar.gz (${reason}): ask for the bundle again, or unpack it and import the folder`);
	}
	return {files: bundleFolderOf(all, file), skipped};
};

const readFolder = async (folder: string): Promise<BundleRead> => {
	let entries = await readdir(folder, {withFileTypes: true});
	let root = folder;
	// Pointed at the folder above the bundle: step into it when it is the only bundle there.
	if (!entries.some(entry => entry.isFile() && entry.name === questionFile)) {
		const inner: string[] = [];
		for (const entry of entries.filter(candidate => candidate.isDirectory())) {
			const children = await readdir(path.join(folder, entry.name)).catch((): string[] => []);
			if (children.includes(questionFile)) inner.push(entry.name);
		}
		if (inner.length > 1) throw new CliError(`${folder} holds ${inner.length} bundles (${inner.join(', ')}): import one folder at a time`);
		if (inner.length === 1) {
			root = path.join(folder, inner[0]!);
			entries = await readdir(root, {withFileTypes: true});
		}
	}
	const files = new Map<string, string>();
	const skipped: string[] = [];
	const regular = entries.filter(entry => entry.isFile());
	if (regular.length > maxFiles) throw new CliError(`${root} holds more than ${maxFiles} files: it is not a support bundle`);
	for (const entry of regular) {
		const file = path.join(root, entry.name);
		const size = (await stat(file)).size;
		if (size > maxFileBytes) {
			skipped.push(tooLarge(entry.name, size));
			continue;
		}
		files.set(entry.name, await readFile(file, 'utf8'));
	}
	return {files, skipped};
};

/** The files of a bundle: a .tar.gz as the collection script made it, or its unpacked folder. */
export const readBundleFiles = async (bundle: string): Promise<BundleRead> => {
	let kind: 'file' | 'folder';
	try {
		const info = await stat(bundle);
		kind = info.isDirectory() ? 'folder' : 'file';
	} catch (error) {
		throw new CliError(`cannot read the bundle ${bundle}: ${describeFileError(error)}`);
	}
	try {
		return kind === 'folder' ? await readFolder(bundle) : await readArchive(bundle);
	} catch (error) {
		if (error instanceof CliError) throw error;
		throw new CliError(`cannot read the bundle ${bundle}: ${describeFileError(error)}`);
	}
};

export type ImportDependencies = {
	readonly reportDiagnosis: (snapshot: Snapshot, options: {format: ReportFormat; out?: string}) => Promise<number>;
};

const lazyReport: ImportDependencies['reportDiagnosis'] = async (snapshot, options) => {
	const {reportDiagnosis} = await import('./check.js');
	return reportDiagnosis(snapshot, options);
};

/** import: a support bundle → a snapshot → the same diagnosis and exit code as `check --snapshot`. */
export const runImport = async (bundle: string, options: ImportOptions = {}, dependencies: ImportDependencies = {reportDiagnosis: lazyReport}): Promise<number> => {
	const read = await readBundleFiles(bundle);
	const imported = bundleToSnapshot(read.files);
	if (!imported.ok) throw new CliError(`cannot import ${bundle}: ${imported.error.message}`, exitCodes.usage);
	const {snapshot, missing} = imported.value;
	const notes = [...read.skipped.map(name => `left out ${name}`), ...missing];
	if (notes.length > 0) {
		process.stderr.write(`Imported ${visible(bundle)}; ${notes.length} part${notes.length === 1 ? '' : 's'} could not be collected and stay unknown:\n${notes.map(note => `  - ${visible(note)}`).join('\n')}\n`);
	}
	if (options.saveSnapshot) await writeTextOutput(options.saveSnapshot, JSON.stringify(snapshot, null, 2), 'the snapshot to');
	return dependencies.reportDiagnosis(snapshot, {format: options.format ?? 'text', ...(options.out ? {out: options.out} : {})});
};
