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
	}, 60_000);

	const realAws = spawnSync('aws', ['--version'], {encoding: 'utf8'});
	const isV2 = realAws.status === 0 && /^aws-cli\/2\./.test(`${realAws.stdout}${realAws.stderr}`);
	it.skipIf(!isV2)('with the real AWS CLI v2: auto-prompt stops a call without a terminal, AWS_CLI_AUTO_PROMPT=off does not', () => {
		const config = autoPromptConfig();
		const env = {PATH: process.env['PATH'] ?? '', HOME: path.dirname(config), AWS_CONFIG_FILE: config, AWS_ACCESS_KEY_ID: 'AKIAFAKE', AWS_SECRET_ACCESS_KEY: 'fake', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1'};
		const call = (extra: Record<string, string>) => spawnSync('aws', ['sts', 'get-caller-identity'], {env: {...env, ...extra}, input: '', encoding: 'utf8', timeout: 30_000});
		expect(call({}).stderr).toMatch(/not a terminal/i);
		expect(call({AWS_CLI_AUTO_PROMPT: 'off'}).stderr).not.toMatch(/not a terminal/i);
	});
});
