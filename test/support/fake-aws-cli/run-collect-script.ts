import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {runScriptWithFakeAws, type FakeScriptRun} from '../run-script-with-fake-aws.js';

export const fakeAwsFolder = path.dirname(fileURLToPath(import.meta.url));

export type FakeAwsCall = {readonly argv: readonly string[]; readonly matched: boolean};

export type ScriptRun = FakeScriptRun<FakeAwsCall>;

/**
 * Runs a generated collection script with `sh`, the fake `aws` first on PATH answering from
 * `fixture` (a path), in a fresh temporary folder.
 */
export const runCollectScript = (script: string, fixture: string, environment: Readonly<Record<string, string>> = {}): Promise<ScriptRun> =>
	runScriptWithFakeAws<FakeAwsCall>(script, fakeAwsFolder, 's3kd-collect-', ({folder, log, bundle}) => ({
		PATH: `${fakeAwsFolder}${path.delimiter}${process.env['PATH'] ?? ''}`,
		HOME: folder,
		FAKE_AWS_FIXTURES: fixture,
		FAKE_AWS_LOG: log,
		FAKE_AWS_NODE: process.execPath,
		S3_KMS_DOCTOR_BUNDLE: bundle,
		...environment,
	}));
