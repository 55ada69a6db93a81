import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {loadActionCatalogue} from '../../source/commands/action-catalogue.js';
import {checkPolicy, createWizardServices, packageRoot} from '../../source/commands/wizard-services.js';
import {createSettingsStore, settingsFilePath} from '../../source/commands/wizard-settings.js';
import {nonInteractiveMessage, nonInteractiveReason, runWizardCommand} from '../../source/commands/wizard.js';

let folder: string;
beforeEach(async () => {
	folder = await mkdtemp(join(tmpdir(), 's3-kms-doctor-wizard-'));
});
afterEach(async () => {
	vi.restoreAllMocks();
	await rm(folder, {recursive: true, force: true});
});

const terminal = {stdoutIsTerminal: true, stdinIsTerminal: true, rawModeSupported: true, continuousIntegration: false};

const builtWizard = fileURLToPath(new URL('../../dist/commands/wizard.js', import.meta.url));

/** Why the built wizard would not start with this environment, in a fresh process (is-in-ci reads it once, as it loads). */
const reasonWith = (env: NodeJS.ProcessEnv): Promise<string> => {
	const {CI: _ci, CONTINUOUS_INTEGRATION: _continuous, ...inherited} = process.env;
	const script = `const {currentTerminal, nonInteractiveReason} = await import(${JSON.stringify(pathToFileURL(builtWizard).href)});
console.log(nonInteractiveReason({...currentTerminal(), stdoutIsTerminal: true, stdinIsTerminal: true, rawModeSupported: true}) ?? 'starts');`;
	return new Promise((resolve, reject) => {
		execFile(process.execPath, ['--input-type=module', '--eval', script], {env: {...inherited, ...env}}, (error, stdout) => (error ? reject(error) : resolve(stdout.trim())));
	});
};

describe('when the wizard may start', () => {
	it('starts only in an interactive terminal outside CI', () => {
		expect(nonInteractiveReason(terminal)).toBeUndefined();
		expect(nonInteractiveReason({...terminal, continuousIntegration: true})).toMatch(/CI is set/);
		expect(nonInteractiveReason({...terminal, stdoutIsTerminal: false})).toBe('standard output is not a terminal');
		expect(nonInteractiveReason({...terminal, rawModeSupported: false})).toBe('standard input is not a terminal');
	});

	it('takes CI=false and CI=0 as "not CI", as Ink does (needs npm run build)', async () => {
		expect(existsSync(builtWizard), 'run npm run build first').toBe(true);
		expect(await reasonWith({CI: 'false'})).toBe('starts');
		expect(await reasonWith({CI: 'true'})).toMatch(/CI is set/);
		expect(await reasonWith({CI: ''})).toMatch(/CI is set/);
		expect(await reasonWith({CONTINUOUS_INTEGRATION: '1'})).toMatch(/CI is set/);
		expect(await reasonWith({CI: '0'})).toBe('starts');
	});

	it('points to check, with its usage', () => {
		const message = nonInteractiveMessage('standard output is not a terminal', 'Usage: s3-kms-doctor check [options]\n');
		expect(message).toContain('the wizard needs an interactive terminal, and standard output is not a terminal');
		expect(message).toContain('s3-kms-doctor check --snapshot snapshot.json');
		expect(message).toContain('Usage: s3-kms-doctor check [options]');
	});

	it('exits 2 without starting Ink when not in a terminal', async () => {
		const written: string[] = [];
		vi.spyOn(process.stderr, 'write').mockImplementation((text: string | Uint8Array) => {
			written.push(String(text));
			return true;
		});
		// vitest's own stdout is not a terminal.
		expect(await runWizardCommand({})).toBe(2);
		expect(written.join('')).toContain('needs an interactive terminal');
		expect(written.join('')).toContain('s3-kms-doctor check');
	});
});

const onPlatform = <T>(platform: NodeJS.Platform, run: () => T): T => {
	const descriptor = Object.getOwnPropertyDescriptor(process, 'platform')!;
	Object.defineProperty(process, 'platform', {...descriptor, value: platform});
	try {
		return run();
	} finally {
		Object.defineProperty(process, 'platform', descriptor);
	}
};

