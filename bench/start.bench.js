// `npm start` with nothing changed: time to the wizard's first question (target < 1 s), in tmux when it is
// installed (the wizard needs a terminal), and `npm start -- --version` as a whole process. The test
// suite only asserts that such a start does not rebuild (test/first-run); the time is measured here.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';

const root = fileURLToPath(new URL('..', import.meta.url));
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

// Up to date first: the runs below must measure a start with nothing to rebuild.
execFileSync(process.execPath, [join(root, 'scripts', 'ensure-cli.js')], {cwd: root, stdio: 'inherit'});

const versionTimes = [];
for (let run = 0; run < 7; run++) {
	const start = performance.now();
	execFileSync('npm', ['start', '--silent', '--', '--version'], {cwd: root, stdio: 'pipe', env: {...process.env, CI: 'true'}});
	versionTimes.push(performance.now() - start);
}
const versionMedian = median(versionTimes.slice(1));
console.log(`npm start -- --version, nothing changed: median ${versionMedian.toFixed(0)} ms (target < 1000 ms) ${versionMedian < 1000 ? 'PASS' : 'FAIL'}`);

if (spawnSync('tmux', ['-V']).status === 0) {
	const socket = `s3kd-bench-${process.pid}`;
	const home = mkdtempSync(join(tmpdir(), 's3-kms-doctor-bench-'));
	const tmux = (...args) => spawnSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	const times = [];
	try {
		for (let run = 0; run < 5; run++) {
			const session = `start-${run}`;
			const command = `env -u CI CI=false HOME='${home}' AWS_CONFIG_FILE='${home}/none' S3_KMS_DOCTOR_CONFIG_DIR='${home}/config' npm start --silent; sleep 60`;
			const start = performance.now();
			tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', root, command);
			for (;;) {
				if (tmux('capture-pane', '-p', '-t', session).stdout.includes('How shall we look at the failing request?')) break;
				if (performance.now() - start > 20_000) throw new Error('the first question did not appear within 20 s');
				await sleep(10);
			}
			times.push(performance.now() - start);
			tmux('kill-session', '-t', session);
		}
	} finally {
		tmux('kill-server');
		rmSync(home, {recursive: true, force: true});
	}
	const firstQuestion = median(times.slice(1));
	console.log(`npm start to the first question (tmux 80×24), nothing changed: median ${firstQuestion.toFixed(0)} ms (target < 1000 ms) ${firstQuestion < 1000 ? 'PASS' : 'FAIL'}`);
} else console.log('npm start to the first question: skipped (tmux is not installed)');
