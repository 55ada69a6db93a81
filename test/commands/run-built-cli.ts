import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const builtCli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export type CliRun = {readonly exitCode: number; readonly stdout: string; readonly stderr: string};

/** Runs `node dist/cli.js ARGS` (build first: npm run build), optionally feeding standard input. */
export const runBuiltCli = (args: readonly string[], options: {input?: string; cwd?: string} = {}): Promise<CliRun> => {
	if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run npm run build first`);
	return new Promise(resolve => {
		const child = execFile(
			process.execPath,
			[builtCli, ...args],
			{cwd: options.cwd, env: {...process.env, NO_COLOR: '1', CI: 'true'}},
			(error, stdout, stderr) => {
				const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
				resolve({exitCode: code, stdout, stderr});
			},
		);
		child.stdin?.end(options.input ?? '');
	});
};
