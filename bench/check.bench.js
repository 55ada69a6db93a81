// Whole-process `check --snapshot` time (target < 250 ms, and at most 4× a bare `node -e 0` on the same
// machine, which holds on a loaded one too) and the pure diagnosis alone (target < 5 ms).
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';
import {diagnose} from '../dist/diagnosis/diagnose.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli.js`;
const examples = ['large-upload-multipart-missing-decrypt', 'cross-account-download', 'disabled-key', 'all-allowed'];

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const processTimes = [];
const bareTimes = [];
for (let run = 0; run < 12; run++) {
	const bareStart = performance.now();
	execFileSync(process.execPath, ['-e', '0'], {stdio: 'pipe'});
	bareTimes.push(performance.now() - bareStart);
	const example = `${root}examples/${examples[run % examples.length]}.json`;
	const start = performance.now();
	try {
		execFileSync(process.execPath, [cli, 'check', '--snapshot', example, '--format', 'json'], {stdio: 'pipe'});
	} catch (error) {
		// Exit codes 1 and 3 are verdicts, not failures.
		if (![1, 3].includes(error.status)) throw error;
	}
	processTimes.push(performance.now() - start);
}

const engineTimes = [];
for (const name of examples) {
	const snapshot = JSON.parse(readFileSync(`${root}examples/${name}.json`, 'utf8'));
	for (let warm = 0; warm < 20; warm++) diagnose(snapshot);
	const runs = 200;
	const start = performance.now();
	for (let run = 0; run < runs; run++) diagnose(snapshot);
	engineTimes.push((performance.now() - start) / runs);
}

const processMedian = median(processTimes.slice(2));
const bareMedian = median(bareTimes.slice(2));
const ratio = processMedian / bareMedian;
const engineWorst = Math.max(...engineTimes);
console.log(`check --snapshot, whole process: median ${processMedian.toFixed(0)} ms (target < 250 ms) ${processMedian < 250 ? 'PASS' : 'FAIL'}`);
console.log(`check --snapshot against bare node (${bareMedian.toFixed(0)} ms): ${ratio.toFixed(1)}× (target at most 4×) ${ratio <= 4 ? 'PASS' : 'FAIL'}`);
console.log(`diagnose() incl. fix proofs, slowest example: ${engineWorst.toFixed(2)} ms (target < 5 ms) ${engineWorst < 5 ? 'PASS' : 'FAIL'}`);
