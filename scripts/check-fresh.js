// `npm run check:fresh`: what a newcomer does on a fresh clone, checked. Clones this repository's HEAD
// into a temporary folder and there: `npm install` must print no warning (peer dependencies, install
// scripts); a second `npm start` must not rebuild; `npx s3-kms-doctor --version` and
// `npx s3-kms-doctor check --snapshot examples/*.json` must work as the README writes them.
// Exits 1 with what failed. CI runs it after the suite (.ci/run); its speed belongs to `npm run bench`.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const folder = mkdtempSync(join(tmpdir(), 's3-kms-doctor-fresh-'));
const clone = join(folder, 'clone');
const failures = [];

/** Runs a command in the clone as a newcomer's shell would (CI set, so the wizard never waits for keys). */
const run = (command, args, options = {}) => {
	const result = spawnSync(command, args, {cwd: clone, encoding: 'utf8', env: {...process.env, CI: 'true', ...options.env}, timeout: 15 * 60_000});
	return {status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', output: `${result.stdout ?? ''}${result.stderr ?? ''}`};
};
const check = (ok, what, detail = '') => {
	console.log(`${ok ? '✔' : '✘'} ${what}`);
	if (!ok) failures.push(`${what}${detail ? `\n${detail}` : ''}`);
};

try {
	const cloned = spawnSync('git', ['clone', '--quiet', root, clone], {encoding: 'utf8'});
	if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);

	const install = run('npm', ['install', '--no-audit', '--no-fund']);
	const warnings = install.output.split('\n').filter(line => /^npm (warn|WARN|error|ERR)/.test(line));
	check(install.status === 0, 'npm install succeeds', install.output);
	check(warnings.length === 0, 'npm install prints no warning (peer dependencies, install scripts)', warnings.join('\n'));

	const version = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')).version;
	const first = run('npm', ['start', '--silent', '--', '--version']);
	check(first.status === 0 && first.stdout.trim() === version, 'npm start -- --version prints the version', first.output);
	const built = statSync(join(clone, 'dist', 'cli.js')).mtimeMs;
	const second = run('npm', ['start', '--silent', '--', '--version']);
	check(second.status === 0 && !second.stderr.includes('building') && statSync(join(clone, 'dist', 'cli.js')).mtimeMs === built, 'a second npm start does not rebuild', second.output);

	const npx = run('npx', ['s3-kms-doctor', '--version']);
	check(npx.status === 0 && npx.stdout.trim() === version, 'npx s3-kms-doctor --version works in the clone', npx.output);

	const examples = readdirSync(join(clone, 'examples')).filter(name => name.endsWith('.json')).sort().map(name => `examples/${name}`);
	const several = run('npx', ['s3-kms-doctor', 'check', '--snapshot', ...examples, '--format', 'json']);
	let reports = [];
	try {
		reports = JSON.parse(several.stdout);
	} catch {
		// Checked below: not a JSON array.
	}
	check(Array.isArray(reports) && reports.length === examples.length && [0, 1, 3].includes(several.status), `npx s3-kms-doctor check --snapshot examples/*.json reports all ${examples.length}`, several.output.slice(0, 2000));
} catch (error) {
	failures.push(error instanceof Error ? error.message : String(error));
} finally {
	rmSync(folder, {recursive: true, force: true});
}

if (failures.length > 0) {
	console.error(`\ncheck:fresh failed:\n${failures.map(failure => `- ${failure}`).join('\n')}`);
	process.exitCode = 1;
} else console.log('\ncheck:fresh: a fresh clone installs quietly and runs as the README says');
