// Engine throughput on realistic requests: the seeded workload of bench/workload.js (a few hundred distinct
// policy sets of about 40 statements: three identity policies, a key or bucket policy, a boundary, SCPs at
// three levels, RCPs), pre-parsed and reused. Measured twice: reading the decision and each layer's status
// and deciding statements only, and reading every explanation too (summary, each layer's why, each deciding
// statement's and condition's reason), since the engine builds the prose only when it is read. Parsing is
// measured on its own. Target: >= 300,000 evaluations per CPU second on one core without reading explanations.
import {performance} from 'node:perf_hooks';
import {evaluate, parsePolicy} from '../dist/index.js';
import {cpuSeconds, evaluationRound, readDecision} from './evaluation-rounds.js';
import {generateWorkload, prepareWorkload, statementCount} from './workload.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);
const sets = Number(process.env.BENCH_SETS ?? 300);

let peakHeap = 0;
const sampleMemory = () => {
	const {heapUsed} = process.memoryUsage();
	if (heapUsed > peakHeap) peakHeap = heapUsed;
};

/** What a report reads besides: every sentence of the explanation. */
const readExplanation = evaluation => {
	let sum = readDecision(evaluation) + evaluation.summary.length + evaluation.unknownContextKeys.length;
	for (const layer of evaluation.layers) {
		sum += layer.why.length;
		for (const trace of layer.decidedBy) {
			sum += trace.reason.length;
			for (const condition of trace.conditions) sum += condition.reason.length;
		}
		for (const policy of layer.policies) for (const near of policy.nearMisses) sum += near.length;
	}
	return sum;
};

const round = (inputs, read, budget) => evaluationRound(evaluate, inputs, read, budget, sampleMemory);

/** The median of seven rounds after a warm-up: CPU time, so other work on a shared machine does not count. */
const measure = (inputs, read) => {
	round(inputs, read, Math.min(0.5, seconds / 3));
	const rounds = Array.from({length: 7}, () => round(inputs, read, seconds / 7)).sort((a, b) => a - b);
	return {median: rounds[3], slowest: rounds[0], fastest: rounds[6]};
};

const format = value => Math.round(value).toLocaleString('en-US');
const mb = bytes => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const workload = generateWorkload({sets});
const parseStart = performance.now();
const parseCpu = cpuSeconds();
const inputs = prepareWorkload(workload, parsePolicy);
const parseSeconds = cpuSeconds() - parseCpu;
const documents = workload.reduce((sum, set) => sum + set.documents.identity.length + 2 + (set.documents.boundary ? 1 : 0) + set.documents.scp.flat().length + set.documents.rcp.flat().length, 0);
const statements = inputs.reduce((sum, input) => sum + statementCount(input.policies), 0) / inputs.length;
console.log(
	`workload: ${sets} policy sets, ${inputs.length} requests, ${statements.toFixed(1)} statements per request; ` +
		`parsing ${documents} documents took ${(parseSeconds * 1000).toFixed(0)} ms CPU (${(performance.now() - parseStart).toFixed(0)} ms wall)`,
);

const decisions = {};
for (const input of inputs) {
	const {decision} = evaluate(input);
	decisions[decision] = (decisions[decision] ?? 0) + 1;
}
console.log(`workload: decisions ${Object.entries(decisions).map(([decision, count]) => `${count} ${decision}`).join(', ')}`);

const plain = measure(inputs, readDecision);
const heapPlain = peakHeap;
console.log(`workload: decision and statuses: ${format(plain.median).padStart(9)} evaluations per CPU second (rounds ${format(plain.slowest)}–${format(plain.fastest)}), ${(1e6 / plain.median).toFixed(2)} µs each`);
const explained = measure(inputs, readExplanation);
console.log(`workload: with explanations read: ${format(explained.median).padStart(9)} evaluations per CPU second (rounds ${format(explained.slowest)}–${format(explained.fastest)}), ${(1e6 / explained.median).toFixed(2)} µs each`);

// The same code on one request repeated: its policies stay in the CPU's caches. The gap to the round-robin figure is
// the cost of reaching ~40 statements' compiled objects in memory on every evaluation, not of the instructions run.
const warm = measure(inputs.slice(0, 1), readDecision);
console.log(`workload: one request repeated (cache-warm): ${format(warm.median).padStart(9)} evaluations per CPU second, ${(warm.median / plain.median).toFixed(1)}× the round-robin figure`);

const memory = process.memoryUsage();
console.log(`workload: peak heap used ${mb(heapPlain)} reading decisions, ${mb(peakHeap)} with explanations; rss ${mb(memory.rss)}, max rss ${mb(process.resourceUsage().maxRSS * 1024)}`);

const ok = plain.median >= 300_000;
console.log(`workload: ${format(plain.median)} evaluations per CPU second without reading explanations (target >= 300,000 on one core) ${ok ? 'PASS' : 'FAIL'}`);
if (!ok) process.exitCode = 1;
