#!/usr/bin/env node
import './environment.js';
import {Command, CommanderError, Option} from 'commander';
import {CliError, exitCodes} from './commands/cli-error.js';
import {operationNames} from './snapshot/operation-names.js';
import {assumptionIds} from './snapshot/assumptions.js';
import {originAccessChoices, originTypeChoices} from './inputs/distribution/distribution-flags.js';
import {awsServiceNames} from './snapshot/service-names.js';
import {visible, visibleLines} from './report/sanitize.js';
import {packageVersion} from './version.js';

/**
 * argv → one of: the wizard, check, explain-error, collect-script, import.
 * Every command module is imported lazily, so `check` never loads Ink or the AWS SDK it does not need.
 */

/** The flags check and collect-script share word for word: a copy's source, replication's rule, a CloudFront distribution. */
const withSourceAndDistribution = (command: Command): Command =>
	command
		.option('--source-bucket <name>', 'copy: the source bucket; replication: the bucket with the replication rule')
		.option('--source-key <objectKey>', 'copy: the source object key (replication: default --key, as a replica keeps its key)')
		.option('--replication-rule <id>', "replication: the source bucket's rule, by ID (default: the highest-priority rule that replicates the object to --bucket)")
		.option('--distribution-arn <arn>', 'cloudfront-download/-upload: the distribution ARN its requests carry as AWS:SourceArn')
		.addOption(new Option('--origin-access <how>', 'cloudfront-download/-upload: how the distribution signs origin requests (origin access control, legacy identity, none)').choices(originAccessChoices))
		.addOption(new Option('--origin-type <type>', "cloudfront-download/-upload: the origin is the bucket's REST endpoint or its website endpoint").choices(originTypeChoices));

const program = new Command()
	.name('s3-kms-doctor')
	.usage('[command] [options]   (no command: the guided wizard)')
	.description('Find out why Amazon S3 says AccessDenied on an SSE-KMS encrypted object, and get the proven fix.')
	.version(packageVersion, '-v, --version')
	.exitOverride()
	// One line, as for every other error (docs/exit-codes.md): the pointer to --help ends it rather than following it.
	.configureOutput({outputError: (text, write) => write(visibleLines(text.replace(/^error: /, 's3-kms-doctor: ').replace(/\n?$/, ' (run with --help for usage)\n')))});

withSourceAndDistribution(
	program
		.command('check')
		.description('Diagnose without the wizard: from snapshot files, or live with your AWS profiles. Exit 0 allowed, 1 denied, 3 unknown, 2 bad input (the worst of several files).')
		// `check snap.json` is what people type first: files named without --snapshot are snapshots too.
		.argument('[snapshots...]', 'snapshot files, as with --snapshot')
		.option('--snapshot <files...>', 'diagnose saved snapshots (see docs/snapshot.md), one report each; - reads standard input')
		.addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
		.option('--out <file>', 'write the report to a file instead of standard output')
		.option('--profile <name>', 'AWS profile of the caller (live mode)')
		.option('--bucket-profile <name>', "AWS profile of the bucket's account, to read its bucket policy (replication: the destination bucket's account)")
		.option('--key-profile <name>', "AWS profile of the key's account, to read its key policy")
		.addOption(new Option('--operation <operation>', 'what failed').choices(operationNames))
		.option('--bucket <name>', 'the bucket')
		.option('--key <objectKey>', 'the object key')
		.option('--kms-key-id <id>', 'the KMS key named in the request (key ID, ARN or alias)')
		.option('--size <bytes>', 'size of the file being uploaded, in bytes (decides multipart)')
		.option('--region <region>', 'AWS Region of the bucket, when the profile does not say'),
)
	.option('--presigned-url <url>', 'presigned-download/-upload: the URL; only its bucket, key, expiry, signature version and access key ID are kept, never its signature or token')
	.addOption(new Option('--service <name>', "service-read/-write: the AWS service that reads or writes the object (athena uses your own credentials; the others a role of theirs)").choices(awsServiceNames))
	.option('--service-role <arn>', "service-read/-write: the IAM role the service uses (a Glue job's role, a Lambda function's execution role, …); diagnosed as that role")
	.option('--assume <facts...>', `take facts as given where they were not read, each reported as assumed: ${assumptionIds.join(', ')} (comma-separated or repeated)`)
	.option('--save-snapshot <file>', 'save what was collected, to send to a support engineer')
	.option('--redact [all]', 'replace account IDs, names, buckets and keys with consistent placeholders (see docs/redaction.md); all: also Sids, tags, VPC endpoint IDs, IP addresses and canonical IDs')
	.action(async (files: string[], options: {snapshot?: string[]}) => {
		const {runCheck} = await import('./commands/check.js');
		const snapshot = [...files, ...(options.snapshot ?? [])];
		process.exitCode = await runCheck({...options, ...(snapshot.length > 0 ? {snapshot} : {})});
	});

