import type {Question, Snapshot} from '../snapshot/snapshot.js';
import {err, ok, type Result} from '../shared/result.js';
import {anySignal} from './any-signal.js';
import {checkQuestion, checkRegion} from './check-question.js';
import {gather} from './gather.js';
import {callerProfileName, openSessions} from './open-sessions.js';
import {silenceSdk} from './quiet.js';
import {createReader, type ReadProgress, type Reader} from './reader.js';
import {readIdentity} from './session.js';
import {loadSharedFiles} from './shared-files.js';

export type {ReadProgress} from './reader.js';

export type CollectOptions = {
	/** What the user tried; `kmsKeyId`, `sizeBytes` and `source` are optional and filled from what is read. */
	readonly question: Question;
	/** The caller's profile (default: AWS_PROFILE, else the SDK's default order). */
	readonly profile?: string;
	/** A profile of the bucket's account: only it can read the bucket policy. */
	readonly bucketProfile?: string;
	/** A profile of the key's account: only it can read the key policy. */
	readonly keyProfile?: string;
	/** The bucket's Region, when the profile does not say. */
	readonly region?: string;
	/** Ctrl+C: stop every call and return `cancelled`. */
	readonly signal?: AbortSignal;
	/** The whole collection; what is not read by then becomes unknown. Default 60 s. */
	readonly deadlineMs?: number;
	/** One call with its retries. Default 10 s. */
	readonly callTimeoutMs?: number;
	readonly onProgress?: (event: ReadProgress) => void;
	/** Default process.env; tests pass their own (temporary HOME, AWS_CONFIG_FILE, AWS_ENDPOINT_URL). */
	readonly env?: NodeJS.ProcessEnv;
};

export type CollectError = {
	readonly kind: 'unknown-profile' | 'no-credentials' | 'sso-expired' | 'bad-input' | 'cancelled';
	readonly message: string;
};

const defaults = {deadlineMs: 60_000, callTimeoutMs: 10_000, maxAttempts: 3} as const;

const cancelled: CollectError = {kind: 'cancelled', message: 'collection cancelled'};

/**
 * Build the snapshot from the user's AWS profiles with read-only calls. An error only when nothing useful can be
 * done (bad input, unknown profile, no credentials, expired SSO, cancelled); every read that fails becomes an
 * `unread` note naming the permission that would fill it, and the rest is still collected.
 */
export const collectSnapshot = async (options: CollectOptions): Promise<Result<Snapshot, CollectError>> => {
	silenceSdk();
	const env = options.env ?? process.env;
	const checked = checkQuestion(options.question);
	if (!checked.ok) return err({kind: 'bad-input', message: checked.error});
	const badRegion = checkRegion(options.region);
	if (badRegion) return err({kind: 'bad-input', message: badRegion});
	if (options.signal?.aborted) return err(cancelled);
	const deadlineMs = options.deadlineMs ?? defaults.deadlineMs;
	const callTimeoutMs = options.callTimeoutMs ?? defaults.callTimeoutMs;
	const startedAt = Date.now();
	const cancel = options.signal ?? new AbortController().signal;
	const files = await loadSharedFiles(env);
	const credentialsDeadline = anySignal([cancel, AbortSignal.timeout(deadlineMs)]);
	const opened = await openSessions(options, env, files, credentialsDeadline.signal, {attemptTimeoutMs: callTimeoutMs, maxAttempts: defaults.maxAttempts});
	credentialsDeadline.dispose();
	if (!opened.ok) return opened;
	const sessions = opened.value;
	let reader: Reader | undefined;
	try {
		reader = createReader({
			cancel,
			deadlineMs: Math.max(1, deadlineMs - (Date.now() - startedAt)),
			callTimeoutMs,
			attempts: defaults.maxAttempts,
			...(options.onProgress ? {onProgress: options.onProgress} : {}),
		});
		const snapshot = await gather(reader, sessions, checked.value, options.region);
		if (reader.cancelled()) return err(cancelled);
		// Keys AWS does not know (deleted, mistyped, expired session): every read failed for the same reason, say it once.
		const caller = sessions.find(session => session.roles.includes('caller'))!;
		const identity = await readIdentity(reader, caller);
		if (!identity.ok && identity.failure.kind === 'credentials') {
			const profile = callerProfileName(options, env);
			return err({
				kind: 'no-credentials',
				message: `AWS rejected the credentials of ${profile ? `profile ${profile}` : 'the default profile'} (${identity.failure.code}): ${identity.failure.message}; refresh them, or pick another profile`,
			});
		}
		return ok(snapshot);
	} finally {
		reader?.close();
		for (const session of sessions) session.clients.destroy();
	}
};
