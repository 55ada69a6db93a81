import {execFile} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

export type FakeScriptRun<Call> = {
	readonly exitCode: number;
	readonly stdout: string;
	readonly stderr: string;
	readonly folder: string;
	readonly bundle: string;
	readonly tarball: string;
	/** Every call the script made to the fake `aws`, as it logged them (one JSON object a line). */
	readonly calls: readonly Call[];
};

/** Where the script runs and what the fake needs to know, for the caller to build the environment from. */
export type ScriptPlaces = {readonly folder: string; readonly log: string; readonly bundle: string};

/** A process beside the script (the fake's server): the environment the script then gets, and how to stop it. */
export type Companion = (env: NodeJS.ProcessEnv, places: ScriptPlaces) => Promise<{readonly env: NodeJS.ProcessEnv; readonly stop: () => void}>;

/**
 * Runs a generated collection script with `sh` in a fresh temporary folder, a fake `aws` (in `awsFolder`)
 * answering it; the fake logs each call to `FAKE_AWS_LOG`, which the caller's environment must set.
 */
export const runScriptWithFakeAws = async <Call>(
	script: string,
	awsFolder: string,
	tempPrefix: string,
	environment: (places: ScriptPlaces) => NodeJS.ProcessEnv,
	companion?: Companion,
): Promise<FakeScriptRun<Call>> => {
	chmodSync(path.join(awsFolder, 'aws'), 0o755);
	const folder = mkdtempSync(path.join(tmpdir(), tempPrefix));
	const scriptFile = path.join(folder, 'collect.sh');
	writeFileSync(scriptFile, script);
	const places: ScriptPlaces = {folder, log: path.join(folder, 'aws-calls.jsonl'), bundle: 'bundle'};
	let exitCode = 0;
	let stdout = '';
	let stderr = '';
	const beside = companion ? await companion(environment(places), places) : undefined;
	try {
		({stdout, stderr} = await run('sh', [scriptFile], {cwd: folder, env: beside?.env ?? environment(places)}));
	} catch (error) {
		const failure = error as {code?: unknown; stdout?: string; stderr?: string};
		exitCode = typeof failure.code === 'number' ? failure.code : 1;
		stdout = failure.stdout ?? '';
		stderr = failure.stderr ?? '';
	} finally {
		beside?.stop();
	}
	const calls = existsSync(places.log)
		? readFileSync(places.log, 'utf8')
				.split('\n')
				.filter(line => line !== '')
				.map(line => JSON.parse(line) as Call)
		: [];
	return {exitCode, stdout, stderr, folder, bundle: path.join(folder, places.bundle), tarball: path.join(folder, `${places.bundle}.tar.gz`), calls};
};
