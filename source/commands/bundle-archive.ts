import {once} from 'node:events';
import {pipeline, Readable} from 'node:stream';
import {posix} from 'node:path';
import {createGunzip} from 'node:zlib';
import {Parser, type ReadEntry} from 'tar';
import {formatSize} from '../shared/format-size.js';
import {describeFileError} from './io.js';
import {idleLimit, type Input} from './bounded-read.js';
import {CliError} from './cli-error.js';

/**
 * A support bundle's .tar.gz read within fixed limits, whatever its headers claim: inflated bytes are
 * counted as they stream and reading stops before more than `maxTotalBytes` reach the tar parser, so a
 * 2 MB archive holding a 2 GiB entry costs a few megabytes of memory, not gigabytes.
 */

export type ArchiveLimits = {
	/** A file larger than this is left out (and said so), not read. */
	readonly maxFileBytes: number;
	/** Inflated bytes in all: headers, padding and left-out files included. */
	readonly maxTotalBytes: number;
	/** Entries of any kind. */
	readonly maxEntries: number;
};

/** A bundle holds a few hundred small JSON files; far more than this is not one of ours. */
export const bundleLimits: ArchiveLimits = {maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024, maxEntries: 5000};

export type ArchiveRead = {
	/** Entry name (a leading `./` dropped) → content. */
	readonly files: Map<string, string>;
	/** Files left out, with why. */
	readonly skipped: readonly string[];
};

const tarBlock = 512;
const gzipMagic = [0x1f, 0x8b];
const zstdMagic = [0x28, 0xb5, 0x2f, 0xfd];
const startsWith = (chunk: Buffer, magic: readonly number[]): boolean => magic.every((byte, index) => chunk[index] === byte);

/** Archive and compression formats a bundle is sent in by mistake, by their first bytes. */
const otherFormats: readonly {readonly magic: readonly number[]; readonly what: string}[] = [
	{magic: [0x50, 0x4b, 0x03, 0x04], what: 'is a .zip archive'},
	{magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'is compressed with xz (.tar.xz)'},
	{magic: [0x42, 0x5a, 0x68], what: 'is compressed with bzip2 (.tar.bz2)'},
	{magic: zstdMagic, what: 'is compressed with zstd (.tar.zst)'},
];

/** What is wrong with the first bytes a tar parser would read, said as what the file is; undefined when they may be a tar. */
const formatProblem = (chunk: Buffer, inflated: boolean): string | undefined => {
	const other = otherFormats.find(format => startsWith(chunk, format.magic));
	if (inflated && (other || startsWith(chunk, gzipMagic))) return 'is compressed twice';
	if (other) return other.what;
	// A tar header says "ustar" at offset 257 (POSIX and GNU alike); an archive with no entry starts with zero blocks.
	if (chunk.length < 512 || chunk.toString('latin1', 257, 262) === 'ustar') return undefined;
	if (chunk.subarray(0, 512).every(byte => byte === 0)) return 'is an empty archive';
	return inflated ? 'is gzip, but not of a tar archive' : 'is neither a .tar.gz nor a .tar';
};

/** The input's bytes, inflated when they are gzip (the tar parser is never left to inflate anything itself). */
const inflatedStream = async (raw: Readable): Promise<{readonly stream: Readable; readonly inflated: boolean}> => {
	const iterator = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
	const first = await iterator.next();
	const rest = async function* (): AsyncGenerator<Buffer> {
		if (!first.done) yield first.value;
		for (;;) {
			const next = await iterator.next();
			if (next.done) return;
			yield next.value;
		}
	};
	const bytes = Readable.from(rest(), {objectMode: false});
	if (first.done || !startsWith(first.value, gzipMagic)) return {stream: bytes, inflated: false};
	const gunzip = createGunzip();
	// An error anywhere (the idle limit, a corrupt stream) destroys both, and surfaces where gunzip is read.
	pipeline(bytes, gunzip, () => undefined);
	return {stream: gunzip, inflated: true};
};

export const fileTooLarge = (name: string, bytes: number, limits: ArchiveLimits): string =>
	`${name} (${formatSize(bytes)}, over the ${formatSize(limits.maxFileBytes)} a bundle file may have)`;

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** zlib's "unexpected end of file" (the gzip stream stops before its end), and tar's "Truncated input" (an entry stops). */
const isCutShort = (error: unknown): boolean =>
	(error as NodeJS.ErrnoException | undefined)?.code === 'Z_BUF_ERROR' || /\bTruncated input\b/.test(reasonOf(error));

/**
 * Where a tar stream that ended is not whole. POSIX, ustar Interchange Format: "At the end of the archive file there
 * shall be two 512-octet logical records filled with binary zeros"; a cut inside a header or between entries ends
 * otherwise, and the tar parser would read it as a smaller bundle without a word.
 */
