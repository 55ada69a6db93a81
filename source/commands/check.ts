import {bytesOf} from '../outputs/collect-script/validate-options.js';
import {diagnose} from '../diagnosis/diagnose.js';
import type {Decision, Diagnosis} from '../diagnosis/diagnosis.js';
import {parseSnapshot} from '../snapshot/parse-snapshot.js';
import type {Operation, Question, Snapshot} from '../snapshot/snapshot.js';
import {renderJson, renderMarkdown, renderText} from '../report/index.js';
import {packageVersion} from '../version.js';
import {checkSnapshots} from './check-snapshots.js';
import {CliError, exitCodes} from './cli-error.js';
import {readTextInput, writeTextOutput} from './io.js';

export type ReportFormat = 'text' | 'json' | 'md';

export type CheckOptions = {
	/** One file, or several (`--snapshot examples/*.json`): one report each. */
	readonly snapshot?: string | readonly string[];
	readonly format?: ReportFormat;
	readonly out?: string;
	readonly profile?: string;
	readonly bucketProfile?: string;
	readonly keyProfile?: string;
	readonly operation?: Operation;
	readonly bucket?: string;
	readonly key?: string;
	readonly kmsKeyId?: string;
	readonly size?: string;
	readonly region?: string;
	readonly sourceBucket?: string;
	readonly sourceKey?: string;
	readonly saveSnapshot?: string;
	readonly redact?: boolean;
};

const exitCodeOf: Record<Decision, number> = {allowed: exitCodes.allowed, denied: exitCodes.denied, unknown: exitCodes.unknown};

const useColor = (out: string | undefined): boolean =>
	out === undefined && process.stdout.isTTY === true && !process.env['NO_COLOR'] && process.env['FORCE_COLOR'] !== '0' && process.env['TERM'] !== 'dumb';

/** One diagnosis in the format asked for. */
const renderReport = (diagnosis: Diagnosis, format: ReportFormat, out: string | undefined): string =>
	format === 'json'
		? renderJson(diagnosis)
		: format === 'md'
			? renderMarkdown(diagnosis, {toolVersion: packageVersion, generatedAt: new Date().toISOString()})
			: renderText(diagnosis, {color: useColor(out), width: Math.max(60, Math.min(process.stdout.columns ?? 100, 120))});

/** Diagnose a snapshot and print or write the report; returns the exit code. Shared by check and import. */
export const reportDiagnosis = async (snapshot: Snapshot, options: {format: ReportFormat; out?: string}): Promise<number> => {
	const diagnosis = diagnose(snapshot);
	const report = renderReport(diagnosis, options.format, options.out);
	if (options.out) await writeTextOutput(options.out, report, 'the report to');
	else process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
	return exitCodeOf[diagnosis.verdict];
};

const parseSize = (text: string | undefined): number | undefined => {
	if (text === undefined) return undefined;
	const bytes = bytesOf(text);
	if (bytes === undefined) throw new CliError(`--size "${text}" is not a size: give bytes (104857600) or a unit (100MiB, 5GB)`);
	return bytes;
};

const liveQuestion = (options: CheckOptions): Question => {
	const missing = (['operation', 'bucket', 'key'] as const).filter(name => !options[name]);
	if (missing.length > 0) {
		throw new CliError(`check needs --snapshot FILE, or a live check with ${missing.map(name => `--${name}`).join(', ')} (see s3-kms-doctor check --help)`);
	}
	if (options.operation === 'copy' && (!options.sourceBucket || !options.sourceKey)) {
		throw new CliError('a copy needs --source-bucket and --source-key');
	}
	const sizeBytes = parseSize(options.size);
	return {
		operation: options.operation!,
		bucket: options.bucket!,
		objectKey: options.key!,
		...(sizeBytes === undefined ? {} : {sizeBytes}),
		...(options.kmsKeyId ? {kmsKeyId: options.kmsKeyId} : {}),
		...(options.operation === 'copy' ? {source: {bucket: options.sourceBucket!, objectKey: options.sourceKey!}} : {}),
	};
};

const loadSnapshot = async (path: string): Promise<Snapshot> => {
	const text = await readTextInput(path, 'snapshot');
	const parsed = parseSnapshot(text, path === '-' ? 'standard input' : path);
	if (!parsed.ok) throw new CliError(parsed.error.message);
	return parsed.value;
};

const collectLive = async (options: CheckOptions): Promise<Snapshot> => {
	const question = liveQuestion(options);
	const {collectSnapshot} = await import('../aws/collect.js');
	const controller = new AbortController();
	const cancel = (): void => controller.abort();
	process.once('SIGINT', cancel);
	try {
		const result = await collectSnapshot({
			question,
			...(options.profile ? {profile: options.profile} : {}),
			...(options.bucketProfile ? {bucketProfile: options.bucketProfile} : {}),
			...(options.keyProfile ? {keyProfile: options.keyProfile} : {}),
			...(options.region ? {region: options.region} : {}),
			signal: controller.signal,
			onProgress: event => {
				if (event.state === 'unknown' || event.state === 'failed') process.stderr.write(`? ${event.label}: ${event.detail ?? 'could not be read'}\n`);
			},
		});
		if (!result.ok) throw new CliError(result.error.message, result.error.kind === 'cancelled' ? 130 : exitCodes.usage);
		return result.value;
	} finally {
		process.removeListener('SIGINT', cancel);
	}
};

export const runCheck = async (options: CheckOptions): Promise<number> => {
	const liveFlags = [options.profile, options.operation, options.bucket, options.key].some(value => value !== undefined);
	if (options.snapshot && liveFlags) throw new CliError('give either --snapshot or the live-check options (--profile, --operation, --bucket, --key), not both');
	const files = typeof options.snapshot === 'string' ? [options.snapshot] : (options.snapshot ?? []);
	if (files.length > 1) {
		if (options.saveSnapshot) throw new CliError('--save-snapshot saves one snapshot: give one --snapshot file with it');
		const format = options.format ?? 'text';
		return checkSnapshots(files, {
			format,
			...(options.out ? {out: options.out} : {}),
			...(options.redact ? {redact: true} : {}),
			render: (diagnosis, as) => renderReport(diagnosis, as, options.out),
			warn: line => process.stderr.write(`${line}\n`),
		});
	}
	let snapshot = files[0] !== undefined ? await loadSnapshot(files[0]) : await collectLive(options);
	if (options.redact) {
		const {redactSnapshot} = await import('../snapshot/redact.js');
		snapshot = redactSnapshot(snapshot);
	}
	if (options.saveSnapshot) await writeTextOutput(options.saveSnapshot, JSON.stringify(snapshot, null, 2), 'the snapshot to');
	return reportDiagnosis(snapshot, {format: options.format ?? 'text', ...(options.out ? {out: options.out} : {})});
};
