import {calls, type CallName} from '../../inputs/bundle/bundle-layout.js';
import {shellQuote} from '../../shared/shell.js';

/**
 * A `collect` line with its comment: what the call is for and the permission it needs.
 * `stem` and `args` are shell text written by the generator, never user input (that lives in variables).
 */
export const collectLine = (name: CallName, stem: string, args: string, indent = ''): string => {
	const spec = calls[name];
	const purpose = `${spec.purpose.charAt(0).toUpperCase()}${spec.purpose.slice(1)}`;
	return `${indent}# ${purpose}. Needs: ${spec.permission}.\n${indent}collect ${stem} ${shellQuote(spec.permission)} ${args}`;
};

/**
 * The command that runs the script at `file`, to copy into a POSIX shell: the path one quoted word, so a space or a
 * `$(…)` in it is only a name; a path starting with `-` gets `./`, so sh cannot take it for an option.
 */
export const runScriptCommand = (file: string): string => `sh ${shellQuote(file.startsWith('-') ? `./${file}` : file)}`;
