// Engine throughput: evaluations per second of one request against policy sets of 10, 100 and 1,000
// generated statements (plus the few that every set holds: the allowing statement, a boundary, SCPs),
// and peak memory. Targets: >= 200,000 evaluations/s at 10 statements on one core, and a time per
// statement that does not grow with the size of the set (no worse than linear).
import {performance} from 'node:perf_hooks';
import {evaluate, parsePolicy} from '../dist/index.js';

const account = '111122223333';
const caller = `arn:aws:sts::${account}:assumed-role/App/worker-7`;

// A small deterministic generator, so every run measures the same policies.
let seed = 42;
const random = () => {
	seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
	return seed / 2_147_483_648;
};
const pick = list => list[Math.floor(random() * list.length)];

const actionSets = [
	['s3:GetObject', 's3:GetObjectVersion'],
	['s3:PutObject', 's3:PutObjectAcl', 's3:PutObjectTagging'],
	['s3:List*'],
	['s3:*Object*'],
	['kms:Decrypt', 'kms:GenerateDataKey*'],
	['kms:Describe*', 'kms:Get*', 'kms:List*'],
	['ec2:Describe*'],
	['iam:Get*', 'iam:List*'],
	['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'],
	['sqs:SendMessage', 'sqs:ReceiveMessage'],
	['logs:CreateLogStream', 'logs:PutLogEvents'],
];
const resourceFor = (index, actions) => {
	const service = actions[0].split(':')[0];
	switch (service) {
		case 's3':
			return [`arn:aws:s3:::bucket-${index % 40}`, `arn:aws:s3:::bucket-${index % 40}/${pick(['*', 'reports/*', 'data/2024/*', 'logs/???/*'])}`];
		case 'kms':
			return `arn:aws:kms:${pick(['us-east-1', 'eu-west-1', '*'])}:${account}:key/*`;
		case 'logs':
			return `arn:aws:logs:*:${account}:log-group:/aws/lambda/fn-${index}:*`;
		default:
			return '*';
	}
};
const conditionFor = index => {
	switch (index % 5) {
		case 0:
			return {StringEquals: {'kms:ViaService': ['s3.us-east-1.amazonaws.com', 's3.eu-west-1.amazonaws.com']}};
		case 1:
			return {StringLike: {'s3:prefix': ['home/${aws:username}/*', 'shared/*']}};
		case 2:
			return {IpAddress: {'aws:SourceIp': ['192.0.2.0/24', '2001:db8::/32']}};
		case 3:
			return {Bool: {'aws:SecureTransport': 'true'}, 'ForAnyValue:StringEquals': {'aws:CalledVia': ['s3.amazonaws.com']}};
		default:
			return undefined;
	}
};

const statementAt = (index, resourcePolicy) => {
	const actions = pick(actionSets);
	const deny = index % 9 === 4;
	const condition = conditionFor(index);
	return {
		Sid: `S${index}`,
		Effect: deny ? 'Deny' : 'Allow',
		...(resourcePolicy ? {Principal: {AWS: pick([`arn:aws:iam::${account}:role/App`, `arn:aws:iam::${account}:root`, '444455556666', `arn:aws:iam::${account}:role/Role${index}`])}} : {}),
		Action: actions,
		Resource: resourceFor(index, actions),
		...(deny ? {Condition: {Bool: {'aws:SecureTransport': 'false'}}} : condition ? {Condition: condition} : {}),
	};
};

