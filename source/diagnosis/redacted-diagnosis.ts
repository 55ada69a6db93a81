import {diagnose} from './diagnose.js';
import type {Diagnosis} from './diagnosis.js';
import {redactAll} from '../snapshot/redact-all.js';
import {redactSnapshot} from '../snapshot/redact.js';
import type {Snapshot} from '../snapshot/snapshot.js';

/**
 * A redacted report whose verdict is the original's: the original is diagnosed first, the report is
 * the redacted snapshot's diagnosis (it names nothing of the original), and where the two decide
 * differently (possible only with `all`, or a redaction bug) the report and the notes say so.
 */

export type RedactMode = 'names' | 'all';

export type RedactedDiagnosis = {
	readonly snapshot: Snapshot;
	readonly diagnosis: Diagnosis;
	/** Lines for the person running it: what may make a re-diagnosis differ, and whether this one did. */
	readonly notes: readonly string[];
};

/** What a user reads off a report without the names: the verdict and each requirement's place and status. */
export const outcomeOf = (diagnosis: Diagnosis): string =>
	JSON.stringify([diagnosis.verdict, diagnosis.requirements.map(requirement => `${requirement.actionId} ${requirement.place} ${requirement.status}`), diagnosis.findings.map(finding => finding.id)]);

export const diagnoseRedacted = (original: Snapshot, mode: RedactMode, originalDiagnosis: Diagnosis = diagnose(original)): RedactedDiagnosis => {
	const {snapshot, caveats} = mode === 'all' ? redactAll(original) : {snapshot: redactSnapshot(original), caveats: []};
	const redacted = diagnose(snapshot);
	const notes = caveats.map(caveat => `--redact all: ${caveat}`);
	if (outcomeOf(redacted) === outcomeOf(originalDiagnosis)) return {snapshot, diagnosis: redacted, notes};
	const message = `Redaction changed how this snapshot decides: the original is ${originalDiagnosis.verdict}, the redacted copy ${redacted.verdict}. The verdict (and exit code) is the original's; the rows below are the redacted copy's, and so is a saved snapshot.`;
	return {
		snapshot,
		diagnosis: {...redacted, verdict: originalDiagnosis.verdict, summary: message, findings: [{id: 'redaction-changed-decision', severity: 'warning', message}, ...redacted.findings]},
		notes: [...notes, message],
	};
};
