import {describe, expect, it} from 'vitest';
import {describeFailure, type Failure} from '../../source/aws/aws-error.js';
import {unreachableLine, unreachableOf} from '../../source/aws/reach.js';

const failure = (error: object): Failure => describeFailure(error);

describe('"no read can work": which failures of sts:GetCallerIdentity stop the reads', () => {
	it('stops on the network: refused, DNS, unreachable, timed out', () => {
		expect(unreachableOf(failure({name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9'}))).toEqual({cause: 'network', reason: 'connection refused, ECONNREFUSED'});
		expect(unreachableOf(failure({name: 'Error', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND sts.amazonaws.com'}))).toEqual({cause: 'network', reason: 'DNS lookup failed, ENOTFOUND'});
		expect(unreachableOf(failure({name: 'Error', code: 'ENETUNREACH', message: 'connect ENETUNREACH'}))?.cause).toBe('network');
		expect(unreachableOf(failure({name: 'TimeoutError', message: 'Connection timed out after 5000 ms'}))).toEqual({cause: 'timeout', reason: 'no answer in time'});
		expect(unreachableOf(failure({name: 'Error', code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain'}))?.cause).toBe('tls');
	});

	it('stops on credentials AWS does not accept, expired ones and an expired SSO session', () => {
		// "The security token included in the request is expired" is STS's ExpiredToken answer.
		expect(unreachableOf(failure({name: 'ExpiredToken', message: 'The security token included in the request is expired', $metadata: {httpStatusCode: 403}}))).toEqual({
			cause: 'credentials',
			reason: 'the credentials have expired, ExpiredToken',
		});
		for (const name of ['InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException']) {
			expect(unreachableOf(failure({name, message: 'no', $metadata: {httpStatusCode: 403}})), name).toEqual({cause: 'credentials', reason: `the credentials were rejected, ${name}`});
		}
		expect(unreachableOf(failure({name: 'CredentialsProviderError', message: 'The SSO session associated with this profile has expired or is otherwise invalid.'}))?.reason).toBe(
			'the AWS SSO session has expired or is invalid, CredentialsProviderError',
		);
	});

	it('stops when no Region is configured', () => {
		expect(unreachableOf(failure({name: 'Error', message: 'Region is missing'}))).toEqual({cause: 'region', reason: 'no Region configured'});
	});

	it('reads on after anything else: a denial, throttling, a server error each belong to one read', () => {
		expect(unreachableOf(failure({name: 'AccessDenied', message: 'no', $metadata: {httpStatusCode: 403}}))).toBeUndefined();
		expect(unreachableOf(failure({name: 'ThrottlingException', message: 'slow down', $metadata: {httpStatusCode: 400}}))).toBeUndefined();
		expect(unreachableOf(failure({name: 'InternalFailure', message: 'oops', $metadata: {httpStatusCode: 500}}))).toBeUndefined();
	});

	it('says it in one line naming the profile, the cause and the fix', () => {
		const expired = {cause: 'credentials', reason: 'the credentials have expired, ExpiredToken'} as const;
		expect(unreachableLine('dev', expired, 'dev-sso')).toBe('profile dev: AWS cannot be reached (the credentials have expired, ExpiredToken) — run aws sso login --profile dev-sso');
		expect(unreachableLine('dev', expired)).toBe('profile dev: AWS cannot be reached (the credentials have expired, ExpiredToken) — refresh the credentials of profile dev, or use another profile');
		expect(unreachableLine('dev', {cause: 'region', reason: 'no Region configured'})).toBe(
			'profile dev: AWS cannot be reached (no Region configured) — set a Region with --region or AWS_REGION (or region in the profile)',
		);
	});
});
