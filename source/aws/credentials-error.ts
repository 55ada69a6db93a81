import {formatSize} from '../shared/format-size.js';
import {describeFailure, networkWords, type Failure} from './aws-error.js';
import {answerTooLargeName, answerTooLargeText, maxAnswerBytes} from './bounded-body.js';
import {profileKind} from './profiles.js';
import type {IniSection, SharedFiles} from './shared-files.js';

/*
 * Why a profile's credentials could not be had, in one line naming the profile and the fix: the SDK provider's error
 * (STS, the SSO portal, their network) read back into what the user can do about it.
 */

export type CredentialsErrorKind = 'unknown-profile' | 'no-credentials' | 'sso-expired';
export type CredentialsError = {readonly kind: CredentialsErrorKind; readonly message: string};

const firstLine = (error: unknown): string => {
	const text = error instanceof Error ? error.message : String(error);
	return (text.split('\n')[0] ?? '').trim();
};

export const ssoLogin = (profile: string): string => `run aws sso login --profile ${profile}`;

/** The profile whose SSO token a profile's credentials come from: itself, or a `source_profile` it chains to. */
export const ssoProfileBehind = (name: string, files: SharedFiles): string | undefined => {
	const seen = new Set<string>();
	let current: string | undefined = name;
	while (current !== undefined && !seen.has(current)) {
		seen.add(current);
		const section: IniSection | undefined = files.profiles[current];
		if (!section) return undefined;
		if (profileKind(section) === 'sso') return current;
		current = section['role_arn'] ? section['source_profile'] : undefined;
	}
	return undefined;
};

export const needsMfa = (name: string): CredentialsError => ({
	kind: 'no-credentials',
	message: `profile ${name} needs an MFA code, which s3-kms-doctor does not ask for: export temporary credentials (aws sts get-session-token) or use a profile without mfa_serial`,
});

/**
 * The provider's error as a read's failure: STS's errors come as they are; the SSO provider rewraps its client's error
 * as "Name: message", so the name is taken back from the text (and a system error code from it).
 */
const providerFailure = (error: unknown): Failure => {
	// An AWS service's own error (STS's) carries its metadata, and its message may well start "User: arn:…".
	if (typeof (error as {$metadata?: unknown} | undefined)?.$metadata === 'object') return describeFailure(error);
	const text = error instanceof Error ? error.message : String(error);
	const rewrapped = /^(\w+): /.exec(text);
	if (!rewrapped) return describeFailure(error);
	const code = /\b(E[A-Z_]{3,})\b/.exec(text)?.[1];
	const failure = describeFailure({name: rewrapped[1], message: text.slice(rewrapped[0].length), ...(code ? {code} : {})});
	// A JSON parser's own error without the SDK's words for it: still an answer that is not AWS's.
	return failure.kind === 'other' && rewrapped[1] === 'SyntaxError' ? {...failure, kind: 'not-aws'} : failure;
};

export const describeProviderError = (name: string, error: unknown, files: SharedFiles): CredentialsError => {
	const message = firstLine(error);
	// The SSO provider rewraps the error: its first line is all that is left of it.
	if ((error as {name?: unknown} | undefined)?.name === answerTooLargeName || message === answerTooLargeText) {
		return {
			kind: 'no-credentials',
			message: `could not get credentials for profile ${name}: an answer of the AWS STS or SSO endpoint behind it was over ${formatSize(maxAnswerBytes)}, the most one answer may hold — check the endpoint it uses (endpoint_url, AWS_ENDPOINT_URL) and any proxy`,
		};
	}
	const ssoProfile = ssoProfileBehind(name, files);
	// The SSO portal's answer to a token it no longer takes ("an invalid access token in the request"), rewrapped as "UnauthorizedException: …".
	const portalRefused = ssoProfile !== undefined && /^UnauthorizedException\b/.test(message);
	if (portalRefused || (/\bsso\b/i.test(message) && /expired|invalid|not found|refresh|login/i.test(message))) {
		return {kind: 'sso-expired', message: `the AWS SSO session of profile ${name} has expired or is invalid: ${ssoLogin(ssoProfile ?? name)}`};
	}
	if (/Could not resolve credentials using profile/i.test(message)) {
		return {
			kind: 'no-credentials',
			message: `profile ${name} has no credentials: it names no keys, role_arn, SSO or credential_process (in ${files.configPath} or ${files.credentialsPath})`,
		};
	}
	if ((error as {name?: unknown} | undefined)?.name === 'TimeoutError' || /did not complete within|timed? ?out/i.test(message)) {
		return {
			kind: 'no-credentials',
			message: `could not get credentials for profile ${name}: AWS STS or SSO did not answer in time — check the network connection and any proxy (HTTPS_PROXY), then try again`,
		};
	}
	if (/multi-factor/i.test(message)) return needsMfa(name);
	const behind = ssoProfile === undefined ? 'AWS STS' : ssoProfile === name ? 'the AWS SSO portal' : 'AWS STS or the AWS SSO portal';
	const failure = providerFailure(error);
	const line = (what: string): CredentialsError => ({kind: 'no-credentials', message: `could not get credentials for profile ${name}: ${what}`});
	switch (failure.kind) {
		case 'network':
			return line(`${behind} could not be reached (${networkWords[failure.code] ?? 'network error'}, ${failure.code}) — check the network connection and any proxy (HTTPS_PROXY), then try again`);
		case 'throttled':
			return line(`${behind} throttled the request (${failure.code}) — wait a minute, then try again`);
		case 'server':
			return line(`${behind} failed (${failure.code}) — wait a minute, then try again`);
		case 'not-aws':
			return line(`the answer of ${behind} was not AWS's (it could not be parsed) — check the endpoint it uses (endpoint_url, AWS_ENDPOINT_URL) and any proxy`);
		case 'denied':
			if (ssoProfile !== undefined) break;
			return line(
				`AWS STS refused to let it assume its role (${failure.code}: ${failure.message}) — check the role's trust policy (it must let the source credentials' identity call sts:AssumeRole) and that identity's own policies`,
			);
		default:
			break;
	}
	return {kind: 'no-credentials', message: `could not get credentials for profile ${name}: ${message || 'the credential provider failed'}`};
};
