import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {bundleToSnapshot, questionFile} from '../inputs/bundle/index.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {visible, visibleJson} from '../report/sanitize.js';
import type {ReportFormat} from './check.js';
import {CliError, exitCodes} from './cli-error.js';
import {formatSize} from '../shared/format-size.js';
import {policySizeProblems} from '../snapshot/policy-limits.js';
import {openInput, readBoundedText} from './bounded-read.js';
import {bundleLimits, fileTooLarge, readArchive} from './bundle-archive.js';
import {describeFileError, writeTextOutput} from './io.js';

export type ImportOptions = {
	readonly format?: ReportFormat;
	readonly out?: string;
	readonly saveSnapshot?: string;
};

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

const readArchiveFile = async (file: string): Promise<BundleRead> => {
	const read = await readArchive(await openInput(file, 'the bundle'));
	return {files: bundleFolderOf(read.files, file), skipped: read.skipped};
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
	const {maxEntries, maxFileBytes, maxTotalBytes} = bundleLimits;
	if (regular.length > maxEntries) throw new CliError(`${root} holds more than ${maxEntries.toLocaleString('en-US')} files, the limit for a support bundle: it is not one`);
	let total = 0;
	for (const entry of regular) {
		const file = path.join(root, entry.name);
		const size = (await stat(file)).size;
		if (size > maxFileBytes) {
			skipped.push(fileTooLarge(entry.name, size, bundleLimits));
			continue;
		}
		total += size;
		if (total > maxTotalBytes) throw new CliError(`${root} holds more than ${formatSize(maxTotalBytes)}, the limit for a support bundle: it is not one`);
		files.set(entry.name, await readBoundedText(await openInput(file, 'the bundle file'), {what: 'a bundle file', limit: maxFileBytes}));
	}
	return {files, skipped};
};

/** The files of a bundle: a .tar.gz as the collection script made it, or its unpacked folder. */
export const readBundleFiles = async (bundle: string): Promise<BundleRead> => {
	let kind: 'file' | 'folder';
	if (bundle.trim() === '') throw new CliError("the bundle's path is empty: give the .tar.gz the collection script made, or its unpacked folder");
	try {
		const info = await stat(bundle);
		kind = info.isDirectory() ? 'folder' : 'file';
	} catch (error) {
		throw new CliError(`cannot read the bundle ${bundle}: ${describeFileError(error)}`);
	}
	try {
		return kind === 'folder' ? await readFolder(bundle) : await readArchiveFile(bundle);
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
	const tooLarge = policySizeProblems(snapshot);
	if (tooLarge.length > 0) throw new CliError(`cannot import ${bundle}: ${tooLarge.join('; ')}`);
	const notes = [...read.skipped.map(name => `left out ${name}`), ...missing];
	if (notes.length > 0) {
		process.stderr.write(`Imported ${visible(bundle)}; ${notes.length} part${notes.length === 1 ? '' : 's'} could not be collected and stay unknown:\n${notes.map(note => `  - ${visible(note)}`).join('\n')}\n`);
	}
	if (options.saveSnapshot) await writeTextOutput(options.saveSnapshot, visibleJson(snapshot), 'the snapshot to');
	return dependencies.reportDiagnosis(snapshot, {format: options.format ?? 'text', ...(options.out ? {out: options.out} : {})});
};
