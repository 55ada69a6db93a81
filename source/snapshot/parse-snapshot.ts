import type {ErrorObject} from 'ajv';
import {parseJson} from '../engine/json.js';
import {err, ok, type Result} from '../shared/result.js';
import {operationNamesInWords, operationsWithSource} from './operation-names.js';
import {namePatterns} from '../names/index.js';
import {validateSnapshotSchema} from './snapshot-schema.js';
import {ownerProblems} from './owner-problems.js';
import {policySizeProblems} from './policy-limits.js';
import {snapshotFormat, type Snapshot} from './snapshot.js';
import {isObject, type JsonObject} from '../shared/json.js';

export type SnapshotError = {
	/** `syntax`: not JSON; `format`: JSON but not a snapshot@1; `schema`: a snapshot with wrong fields. */
	readonly kind: 'syntax' | 'format' | 'schema';
	/** One line naming the source and every listed problem: `snap.json: question.operation must be one of …`. */
	readonly message: string;
	/** One readable line per problem (at most `maxProblems`), each naming its JSON path. */
	readonly problems: readonly string[];
	/** How many problems there were in all (more than `problems` holds when there were many). */
	readonly problemCount: number;
	/** Where a JSON syntax error is, 1-based. */
	readonly line?: number;
	readonly column?: number;
};

/** A handful: enough to fix a file in one go, few enough to read. */
export const maxProblems = 5;

const docsHint = 'see docs/snapshot.md';


const describeValue = (value: unknown): string => {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return value.length > 60 ? `"${value.slice(0, 57)}…"` : JSON.stringify(value);
	return String(value);
};

const typeWords: Readonly<Record<string, string>> = {
	string: 'a string',
	integer: 'a whole number',
	number: 'a number',
	boolean: 'true or false',
	object: 'an object',
	array: 'a list',
	null: 'null',
};