program
	.command('explain-error')
	.description('Explain an AccessDenied message, S3 XML error or CloudTrail event: what it means and which grants to check next. Exit 2 when not recognised.')
	.argument('[text...]', 'the error text (quote it); none or - reads standard input')
	.addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
	.action(async (text: string[], options) => {
		const {runExplainError} = await import('./commands/explain-error.js');
		process.exitCode = await runExplainError(text, options);
	});

withSourceAndDistribution(
	program
		.command('collect-script')
		.description("Print a read-only AWS CLI script for the account owner to run; it packs every answer and error into a .tar.gz for `import`.")
		.addOption(new Option('--operation <operation>', 'what failed').choices(operationNames))
		.option('--bucket <name>', 'the bucket')
		.option('--key <objectKey>', 'the object key')
		.option('--kms-key-id <id>', 'the KMS key named in the request (key ID, ARN or alias)')
		.option('--principal <arn>', 'the user, role or session that is denied (default: whoever runs the script)')
		.option('--region <region>', "AWS Region of the bucket (default: asked from S3)")
		.option('--size <bytes>', 'size of the file being uploaded (decides multipart)'),
)
	.option('--presigned-url <url>', "presigned-download/-upload: the URL (it names the bucket and key); the script gets only its facts and asks for its access key's account, never its signature or token")
	.option('--service <name>', `service-read/-write: the AWS service (${awsServiceNames.join(', ')})`)
	.option('--service-role <arn>', 'service-read/-write: the IAM role the service uses; the script reads its policies')
	.option('--out <file>', 'write the script to a file instead of standard output')
	.action(async options => {
		const {runCollectScript} = await import('./commands/collect-script.js');
		process.exitCode = await runCollectScript(options);
	});

program
	.command('import')
	.description('Diagnose a support bundle made by the collect-script script (.tar.gz or its folder), like check. Exit 0 allowed, 1 denied, 3 unknown, 2 bad input.')
	.argument('<bundle>', 'the .tar.gz the script made, or its unpacked folder')
	.addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
	.option('--out <file>', 'write the report to a file instead of standard output')
	.option('--save-snapshot <file>', 'save the imported snapshot (see docs/snapshot.md)')
	.action(async (bundle: string, options) => {
		const {runImport} = await import('./commands/import.js');
		process.exitCode = await runImport(bundle, options);
	});

program.argument('[command]').action(async (command: string | undefined) => {
	if (command !== undefined) {
		const known = program.commands.map(candidate => candidate.name()).join(', ');
		throw new CliError(`unknown command "${command}" (commands: ${known}; run with --help for usage)`);
	}
	const {runWizardCommand} = await import('./commands/wizard.js');
	process.exitCode = await runWizardCommand(program.opts());
});
program.option('--saved <name>', 'open the wizard and re-run a saved check');

const main = async (): Promise<void> => {
	try {
		await program.parseAsync(process.argv);
	} catch (error) {
		if (error instanceof CommanderError) {
			process.exitCode = error.exitCode === 0 ? 0 : exitCodes.usage;
			return;
		}
		if (error instanceof CliError) {
			// One line, whatever file name or value the message quotes.
			process.stderr.write(`s3-kms-doctor: ${visible(error.message)}\n`);
			process.exitCode = error.exitCode;
			return;
		}
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`s3-kms-doctor: unexpected error: ${visible(message)}\n(set S3_KMS_DOCTOR_DEBUG=1 for details, and please report it)\n`);
		if (process.env['S3_KMS_DOCTOR_DEBUG'] && error instanceof Error) process.stderr.write(`${visibleLines(error.stack ?? message)}\n`);
		process.exitCode = exitCodes.usage;
	}
};

await main();