describe('the settings store', () => {
	it('keeps settings in a file only its owner can read', async () => {
		const store = createSettingsStore({cwd: folder});
		await store.save({lastProfile: 'dev', recentTargets: [{operation: 'upload', bucket: 'b', objectKey: 'k'}], savedChecks: {}});
		const file = join(folder, 'config.json');
		expect((await stat(file)).mode & 0o777).toBe(0o600);
		expect(await createSettingsStore({cwd: folder}).load()).toEqual({lastProfile: 'dev', recentTargets: [{operation: 'upload', bucket: 'b', objectKey: 'k'}], savedChecks: {}});
	});

	it('reads the file where conf keeps it, without loading conf', async () => {
		const {default: Conf} = await import('conf');
		expect(settingsFilePath({cwd: folder})).toBe(new Conf({projectName: 's3-kms-doctor', cwd: folder}).path);
		const saved = process.env['XDG_CONFIG_HOME'];
		process.env['XDG_CONFIG_HOME'] = join(folder, 'xdg');
		try {
			const conf = new Conf({projectName: 's3-kms-doctor'});
			expect(settingsFilePath()).toBe(conf.path);
			// env-paths picks the folder by platform as it is asked; conf asks it the same way.
			expect(onPlatform('win32', () => settingsFilePath())).toContain(join('s3-kms-doctor-nodejs', 'Config', 'config.json'));
			expect(onPlatform('darwin', () => settingsFilePath())).toBe(join(homedir(), 'Library', 'Preferences', 's3-kms-doctor-nodejs', 'config.json'));
			conf.store = {lastRegion: 'eu-west-1', recentTargets: [], savedChecks: {}};
			expect(await createSettingsStore().load()).toEqual({lastRegion: 'eu-west-1', recentTargets: [], savedChecks: {}});
		} finally {
			if (saved === undefined) delete process.env['XDG_CONFIG_HOME'];
			else process.env['XDG_CONFIG_HOME'] = saved;
		}
		// No file yet: a first run, without memory.
		expect(await createSettingsStore({cwd: join(folder, 'empty')}).load()).toEqual({recentTargets: [], savedChecks: {}});
	});

	it('starts without memory on a broken file and never overwrites it', async () => {
		const file = join(folder, 'config.json');
		await writeFile(file, '{not json');
		const services = {...createWizardServices(), settings: createSettingsStore({cwd: folder})};
		await expect(services.settings.load()).rejects.toThrow();
		await expect(services.settings.save({recentTargets: [], savedChecks: {}})).rejects.toThrow();
		expect(await readFile(file, 'utf8')).toBe('{not json');
	});
});

describe('the real services', () => {
	it('checks a pasted policy: the JSON position, then the policy itself', () => {
		const syntax = checkPolicy('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow" "Action": "kms:*"}\n  ]\n}', 'key policy');
		expect(syntax).toMatchObject({ok: false, line: 4});
		expect(!syntax.ok && syntax.message).toMatch(/^not valid JSON: .* at line 4, column \d+$/);
		const effect = checkPolicy('{"Version": "2012-10-17", "Statement": [{"Effect": "Maybe", "Action": "kms:*", "Resource": "*"}]}', 'key policy');
		expect(effect.ok).toBe(false);
		expect(!effect.ok && effect.message).toContain('Effect');
		expect(checkPolicy('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}', 'key policy')).toEqual({ok: true, statementCount: 1});
	});

	it('at paste time, names an action AWS does not know, with the one meant, and still lets the policy through', async () => {
		const catalogue = (await loadActionCatalogue([]))!;
		const pasted = '{"Version": "2012-10-17", "Statement": [{"Sid": "PartnerReads", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "s3:GetObjct", "Resource": "arn:aws:s3:::example-bucket/*"}]}';
		const checked = checkPolicy(pasted, 'bucket policy', undefined, catalogue);
		expect(checked).toMatchObject({ok: true, statementCount: 1});
		expect(checked.ok && checked.warnings).toEqual(['bucket policy, Sid "PartnerReads" names s3:GetObjct, which is no action in AWS\'s catalogue: the statement matches no request for it. Did you mean s3:GetObject?']);
		// Without the catalogue (not loaded yet), the check is what it was.
		expect(checkPolicy(pasted, 'bucket policy', undefined, undefined)).toEqual({ok: true, statementCount: 1});
	});

	it('finds the built-in examples from the package folder, the large upload first', async () => {
		expect(packageRoot()).toBe(join(import.meta.dirname, '..', '..'));
		const examples = await createWizardServices().listExamples();
		expect(examples[0]?.id).toBe('large-upload-multipart-missing-decrypt');
		expect(examples.map(example => example.id)).toEqual(expect.arrayContaining(['cross-account-download', 'disabled-key', 'all-allowed']));
	});

	it('says once that a text is not recognised, and where an S3 object pasted as the error belongs', () => {
		const {parseError} = createWizardServices();
		expect(parseError('hello world')).toMatchObject({ok: false, error: expect.stringMatching(/^not recognised: the text holds no AWS error message$/)});
		expect(parseError('s3://qa-bucket/logs/app.log')).toEqual({ok: false, error: expect.stringMatching(/^that is an S3 object, not an error message: .* give it at the bucket question$/)});
	});

	it('reads snapshot files with one-line errors naming the file', async () => {
		const services = createWizardServices();
		const missing = join(folder, 'missing.json');
		expect(await services.readSnapshotFile(missing)).toEqual({ok: false, error: `cannot read ${missing}: no such file`});
		const policy = join(folder, 'policy.json');
		await writeFile(policy, '{"Version": "2012-10-17", "Statement": []}');
		const result = await services.readSnapshotFile(policy);
		expect(!result.ok && result.error).toContain('looks like a policy document, not a snapshot');
	});

	it('writes a file, refuses to replace it unless asked', async () => {
		const services = createWizardServices();
		const path = join(folder, 'report.md');
		expect(await services.writeFile(path, '# one', {overwrite: false})).toEqual({ok: true, value: path});
		expect(await services.writeFile(path, '# two', {overwrite: false})).toMatchObject({ok: false, error: {kind: 'exists'}});
		expect(await readFile(path, 'utf8')).toBe('# one\n');
		expect(await services.writeFile(path, '# two', {overwrite: true})).toEqual({ok: true, value: path});
		expect(await readFile(path, 'utf8')).toBe('# two\n');
		expect(await services.writeFile(join(folder, 'no', 'such', 'dir.md'), 'x', {overwrite: false})).toMatchObject({ok: false, error: {kind: 'failed', message: expect.stringContaining('no such file')}});
	});
});
