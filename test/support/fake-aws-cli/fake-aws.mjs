// A fake `aws` for tests: never touches AWS. It answers each call from a fixture file and logs it.
//
// $FAKE_AWS_FIXTURES: {"responses": [{"call": "kms get-key-policy", "args": {"--key-id": "…"},
//   "answer": {…}} | {…, "error": {"code": "AccessDeniedException", "message": "…", "exit": 254}}]}
// The first response whose call matches and whose args all equal the call's wins. A call no
// response matches fails (exit 255) and is logged as unmatched, so a test can see it.
// $FAKE_AWS_LOG: a file that gets one JSON line per call: {"argv": [...], "matched": true}.
import {appendFileSync, readFileSync} from 'node:fs';

const argv = process.argv.slice(2);
const log = entry => {
	if (process.env.FAKE_AWS_LOG) appendFileSync(process.env.FAKE_AWS_LOG, `${JSON.stringify(entry)}\n`);
};

if (argv[0] === '--version') {
	process.stdout.write('aws-cli/2.17.0 Python/3.12.6 Linux/6.1.0 exe/x86_64.fake\n');
	log({argv, matched: true});
	process.exit(0);
}

/**
 * AWS CLI v2 with `cli_auto_prompt = on` (in the profile, or AWS_CLI_AUTO_PROMPT=on) prompts for every
 * command, and without a terminal stops: "Input is not a terminal". AWS_CLI_AUTO_PROMPT=off wins.
 */
const autoPrompt = (() => {
	const variable = process.env.AWS_CLI_AUTO_PROMPT;
	if (variable !== undefined) return variable === 'on';
	let config = '';
	try {
		config = readFileSync(process.env.AWS_CONFIG_FILE ?? `${process.env.HOME}/.aws/config`, 'utf8');
	} catch {
		return false;
	}
	const profile = process.env.AWS_PROFILE ?? 'default';
	const header = profile === 'default' ? '[default]' : `[profile ${profile}]`;
	const section = config.split(/^(?=\[)/m).find(part => part.startsWith(header)) ?? '';
	return /^\s*cli_auto_prompt\s*=\s*on\s*$/m.test(section);
})();
if (autoPrompt && !process.stdin.isTTY) {
	log({argv, matched: false, autoPrompt: true});
	process.stderr.write('\nInput is not a terminal (fd=0).\n');
	process.exit(255);
}

const [service, command, ...rest] = argv;
const options = {};
for (let index = 0; index < rest.length; index++) {
	const name = rest[index];
	// `--name=value` is one word, as the AWS CLI (argparse) reads it.
	const equals = name.startsWith('--') ? name.indexOf('=') : -1;
	if (equals !== -1) {
		options[name.slice(0, equals)] = name.slice(equals + 1);
		continue;
	}
	if (name.startsWith('--')) {
		const value = rest[index + 1];
		if (value === undefined || value.startsWith('--')) options[name] = true;
		else {
			options[name] = value;
			index++;
		}
	}
}

const fixtures = JSON.parse(readFileSync(process.env.FAKE_AWS_FIXTURES, 'utf8'));
const call = `${service} ${command}`;
const response = fixtures.responses.find(
	candidate => candidate.call === call && Object.entries(candidate.args ?? {}).every(([name, value]) => options[name] === value),
);
const pascal = text => text.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());

if (!response) {
	log({argv, matched: false});
	process.stderr.write(`fake aws: no fixture answers: aws ${argv.join(' ')}\n`);
	process.exit(255);
}
log({argv, matched: true});
if (response.error) {
	process.stderr.write(`\nAn error occurred (${response.error.code}) when calling the ${pascal(command)} operation: ${response.error.message}\n`);
	process.exit(response.error.exit ?? 254);
}
// The AWS CLI prints JSON with four-space indentation; the script's sed and awk read that layout.
if (response.answer !== null && response.answer !== undefined) process.stdout.write(`${JSON.stringify(response.answer, null, 4)}\n`);
process.exit(0);
