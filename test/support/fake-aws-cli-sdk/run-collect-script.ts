import {execFile} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** The folder of the fake `aws` that answers through the real SDK clients. */
export const sdkAwsFolder = path.dirname(fileURLToPath(import.meta.url));

/** One `aws` call the script made, as the fake logged it. */
export type SdkAwsCall = {readonly argv: readonly string[]; readonly operation?: string; readonly exit: number; readonly error?: string};

export type SdkScriptRun = {
	readonly exitCode: number;
	readonly stdout: string;
	readonly stderr: string;
	readonly folder: string;
	readonly tarball: string;
	readonly calls: readonly SdkAwsCall[];
};

/**
 * Runs a generated collection script with `sh` in a fresh temporary folder, this folder's `aws` first on PATH.
 * `env` is the AWS setup the live path got (HOME, AWS_CONFIG_FILE, AWS_ENDPOINT_URL…) plus AWS_PROFILE.
 */
export const runCollectScriptWithSdk = async (script: string, env: NodeJS.ProcessEnv): Promise<SdkScriptRun> => {
	chmodSync(path.join(sdkAwsFolder, 'aws'), 0o755);
	const folder = mkdtempSync(path.join(tmpdir(), 's3kd-sdk-collect-'));
	const scriptFile = path.join(folder, 'collect.sh');
	writeFileSync(scriptFile, script);
	const log = path.join(folder, 'aws-calls.jsonl');
	const bundle = 'bundle';
	const childEnv: NodeJS.ProcessEnv = {
		// The fake first; then this node, which `#!/usr/bin/env node` must find; then the system's sh tools.
		PATH: [sdkAwsFolder, path.dirname(process.execPath), process.env['PATH'] ?? ''].join(path.delimiter),
		AWS_EC2_METADATA_DISABLED: 'true',
		AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
		FAKE_AWS_LOG: log,
		S3_KMS_DOCTOR_BUNDLE: bundle,
		...env,
	};
	let exitCode = 0;
	let stdout = '';
	let stderr = '';
	try {
		({stdout, stderr} = await run('sh', [scriptFile], {cwd: folder, env: childEnv}));
	} catch (error) {
		const failure = error as {code?: number; stdout?: string; stderr?: string};
		exitCode = typeof failure.code === 'number' ? failure.code : 1;
		stdout = failure.stdout ?? '';
		stderr = failure.stderr ?? '';
	}
	const calls = existsSync(log)
		? readFileSync(log, 'utf8')
				.split('\n')
				.filter(line => line !== '')
				.map(line => JSON.parse(line) as SdkAwsCall)
		: [];
	return {exitCode, stdout, stderr, folder, tarball: path.join(folder, `${bundle}.tar.gz`), calls};
};