const parse = (statements, name) => {
	const result = parsePolicy({Version: '2012-10-17', Statement: statements}, name);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

/** `size` statements: 60 % in identity policies (10 per policy), 30 % in the bucket policy, 10 % in SCPs and the boundary. */
const policySet = size => {
	seed = 42;
	const identityCount = Math.round(size * 0.6);
	const resourceCount = Math.round(size * 0.3);
	const guardCount = Math.max(2, size - identityCount - resourceCount);
	const identity = [];
	for (let start = 0; start < identityCount; start += 10) {
		const statements = [];
		for (let index = start; index < Math.min(start + 10, identityCount); index++) statements.push(statementAt(index, false));
		identity.push(parse(statements, `identity policy ${identity.length + 1}`));
	}
	// The bucket policy opens with the usual TLS guard, which every request must get past (a condition to evaluate).
	const bucket = [
		{
			Sid: 'DenyInsecureTransport',
			Effect: 'Deny',
			Principal: '*',
			Action: 's3:*',
			Resource: ['arn:aws:s3:::bucket-3', 'arn:aws:s3:::bucket-3/*'],
			Condition: {Bool: {'aws:SecureTransport': 'false'}},
		},
	];
	for (let index = 1; index < resourceCount; index++) bucket.push(statementAt(identityCount + index, true));
	// One statement that really allows the request, so every run walks to an allow.
	identity[0] = parse([...identity[0].document.Statement, {Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-3/*'}], 'identity policy 1');
	const guards = [];
	for (let index = 0; index < guardCount - 1; index++) guards.push(statementAt(identityCount + resourceCount + index, false));
	return {
		identity,
		resource: parse(bucket, 'bucket policy'),
		boundary: parse([{Sid: 'Boundary', Effect: 'Allow', Action: ['s3:*', 'kms:*'], Resource: '*'}], 'boundary'),
		scp: [[parse([{Effect: 'Allow', Action: '*', Resource: '*'}], 'FullAWSAccess')], [parse([{Effect: 'Allow', Action: '*', Resource: '*'}, ...guards], 'OU guard rails')]],
	};
};

const countStatements = policies =>
	policies.identity.reduce((sum, policy) => sum + policy.statements.length, 0) +
	policies.resource.statements.length +
	policies.boundary.statements.length +
	policies.scp.flat().reduce((sum, policy) => sum + policy.statements.length, 0);

const request = {
	principal: caller,
	action: 's3:GetObject',
	resource: 'arn:aws:s3:::bucket-3/reports/2024/q1.csv',
	resourceAccount: account,
	context: {
		'aws:SecureTransport': true,
		'aws:SourceIp': '192.0.2.10',
		'kms:ViaService': 's3.us-east-1.amazonaws.com',
		's3:prefix': 'reports/',
		'aws:CalledVia': [],
		'aws:PrincipalTag/team': 'blue',
	},
	missingContextKeys: 'absent',
};

let peakHeap = 0;
const sampleMemory = () => {
	const {heapUsed} = process.memoryUsage();
	if (heapUsed > peakHeap) peakHeap = heapUsed;
};

const cpuSeconds = () => {
	const {user, system} = process.cpuUsage();
	return (user + system) / 1e6;
};

/** Evaluations per second of CPU time used by this process over about `seconds`, in batches so clocks are read rarely. */
const round = (input, seconds) => {
	let runs = 0;
	let batch = 100;
	const startCpu = cpuSeconds();
	const startWall = performance.now();
	let used = 0;
	while (used < seconds) {
		for (let index = 0; index < batch; index++) evaluate(input);
		runs += batch;
		sampleMemory();
		used = cpuSeconds() - startCpu;
		if (used < seconds / 10) batch *= 2;
	}
	return {perSecond: runs / used, perWallSecond: runs / ((performance.now() - startWall) / 1000)};
};

/**
 * The median of seven rounds, in evaluations per second of CPU time: CPU time, so that other work on a
 * busy machine does not count against the engine; the median, so that one disturbed round does not either.
 */
const measure = (policies, seconds) => {
	const input = {request, policies};
	const first = evaluate(input);
	if (first.decision !== 'allowed') throw new Error(`the bench request should be allowed, got ${first.decision}: ${first.summary}`);
	round(input, Math.min(0.3, seconds / 3));
	const rounds = Array.from({length: 7}, () => round(input, seconds / 7)).sort((a, b) => a.perSecond - b.perSecond);
	return {...rounds[3], slowest: rounds[0].perSecond, fastest: rounds[6].perSecond};
};

const mb = bytes => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const format = value => Math.round(value).toLocaleString('en-US');

// BENCH_SECONDS (per size, default 1.5) and BENCH_SIZES (e.g. "10") narrow a run, e.g. for profiling.
const seconds = Number(process.env.BENCH_SECONDS ?? 1.5);
const sizes = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const results = [];
for (const size of sizes) {
	const policies = policySet(size);
	const statements = countStatements(policies);
	const {perSecond, perWallSecond, slowest, fastest} = measure(policies, seconds);
	results.push({size, statements, perSecond, bestMicrosPerStatement: 1e6 / fastest / statements});
	console.log(
		`engine: ${String(size).padStart(5)} statements (${statements} with guard rails): ${format(perSecond).padStart(9)} evaluations per CPU second ` +
			`(rounds ${format(slowest)}–${format(fastest)}; ${format(perWallSecond)} per wall-clock second), ` +
			`${(1e6 / perSecond).toFixed(2)} µs each, ${((1e6 / perSecond / statements) * 1000).toFixed(0)} ns per statement`,
	);
}

const memory = process.memoryUsage();
console.log(`engine: peak heap used ${mb(peakHeap)}, heap now ${mb(memory.heapUsed)}, rss ${mb(memory.rss)}, max rss ${mb(process.resourceUsage().maxRSS * 1024)}`);

const small = results.find(result => result.size === 10);
const middle = results.find(result => result.size === 100);
const large = results.find(result => result.size === 1000);
let failed = false;
if (small) {
	const ok = small.perSecond >= 200_000;
	failed ||= !ok;
	console.log(`engine: 10 statements: ${format(small.perSecond)} evaluations per CPU second (target >= 200,000 on one core) ${ok ? 'PASS' : 'FAIL'}`);
}
if (middle && large) {
	// Linear: the time per statement stays flat from 100 to 1,000 statements (a quadratic cost would show x10).
	// Compared on each size's fastest round, the least disturbed; the slack covers the caches a ten times
	// larger policy set no longer fits in.
	const growth = large.bestMicrosPerStatement / middle.bestMicrosPerStatement;
	const ok = growth <= 1.5;
	failed ||= !ok;
	console.log(`engine: time per statement at 1,000 vs 100 statements: x${growth.toFixed(2)} (target <= 1.5: linear, not worse) ${ok ? 'PASS' : 'FAIL'}`);
}
if (failed) process.exitCode = 1;
