import {parseJson} from '../../engine/json.js';
import type {Mapped} from '../../snapshot/aws-answers/index.js';
import type {UnreadNote} from '../../snapshot/provenance.js';
import {err, ok, type Result} from '../../shared/result.js';
import {calls, manifestFile, type CallSpec} from './bundle-layout.js';

/** An AWS CLI failure as the script recorded it: "An error occurred (CODE) when calling the OP operation: MESSAGE". */
export type CliFailure = {
	readonly code?: string;
	readonly operation?: string;
	readonly message: string;
	readonly exitCode?: number;
};

export type CallResult =
	| {readonly state: 'ok'; readonly answer: unknown}
	| {readonly state: 'failed'; readonly failure: CliFailure}
	/** The script did not make the call (skipped, or an earlier step failed). */
	| {readonly state: 'absent'}
	/** The answer is there but unreadable (edited, cut short). */
	| {readonly state: 'malformed'; readonly reason: string};

export type ManifestRow = {readonly stem: string; readonly exit: string; readonly permission: string; readonly command: string};

export type Manifest = {
	readonly collectedAt?: string;
	readonly awsCli?: string;
	readonly rows: readonly ManifestRow[];
};

const cliErrorPattern = /An error occurred \(([^)]+)\) when calling the (\w+) operation(?: \(reached max retries: \d+\))?:\s*(.*)/;

/** The first meaningful line of an AWS CLI error output, with its code and operation when it has them. */
export const parseCliFailure = (stderr: string, exitCode?: number): CliFailure => {
	const lines = stderr.split(/\r?\n/).map(line => line.trim()).filter(line => line !== '');
	for (const line of lines) {
		const match = cliErrorPattern.exec(line);
		if (match) return {code: match[1]!, operation: match[2]!, message: match[3]!.trim(), ...(exitCode === undefined ? {} : {exitCode})};
	}
	const message = lines[0] ?? (exitCode === undefined ? 'it failed without a message' : `it failed (exit ${exitCode}) without a message`);
	return {message, ...(exitCode === undefined ? {} : {exitCode})};
};

export const parseManifest = (text: string | undefined): Manifest => {
	if (text === undefined) return {rows: []};
	let collectedAt: string | undefined;
	let awsCli: string | undefined;
	const rows: ManifestRow[] = [];
	for (const line of text.split(/\r?\n/)) {
		if (line.startsWith('#')) {
			const [name, value] = line.slice(1).trim().split('\t');
			if (name === 'collected-at' && value) collectedAt = value.trim();
			if (name === 'aws-cli' && value) awsCli = value.trim();
			continue;
		}
		const [stem, exit, permission, ...command] = line.split('\t');
		if (stem && exit !== undefined) rows.push({stem, exit, permission: permission ?? '', command: command.join('\t')});
	}
	return {...(collectedAt ? {collectedAt} : {}), ...(awsCli ? {awsCli} : {}), rows};
};

/** Reads the answers of a bundle, whatever shape it is in: every accessor copes with missing and damaged files. */
export class BundleFiles {
	readonly manifest: Manifest;
	private readonly exits = new Map<string, string>();

	constructor(private readonly files: ReadonlyMap<string, string>) {
		this.manifest = parseManifest(files.get(manifestFile));
		for (const row of this.manifest.rows) this.exits.set(row.stem, row.exit);
	}

	has(name: string): boolean {
		return this.files.has(name);
	}

	text(name: string): string | undefined {
		return this.files.get(name);
	}

	/** The rows the script wrote for the parts it skipped, by area (`iam`, `kms`…). */
	skipped(area: string): ManifestRow | undefined {
		return this.manifest.rows.find(row => row.stem === area && row.exit === 'skipped');
	}

	private exitOf(stem: string): number | undefined {
		const text = (this.files.get(`${stem}.exit`) ?? this.exits.get(stem))?.trim();
		return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
	}

	call(stem: string): CallResult {
		const answer = this.files.get(`${stem}.json`);
		const stderr = this.files.get(`${stem}.stderr`) ?? '';
		const exit = this.exitOf(stem);
		if (answer === undefined && exit === undefined && stderr.trim() === '') return {state: 'absent'};
		const failed = exit !== undefined ? exit !== 0 : stderr.trim() !== '' && (answer ?? '').trim() === '';
		if (failed) return {state: 'failed', failure: parseCliFailure(stderr, exit)};
		if ((answer ?? '').trim() === '') {
			// head-bucket prints nothing on success with older CLIs; any other call's empty or missing answer was
			// removed or cut short, and read as "there is none" it would make an unread Deny disappear.
			if (stem.endsWith(calls.headBucket.stem)) return {state: 'ok', answer: {}};
			return {state: 'malformed', reason: `${stem}.json is ${answer === undefined ? 'missing' : 'empty'}, though the call succeeded: the answer was removed, cut short or left out`};
		}
		const json = parseJson(answer!);
		if (!json.ok) return {state: 'malformed', reason: `${stem}.json is not valid JSON (${json.error.message})`};
		return {state: 'ok', answer: json.value};
	}
}

const failureKind = (code: string | undefined): string => {
	if (!code) return 'failed';
	if (/AccessDenied|Unauthorized|Forbidden|^403$/.test(code)) return `denied (${code})`;
	if (/^NoSuch|NotFound|^404$/.test(code)) return `not found (${code})`;
	if (code === 'MethodNotAllowed' || code === '405') return 'refused with 405 MethodNotAllowed';
	return `failed (${code})`;
};

/** Why a call's answer is missing, in a line, worded as live collection words it: "kms:GetKeyPolicy: denied (AccessDeniedException): …". */
export const reasonOf = (spec: CallSpec, result: CallResult): string => {
	const label = spec.permission.startsWith('none') ? spec.stem : spec.permission;
	switch (result.state) {
		case 'ok':
			return `${label}: the answer has an unexpected shape`;
		case 'absent':
			return `${label}: not collected (the script did not get that far, or skipped it)`;
		case 'malformed':
			return result.reason;
		case 'failed':
			return `${label}: ${failureKind(result.failure.code)}: ${result.failure.message}`;
	}
};

export const noteOf = (path: string, spec: CallSpec, result: CallResult, resource?: string, resolveWith?: string): UnreadNote => ({
	path,
	reason: reasonOf(spec, result),
	resolveWith: resolveWith ?? (spec.permission.startsWith('none') ? 'run the collection script again' : `${spec.permission}${resource ? ` on ${resource}` : ''}`),
});


/**
 * A call's answer read by the mapper live collection uses; an answer the mapper finds incomplete (a list missing) is
 * malformed, with the mapper's reason, so it is noted as unread rather than read as "none".
 */
export const mappedAnswer = <T>(spec: CallSpec, result: CallResult, map: (answer: unknown) => Mapped<T>): Result<T, CallResult> => {
	if (result.state !== 'ok') return err(result);
	const mapped = map(result.answer);
	// As reasonOf names it: a call that needs no permission by its file.
	const label = spec.permission.startsWith('none') ? `${spec.stem}.json` : spec.permission;
	return mapped.ok ? ok(mapped.value) : err({state: 'malformed', reason: `${label}: ${mapped.error.message}`});
};
