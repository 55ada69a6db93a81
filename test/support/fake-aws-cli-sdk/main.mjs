// The fake `aws`: parses a command line as the AWS CLI does, sends the operation with the real SDK client, and
// prints the answer (or the error) the CLI's way. Returns the exit status the CLI would.
import {appendFileSync} from 'node:fs';
import {CliFailure, failureOf} from './cli-failure.mjs';
import {cliJson, cliShape} from './cli-output.mjs';
import {commands, globalFlags, globalOptions} from './commands.mjs';
import {createClient, resolveSettings} from './settings.mjs';

export const version = 'aws-cli/2.17.0 Python/3.12.6 Linux/6.1.0 exe/x86_64.fake-sdk';

const usage = 'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]';
const usageError = text => new CliFailure(`\n${usage}\naws: error: ${text}\n`, 252);

/** `service command --name value …` → its parts; every option here takes one value except the few global flags. */
const parseArgv = argv => {
	const positional = [];
	const options = {};
	const flags = new Set();
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index];
		// `--name=value` is one word, as argparse reads it.
		const equals = token.startsWith('--') ? token.indexOf('=') : -1;
		if (equals !== -1) {
			options[token.slice(0, equals)] = token.slice(equals + 1);
			continue;
		}
		if (!token.startsWith('--')) {
			positional.push(token);
			continue;
		}
		if (globalFlags.includes(token)) {
			flags.add(token);
			continue;
		}
		const value = argv[index + 1];
		if (value === undefined) throw usageError(`argument ${token}: expected one argument`);
		options[token] = value;
		index++;
	}
	return {positional, options, flags};
};

/** The command's spec and the SDK input its options make, or the CLI's complaint about the command line. */
const parseCommand = argv => {
	const {positional, options, flags} = parseArgv(argv);
	const [service, name, ...extra] = positional;
	const spec = commands[service]?.[name];
	if (!spec) {
		throw usageError(`argument operation: Invalid choice: '${[service, name].filter(Boolean).join(' ')}' (this fake aws knows only the commands the collection script runs)`);
	}
	if (extra.length > 0) throw new CliFailure(`\nUnknown options: ${extra.join(', ')}\n`, 252);
	const known = new Set([...globalOptions, ...spec.options.map(option => option.flag), ...(spec.paginate?.limitKey ? ['--page-size'] : [])]);
	const unknown = Object.keys(options).filter(flag => !known.has(flag));
	if (unknown.length > 0) throw new CliFailure(`\nUnknown options: ${unknown.join(', ')}\n`, 252);
	const missing = spec.options.filter(option => option.required && options[option.flag] === undefined).map(option => option.flag);
	if (missing.length > 0) throw usageError(`the following arguments are required: ${missing.join(', ')}`);
	if ((options['--output'] ?? 'json') !== 'json') throw usageError(`argument --output: this fake aws prints only json, not ${options['--output']}`);
	const input = Object.fromEntries(spec.options.filter(option => options[option.flag] !== undefined).map(option => [option.member, options[option.flag]]));
	const pageSize = options['--page-size'];
	if (pageSize !== undefined) {
		// An integer argument, as the CLI's parser reads it; the service judges its range.
		if (!/^-?\d+$/.test(pageSize)) throw usageError(`argument --page-size: invalid int value: '${pageSize}'`);
		input[spec.paginate.limitKey] = Number(pageSize);
	}
	return {service, name, spec, input, options, paginate: spec.paginate && !flags.has('--no-paginate') ? spec.paginate : undefined};
};

/** One call, or every page of a paginated one merged into the single list the CLI prints. */
const send = async (sdk, client, spec, input, paginate) => {
	const Command = sdk[`${spec.operation}Command`];
	if (!paginate) return client.send(new Command(input));
	const merged = [];
	let token;
	for (let page = 0; page < 1000; page++) {
		const answer = await client.send(new Command({...input, ...(token === undefined ? {} : {[paginate.inputToken]: token})}));
		merged.push(...(answer[paginate.resultKey] ?? []));
		const more = paginate.moreResults ? answer[paginate.moreResults] === true : true;
		token = more ? answer[paginate.outputToken] : undefined;
		if (!token) break;
	}
	return {[paginate.resultKey]: merged};
};

const log = (env, entry) => {
	// `served`: server.mjs answered the call, not an `aws` process of its own.
	if (env.FAKE_AWS_LOG) appendFileSync(env.FAKE_AWS_LOG, `${JSON.stringify(env.FAKE_AWS_SERVED ? {...entry, served: true} : entry)}\n`);
};

/** Runs one `aws …` command line; `write` gets what goes to stdout and stderr. */
export const main = async (argv, env, write) => {
	if (argv[0] === '--version') {
		write.stdout(`${version}\n`);
		log(env, {argv, exit: 0});
		return 0;
	}
	let operation = 'unknown';
	let head = false;
	let endpoint = 'https://amazonaws.com/';
	let client;
	try {
		const command = parseCommand(argv);
		({operation} = command.spec);
		head = command.spec.head === true;
		const settings = await resolveSettings(command.service, command.options, env);
		if (settings.endpoint) endpoint = settings.endpoint;
		const made = createClient(command.service, settings);
		client = made.client;
		const answer = await send(made.sdk, client, command.spec, command.input, command.paginate);
		write.stdout(cliJson(cliShape(command.service, operation, answer)));
		log(env, {argv, operation, exit: 0});
		return 0;
	} catch (error) {
		const failure = failureOf(error, operation, head, endpoint);
		write.stderr(failure.stderr);
		log(env, {argv, operation, exit: failure.exitCode, error: failure.message});
		return failure.exitCode;
	} finally {
		client?.destroy();
	}
};
