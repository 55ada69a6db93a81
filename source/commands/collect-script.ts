import {chmod} from 'node:fs/promises';
import path from 'node:path';
import {renderCollectScript, runScriptCommand, validateCollectOptions} from '../outputs/collect-script/index.js';
import {visible} from '../report/sanitize.js';
import {packageVersion} from '../version.js';
import {CliError, exitCodes} from './cli-error.js';
import {describeFileError, writeTextOutput} from './io.js';

export type CollectScriptCommandOptions = {
	readonly operation?: string;
	readonly bucket?: string;
	readonly key?: string;
	readonly kmsKeyId?: string;
	readonly principal?: string;
	readonly region?: string;
	readonly size?: string;
	readonly sourceBucket?: string;
	readonly sourceKey?: string;
	readonly presignedUrl?: string;
	readonly distributionArn?: string;
	readonly originAccess?: string;
	readonly originType?: string;
	readonly service?: string;
	readonly serviceRole?: string;
	readonly replicationRule?: string;
	readonly out?: string;
};

/** collect-script: print (or write) the read-only collection script for a customer to run. */
export const runCollectScript = async (options: CollectScriptCommandOptions): Promise<number> => {
	const validated = validateCollectOptions({
		...(options.operation !== undefined ? {operation: options.operation} : {}),
		...(options.bucket !== undefined ? {bucket: options.bucket} : {}),
		...(options.key !== undefined ? {objectKey: options.key} : {}),
		...(options.kmsKeyId !== undefined ? {kmsKeyId: options.kmsKeyId} : {}),
		...(options.principal !== undefined ? {principal: options.principal} : {}),
		...(options.region !== undefined ? {region: options.region} : {}),
		...(options.size !== undefined ? {sizeBytes: options.size} : {}),
		...(options.sourceBucket !== undefined ? {sourceBucket: options.sourceBucket} : {}),
		...(options.sourceKey !== undefined ? {sourceKey: options.sourceKey} : {}),
		...(options.presignedUrl !== undefined ? {presignedUrl: options.presignedUrl} : {}),
		...(options.distributionArn !== undefined ? {distributionArn: options.distributionArn} : {}),
		...(options.originAccess !== undefined ? {originAccess: options.originAccess} : {}),
		...(options.originType !== undefined ? {originType: options.originType} : {}),
		...(options.service !== undefined ? {service: options.service} : {}),
		...(options.serviceRole !== undefined ? {serviceRole: options.serviceRole} : {}),
		...(options.replicationRule !== undefined ? {replicationRule: options.replicationRule} : {}),
	});
	if (!validated.ok) throw new CliError(validated.error.message, exitCodes.usage);
	const context = {generatedBy: `s3-kms-doctor ${packageVersion}`, generatedAt: new Date().toISOString()};
	if (!options.out) {
		process.stdout.write(renderCollectScript(validated.value, context));
		return 0;
	}
	// The owner runs it where they saved it, by its name: the header's command names no folder of ours.
	await writeTextOutput(options.out, renderCollectScript(validated.value, {...context, fileName: path.basename(options.out)}), 'the script to');
	try {
		await chmod(options.out, 0o755);
	} catch (error) {
		// CliError's line goes through the sanitizer where it is printed.
		throw new CliError(`wrote ${options.out} but cannot make it executable: ${describeFileError(error)} (run it with ${runScriptCommand(options.out)})`);
	}
	// The path is shown as every other printed value is: a control character in it cannot steer the terminal.
	process.stderr.write(
		`Wrote ${visible(options.out)}. Send it to the account owner: they read it, run \`${visible(runScriptCommand(options.out))}\`, and send back the .tar.gz it makes for \`s3-kms-doctor import\`.\n`,
	);
	return 0;
};
