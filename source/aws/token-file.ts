import {open, stat} from 'node:fs/promises';
import {formatSize} from '../shared/format-size.js';
import {err, ok, type Result} from '../shared/result.js';

/** How a token file is named in a line, what a too-large one is measured against, and the fix. */
export type TokenFile = {
	readonly path: string;
	/** `the web identity token file /path (AWS_WEB_IDENTITY_TOKEN_FILE)` */
	readonly named: string;
	/** Why a file over the bound is wrong: `AWS STS takes a token of at most 20,000 characters`. */
	readonly limitWhy: string;
	readonly fix: string;
};

/** Ours, not AWS's: generous for any token, so a wrong file (a device, a log) is not read whole. */
export const maxTokenBytes = 64 * 1024;

const readWords: Readonly<Record<string, string>> = {ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder'};

/**
 * A credentials token, read as the SDKs read it (the whole file, as ASCII), but asynchronously and bounded: the SDKs'
 * read of a device or a pipe that never ends would hold the event loop or the memory, so that neither the deadline
 * nor Ctrl+C could act. Empty, too large or unreadable: one line naming the file and the fix.
 */
export const readTokenFile = async (file: TokenFile): Promise<Result<string, string>> => {
	const {path, named, fix} = file;
	try {
		const handle = await open(path, 'r');
		try {
			const buffer = Buffer.alloc(maxTokenBytes + 1);
			let size = 0;
			// Position null: read on from where the last read ended, so a pipe is read as a file is.
			while (size < buffer.length) {
				const {bytesRead} = await handle.read(buffer, size, buffer.length - size, null);
				if (bytesRead === 0) break;
				size += bytesRead;
			}
			if (size > maxTokenBytes) return err(`${named} is over ${formatSize(maxTokenBytes)}, and ${file.limitWhy}: is it the right file? — ${fix}`);
			if (size === 0) return err(`${named} is empty — ${fix}`);
			return ok(buffer.toString('ascii', 0, size));
		} finally {
			await handle.close();
		}
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		return err(`cannot read ${named}: ${readWords[code] ?? (error instanceof Error ? error.message : String(error))} — ${fix}`);
	}
};

/**
 * For a token file someone else reads whole (the SDK reads a web-identity profile's with readFileSync): a regular file of
 * at most the bound, else one line. A device or a pipe would hold the event loop in that read, a huge file the memory.
 */
export const checkTokenFile = async (file: TokenFile): Promise<Result<void, string>> => {
	const {path, named, fix} = file;
	try {
		const found = await stat(path);
		if (found.isDirectory()) return err(`cannot read ${named}: it is a folder — ${fix}`);
		if (!found.isFile()) return err(`${named} is not a regular file (a device or a pipe, which the AWS SDK cannot read to its end) — ${fix}`);
		if (found.size > maxTokenBytes) return err(`${named} is over ${formatSize(maxTokenBytes)}, and ${file.limitWhy}: is it the right file? — ${fix}`);
		if (found.size === 0) return err(`${named} is empty — ${fix}`);
		return ok(undefined);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		return err(`cannot read ${named}: ${readWords[code] ?? (error instanceof Error ? error.message : String(error))} — ${fix}`);
	}
};
