import {writeFile} from 'node:fs/promises';
import {openInput, readBoundedText} from './bounded-read.js';
import {CliError} from './cli-error.js';

/** Turn a filesystem error into words: "no such file", "permission denied" … */
export const describeFileError = (error: unknown): string => {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT':
			return 'no such file';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'it is a folder, not a file';
		case 'ENOTDIR':
			return 'a part of the path is not a folder';
		case 'ENOSPC':
			return 'no space left on the device';
		default:
			return error instanceof Error ? error.message : String(error);
	}
};

/**
 * Read a text file, or standard input for `-`, within its limits (see bounded-read.ts); a failure is a
 * one-line CliError naming the file. `kind` names the limit: `a snapshot`, `an error message`.
 */
export const readTextInput = async (path: string, what: string, kind = 'a text input'): Promise<string> =>
	readBoundedText(await openInput(path, what), {what: kind});

export const writeTextOutput = async (path: string, text: string, what: string): Promise<void> => {
	try {
		await writeFile(path, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
	} catch (error) {
		throw new CliError(`cannot write ${what} ${path}: ${describeFileError(error)}`);
	}
};
