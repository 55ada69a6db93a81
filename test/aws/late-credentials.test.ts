import {describe, expect, it} from 'vitest';
import {notReadyLine} from '../../source/aws/late-credentials.js';
import type {SharedFiles} from '../../source/aws/shared-files.js';

/** What a profile's credentials wait on at the deadline, walked as the SDK's profile provider (fromIni) walks the chain. */
const files = (profiles: SharedFiles['profiles']): SharedFiles => ({profiles, ssoSessions: {}, services: {}, home: '/nowhere', configPath: '/nowhere/config', credentialsPath: '/nowhere/credentials'});
const line = (name: string, profiles: SharedFiles['profiles']): string => notReadyLine({name, namedBy: '--profile'}, files(profiles), {}, 800);

describe('the line for credentials not ready at the deadline', () => {
	const sso = {sso_start_url: 'https://corp.awsapps.com/start', sso_region: 'eu-west-1', sso_account_id: '111122223333', sso_role_name: 'Admin'};

	it('names the SSO portal where the chain ends at an SSO profile', () => {
		expect(line('deployer', {deployer: {role_arn: 'arn:aws:iam::111122223333:role/Deploy', source_profile: 'hop'}, hop: {role_arn: 'arn:aws:iam::111122223333:role/Hop', source_profile: 'corp'}, corp: sso})).toMatch(
			/: the AWS SSO portal did not answer — .*aws sso login --profile corp$/,
		);
	});

	it('stops at a profile on the way that holds keys: the SDK takes its keys over its role_arn, so only STS is waited on', () => {
		// @aws-sdk/credential-provider-ini, resolveProfileData: past the first profile, "isStaticCredsProfile(data)" returns its keys before any role.
		const profiles = {
			deployer: {role_arn: 'arn:aws:iam::111122223333:role/Deploy', source_profile: 'hop'},
			hop: {role_arn: 'arn:aws:iam::111122223333:role/Hop', source_profile: 'corp', aws_access_key_id: 'AKIAEXAMPLE', aws_secret_access_key: 'secret'},
			corp: sso,
		};
		expect(line('deployer', profiles)).toBe(
			'the credentials of profile deployer were not ready before the 0.8 s deadline: AWS STS did not answer — check the network connection and any proxy (HTTPS_PROXY), then try again',
		);
	});
});
