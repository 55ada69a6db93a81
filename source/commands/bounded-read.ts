import {constants, createReadStream, fstatSync, openSync} from 'node:fs';
import {stat} from 'node:fs/promises';
import {Socket} from 'node:net';
import {Transform, type Readable} from 'node:stream';
import {formatSize} from '../shared/format-size.js';
import {CliError} from './cli-error.js';
import {describeFileError} from './io.js';

/**
 * Every read of customer input is bounded: in bytes (checked chunk by chunk, never one unbounded string),
 * and, where no person can be typing (a FIFO or a pipe), in time without data. A terminal is never timed out.
 */

/** A snapshot, a pasted or piped text, an error message or a CloudTrail file: far more than any real one. */
export const maxTextBytes = 16 * 1024 * 1024;

const defaultIdleMs = 30_000;

/** How long a pipe or FIFO may deliver nothing; S3_KMS_DOCTOR_PIPE_IDLE_MS shortens it (tests). */
export const pipeIdleMs = (env: NodeJS.ProcessEnv = process.env): number => {
	const value = Number(env['S3_KMS_DOCTOR_PIPE_IDLE_MS']);
	return Number.isFinite(value) && value > 0 ? value : defaultIdleMs;
};

export type Input = {
	readonly stream: Readable;
	/** How the input is named in messages: the path, or `standard input`. */
	readonly name: string;
	/** A pipe or FIFO: nobody types there, so silence is limited. */
	readonly timed: boolean;
	/** A regular file's size, known before reading. */
	readonly size?: number;
};

const isPipe = (fd: number): boolean => {
	try {
		const info = fstatSync(fd);
		return info.isFIFO() || info.isSocket();
	} catch {
		return false;
	}
};

/**
 * Open a path (or `-` for standard input) for reading without ever blocking: a FIFO is opened
 * non-blocking and read as a pipe, so one with no writer waits for data in the event loop (where the
 * idle limit can end it) instead of hanging a thread in open(2).
 */
export const openInput = async (path: string, what: string): Promise<Input> => {
	if (path === '-') {
		if (process.stdin.isTTY) throw new CliError('standard input is a terminal: pipe the text in, or give a file name');
		return {stream: process.stdin, name: 'standard input', timed: isPipe(0)};
	}
	// An empty argument (a shell variable that was not set) names no file: say so, not "cannot read snapshot : no such file".
	if (path.trim() === '') throw new CliError(`cannot read ${what === '' ? 'the file' : what}: the path given is empty; give the path of a file, or - for standard input`);
	const fail = (error: unknown): never => {
		throw new CliError(`cannot read ${what === '' ? '' : `${what} `}${path}: ${describeFileError(error)}`);
	};
	const info = await stat(path).catch(fail);
	if (info.isDirectory()) fail(Object.assign(new Error('folder'), {code: 'EISDIR'}));
	if (info.isFIFO() || info.isSocket()) {
		let fd: number;
		try {
			fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
		} catch (error) {
			return fail(error);
		}
		return {stream: new Socket({fd, readable: true, writable: false}), name: path, timed: true};
	}
	return {stream: createReadStream(path, {highWaterMark: 64 * 1024}), name: path, timed: false, ...(info.isFile() ? {size: info.size} : {})};
};

export const idleMessage = (name: string, idleMs: number): string =>
	`${name} delivered nothing for ${idleMs >= 1000 ? `${Math.round(idleMs / 1000)} s` : `${idleMs} ms`} (the limit for a pipe or FIFO): is anything writing to it?`;

/**
 * Passes the input through, failing it when a timed input delivers nothing for the idle limit.
 * `keepAlive` false: the wait alone does not keep the process running (the wizard, once Ink has exited).
 */
export const idleLimit = (input: Input, options: {readonly idleMs?: number; readonly keepAlive?: boolean} = {}): Transform => {
	const idleMs = options.idleMs ?? pipeIdleMs();
	let timer: NodeJS.Timeout | undefined;
	const guard: Transform = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			arm();
			done(null, chunk);
		},
		flush(done) {
			clearTimeout(timer);
			done();
		},
		destroy(error, done) {
			clearTimeout(timer);
			done(error);
		},
	});
	const arm = (): void => {
		if (!input.timed) return;
		clearTimeout(timer);
		timer = setTimeout(() => guard.destroy(new CliError(idleMessage(input.name, idleMs))), idleMs);
		if (options.keepAlive === false) timer.unref();
	};
	if (options.keepAlive === false && input.stream instanceof Socket) input.stream.unref();
	arm();
	return guard;
};

export const tooLargeMessage = (name: string, what: string, limit: number): string =>
	`${name} is larger than ${formatSize(limit)}, the limit for ${what}: is it the right file?`;

export type BoundedReadOptions = {
	/** What the text is, for the limit's message: `a snapshot`, `an error message`. */
	readonly what: string;
	readonly limit?: number;
	readonly idleMs?: number;
	readonly keepAlive?: boolean;
};

/** All of an input as text, failing cleanly past `limit` bytes or after the idle limit. */
export const readBoundedText = async (input: Input, options: BoundedReadOptions): Promise<string> => {
	const limit = options.limit ?? maxTextBytes;
	if (input.size !== undefined && input.size > limit) {
		input.stream.destroy();
		throw new CliError(tooLargeMessage(input.name, options.what, limit));
	}
	const guard = idleLimit(input, options);
	const chunks: Buffer[] = [];
	let total = 0;
	const stop = (): void => {
		input.stream.unpipe(guard);
		input.stream.destroy();
		guard.destroy();
	};
	input.stream.on('error', error => guard.destroy(error));
	input.stream.pipe(guard);
	try {
		for await (const chunk of guard as AsyncIterable<Buffer>) {
			total += chunk.length;
			if (total > limit) throw new CliError(tooLargeMessage(input.name, options.what, limit));
			chunks.push(chunk);
		}
	} catch (error) {
		stop();
		if (error instanceof CliError) throw error;
		throw new CliError(`cannot read ${input.name}: ${describeFileError(error)}`);
	}
	return decodeText(Buffer.concat(chunks, total));
};

/**
 * UTF-8, or UTF-16 with its byte order mark: Windows PowerShell 5.1's `>` and `Out-File` write UTF-16LE, and a
 * snapshot or an error message saved that way is the same text.
 */
export const decodeText = (bytes: Buffer): string => {
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
		const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
		return swapped.swap16().toString('utf16le');
	}
	return bytes.toString('utf8');
};