/** "a, b or c". */
const either = (words: readonly string[]): string =>
	words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]!}`;

/** `/principal/identityPolicies/0/name` → `principal.identityPolicies[0].name`; odd keys are quoted. */
const jsonPath = (pointer: string, data: unknown, extra?: string): string => {
	const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'));
	if (extra !== undefined) segments.push(extra);
	let path = '';
	let node: unknown = data;
	for (const segment of segments) {
		if (Array.isArray(node) && /^\d+$/.test(segment)) path += `[${segment}]`;
		else if (/^[A-Za-z_$][\w$]*$/.test(segment)) path += path === '' ? segment : `.${segment}`;
		else path += `[${JSON.stringify(segment)}]`;
		node = Array.isArray(node) ? node[Number(segment)] : isObject(node) ? node[segment] : undefined;
	}
	return path;
};

const editDistance = (a: string, b: string): number => {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length]!;
};

const closest = (name: string, candidates: readonly string[]): string | undefined => {
	const lower = name.toLowerCase();
	let best: {name: string; distance: number} | undefined;
	for (const candidate of candidates) {
		const distance = editDistance(lower, candidate.toLowerCase());
		if (distance <= Math.max(2, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = {name: candidate, distance};
	}
	return best?.name;
};

const patternMeaning = (pattern: unknown): string | undefined => {
	if (pattern === '\\S') return 'non-empty';
	return Object.values(namePatterns).find(entry => entry.pattern === pattern)?.means;
};

/** One ajv error as a sentence, or undefined for errors that only repeat another (`if`, `anyOf`). */
const describeError = (error: ErrorObject, data: unknown): string | undefined => {
	const at = jsonPath(error.instancePath, data);
	const subject = at === '' ? 'the snapshot' : at;
	const params = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'required': {
			const field = jsonPath(error.instancePath, data, String(params['missingProperty']));
			// Only the question has a conditional requirement: a copy needs its source.
			const when = error.schemaPath.includes('/then/') ? ` when question.operation is ${operationNamesInWords(operationsWithSource)}` : '';
			return `${field} is required${when}`;
		}
		case 'additionalProperties': {
			const name = String(params['additionalProperty']);
			const known = Object.keys((error.parentSchema as {properties?: JsonObject} | undefined)?.properties ?? {}).filter(key => key !== '$schema');
			const suggestion = closest(name, known);
			const field = jsonPath(error.instancePath, data, name);
			return `${field} is not a field of ${at === '' ? 'the snapshot' : at}${suggestion ? ` (did you mean ${suggestion}?)` : ` (known: ${known.join(', ')})`}`;
		}
		case 'enum': {
			const allowed = (params['allowedValues'] as readonly unknown[]).map(value => (value === null ? 'null' : String(value)));
			return `${subject} must be one of ${allowed.join(', ')}, not ${describeValue(error.data)}`;
		}
		case 'const':
			return `${subject} must be ${JSON.stringify(params['allowedValue'])}, not ${describeValue(error.data)}`;
		case 'type': {
			const types = String(params['type']).split(',');
			// null means "known none"; for a field that cannot be none, the user most likely meant "unknown".
			const hint = error.data === null ? ' (leave the field out when it is unknown)' : '';
			return `${subject} must be ${either(types.map(type => typeWords[type] ?? type))}, not ${describeValue(error.data)}${hint}`;
		}
		case 'pattern': {
			const meaning = patternMeaning(params['pattern']);
			if (meaning === 'non-empty') return `${subject} must not be empty`;
			return `${subject} must be ${meaning ?? `text matching ${String(params['pattern'])}`}, not ${describeValue(error.data)}`;
		}
		case 'minimum':
			return `${subject} must be at least ${String(params['limit'])}, not ${describeValue(error.data)}`;
		case 'if':
		case 'anyOf':
		case 'oneOf':
			return undefined;
		default:
			return `${subject} ${error.message ?? 'is not valid'}`;
	}
};

const formatProblem = (data: unknown, format: unknown): string | undefined => {
	if (format === snapshotFormat) return undefined;
	if (format === undefined) {
		const looksLikePolicy = isObject(data) && ('Statement' in data || 'Version' in data);
		const what = looksLikePolicy ? 'this looks like a policy document, not a snapshot' : 'not an s3-kms-doctor snapshot';
		return `${what}: "format" is missing (expected "format": "${snapshotFormat}"; ${docsHint})`;
	}
	const version = typeof format === 'string' ? /^s3-kms-doctor\/snapshot@(\d+)$/.exec(format)?.[1] : undefined;
	if (version !== undefined && Number(version) > 1) {
		return `"format" is "${String(format)}", written by a newer s3-kms-doctor; this version reads "${snapshotFormat}" (upgrade s3-kms-doctor)`;
	}
	return `"format" must be "${snapshotFormat}", not ${describeValue(format)} (${docsHint})`;
};

const failure = (sourceName: string, kind: SnapshotError['kind'], problems: readonly string[], extra: Partial<SnapshotError> = {}): Result<Snapshot, SnapshotError> => {
	const listed = problems.slice(0, maxProblems);
	const more = problems.length > listed.length ? `; and ${problems.length - listed.length} more` : '';
	const count = problems.length > 1 ? `${problems.length} problems: ` : '';
	return err({kind, message: `${sourceName}: ${count}${listed.join('; ')}${more}`, problems: listed, problemCount: problems.length, ...extra});
};

/**
 * Parse a snapshot file's text: JSON, then the format marker, then the schema. Pure (the caller reads the file);
 * `sourceName` (a path, or `standard input`) starts every message.
 */
export const parseSnapshot = (text: string, sourceName: string): Result<Snapshot, SnapshotError> => {
	const json = parseJson(text.replace(/^\uFEFF/, ''));
	if (!json.ok) {
		const {line, column} = json.error;
		return failure(sourceName, 'syntax', [`not valid JSON: ${json.error.message}`], {line, column});
	}
	const data = json.value;
	if (!isObject(data)) {
		return failure(sourceName, 'format', [`expected a JSON object with "format": "${snapshotFormat}", found ${describeValue(data)} (${docsHint})`]);
	}
	const wrongFormat = formatProblem(data, data['format']);
	if (wrongFormat !== undefined) return failure(sourceName, 'format', [wrongFormat]);

	if (!validateSnapshotSchema(data)) {
		const problems = [...new Set((validateSnapshotSchema.errors ?? []).map(error => describeError(error, data)).filter(line => line !== undefined))];
		return failure(sourceName, 'schema', problems.length > 0 ? problems : ['does not match the snapshot format']);
	}
	// `$schema` only points editors at docs/snapshot.schema.json; it is no part of the Snapshot.
	const {$schema: _schema, ...snapshot} = data;
	const tooLarge = policySizeProblems(snapshot as unknown as Snapshot);
	if (tooLarge.length > 0) return failure(sourceName, 'schema', tooLarge);
	const contradictions = ownerProblems(snapshot as unknown as Snapshot);
	if (contradictions.length > 0) return failure(sourceName, 'schema', contradictions);
	return ok(snapshot as unknown as Snapshot);
};
