import {realpathSync} from 'node:fs';
import {resolve} from 'node:path';
import {bytesOf} from '../outputs/collect-script/validate-options.js';
import {diagnose} from '../diagnosis/diagnose.js';
import type {DiagnoseOptions} from '../diagnosis/action-catalogue.js';
import type {Decision, Diagnosis} from '../diagnosis/diagnosis.js';
import {parseSnapshot} from '../snapshot/parse-snapshot.js';
import {hasSource} from '../operations/registry.js';
import type {CopySource, Question} from '../snapshot/question.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {renderJson} from '../report/render-json.js';
import {renderMarkdown} from '../report/render-markdown.js';
import {visible, visibleJson} from '../report/sanitize.js';
import {packageVersion} from '../version.js';
import {parseAssumptions, withAssumptions} from '../snapshot/assumptions.js';
import {checkSnapshots} from './check-snapshots.js';
import {actingRoleOf, checkRequestFactFlags, presignedFactsOf, withRequestFacts, type RequestFactOptions} from './check-request-facts.js';
import type {PresignedUrlFacts} from '../inputs/presigned-url/parse-presigned-url.js';
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
	/** The question, as commander names its options: `--key` is the object key, `--size` a size in words. */
	readonly key?: Question['objectKey'];
	readonly size?: string;
	readonly region?: string;
	readonly sourceBucket?: CopySource['bucket'];
	readonly sourceKey?: CopySource['objectKey'];
	/** replication: the source bucket's rule, by ID, when several could replicate the object. */
	readonly replicationRule?: string;
	readonly saveSnapshot?: string;
	/** `true` (the flag alone): names and IDs; `all`: also Sids, tags, VPC endpoint IDs, IP addresses, canonical IDs. */
	readonly redact?: boolean | string;
	/** `--assume no-grants,bucket-key=off`: facts taken as given where they were not read. */
	readonly assume?: readonly string[];
} & Partial<Pick<Question, 'operation' | 'bucket' | 'kmsKeyId'>> &
	RequestFactOptions;

const exitCodeOf: Record<Decision, number> = {allowed: exitCodes.allowed, denied: exitCodes.denied, unknown: exitCodes.unknown};

const useColor = (out: string | undefined): boolean =>
	out === undefined && process.stdout.isTTY === true && !process.env['NO_COLOR'] && process.env['FORCE_COLOR'] !== '0' && process.env['TERM'] !== 'dumb';

/** AWS's catalogue of actions, for the services the snapshot's policies name: typos become findings and fixes correct them. */
const diagnoseOptionsFor = async (snapshot: Snapshot): Promise<DiagnoseOptions> => (await import('./action-catalogue.js')).diagnoseOptionsFor(snapshot);

type Render = (diagnosis: Diagnosis, format: ReportFormat) => string;

/** The renderer of a format. Text is loaded only when asked for: measuring columns (string-width) costs start-up time JSON and Markdown need not pay. */
const rendererFor = async (format: ReportFormat, out: string | undefined): Promise<Render> => {
	const renderText = format === 'text' ? (await import('../report/render-text.js')).renderText : undefined;
	return (diagnosis, as) => {
		if (as === 'json') return renderJson(diagnosis);
		if (as === 'md') return renderMarkdown(diagnosis, {toolVersion: packageVersion, generatedAt: new Date().toISOString()});
		if (!renderText) throw new Error('the text renderer was not loaded');
		return renderText(diagnosis, {color: useColor(out), width: Math.max(60, Math.min(process.stdout.columns ?? 100, 120))});
	};
};

/** Diagnose a snapshot and print or write the report; returns the exit code. Shared by check and import. */
export const reportDiagnosis = async (snapshot: Snapshot, options: {format: ReportFormat; out?: string}, diagnosed?: Diagnosis): Promise<number> => {
	const diagnosis = diagnosed ?? diagnose(snapshot, await diagnoseOptionsFor(snapshot));
	const report = (await rendererFor(options.format, options.out))(diagnosis, options.format);
	if (options.out) await writeTextOutput(options.out, report, 'the report to');
	else process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
	return exitCodeOf[diagnosis.verdict];
};

const redactModeOf = (value: boolean | string | undefined): 'names' | 'all' | undefined => {
	if (value === undefined || value === false) return undefined;
	if (value === true) return 'names';
	if (value === 'all') return 'all';
	throw new CliError(`--redact ${value} is not a choice: give --redact alone (names and IDs) or --redact all (also Sids, tags, VPC endpoint IDs, IP addresses and canonical IDs)`);
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
		throw new CliError(`check needs a snapshot file (check FILE), or a live check with ${missing.map(name => `--${name}`).join(', ')} (see s3-kms-doctor check --help)`);
	}
	const operation = options.operation!;
	// A replica keeps its source object's key: --source-key defaults to --key.
	const sourceKey = options.sourceKey ?? (operation === 'replication' ? options.key : undefined);
	if (hasSource(operation) && (!options.sourceBucket || !sourceKey)) {
		throw new CliError(operation === 'replication' ? 'a replication needs --source-bucket (the bucket with the replication rule)' : `a ${operation} needs --source-bucket and --source-key`);
	}
	if (options.replicationRule !== undefined && operation !== 'replication') {
		throw new CliError('--replication-rule names the rule of a replication: give it with --operation replication');
	}
	const sizeBytes = parseSize(options.size);
	return {
		operation,
		bucket: options.bucket!,
		objectKey: options.key!,
		...(sizeBytes === undefined ? {} : {sizeBytes}),
		...(options.kmsKeyId ? {kmsKeyId: options.kmsKeyId} : {}),
		...(hasSource(operation) ? {source: {bucket: options.sourceBucket!, objectKey: sourceKey!}} : {}),
	};
};

