import {err, ok, type Result} from '../shared/result.js';
import {caBundlePath, loadCaBundle} from './ca-bundle.js';
import {createClients} from './clients.js';
import type {CollectError, CollectOptions} from './collect.js';
import {resolveCredentials, type ProfileRequest} from './credentials.js';
import type {CredentialsError} from './credentials-error.js';
import {notReadyLine} from './late-credentials.js';
import {configuredEndpoints} from './endpoints.js';
import type {Session, SessionRole} from './session.js';
import type {IniSection, SharedFiles} from './shared-files.js';

export type SessionSettings = {readonly attemptTimeoutMs: number; readonly maxAttempts: number; readonly deadlineMs: number};

/** What choosing the profiles needs of a collection's options. */
export type SessionOptions = Pick<CollectOptions, 'profile' | 'bucketProfile' | 'keyProfile' | 'region' | 'signal'>;

type PlannedSession = {readonly request: ProfileRequest; readonly roles: SessionRole[]};

/** The caller's profile as named by --profile, else AWS_PROFILE; undefined: the SDK's default order. */
export const callerProfileName = (options: SessionOptions, env: NodeJS.ProcessEnv): string | undefined => options.profile ?? (env['AWS_PROFILE'] || undefined);

/** The caller's profile, and the bucket's and key's when given; one session per distinct profile. */
const planSessions = (options: SessionOptions, env: NodeJS.ProcessEnv): PlannedSession[] => {
	const callerName = callerProfileName(options, env);
	const wanted: readonly [SessionRole, string | undefined, string][] = [
		['caller', callerName, options.profile ? '--profile' : 'AWS_PROFILE'],
		['bucket', options.bucketProfile, '--bucket-profile'],
		['key', options.keyProfile, '--key-profile'],
	];
	const planned: PlannedSession[] = [];
	for (const [role, name, namedBy] of wanted) {
		if (role !== 'caller' && name === undefined) continue;
		const same = planned.find(plan => plan.request.name === name);
		if (same) same.roles.push(role);
		else planned.push({request: {...(name === undefined ? {} : {name}), namedBy}, roles: [role]});
	}
	return planned;
};

const regionFor = (options: SessionOptions, env: NodeJS.ProcessEnv, section: IniSection | undefined): string =>
	options.region ?? (env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || section?.['region'] || 'us-east-1');

/** Rejects with nothing, resolves `undefined` if `signal` aborts first. */
const unlessAborted = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> =>
	new Promise(resolve => {
		if (signal.aborted) return resolve(undefined);
		const onAbort = (): void => resolve(undefined);
		signal.addEventListener('abort', onAbort, {once: true});
		void promise.then(value => {
			signal.removeEventListener('abort', onAbort);
			resolve(value);
		});
	});

const errorRank: Readonly<Record<CredentialsError['kind'], number>> = {'unknown-profile': 0, 'sso-expired': 1, 'no-credentials': 2};

/** Resolve every profile's credentials once, before any read: a bad profile stops everything with one line. */
export const openSessions = async (
	options: SessionOptions,
	env: NodeJS.ProcessEnv,
	files: SharedFiles,
	stop: AbortSignal,
	settings: SessionSettings,
): Promise<Result<Session[], CollectError>> => {
	const plans = planSessions(options, env);
	const prepared = [];
	for (const plan of plans) {
		const profile = plan.request.name;
		// No profile named: the SDK's default order, whose shared-file settings are [default]'s.
		const section = profile ? files.profiles[profile] : files.profiles['default'];
		const region = regionFor(options, env, section);
		const endpoints = configuredEndpoints(env, section ?? {}, files);
		if (!endpoints.ok) return err({kind: 'bad-input', message: endpoints.error});
		const bundlePath = caBundlePath(env, section, files.home);
		const caBundle = bundlePath ? await loadCaBundle(bundlePath) : undefined;
		if (caBundle && !caBundle.ok) return err({kind: 'bad-input', message: caBundle.error});
		prepared.push({plan, region, endpoints: endpoints.value, ...(caBundle ? {caBundle: caBundle.value} : {})});
	}
	// `stop` also reaches into each resolution: it aborts the STS and SSO requests and kills a credential_process.
	const pending = new Set(prepared.map(({plan}) => plan));
	const resolving = prepared.map(({plan, region, endpoints, caBundle}) =>
		resolveCredentials(plan.request, {env, files, region, endpoints, stop, attemptTimeoutMs: settings.attemptTimeoutMs, ...(caBundle ? {caBundle} : {})}).finally(() =>
			pending.delete(plan),
		),
	);
	const resolved = await unlessAborted(Promise.all(resolving), stop);
	if (resolved === undefined) {
		if (options.signal?.aborted) return err({kind: 'cancelled', message: 'collection cancelled'});
		const late = plans.find(plan => pending.has(plan)) ?? plans[0]!;
		return err({kind: 'no-credentials', message: notReadyLine(late.request, files, env, settings.deadlineMs)});
	}
	const failures = resolved.flatMap(result => (result.ok ? [] : [result.error])).sort((a, b) => errorRank[a.kind] - errorRank[b.kind]);
	if (failures[0]) return err(failures[0]);
	const credentials = resolved.flatMap(result => (result.ok ? [result.value] : []));
	return ok(
		prepared.map(({plan, region, endpoints, caBundle}, index) => {
			const name = plan.request.name;
			return {
				name: name ?? 'default chain',
				...(name === undefined ? {} : {profile: name}),
				roles: plan.roles,
				region,
				accessKeyId: credentials[index]!.accessKeyId,
				clients: createClients({
					credentials: credentials[index]!,
					region,
					endpoints,
					...(name ? {profile: name} : {}),
					attemptTimeoutMs: settings.attemptTimeoutMs,
					maxAttempts: settings.maxAttempts,
					...(caBundle ? {caBundle} : {}),
				}),
			};
		}),
	);
};

