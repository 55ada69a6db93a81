// What the workload bench and compare-builds.js share: CPU time, what a caller reads of an answer, and one timed round.

export const cpuSeconds = () => {
	const {user, system} = process.cpuUsage();
	return (user + system) / 1e6;
};

/** What a caller that wants the answer reads: the decision, each layer's status and the statements that decided it. */
export const readDecision = evaluation => {
	let sum = evaluation.decision.length;
	for (const layer of evaluation.layers) {
		sum += layer.status.length;
		for (const trace of layer.decidedBy) sum += trace.statementIndex;
	}
	return sum;
};

/** Evaluations per CPU second over about `budget` seconds, walking the inputs round-robin in batches of 500 (`afterBatch` after each). */
export const evaluationRound = (evaluate, inputs, read, budget, afterBatch = () => undefined) => {
	let runs = 0;
	let position = 0;
	let sink = 0;
	const startCpu = cpuSeconds();
	let used = 0;
	while (used < budget) {
		for (let index = 0; index < 500; index++) {
			sink += read(evaluate(inputs[position]));
			position = position + 1 === inputs.length ? 0 : position + 1;
		}
		runs += 500;
		afterBatch();
		used = cpuSeconds() - startCpu;
	}
	if (sink === 0) throw new Error('nothing was read');
	return runs / used;
};
