import {spawn} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {runScriptWithFakeAws, type Companion, type FakeScriptRun} from '../run-script-with-fake-aws.js';

/** The folder of the fake `aws` that answers through the real SDK clients. */
export const sdkAwsFolder = path.dirname(fileURLToPath(import.meta.url));

/** One `aws` call the script made, as the fake logged it. */
export type SdkAwsCall = {readonly argv: readonly string[]; readonly operation?: string; readonly exit: number; readonly error?: string; readonly served?: true};

export type SdkScriptRun = FakeScriptRun<SdkAwsCall>;

/**
 * server.mjs with the script's own environment, which each `aws` call asks (FAKE_AWS_SOCKET) instead of loading an SDK
 * client itself. Not ready in 10 s: the script runs without it, each call answering itself as before.
 */
export const startSdkServer: Companion = (env, {folder}) =>
	new Promise(resolve => {
		const socket = path.join(folder, 'aws.sock');
		const server = spawn(process.execPath, [path.join(sdkAwsFolder, 'server.mjs'), socket], {env, stdio: ['ignore', 'pipe', 'inherit']});
		const stop = () => server.kill();
		const alone = () => {
			stop();
			resolve({env, stop: () => {}});
		};
		const timer = setTimeout(alone, 10_000);
		server.on('error', alone);
		server.stdout.setEncoding('utf8');
		server.stdout.once('data', () => {
			clearTimeout(timer);
			resolve({env: {...env, FAKE_AWS_SOCKET: socket}, stop});
		});
	});

/**
 * Runs a generated collection script with `sh` in a fresh temporary folder, this folder's `aws` first on PATH.
 * `env` is the AWS setup the live path got (HOME, AWS_CONFIG_FILE, AWS_ENDPOINT_URL…) plus AWS_PROFILE.
 */
export const runCollectScriptWithSdk = (script: string, env: NodeJS.ProcessEnv): Promise<SdkScriptRun> =>
	runScriptWithFakeAws<SdkAwsCall>(
		script,
		sdkAwsFolder,
		's3kd-sdk-collect-',
		({log, bundle}) => ({
			// The fake first; then this node, which `#!/usr/bin/env node` must find; then the system's sh tools.
			PATH: [sdkAwsFolder, path.dirname(process.execPath), process.env['PATH'] ?? ''].join(path.delimiter),
			AWS_EC2_METADATA_DISABLED: 'true',
			AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
			FAKE_AWS_LOG: log,
			S3_KMS_DOCTOR_BUNDLE: bundle,
			...env,
		}),
		startSdkServer,
	);
