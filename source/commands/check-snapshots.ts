import {diagnose} from '../diagnosis/diagnose.js';
import type {Decision, Diagnosis} from '../diagnosis/diagnosis.js';
import {parseSnapshot} from '../snapshot/parse-snapshot.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {visible, visibleLines} from '../report/sanitize.js';
import {CliError, exitCodes} from './cli-error.js';
import {readTextInput, writeTextOutput} from './io.js';

/**
 * `check --snapshot A B C`: one report per file, in the order given. A file that cannot be read or parsed
 * gets its one line on stderr (and, in JSON, its own element) and the others still run; the exit code is the
 * worst of them: 2 for any bad input, else 1 for any denied, else 3 for any unknown, else 0.
 */

export type SnapshotReportFormat = 'text' | 'json' | 'md';

export type SnapshotsOptions = {
	readonly format: SnapshotReportFormat;
	readonly out?: string;
	/** As `check --redact`: the verdict is the original's, the report shows the redacted copy. */
	readonly redact?: 'names' | 'all';
	/** One report as the single-file check prints it. */
	readonly render: (diagnosis: Diagnosis, format: SnapshotReportFormat) => string;
	readonly warn: (line: string) => void;
	/** `check --assume`: added to each snapshot's own assumptions. */
	readonly assume?: (snapshot: Snapshot) => Snapshot;
};

/** The exit code of several verdicts (and bad inputs): bad input wins, then denied, then unknown. */
export const combinedExitCode = (verdicts: readonly Decision[], badInputs: number): number => {
	if (badInputs > 0) return exitCodes.usage;
	if (verdicts.includes('denied')) return exitCodes.denied;
	if (verdicts.includes('unknown')) return exitCodes.unknown;
	return exitCodes.allowed;
};

const loadSnapshot = async (path: string): Promise<Snapshot> => {
	const text = await readTextInput(path, 'snapshot');
	const parsed = parseSnapshot(text, path === '-' ? 'standard input' : path);
	if (!parsed.ok) throw new CliError(parsed.error.message);
	return parsed.value;
};

type Checked = {readonly path: string; readonly diagnosis: Diagnosis} | {readonly path: string; readonly error: string};

const isDiagnosed = (entry: Checked): entry is Extract<Checked, {diagnosis: Diagnosis}> => 'diagnosis' in entry;

/** A JSON array element per file given, named by its `file`: a bad file's holds its error, so the indexes match the arguments. */
const jsonArray = (checked: readonly Checked[], options: SnapshotsOptions): string => {
	const elements = checked.map(entry =>
		isDiagnosed(entry) ? {file: entry.path, ...(JSON.parse(options.render(entry.diagnosis, 'json')) as Record<string, unknown>)} : {file: entry.path, error: entry.error},
	);
	// Parsing each report undid its escapes: the array is made visible again, as one report is.
	return `${visibleLines(JSON.stringify(elements, null, 2))}\n`;
};

/** Reports one after another (a line naming each file in text; each Markdown report has its own heading), or a JSON array. */
const joinReports = (checked: readonly Checked[], options: SnapshotsOptions): string => {
	if (options.format === 'json') return jsonArray(checked, options);
	const reports = checked.filter(isDiagnosed).map(({path, diagnosis}) => {
		const report = options.render(diagnosis, options.format);
		const body = report.endsWith('\n') ? report : `${report}\n`;
		// A file name is the customer's text (it may hold ESC or U+202E): shown as every customer text is.
		return options.format === 'md' ? body : `== ${visible(path)}\n${body}`;
	});
	return reports.join('\n');
};

export const checkSnapshots = async (paths: readonly string[], options: SnapshotsOptions): Promise<number> => {
	const checked: Checked[] = [];
	for (const path of paths) {
		let snapshot: Snapshot;
		try {
			snapshot = await loadSnapshot(path);
			if (options.assume) snapshot = options.assume(snapshot);
		} catch (error) {
			if (!(error instanceof CliError)) throw error;
			checked.push({path, error: error.message});
			options.warn(`s3-kms-doctor: ${error.message}`);
			continue;
		}
		const diagnoseOptions = await (await import('./action-catalogue.js')).diagnoseOptionsFor(snapshot);
		if (options.redact) {
			const {diagnoseRedacted} = await import('../diagnosis/redacted-diagnosis.js');
			const redacted = diagnoseRedacted(snapshot, options.redact, diagnose(snapshot, diagnoseOptions), diagnoseOptions);
			for (const note of redacted.notes) options.warn(`note: ${note}`);
			checked.push({path, diagnosis: redacted.diagnosis});
			continue;
		}
		checked.push({path, diagnosis: diagnose(snapshot, diagnoseOptions)});
	}
	const diagnosed = checked.filter(isDiagnosed);
	if (diagnosed.length > 0 || options.format === 'json') {
		const text = joinReports(checked, options);
		if (options.out) await writeTextOutput(options.out, text, 'the reports to');
		else process.stdout.write(text);
	}
	return combinedExitCode(
		diagnosed.map(({diagnosis}) => diagnosis.verdict),
		checked.length - diagnosed.length,
	);
};
