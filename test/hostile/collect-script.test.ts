import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {renderCollectScript, validateCollectOptions, type CollectScriptInput} from '../../source/outputs/collect-script/index.js';
import {runCollectScript} from '../support/fake-aws-cli/run-collect-script.js';

const fixture = fileURLToPath(new URL('../fixtures/bundle/download-user-cross-account-key.json', import.meta.url));

const render = (input: CollectScriptInput): string => {
	const options = validateCollectOptions(input);
	if (!options.ok) throw new Error(options.error.message);
	return renderCollectScript(options.value, {generatedBy: 's3-kms-doctor test'});
};

/** The first `aws` on PATH that is the AWS CLI v2: another (a v1 from pip) may come first. */
const awsCliV2 = (): string | undefined => {
	const seen = new Set<string>();
	for (const folder of (process.env['PATH'] ?? '').split(path.delimiter)) {
		const file = path.join(folder, 'aws');
		if (folder === '' || seen.has(file)) continue;
		seen.add(file);
		const version = spawnSync(file, ['--version'], {encoding: 'utf8', timeout: 30_000});
		if (version.status === 0 && /^aws-cli\/2\./.test(`${version.stdout}${version.stderr}`)) return file;
	}
	return undefined;
};

/** A customer's ~/.aws/config with the AWS CLI v2's auto-prompt on for every command. */
const autoPromptConfig = (): string => {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 's3kd-prompt-')), 'config');
	writeFileSync(file, '[default]\nregion = us-east-1\ncli_auto_prompt = on\n');
	return file;
};

const download = {operation: 'download', bucket: 'amzn-s3-demo-reports', objectKey: '2024/q2 summary (final).csv'} as const;

describe('the collect script in the customer environment', () => {
	it('keeps collecting when the config has cli_auto_prompt = on (an AWS CLI v2 that refuses without a terminal)', async () => {
		const config = autoPromptConfig();
		const script = render(download);
		expect(script).toMatch(/^AWS_CLI_AUTO_PROMPT=off\nexport AWS_CLI_AUTO_PROMPT$/m);
		const run = await runCollectScript(script, fixture, {AWS_CONFIG_FILE: config});
		expect(run.exitCode).toBe(0);
		expect(run.stderr).not.toContain('Input is not a terminal');
		expect(run.calls.filter(call => !call.matched)).toEqual([]);
		expect(run.calls.some(call => call.argv[1] === 'get-key-policy')).toBe(true);
		// The fake is faithful: the same script without the export stops at its first call, as the real CLI does.
		const unprotected = await runCollectScript(script.replace(/^AWS_CLI_AUTO_PROMPT=off\nexport AWS_CLI_AUTO_PROMPT\n/m, ''), fixture, {AWS_CONFIG_FILE: config});
		expect(unprotected.calls.filter(call => call.argv[0] !== '--version').every(call => !call.matched)).toBe(true);
	}, 90_000);

	it('passes an object key that starts with -- as the key, never as an option', async () => {
		const objectKey = '--debug --output text.csv';
		const run = await runCollectScript(render({...download, objectKey}), fixture);
		const head = run.calls.find(call => call.argv[1] === 'head-object');
		expect(head?.argv).toContain(`--key=${objectKey}`);
		expect(head?.argv).not.toContain('--debug');
		// The object's ACL is read after it, its key passed the same way.
		expect(render(download)).toContain('s3api get-object-acl --bucket "$bucket" --key="$object_key"');
	}, 60_000);

	// In CI a missing AWS CLI v2 fails the run (.ci/run installs Debian's awscli); elsewhere the test skips without it.
	const awsV2 = awsCliV2();
	it.skipIf(awsV2 === undefined && process.env['CI'] !== 'true')('with the real AWS CLI v2: auto-prompt stops a call without a terminal, AWS_CLI_AUTO_PROMPT=off does not', () => {
		if (awsV2 === undefined) throw new Error('no AWS CLI v2 on PATH: .ci/run must install it (Debian package awscli)');
		const config = autoPromptConfig();
		const env = {PATH: process.env['PATH'] ?? '', HOME: path.dirname(config), AWS_CONFIG_FILE: config, AWS_ACCESS_KEY_ID: 'AKIAFAKE', AWS_SECRET_ACCESS_KEY: 'fake', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1'};
		const call = (extra: Record<string, string>) => spawnSync(awsV2, ['sts', 'get-caller-identity'], {env: {...env, ...extra}, input: '', encoding: 'utf8', timeout: 30_000});
		expect(call({}).stderr).toMatch(/not a terminal/i);
		expect(call({AWS_CLI_AUTO_PROMPT: 'off'}).stderr).not.toMatch(/not a terminal/i);
	});
});