const loadSnapshot = async (path: string): Promise<Snapshot> => {
	const text = await readTextInput(path, 'snapshot', 'a snapshot');
	const parsed = parseSnapshot(text, path === '-' ? 'standard input' : path);
	if (!parsed.ok) throw new CliError(parsed.error.message);
	return parsed.value;
};

const collectLive = async (options: CheckOptions, presigned?: PresignedUrlFacts): Promise<Snapshot> => {
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
			...(options.replicationRule ? {replicationRule: options.replicationRule} : {}),
			...(presigned ? {presignedUrl: presigned.presignedUrl} : {}),
			...(actingRoleOf(options) ? {actingRole: actingRoleOf(options)!} : {}),
			signal: controller.signal,
			onProgress: event => {
				if (event.state === 'unknown' || event.state === 'failed') process.stderr.write(`? ${visible(`${event.label}: ${event.detail ?? 'could not be read'}`)}\n`);
			},
		});
		if (!result.ok) throw new CliError(result.error.message, result.error.kind === 'cancelled' ? 130 : exitCodes.usage);
		return result.value;
	} finally {
		process.removeListener('SIGINT', cancel);
	}
};

/** Options that describe a live check: with a snapshot file they would be silently ignored, so they are refused. */
const liveOnly = ['profile', 'bucketProfile', 'keyProfile', 'operation', 'bucket', 'key', 'kmsKeyId', 'size', 'region', 'sourceBucket', 'sourceKey', 'replicationRule', 'distributionArn', 'originAccess', 'originType', 'presignedUrl', 'service', 'serviceRole'] as const;

const flagOf = (name: string): string => `--${name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;

/** `--assume` → a function adding the assumptions to a snapshot's own (an unknown name is bad input, exit 2). */
const assumerOf = (values: readonly string[] | undefined): ((snapshot: Snapshot) => Snapshot) => {
	const parsed = parseAssumptions(values ?? []);
	if (!parsed.ok) throw new CliError(parsed.error);
	const added = parsed.value;
	return snapshot => (added.length === 0 ? snapshot : {...snapshot, assumptions: withAssumptions(snapshot.assumptions, added)});
};

/** The same file, by its resolved path (and its real path, through links, when it exists). */
const sameFile = (a: string, b: string): boolean => {
	const real = (file: string): string => {
		try {
			return realpathSync(file);
		} catch {
			return resolve(file);
		}
	};
	return resolve(a) === resolve(b) || real(a) === real(b);
};

export const runCheck = async (options: CheckOptions): Promise<number> => {
	const assume = assumerOf(options.assume);
	const given = liveOnly.filter(name => options[name] !== undefined).map(flagOf);
	if (options.snapshot && given.length > 0) {
		throw new CliError(
			`${given.join(', ')} ${given.length === 1 ? 'does' : 'do'} not apply to a snapshot file: the snapshot holds the question and what was read (leave ${given.length === 1 ? 'it' : 'them'} out, or name no snapshot file for a live check)`,
		);
	}
	const mode = redactModeOf(options.redact);
	const files = typeof options.snapshot === 'string' ? [options.snapshot] : (options.snapshot ?? []);
	if (files.length > 1) {
		if (options.saveSnapshot) throw new CliError('--save-snapshot saves one snapshot: give one --snapshot file with it');
		const format = options.format ?? 'text';
		return checkSnapshots(files, {
			format,
			...(options.out ? {out: options.out} : {}),
			...(mode ? {redact: mode} : {}),
			render: await rendererFor(format, options.out),
			warn: line => process.stderr.write(`${visible(line)}\n`),
			assume,
		});
	}
	// The customer's file is what was read: writing over it (a redacted copy, a report) would lose the original.
	for (const [flag, target] of [['--save-snapshot', options.saveSnapshot], ['--out', options.out]] as const) {
		const read = target === undefined ? undefined : files.find(file => file !== '-' && sameFile(file, target));
		if (read !== undefined) throw new CliError(`${flag} ${visible(target!)} is the snapshot this check reads: give another file, so the original is kept`);
	}
	if (files.length === 0) checkRequestFactFlags(options.operation, options);
	const presigned = files.length > 0 ? undefined : presignedFactsOf(options);
	const live: CheckOptions = presigned
		? {...options, bucket: presigned.bucket, key: presigned.objectKey, ...(options.region ?? presigned.region ? {region: options.region ?? presigned.region} : {})}
		: options;
	const original = assume(files[0] !== undefined ? await loadSnapshot(files[0]) : withRequestFacts(await collectLive(live, presigned), options, presigned));
	let snapshot = original;
	let diagnosis: Diagnosis | undefined;
	if (mode) {
		// The verdict is the original's, computed before anything is replaced.
		const {diagnoseRedacted} = await import('../diagnosis/redacted-diagnosis.js');
		const diagnoseOptions = await diagnoseOptionsFor(original);
		const redacted = diagnoseRedacted(original, mode, diagnose(original, diagnoseOptions), diagnoseOptions);
		({snapshot, diagnosis} = redacted);
		for (const note of redacted.notes) process.stderr.write(`note: ${visible(note)}\n`);
	}
	if (options.saveSnapshot) await writeTextOutput(options.saveSnapshot, visibleJson(snapshot), 'the snapshot to');
	return reportDiagnosis(snapshot, {format: options.format ?? 'text', ...(options.out ? {out: options.out} : {})}, diagnosis);
};
