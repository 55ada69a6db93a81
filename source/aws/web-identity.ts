import {fromWebToken, type fromIni} from '@aws-sdk/credential-providers';
import {formatSize} from '../shared/format-size.js';
import {err, ok, type Result} from '../shared/result.js';
import {describeFailure, notAwsAdvice, tlsAdvice} from './aws-error.js';
import {maxAnswerBytes} from './bounded-body.js';
import type {Credentials} from './credential-identity.js';
import {silentLogger} from './quiet.js';
import {unreachableOf} from './reach.js';
import {readTokenFile} from './token-file.js';

/**
 * sts:AssumeRoleWithWebIdentity, always through an STS client with our settings (endpoint, CA bundle, answers
 * bounded, the deadline and Ctrl+C): for a web-identity profile, and for the environment's web identity
 * (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN), whose failures are worded here, naming the file and the role.
 */

/** The settings of the STS client the call is made with: fromWebToken makes the SDK's STS client from them. */
export type WebIdentityClientConfig = NonNullable<Parameters<typeof fromWebToken>[0]['clientConfig']>;

type WebIdentityAssumer = NonNullable<NonNullable<Parameters<typeof fromIni>[0]>['roleAssumerWithWebIdentity']>;

/**
 * For a web-identity profile (web_identity_token_file + role_arn, alone or as a role profile's source_profile).
 * fromIni hands such a profile to fromTokenFile without its clientConfig (credential-provider-ini's
 * resolveWebIdentityCredentials passes only parentClientConfig, whose endpoint the STS client it makes does not
 * take), so without this the call would go to the SDK's own endpoint with its own handler: unbounded, with no
 * deadline or Ctrl+C, without our CA bundle.
 */
export const webIdentityAssumer =
	(clientConfig: WebIdentityClientConfig): WebIdentityAssumer =>
	async params =>
		fromWebToken({
			roleArn: params.RoleArn,
			roleSessionName: params.RoleSessionName,
			webIdentityToken: params.WebIdentityToken,
			...(params.ProviderId === undefined ? {} : {providerId: params.ProviderId}),
			...(params.PolicyArns === undefined ? {} : {policyArns: params.PolicyArns}),
			...(params.Policy === undefined ? {} : {policy: params.Policy}),
			...(params.DurationSeconds === undefined ? {} : {durationSeconds: params.DurationSeconds}),
			logger: silentLogger,
			clientConfig,
		})();

/** The environment's web identity, as the SDK's default chain reads it. */
export type EnvironmentWebIdentity = {readonly tokenFile: string; readonly roleArn: string; readonly sessionName?: string};

export const environmentWebIdentity = (env: NodeJS.ProcessEnv): EnvironmentWebIdentity | undefined => {
	const tokenFile = env['AWS_WEB_IDENTITY_TOKEN_FILE'];
	const roleArn = env['AWS_ROLE_ARN'];
	if (!tokenFile || !roleArn) return undefined;
	const sessionName = env['AWS_ROLE_SESSION_NAME'];
	return {tokenFile, roleArn, ...(sessionName ? {sessionName} : {})};
};

/** How lines name it: `the web identity of role arn:… (AWS_ROLE_ARN)`. */
export const webIdentityName = (identity: EnvironmentWebIdentity): string => `the web identity of role ${identity.roleArn} (AWS_ROLE_ARN)`;

const fileFix = "point AWS_WEB_IDENTITY_TOKEN_FILE at the file that holds the identity provider's token, or unset it and AWS_ROLE_ARN to use other credentials";

/** The token, bounded (token-file.ts): the SDK's readFileSync of a device or a never-ending pipe would hold the event loop. */
const readToken = (path: string): Promise<Result<string, string>> =>
	readTokenFile({path, named: `the web identity token file ${path} (AWS_WEB_IDENTITY_TOKEN_FILE)`, limitWhy: 'AWS STS takes a token of at most 20,000 characters', fix: fileFix});

/** AWS's codes that say the token itself is not good (STS API reference: "Get a new identity token from the identity provider and then retry the request"). */
const tokenCodes = new Set(['ExpiredTokenException', 'InvalidIdentityToken', 'InvalidIdentityTokenException', 'IDPRejectedClaim', 'IDPRejectedClaimException']);
const providerUnreachableCodes = new Set(['IDPCommunicationError', 'IDPCommunicationErrorException']);
const networkFix = 'check the network connection and any proxy (HTTPS_PROXY), then try again';

/** One line for a failed AssumeRoleWithWebIdentity: what stopped it, the file and the role, and the fix. */
const describeWebIdentityFailure = (identity: EnvironmentWebIdentity, error: unknown): string => {
	const failure = describeFailure(error);
	const name = webIdentityName(identity);
	if (failure.kind === 'too-large') {
		return `the answer of AWS STS to ${name} was over ${formatSize(maxAnswerBytes)}, the most one answer may hold — check the STS endpoint it uses (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL) and any proxy`;
	}
	const unreachable = failure.kind === 'credentials' ? undefined : unreachableOf(failure);
	if (unreachable) return `AWS STS could not be reached for ${name}: ${unreachable.reason} — ${unreachable.cause === 'tls' ? tlsAdvice : unreachable.cause === 'not-aws' ? notAwsAdvice : networkFix}`;
	if (failure.status === undefined || failure.kind === 'server' || failure.kind === 'throttled') {
		return `AWS STS gave no credentials for ${name}: ${failure.code}: ${failure.message} — try again later; if it persists, check AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE`;
	}
	const fix = tokenCodes.has(failure.code)
		? 'get a new token from its identity provider into the file, then try again'
		: providerUnreachableCodes.has(failure.code)
			? "AWS could not reach the token's identity provider to check it, often a passing network fault: try again"
			: failure.kind === 'denied'
				? "check the role's trust policy: it must allow sts:AssumeRoleWithWebIdentity to the token's identity provider (a Federated principal), with conditions the token's claims meet"
				: 'check AWS_ROLE_ARN and the token in the file';
	return `AWS STS refused the web identity token in ${identity.tokenFile} (AWS_WEB_IDENTITY_TOKEN_FILE) for role ${identity.roleArn} (AWS_ROLE_ARN): ${failure.code}: ${failure.message} — ${fix}`;
};

/** The environment's web identity: the token read (bounded), then AssumeRoleWithWebIdentity with our settings; a failure is one line. */
export const assumeEnvironmentWebIdentity = async (identity: EnvironmentWebIdentity, clientConfig: WebIdentityClientConfig): Promise<Result<Credentials, string>> => {
	const token = await readToken(identity.tokenFile);
	if (!token.ok) return token;
	try {
		return ok(
			await fromWebToken({
				roleArn: identity.roleArn,
				webIdentityToken: token.value,
				// Absent, fromWebToken names the session as the SDK's default chain does (aws-sdk-js-session-<time>).
				...(identity.sessionName ? {roleSessionName: identity.sessionName} : {}),
				logger: silentLogger,
				clientConfig,
			})(),
		);
	} catch (error) {
		return err(describeWebIdentityFailure(identity, error));
	}
};
