import {readFile, writeFile} from 'node:fs/promises';
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

const readStdin = async (): Promise<string> => {
	if (process.stdin.isTTY) throw new CliError('standard input is a terminal: pipe the text in, or give a file name');
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
};

/** Read a text file, or standard input for `-`; a failure is a one-line CliError naming the file. */
export const readTextInput = async (path: string, what: string): Promise<string> => {
	if (path === '-') return readStdin();
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		throw new CliError(`cannot read ${what} ${path}: ${describeFileError(error)}`);
	}
};

export const writeTextOutput = async (path: string, text: string, what: string): Promise<void> => {
	try {
		await writeFile(path, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
	} catch (error) {
		throw new CliError(`cannot write ${what} ${path}: ${describeFileError(error)}`);
	}
};
