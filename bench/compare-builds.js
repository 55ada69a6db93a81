// Is an engine change faster? On a shared machine the workload's figure moves by 2–3× within minutes (other
// tenants' use of the memory caches), so two runs of `npm run bench` cannot answer it. This runs the built engine
// of an earlier revision and today's dist/ in one process, in alternating rounds over the same seeded workload,
// so both meet the same machine; it first checks that both give every request the same decision and statuses.
//   npm run build && node bench/compare-builds.js <git revision> [rounds]
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {evaluationRound, readDecision} from './evaluation-rounds.js';
import {generateWorkload, prepareWorkload} from './workload.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [revision, roundsText = '15'] = process.argv.slice(2);
const rounds = Number(roundsText);
if (!revision || revision === '--help' || !Number.isInteger(rounds) || rounds < 3) {
	console.error('usage: node bench/compare-builds.js <git revision> [rounds, at least 3; default 15]   (run `npm run build` first)');
	process.exit(revision === '--help' ? 0 : 2);
}
if (!existsSync(join(root, 'dist', 'index.js'))) {
	console.error('compare-builds: dist/ is missing; run `npm run build` first.');
	process.exit(2);
}

/** The revision's engine, built under node_modules/.cache (so its imports find this checkout's packages). */
const buildRevision = rev => {
	const git = (...args) => execFileSync('git', args, {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
	let commit;
	try {
		commit = git('rev-parse', '--verify', `${rev}^{commit}`);
	} catch {
		console.error(`compare-builds: "${rev}" is not a commit of this repository (try \`git log --oneline\`).`);
		process.exit(2);
	}
	const folder = join(root, 'node_modules', '.cache', 'compare-builds', commit);
	if (existsSync(join(folder, 'dist', 'index.js'))) return {commit, dist: join(folder, 'dist')};
	rmSync(folder, {recursive: true, force: true});
	mkdirSync(folder, {recursive: true});
	const archive = execFileSync('git', ['archive', commit, 'source', 'package.json', 'tsconfig.json', 'tsconfig.build.json'], {cwd: root, maxBuffer: 256 * 1024 * 1024});
	execFileSync('tar', ['-x', '-C', folder], {input: archive});
	execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(folder, 'tsconfig.build.json')], {cwd: folder, stdio: 'inherit'});
	return {commit, dist: join(folder, 'dist')};
};

const before = buildRevision(revision);
const engines = [
	{name: `${before.commit.slice(0, 7)} (before)`, engine: await import(pathToFileURL(join(before.dist, 'index.js')).href)},
	{name: 'dist/ (now)', engine: await import(pathToFileURL(join(root, 'dist', 'index.js')).href)},
];

const workload = generateWorkload({sets: Number(process.env.BENCH_SETS ?? 300)});
const inputs = engines.map(({engine}) => prepareWorkload(workload, engine.parsePolicy));

const answerOf = evaluation => `${evaluation.decision} ${evaluation.layers.map(layer => `${layer.layer}:${layer.status}`).join(' ')}`;

let differ = 0;
for (let index = 0; index < inputs[0].length; index++) {
	const [was, now] = engines.map(({engine}, which) => answerOf(engine.evaluate(inputs[which][index])));
	if (was !== now && differ++ < 3) console.log(`request ${index}: before "${was}", now "${now}"`);
}
if (differ > 0) console.log(`compare-builds: ${differ} of ${inputs[0].length} requests are answered differently (speed figures below compare different work)`);

const round = (evaluate, list, budget) => evaluationRound(evaluate, list, readDecision, budget);

for (const [which, {engine}] of engines.entries()) round(engine.evaluate, inputs[which], 1);
const figures = engines.map(() => []);
for (let index = 0; index < rounds; index++) {
	// Alternate which goes first, so neither always runs just after the other.
	const order = index % 2 === 0 ? [0, 1] : [1, 0];
	for (const which of order) figures[which].push(round(engines[which].engine.evaluate, inputs[which], 0.3));
}
const median = values => [...values].sort((a, b) => a - b)[values.length >> 1];
const ratios = figures[1].map((now, index) => now / figures[0][index]);
const format = value => Math.round(value).toLocaleString('en-US');
for (const [which, {name}] of engines.entries()) console.log(`${name.padEnd(20)} median ${format(median(figures[which])).padStart(9)} evaluations per CPU second (rounds ${format(Math.min(...figures[which]))}–${format(Math.max(...figures[which]))})`);
console.log(`now / before: ${median(ratios).toFixed(3)} (median of ${rounds} paired rounds; ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}). The same build against itself gave 0.97–1.08 here: trust a change from about 10%.`);
