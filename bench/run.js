// Runs every bench/*.bench.js file in turn, each in its own Node process (so one file's memory and JIT
// state cannot colour another's numbers). A file fails when it exits non-zero or prints a line ending
// in FAIL; then so does the run. `npm run bench` builds first.
import {spawn} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const folder = dirname(fileURLToPath(import.meta.url));
const root = dirname(folder);

if (!existsSync(join(root, 'dist', 'index.js'))) {
	console.error('bench: dist/ is missing; run `npm run build` first (or `npm run bench`, which builds).');
	process.exit(2);
}

const files = readdirSync(folder)
	.filter(name => name.endsWith('.bench.js'))
	.sort();
if (files.length === 0) {
	console.error(`bench: no *.bench.js files in ${folder}`);
	process.exit(2);
}

/** Run one bench file, echoing its output as it comes; resolves to whether it passed. */
const runOne = file =>
	new Promise(resolve => {
		let sawFail = false;
		let pending = '';
		const child = spawn(process.execPath, [join(folder, file)], {cwd: root, stdio: ['ignore', 'pipe', 'inherit']});
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', chunk => {
			process.stdout.write(chunk);
			const lines = (pending + chunk).split('\n');
			pending = lines.pop() ?? '';
			if (lines.some(line => /\bFAIL\s*$/.test(line))) sawFail = true;
		});
		child.on('error', error => {
			console.error(`bench: could not run ${file}: ${error.message}`);
			resolve(false);
		});
		child.on('close', code => resolve(code === 0 && !sawFail && !/\bFAIL\s*$/.test(pending)));
	});

const failed = [];
for (const file of files) {
	console.log(`\n== ${file}`);
	if (!(await runOne(file))) failed.push(file);
}

console.log(failed.length === 0 ? `\nbench: all ${files.length} passed` : `\nbench: ${failed.length} of ${files.length} failed: ${failed.join(', ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
