import {execFile} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const run = promisify(execFile);

export const fakeAwsFolder = path.dirname(fileURLToPath(import.meta.url));

export type FakeAwsCall = {readonly argv: readonly string[]; readonly matched: boolean};

export type ScriptRun = {
	readonly exitCode: number;
	readonly stdout: string;
	readonly stderr: string;
	readonly folder: string;
	readonly bundle: string;
	readonly tarball: string;
	/** Every call the script made to the fake `aws`. */
	readonly calls: readonly FakeAwsCall[];
};

/**
 * Runs a generated collection script with `sh`, the fake `aws` first on PATH answering from
 * `fixture` (a path), in a fresh temporary folder.
 */
export const runCollectScript = async (script: string, fixture: string, environment: Readonly<Record<string, string>> = {}): Promise<ScriptRun> => {
	chmodSync(path.join(fakeAwsFolder, 'aws'), 0o755);
	const folder = mkdtempSync(path.join(tmpdir(), 's3kd-collect-'));
	const scriptFile = path.join(folder, 'collect.sh');
	writeFileSync(scriptFile, script);
	const log = path.join(folder, 'aws-calls.jsonl');
	const bundle = 'bundle';
	const env = {
		PATH: `${fakeAwsFolder}${path.delimiter}${process.env['PATH'] ?? ''}`,
		HOME: folder,
		FAKE_AWS_FIXTURES: fixture,
		FAKE_AWS_LOG: log,
		FAKE_AWS_NODE: process.execPath,
		S3_KMS_DOCTOR_BUNDLE: bundle,
		...environment,
	};
	let exitCode = 0;
	let stdout = '';
	let stderr = '';
	try {
		({stdout, stderr} = await run('sh', [scriptFile], {cwd: folder, env}));
	} catch (error) {
		const failure = error as {code?: number; stdout?: string; stderr?: string};
		exitCode = failure.code ?? 1;
		stdout = failure.stdout ?? '';
		stderr = failure.stderr ?? '';
	}
	const calls = existsSync(log)
		? readFileSync(log, 'utf8')
				.split('\n')
				.filter(line => line !== '')
				.map(line => JSON.parse(line) as FakeAwsCall)
		: [];
	return {exitCode, stdout, stderr, folder, bundle: path.join(folder, bundle), tarball: path.join(folder, `${bundle}.tar.gz`), calls};
};
