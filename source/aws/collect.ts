import type {PresignedUrlInfo} from '../snapshot/operation-facts.js';
import type {Question} from '../snapshot/question.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {err, ok, type Result} from '../shared/result.js';
import {anySignal} from './any-signal.js';
import {checkQuestion, checkRegion} from './check-question.js';
import {gather} from './gather.js';
import {callerProfileName, openSessions, type SessionOptions} from './open-sessions.js';
import {silenceSdk} from './quiet.js';
import {createReader, type ReadProgress, type Reader} from './reader.js';
import {ssoProfileBehind} from './credentials-error.js';
import {unreachableLine, unreachableOf} from './reach.js';
import {readSigner} from './read-signer.js';
import {collectedProfiles, readIdentity, type Session} from './session.js';
import {loadSharedFiles, type SharedFiles} from './shared-files.js';

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
	/** A role whose requests are diagnosed in place of the profile's own (the role an AWS service uses); its policies are read with a profile of its account. */
	readonly actingRole?: string;
	/** The bucket's Region, when the profile does not say. */
	readonly region?: string;
	/** replication: the ID of the source bucket's rule, when several could replicate the object. */
	readonly replicationRule?: string;
	/** Ctrl+C: stop every call and return `cancelled`. */
	readonly signal?: AbortSignal;
	/** The whole collection; what is not read by then becomes unknown. Default 60 s. */
	readonly deadlineMs?: number;
	/** One call with its retries. Default 10 s. */
	readonly callTimeoutMs?: number;
	readonly onProgress?: (event: ReadProgress) => void;
	/** Default process.env; tests pass their own (temporary HOME, AWS_CONFIG_FILE, AWS_ENDPOINT_URL). */
	readonly env?: NodeJS.ProcessEnv;
	/** A presigned URL's facts (never its signature): who signed it is compared with the caller's profile. */
	readonly presignedUrl?: PresignedUrlInfo;
};

export type CollectError = {
	/** `unreachable`: the identity call failed in a way every read would share (network, credentials AWS rejects, no Region). */
	readonly kind: 'unknown-profile' | 'no-credentials' | 'sso-expired' | 'bad-input' | 'cancelled' | 'unreachable';
	readonly message: string;
};

const defaults = {deadlineMs: 60_000, callTimeoutMs: 10_000, maxAttempts: 3} as const;

const cancelled: CollectError = {kind: 'cancelled', message: 'collection cancelled'};

/** Every profile's credentials resolved once, within the deadline: a bad profile stops everything with one line. */
const openProfiles = async (
	options: SessionOptions,
	env: NodeJS.ProcessEnv,
	cancel: AbortSignal,
	deadlineMs: number,
	callTimeoutMs: number,
): Promise<Result<{readonly files: SharedFiles; readonly sessions: readonly Session[]}, CollectError>> => {
	const files = await loadSharedFiles(env);
	const credentialsDeadline = anySignal([cancel, AbortSignal.timeout(deadlineMs)]);
	const opened = await openSessions(options, env, files, credentialsDeadline.signal, {attemptTimeoutMs: callTimeoutMs, maxAttempts: defaults.maxAttempts, deadlineMs});
	credentialsDeadline.dispose();
	return opened.ok ? ok({files, sessions: opened.value}) : opened;
};

/** sts:GetCallerIdentity for every profile at once (the reads after it reuse the answers): the first, in plan order, from which no read can work. */
const firstUnreachable = async (reader: Reader, sessions: readonly Session[], files: SharedFiles, callerProfile: string | undefined): Promise<CollectError | undefined> => {
	const identities = await Promise.all(sessions.map(session => readIdentity(reader, session)));
	for (const [index, identity] of identities.entries()) {
		if (identity.ok) continue;
		const unreachable = unreachableOf(identity.failure);
		if (!unreachable) continue;
		const session = sessions[index]!;
		// The caller's profile may be the SDK's default order (no name); the bucket's and key's are always named.
		const profile = session.roles.includes('caller') ? callerProfile : session.name;
		const ssoProfile = ssoProfileBehind(profile ?? 'default', files);
		return {kind: 'unreachable', message: unreachableLine(profile, unreachable, ssoProfile)};
	}
	return undefined;
};

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
	const opened = await openProfiles(options, env, cancel, deadlineMs, callTimeoutMs);
	if (!opened.ok) return opened;
	const {files, sessions} = opened.value;
	let reader: Reader | undefined;
	// The identity reads' progress is held back: when no read can work, one line says why, not one per profile.
	let held: ReadProgress[] | undefined = [];
	const onProgress = (event: ReadProgress): void => {
		if (held) held.push(event);
		else options.onProgress?.(event);
	};
	try {
		reader = createReader({
			cancel,
			deadlineMs: Math.max(1, deadlineMs - (Date.now() - startedAt)),
			// Opening the profiles used part of it: a note still names the deadline the user set, not what was left.
			statedDeadlineMs: deadlineMs,
			callTimeoutMs,
			attempts: defaults.maxAttempts,
			onProgress,
		});
		const unreachable = await firstUnreachable(reader, sessions, files, callerProfileName(options, env));
		if (reader.cancelled()) return err(cancelled);
		if (unreachable) return err(unreachable);
		const earlier = held;
		held = undefined;
		for (const event of earlier) options.onProgress?.(event);
		const caller = sessions.find(session => session.roles.includes('caller'));
		const presignedUrl = options.presignedUrl && caller ? await readSigner(reader, caller, options.presignedUrl) : undefined;
		const snapshot = await gather(reader, sessions, checked.value, options.region, {
			...(options.replicationRule ? {replicationRule: options.replicationRule} : {}),
			...(options.actingRole ? {actingRole: options.actingRole} : {}),
		});
		const profiles = await collectedProfiles(reader, sessions);
		if (reader.cancelled()) return err(cancelled);
		const withProfiles = profiles.length > 0 ? {...snapshot, metadata: {...snapshot.metadata, profiles}} : snapshot;
		return ok(presignedUrl ? {...withProfiles, presignedUrl} : withProfiles);
	} finally {
		reader?.close();
		for (const session of sessions) session.clients.destroy();
	}
};

export type ReachOptions = SessionOptions & Pick<CollectOptions, 'env' | 'callTimeoutMs'>;

/**
 * Whether any read can work with these profiles, before any question about the request: their credentials
 * resolve (the SSO session is current) and sts:GetCallerIdentity answers. An error only when no read can work
 * (the same errors as collectSnapshot's); any other failure is left to the reads, which say what they found.
 */
export const checkReach = async (options: ReachOptions): Promise<Result<void, CollectError>> => {
	silenceSdk();
	const env = options.env ?? process.env;
	const badRegion = checkRegion(options.region);
	if (badRegion) return err({kind: 'bad-input', message: badRegion});
	const callTimeoutMs = options.callTimeoutMs ?? defaults.callTimeoutMs;
	const cancel = options.signal ?? new AbortController().signal;
	const opened = await openProfiles(options, env, cancel, defaults.deadlineMs, callTimeoutMs);
	if (!opened.ok) return opened;
	const {files, sessions} = opened.value;
	const reader = createReader({cancel, deadlineMs: defaults.deadlineMs, callTimeoutMs, attempts: defaults.maxAttempts});
	try {
		const unreachable = await firstUnreachable(reader, sessions, files, callerProfileName(options, env));
		if (reader.cancelled()) return err(cancelled);
		return unreachable ? err(unreachable) : ok(undefined);
	} finally {
		reader.close();
		for (const session of sessions) session.clients.destroy();
	}
};
