import {networkWords, notAwsAdvice, tlsAdvice, type Failure} from './aws-error.js';

/**
 * "No read can work": a failure of sts:GetCallerIdentity that every other read would share, because it is
 * about reaching AWS or being recognised by it, not about a permission. GetCallerIdentity needs no permission,
 * so when it fails for one of these reasons, reading on would only repeat the same error once per read.
 */
export type ReachCause = 'network' | 'timeout' | 'tls' | 'credentials' | 'region' | 'not-aws';

export type Unreachable = {
	readonly cause: ReachCause;
	/** What went wrong, in a few words with AWS's or the system's code: "connection refused, ECONNREFUSED". */
	readonly reason: string;
};

const expiredCodes = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);

/** The SDK's words when no Region is set anywhere ("Region is missing"), or its error name for it. */
const regionMissing = (failure: Failure): boolean => failure.code === 'RegionMissing' || /\bregion is missing\b|\bmissing region\b|\bno region\b/i.test(failure.message);

/** Whether a failure of the identity call means no read can work; `undefined`: read on, each read says what it found. */
export const unreachableOf = (failure: Failure): Unreachable | undefined => {
	if (regionMissing(failure)) return {cause: 'region', reason: 'no Region configured'};
	switch (failure.kind) {
		case 'network':
			return {cause: 'network', reason: `${networkWords[failure.code] ?? 'network error'}, ${failure.code}`};
		case 'timeout':
			return {cause: 'timeout', reason: 'no answer in time'};
		case 'tls':
			return {cause: 'tls', reason: `TLS error, ${failure.code}`};
		case 'not-aws':
			return {cause: 'not-aws', reason: `its answer is not AWS's: ${failure.message}`};
		case 'credentials':
			if (/\bsso\b/i.test(failure.message)) return {cause: 'credentials', reason: `the AWS SSO session has expired or is invalid, ${failure.code}`};
			return {cause: 'credentials', reason: `${expiredCodes.has(failure.code) ? 'the credentials have expired' : 'the credentials were rejected'}, ${failure.code}`};
		default:
			return undefined;
	}
};

/** What to do about it; `ssoProfile`: the SSO profile the credentials come from, when they do. */
const fixOf = (profile: string | undefined, unreachable: Unreachable, ssoProfile: string | undefined): string => {
	switch (unreachable.cause) {
		case 'network':
		case 'timeout':
			return 'check the network connection and any proxy (HTTPS_PROXY), then try again';
		case 'tls':
			return tlsAdvice;
		case 'credentials':
			if (ssoProfile) return `run aws sso login --profile ${ssoProfile}`;
			return profile ? `refresh the credentials of profile ${profile}, or use another profile` : 'refresh the credentials, or name a profile with --profile';
		case 'region':
			return 'set a Region with --region or AWS_REGION (or region in the profile)';
		case 'not-aws':
			return notAwsAdvice;
	}
};

/** One line: `profile dev: AWS cannot be reached (connection refused, ECONNREFUSED) — check the network …`. */
export const unreachableLine = (profile: string | undefined, unreachable: Unreachable, ssoProfile?: string): string =>
	`${profile ? `profile ${profile}` : 'the default credentials'}: AWS cannot be reached (${unreachable.reason}) — ${fixOf(profile, unreachable, ssoProfile)}`;
