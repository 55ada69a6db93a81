import {diagnose} from '../diagnosis/diagnose.js';
import type {Decision, Diagnosis} from '../diagnosis/diagnosis.js';
import {parseSnapshot} from '../snapshot/parse-snapshot.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {CliError, exitCodes} from './cli-error.js';
import {readTextInput, writeTextOutput} from './io.js';

/**
 * `check --snapshot A B C`: one report per file, in the order given. A file that cannot be read or parsed
 * gets its one line on stderr and the others still run; the exit code is the worst of them: 2 for any
 * bad input, else 1 for any denied, else 3 for any unknown, else 0.
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

type Checked = {readonly path: string; readonly diagnosis: Diagnosis};

/** Reports one after another (a line naming each file in text; each Markdown report has its own heading), or a JSON array. */
const joinReports = (checked: readonly Checked[], options: SnapshotsOptions): string => {
	if (options.format === 'json') return `${JSON.stringify(checked.map(({diagnosis}) => JSON.parse(options.render(diagnosis, 'json')) as unknown), null, 2)}\n`;
	const reports = checked.map(({path, diagnosis}) => {
		const report = options.render(diagnosis, options.format);
		const body = report.endsWith('\n') ? report : `${report}\n`;
		return options.format === 'md' ? body : `== ${path}\n${body}`;
	});
	return reports.join('\n');
};

export const checkSnapshots = async (paths: readonly string[], options: SnapshotsOptions): Promise<number> => {
	const checked: Checked[] = [];
	let badInputs = 0;
	for (const path of paths) {
		let snapshot: Snapshot;
		try {
			snapshot = await loadSnapshot(path);
			if (options.assume) snapshot = options.assume(snapshot);
		} catch (error) {
			if (!(error instanceof CliError)) throw error;
			badInputs++;
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
	if (checked.length > 0) {
		const text = joinReports(checked, options);
		if (options.out) await writeTextOutput(options.out, text, 'the reports to');
		else process.stdout.write(text);
	}
	return combinedExitCode(
		checked.map(({diagnosis}) => diagnosis.verdict),
		badInputs,
	);
};