const tarCut = (total: number, lastBlock: Buffer): string | undefined => {
	if (total % tarBlock !== 0) return 'it ends inside a 512-byte tar block';
	if (lastBlock.length < tarBlock || lastBlock.some(byte => byte !== 0)) return 'it ends without the zero blocks that close a tar archive';
	return undefined;
};

/** Every entry of a .tar.gz (or plain .tar) bundle, within `limits`; each limit is a one-line CliError. */
export const readArchive = async (input: Input, limits: ArchiveLimits = bundleLimits): Promise<ArchiveRead> => {
	const source = input.name;
	const notBundle = (what: string): CliError => new CliError(`${source} ${what}: ask for the bundle again`);
	const unreadable = (reason: string): CliError =>
		new CliError(`${source} is not a readable .tar.gz (${reason}): ask for the bundle again, or unpack it and import the folder`);
	// A copy cut short: unpacking it would not give the whole bundle either.
	const cutShort = (why: string): CliError => notBundle(`is cut short (${why}), so some of the bundle's answers are missing`);

	const files = new Map<string, string>();
	const skipped: string[] = [];
	const seen = new Set<string>();
	let failure: CliError | undefined;
	let entries = 0;

	let total = 0;
	const parser = new Parser({strict: true, brotli: false, zstd: false});
	// Fewer bytes than one tar header: a text or other small file, not a damaged archive.
	parser.on('error', (error: unknown) => {
		if (total < tarBlock) failure ??= notBundle(`is not a .tar.gz (${formatSize(total)} in all), and a bundle is one .tar.gz`);
		else failure ??= isCutShort(error) ? cutShort('an entry stops before its end') : unreadable(reasonOf(error));
	});
	parser.on('entry', (entry: ReadEntry) => {
		// `bundle//x` and `bundle/./x` are `bundle/x` to tar -x: one name, so a second such entry is a duplicate.
		const name = posix.normalize(entry.path).replace(/^\.\//, '');
		entries++;
		if (failure || entries > limits.maxEntries) {
			failure ??= notBundle(`holds more than ${limits.maxEntries.toLocaleString('en-US')} entries (the limit for a support bundle)`);
			entry.resume();
			return;
		}
		if (entry.type !== 'File') {
			entry.resume();
			return;
		}
		if (seen.has(name)) failure ??= notBundle(`holds two entries named ${name}, and a bundle has one of each`);
		seen.add(name);
		// The header's size decides nothing: the bytes that really arrive are counted.
		const chunks: Buffer[] = [];
		let size = 0;
		entry.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limits.maxFileBytes) chunks.push(chunk);
			else chunks.length = 0;
		});
		entry.on('end', () => {
			if (size > limits.maxFileBytes) skipped.push(fileTooLarge(name, size, limits));
			else files.set(name, Buffer.concat(chunks, size).toString('utf8'));
		});
	});

	const raw = input.stream.pipe(idleLimit(input));
	input.stream.on('error', error => raw.destroy(error));
	let inflated: Readable | undefined;
	let first = true;
	let lastBlock: Buffer = Buffer.alloc(0);
	try {
		const opened = await inflatedStream(raw);
		inflated = opened.stream;
		for await (const chunk of inflated as AsyncIterable<Buffer>) {
			if (first) {
				first = false;
				const problem = formatProblem(chunk, opened.inflated);
				if (problem) throw notBundle(`${problem}, and a bundle is one .tar.gz`);
			}
			// Checked before the chunk goes on: nothing past the limit is ever parsed.
			if (total + chunk.length > limits.maxTotalBytes) {
				throw notBundle(`unpacks to more than ${formatSize(limits.maxTotalBytes)} (the limit for a support bundle)`);
			}
			total += chunk.length;
			lastBlock = chunk.length >= tarBlock ? chunk.subarray(-tarBlock) : Buffer.concat([lastBlock, chunk]).subarray(-tarBlock);
			// Entries are read as they arrive (or skipped), so the parser holds no backlog to wait for.
			parser.write(chunk);
			if (failure) throw failure;
		}
		if (first) throw notBundle('is empty, and a bundle is one .tar.gz');
		// Fewer bytes than one block are no tar at all: the parser says so (above).
		const cut = total < tarBlock ? undefined : tarCut(total, lastBlock);
		if (cut) throw failure ?? cutShort(cut);
		const ended = once(parser, 'end');
		parser.end();
		await ended;
	} catch (error) {
		input.stream.destroy();
		raw.destroy();
		inflated?.destroy();
		if (error instanceof CliError) throw error;
		// The file itself could not be read (permission, a folder): that, not its format, is what to fix.
		if (typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined) {
			throw new CliError(`cannot read the bundle ${source}: ${describeFileError(error)}`);
		}
		throw failure ?? (isCutShort(error) ? cutShort('the gzip stream stops before its end') : unreadable(reasonOf(error)));
	}
	if (failure) throw failure;
	return {files, skipped};
};
