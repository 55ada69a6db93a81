import {setMaxListeners} from 'node:events';
import type {UnreadNote} from '../snapshot/provenance.js';
import {anySignal} from './any-signal.js';
import {describeFailure, failureText, type Failure} from './aws-error.js';

export type ReadProgress = {
	readonly id: string;
	readonly label: string;
	readonly state: 'running' | 'ok' | 'unknown' | 'failed';
	readonly detail?: string;
};

export type Outcome<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly failure: Failure};

/** An answer an error can stand for: `NoSuchBucketPolicy` means "no policy" (`null`), not "unknown". */
export type Expected<T> = (failure: Failure) => {readonly value: T; readonly detail?: string} | undefined;

export type ReadSettings = {
	readonly cancel: AbortSignal;
	/** What is left of the collection's deadline when reading starts. */
	readonly deadlineMs: number;
	/** The deadline the user set (or the default), as notes name it; absent: `deadlineMs`. */
	readonly statedDeadlineMs?: number;
	readonly callTimeoutMs: number;
	readonly attempts: number;
	readonly onProgress?: (event: ReadProgress) => void;
};

/** Runs every AWS call of one collection: progress, per-call timeout, the deadline, cancellation, and the notes. */
export type Reader = {
	readonly call: <T>(id: string, label: string, run: (signal: AbortSignal) => Promise<T>, expected?: Expected<T>) => Promise<Outcome<T>>;
	/** One shared promise per key, so a policy two readers need is fetched once. */
	readonly once: <T>(key: string, make: () => Promise<T>) => Promise<T>;
	readonly note: (path: string, reason: string, resolveWith?: string) => void;
	readonly notes: () => UnreadNote[];
	readonly explain: (failure: Failure) => string;
	readonly cancelled: () => boolean;
	/** Stop listening to the caller's signal (the collection is over). */
	readonly close: () => void;
};

/** Rejects as soon as `signal` aborts, even when the SDK is sleeping between retries. */
const untilAborted = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
	new Promise<T>((resolve, reject) => {
		if (signal.aborted) {
			promise.catch(() => {});
			reject(signal.reason);
			return;
		}
		const onAbort = (): void => reject(signal.reason);
		signal.addEventListener('abort', onAbort, {once: true});
		promise.then(
			value => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			},
		);
	});

const unknownKinds = new Set<Failure['kind']>(['denied', 'not-found', 'method-not-allowed', 'credentials']);

export const createReader = (settings: ReadSettings): Reader => {
	const deadline = AbortSignal.timeout(settings.deadlineMs);
	// Every call listens to one internal signal (any number of listeners: calls run in parallel), not to the caller's.
	const stop = anySignal([settings.cancel, deadline]);
	setMaxListeners(0, stop.signal);
	const notes: UnreadNote[] = [];
	const noteKeys = new Set<string>();
	const shared = new Map<string, Promise<unknown>>();
	const usedIds = new Map<string, number>();
	// Notes name the deadline the user set, once worked out.
	const stated = {...settings, deadlineMs: settings.statedDeadlineMs ?? settings.deadlineMs};
	const explain = (failure: Failure): string => failureText(failure, stated);
	const emit = (event: ReadProgress): void => {
		try {
			settings.onProgress?.(event);
		} catch {
			// A broken progress listener must not break the collection.
		}
	};
	const uniqueId = (id: string): string => {
		const count = (usedIds.get(id) ?? 0) + 1;
		usedIds.set(id, count);
		return count === 1 ? id : `${id}#${count}`;
	};
	const call = async <T>(rawId: string, label: string, run: (signal: AbortSignal) => Promise<T>, expected?: Expected<T>): Promise<Outcome<T>> => {
		const id = uniqueId(rawId);
		const stopped = (): Failure | undefined => {
			if (settings.cancel.aborted) return {kind: 'cancelled', code: 'Cancelled', message: 'cancelled'};
			if (deadline.aborted) return {kind: 'deadline', code: 'Deadline', message: 'deadline reached'};
			return undefined;
		};
		const before = stopped();
		if (before) {
			emit({id, label, state: 'failed', detail: explain(before)});
			return {ok: false, failure: before};
		}
		emit({id, label, state: 'running'});
		const {signal, dispose} = anySignal([stop.signal, AbortSignal.timeout(settings.callTimeoutMs)]);
		try {
			const value = await untilAborted(run(signal), signal);
			emit({id, label, state: 'ok'});
			return {ok: true, value};
		} catch (error) {
			const failure: Failure =
				stopped() ?? (signal.aborted ? {kind: 'timeout', code: 'TimeoutError', message: 'no answer in time'} : describeFailure(error));
			const known = expected?.(failure);
			if (known) {
				emit({id, label, state: 'ok', ...(known.detail ? {detail: known.detail} : {})});
				return {ok: true, value: known.value};
			}
			emit({id, label, state: unknownKinds.has(failure.kind) ? 'unknown' : 'failed', detail: explain(failure)});
			return {ok: false, failure};
		} finally {
			dispose();
		}
	};
	return {
		call,
		once: <T>(key: string, make: () => Promise<T>): Promise<T> => {
			const existing = shared.get(key) as Promise<T> | undefined;
			if (existing) return existing;
			const made = make();
			shared.set(key, made);
			return made;
		},
		note: (path, reason, resolveWith) => {
			const key = `${path}\u0000${resolveWith ?? reason}`;
			if (noteKeys.has(key)) return;
			noteKeys.add(key);
			notes.push({path, reason, ...(resolveWith ? {resolveWith} : {})});
		},
		notes: () => [...notes],
		explain,
		cancelled: () => settings.cancel.aborted,
		close: stop.dispose,
	};
};
