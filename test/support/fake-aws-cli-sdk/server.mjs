// The fake `aws`'s answers for one script run, from one process: each `aws` call a script makes is otherwise a node
// process that loads an SDK client (~0.3 s), and a bundle makes dozens. The `aws` client sends its command line and
// environment here over FAKE_AWS_SOCKET and prints what `main` wrote, as it would have in its own process.
import {createServer} from 'node:net';
import {main} from './main.mjs';

const [socketPath] = process.argv.slice(2);

// AWS_PAGER and AWS_CLI_AUTO_PROMPT are the CLI's own (the script exports them); the SDK reads the rest of AWS_* and HOME.
const cliOnly = new Set(['AWS_PAGER', 'AWS_CLI_AUTO_PROMPT']);
const readBySdk = name => (name.startsWith('AWS_') && !cliOnly.has(name)) || name === 'HOME';

/** Whether the SDK here sees what it would in the caller's process: else the caller answers itself. */
const sameSdkEnvironment = (env, own = process.env) => {
	const names = new Set([...Object.keys(env), ...Object.keys(own)].filter(readBySdk));
	for (const name of names) if (env[name] !== own[name]) return false;
	return true;
};

const answer = async request => {
	if (!Array.isArray(request.argv) || typeof request.env !== 'object' || !sameSdkEnvironment(request.env)) return {fallback: true};
	let stdout = '';
	let stderr = '';
	const code = await main(request.argv, {...request.env, FAKE_AWS_SERVED: 'true'}, {stdout: text => (stdout += text), stderr: text => (stderr += text)});
	return {stdout, stderr, code};
};

const server = createServer(connection => {
	let buffer = '';
	connection.setEncoding('utf8');
	connection.on('data', chunk => {
		buffer += chunk;
		const end = buffer.indexOf('\n');
		if (end === -1) return;
		connection.removeAllListeners('data');
		answer(JSON.parse(buffer.slice(0, end)))
			.catch(() => ({fallback: true}))
			.then(reply => connection.end(`${JSON.stringify(reply)}\n`));
	});
	connection.on('error', () => {});
});

if (socketPath) server.listen(socketPath, () => process.stdout.write('ready\n'));
